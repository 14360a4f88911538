/** The three tabs of 三张清单. */
export type TabKey = 'needs' | 'resources' | 'projects';

export const TABS: Array<{ key: TabKey; label: string }> = [
  { key: 'needs', label: '需求清单' },
  { key: 'resources', label: '资源清单' },
  { key: 'projects', label: '项目清单' },
];

/** Changes that take a few words from staff first. */
export type PanelMode = 'closeNeed' | 'reopenNeed' | 'pauseResource' | 'retireResource' | 'cancelProject';

export interface PanelSpec {
  title: string;
  placeholder: string;
  submit: string;
  /** The server refuses the change without a reason. */
  required: boolean;
  done: string;
}

export const PANELS: Record<PanelMode, PanelSpec> = {
  closeNeed: { title: '关闭原因', placeholder: '如：居民已自行解决、重复登记', submit: '关闭需求', required: true, done: '需求已关闭' },
  reopenNeed: { title: '重新打开的原因', placeholder: '如：问题再次出现', submit: '重新打开', required: true, done: '需求已重新打开' },
  pauseResource: { title: '暂停原因（可不填）', placeholder: '如：服务队人员外出培训', submit: '暂停资源', required: false, done: '资源已暂停，暂不参与匹配' },
  retireResource: { title: '下架原因（可不填）', placeholder: '如：单位不再提供该服务', submit: '下架资源', required: false, done: '资源已下架' },
  cancelProject: { title: '取消原因', placeholder: '如：资金未落实，需求退回清单', submit: '取消项目', required: true, done: '项目已取消，需求已退回清单' },
};

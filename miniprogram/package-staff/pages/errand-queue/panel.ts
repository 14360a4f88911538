/** The form opened under one errand: assign it, record the result, add progress, or cancel it. */
export type PanelMode = 'assign' | 'done' | 'note' | 'cancel';

export interface PanelSpec {
  title: string;
  placeholder: string;
  /** The text is required. */
  required: boolean;
  submit: string;
}

export const PANELS: Record<PanelMode, PanelSpec> = {
  assign: { title: '指派给', placeholder: '说明（改派时必填）', required: false, submit: '确认指派' },
  done: { title: '办理结果', placeholder: '如：医保缴费已办好，凭证放在服务台，请凭身份证领取', required: true, submit: '确认办结' },
  note: { title: '办理进展', placeholder: '如：材料已送到市民中心，预计周五办好', required: true, submit: '记录进展' },
  cancel: { title: '取消原因', placeholder: '如：居民已自行办理', required: true, submit: '确认取消' },
};

export const TABS = [
  { key: 'submitted', label: '待受理', scope: 'queue', status: 'submitted', count: 'errandsUnassigned' },
  { key: 'accepted', label: '办理中', scope: 'queue', status: 'accepted' },
  { key: 'assigned', label: '我经手的', scope: 'assigned' },
] as const;

export type TabKey = (typeof TABS)[number]['key'];

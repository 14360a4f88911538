import type { NoticeFieldType, NoticeKind } from '../../typings/user';

interface FieldSpec {
  label: string;
  type: NoticeFieldType;
  /** The keyword's name and key in the recommended public-library template. */
  name: string;
  keyword: string;
  /** What a test message carries; times are taken from the moment of the test. */
  sample?: string | number;
}

interface KindSpec {
  label: string;
  to: string;
  /** The public-library template to look for (公共模板库), by title. */
  title: string;
  /** The page a test message opens. */
  page: string;
  fields: Record<string, FieldSpec>;
}

const text = (label: string, name: string, keyword: string, sample: string): FieldSpec => ({ label, type: 'text', name, keyword, sample });
const status = (label: string, name: string, keyword: string, sample: string): FieldSpec => ({ label, type: 'status', name, keyword, sample });
const time = (label: string, name: string, keyword: string): FieldSpec => ({ label, type: 'time', name, keyword });

/**
 * Every subscribe message the product sends: what each field means, and the recommended
 * public-library template with the keyword each field goes to. A community picks its own
 * templates (their keyword numbers differ) on the notice settings page.
 */
export const NOTICE_KINDS = {
  wishReviewed: {
    label: '心愿审核结果',
    to: '发布心愿的居民',
    title: '审核结果通知',
    page: 'pages/wish/mine/index',
    fields: {
      title: text('心愿', '审核内容', 'thing1', '楼道灯坏了请帮忙修理'),
      result: status('审核结果', '审核结果', 'phrase2', '已通过'),
      note: text('说明', '备注', 'thing3', '心愿已上墙，等待志愿者认领'),
    },
  },
  wishClaimed: {
    label: '心愿被认领',
    to: '发布心愿的居民',
    title: '认领成功通知',
    page: 'pages/wish/mine/index',
    fields: {
      title: text('心愿', '心愿名称', 'thing1', '楼道灯坏了请帮忙修理'),
      claimer: { label: '认领人', type: 'name', name: '认领人', keyword: 'thing2', sample: '李**' },
      at: time('认领时间', '认领时间', 'time3'),
    },
  },
  wishFulfilled: {
    label: '心愿待确认',
    to: '发布心愿的居民',
    title: '服务完成通知',
    page: 'pages/wish/mine/index',
    fields: {
      title: text('心愿', '服务内容', 'thing1', '楼道灯坏了请帮忙修理'),
      at: time('完成时间', '完成时间', 'time2'),
      note: text('提示', '温馨提示', 'thing3', '请确认心愿是否已完成'),
    },
  },
  wishConfirmed: {
    label: '心愿完成，积分到账',
    to: '认领心愿的志愿者',
    title: '积分到账通知',
    page: 'pages/points/index/index',
    fields: {
      reason: text('积分来源', '获得原因', 'thing1', '完成微心愿：楼道灯坏了请帮忙修理'),
      points: { label: '积分', type: 'number', name: '获得积分', keyword: 'number2', sample: 10 },
      at: time('到账时间', '到账时间', 'time3'),
    },
  },
  bookingReminder: {
    label: '预约前一天提醒',
    to: '预约的居民',
    title: '预约提醒',
    page: 'pages/booking/mine/index',
    fields: {
      service: text('预约项目', '预约项目', 'thing1', '社保医保政策咨询'),
      start: time('预约时间', '预约时间', 'time2'),
      place: text('地点', '预约地点', 'thing3', '北海社区党群服务中心'),
    },
  },
  bookingPromoted: {
    label: '候补成功',
    to: '候补的居民或志愿者',
    title: '候补成功通知',
    page: 'pages/booking/mine/index',
    fields: {
      title: text('预约项目', '预约项目', 'thing1', '社保医保政策咨询'),
      start: time('开始时间', '预约时间', 'time2'),
      note: text('提示', '温馨提示', 'thing3', '候补成功，请按时前往'),
    },
  },
  errandUpdated: {
    label: '代办进度',
    to: '申请代办或上门帮办的居民',
    title: '办理进度通知',
    page: 'pages/booking/mine/index',
    fields: {
      service: text('办理事项', '办理事项', 'thing1', '社保医保代办'),
      status: status('办理状态', '办理状态', 'phrase2', '已受理'),
      note: text('说明', '备注', 'thing3', '点击查看办理进度'),
    },
  },
  activityReminder: {
    label: '活动前一天提醒',
    to: '报名活动的人',
    title: '活动开始提醒',
    page: 'pages/booking/mine/index',
    fields: {
      title: text('活动', '活动名称', 'thing1', '敬老院志愿服务'),
      start: time('开始时间', '开始时间', 'time2'),
      place: text('地点', '活动地点', 'thing3', '北海社区党群服务中心'),
    },
  },
  activityCancelled: {
    label: '活动取消',
    to: '报名活动的人',
    title: '活动取消通知',
    page: 'pages/booking/mine/index',
    fields: {
      title: text('活动', '活动名称', 'thing1', '敬老院志愿服务'),
      start: time('活动时间', '活动时间', 'time2'),
      reason: text('取消原因', '取消原因', 'thing3', '天气原因，改期另行通知'),
    },
  },
  ticketDispatched: {
    label: '新工单派到',
    to: '工单的办理人（网格员、共建单位等）',
    title: '工单派发通知',
    page: 'pages/lists/tasks/index',
    fields: {
      title: text('工单', '工单内容', 'thing1', '3幢楼道堆放杂物'),
      due: time('处理时限', '处理时限', 'time2'),
      note: text('提示', '备注', 'thing3', '请按时接单'),
    },
  },
  ticketUpdated: {
    label: '工单进度',
    to: '提出诉求的居民；评价后的办理人',
    title: '工单进度通知',
    page: 'pages/lists/mine/index',
    fields: {
      title: text('工单', '工单内容', 'thing1', '3幢楼道堆放杂物'),
      status: status('进度', '处理进度', 'phrase2', '已派单'),
      note: text('说明', '备注', 'thing3', '社区已安排专人办理'),
    },
  },
  ticketDeadline: {
    label: '工单临近时限',
    to: '工单的办理人',
    title: '工单超时提醒',
    page: 'pages/lists/tasks/index',
    fields: {
      title: text('工单', '工单内容', 'thing1', '3幢楼道堆放杂物'),
      due: time('时限', '截止时间', 'time2'),
      note: text('提示', '温馨提示', 'thing3', '请及时办结'),
    },
  },
  ticketEscalated: {
    label: '工单提级督办',
    to: '网格长、社区书记',
    title: '工单督办通知',
    page: 'pages/lists/tasks/index',
    fields: {
      title: text('工单', '工单内容', 'thing1', '3幢楼道堆放杂物'),
      reason: text('督办原因', '督办原因', 'thing2', '超过办结时限未办结'),
      due: time('时限', '处理时限', 'time3'),
    },
  },
  claimChanged: {
    label: '认领变动',
    to: '认领心愿的志愿者',
    title: '任务状态变更通知',
    page: 'pages/wish/detail/index',
    fields: {
      title: text('心愿', '任务名称', 'thing1', '楼道灯坏了请帮忙修理'),
      change: status('变动', '任务状态', 'phrase2', '已撤销'),
      reason: text('原因', '变更原因', 'thing3', '居民已自行解决'),
    },
  },
  staffQueue: {
    label: '待处理事项汇总',
    to: '社区工作者',
    title: '待办事项提醒',
    page: 'package-staff/pages/console/index',
    fields: {
      matter: text('事项', '待办事项', 'thing1', '心愿待审核2件，诉求待派单3件'),
      count: { label: '件数', type: 'number', name: '待办数量', keyword: 'number2', sample: 5 },
      at: time('时间', '提醒时间', 'time3'),
    },
  },
  partyCallout: {
    label: '社区吹哨',
    to: '已报到的党员和兼职网格员',
    title: '任务发布通知',
    page: 'pages/party/callouts/index',
    fields: {
      title: text('任务', '任务名称', 'thing1', '夜间平安巡逻'),
      place: text('地点', '任务地点', 'thing2', '幸福小区北门'),
      start: time('时间', '开始时间', 'time3'),
      note: text('说明', '备注', 'thing4', '需要5人，请到社区吹哨报到'),
    },
  },
  bulletin: {
    label: '紧急通知公告',
    to: '通知范围内的居民',
    title: '社区通知',
    page: 'pages/bulletin/list/index',
    fields: {
      title: text('通知', '通知标题', 'thing1', '本周六幸福小区停水通知'),
      note: text('内容', '通知内容', 'thing2', '6月8日8:00-17:00停水，请提前储水'),
      at: time('发布时间', '发布时间', 'time3'),
    },
  },
} as const satisfies Record<NoticeKind, KindSpec>;

export const KIND_NAMES = Object.keys(NOTICE_KINDS) as NoticeKind[];

type Fields<K extends NoticeKind> = (typeof NOTICE_KINDS)[K]['fields'];
type ValueOf<T extends NoticeFieldType> = T extends 'time' | 'date' | 'number' | 'amount' ? number : string;

/** What a call site passes: each field's meaning (text, epoch ms, a number), never a cut string. */
export type NoticeValues<K extends NoticeKind> = { [F in keyof Fields<K>]: ValueOf<Fields<K>[F] extends { type: infer T extends NoticeFieldType } ? T : never> };

export function kindSpec(kind: NoticeKind): KindSpec {
  return NOTICE_KINDS[kind];
}

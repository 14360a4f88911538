import { bulletinItemView, bulletinView } from '../../../miniprogram/utils/bulletin-view';
import type { Bulletin } from '../../../typings/bulletin';

const NOW = Date.parse('2026-06-05T10:00:00+08:00');

const water: Bulletin = {
  id: 'bl_1',
  title: '周六停水通知',
  excerpt: '周六8:00至17:00停水',
  pinned: true,
  needsConfirm: true,
  urgent: true,
  publishedAt: Date.parse('2026-06-05T08:30:00+08:00'),
  status: 'published',
  read: true,
  confirmed: false,
  text: '周六8:00至17:00停水。\n\n请提前储水。',
  images: [],
  audience: { kind: 'all' },
  audienceLabel: '全体居民',
  byLabel: '社区工作者',
  canConfirm: true,
};

describe('通知公告 as shown', () => {
  it('tags a row 置顶 and 紧急, asks for 收到 until it is given, and says when in words', () => {
    expect(bulletinItemView(water, NOW)).toMatchObject({ tags: ['置顶', '紧急'], confirmText: '请确认收到', when: '今天 08:30' });
    expect(bulletinItemView({ ...water, confirmed: true }, NOW).confirmText).toBe('已确认收到');
    expect(bulletinItemView({ ...water, needsConfirm: false, pinned: false, urgent: false, status: 'withdrawn' }, NOW)).toMatchObject({ tags: ['已撤回'], confirmText: '' });
  });

  it('splits the text into paragraphs, blank lines dropped, and says when it was changed', () => {
    expect(bulletinView(water, NOW)).toMatchObject({ paragraphs: ['周六8:00至17:00停水。', '请提前储水。'], edited: '' });
    expect(bulletinView({ ...water, editedAt: Date.parse('2026-06-05T09:15:00+08:00') }, NOW).edited).toBe('今天 09:15修改');
  });
});

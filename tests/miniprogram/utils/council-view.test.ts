import type { Topic } from '../../../typings/council';
import { toTopicCardView, toTopicPageView } from '../../../miniprogram/utils/council-view';

const NOW = Date.parse('2026-12-08T10:00:00+08:00');

const topic = (extra: Partial<Topic> = {}): Topic => ({
  id: 'tp_1',
  title: '小区建凉亭',
  stage: 'voting',
  stageLabel: '表决',
  areaLabel: '全社区',
  cosigners: 0,
  cosignersNeeded: 0,
  createdAt: NOW,
  updatedAt: NOW,
  background: '老人们想有个遮阳的地方',
  photos: [],
  proposer: '社区',
  suggestedOptions: ['东侧空地', '北门花园'],
  area: { scope: 'community' },
  history: [],
  comments: [],
  concerned: true,
  cosigned: false,
  can: { cosign: false, comment: false, vote: true, manage: false },
  vote: { options: [{ id: 'o1', label: '东侧空地' }, { id: 'o2', label: '北门花园' }], ballot: 'secret', quorum: 3, threshold: 50, closesAt: NOW + 86400_000, closed: false },
  ...extra,
});

test('a proposal gathering names says how many more it needs; an open vote when it closes', () => {
  expect(toTopicCardView({ ...topic(), stage: 'signing', cosigners: 2, cosignersNeeded: 5 }, NOW).note).toBe('已有2人联名，还差3人');
  expect(toTopicCardView({ ...topic(), voteClosesAt: NOW + 86400_000 }, NOW).note).toBe('表决截止 明天 10:00');
});

test('the stage steps mark what is done and where the topic is now; 联名 is before them all', () => {
  expect(toTopicPageView(topic(), NOW).steps.map((s) => s.state)).toEqual(['done', 'done', 'now', 'todo', 'todo']);
  expect(toTopicPageView(topic({ stage: 'signing' }), NOW).steps.every((s) => s.state === 'todo')).toBe(true);
});

test('a closed vote reads as bars, the winner marked; a household that voted sees it', () => {
  const closed = topic({
    vote: {
      ...topic().vote!,
      closed: true,
      result: { cast: 4, quorumMet: true, passed: true, winner: '东侧空地', tally: [{ optionId: 'o1', label: '东侧空地', count: 3, percent: 75 }, { optionId: 'o2', label: '北门花园', count: 1, percent: 25 }] },
    },
    household: { label: '2幢3单元201室', voted: true },
  });
  const v = toTopicPageView(closed, NOW);
  expect(v.resultText).toBe('4户参加表决，“东侧空地”获得通过');
  expect(v.bars.map((b) => [b.width, b.winner])).toEqual([['75%', true], ['25%', false]]);
  expect(v.closesText).toBe('表决已结束');
  expect(v.householdText).toBe('本户已投票');
  expect(toTopicPageView(topic({ household: { label: '2幢3单元201室', voted: true, optionId: 'o2', byMe: true } }), NOW).householdText).toBe('本户已投票：北门花园');
  const short = toTopicPageView(topic({ vote: { ...closed.vote!, result: { ...closed.vote!.result!, cast: 2, quorumMet: false, passed: false } } }), NOW);
  expect(short.resultText).toBe('2户参加表决，未达到最少户数，表决无效');
});

import { proposalOf, proposeProblems } from '../../../miniprogram/pages/council/propose/form';
import { voteOf, voteProblem } from '../../../miniprogram/package-staff/pages/council-topic/form';

const draft = { title: '楼门口装充电桩', background: '电动车在楼道充电不安全。', options: '北门车棚\n9幢西侧', area: 'community' as const, photos: [] };

test('a proposal names what is missing, field by field, and an area the person does not live in', () => {
  expect(proposeProblems(draft, {})).toEqual([]);
  expect(proposeProblems({ ...draft, title: ' ', background: '' }, {}).map((p) => p.field)).toEqual(['title', 'background']);
  expect(proposeProblems({ ...draft, area: 'building' }, {})).toEqual([{ field: 'area', message: '您还没有选择所住楼栋，请先在“我住哪里”选好' }]);
  expect(proposeProblems({ ...draft, options: 'a\nb\nc\nd\ne\nf\ng' }, {})[0].message).toBe('建议方案最多6个');
});

test('what is sent: options one a line, the area from where the person lives', () => {
  expect(proposalOf({ ...draft, area: 'building' }, { building: '9幢', gridId: 'g3' })).toEqual({
    title: '楼门口装充电桩',
    background: '电动车在楼道充电不安全。',
    options: ['北门车棚', '9幢西侧'],
    area: { scope: 'buildings', buildings: ['9幢'] },
  });
  expect(proposalOf({ ...draft, area: 'grid', options: '' }, { gridId: 'g3' })).toEqual({ title: draft.title, background: draft.background, area: { scope: 'grids', gridIds: ['g3'] } });
});

test('staff open a vote with at least two distinct options and a quorum in households', () => {
  const vote = { options: '同意\n不同意', ballot: 'secret' as const, quorum: '30', threshold: 50, days: 7 };
  expect(voteProblem(vote)).toBeNull();
  expect(voteProblem({ ...vote, options: '同意' })).toBe('请至少填写2个选项，一行一个');
  expect(voteProblem({ ...vote, options: '同意\n同意' })).toBe('选项不能重复');
  expect(voteProblem({ ...vote, quorum: '0' })).toBe('最少投票户数请填写正整数');
  expect(voteOf('tp_1', vote, 1000)).toEqual({ id: 'tp_1', options: ['同意', '不同意'], ballot: 'secret', quorum: 30, threshold: 50, closesAt: 1000 + 7 * 86_400_000 });
});

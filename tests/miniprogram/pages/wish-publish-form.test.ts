import { checkDraft, draftProblems, worthMatching } from '../../../miniprogram/pages/wish/publish/form';

const ok = { title: '想要一台助行器', content: '爷爷腿脚不便', category: '助老助残' };

test('a complete draft passes; each missing part is named', () => {
  expect(checkDraft(ok)).toBeNull();
  expect(checkDraft({ ...ok, title: '  ' })).toBe('请填写心愿标题');
  expect(checkDraft({ ...ok, content: '' })).toBe('请写一写心愿的具体内容');
  expect(checkDraft({ ...ok, category: '' })).toBe('请选择心愿类别');
  expect(checkDraft({ ...ok, category: '别的' })).toBe('请选择心愿类别');
});

test('the limits are the server’s: 30 for the title, 300 for the content', () => {
  expect(checkDraft({ ...ok, title: '字'.repeat(30) })).toBeNull();
  expect(checkDraft({ ...ok, title: '字'.repeat(31) })).toBe('心愿标题不能超过30个字');
  expect(checkDraft({ ...ok, content: '字'.repeat(301) })).toBe('心愿内容不能超过300个字');
});

test('look-alikes are asked for once there is a category and two characters of title', () => {
  expect(worthMatching({ ...ok, category: '' })).toBe(false);
  expect(worthMatching({ ...ok, title: '想' })).toBe(false);
  expect(worthMatching({ ...ok, title: '想要' })).toBe(true);
});

test('all problems at once, one per field, in the order of the fields on the page', () => {
  expect(draftProblems(ok)).toEqual([]);
  expect(draftProblems({ title: '', content: '字'.repeat(301), category: '' })).toEqual([
    { field: 'title', message: '请填写心愿标题' },
    { field: 'content', message: '心愿内容不能超过300个字' },
    { field: 'category', message: '请选择心愿类别' },
  ]);
});

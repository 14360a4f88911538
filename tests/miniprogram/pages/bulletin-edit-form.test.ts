import { draftProblem, publishRequest, toggle, type BulletinDraft } from '../../../miniprogram/package-staff/pages/bulletin-edit/form';

const draft: BulletinDraft = {
  title: ' 周六停水 ',
  text: '8:00至17:00停水 ',
  audienceKind: 'all',
  gridIds: [],
  roles: [],
  pinned: true,
  needsConfirm: true,
  urgent: false,
  images: [],
  attachment: null,
};

describe('发布通知 form', () => {
  it('names the first thing missing, in field order', () => {
    expect(draftProblem({ ...draft, title: ' ' })).toBe('请填写标题');
    expect(draftProblem({ ...draft, text: '' })).toBe('请填写正文');
    expect(draftProblem({ ...draft, audienceKind: 'grids' })).toBe('请至少选择一个网格');
    expect(draftProblem({ ...draft, audienceKind: 'roles' })).toBe('请至少选择一种身份');
    expect(draftProblem(draft)).toBeNull();
  });

  it('sends trimmed words and only the audience chosen, pictures and attachment only when there are some', () => {
    expect(publishRequest(draft)).toEqual({ title: '周六停水', text: '8:00至17:00停水', audience: { kind: 'all' }, pinned: true, needsConfirm: true, urgent: false });
    const grids = publishRequest({ ...draft, audienceKind: 'grids', gridIds: ['g1'], roles: ['volunteer'], images: ['cloud://a.png'], attachment: { fileId: 'cloud://b.pdf', name: '通知.pdf' } });
    expect(grids).toMatchObject({ audience: { kind: 'grids', gridIds: ['g1'] }, images: ['cloud://a.png'], attachment: { fileId: 'cloud://b.pdf', name: '通知.pdf' } });
  });

  it('toggles a choice on and off', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

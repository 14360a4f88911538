import { call, cloudUrl, ok, sdk, uniqueOpenid } from '../support/cloud';
import { getDoc, listsOk, newListsCommunity, patchDoc, rid, type ListsCommunity } from '../support/lists';
import { userIdOf } from '../support/wish';

/**
 * 问卷 through the council function: staff build and publish a survey for some grids, each person
 * asked answers once before the deadline, staff read the tally and export it, and closing it puts
 * the 「需要哪些服务」 answers on the needs list, where the matcher pairs them with a resource.
 */

const council = (event: Record<string, unknown>, openid?: string): Promise<any> => call('council', event, openid);
const councilOk = <T = any>(event: Record<string, unknown>, openid?: string) => ok<T>('council', event, openid);

const QUESTIONS = [
  { kind: 'single', title: '您平时在哪里吃午饭', options: ['自己做', '子女送', '社区食堂'] },
  { kind: 'multiple', title: '您常去哪些地方', options: ['菜场', '公园', '卫生站', '党群服务中心'] },
  { kind: 'scale', title: '您对楼道卫生打几分' },
  { kind: 'text', title: '还有什么想说的', optional: true },
  { kind: 'needs', title: '您需要哪些服务', options: ['送餐助餐', '陪同就医', '电脑手机教学'] },
];

async function residentOf(c: ListsCommunity, gridId: string): Promise<string> {
  const openid = uniqueOpenid('srv');
  await ok('user', { action: 'login', scene: `c=${c.code}&g=g1` }, openid);
  await sdk().database().collection('users').doc(await userIdOf(openid)).update({ gridId });
  return openid;
}

async function answersOf(surveyId: string): Promise<any[]> {
  const res = await sdk().database().collection('survey_answers').where({ surveyId }).limit(1000).get();
  return res.data;
}

describe('问卷', () => {
  let c: ListsCommunity;
  let id: string;

  beforeAll(async () => {
    c = await newListsCommunity();
  });

  it('only staff build a survey, and each question takes only the options its kind has', async () => {
    expect(await council({ action: 'saveSurvey', title: '居民需求调查', questions: QUESTIONS, requestId: rid() }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const bad = [
      [{ kind: 'single', title: '只有一个选项', options: ['是'] }, '第1题须有2–8个选项'],
      [{ kind: 'needs', title: '需要什么', options: ['送餐助餐', '买菜'] }, '第1题的「买菜」不是需求清单的服务类别'],
      [{ kind: 'scale', title: '打分', options: ['好', '坏'] }, '第1题是打分题，不设选项'],
      [{ kind: 'multiple', title: '重复', options: ['菜场', '菜场'] }, '第1题的选项有重复'],
    ] as const;
    for (const [q, message] of bad) {
      expect(await council({ action: 'saveSurvey', title: '居民需求调查', questions: [q], requestId: rid() }, c.staff)).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message });
    }
    const res = await sdk().database().collection('surveys').where({ communityId: c.id }).get();
    expect(res.data).toEqual([]);

    const { survey } = await councilOk({ action: 'saveSurvey', title: '居民需求调查', intro: '请花两分钟填写', questions: QUESTIONS, requestId: rid() }, c.staff);
    expect(survey).toMatchObject({ status: 'draft', questionCount: 5, canAnswer: false });
    id = survey.id;
    // A draft is staff's alone.
    expect(await council({ action: 'survey', id }, c.resident)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const edited = await councilOk({ action: 'saveSurvey', id, title: '2026年居民需求调查', questions: QUESTIONS, requestId: rid() }, c.staff);
    expect(edited.survey).toMatchObject({ id, title: '2026年居民需求调查' });
    expect(edited.survey.intro).toBeUndefined();
  });

  it('is published for some grids, and only their residents see it', async () => {
    const past = await council({ action: 'publishSurvey', id, target: { scope: 'grids', gridIds: [c.gridId] }, deadline: Date.now() - 1000, requestId: rid() }, c.staff);
    expect(past).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT', message: '截止时间须晚于现在' });
    const { survey } = await councilOk({ action: 'publishSurvey', id, target: { scope: 'grids', gridIds: [c.gridId] }, deadline: Date.now() + 7 * 24 * 3600_000, requestId: rid() }, c.staff);
    expect(survey).toMatchObject({ status: 'open', targetLabel: '第一网格', respondents: 0 });
    expect(await council({ action: 'saveSurvey', id, title: '改题', questions: QUESTIONS, requestId: rid() }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const mine = await councilOk({ action: 'surveys' }, c.resident);
    expect(mine.items).toEqual([expect.objectContaining({ id, answered: false, ended: false, questionCount: 5 })]);
    const elsewhere = await residentOf(c, c.grid2);
    expect((await councilOk({ action: 'surveys' }, elsewhere)).items).toEqual([]);
    expect(await council({ action: 'survey', id }, elsewhere)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await council({ action: 'answer', id, answers: [0, [0], 3, null, [0]], requestId: rid() }, elsewhere)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    // The grid's worker is asked too.
    expect((await councilOk({ action: 'survey', id }, c.workerOpenid)).survey.canAnswer).toBe(true);
  });

  it('takes one answer per person: a bad answer changes nothing, a second is refused, two at once make one', async () => {
    const missing = await council({ action: 'answer', id, answers: [0, [0], null, null, [0]], requestId: rid() }, c.resident);
    expect(missing).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '第3题还没有回答' });
    const outOfRange = await council({ action: 'answer', id, answers: [0, [0], 6, null, [0]], requestId: rid() }, c.resident);
    expect(outOfRange).toEqual({ ok: false, code: 'INVALID_ARGUMENT', message: '第3题请打1到5分' });
    expect(await answersOf(id)).toEqual([]);

    const requestId = rid();
    const first = await councilOk({ action: 'answer', id, answers: [2, [0, 2], 4, '希望多办讲座', [0, 1]], requestId }, c.resident);
    expect(first.survey).toMatchObject({ answered: true, canAnswer: false, mine: [2, [0, 2], 4, '希望多办讲座', [0, 1]] });
    // The same request again answers as the first time; another is refused.
    expect(await councilOk({ action: 'answer', id, answers: [2, [0, 2], 4, '希望多办讲座', [0, 1]], requestId }, c.resident)).toEqual(first);
    expect(await council({ action: 'answer', id, answers: [0, [1], 1, null, [2]], requestId: rid() }, c.resident)).toEqual({ ok: false, code: 'CONFLICT', message: '您已填写过这份问卷' });

    const racer = await residentOf(c, c.gridId);
    const sent = await Promise.all(Array.from({ length: 6 }, () => council({ action: 'answer', id, answers: [1, [1], 5, null, [0]], requestId: rid() }, racer)));
    expect(sent.filter((r) => r.ok)).toHaveLength(1);
    expect(sent.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5).fill('CONFLICT'));
    const stored = await answersOf(id);
    expect(stored).toHaveLength(2);
    expect(stored.map((a) => a._id).sort()).toEqual([`${id}.${c.residentId}`, `${id}.${await userIdOf(racer)}`].sort());
    expect((await councilOk({ action: 'surveys' }, c.resident)).items).toEqual([expect.objectContaining({ id, answered: true })]);
  });

  it('shows staff counts per option, the average score and the texts; residents see results only once it ended', async () => {
    await councilOk({ action: 'answer', id, answers: [2, [2], 3, null, [0]], requestId: rid() }, await residentOf(c, c.gridId));
    const { results, survey } = await councilOk({ action: 'surveyResults', id }, c.staff);
    expect(survey.respondents).toBe(3);
    expect(results.respondents).toBe(3);
    const [lunch, places, score, text, needs] = results.questions;
    expect(lunch.options.map((o: any) => o.count)).toEqual([0, 1, 2]);
    expect(places.options.map((o: any) => o.count)).toEqual([1, 1, 2, 0]);
    expect(places.options[2]).toEqual({ label: '卫生站', count: 2, percent: 67 });
    expect(score).toMatchObject({ answered: 3, average: 4 });
    expect(score.options.map((o: any) => o.count)).toEqual([0, 0, 1, 1, 1]);
    expect(text).toMatchObject({ answered: 1, texts: ['希望多办讲座'] });
    expect(needs.options).toEqual([
      { label: '送餐助餐', count: 3, percent: 100 },
      { label: '陪同就医', count: 1, percent: 33 },
      { label: '电脑手机教学', count: 0, percent: 0 },
    ]);
    expect((await councilOk({ action: 'survey', id }, c.resident)).survey.results).toBeUndefined();
    expect(await council({ action: 'surveyResults', id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('exports one row per answer with the options in words and no names', async () => {
    expect(await council({ action: 'exportSurvey', id }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const { csv, rows, filename } = await councilOk({ action: 'exportSurvey', id }, c.staff);
    expect(filename).toMatch(new RegExp(`^survey-${id}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(rows).toBe(3);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,网格,提交时间,1. 您平时在哪里吃午饭,2. 您常去哪些地方,3. 您对楼道卫生打几分,4. 还有什么想说的,5. 您需要哪些服务');
    expect(lines[1]).toMatch(/^1,第一网格,\d{4}-\d{2}-\d{2} \d{2}:\d{2},社区食堂,菜场、卫生站,4,希望多办讲座,送餐助餐、陪同就医$/);
    expect(csv).not.toContain('居民');
  });

  it('refuses answers after the deadline with a clear code', async () => {
    await patchDoc('surveys', id, { deadline: Date.now() - 1000 });
    const late = await council({ action: 'answer', id, answers: [0, [0], 3, null, [0]], requestId: rid() }, await residentOf(c, c.gridId));
    expect(late).toEqual({ ok: false, code: 'FAILED_PRECONDITION', message: '问卷已截止，不能再填写' });
    expect(await answersOf(id)).toHaveLength(3);
    // Past its deadline the residents see the results, without anyone's words.
    const { survey } = await councilOk({ action: 'survey', id }, c.resident);
    expect(survey).toMatchObject({ ended: true, canAnswer: false, results: { respondents: 3 } });
    expect(survey.results.questions[3].texts).toBeUndefined();
  });

  it('closing puts the service needs on the needs list, grouped with their count, and the matcher pairs them', async () => {
    const { resource } = await listsOk(
      { action: 'saveResource', op: 'create', resource: { title: '社区助餐点送餐上门', providerKind: 'team', teamName: '助餐志愿服务队', memberIds: [c.volunteerId], categories: ['送餐助餐'], capacity: 10, period: 'week', area: { gridIds: [c.gridId] } }, requestId: rid() },
      c.staff,
    );
    const closed = await councilOk({ action: 'closeSurvey', id, requestId: rid() }, c.staff);
    expect(closed.needs).toBe(2);
    expect(closed.survey.status).toBe('closed');
    expect(await council({ action: 'closeSurvey', id, requestId: rid() }, c.staff)).toMatchObject({ ok: false, code: 'CONFLICT' });

    const meals = await getDoc('needs', `survey.${id}.${c.gridId}.2`);
    expect(meals).toMatchObject({ communityId: c.id, source: 'survey', category: '送餐助餐', title: '3户需要送餐助餐', people: 3, gridId: c.gridId, status: 'open' });
    expect(await getDoc('needs', `survey.${id}.${c.gridId}.4`)).toMatchObject({ title: '1户需要陪同就医', people: 1 });

    const listed = await listsOk({ action: 'needs', source: 'survey' }, c.staff);
    expect(listed.items.map((n: any) => n.title).sort()).toEqual(['1户需要陪同就医', '3户需要送餐助餐']);

    const { job } = await listsOk({ action: 'match' }, c.staff);
    expect(job.status).toBe('done');
    const { items } = await listsOk({ action: 'matchResult', jobId: job.id }, c.staff);
    expect(items.find((s: any) => s.need.id === meals._id)).toMatchObject({ resource: { id: resource.id }, need: { source: 'survey', people: 3 }, reasons: expect.arrayContaining(['技能匹配']) });
  });

  it('a survey past its deadline closes by the timer, and its needs reach the list all the same', async () => {
    const { survey } = await councilOk({ action: 'saveSurvey', title: '助餐需求摸底', questions: [QUESTIONS[4]], requestId: rid() }, c.staff);
    await councilOk({ action: 'publishSurvey', id: survey.id, target: { scope: 'community' }, deadline: Date.now() + 3600_000, requestId: rid() }, c.staff);
    await councilOk({ action: 'answer', id: survey.id, answers: [[1]], requestId: rid() }, await residentOf(c, c.grid2));
    // A client cannot run the timer.
    expect(await council({ Type: 'Timer', TriggerName: 'closeSurveys' }, c.staff)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const fire = async () => ((await (await fetch(`${cloudUrl()}/timers/council/closeSurveys`, { method: 'POST' })).json()) as any).result;
    // Just past its deadline it waits a few minutes for answers sent in time that commit late.
    await patchDoc('surveys', survey.id, { deadline: Date.now() - 1000 });
    await fire();
    expect(await getDoc('surveys', survey.id)).toMatchObject({ status: 'open' });
    await patchDoc('surveys', survey.id, { deadline: Date.now() - 6 * 60_000 });
    expect((await fire()).ok).toBe(true);
    expect(await getDoc('surveys', survey.id)).toMatchObject({ status: 'closed', needIds: [`survey.${survey.id}.${c.grid2}.4`] });
    expect(await getDoc('needs', `survey.${survey.id}.${c.grid2}.4`)).toMatchObject({ source: 'survey', title: '1户需要陪同就医', status: 'open' });
    const events = (await sdk().database().collection('survey_events').where({ targetId: survey.id }).orderBy('at', 'asc').get()).data;
    expect(events.map((e: any) => [e.to, e.byLabel])).toEqual([['draft', '社区工作者'], ['open', '社区工作者'], ['closed', '系统']]);
  });
});

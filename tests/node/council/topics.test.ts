import { cloudUrl, newRequestId, ok, sdk } from '../support/cloud';
import { newCommunity, type TestCommunity } from '../support/map';
import { failure, householder, openVote, staffTopic } from '../support/council';

const db = () => sdk().database();
const docOf = async (coll: string, id: string) => (await db().collection(coll).doc(id).get()).data[0];
const countOf = async (coll: string, where: Record<string, unknown>) => (await db().collection(coll).where(where).count()).total;

async function fault(api: string, mode: 'error' | 'off', openid: string): Promise<void> {
  const res = await fetch(`${cloudUrl()}/openapi/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api, mode, openid }) });
  expect(res.status).toBe(200);
}

describe('议事协商: a resident’s topic through co-signing and comments', () => {
  let c: TestCommunity;
  let proposer: string;
  let neighbour: string;
  let upstairs: string;
  let elsewhere: string;
  let topicId: string;

  beforeAll(async () => {
    c = await newCommunity();
    [proposer, neighbour, upstairs, elsewhere] = await Promise.all([
      householder(c, '王桂英', '1幢', '1单元101室'),
      householder(c, '李明', '1幢', '1单元102室'),
      householder(c, '赵强', '1幢', '2单元301室'),
      householder(c, '钱芳', '2幢', '1单元201室'),
    ]);
  });

  it('staff set the co-signers a resident’s proposal needs; a resident may not', async () => {
    expect(await failure('council', { action: 'setCouncilRules', cosigners: 0 }, proposer)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok('council', { action: 'setCouncilRules', cosigners: 2 }, c.admin)).rules).toEqual({ cosigners: 2 });
    expect((await ok('council', { action: 'councilRules' }, proposer)).rules).toEqual({ cosigners: 2 });
  });

  it('a resident proposes for their building: it waits for two co-signers, and refuses what does not belong', async () => {
    const form = { action: 'propose', title: '1幢楼道加装扶手', background: '楼里老人多，上下楼不方便，想在楼道加装扶手。', area: { scope: 'buildings', buildings: ['1幢'] } };
    expect(await failure('council', { ...form, cosignersNeeded: 0 }, proposer)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure('council', form, elsewhere)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure('council', { ...form, area: { scope: 'buildings', buildings: ['9幢'] } }, c.admin)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await failure('council', { ...form, background: '楼下有人赌博' }, proposer)).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/不适宜/) });
    expect(await failure('council', { ...form, title: '' }, proposer)).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请填写议题' });
    expect(await countOf('council_topics', { communityId: c.id })).toBe(0);

    const requestId = newRequestId();
    const { topic } = await ok('council', { ...form, requestId }, proposer);
    expect((await ok('council', { ...form, requestId }, proposer)).topic.id).toBe(topic.id);
    expect(topic).toMatchObject({ stage: 'signing', stageLabel: '联名', areaLabel: '1幢', cosigners: 0, cosignersNeeded: 2, proposer: '王桂英', can: { cosign: false, comment: false, manage: false } });
    expect(await countOf('council_topics', { communityId: c.id })).toBe(1);
    topicId = topic.id;
  });

  it('only residents of the area co-sign, once each; the last one needed opens it for comments', async () => {
    expect(await failure('council', { action: 'cosign', id: topicId }, elsewhere)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure('council', { action: 'cosign', id: topicId }, proposer)).toMatchObject({ code: 'CONFLICT' });
    const seen = (await ok('council', { action: 'topic', id: topicId }, neighbour)).topic;
    expect(seen).toMatchObject({ proposer: '王**', concerned: true, can: { cosign: true } });
    expect((await ok('council', { action: 'cosign', id: topicId }, neighbour)).topic).toMatchObject({ stage: 'signing', cosigners: 1, cosigned: true, can: { cosign: false } });
    expect(await failure('council', { action: 'cosign', id: topicId }, neighbour)).toMatchObject({ code: 'CONFLICT', message: '您已联名' });
    const { topic } = await ok('council', { action: 'cosign', id: topicId }, upstairs);
    expect(topic).toMatchObject({ stage: 'collecting', stageLabel: '征集', cosigners: 2, can: { comment: true } });
    expect(topic.history.map((h: { label: string }) => h.label)).toEqual(['联名', '征集']);
    expect((await docOf('council_topics', topicId)).cosignerIds).toHaveLength(2);
  });

  it('comments pass the content check: refused words change nothing, an unchecked one waits for staff', async () => {
    const { comment } = await ok('council', { action: 'comment', id: topicId, text: '扶手最好两边都装' }, neighbour);
    expect(comment).toMatchObject({ author: '李明', mine: true, text: '扶手最好两边都装' });
    expect(await failure('council', { action: 'comment', id: topicId, text: '有人刷单' }, neighbour)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await failure('council', { action: 'comment', id: topicId, text: '我也同意' }, elsewhere)).toMatchObject({ code: 'FORBIDDEN' });
    await fault('security.msgSecCheck', 'error', upstairs);
    try {
      const held = (await ok('council', { action: 'comment', id: topicId, text: '希望用不锈钢的' }, upstairs)).comment;
      expect(held.held).toMatch(/人工审核/);
    } finally {
      await fault('security.msgSecCheck', 'off', upstairs);
    }
    const asProposer = (await ok('council', { action: 'topic', id: topicId }, proposer)).topic;
    expect(asProposer.comments.map((x: { author: string; text: string }) => `${x.author}:${x.text}`)).toEqual(['李*:扶手最好两边都装']);
    const asStaff = (await ok('council', { action: 'topic', id: topicId }, c.admin)).topic;
    expect(asStaff.comments.map((x: { author: string }) => x.author)).toEqual(['赵强', '李明']);
    expect(await countOf('council_comments', { topicId })).toBe(2);
  });

  it('another community reads nothing of it', async () => {
    const other = await newCommunity();
    expect(await failure('council', { action: 'topic', id: topicId }, other.admin)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok('council', { action: 'topics' }, other.admin)).items).toEqual([]);
  });
});

describe('议事协商: meeting, household vote, result, decision and project', () => {
  let c: TestCommunity;
  let a: string;
  let aSpouse: string;
  let b: string;
  let d: string;
  let roomless: string;
  let id: string;

  beforeAll(async () => {
    c = await newCommunity();
    [a, aSpouse, b, d, roomless] = await Promise.all([
      householder(c, '王桂英', '1幢', '1单元101室'),
      householder(c, '张建国', '1幢', '1单元 101'),
      householder(c, '李明', '1幢', '1单元102室'),
      householder(c, '孙丽', '2幢', '3单元502室'),
      householder(c, '周平', '2幢'),
    ]);
    id = await staffTopic(c);
  });

  it('staff hold the meeting (民意小圆桌) and add its minutes; residents may not move stages', async () => {
    const meeting = { action: 'setMeeting', id, at: Date.now() + 86400_000, place: '社区党群服务中心', attendees: '居民代表、网格员、物业' };
    expect(await failure('council', meeting, a)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok('council', meeting, c.admin)).topic).toMatchObject({ stage: 'meeting', stageLabel: '协商', meeting: { place: '社区党群服务中心' } });
    const { topic } = await ok('council', { ...meeting, minutes: '多数代表倾向东侧空地，交由居民表决。' }, c.admin);
    expect(topic.meeting.minutes).toMatch(/东侧空地/);
    expect(topic.history.map((h: { label: string }) => h.label)).toEqual(['征集', '协商']);
  });

  it('opens a secret vote, one per household; results stay hidden until it closes', async () => {
    expect(await failure('council', { action: 'openVote', id, options: ['甲', '乙'], ballot: 'open', quorum: 2, threshold: 50, closesAt: Date.now() - 1 }, c.admin)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await failure('council', { action: 'vote', id, optionId: 'o1' }, a)).toMatchObject({ code: 'CONFLICT' });
    const { topic } = await openVote(c, id);
    expect(topic).toMatchObject({ stage: 'voting', vote: { ballot: 'secret', closed: false, options: [{ id: 'o1', label: '东侧空地' }, { id: 'o2', label: '北门花园' }] } });

    expect(await failure('council', { action: 'vote', id, optionId: 'o1' }, roomless)).toMatchObject({ code: 'FAILED_PRECONDITION', message: expect.stringMatching(/单元和室号/) });
    expect(await failure('council', { action: 'vote', id, optionId: 'o9' }, a)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    const mine = (await ok('council', { action: 'vote', id, optionId: 'o1' }, a)).topic;
    expect(mine).toMatchObject({ household: { label: '1幢1单元101室', voted: true }, can: { vote: false } });
    expect(mine.vote.result).toBeUndefined();
    // The same household typed a little differently: already voted, and the other resident sees it.
    expect(await failure('council', { action: 'vote', id, optionId: 'o2' }, aSpouse)).toMatchObject({ code: 'CONFLICT', message: '本户已投票' });
    expect((await ok('council', { action: 'topic', id }, aSpouse)).topic).toMatchObject({ household: { voted: true }, can: { vote: false } });
    await ok('council', { action: 'vote', id, optionId: 'o2' }, b);
    await ok('council', { action: 'vote', id, optionId: 'o1' }, d);

    const ballots = (await db().collection('council_ballots').where({ topicId: id }).get()).data;
    expect(ballots).toHaveLength(3);
    for (const x of ballots) expect(Object.keys(x).sort()).toEqual(['_id', 'at', 'communityId', 'optionId', 'topicId']);
    expect((await ok('council', { action: 'topic', id }, c.admin)).topic.vote.result).toBeUndefined();
  });

  it('closing counts the stored ballots; a late vote is refused', async () => {
    expect(await failure('council', { action: 'publish', id, decision: '建在东侧空地' }, c.admin)).toMatchObject({ code: 'CONFLICT' });
    const { topic } = await ok('council', { action: 'closeVote', id }, c.admin);
    expect(topic.vote.result).toEqual({
      cast: 3,
      quorumMet: true,
      passed: true,
      winner: '东侧空地',
      tally: [
        { optionId: 'o1', label: '东侧空地', count: 2, percent: 67 },
        { optionId: 'o2', label: '北门花园', count: 1, percent: 33 },
      ],
    });
    expect(await failure('council', { action: 'vote', id, optionId: 'o1' }, d)).toMatchObject({ code: 'CONFLICT' });
    expect((await ok('council', { action: 'closeVote', id }, c.admin)).topic.vote.result.cast).toBe(3);
  });

  it('publishes the decision and turns it into a project whose status the topic follows', async () => {
    const { topic } = await ok('council', { action: 'publish', id, decision: '在小区东侧空地建凉亭，年内完工。' }, c.admin);
    expect(topic).toMatchObject({ stage: 'publicized', stageLabel: '公示', decision: { text: '在小区东侧空地建凉亭，年内完工。' } });
    expect(await failure('council', { action: 'implement', id, category: '绿化养护' }, a)).toMatchObject({ code: 'FORBIDDEN' });
    const done = (await ok('council', { action: 'implement', id, category: '绿化养护' }, c.admin)).topic;
    expect(done).toMatchObject({ stage: 'implementing', stageLabel: '落实', project: { title: '小区东侧空地建凉亭', status: 'planned', statusLabel: '筹备中' } });
    const project = await docOf('projects', done.project.id);
    expect(project).toMatchObject({ communityId: c.id, category: '绿化养护', gridIds: [c.gridId], status: 'planned' });
    await ok('lists', { action: 'saveProject', op: 'publish', id: done.project.id }, c.admin);
    const seen = (await ok('council', { action: 'topic', id }, b)).topic;
    expect(seen).toMatchObject({ project: { statusLabel: '招募中' }, vote: { result: { winner: '东侧空地' } } });
    expect(seen.history.map((h: { label: string }) => h.label)).toEqual(['征集', '协商', '表决', '公示', '落实']);
    const listed = await ok('council', { action: 'topics', stage: 'implementing' }, b);
    expect(listed.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await ok('council', { action: 'topics', stage: 'voting' }, b)).items).toEqual([]);
  });
});

describe('议事协商 after 注销', () => {
  it('the topic, comment and open-ballot vote stay, without the name', async () => {
    const c = await newCommunity();
    const id = await staffTopic(c);
    const leaving = await householder(c, '吴晓燕', '1幢', '1单元601室');
    await ok('council', { action: 'comment', id, text: '赞成建凉亭' }, leaving);
    await openVote(c, id, { ballot: 'open' });
    await ok('council', { action: 'vote', id, optionId: 'o1' }, leaving);
    const { topic: own } = await ok('council', { action: 'propose', title: '楼下增设晾衣架', background: '天晴时想在楼下晒被子。', area: { scope: 'community' } }, leaving);

    await ok('user', { action: 'deleteAccount', confirm: '注销' }, leaving);
    const text = JSON.stringify([
      (await db().collection('council_comments').where({ topicId: id }).get()).data,
      (await db().collection('council_ballots').where({ topicId: id }).get()).data,
      await docOf('council_topics', own.id),
    ]);
    expect(text).not.toContain('吴晓燕');
    expect(text.match(/已注销用户/g)).toHaveLength(3);
    const seen = (await ok('council', { action: 'closeVote', id }, c.admin)).topic;
    expect(seen.vote.result.cast).toBe(1);
  });
});

describe('议事协商: staff decide on comments', () => {
  it('only staff, and keeping one back needs a reason; nothing is deleted', async () => {
    const c = await newCommunity();
    const id = await staffTopic(c);
    const author = await householder(c, '郑红', '1幢', '1单元701室');
    const { comment } = await ok('council', { action: 'comment', id, text: '建议加装路灯' }, author);
    expect(await failure('council', { action: 'moderateComment', id: comment.id, show: false, reason: '重复' }, author)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await failure('council', { action: 'moderateComment', id: comment.id, show: false }, c.admin)).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请填写不公开的原因' });
    const other = await newCommunity();
    expect(await failure('council', { action: 'moderateComment', id: comment.id, show: true }, other.admin)).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ok('council', { action: 'moderateComment', id: comment.id, show: false, reason: '与议题无关' }, c.admin)).comment).toMatchObject({ hidden: '与议题无关' });
    expect(await docOf('council_comments', comment.id)).toMatchObject({ text: '建议加装路灯', hidden: { reason: '与议题无关' } });
    expect((await ok('council', { action: 'topic', id }, c.resident)).topic.comments).toEqual([]);
    expect((await ok('council', { action: 'moderateComment', id: comment.id, show: true }, c.admin)).comment.hidden).toBeUndefined();
    expect((await ok('council', { action: 'topic', id }, c.resident)).topic.comments.map((x: { text: string }) => x.text)).toEqual(['建议加装路灯']);
  });
});

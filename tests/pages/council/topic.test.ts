import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, getDoc } from '../support/db';
import { okFn, openApiFault } from '../support/backend';
import { newCommunity, type TestCommunity } from '../support/community';

const TOPICS = 'pages/council/topics/index';
const TOPIC = 'pages/council/topic/index';
const PROPOSE = 'pages/council/propose/index';
const MANAGE = 'package-staff/pages/council-topic/index';

jest.setTimeout(120_000);

/** A resident of the community's first grid, living at 1幢 and the room given. */
async function householder(c: TestCommunity, name: string, room?: string): Promise<string> {
  const openid = await c.resident(name);
  await okFn(openid, 'user', { action: 'chooseGrid', gridId: `${c.id}_g1`, building: '1幢', ...(room ? { room } : {}) });
  return openid;
}

async function staffTopic(c: TestCommunity, title = '小区东侧空地建凉亭', extra: Record<string, unknown> = {}): Promise<string> {
  const { topic } = await okFn(c.staff, 'council', { action: 'propose', title, background: '老人们希望有个遮阳避雨、下棋聊天的地方。', options: ['东侧空地', '北门花园'], area: { scope: 'community' }, ...extra });
  return topic.id;
}

async function votingOn(c: TestCommunity, ballot: 'open' | 'secret'): Promise<string> {
  const id = await staffTopic(c);
  await okFn(c.staff, 'council', { action: 'openVote', id, options: ['东侧空地', '北门花园'], ballot, quorum: 1, threshold: 50, closesAt: Date.now() + 86400_000 });
  return id;
}

describe('议事协商 pages', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('the list shows topics by stage; a tab keeps only its stage, and a topic opens in one tap', async () => {
    const c = await newCommunity();
    const collecting = await staffTopic(c, '楼道堆物清理');
    const voting = await votingOn(c, 'secret');
    page = await load(TOPICS, { openid: await c.resident('钱大妈') });
    expect(page.textOf(`#stage-${collecting}`)).toBe('征集');
    expect(page.textOf(`#stage-${voting}`)).toBe('表决');
    expect(page.textOf(`#note-${voting}`)).toMatch(/^表决截止 明天/);

    await page.tap('#tab-voting');
    expect(page.has(`#item-${voting}`)).toBe(true);
    expect(page.has(`#item-${collecting}`)).toBe(false);
    await page.tap(`#item-${voting}`);
    await page.tap('#propose');
    expect(recorded.navigations).toEqual([`navigateTo:/pages/council/topic/index?id=${voting}`, 'navigateTo:/pages/council/propose/index']);
  });

  test('a neighbour co-signs with one tap; the count and the stage follow', async () => {
    const c = await newCommunity();
    await okFn(c.staff, 'council', { action: 'setCouncilRules', cosigners: 1 });
    const proposer = await householder(c, '王桂英', '1单元101室');
    const { topic } = await okFn(proposer, 'council', { action: 'propose', title: '楼道加装扶手', background: '老人上下楼不方便。', area: { scope: 'buildings', buildings: ['1幢'] } });
    const neighbour = await householder(c, '李明', '1单元102室');

    page = await load(TOPIC, { openid: neighbour, query: { id: topic.id } });
    expect(page.textOf('#stage')).toBe('联名');
    expect(page.textOf('#cosign-count')).toBe('已有0人联名，还差1人');
    expect(page.text()).toContain('提出：王**');
    await page.tap('#cosign');
    expect(page.textOf('#stage')).toBe('征集');
    expect(page.has('#cosign')).toBe(false);
    expect(recorded.toasts).toContain('联名已满，议题开始征集意见');
    expect((await getDoc<{ cosignerIds: string[] }>('council_topics', topic.id))!.cosignerIds).toHaveLength(1);
  });

  test('a comment typed in the box is posted, and shown with a masked name to others', async () => {
    const c = await newCommunity();
    const id = await staffTopic(c);
    const author = await householder(c, '赵强');
    page = await load(TOPIC, { openid: author, query: { id } });
    expect(page.textOf('#no-comments')).toBe('还没有意见');
    await page.tap('#send-comment');
    expect(recorded.toasts).toContain('请先写下您的意见');
    await page.input('#comment-box', '凉亭旁边最好放几张长椅');
    await page.tap('#send-comment');
    expect(page.textOf('#comments')).toContain('凉亭旁边最好放几张长椅');
    expect(await findDocs('council_comments', { topicId: id })).toEqual([expect.objectContaining({ text: '凉亭旁边最好放几张长椅', authorName: '赵强' })]);
    page.detach();

    page = await load(TOPIC, { openid: await c.resident('孙丽'), query: { id } });
    expect(page.textOf('#comments')).toContain('赵* ·');
    expect(page.text()).not.toContain('赵强');
  });

  test('a comment that could not be checked waits for staff, who publish it or keep it back with a reason', async () => {
    const c = await newCommunity();
    const id = await staffTopic(c);
    const author = await householder(c, '赵强');
    await openApiFault('security.msgSecCheck', 'error', author);
    let first: string;
    let second: string;
    try {
      first = (await okFn(author, 'council', { action: 'comment', id, text: '凉亭要有无障碍坡道' })).comment.id;
      second = (await okFn(author, 'council', { action: 'comment', id, text: '别建了，浪费钱' })).comment.id;
    } finally {
      await openApiFault('security.msgSecCheck', 'off', author);
    }
    const neighbour = await c.resident('孙丽');
    expect((await okFn(neighbour, 'council', { action: 'topic', id })).topic.comments).toEqual([]);

    page = await load(TOPIC, { openid: c.staff, query: { id } });
    expect(page.textOf(`#comment-${first}`)).toContain('待审核');
    await page.tap(`#show-${first}`);
    expect(recorded.toasts).toContain('已公开');
    await page.tap(`#hide-${second}`);
    expect(recorded.toasts).toContain('已设为不公开');
    expect(await getDoc('council_comments', second)).toMatchObject({ text: '别建了，浪费钱', hidden: { reason: '经社区审核不予公开' } });
    page.detach();

    page = await load(TOPIC, { openid: neighbour, query: { id } });
    expect(page.textOf('#comments')).toContain('凉亭要有无障碍坡道');
    expect(page.textOf('#comments')).not.toContain('浪费钱');
    page.detach();
    page = await load(TOPIC, { openid: author, query: { id } });
    expect(page.textOf(`#comment-${second}`)).toContain('未公开：经社区审核不予公开');
  });

  test('one big button per option; the household votes once and the other resident sees it; bars after the close', async () => {
    const c = await newCommunity();
    const id = await votingOn(c, 'open');
    const wife = await householder(c, '王桂英', '2单元301室');
    const husband = await householder(c, '张建国', '2单元 301');

    page = await load(TOPIC, { openid: wife, query: { id } });
    expect(page.textOf('#household')).toBe('以本户（1幢2单元301室）投票');
    expect(page.textOf('#vote-o1')).toBe('东侧空地');
    expect(page.text()).toContain('表决结束后公布结果');
    await page.tap('#vote-o1');
    expect(page.textOf('#household')).toBe('本户已投票：东侧空地');
    expect(page.has('#vote-o1')).toBe(false);
    expect(await findDocs('council_ballots', { topicId: id })).toEqual([expect.objectContaining({ optionId: 'o1', voterName: '王桂英' })]);
    page.detach();

    page = await load(TOPIC, { openid: husband, query: { id } });
    expect(page.textOf('#household')).toBe('本户已投票：东侧空地');
    expect(page.has('#vote-o2')).toBe(false);
    page.detach();

    const roomless = await householder(c, '周平');
    page = await load(TOPIC, { openid: roomless, query: { id } });
    expect(page.has('#vote-o1')).toBe(false);
    expect(page.textOf('#no-household')).toContain('单元和室号');
    page.detach();

    await okFn(c.staff, 'council', { action: 'closeVote', id });
    page = await load(TOPIC, { openid: husband, query: { id } });
    expect(page.textOf('#result-text')).toBe('1户参加表决，“东侧空地”获得通过');
    expect(page.textOf('#bar-o1')).toContain('1户 100%');
    expect(page.comp.querySelector('#bar-o1 .bar-win')).toBeTruthy();
    expect(page.textOf('#bar-o2')).toContain('0户 0%');
    expect(page.comp.querySelector('#bar-o2 .bar-win')).toBeFalsy();
  });

  test('我要提议题 lists what is missing under its field, then lands on the new topic', async () => {
    const c = await newCommunity();
    const resident = await householder(c, '钱芳', '3单元502室');
    page = await load(PROPOSE, { openid: resident });
    expect(page.textOf('#rule')).toContain('有5位邻居联名后');
    await page.tap('#submit');
    expect(page.textOf('#error-title')).toBe('请用一句话写明要商量的事');
    expect(page.textOf('#error-background')).toBe('请写一写为什么要商量这件事');
    expect(await findDocs('council_topics', { communityId: c.id })).toEqual([]);

    await page.input('#title', '1幢门口装充电桩');
    await page.input('#background', '电动车在楼道充电不安全，想在门口装几个充电桩。');
    await page.tap('#area-building');
    await page.tap('#submit');
    const [topic] = await findDocs<{ _id: string; area: unknown; stage: string; cosignersNeeded: number }>('council_topics', { communityId: c.id });
    expect(topic).toMatchObject({ area: { scope: 'buildings', buildings: ['1幢'] }, stage: 'signing', cosignersNeeded: 5 });
    expect(recorded.navigations.at(-1)).toBe(`redirectTo:/pages/council/topic/index?id=${topic._id}`);
  });

  test('staff hold the meeting, open and close the vote, publish and turn it into a project from 推进议事', async () => {
    const c = await newCommunity();
    const id = await staffTopic(c);
    page = await load(MANAGE, { openid: c.staff, query: { id } });
    await page.input('#place', '社区党群服务中心');
    await page.input('#attendees', '居民代表、网格员');
    await page.tap('#save-meeting');
    expect(page.textOf('#stage')).toBe('协商');
    await page.tap('#ballot-open');
    await page.input('#quorum', '1');
    await page.tap('#open-vote');
    expect(page.textOf('#stage')).toBe('表决');
    const topic = (await getDoc<{ vote: { options: Array<{ label: string }>; ballot: string; quorum: number } }>('council_topics', id))!;
    expect(topic.vote).toMatchObject({ options: [{ label: '东侧空地' }, { label: '北门花园' }], ballot: 'open', quorum: 1 });

    const voter = await householder(c, '王桂英', '1单元101室');
    await okFn(voter, 'council', { action: 'vote', id, optionId: 'o2' });
    await page.tap('#close-vote');
    expect(page.textOf('#result-text')).toBe('1户参加表决，“北门花园”获得通过');
    await page.input('#decision', '在北门花园建凉亭');
    await page.tap('#publish');
    expect(page.textOf('#stage')).toBe('公示');
    await page.tapText('绿化养护');
    await page.tap('#implement');
    expect(page.textOf('#stage')).toBe('落实');
    expect(page.textOf('#project')).toContain('筹备中');
    expect(await findDocs('projects', { communityId: c.id })).toEqual([expect.objectContaining({ title: '小区东侧空地建凉亭', category: '绿化养护', status: 'planned' })]);
  });

  test('staff set how many co-signers a resident’s proposal needs, on 推进议事', async () => {
    const c = await newCommunity();
    page = await load(MANAGE, { openid: c.staff, query: { id: await staffTopic(c) } });
    expect(page.comp.instance.data.cosigners).toBe('5');
    await page.input('#cosigners', '3');
    await page.tap('#save-rules');
    expect(recorded.toasts).toContain('居民提议需3人联名');
    expect(await getDoc('council_rules', c.id)).toMatchObject({ cosigners: 3 });
    const { topic } = await okFn(await householder(c, '钱芳', '1单元101室'), 'council', { action: 'propose', title: '楼下装晾衣架', background: '想在楼下晒被子。', area: { scope: 'community' } });
    expect(topic).toMatchObject({ stage: 'signing', cosignersNeeded: 3 });
  });

  test('a resident is refused 推进议事', async () => {
    const c = await newCommunity();
    page = await load(MANAGE, { openid: await c.resident('钱大妈'), query: { id: await staffTopic(c) } });
    expect(page.has('#forbidden')).toBe(true);
  });
});

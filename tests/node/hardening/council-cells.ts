import { randomInt } from 'node:crypto';
import { ok } from '../support/cloud';
import { Cell, Who, World, twin, type Caller } from './world';

/**
 * 议事协商 rows of the authorization matrix (issue #21), walked in the demo community: everyone of
 * a community reads its topics and raises one; the residents a topic concerns (here the whole
 * community) co-sign it, comment while it gathers views and vote, one vote per household; only
 * staff decide on comments, hold the meeting, open, close and publish the vote, turn the decision into a project and
 * set how many co-signers a proposal needs. Another community's staff find none of it.
 *
 *                           anon res vol unit grid staff admin other
 */
export const COUNCIL_ROWS: Record<string, string> = {
  'council.topics':          'D A A A A A A A',
  'council.topic':           'D A A A A A A D',
  'council.propose':         'D A A A A A A A',
  'council.cosign':          'D A A A A A A D',
  'council.comment':         'D A A A A A A D',
  'council.moderateComment': 'D D D D D A A D',
  'council.setMeeting':      'D D D D D A A D',
  'council.openVote':        'D D D D D A A D',
  'council.vote':            'D A A A A A A D',
  'council.closeVote':       'D D D D D A A D',
  'council.publish':         'D D D D D A A D',
  'council.implement':       'D D D D D A A D',
  'council.councilRules':    'D A A A A A A A',
  'council.setCouncilRules': 'D D D D D A A A',
};

export const COUNCIL_RELATIONS: Record<string, Partial<Record<Who, 'A' | 'D'>>> = {};

let n = 0;
const STAFF = 'demo-staff';
const hour = () => Date.now() + 3600_000;

/** A topic of the demo community at a stage, raised by its staff for the whole community. */
async function topicAt(stage: 'signing' | 'collecting' | 'meeting' | 'voting' | 'closed' | 'publicized'): Promise<string> {
  const { topic } = await ok('council', { action: 'propose', title: `矩阵议题${++n}`, background: '矩阵测试的议题背景', area: { scope: 'community' }, cosignersNeeded: stage === 'signing' ? 50 : 0 }, STAFF);
  if (stage === 'signing' || stage === 'collecting') return topic.id;
  await ok('council', { action: 'setMeeting', id: topic.id, at: hour(), place: '社区议事厅', attendees: '居民代表' }, STAFF);
  if (stage === 'meeting') return topic.id;
  await ok('council', { action: 'openVote', id: topic.id, options: ['同意', '不同意'], ballot: 'open', quorum: 1, threshold: 50, closesAt: hour() }, STAFF);
  if (stage === 'voting') return topic.id;
  await ok('council', { action: 'closeVote', id: topic.id }, STAFF);
  if (stage === 'closed') return topic.id;
  await ok('council', { action: 'publish', id: topic.id, decision: '按多数意见办理' }, STAFF);
  return topic.id;
}

/** A person of the caller's kind living in a household of their own (a room of 1幢), who may vote. */
async function householder(who: Who, world: World): Promise<string> {
  const openid = await twin(who as Exclude<Caller, 'anonymous'>, world);
  if (who !== 'other_staff') await ok('user', { action: 'chooseGrid', gridId: 'g_beihai_1', building: '1幢', room: `${randomInt(1, 99)}单元${randomInt(100, 9999)}室` }, openid);
  return openid;
}

export async function prepareCouncil(action: string, who: Who, world: World): Promise<Cell> {
  switch (action) {
    case 'topic':
      return { event: { action, id: await topicAt('collecting') } };
    case 'propose':
      return { event: { action, title: `矩阵提议${++n}`, background: '矩阵测试的提议', area: { scope: 'community' } } };
    case 'cosign':
      return { event: { action, id: await topicAt('signing') } };
    case 'comment':
      return { event: { action, id: await topicAt('collecting'), text: '赞成这个议题' } };
    case 'moderateComment': {
      const id = await topicAt('collecting');
      const { comment } = await ok('council', { action: 'comment', id, text: '矩阵意见' }, STAFF);
      return { event: { action, id: comment.id, show: true } };
    }
    case 'setMeeting':
      return { event: { action, id: await topicAt('collecting'), at: hour(), place: '社区议事厅', attendees: '居民代表、网格员' } };
    case 'openVote':
      return { event: { action, id: await topicAt('meeting'), options: ['同意', '不同意'], ballot: 'secret', quorum: 1, threshold: 50, closesAt: hour() } };
    case 'vote':
      return { event: { action, id: await topicAt('voting'), optionId: 'o1' }, openid: who === 'anonymous' ? undefined : await householder(who, world) };
    case 'closeVote':
      return { event: { action, id: await topicAt('voting') } };
    case 'publish':
      return { event: { action, id: await topicAt('closed'), decision: '按多数意见办理' } };
    case 'implement':
      return { event: { action, id: await topicAt('publicized'), category: '环境清洁' } };
    case 'setCouncilRules':
      return { event: { action, cosigners: 5 } };
    default:
      return { event: { action } };
  }
}

import type { CouncilApi } from '../../typings/council';
import { actionsOf } from './transport';

const { read, write } = actionsOf<CouncilApi>('council');

export const topics = read('topics');
export const topic = read('topic');
export const propose = write('propose');
export const cosign = write('cosign');
export const comment = write('comment');
export const moderateComment = write('moderateComment');
export const setMeeting = write('setMeeting');
export const openVote = write('openVote');
export const vote = write('vote');
export const closeVote = write('closeVote');
export const publish = write('publish');
export const implement = write('implement');
export const councilRules = read('councilRules');
export const setCouncilRules = write('setCouncilRules');

import { findOne } from '../platform/store';
import { REGISTRATIONS, type RegistrationDoc } from './model';

/**
 * 亮身份: a confirmed party member of the community who chose to show it carries 「党员」 beside
 * what they take on (their wish claims).
 */
export async function showsPartyBadge(userId: string, communityId: string): Promise<boolean> {
  return !!(await findOne<RegistrationDoc>(REGISTRATIONS, { communityId, userId, kind: 'member', status: 'confirmed', showBadge: true }));
}

import { createHash } from 'node:crypto';
import type { UnitOffer } from '../../typings/party';
import type { DocStore } from '../platform/store';
import type { UserDoc } from '../user/model';
import { RESOURCES, type ResourceDoc } from './model';
import { recordEvent } from './context';

const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 16);

/** An offer's id from its title: the same service sent again (a resubmitted registration) keeps its id. */
export const offerId = (title: string) => hash(title.trim());

/** The resource an offer of a registration becomes: one per registration and offer, so confirming twice lists it once. */
export const offerResourceId = (registrationId: string, offer: string) => `rs_${hash(`${registrationId}|${offer}`)}`;

/** What a unit's offer promises until the unit edits it in the resources list: four needs a month, anywhere in the community. */
const CAPACITY = 4;

/**
 * 双报到 feeds 资源清单: each offer of a confirmed unit registration becomes an active resource of
 * the unit, serving the given grids (every grid of the community), in the confirmation's transaction. An offer
 * already listed is left as the unit or staff have since kept it.
 */
export async function listUnitOffers(
  tx: DocStore,
  r: { _id: string; communityId: string; unitId: string; unitName: string; offers: Array<UnitOffer & { id: string }> },
  staff: UserDoc,
  at: number,
  gridIds: string[],
): Promise<void> {
  for (const offer of r.offers) {
    const id = offerResourceId(r._id, offer.id);
    if (await tx.get<ResourceDoc>(RESOURCES, id)) continue;
    const doc: ResourceDoc = {
      _id: id,
      communityId: r.communityId,
      title: offer.title,
      description: `${r.unitName}双报到时承诺提供`,
      providerKind: 'unit',
      providerId: `unit:${r.unitId}`,
      providerName: r.unitName,
      unitId: r.unitId,
      registrationId: r._id,
      categories: [offer.category],
      capacity: CAPACITY,
      period: 'month',
      area: { gridIds },
      status: 'active',
      createdBy: staff._id,
      createdAt: at,
      updatedAt: at,
    };
    await tx.set(RESOURCES, id, doc);
    await recordEvent(tx, { communityId: r.communityId, target: 'resource', targetId: id, from: null, to: 'active', actor: staff, at, why: '共建单位报到确认，资源入清单' });
  }
}

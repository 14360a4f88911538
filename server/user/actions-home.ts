import * as z from 'zod/mini';
import type { Page } from '../../typings/api';
import type { Home, HomeNotice, HomeTodo } from '../../typings/user';
import { PAGE_MAX, cursor } from '../core/paging';
import { action } from '../core/define';
import { readWith } from '../platform/aggregate';
import { COMMUNITIES } from '../community/model';
import { wishHomeReads, wishTodos, volunteerWishes } from '../wish/home';
import { bookingHomeReads, bookingTodos, nextActivities } from '../booking/home';
import { pointsHomeReads, pickupTodos } from '../points/home';
import { listsHomeReads, rateTodos } from '../lists/home';
import { homeNotices, noticeHomeReads, noticesTo } from '../notify/inbox';
import { bulletinHomeReads, homeBulletin } from '../bulletin/home';
import { isStaff, type Member } from './caller';
import { UserCtx, requireUser } from './lookup';
import { hasRole } from './model';

/** What needs the person first: their answer (a confirmation, a rating), then today's appointments and pickups. */
const ORDER: HomeTodo['kind'][] = ['wishToConfirm', 'rate', 'booking', 'pickup', 'activity', 'wishClaimed'];

/**
 * 首页's first screen in one call: each domain says what it reads for the person, and all of it is
 * joined to the community's document in one database request (after the two that say who calls).
 */
export const home = action(z.object({}), async function home(ctx: UserCtx): Promise<Home> {
  const user = await requireUser(ctx);
  const empty: Home = { todos: [], notices: [], activities: [] };
  if (!user.communityId) return empty;
  const member = user as Member;
  const as = { volunteer: hasRole(user, 'volunteer', 'unit_member'), staff: isStaff(user) };
  const got = await readWith(COMMUNITIES, member.communityId, {
    ...wishHomeReads(member, ctx.now, as),
    ...bookingHomeReads(member, ctx.now),
    ...pointsHomeReads(member),
    ...listsHomeReads(member, ctx.now, as),
    ...noticeHomeReads(member),
    ...bulletinHomeReads(member),
  });
  if (!got) return empty;
  const r = got.rows;
  const todos = [...wishTodos(r.wishesMine), ...bookingTodos(r.bookings, r.signups), ...pickupTodos(r.orders), ...rateTodos(r.toRate)];
  todos.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || (a.at ?? 0) - (b.at ?? 0));
  const bulletin = homeBulletin(r.bulletins, r.bulletinReads);
  return {
    todos,
    notices: homeNotices(r.notices),
    activities: nextActivities(r.activities),
    ...(bulletin ? { bulletin } : {}),
    ...(as.volunteer ? { volunteer: volunteerWishes(user._id, r.wishesClaimed ?? [], r.wishesNear ?? []) } : {}),
    ...(as.staff ? { staff: { wishesToReview: r.wishesToReview ?? 0, ticketsToDispatch: r.ticketsToDispatch ?? 0, ticketsOverdue: r.ticketsOverdue ?? 0 } } : {}),
  };
});

/** 我的消息: what was told to the caller alone (a claim taken back and why, a batch of new work), newest first. */
export const inbox = action(z.object({ cursor }), async function inbox(ctx: UserCtx, input): Promise<Page<HomeNotice>> {
  const user = await requireUser(ctx);
  if (!user.communityId) return { items: [] };
  return noticesTo(user._id, user.communityId, input.cursor, PAGE_MAX);
});

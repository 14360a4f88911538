import { tell } from '../notify/inbox';
import type { Claim, WishDoc } from './model';

/** How a claim ended or came back, as the volunteer reads it (a 任务状态 phrase of ≤ 5 characters). */
export type ClaimChange = '已撤销' | '已释放' | '有异议';

const HEADLINE: Record<ClaimChange, string> = {
  已撤销: '社区撤销了您的认领',
  已释放: '认领已到期，心愿已放回心愿墙',
  有异议: '居民认为还没有完成',
};

/**
 * Tells the volunteer what became of their claim and why: a notice on 首页 and 我的, and the
 * claimChanged message if their community sends it. Called after the change committed.
 */
export async function tellClaimer(w: Pick<WishDoc, '_id' | 'title' | 'communityId'>, claim: Claim, change: ClaimChange, reason: string, at: number): Promise<void> {
  const page = `/pages/wish/detail/index?id=${w._id}`;
  await tell(
    { userId: claim.userId, communityId: w.communityId },
    `claim.${w._id}.${claim.claimedAt}.${change}.${at}`,
    { title: `${HEADLINE[change]}：${w.title}`, body: `原因：${reason}`, page, at },
    'claimChanged',
    { title: w.title, change, reason },
  );
}

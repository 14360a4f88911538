import { eachInTransaction } from '../platform/tx';
import type { UserDoc } from '../user/model';
import { DELETED_NAME } from '../user/forget';
import { BALLOTS, TOPICS, TOPIC_COMMENTS, type BallotDoc, type CommentDoc, type TopicDoc } from './topic-model';

/**
 * 注销: the person's topics, comments and open-ballot votes stay (a decision and its tally still
 * add up) without their name.
 */
export async function leaveCouncil(user: UserDoc): Promise<void> {
  const unnamed = <T extends { _id: string }>(coll: string, idField: string, nameField: string) =>
    eachInTransaction<T>(coll, { [idField]: user._id, [nameField]: { $ne: DELETED_NAME } }, async (tx, id) => {
      const d = await tx.get<Record<string, unknown>>(coll, id);
      if (d && d[idField] === user._id) await tx.set(coll, id, { ...d, [nameField]: DELETED_NAME });
    });
  await unnamed<TopicDoc>(TOPICS, 'proposerId', 'proposerName');
  await unnamed<CommentDoc>(TOPIC_COMMENTS, 'authorId', 'authorName');
  await unnamed<BallotDoc>(BALLOTS, 'voterId', 'voterName');
}

import { DEFAULT_POSTS } from '../../typings/party';
import { invalid } from '../core/errors';
import type { DocStore } from '../platform/store';
import { POSTS, PostsDoc } from './model';

/** The community's posts (岗位), its own list or the default one. */
export async function postsOf(store: DocStore, communityId: string): Promise<string[]> {
  const doc = await store.get<PostsDoc>(POSTS, communityId);
  return doc?.posts ?? [...DEFAULT_POSTS];
}

/** Posts a person or a call-out names must be on the community's list. */
export function assertPosts(chosen: string[], offered: string[]): string[] {
  const unique = [...new Set(chosen)];
  const unknown = unique.find((p) => !offered.includes(p));
  if (unknown) throw invalid(`岗位「${unknown}」不在本社区的岗位清单中`);
  return unique;
}

/**
 * A page path to share that brings a friend into the sharer's community: the community's scene
 * rides along as `scene=c%3D<code>`, as a poster's code carries it, so the app's start (which
 * reads `scene` from the launch query) joins a newcomer there before the page reads anything.
 */
export function sharePath(path: string, query: Record<string, string>, communityCode: string | undefined): string {
  const parts = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  if (communityCode) parts.push(`scene=${encodeURIComponent(`c=${communityCode}`)}`);
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/**
 * Scenes of mini-program codes, as the user function reads them: `c=<community code>&g=<grid code>`,
 * at most 32 characters (WeChat's limit).
 */
export function communityScene(communityCode: string, gridCode?: string): string {
  return gridCode ? `c=${communityCode}&g=${gridCode}` : `c=${communityCode}`;
}

/** The community code, if the server sent one with the community. */
export function communityCodeOf(community: { id: string } | undefined): string | undefined {
  const code = (community as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code ? code : undefined;
}

import type { Chrome } from '../chrome';
import type { Router } from '../router';

/** What the wx stand-in works with: the pages, the phone's chrome and the preview's settings. */
export interface WxContext {
  router: Router;
  chrome: Chrome;
  refresh(): void;
  /** Whether the person lets the mini-program know where they are (the controls beside the phone). */
  location: { allowed: boolean; latitude: number; longitude: number; name: string };
  launch: { path: string; query: Record<string, string>; scene: number };
}

import config from './config';
import type { SessionGlobals } from './services/session';
import { sceneFrom, start } from './services/session';

App<{ globalData: SessionGlobals }>({
  globalData: {},
  onLaunch(options) {
    if (config.mode === 'cloud') wx.cloud.init({ env: config.cloudEnv, traceUser: true });
    start(sceneFrom(options.query));
  },
  onShow(options) {
    // A code scanned while the app was in the background arrives here, not in onLaunch.
    start(sceneFrom(options.query));
  },
});

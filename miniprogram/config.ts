/** Where the mini-program finds its backend. `local` talks HTTP to `npm start`'s local cloud. */
export interface AppConfig {
  mode: 'local' | 'cloud';
  /** CloudBase environment id, used in `cloud` mode. */
  cloudEnv: string;
  /** Base URL of the local cloud, used in `local` mode (DevTools with domain checks off). */
  localCloudUrl: string;
}

const config: AppConfig = {
  mode: 'local',
  cloudEnv: '',
  localCloudUrl: 'http://127.0.0.1:3000',
};

export default config;

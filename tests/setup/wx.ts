/**
 * The one `wx` for page tests. `wx.request` performs real HTTP against the local cloud at
 * `process.env.HONGLIN_URL` (whatever host the page asked for); storage lives in memory; toasts,
 * modals and navigations are recorded for assertions.
 */
import http from 'http';
import https from 'https';
import { type Callbacks, failWith, succeed } from '../../emulator/wx-common/callbacks';
import { memoryBacking, storageApis } from '../../emulator/wx-common/storage';

export interface Recorded {
  toasts: string[];
  modals: { title?: string; content?: string }[];
  /** `switchTab:/pages/...`, `navigateTo:/package-staff/...`, `navigateBack:1`, … */
  navigations: string[];
  requests: { url: string; data: unknown; header: Record<string, string> }[];
  clipboard: string[];
  previews: string[];
  /** Files written through getFileSystemManager, path → bytes. */
  files: Map<string, Buffer>;
  /** File paths saved with saveImageToPhotosAlbum. */
  album: string[];
  /** Documents opened with openDocument, and files sent to a chat with shareFileMessage. */
  documents: { filePath: string; fileType?: string }[];
  sharedFiles: { filePath: string; fileName?: string }[];
  /** Template ids asked for with requestSubscribeMessage, one list per request. */
  subscriptions: string[][];
  /** Numbers dialled with makePhoneCall. */
  phoneCalls: string[];
  /** Files sent with uploadFile: the form's cloudPath and the file id the local cloud gave back. */
  uploads: { cloudPath: string; fileID: string }[];
  /** Places opened in the map app with openLocation (navigation). */
  openedLocations: { latitude: number; longitude: number; name?: string; address?: string; scale?: number }[];
  /** Times getLocation was asked, with the type asked for. */
  locationRequests: string[];
  /** Times the settings page was opened (openSetting). */
  settingsOpened: number[];
  /** Calls on map contexts: `<mapId>.<method>`. */
  mapCalls: string[];
  /** Times the camera was opened with scanCode, with the scan types asked for. */
  scans: string[][];
  /** What privacy popups answered WeChat (`exposureAuthorization`, `agree:<buttonId>`, `disagree`), and contracts opened. */
  privacy: string[];
  /** Where pageScrollTo was asked to bring into view: the selector, or `top:<px>`. */
  scrolls: string[];
}

export const recorded: Recorded = {
  toasts: [],
  modals: [],
  navigations: [],
  requests: [],
  clipboard: [],
  previews: [],
  files: new Map(),
  album: [],
  documents: [],
  sharedFiles: [],
  subscriptions: [],
  phoneCalls: [],
  uploads: [],
  openedLocations: [],
  locationRequests: [],
  settingsOpened: [],
  mapCalls: [],
  scans: [],
  privacy: [],
  scrolls: [],
};

const storage = storageApis(memoryBacking());
let inflight = 0;
/** What `wx.showModal` answers next (tests may change it). */
export const modalAnswer = { confirm: true };

/** A 1×1 red PNG: what the album hands over when a test picks photos. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/** What `wx.chooseMedia` picks: `photos` of them (at most the count asked); `cancel` backs out. */
export const mediaAnswer = { photos: 1, cancel: false };
/** Files the "camera" made, temp path → bytes (chooseMedia puts them here, uploadFile reads them). */
const tempFiles = new Map<string, Buffer>();
let tempSeq = 0;

/** Where the phone is (GCJ-02), or why it cannot say: `{ errMsg: 'getLocation:fail auth deny' }` for a refusal. */
export type LocationAnswer = { latitude: number; longitude: number } | { errMsg: string };
export const LOCATION_DENIED: LocationAnswer = { errMsg: 'getLocation:fail auth deny' };
/** What `wx.getLocation` answers next (tests change `value`); by default the phone cannot locate. */
export const locationAnswer: { value: LocationAnswer } = { value: { errMsg: 'getLocation:fail system permission denied' } };
/** What the settings page reports when the person comes back from it (openSetting). */
export const settingAnswer = { location: false };
/** What `wx.chooseLocation` picks, or `null` when the person backs out. */
export const chooseLocationAnswer: { value: { latitude: number; longitude: number; name: string; address: string } | null } = { value: null };

/** What `wx.scanCode` reads next (the text in the code), or `null` when the person backs out. */
export const scanAnswer: { value: string | null } = { value: null };

/**
 * WeChat's privacy authorization: whether the person has yet to agree to the privacy guide. While
 * they have not, `requirePrivacyAuthorize` (standing for any privacy API) raises the listener given
 * to `onNeedPrivacyAuthorization` and waits for its answer, as the base library does.
 */
export const privacyAnswer = { needAuthorization: false };
let privacyListener: ((resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void) | null = null;

function requirePrivacyAuthorize(opts: Callbacks<unknown> = {}): Promise<unknown> {
  if (!privacyAnswer.needAuthorization) return settle(opts, { errMsg: 'requirePrivacyAuthorize:ok' });
  if (!privacyListener) return failWith(opts, 'requirePrivacyAuthorize:fail privacy permission is not authorized');
  return new Promise((done) => {
    privacyListener!(
      (o) => {
        recorded.privacy.push(o.event === 'agree' ? `agree:${o.buttonId ?? ''}` : o.event);
        if (o.event === 'exposureAuthorization') return;
        if (o.event === 'agree' && o.buttonId) {
          privacyAnswer.needAuthorization = false;
          done(settle(opts, { errMsg: 'requirePrivacyAuthorize:ok' }));
        } else done(failWith(opts, 'requirePrivacyAuthorize:fail privacy permission is not authorized'));
      },
      { referrer: 'requirePrivacyAuthorize' },
    );
  });
}

/**
 * A response lost on the way back: the request reaches the local cloud and is carried out, but the
 * page hears `request:fail` (a weak signal at the moment the answer came). Set `action` to the
 * action whose next response is lost; it is lost once.
 */
export const lostResponse: { action: string } = { action: '' };

/** WeChat's own font size (我 → 设置 → 通用 → 字体大小) in px, as getAppBaseInfo answers it; 17 is iOS's standard. */
export const fontSizeAnswer: { px: number | undefined } = { px: 17 };

/** The phone has no network: every request fails at once, as WeChat reports it, reaching nothing. */
export const network: { offline: boolean } = { offline: false };

export function resetWx(): void {
  for (const value of Object.values(recorded)) {
    if (value instanceof Map) value.clear();
    else value.length = 0;
  }
  storage.clearStorageSync();
  tempFiles.clear();
  modalAnswer.confirm = true;
  mediaAnswer.photos = 1;
  mediaAnswer.cancel = false;
  locationAnswer.value = { errMsg: 'getLocation:fail system permission denied' };
  settingAnswer.location = false;
  chooseLocationAnswer.value = null;
  scanAnswer.value = null;
  lostResponse.action = '';
  network.offline = false;
  privacyAnswer.needAuthorization = false;
  privacyListener = null;
  fontSizeAnswer.px = 17;
}

export function inflightRequests(): number {
  return inflight;
}

const settle = succeed;

function target(url: string): URL {
  const base = process.env.HONGLIN_URL;
  if (!base) throw new Error('HONGLIN_URL is not set: page tests need the local cloud running (see jest global setup)');
  const asked = new URL(url);
  return new URL(asked.pathname + asked.search, base);
}

interface RequestOptions extends Callbacks<{ data: unknown; statusCode: number; header: Record<string, string> }> {
  url: string;
  method?: string;
  data?: unknown;
  header?: Record<string, string>;
  dataType?: string;
  timeout?: number;
}

function request(opts: RequestOptions) {
  const header = { 'content-type': 'application/json', ...(opts.header ?? {}) };
  recorded.requests.push({ url: opts.url, data: opts.data, header });
  const method = (opts.method ?? 'GET').toUpperCase();
  let body: string | undefined;
  let url: URL;
  try {
    if (network.offline) throw new Error('-101:net::ERR_INTERNET_DISCONNECTED');
    url = target(opts.url);
  } catch (e) {
    const err = { errMsg: `request:fail ${(e as Error).message}` };
    void Promise.resolve().then(() => {
      opts.fail?.(err);
      opts.complete?.(err);
    });
    return { abort() {} };
  }
  if (method === 'GET' && opts.data && typeof opts.data === 'object') {
    for (const [k, v] of Object.entries(opts.data)) url.searchParams.set(k, String(v));
  } else if (opts.data !== undefined) {
    body = typeof opts.data === 'string' ? opts.data : JSON.stringify(opts.data);
  }

  const action = (opts.data as { action?: unknown } | undefined)?.action;
  const lose = !!lostResponse.action && action === lostResponse.action;
  if (lose) lostResponse.action = '';

  inflight++;
  let done = false;
  const finish = (fn: () => void) => {
    if (done) return;
    done = true;
    // Callbacks run before the counter drops, so idle() sees their follow-up requests.
    try {
      fn();
    } finally {
      inflight--;
    }
  };
  const client = url.protocol === 'https:' ? https : http;
  const req = client.request(url, { method, headers: header, timeout: opts.timeout ?? 15000 }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let data: unknown = text;
      if ((opts.dataType ?? 'json') === 'json') {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
      const result = { data, statusCode: res.statusCode ?? 0, header: res.headers as Record<string, string>, errMsg: 'request:ok' };
      finish(() => {
        if (lose) {
          const err = { errMsg: 'request:fail timeout' };
          opts.fail?.(err);
          opts.complete?.(err);
          return;
        }
        opts.success?.(result);
        opts.complete?.(result);
      });
    });
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', (e) => {
    const err = { errMsg: `request:fail ${e.message}` };
    finish(() => {
      opts.fail?.(err);
      opts.complete?.(err);
    });
  });
  if (body !== undefined) req.write(body);
  req.end();
  return { abort: () => req.destroy(new Error('abort')) };
}

interface UploadOptions extends Callbacks<{ data: string; statusCode: number; errMsg: string }> {
  url: string;
  filePath: string;
  name: string;
  formData?: Record<string, string>;
  header?: Record<string, string>;
}

/** A real multipart POST of the temp file to the local cloud, as the WeChat client sends it. */
function uploadFile(opts: UploadOptions) {
  const fail = (errMsg: string) =>
    void Promise.resolve().then(() => {
      opts.fail?.({ errMsg });
      opts.complete?.({ errMsg });
    });
  const bytes = tempFiles.get(opts.filePath) ?? recorded.files.get(opts.filePath);
  if (!bytes) {
    fail(`uploadFile:fail file not found ${opts.filePath}`);
    return { abort() {} };
  }
  let url: URL;
  try {
    url = target(opts.url);
  } catch (e) {
    fail(`uploadFile:fail ${(e as Error).message}`);
    return { abort() {} };
  }
  const boundary = `----honglin${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(opts.formData ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  const filename = opts.filePath.split('/').pop() ?? 'file';
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${opts.name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const body = Buffer.concat(parts);

  inflight++;
  let done = false;
  const finish = (fn: () => void) => {
    if (done) return;
    done = true;
    try {
      fn();
    } finally {
      inflight--;
    }
  };
  const req = http.request(
    url,
    { method: 'POST', headers: { ...(opts.header ?? {}), 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length } },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const data = Buffer.concat(chunks).toString('utf8');
        try {
          const fileID = (JSON.parse(data) as { fileID?: string }).fileID;
          if (fileID) recorded.uploads.push({ cloudPath: opts.formData?.cloudPath ?? '', fileID });
        } catch {
          // not JSON: the page deals with it
        }
        const result = { data, statusCode: res.statusCode ?? 0, errMsg: 'uploadFile:ok' };
        finish(() => {
          opts.success?.(result);
          opts.complete?.(result);
        });
      });
    },
  );
  req.on('error', (e) =>
    finish(() => {
      opts.fail?.({ errMsg: `uploadFile:fail ${e.message}` });
      opts.complete?.({ errMsg: `uploadFile:fail ${e.message}` });
    }),
  );
  req.end(body);
  return { abort: () => req.destroy(new Error('abort')) };
}

function chooseMedia(opts: Callbacks<{ tempFiles: { tempFilePath: string; size: number; fileType: string }[] }> & { count?: number }) {
  if (mediaAnswer.cancel) {
    const err = { errMsg: 'chooseMedia:fail cancel' };
    return Promise.resolve().then(() => {
      opts.fail?.(err);
      opts.complete?.(err);
    });
  }
  const picked = Array.from({ length: Math.min(mediaAnswer.photos, opts.count ?? 9, 9) }, () => {
    const tempFilePath = `http://tmp/photo-${++tempSeq}.png`;
    tempFiles.set(tempFilePath, TINY_PNG);
    return { tempFilePath, size: TINY_PNG.length, fileType: 'image' };
  });
  return settle(opts, { tempFiles: picked });
}

type LocationResult = { latitude: number; longitude: number; accuracy: number; speed: number; altitude: number };

function getLocation(opts: Callbacks<LocationResult> & { type?: string }) {
  recorded.locationRequests.push(opts.type ?? 'wgs84');
  const answer = locationAnswer.value;
  if ('errMsg' in answer) return failWith(opts, answer.errMsg);
  return settle(opts, { ...answer, accuracy: 30, speed: -1, altitude: 0 });
}

function openSetting(opts: Callbacks<{ authSetting: Record<string, boolean> }>) {
  recorded.settingsOpened.push(Date.now());
  return settle(opts, { authSetting: { 'scope.userLocation': settingAnswer.location } });
}

function chooseLocation(opts: Callbacks<{ latitude: number; longitude: number; name: string; address: string }>) {
  const answer = chooseLocationAnswer.value;
  if (!answer) return failWith(opts, 'chooseLocation:fail cancel');
  return settle(opts, { ...answer });
}

function openLocation(opts: Callbacks<unknown> & { latitude: number; longitude: number; name?: string; address?: string; scale?: number }) {
  const { latitude, longitude, name, address, scale } = opts;
  recorded.openedLocations.push({ latitude, longitude, name, address, scale });
  return settle(opts, { errMsg: 'openLocation:ok' });
}

/** A map context that records what the page asks of it. */
function createMapContext(mapId: string) {
  const call = (method: string) => (opts?: Callbacks<unknown>) => {
    recorded.mapCalls.push(`${mapId}.${method}`);
    return settle(opts, { errMsg: `${method}:ok` });
  };
  return { moveToLocation: call('moveToLocation'), includePoints: call('includePoints') };
}

function navigation(kind: string) {
  return (opts: Callbacks<{ errMsg: string }> & { url?: string; delta?: number }) => {
    recorded.navigations.push(`${kind}:${opts.url ?? opts.delta ?? 1}`);
    return settle(opts, { errMsg: `${kind}:ok` });
  };
}

const windowInfo = {
  pixelRatio: 2,
  screenWidth: 375,
  screenHeight: 812,
  windowWidth: 375,
  windowHeight: 812,
  statusBarHeight: 44,
  safeArea: { left: 0, right: 375, top: 44, bottom: 778, width: 375, height: 734 },
};
const baseInfo = { SDKVersion: '3.8.0', language: 'zh_CN', version: '8.0.50', theme: 'light' };
const deviceInfo = { brand: 'devtools', model: 'iPhone X', platform: 'devtools', system: 'iOS 16' };

const wxMock = {
  request,
  ...storage,

  showToast: (opts: Callbacks<unknown> & { title: string }) => {
    recorded.toasts.push(opts.title);
    return settle(opts, { errMsg: 'showToast:ok' });
  },
  hideToast: () => undefined,
  pageScrollTo: (opts: Callbacks<unknown> & { selector?: string; scrollTop?: number }) => {
    recorded.scrolls.push(opts.selector ?? `top:${opts.scrollTop ?? 0}`);
    return settle(opts, { errMsg: 'pageScrollTo:ok' });
  },
  showLoading: (opts: Callbacks<unknown>) => settle(opts, { errMsg: 'showLoading:ok' }),
  hideLoading: () => undefined,
  showModal: (opts: Callbacks<unknown> & { title?: string; content?: string }) => {
    recorded.modals.push({ title: opts.title, content: opts.content });
    return settle(opts, { errMsg: 'showModal:ok', confirm: modalAnswer.confirm, cancel: !modalAnswer.confirm });
  },
  setClipboardData: (opts: Callbacks<unknown> & { data: string }) => {
    recorded.clipboard.push(opts.data);
    return settle(opts, { errMsg: 'setClipboardData:ok' });
  },
  previewImage: (opts: Callbacks<unknown> & { urls: string[]; current?: string }) => {
    recorded.previews.push(opts.current ?? opts.urls[0]);
    return settle(opts, { errMsg: 'previewImage:ok' });
  },

  env: { USER_DATA_PATH: 'wxfile://usr' },
  getFileSystemManager: () => ({
    writeFile: (opts: Callbacks<unknown> & { filePath: string; data: string | ArrayBuffer; encoding?: string }) => {
      const bytes =
        typeof opts.data === 'string'
          ? Buffer.from(opts.data, (opts.encoding ?? 'utf8') as BufferEncoding)
          : Buffer.from(new Uint8Array(opts.data));
      recorded.files.set(opts.filePath, bytes);
      return settle(opts, { errMsg: 'writeFile:ok' });
    },
  }),
  openDocument: (opts: Callbacks<unknown> & { filePath: string; fileType?: string; showMenu?: boolean }) => {
    if (!recorded.files.has(opts.filePath)) return Promise.resolve().then(() => opts.fail?.({ errMsg: 'openDocument:fail file not found' }));
    recorded.documents.push({ filePath: opts.filePath, fileType: opts.fileType });
    return settle(opts, { errMsg: 'openDocument:ok' });
  },
  shareFileMessage: (opts: Callbacks<unknown> & { filePath: string; fileName?: string }) => {
    if (!recorded.files.has(opts.filePath)) return Promise.resolve().then(() => opts.fail?.({ errMsg: 'shareFileMessage:fail file not found' }));
    recorded.sharedFiles.push({ filePath: opts.filePath, fileName: opts.fileName });
    return settle(opts, { errMsg: 'shareFileMessage:ok' });
  },
  saveImageToPhotosAlbum: (opts: Callbacks<unknown> & { filePath: string }) => {
    if (!recorded.files.has(opts.filePath)) {
      const err = { errMsg: 'saveImageToPhotosAlbum:fail file not found' };
      return Promise.resolve().then(() => opts.fail?.(err));
    }
    recorded.album.push(opts.filePath);
    return settle(opts, { errMsg: 'saveImageToPhotosAlbum:ok' });
  },

  uploadFile,
  chooseMedia,
  requestSubscribeMessage: (opts: Callbacks<Record<string, string>> & { tmplIds: string[] }) => {
    recorded.subscriptions.push([...opts.tmplIds]);
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
    for (const id of opts.tmplIds) res[id] = 'accept';
    return settle(opts, res);
  },
  makePhoneCall: (opts: Callbacks<unknown> & { phoneNumber: string }) => {
    recorded.phoneCalls.push(opts.phoneNumber);
    return settle(opts, { errMsg: 'makePhoneCall:ok' });
  },
  stopPullDownRefresh: () => undefined,
  setNavigationBarTitle: (opts: Callbacks<unknown> & { title: string }) => settle(opts, { errMsg: 'setNavigationBarTitle:ok' }),

  scanCode: (opts: Callbacks<{ result: string; scanType: string; charSet: string }> & { scanType?: string[] }) => {
    recorded.scans.push([...(opts.scanType ?? [])]);
    const text = scanAnswer.value;
    if (text === null) return failWith(opts, 'scanCode:fail cancel');
    return settle(opts, { result: text, scanType: 'QR_CODE', charSet: 'utf-8' });
  },

  getPrivacySetting: (opts: Callbacks<unknown>) =>
    settle(opts, { errMsg: 'getPrivacySetting:ok', needAuthorization: privacyAnswer.needAuthorization, privacyContractName: '《红邻小程序隐私保护指引》' }),
  onNeedPrivacyAuthorization: (listener: typeof privacyListener) => {
    privacyListener = listener;
  },
  requirePrivacyAuthorize,
  openPrivacyContract: (opts: Callbacks<unknown>) => {
    recorded.privacy.push('openPrivacyContract');
    return settle(opts, { errMsg: 'openPrivacyContract:ok' });
  },

  getLocation,
  openSetting,
  chooseLocation,
  openLocation,
  createMapContext,

  navigateTo: navigation('navigateTo'),
  redirectTo: navigation('redirectTo'),
  switchTab: navigation('switchTab'),
  reLaunch: navigation('reLaunch'),
  navigateBack: navigation('navigateBack'),

  getWindowInfo: () => ({ ...windowInfo }),
  getAppBaseInfo: () => ({ ...baseInfo, fontSizeSetting: fontSizeAnswer.px }),
  getDeviceInfo: () => ({ ...deviceInfo }),
  getSystemInfoSync: () => ({ ...windowInfo, ...baseInfo, ...deviceInfo, fontSizeSetting: fontSizeAnswer.px }),
  getMenuButtonBoundingClientRect: () => ({ width: 87, height: 32, top: 48, right: 365, bottom: 80, left: 278 }),
  nextTick: (fn: () => void) => void Promise.resolve().then(fn),
  canIUse: () => true,

  cloud: {
    init: () => undefined,
    callFunction: () => {
      throw new Error('page tests run in local mode: wx.cloud.callFunction should not be reached');
    },
    uploadFile: () => {
      throw new Error('page tests run in local mode: wx.cloud.uploadFile should not be reached');
    },
  },
};

// The App() of the mini-program, once app.ts has run (see load.ts).
let appInstance: { globalData: Record<string, unknown> } | null = null;
let defaultApp: { globalData: Record<string, unknown> } = { globalData: {} };

export function resetApp(): void {
  appInstance = null;
  defaultApp = { globalData: {} };
}

const g = globalThis as Record<string, unknown>;
g.wx = wxMock;
g.App = (options: { globalData?: Record<string, unknown> }) => {
  appInstance = Object.assign(Object.create(null), options, { globalData: options.globalData ?? {} });
};
g.getApp = () => appInstance ?? defaultApp;
g.getCurrentPages = () => [];

/** The running App instance (with its lifecycle methods), if app.ts has been loaded. */
export function currentApp<T = Record<string, unknown>>(): ({ globalData: Record<string, unknown> } & T) | null {
  return appInstance as ({ globalData: Record<string, unknown> } & T) | null;
}

/**
 * What WeChat does outside the page: location, the camera and album, scanning, calls, the
 * clipboard, subscribe messages. Where WeChat would hand over to the phone, the preview asks the
 * person in a small dialog or shows a card of what would happen.
 */
import { addTempFile, assetUrl, fileAt, putFile, USER_DATA_PATH } from '../files';
import { mapById } from '../builtins/map';
import * as ui from '../ui';
import { api, fail } from '../../../wx-common/callbacks';
import type { WxContext } from './context';

/** Opens the browser's file chooser for images; resolves with the files, or [] when cancelled. */
function pickFiles(count: number, accept: string): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = count > 1;
    input.className = 'hl-file-input';
    document.body.appendChild(input);
    const done = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, count));
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    input.click();
  });
}

/** Hands a file of the mini-program to the browser as a download, and says what the phone would do. */
function download(apiName: string, filePath: string, told: string, name?: string): Record<string, never> {
  const file = fileAt(filePath);
  if (!file) throw fail(apiName, 'file not found');
  const a = document.createElement('a');
  a.href = file.url;
  a.download = name ?? filePath.split('/').pop() ?? 'file';
  a.click();
  ui.showToast({ title: told, icon: 'success' });
  return {};
}

export function deviceApis(ctx: WxContext) {
  const here = () => ({ latitude: ctx.location.latitude, longitude: ctx.location.longitude });
  const authSetting = () => ({ 'scope.userLocation': ctx.location.allowed, 'scope.writePhotosAlbum': true, 'scope.camera': true });

  const chooseMedia = api('chooseMedia', async ({ count = 9, mediaType = ['image'] }) => {
    const accept = mediaType.includes('video') ? (mediaType.includes('image') ? 'image/*,video/*' : 'video/*') : 'image/*';
    const files = await pickFiles(Math.min(count, 20), accept);
    if (!files.length) throw fail('chooseMedia', 'cancel');
    return {
      type: files.some((f) => f.type.startsWith('video')) ? 'video' : 'image',
      tempFiles: files.map((f) => ({ tempFilePath: addTempFile(f, f.name), size: f.size, fileType: f.type.startsWith('video') ? 'video' : 'image' })),
    };
  });

  return {
    getLocation: api('getLocation', () => {
      if (!ctx.location.allowed) throw fail('getLocation', 'auth deny');
      return { ...here(), accuracy: 30, speed: -1, altitude: 0, verticalAccuracy: 0, horizontalAccuracy: 30 };
    }),
    getSetting: api('getSetting', () => ({ authSetting: authSetting() })),
    authorize: api('authorize', ({ scope }) => {
      if (scope === 'scope.userLocation' && !ctx.location.allowed) throw fail('authorize', 'auth deny');
      return {};
    }),
    openSetting: api('openSetting', async () => {
      const [choice] = (await ui.showFormSheet('设置', [{ label: '位置信息', value: ctx.location.allowed ? '0' : '1', options: ['允许', '不允许'] }])) ?? [];
      if (choice !== undefined) {
        ctx.location.allowed = choice === '0';
        document.dispatchEvent(new CustomEvent('hl-location-changed'));
      }
      return { authSetting: authSetting() };
    }),
    openLocation: api('openLocation', async ({ latitude, longitude, name, address }) => {
      await ui.showCard(name || '位置', [address ?? '', `坐标 ${Number(latitude).toFixed(5)}, ${Number(longitude).toFixed(5)}`, '在微信中，这里会打开地图和导航。'].filter(Boolean), ['关闭'], 'hl-location-card');
      return {};
    }),
    chooseLocation: api('chooseLocation', async () => {
      const values = await ui.showFormSheet('选择位置', [
        { label: '名称', value: '' },
        { label: '地址', value: '' },
        { label: '纬度', value: String(ctx.location.latitude), type: 'number' },
        { label: '经度', value: String(ctx.location.longitude), type: 'number' },
      ]);
      if (!values) throw fail('chooseLocation', 'cancel');
      const [name, address, lat, lng] = values;
      return { name, address, latitude: Number(lat), longitude: Number(lng) };
    }),
    createMapContext: (id: string) => {
      const call = (name: string, run: (map: NonNullable<ReturnType<typeof mapById>>, o: any) => unknown) =>
        api(`MapContext.${name}`, (o) => {
          const map = mapById(id);
          if (map) run(map, o);
          return {};
        });
      return {
        moveToLocation: call('moveToLocation', (m, o) => m.moveTo(o.latitude ?? here().latitude, o.longitude ?? here().longitude)),
        includePoints: call('includePoints', (m, o) => m.include(o.points ?? [], Array.isArray(o.padding) ? o.padding[0] : undefined)),
        getCenterLocation: api('MapContext.getCenterLocation', () => ({ ...(mapById(id)?.view ?? here()) })),
        getScale: api('MapContext.getScale', () => ({ scale: mapById(id)?.view?.scale ?? 16 })),
        addMarkers: call('addMarkers', () => undefined),
        removeMarkers: call('removeMarkers', () => undefined),
        translateMarker: call('translateMarker', () => undefined),
      };
    },

    scanCode: api('scanCode', async () => {
      const res = await ui.showModal({ title: '扫码', editable: true, placeholderText: '输入二维码里的内容', confirmText: '识别' });
      if (!res.confirm) throw fail('scanCode', 'cancel');
      const result = (res.content ?? '').trim();
      const path = /^\/?(pages|package-)[^?\s]*(\?\S*)?$/.test(result) ? result.replace(/^\//, '') : undefined;
      return { result, scanType: path ? 'WX_CODE' : 'QR_CODE', charSet: 'utf-8', ...(path ? { path } : {}) };
    }),
    makePhoneCall: api('makePhoneCall', async ({ phoneNumber }) => {
      const i = await ui.showActionSheet([`呼叫 ${phoneNumber}`]);
      if (i < 0) throw fail('makePhoneCall', 'cancel');
      return {};
    }),
    setClipboardData: api('setClipboardData', async ({ data }) => {
      await navigator.clipboard?.writeText(String(data)).catch(() => undefined);
      ui.showToast({ title: '内容已复制', icon: 'none' });
      return {};
    }),
    getClipboardData: api('getClipboardData', async () => ({ data: (await navigator.clipboard?.readText().catch(() => '')) ?? '' })),
    vibrateShort: api('vibrateShort', () => ({})),
    vibrateLong: api('vibrateLong', () => ({})),

    chooseMedia,
    chooseImage: api('chooseImage', async ({ count = 9 }) => {
      const res: any = await chooseMedia({ count, mediaType: ['image'] });
      return { tempFilePaths: res.tempFiles.map((f: any) => f.tempFilePath), tempFiles: res.tempFiles.map((f: any) => ({ path: f.tempFilePath, size: f.size })) };
    }),
    previewImage: api('previewImage', ({ urls = [], current }) => {
      const list = (urls as string[]).map((u) => assetUrl(u));
      ui.showImages(list, Math.max(0, (urls as string[]).indexOf(current)));
      return {};
    }),
    getImageInfo: api('getImageInfo', async ({ src }) => {
      const img = new Image();
      img.src = assetUrl(src);
      await img.decode().catch(() => {
        throw fail('getImageInfo', 'image not found');
      });
      return { width: img.naturalWidth, height: img.naturalHeight, path: src, orientation: 'up', type: 'png' };
    }),
    compressImage: api('compressImage', ({ src }) => ({ tempFilePath: src })),
    canvasToTempFilePath: api('canvasToTempFilePath', async ({ canvas, fileType }) => {
      const type = fileType === 'jpg' ? 'image/jpeg' : 'image/png';
      const blob = await new Promise<Blob | null>((resolve) => (canvas as HTMLCanvasElement).toBlob(resolve, type));
      if (!blob) throw fail('canvasToTempFilePath', 'canvas is empty');
      return { tempFilePath: addTempFile(blob, fileType === 'jpg' ? 'canvas.jpg' : 'canvas.png') };
    }),
    saveImageToPhotosAlbum: api('saveImageToPhotosAlbum', ({ filePath }) => download('saveImageToPhotosAlbum', filePath, '已保存到相册')),
    // No document viewer or chat here: the file is downloaded, as saving to the album is.
    openDocument: api('openDocument', ({ filePath }) => download('openDocument', filePath, '已下载文件（手机上会直接打开）')),
    shareFileMessage: api('shareFileMessage', ({ filePath, fileName }) => download('shareFileMessage', filePath, '已下载文件（手机上会发送到聊天）', fileName)),
    env: { USER_DATA_PATH },
    getFileSystemManager: () => ({
      writeFile: api('writeFile', ({ filePath, data, encoding }) => {
        const bytes = typeof data === 'string' ? (encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data)) : new Uint8Array(data);
        putFile(filePath, new Blob([bytes], { type: /\.png$/i.test(filePath) ? 'image/png' : /\.jpe?g$/i.test(filePath) ? 'image/jpeg' : 'application/octet-stream' }));
        return {};
      }),
      readFile: api('readFile', async ({ filePath, encoding }) => {
        const file = fileAt(filePath);
        if (!file) throw fail('readFile', `no such file or directory ${filePath}`);
        return { data: encoding === 'utf8' || encoding === 'utf-8' ? await file.blob.text() : await file.blob.arrayBuffer() };
      }),
      access: api('access', ({ path }) => {
        if (!fileAt(path)) throw fail('access', `no such file or directory ${path}`);
        return {};
      }),
    }),

    requestSubscribeMessage: api('requestSubscribeMessage', ({ tmplIds = [] }) => {
      ui.showNotice(`订阅消息：已允许 ${tmplIds.length} 项通知`);
      return Object.fromEntries((tmplIds as string[]).map((id) => [id, 'accept']));
    }),
    login: api('login', () => ({ code: `preview-${Date.now().toString(36)}` })),
    checkSession: api('checkSession', () => ({})),
    getUserProfile: api('getUserProfile', async ({ desc }) => {
      const res = await ui.showModal({ title: '获取你的昵称、头像', content: desc ?? '', confirmText: '允许', cancelText: '拒绝' });
      if (!res.confirm) throw fail('getUserProfile', 'auth deny');
      return { userInfo: { nickName: '微信用户', avatarUrl: '', gender: 0, language: 'zh_CN' } };
    }),
  };
}

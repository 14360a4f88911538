import type { Fail, Result } from '../../typings/api';
import config from '../config';
import { newRequestId } from './transport';

export const UPLOAD_FAIL: Fail = { ok: false, code: 'INTERNAL', message: '图片上传失败，请稍后再试' };

/** Where the local cloud keeps uploads: cloud://local.honglin/<path> is served at /files/<path>. */
const LOCAL_PREFIX = 'cloud://local.honglin/';

function extensionOf(filePath: string): string {
  const m = /\.(\w{1,5})$/.exec(filePath);
  return m ? m[1].toLowerCase() : 'jpg';
}

/** A cloud path nobody else will pick: <folder>/<yyyymm>/<random>.<ext>. */
export function cloudPathFor(folder: string, filePath: string, now = new Date()): string {
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return `${folder}/${month}/${newRequestId()}.${extensionOf(filePath)}`;
}

function viaCloud(cloudPath: string, filePath: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    wx.cloud.uploadFile({
      cloudPath,
      filePath,
      success: (res) => resolve(res.fileID ? { ok: true, data: res.fileID } : UPLOAD_FAIL),
      fail: () => resolve(UPLOAD_FAIL),
    });
  });
}

function viaHttp(cloudPath: string, filePath: string): Promise<Result<string>> {
  return new Promise((resolve) => {
    wx.uploadFile({
      url: `${config.localCloudUrl}/storage/upload`,
      filePath,
      name: 'file',
      formData: { cloudPath },
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileID?: unknown };
          resolve(typeof body.fileID === 'string' ? { ok: true, data: body.fileID } : UPLOAD_FAIL);
        } catch {
          resolve(UPLOAD_FAIL);
        }
      },
      fail: () => resolve(UPLOAD_FAIL),
    });
  });
}

/** Uploads a chosen photo; the result is its cloud file id. Never rejects. */
export function upload(filePath: string, folder = 'wish'): Promise<Result<string>> {
  const cloudPath = cloudPathFor(folder, filePath);
  return config.mode === 'cloud' ? viaCloud(cloudPath, filePath) : viaHttp(cloudPath, filePath);
}

/** What an <image> can show for a cloud file id: the id itself in the cloud, a URL locally. */
export function imageUrl(fileId: string): string {
  if (config.mode === 'cloud' || !fileId.startsWith(LOCAL_PREFIX)) return fileId;
  const rel = fileId.slice(LOCAL_PREFIX.length).split('/').map(encodeURIComponent).join('/');
  return `${config.localCloudUrl}/files/${rel}`;
}

/** Lets people pick photos from the album or camera; resolves to temp paths ([] when cancelled). */
export function choosePhotos(count: number): Promise<string[]> {
  return new Promise((resolve) => {
    if (count <= 0) return resolve([]);
    wx.chooseMedia({
      count,
      mediaType: ['image'],
      sourceType: ['album', 'camera'],
      sizeType: ['compressed'],
      success: (res) => resolve(res.tempFiles.map((f) => f.tempFilePath)),
      fail: () => resolve([]),
    });
  });
}

/** Downloads a cloud file and opens it in WeChat's viewer (PDF, Word, Excel); false when it could not be opened. */
export function openFile(fileId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const open = (filePath: string) => wx.openDocument({ filePath, showMenu: true, success: () => resolve(true), fail: () => resolve(false) });
    if (config.mode === 'cloud') wx.cloud.downloadFile({ fileID: fileId, success: (res) => open(res.tempFilePath), fail: () => resolve(false) });
    else wx.downloadFile({ url: imageUrl(fileId), success: (res) => (res.statusCode === 200 ? open(res.tempFilePath) : resolve(false)), fail: () => resolve(false) });
  });
}

import config from '../../../miniprogram/config';
import { UPLOAD_FAIL, choosePhotos, cloudPathFor, imageUrl, upload } from '../../../miniprogram/services/storage';
import { mediaAnswer, recorded, resetWx } from '../../setup/wx';

const w = wx as unknown as { cloud: { uploadFile: unknown } };

beforeEach(() => {
  resetWx();
  config.mode = 'local';
});

afterAll(() => {
  config.mode = 'local';
});

test('a cloud path is per folder and month, unique, keeping the extension', () => {
  const now = new Date(Date.UTC(2024, 2, 5));
  const a = cloudPathFor('wish', 'wxfile://tmp/abc.JPEG', now);
  const b = cloudPathFor('wish', 'wxfile://tmp/abc.JPEG', now);
  expect(a).toMatch(/^wish\/202403\/[\w-]+\.jpeg$/);
  expect(a).not.toBe(b);
  expect(cloudPathFor('proof', 'http://tmp/noext', now)).toMatch(/^proof\/202403\/[\w-]+\.jpg$/);
});

test('locally, file ids of the local cloud are shown through its /files URL', () => {
  expect(imageUrl('cloud://local.honglin/wish/202403/a b.png')).toBe(`${config.localCloudUrl}/files/wish/202403/a%20b.png`);
  expect(imageUrl('https://example.com/x.png')).toBe('https://example.com/x.png');
});

test('in the cloud, the image component takes cloud:// ids as they are', () => {
  config.mode = 'cloud';
  expect(imageUrl('cloud://env-1.abcd/wish/202403/a.png')).toBe('cloud://env-1.abcd/wish/202403/a.png');
});

test('locally, a picked photo is posted to the local cloud and comes back as a file id', async () => {
  const [path] = await choosePhotos(1);
  const res = await upload(path, 'wish');
  expect(res.ok).toBe(true);
  if (!res.ok) return;
  expect(res.data).toMatch(/^cloud:\/\/local\.honglin\/wish\/\d{6}\/[\w-]+\.png$/);
  expect(recorded.uploads).toEqual([{ cloudPath: res.data.replace('cloud://local.honglin/', ''), fileID: res.data }]);
});

test('an upload that fails is a message, not an exception', async () => {
  expect(await upload('http://tmp/never-picked.png')).toEqual(UPLOAD_FAIL);
});

test('in the cloud, wx.cloud.uploadFile does the upload', async () => {
  config.mode = 'cloud';
  const original = w.cloud.uploadFile;
  const asked: unknown[] = [];
  w.cloud.uploadFile = (opts: { cloudPath: string; filePath: string; success: (r: unknown) => void }) => {
    asked.push({ cloudPath: opts.cloudPath, filePath: opts.filePath });
    opts.success({ fileID: `cloud://env-1.abcd/${opts.cloudPath}` });
  };
  try {
    const res = await upload('wxfile://tmp/p.png', 'proof');
    expect(asked).toEqual([{ cloudPath: expect.stringMatching(/^proof\/\d{6}\/[\w-]+\.png$/), filePath: 'wxfile://tmp/p.png' }]);
    expect(res).toEqual({ ok: true, data: expect.stringMatching(/^cloud:\/\/env-1\.abcd\/proof\//) });
    expect(recorded.uploads).toEqual([]);
  } finally {
    w.cloud.uploadFile = original;
  }
});

test('backing out of the album picks nothing', async () => {
  mediaAnswer.cancel = true;
  expect(await choosePhotos(3)).toEqual([]);
  expect(await choosePhotos(0)).toEqual([]);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../emulator/server';
import { CommunityFile, databaseFor, setupCommunity } from '../../scripts/community/setup';

const EXAMPLE = CommunityFile.parse(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../scripts/community/example.json'), 'utf8')));

async function call(cloud: LocalCloud, fn: string, event: Record<string, unknown>, openid: string): Promise<any> {
  const res = await fetch(`${cloud.url}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-openid': openid }, body: JSON.stringify(event) });
  return res.json();
}

/** From an empty environment to an administrator making posters, on a local cloud of its own. */
describe('npm run community', () => {
  let cloud: LocalCloud;

  beforeAll(async () => {
    cloud = await startLocalCloud({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-community-')), build: false, maxInstances: 1 });
  });
  afterAll(() => cloud.close());

  it('creates the community, its grids and units, and an invite that makes its administrator; a second run changes nothing', async () => {
    const db = databaseFor({ local: cloud.url, secret: cloud.secret });
    const first = await setupCommunity(db, EXAMPLE);
    expect(first).toMatchObject({ communityId: 'c_haiyan', grids: 2, units: 2, invite: { reused: false } });
    const second = await setupCommunity(db, EXAMPLE);
    expect(second.invite).toEqual({ ...first.invite, reused: true });
    expect((await db.collection('communities').get()).data).toHaveLength(1);
    expect((await db.collection('grids').get()).data).toHaveLength(2);
    expect((await db.collection('invites').get()).data).toHaveLength(1);

    const admin = 'setup-admin';
    await call(cloud, 'user', { action: 'login' }, admin);
    const redeemed = await call(cloud, 'user', { action: 'redeemInvite', code: first.invite.code }, admin);
    expect(redeemed.data.me).toMatchObject({ community: { id: 'c_haiyan', name: '海晏社区' }, role: 'admin' });
    const code = await call(cloud, 'user', { action: 'qrcode', gridId: 'g_haiyan_g2' }, admin);
    expect(code.data.scene).toBe('c=haiyan&g=g2');

    // Once used, a new run makes a new code rather than showing a spent one.
    const third = await setupCommunity(db, EXAMPLE);
    expect(third.invite.reused).toBe(false);
    expect(third.invite.code).not.toBe(first.invite.code);
    // A resident scanning the grid poster lands in that grid.
    const resident = await call(cloud, 'user', { action: 'login', scene: code.data.scene }, 'setup-resident');
    expect(resident.data.me.grid).toEqual({ id: 'g_haiyan_g2', name: '第二网格（海晏花园西区）' });
  });

  it('refuses a file with a code that cannot go in a poster scene', () => {
    expect(CommunityFile.safeParse({ ...EXAMPLE, code: '海晏' }).success).toBe(false);
    expect(CommunityFile.safeParse({ ...EXAMPLE, grids: [] }).success).toBe(false);
  });
});

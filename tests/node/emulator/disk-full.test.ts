/**
 * A full disk fails the writes it could not keep, each with a clear error; the local cloud stays
 * up, reads go on, and writes resume when space returns. The disk is simulated by the journal's
 * write function, which takes half a batch and then reports ENOSPC, as a real full disk would.
 */
import { dbOf, ownCloud } from './own-cloud';
import { writeAt } from '../../../emulator/db/journal';

function fillableDisk() {
  const disk = {
    full: false,
    async write(fd: number, bytes: Buffer, position: number): Promise<void> {
      if (!disk.full) return writeAt(fd, bytes, position);
      await writeAt(fd, bytes.subarray(0, bytes.length >> 1), position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
  return disk;
}

it('fails only the writes a full disk could not keep, and takes writes again when space returns', async () => {
  const disk = fillableDisk();
  const cloud = await ownCloud({ disk: { write: disk.write } });
  const db = dbOf(cloud);
  try {
    await db.createCollection('notes');
    await db.collection('notes').add({ _id: 'before', text: '写满之前' });

    disk.full = true;
    await expect(db.collection('notes').add({ _id: 'lost', text: '写不下' })).rejects.toThrow(/ENOSPC/);
    await expect(db.collection('notes').doc('before').update({ text: '改不了' })).rejects.toThrow(/ENOSPC/);
    await expect(
      db.runTransaction(async (t: any) => {
        await t.collection('notes').doc('tx').set({ text: '事务也写不下' });
      }),
    ).rejects.toThrow(/ENOSPC/);

    expect((await fetch(`${cloud.url}/healthz`)).status).toBe(200);
    const { data } = await db.collection('notes').get();
    expect(data).toEqual([{ _id: 'before', text: '写满之前' }]);

    disk.full = false;
    await db.collection('notes').add({ _id: 'after', text: '有空间了' });
  } finally {
    await cloud.close();
  }
  const again = await ownCloud({ dataDir: cloud.dataDir });
  try {
    const { data } = await dbOf(again).collection('notes').orderBy('_id', 'asc').get();
    expect(data).toEqual([
      { _id: 'after', text: '有空间了' },
      { _id: 'before', text: '写满之前' },
    ]);
  } finally {
    await again.close();
  }
});

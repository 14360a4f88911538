/**
 * The journal keeps a checksum on every line: damage in the middle stops the start with the line
 * named and the file left as it was; only a torn last line (a write the process never finished)
 * is dropped. Data directories from before checksums still load.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbOf, ownCloud } from './own-cloud';

const logOf = (dataDir: string) => path.join(dataDir, 'db', 'db.log');

/** A data directory whose log holds a collection and five notes, one commit a line. */
async function fiveNotes(): Promise<string> {
  const cloud = await ownCloud();
  const db = dbOf(cloud);
  await db.createCollection('notes');
  for (let i = 1; i <= 5; i++) await db.collection('notes').add({ _id: `n${i}`, text: `第${i}条` });
  await cloud.close();
  return cloud.dataDir;
}

const notesIn = (cloud: { db: { store: { collection(n: string): Map<string, unknown> } } }) => [...cloud.db.store.collection('notes').keys()].sort();

describe('journal', () => {
  it('stops the start at a damaged line in the middle, names it, and keeps the file untouched', async () => {
    const dataDir = await fiveNotes();
    const log = logOf(dataDir);
    const lines = fs.readFileSync(log, 'utf8').split('\n');
    expect(lines.filter(Boolean)).toHaveLength(6);
    // One byte of the third note's line changes, and it still parses as JSON.
    lines[3] = lines[3].replace('第3条', '第8条');
    // And one byte of the fourth's breaks it.
    lines[4] = lines[4].replace('"c"', '"c\u0000');
    const damaged = lines.join('\n');
    fs.writeFileSync(log, damaged);
    await expect(ownCloud({ dataDir })).rejects.toThrow(/db\.log line 4\b/);
    expect(fs.readFileSync(log, 'utf8')).toBe(damaged);
  });

  it('drops a torn last line and keeps every commit before it', async () => {
    const dataDir = await fiveNotes();
    fs.appendFileSync(logOf(dataDir), '[{"c":"notes","id":"n6","d":"{\\"_id\\":\\"n6\\",\\"te');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const cloud = await ownCloud({ dataDir });
    try {
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/db\.log line 7: a write that never finished/));
      warn.mockRestore();
      expect(notesIn(cloud)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
      // The torn line is gone for good: the next start reads the compacted state.
      await dbOf(cloud).collection('notes').add({ _id: 'n7', text: '第7条' });
    } finally {
      await cloud.close();
    }
    const again = await ownCloud({ dataDir });
    expect(notesIn(again)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n7']);
    await again.close();
  });

  it('loads a data directory written before lines had checksums', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'honglin-old-'));
    fs.mkdirSync(path.join(dataDir, 'db'));
    const doc = (id: string) => JSON.stringify({ _id: id, text: id });
    fs.writeFileSync(
      path.join(dataDir, 'db', 'db.snapshot'),
      [JSON.stringify({ c: 'notes', id: '', k: 'collection', d: '{"indexes":[]}' }), JSON.stringify({ c: 'notes', id: 'old1', d: doc('old1') })].join('\n') + '\n',
    );
    fs.writeFileSync(logOf(dataDir), JSON.stringify([{ c: 'notes', id: 'old2', d: doc('old2') }]) + '\n');
    const cloud = await ownCloud({ dataDir });
    try {
      expect(notesIn(cloud)).toEqual(['old1', 'old2']);
    } finally {
      await cloud.close();
    }
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { call, cloudUrl, ok } from '../support/cloud';
import { getDoc, newListsCommunity } from '../support/lists';

/**
 * A timer runs only when its trigger fires it. CloudBase marks a trigger's invocation in its
 * context (TRIGGER_SRC=timer) and a client call never carries that mark, whatever its event says;
 * the local cloud delivers its timers the same way.
 */

const FUNCTIONS = path.join(__dirname, '../../../cloudfunctions');

/** Every declared timer trigger, from the functions' config.json as deployed. */
function declaredTimers(): Array<{ fn: string; name: string }> {
  const out: Array<{ fn: string; name: string }> = [];
  for (const fn of fs.readdirSync(FUNCTIONS)) {
    const file = path.join(FUNCTIONS, fn, 'config.json');
    if (!fs.existsSync(file)) continue;
    const cfg = JSON.parse(fs.readFileSync(file, 'utf8')) as { triggers?: Array<{ name: string; type: string }> };
    for (const t of cfg.triggers ?? []) if (t.type === 'timer') out.push({ fn, name: t.name });
  }
  return out;
}

const timerEvent = (name: string) => ({ Type: 'Timer', TriggerName: name, Time: new Date().toISOString(), Message: '' });

async function fire(fn: string, name: string): Promise<any> {
  const res = await fetch(`${cloudUrl()}/timers/${fn}/${name}`, { method: 'POST' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { result: unknown }).result;
}

describe('timer triggers', () => {
  const timers = declaredTimers();

  it('declares some timers to guard', () => {
    expect(timers.length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a timer event from a client, with or without an openid, for every trigger', async () => {
    for (const { fn, name } of timers) {
      for (const openid of [undefined, 'demo-admin']) {
        const res = await call(fn, timerEvent(name), openid);
        expect({ fn, name, openid, ok: res.ok }).toEqual({ fn, name, openid, ok: false });
      }
    }
  });

  it('runs a timer its trigger fires, and the next client call on the same instances is still no timer', async () => {
    for (const { fn, name } of timers) {
      expect({ fn, name, result: await fire(fn, name) }).toMatchObject({ fn, name, result: { ok: true } });
      // The instance that just ran the trigger must not hand its mark to the next caller.
      const res = await call(fn, timerEvent(name));
      expect({ fn, name, ok: res.ok }).toEqual({ fn, name, ok: false });
    }
  });

  it('a client posing as the sync timer does not move an approved wish into the needs list', async () => {
    const c = await newListsCommunity();
    const { wish } = await ok('wish', { action: 'publish', title: '楼道灯坏了请帮忙修理', content: '三楼的灯不亮，晚上看不见台阶。', category: '维修帮办' }, c.resident);
    await ok('wish', { action: 'review', id: wish.id, approve: true }, c.admin);
    await call('lists', timerEvent('syncWishes'));
    expect(await getDoc('needs', `wish.${wish.id}`)).toBeUndefined();
    await fire('lists', 'syncWishes');
    expect(await getDoc('needs', `wish.${wish.id}`)).toMatchObject({ source: 'wish', status: 'open' });
  });
});

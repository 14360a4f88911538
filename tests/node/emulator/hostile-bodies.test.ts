/**
 * Bodies built to hurt: too deep to serialise, too big to hold. Each gets a 4xx of its own and
 * harms no other call.
 */
import path from 'node:path';
import { cloudUrl } from '../support/cloud';
import { FunctionHost } from '../../../emulator/functions/host';
import { nested } from './own-cloud';

const post = (fn: string, body: string) =>
  fetch(`${cloudUrl()}/fn/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('hostile bodies', () => {
  it('answers a 100,000-level nested event with 400 and nothing about the stack', async () => {
    const res = await post('user', '['.repeat(100_000) + ']'.repeat(100_000));
    const text = await res.text();
    expect(res.status).toBe(400);
    expect(text).not.toMatch(/call stack|RangeError/i);
    const fine = await post('user', JSON.stringify({ action: 'me' }));
    expect(fine.status).toBe(200);
  });

  it('answers a body over the limit with 413', async () => {
    const res = await post('user', JSON.stringify({ action: 'me', pad: 'x'.repeat(11 * 1024 * 1024) }));
    expect(res.status).toBe(413);
  });

  it('fails an event that cannot be delivered alone: the instance it borrowed serves the next caller to the end', async () => {
    const spec = { name: 'sleepy', entry: path.join(__dirname, 'fixtures/sleepy.js'), timeoutMs: 2000 };
    const host = new FunctionHost(new Map([['sleepy', spec]]), 'http://127.0.0.1:9', 1);
    try {
      const bad = await host.invoke('sleepy', { event: nested(100_000) }).catch((e) => ({ thrown: String(e) }));
      // The one instance now serves an innocent call that is still running when the bad call's
      // timeout would have come.
      await new Promise((r) => setTimeout(r, 1000));
      const innocent = await host.invoke('sleepy', { event: { ms: 1500 } });
      expect(bad).toEqual({ ok: false, error: expect.stringMatching(/event/) });
      expect(bad).not.toMatchObject({ error: expect.stringMatching(/call stack/i) });
      expect(innocent).toEqual({ ok: true, result: { slept: 1500 } });
    } finally {
      host.close();
    }
  });
});

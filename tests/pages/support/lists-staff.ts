/**
 * Set-ups for the staff pages of matching, dispatch and statistics, on top of ./lists: the first
 * grid with its worker on duty (the default 派单 target, first among the assignees), a resource
 * of the community's 共建单位, and the lists timers fired on demand, as the scheduler would.
 */
import http from 'http';
import { okFn } from './backend';
import { findDocs, updateDoc } from './db';
import { listsCommunity, type ListsCommunity } from './lists';

export async function staffListsCommunity(): Promise<ListsCommunity> {
  const c = await listsCommunity();
  await updateDoc('grids', c.gridId, { workerId: c.gridWorkerId });
  return c;
}

/** A resource of the community's unit serving the first grid, entered by staff; returns its id. */
export async function unitResource(c: ListsCommunity, title: string, categories: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const { resource } = await okFn(c.staff, 'lists', {
    action: 'saveResource',
    op: 'create',
    resource: { title, providerKind: 'unit', unitId: c.unitId, categories, capacity: 5, period: 'week', area: { gridIds: [c.gridId] }, ...extra },
  });
  return resource.id;
}

export const decisionsOf = (jobId: string) => findDocs<Record<string, any>>('match_decisions', { jobId });

/** Fires a timer trigger of the lists function on the local cloud. */
export function fireListsTimer(name: 'syncWishes' | 'runMatchJobs' | 'watchDeadlines'): Promise<unknown> {
  const base = process.env.HONGLIN_URL;
  if (!base) throw new Error('HONGLIN_URL is not set: page tests need the local cloud running');
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/timers/lists/${name}`, base), { method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (b: Buffer) => chunks.push(b));
      res.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (res.statusCode !== 200) reject(new Error(`timer ${name}: ${JSON.stringify(body)}`));
        else resolve(body.result);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

import ExcelJS from 'exceljs';
import { call, ok, sdk } from '../support/cloud';
import { newCommunity } from '../support/map';

/**
 * Exports for the office: each kind as CSV pages or one real .xlsx, read back here with exceljs
 * row by row against what the database holds; every export is written to the lists' events.
 */
const at = (date: string, hhmm = '10:00') => Date.parse(`${date}T${hhmm}:00+08:00`);

async function workbookRows(base64: string): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = book.worksheets[0];
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('exportFile', () => {
  it('gives a period’s wishes as an .xlsx whose rows are the wishes, names masked, and audits it', async () => {
    const c = await newCommunity();
    const db = sdk().database();
    const wish = (n: number, created: string, fields: Record<string, unknown> = {}) =>
      db.collection('wishes').doc(`w_${c.id}_${n}`).set({
        communityId: c.id, gridId: c.gridId, title: `心愿${n}`, content: '', category: '生活物资', photos: [], showPhone: false, status: 'open',
        publisherId: 'u1', publisherName: '王桂英', wantedBy: [], wants: n, everClaimed: false, createdAt: at(created), updatedAt: at(created), ...fields,
      });
    await wish(1, '2026-03-02');
    await wish(2, '2026-03-05', { status: 'completed', claim: { userId: 'u2', name: '李建华', claimedAt: 0, leaseUntil: 0 }, completedAt: at('2026-03-06', '16:30'), rating: { stars: 5, at: 0 } });
    await wish(3, '2026-02-20'); // before the period
    await wish(4, '2026-03-03', { title: '=HYPERLINK("http://x")' });

    const res = await ok('lists', { action: 'exportFile', kind: 'wishes', format: 'xlsx', from: '2026-03-01', to: '2026-03-31' }, c.admin);
    expect(res.filename).toMatch(/^wishes-2026-03-01-2026-03-31-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(res.rows).toBe(3);
    const rows = await workbookRows(res.xlsx);
    expect(rows[0]).toEqual(['编号', '标题', '类别', '网格', '状态', '发布人', '发布时间', '认领人', '完成时间', '评分', '同求人数']);
    expect(rows.slice(1).map((r) => r[0])).toEqual([`w_${c.id}_1`, `w_${c.id}_4`, `w_${c.id}_2`]);
    expect(rows[3]).toEqual([`w_${c.id}_2`, '心愿2', '生活物资', '第一网格', '已完成', '王**', '2026-03-05 10:00', '李**', '2026-03-06 16:30', 5, 2]);
    // A title that looks like a formula stays text.
    expect(rows[2][1]).toBe('=HYPERLINK("http://x")');
    const text = JSON.stringify(rows);
    expect(text).not.toContain('王桂英');
    expect(text).not.toContain('李建华');

    const events = (await db.collection('list_events').where({ targetId: `${c.id}.export.wishes` }).get()).data;
    expect(events).toEqual([expect.objectContaining({ target: 'export', to: 'xlsx', why: '导出微心愿（2026-03-01至2026-03-31）Excel 3行' })]);
  });

  it('gives activities with their volunteer hours, as CSV pages and as a workbook that agree', async () => {
    const c = await newCommunity();
    const db = sdk().database();
    const activity = (n: number, d: string) =>
      db.collection('booking_activities').doc(`ac_${c.id}_${n}`).set({
        communityId: c.id, placeId: 'p', placeName: '党群服务中心', address: '', title: `活动${n}`, category: '志愿服务', description: '', date: d,
        start: at(d, '09:00'), end: at(d, '11:00'), capacity: 20, waitlistMax: 0, cancelCutoffMinutes: 60, audience: 'volunteers', status: 'published', key: 'k', createdBy: 'x', createdAt: 0, updatedAt: 0, taken: 0, waiting: 0,
      });
    await activity(1, '2026-04-01');
    await activity(2, '2026-04-08');
    const signup = (n: number, act: number, status: string, minutes?: number) =>
      db.collection('booking_signups').doc(`su_${c.id}_${n}`).set({ communityId: c.id, activityId: `ac_${c.id}_${act}`, status, ...(minutes ? { minutes, checkOutAt: at('2026-04-01', '11:00') } : {}), createdAt: 0, updatedAt: 0 });
    await signup(1, 1, 'checked_out', 120);
    await signup(2, 1, 'checked_out', 90);
    await signup(3, 1, 'signed_up');

    const csv = await ok('lists', { action: 'exportFile', kind: 'activities', format: 'csv' }, c.admin);
    expect(csv.next).toBeUndefined();
    const lines = csv.csv.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toEqual([
      '编号,活动,类别,地点,日期,时间,名额,状态,签退人数,志愿服务时长（小时）',
      `ac_${c.id}_1,活动1,志愿服务,党群服务中心,2026-04-01,09:00-11:00,20,已发布,2,3.5`,
      `ac_${c.id}_2,活动2,志愿服务,党群服务中心,2026-04-08,09:00-11:00,20,已发布,0,0`,
    ]);
    const book = await ok('lists', { action: 'exportFile', kind: 'activities', format: 'xlsx' }, c.admin);
    const rows = await workbookRows(book.xlsx);
    expect(rows.map((r) => r.map(String).join(','))).toEqual(lines);
  });

  it('audits the lists’ own CSV export too, at its first page', async () => {
    const c = await newCommunity();
    await ok('lists', { action: 'export', list: 'needs' }, c.admin);
    const events = (await sdk().database().collection('list_events').where({ targetId: `${c.id}.export.needs` }).get()).data;
    expect(events).toEqual([expect.objectContaining({ target: 'export', to: 'csv', why: '导出需求清单CSV 0行' })]);
  });

  it('refuses residents, an unknown kind and a workbook by pages, changing nothing', async () => {
    const c = await newCommunity();
    expect(await call('lists', { action: 'exportFile', kind: 'wishes', format: 'xlsx' }, c.resident)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await call('lists', { action: 'exportFile', kind: 'users', format: 'csv' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('lists', { action: 'exportFile', kind: 'wishes', format: 'xlsx', cursor: 'o200' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await call('lists', { action: 'exportFile', kind: 'wishes', format: 'csv', from: '2026-05-01', to: '2026-04-01' }, c.admin)).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    const events = (await sdk().database().collection('list_events').where({ communityId: c.id, target: 'export' }).get()).data;
    expect(events).toEqual([]);
  });
});

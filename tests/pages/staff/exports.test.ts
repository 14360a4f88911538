import ExcelJS from 'exceljs';
import { load, type PageHandle } from '../../setup/load';
import { recorded, resetWx } from '../../setup/wx';
import { findDocs, insertDoc } from '../support/db';
import { listsCommunity, sentLists } from '../support/lists';

const EXPORTS = 'package-staff/pages/lists-exports/index';

jest.setTimeout(120_000);

describe('数据导出', () => {
  let page: PageHandle | undefined;

  beforeEach(() => resetWx());
  afterEach(() => page?.detach());

  test('an Excel export of this year’s wishes opens on the phone, holds the wishes and goes to a chat; CSV too', async () => {
    const c = await listsCommunity();
    const now = Date.now();
    for (const n of [1, 2, 3]) {
      await insertDoc('wishes', { _id: `w_${c.id}_${n}`, communityId: c.id, title: `导出心愿${n}`, content: '', category: '生活物资', photos: [], showPhone: false, status: 'open', publisherId: 'u', publisherName: '赵秀英', wantedBy: [], wants: 0, everClaimed: false, createdAt: now - n * 60_000, updatedAt: now });
    }
    page = await load(EXPORTS, { openid: c.staff });
    await page.tap('#export-xlsx');
    await page.waitForText('微心愿已导出 3 行');
    expect(sentLists('exportFile')).toEqual([expect.objectContaining({ kind: 'wishes', format: 'xlsx', to: expect.any(String) })]);
    // The workbook on the phone is a real .xlsx with the three wishes, oldest first, names masked.
    const [doc] = recorded.documents;
    expect(doc.fileType).toBe('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(recorded.files.get(doc.filePath)! as unknown as ArrayBuffer);
    const titles: unknown[] = [];
    book.worksheets[0].eachRow((r, i) => i > 1 && titles.push([r.getCell(2).value, r.getCell(6).value]));
    expect(titles).toEqual([['导出心愿3', '赵**'], ['导出心愿2', '赵**'], ['导出心愿1', '赵**']]);

    await page.tap('#share');
    expect(recorded.sharedFiles).toEqual([{ filePath: doc.filePath, fileName: doc.filePath.split('/').pop() }]);

    // CSV of the same: kept on the phone, sent to a chat, never "opened" (WeChat's viewer has no CSV).
    await page.tap('#export-csv');
    await page.waitForText('微心愿已导出 3 行');
    const csvPath = [...recorded.files.keys()].find((p) => p.endsWith('.csv'))!;
    const lines = recorded.files.get(csvPath)!.toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines.map((l) => l.split(',')[1])).toEqual(['标题', '导出心愿3', '导出心愿2', '导出心愿1']);
    expect(page.has('#open')).toBe(false);
    expect(recorded.documents).toHaveLength(1);

    // Both exports are on record, by whom and what.
    const events = await findDocs<any>('list_events', { targetId: `${c.id}.export.wishes` });
    expect(events.map((e) => e.to).sort()).toEqual(['csv', 'xlsx']);
    expect(events.every((e) => /^社区工作者/.test(e.byLabel))).toBe(true);
  });

  test('staff find it in the console; a resident is told it is for staff', async () => {
    const c = await listsCommunity();
    page = await load('package-staff/pages/console/index', { openid: c.staff });
    await page.tapText('数据导出');
    expect(recorded.navigations.at(-1)).toBe('navigateTo:/package-staff/pages/lists-exports/index');
    page.detach();
    page = await load(EXPORTS, { openid: await c.resident('钱阿姨') });
    expect(page.text()).toContain('数据导出仅供社区工作人员使用');
  });
});

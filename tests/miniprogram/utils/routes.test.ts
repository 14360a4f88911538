import fs from 'fs';
import path from 'path';
import {
  COMMUNITY_INTRO,
  CONSOLE_ENTRIES,
  GOODS_EDIT,
  HOME_ENTRIES,
  LISTS_PAGES,
  ME_ENTRIES,
  PLACE_EDIT,
  POINTS_PAGES,
  POINTS_VERIFY,
  STAFF_BOOKING_PAGES,
  STAFF_CONSOLE,
  STAFF_CALLOUT_EDIT,
  STAFF_CALLOUT_SITE,
  STAFF_SURVEY_PAGES,
  SURVEY_PAGES,
  PARTY_PAGES,
  COUNCIL_PAGES,
  STAFF_COUNCIL_ENTRIES,
  STAFF_COUNCIL_TOPIC,
  BULLETIN_PAGES,
  STAFF_BULLETIN_PAGES,
  entryViews,
} from '../../../miniprogram/utils/routes';
import { BOOKING_PAGES } from '../../../miniprogram/utils/booking';

const app = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../miniprogram/app.json'), 'utf8'));
const pages: string[] = [
  ...app.pages,
  ...(app.subPackages ?? []).flatMap((p: { root: string; pages: string[] }) => p.pages.map((x) => p.root + x)),
].map((p) => `/${p.replace(/\/+/g, '/')}`);
const tabs: string[] = app.tabBar.list.map((t: { pagePath: string }) => `/${t.pagePath}`);

test('every entry that opens a page points at a registered page, tabs opened as tabs', () => {
  for (const e of [...HOME_ENTRIES, ...ME_ENTRIES].filter((x) => x.path)) {
    expect(pages).toContain(e.path);
    expect(!!e.tab).toBe(tabs.includes(e.path!));
  }
  expect(pages).toContain(STAFF_CONSOLE);
  expect(pages).toContain(COMMUNITY_INTRO);
  expect(pages).toContain(PLACE_EDIT);
  for (const p of Object.values(POINTS_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/')).toBe(true); // residents' pages in the main package
  }
  expect(pages).toContain(POINTS_VERIFY);
  expect(pages).toContain(GOODS_EDIT);
  for (const p of Object.values(BOOKING_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/booking/')).toBe(true); // the paths notices and the map link to
  }
  for (const p of Object.values(STAFF_BOOKING_PAGES)) expect(pages).toContain(p);
  for (const p of Object.values(LISTS_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/lists/')).toBe(true); // ticket notices open pages/lists/ticket
  }
  for (const p of Object.values(PARTY_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/party/')).toBe(true);
  }
  for (const p of Object.values(COUNCIL_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/council/')).toBe(true);
  }
  expect(pages).toContain(STAFF_COUNCIL_TOPIC);
  // 议事协商 from the console opens the residents' list, where each topic leads staff to 推进议事.
  for (const e of STAFF_COUNCIL_ENTRIES) expect(pages).toContain(e.path);
  expect(pages).toContain(STAFF_CALLOUT_EDIT);
  expect(pages).toContain(STAFF_CALLOUT_SITE);
  // 问卷: residents answer in the main package, staff write and read results in the subpackage.
  for (const p of Object.values(SURVEY_PAGES)) expect(p.startsWith('/pages/') && pages.includes(p)).toBe(true);
  for (const p of Object.values(STAFF_SURVEY_PAGES)) expect(p.startsWith('/package-staff/') && pages.includes(p)).toBe(true);
  for (const p of Object.values(BULLETIN_PAGES)) {
    expect(pages).toContain(p);
    expect(p.startsWith('/pages/bulletin/')).toBe(true); // the urgent message opens pages/bulletin/detail
  }
  for (const p of Object.values(STAFF_BULLETIN_PAGES)) expect(pages).toContain(p);
  for (const e of CONSOLE_ENTRIES) {
    expect(pages).toContain(e.path);
    // Staff pages stay out of the main package; 议事协商's list is the residents' own, which staff open too.
    if (!STAFF_COUNCIL_ENTRIES.includes(e)) expect(e.path!.startsWith('/package-staff/')).toBe(true);
  }
});

test('entries without a page are greyed out as 即将开放', () => {
  const views = entryViews([{ key: 'a', title: 'A' }, { key: 'b', title: 'B', path: '/pages/home/index' }]);
  expect(views).toEqual([
    { key: 'a', title: 'A', enabled: false, hint: '即将开放' },
    { key: 'b', title: 'B', path: '/pages/home/index', enabled: true, hint: '' },
  ]);
});

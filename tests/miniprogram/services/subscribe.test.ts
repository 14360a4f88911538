import { DEV_OPENID_KEY } from '../../../miniprogram/services/transport';
import { askSubscribe, forgetTemplates, loadTemplates } from '../../../miniprogram/services/subscribe';
import { insertDoc } from '../../pages/support/db';
import { newCommunity } from '../../pages/support/community';
import { recorded, resetWx } from '../../setup/wx';

/** Subscriptions are asked for only with the templates the person's community configured. */

beforeEach(() => {
  resetWx();
  forgetTemplates();
});

test('asks for the configured templates (the demo has them all) and reports the accepted keys', async () => {
  wx.setStorageSync(DEV_OPENID_KEY, 'demo-resident');
  expect(await askSubscribe(['wishReviewed', 'wishClaimed'])).toEqual(['wishReviewed', 'wishClaimed']);
  expect(recorded.subscriptions).toEqual([['tmpl-wish-reviewed', 'tmpl-wish-claimed']]);
});

test('a kind without a template is never asked for; the templates are read once a session', async () => {
  const c = await newCommunity({ notices: false });
  await insertDoc('notice_settings', {
    _id: c.id,
    communityId: c.id,
    kinds: { ticketUpdated: { templateId: `t${c.code}-updated`, keywords: { title: 'thing1', status: 'phrase2', note: 'thing3' }, updatedBy: 'test', updatedAt: Date.now() } },
    updatedAt: Date.now(),
  });
  wx.setStorageSync(DEV_OPENID_KEY, await c.resident());
  await loadTemplates();
  const reads = recorded.requests.length;
  expect(await askSubscribe(['wishReviewed', 'ticketUpdated'])).toEqual(['ticketUpdated']);
  expect(await askSubscribe(['wishReviewed'])).toEqual([]);
  expect(recorded.subscriptions).toEqual([[`t${c.code}-updated`]]);
  expect(recorded.requests.length).toBe(reads);
});

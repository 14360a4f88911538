import config from '../../../miniprogram/config';
import { askSubscribe } from '../../../miniprogram/services/subscribe';
import { recorded, resetWx } from '../../setup/wx';

beforeEach(() => resetWx());

test('asks for the configured templates and reports the accepted keys', async () => {
  expect(await askSubscribe(['wishReviewed', 'wishClaimed'])).toEqual(['wishReviewed', 'wishClaimed']);
  expect(recorded.subscriptions).toEqual([[config.templates.wishReviewed, config.templates.wishClaimed]]);
});

test('a template without an id is never asked for', async () => {
  const before = config.templates.wishClaimed;
  config.templates.wishClaimed = '';
  try {
    expect(await askSubscribe(['wishClaimed'])).toEqual([]);
    expect(recorded.subscriptions).toEqual([]);
  } finally {
    config.templates.wishClaimed = before;
  }
});

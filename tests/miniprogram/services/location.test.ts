import { lastLocation, locate, navigateTo, openLocationSetting, pickLocation } from '../../../miniprogram/services/location';
import { LOCATION_DENIED, chooseLocationAnswer, locationAnswer, recorded, resetWx, settingAnswer } from '../../setup/wx';

beforeEach(() => resetWx());

test('asks in GCJ-02 and remembers where the phone was', async () => {
  locationAnswer.value = { latitude: 32.85, longitude: 120.32 };
  expect(await locate()).toEqual({ ok: true, location: { lat: 32.85, lng: 120.32 } });
  expect(recorded.locationRequests).toEqual(['gcj02']);
  expect(lastLocation()).toEqual({ lat: 32.85, lng: 120.32 });

  // A later failure does not forget the last position.
  locationAnswer.value = LOCATION_DENIED;
  expect(await locate()).toEqual({ ok: false, denied: true });
  expect(lastLocation()).toEqual({ lat: 32.85, lng: 120.32 });
});

test('a refusal is told apart from a phone that cannot locate', async () => {
  for (const errMsg of ['getLocation:fail auth deny', 'getLocation:fail:auth denied', 'getLocation:fail authorize no response']) {
    locationAnswer.value = { errMsg };
    expect(await locate()).toEqual({ ok: false, denied: true });
  }
  for (const errMsg of ['getLocation:fail system permission denied', 'getLocation:fail timeout', 'getLocation:fail']) {
    locationAnswer.value = { errMsg };
    expect(await locate()).toEqual({ ok: false, denied: false });
  }
});

test('a phone that never answers is given up on after 8 seconds', async () => {
  jest.useFakeTimers();
  const original = wx.getLocation;
  (wx as unknown as { getLocation: () => void }).getLocation = () => undefined;
  try {
    const pending = locate();
    jest.advanceTimersByTime(8000);
    expect(await pending).toEqual({ ok: false, denied: false });
  } finally {
    (wx as unknown as { getLocation: typeof original }).getLocation = original;
    jest.useRealTimers();
  }
});

test('the settings page reports whether location is now allowed', async () => {
  expect(await openLocationSetting()).toBe(false);
  settingAnswer.location = true;
  expect(await openLocationSetting()).toBe(true);
  expect(recorded.settingsOpened).toHaveLength(2);
});

test('navigation opens WeChat’s map at scale 17; picking a point returns it, or null when backed out', async () => {
  navigateTo({ location: { lat: 32.8533, lng: 120.3208 }, name: '党群服务中心', address: '北海路88号' });
  await Promise.resolve();
  expect(recorded.openedLocations).toEqual([{ latitude: 32.8533, longitude: 120.3208, name: '党群服务中心', address: '北海路88号', scale: 17 }]);

  expect(await pickLocation()).toBeNull();
  chooseLocationAnswer.value = { latitude: 32.86, longitude: 120.33, name: '幸福路', address: '幸福路18号' };
  expect(await pickLocation({ lat: 32.85, lng: 120.32 })).toEqual({ location: { lat: 32.86, lng: 120.33 }, name: '幸福路', address: '幸福路18号' });
});

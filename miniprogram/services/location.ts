import type { LatLng } from '../../typings/map';

/** Where the phone is, or why not: `denied` when the person (or WeChat's settings) refused. */
export type Located = { ok: true; location: LatLng } | { ok: false; denied: boolean };

/** Some phones never answer when positioning is off; after this long the page goes on without. */
const TIMEOUT_MS = 8000;

let last: LatLng | undefined;

/** The last position found in this run of the mini-program, for pages opened from the map. */
export function lastLocation(): LatLng | undefined {
  return last;
}

function isRefusal(errMsg: string): boolean {
  return /auth|deny|denied|authorize/i.test(errMsg) && !/system/i.test(errMsg);
}

/** Asks for the position in GCJ-02 (what `<map>` and openLocation use). Never rejects. */
export function locate(): Promise<Located> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Located) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (r.ok) last = r.location;
      resolve(r);
    };
    const timer = setTimeout(() => finish({ ok: false, denied: false }), TIMEOUT_MS);
    wx.getLocation({
      type: 'gcj02',
      success: (res) => finish({ ok: true, location: { lat: res.latitude, lng: res.longitude } }),
      fail: (err) => finish({ ok: false, denied: isRefusal(err.errMsg ?? '') }),
    });
  });
}

/** Opens the settings page; resolves true when location is allowed on the way back. */
export function openLocationSetting(): Promise<boolean> {
  return new Promise((resolve) => {
    wx.openSetting({
      success: (res) => resolve(res.authSetting['scope.userLocation'] === true),
      fail: () => resolve(false),
    });
  });
}

/** Opens WeChat's map on the place, from where people pick a navigation app. */
export function navigateTo(place: { location: LatLng; name: string; address: string }): void {
  wx.openLocation({ latitude: place.location.lat, longitude: place.location.lng, name: place.name, address: place.address, scale: 17 });
}

export interface Picked {
  location: LatLng;
  name: string;
  address: string;
}

/** A point picked on WeChat's map, or why not: `denied` when location is refused, else backed out. */
export type PickResult = ({ ok: true } & Picked) | { ok: false; denied: boolean };

/** Lets a person pick a point on WeChat's map. Never rejects. */
export function choosePoint(near?: LatLng): Promise<PickResult> {
  return new Promise((resolve) => {
    wx.chooseLocation({
      ...(near ? { latitude: near.lat, longitude: near.lng } : {}),
      success: (res) => resolve({ ok: true, location: { lat: res.latitude, lng: res.longitude }, name: res.name ?? '', address: res.address ?? '' }),
      fail: (err) => resolve({ ok: false, denied: isRefusal(err.errMsg ?? '') }),
    });
  });
}

/** Lets staff pick a point on WeChat's map; null when they back out or it is not allowed. */
export async function pickLocation(near?: LatLng): Promise<Picked | null> {
  const res = await choosePoint(near);
  return res.ok ? { location: res.location, name: res.name, address: res.address } : null;
}

/** Reads a QR code with the camera (or, `fromAlbum`, from a picture too); null when the person backs out. */
export function scanQr(fromAlbum = false): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: !fromAlbum,
      scanType: ['qrCode'],
      success: (r) => resolve(r.result),
      fail: () => resolve(null),
    });
  });
}

/** Reads a mini-program code with the camera (or the album): its text and, for this mini-program's own codes, its path. */
export function scanCode(): Promise<{ result: string; path?: string } | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      scanType: ['qrCode', 'wxCode'],
      success: (r) => resolve({ result: r.result, path: (r as { path?: string }).path }),
      fail: () => resolve(null),
    });
  });
}

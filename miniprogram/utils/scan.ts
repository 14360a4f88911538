/** Reads a QR code with the camera; null when the person backs out. */
export function scanQr(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (r) => resolve(r.result),
      fail: () => resolve(null),
    });
  });
}

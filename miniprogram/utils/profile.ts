/** Client-side checks that mirror the server's, so people get an answer without a round trip. */
export const DISPLAY_NAME_MAX = 20;

export function checkDisplayName(name: string): string | null {
  const n = name.trim();
  if (!n) return '请填写昵称';
  if (Array.from(n).length > DISPLAY_NAME_MAX) return `昵称不能超过${DISPLAY_NAME_MAX}个字`;
  return null;
}

export function checkPhone(phone: string): string | null {
  return /^1[3-9]\d{9}$/.test(phone.trim()) ? null : '请输入11位手机号码';
}

/** The profile form's problems, name first as on the page; the phone only when one was typed. */
export function profileProblems(name: string, phone: string): Array<{ field: string; message: string }> {
  const nameProblem = checkDisplayName(name);
  const phoneProblem = phone.trim() ? checkPhone(phone) : null;
  return [...(nameProblem ? [{ field: 'name', message: nameProblem }] : []), ...(phoneProblem ? [{ field: 'phone', message: phoneProblem }] : [])];
}

/** 楼栋 / 单元 / 室, as a resident fills them in. */
export interface AddressParts {
  building: string;
  unit: string;
  room: string;
}

/** The server keeps at most this many characters of an address. */
export const ADDRESS_MAX = 60;

/** Adds the word a number needs (3 → 3幢, 2 → 2单元, 401 → 401室); text already ending in one is kept. */
function withWord(value: string, word: string, endings: RegExp): string {
  const v = value.trim();
  if (!v) return '';
  return endings.test(v) ? v : `${v}${word}`;
}

/** 3幢2单元401室: one line for the server; '' when nothing was filled in. */
export function addressText(p: AddressParts): string {
  return [withWord(p.building, '幢', /[幢栋楼号座]$/), withWord(p.unit, '单元', /单元$/), withWord(p.room, '室', /[室房号]$/)].join('');
}

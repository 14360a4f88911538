import fs from 'node:fs';
import { crc32 } from 'node:zlib';

/**
 * A journal line is `<crc32 of the JSON, 8 hex digits> <JSON>`. Lines written before checksums
 * (bare JSON) still load.
 */
export function sealLine(json: string): string {
  return `${checksum(json)} ${json}`;
}

const SEALED = /^([0-9a-f]{8}) (.*)$/s;

function checksum(json: string): string {
  return crc32(json).toString(16).padStart(8, '0');
}

/** Why a line cannot be trusted, or undefined with its value when it can. */
function openLine(line: string): { value: unknown } | { damage: string } {
  const m = SEALED.exec(line);
  if (m && checksum(m[2]) !== m[1]) return { damage: 'its checksum does not match' };
  try {
    return { value: JSON.parse(m ? m[2] : line) };
  } catch {
    return { damage: 'it is not valid JSON' };
  }
}

/**
 * Every entry of a journal file, in order. `tornTail`: the last line may be a write the process
 * never finished (never acknowledged), and is dropped if damaged. Any other damaged line throws,
 * naming the file and line: replaying past it would silently lose every later commit.
 */
export function readJournalFile(file: string, tornTail: boolean): unknown[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let last = lines.length - 1;
  while (last >= 0 && !lines[last]) last--;
  const out: unknown[] = [];
  for (let i = 0; i <= last; i++) {
    if (!lines[i]) continue;
    const opened = openLine(lines[i]);
    if ('value' in opened) {
      out.push(opened.value);
      continue;
    }
    if (tornTail && i === last) {
      console.warn(`${file} line ${i + 1}: a write that never finished (${opened.damage}); dropped`);
      break;
    }
    throw new Error(
      `${file} line ${i + 1} is damaged: ${opened.damage}. The local cloud does not start, so that no commit after it is lost; ` +
        'the file is kept as it is. Restore the data directory from a copy, or move it aside to start afresh.',
    );
  }
  return out;
}

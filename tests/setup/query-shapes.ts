import fs from 'node:fs';
import path from 'node:path';
import { readCollectionsFile } from '../../emulator/db/schema';
import { checkIndexes, describeShape, type RecordedShape } from '../../emulator/db/index-fit';

const ROOT = path.resolve(__dirname, '../..');
const REPORT = path.join(ROOT, 'artifacts/query-shapes.md');

/**
 * Reads back the query shapes the functions sent during the run and checks each against
 * database/collections.json. A shape no index serves fails the run: on CloudBase it is a scan that
 * slows down as a district grows. Indexes no query used are listed in the report.
 */
export function checkRecordedShapes(file: string): void {
  if (!fs.existsSync(file)) return;
  const recorded = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as RecordedShape);
  const report = checkIndexes(recorded, readCollectionsFile(path.join(ROOT, 'database/collections.json')));
  const lines = [
    `# Query shapes and indexes`,
    '',
    `${report.shapes} query shapes sent by the functions; ${report.unserved.length} served by no index.`,
    '',
    ...report.unserved.map((s) => `- NO INDEX (${s.source}): ${describeShape(s)}`),
    '',
    `## Indexes no query of this run used`,
    '',
    ...report.unused.map((u) => `- ${u.coll}.${u.index.name}${u.index.unique ? ' (unique: kept for its constraint)' : ''}`),
  ];
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, `${lines.join('\n')}\n`);
  if (report.unserved.length) {
    throw new Error(`${report.unserved.length} query shapes are served by no index in database/collections.json:\n${report.unserved.map((s) => `  ${s.source}: ${describeShape(s)}`).join('\n')}\n(report: artifacts/query-shapes.md)`);
  }
}

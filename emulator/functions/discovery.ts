import fs from 'node:fs';
import path from 'node:path';

/** Where a CloudBase project keeps one folder per function (cloudbaserc.json's functionRoot). */
export const FUNCTIONS_DIR = path.resolve(__dirname, '../../cloudfunctions');

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** Seven-field cron, as CloudBase timer triggers take it. */
  config: string;
}

/** `cloudfunctions/<fn>/config.json`, the file CloudBase reads beside a function's code. */
export interface FunctionConfig {
  timeout?: number;
  triggers?: TimerTrigger[];
  /** 云调用: the WeChat open APIs the function may call. */
  permissions?: { openapi?: string[] };
}

/** Every folder with a TypeScript entry is a function. */
export function functionNames(dir = FUNCTIONS_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((n) => fs.existsSync(path.join(dir, n, 'index.ts')))
    .sort();
}

export function functionConfig(name: string, dir = FUNCTIONS_DIR): FunctionConfig {
  const file = path.join(dir, name, 'config.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

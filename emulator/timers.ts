import { Cron } from 'croner';

export interface TimerSpec {
  fn: string;
  name: string;
  /** CloudBase's seven-field cron: second minute hour day month weekday year. */
  config: string;
}

/** Runs the timer triggers declared in the functions' config.json, in Asia/Shanghai as CloudBase does. */
export class Timers {
  private jobs: Cron[] = [];

  constructor(
    readonly specs: TimerSpec[],
    private readonly fire: (spec: TimerSpec) => Promise<unknown>,
  ) {}

  start(): void {
    this.jobs = this.specs.map(
      (s) => new Cron(toSixFields(s.config), { timezone: 'Asia/Shanghai', protect: true }, () => void this.fire(s)),
    );
  }

  find(fn: string, name: string): TimerSpec | undefined {
    return this.specs.find((s) => s.fn === fn && s.name === name);
  }

  stop(): void {
    this.jobs.forEach((j) => j.stop());
    this.jobs = [];
  }
}

export function toSixFields(config: string): string {
  const parts = config.trim().split(/\s+/);
  return parts.length === 7 ? parts.slice(0, 6).join(' ') : parts.join(' ');
}

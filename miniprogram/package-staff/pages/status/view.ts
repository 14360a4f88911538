import type { SystemStatus } from '../../../../typings/user';
import { formatDateTime } from '../../../utils/date';

export interface TimerLine {
  key: string;
  label: string;
  /** 12月8日 02:30 · 用时 1.2 秒 · 正常, or 尚未运行. */
  text: string;
  tone: 'ok' | 'bad' | 'idle';
}

const seconds = (ms: number) => (ms < 1000 ? `${ms} 毫秒` : `${(ms / 1000).toFixed(1)} 秒`);

export function timerLines(s: SystemStatus): TimerLine[] {
  return s.timers.map((t) => {
    const key = `${t.fn}-${t.trigger}`;
    if (t.lastRunAt === undefined) return { key, label: t.label, text: '尚未运行', tone: 'idle' };
    const result = t.late ? '已错过两次运行' : t.ok ? '正常' : `出错：${t.result ?? ''}`;
    return { key, label: t.label, text: `${formatDateTime(t.lastRunAt)} · 用时 ${seconds(t.durationMs ?? 0)} · ${result}`, tone: t.late || !t.ok ? 'bad' : 'ok' };
  });
}

export function heldLines(s: SystemStatus): Array<{ key: string; text: string }> {
  const h = s.held;
  return [
    { key: 'wishes', text: `心愿 ${h.wishes} 条` },
    { key: 'tickets', text: `诉求工单 ${h.tickets} 件` },
    { key: 'registrations', text: `党员报到 ${h.registrations} 份` },
    { key: 'errands', text: `代办 ${h.errands} 件` },
  ];
}

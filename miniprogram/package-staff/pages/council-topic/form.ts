import type { BallotKind, Meeting, OpenVote } from '../../../../typings/council';

/** A Shanghai wall-clock date and time as an instant (China keeps UTC+8 all year). */
export const instant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`);

export interface MeetingDraft {
  date: string;
  time: string;
  place: string;
  attendees: string;
  minutes: string;
}

export function meetingProblem(d: MeetingDraft): string | null {
  if (!d.place.trim()) return '请填写协商地点';
  if (!d.attendees.trim()) return '请填写参会人员';
  return null;
}

export function meetingOf(d: MeetingDraft): Meeting {
  const minutes = d.minutes.trim();
  return { at: instant(d.date, d.time), place: d.place.trim(), attendees: d.attendees.trim(), ...(minutes ? { minutes } : {}) };
}

export interface VoteDraft {
  options: string;
  ballot: BallotKind;
  quorum: string;
  threshold: number;
  days: number;
}

export const optionsOf = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean);

export function voteProblem(d: VoteDraft): string | null {
  const options = optionsOf(d.options);
  if (options.length < 2) return '请至少填写2个选项，一行一个';
  if (options.length > 6) return '最多6个选项';
  if (new Set(options).size !== options.length) return '选项不能重复';
  if (!/^\d{1,5}$/.test(d.quorum.trim()) || Number(d.quorum) < 1) return '最少投票户数请填写正整数';
  return null;
}

export function voteOf(id: string, d: VoteDraft, now: number): OpenVote {
  return { id, options: optionsOf(d.options), ballot: d.ballot, quorum: Number(d.quorum.trim()), threshold: d.threshold, closesAt: now + d.days * 86_400_000 };
}

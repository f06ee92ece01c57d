import type { NamedItem, NameRef } from './names.ts';
import type { Command } from './words.ts';

export interface QuickEntryContext {
  /** epoch ms */
  now: number;
  /** IANA zone the times in the line are read in */
  timeZone: string;
  projects: readonly NamedItem[];
  tags: readonly NamedItem[];
  /** "09:00": where a duration logged on a past day starts when that day has no sessions */
  workdayStart?: string;
  /** recent sessions, so a duration on a given day can start where that day's last session ended */
  sessions?: readonly { startTime: number; endTime: number | null }[];
}

export type QuickEntryTokenKind = 'project' | 'tag' | 'billable' | 'duration' | 'time' | 'day' | 'command';

export interface QuickEntryToken {
  kind: QuickEntryTokenKind;
  from: number;
  to: number;
}

export interface QuickEntryProblem {
  message: string;
  from: number;
  to: number;
}

export interface QuickEntryResult {
  kind: 'start' | 'log' | 'command' | 'invalid';
  name: string;
  project: NameRef | null;
  tags: NameRef[];
  billable: boolean;
  /** null only for commands */
  start: number | null;
  /** null for a running timer (and commands) */
  end: number | null;
  command: Command | null;
  /** recognised words, in order, never overlapping (for highlighting) */
  tokens: QuickEntryToken[];
  problems: QuickEntryProblem[];
}

/**
 * The quick-entry grammar as a table: a line, the moment and zone it is typed in, and what it must mean. Times are
 * written as wall-clock 'YYYY-MM-DD HH:mm' in the case's zone; `startUtc`/`endUtc` pin instants where the wall clock
 * is ambiguous (DST). Only the fields given are checked.
 */
import type { NameRef } from '../../../shared/quick-entry.ts';

export interface CorpusCase {
  line: string;
  /** ISO instant with offset; default Wed 2026-11-25 10:00 in New York */
  now?: string;
  zone?: string;
  workdayStart?: string;
  /** finished sessions the context knows, as [start, end] ISO instants */
  sessions?: [string, string][];
  kind?: 'start' | 'log' | 'command' | 'invalid';
  name?: string;
  project?: NameRef | null;
  tags?: NameRef[];
  billable?: boolean;
  start?: string | null;
  end?: string | null;
  startUtc?: string;
  endUtc?: string;
  /** end - start in minutes */
  minutes?: number;
  command?: 'stop' | 'pause' | 'resume' | 'continue' | null;
  /** every token as 'kind:text', in order */
  tokens?: string[];
  /** a problem whose message contains this, pointing at `problemAt` */
  problem?: string;
  problemAt?: string;
}

export const PROJECTS = [
  { id: 'p-web', name: 'Website' },
  { id: 'p-app', name: 'App' },
  { id: 'p-mob', name: 'Mobile App' },
  { id: 'p-cli', name: 'Client', parentId: null },
  { id: 'p-adm', name: 'Admin', parentId: 'p-cli' },
  { id: 'p-lt', name: 'LightTrack' },
  { id: 'p-acme', name: 'Acme Corp' },
  { id: 'p-bm', name: 'Backend Machine' },
  { id: 'p-portal', name: 'Portal', client: 'Globex' },
];
export const TAGS = [
  { id: 't-wr', name: 'writing' },
  { id: 't-meet', name: 'meeting' },
  { id: 't-deep', name: 'deep work' },
  { id: 't-rev', name: 'review' },
];

const NY_SPRING = '2026-03-08T12:00:00-04:00';
const NY_FALL = '2026-11-01T12:00:00-05:00';
const BER_SPRING = '2026-03-29T12:00:00+02:00';
const BER_FALL = '2026-10-25T12:00:00+01:00';
const BER = 'Europe/Berlin';

export const CORPUS: CorpusCase[] = [
  // --- names only: start now ---
  { line: 'Write report', kind: 'start', name: 'Write report', start: '2026-11-25 10:00', end: null, tokens: [] },
  { line: '   Write    report  ', kind: 'start', name: 'Write report' },
  { line: 'Fix bug 1234', kind: 'start', name: 'Fix bug 1234', tokens: [] },
  { line: 'Read 2 books', name: 'Read 2 books', tokens: [] },
  { line: '9 meeting', kind: 'start', name: '9 meeting', tokens: [] },
  { line: 'Room 101 tidy', name: 'Room 101 tidy' },
  { line: 'v2.0 release', name: 'v2.0 release', tokens: [] },
  { line: 'Top 10 list', name: 'Top 10 list' },
  { line: 'C# notes', name: 'C# notes', tokens: [] },
  { line: 'issue#12 triage', name: 'issue#12 triage', tokens: [] },
  { line: 'mail a@b.com back', name: 'mail a@b.com back', project: null, tokens: [] },
  { line: '50% done', name: '50% done' },
  { line: 'Prepare for meeting', name: 'Prepare for meeting', tokens: [] },
  { line: 'Look at code', name: 'Look at code', tokens: [] },
  { line: 'from here on', name: 'from here on' },
  { line: 'Release 1.5 notes', name: 'Release 1.5 notes' },
  { line: '90 min chat', name: '90 min chat', kind: 'start' },
  { line: '1 h call', name: '1 h call', kind: 'start' },
  { line: 'Größe prüfen 日本語 ✓', name: 'Größe prüfen 日本語 ✓', kind: 'start' },
  { line: '$$ budget', name: '$$ budget', billable: false },
  { line: '$5 fee', name: '$5 fee', billable: false },
  { line: 'x - y', name: 'x - y', tokens: [] },
  { line: 'stop now', kind: 'start', name: 'stop now', command: null },
  { line: 'continue writing', kind: 'start', name: 'continue writing' },
  { line: 'a @ b', name: 'a @ b', project: null },
  { line: 'a # b', name: 'a # b', tags: [] },
  { line: '24:00 shift', name: '24:00 shift', tokens: [] },
  { line: '13pm nap', name: '13pm nap', tokens: [] },
  { line: '9:75 x', name: '9:75 x', tokens: [] },
  { line: 'from 9 on', name: 'from 9 on', tokens: [] },
  { line: 'at 9 sharp', name: 'at 9 sharp', tokens: [] },

  // --- escapes ---
  { line: '\\@home work', name: '@home work', project: null, tokens: [] },
  { line: '\\#1 fix', name: '#1 fix', tags: [] },
  { line: 'costs \\$', name: 'costs $', billable: false, tokens: [] },
  { line: '\\$5 \\#tag \\@p', name: '$5 #tag @p', tokens: [] },
  { line: 'me\\@x.com', name: 'me@x.com' },
  { line: 'back\\slash', name: 'back\\slash' },

  // --- commands ---
  { line: 'stop', kind: 'command', command: 'stop', start: null, end: null, name: '', tokens: ['command:stop'] },
  { line: 'STOP', kind: 'command', command: 'stop' },
  { line: '/stop', kind: 'command', command: 'stop', tokens: ['command:/stop'] },
  { line: '  pause  ', kind: 'command', command: 'pause' },
  { line: '/pause', kind: 'command', command: 'pause' },
  { line: 'resume', kind: 'command', command: 'resume' },
  { line: '/resume', kind: 'command', command: 'resume' },
  { line: 'continue', kind: 'command', command: 'continue' },
  { line: '/Continue', kind: 'command', command: 'continue' },
  { line: '/restart', kind: 'start', name: '/restart' },

  // --- projects ---
  { line: 'x @Website', project: { id: 'p-web' }, name: 'x', tokens: ['project:@Website'] },
  { line: 'x @website', project: { id: 'p-web' } },
  { line: 'x @WEBSITE', project: { id: 'p-web' } },
  { line: 'x @webs', project: { id: 'p-web' } },
  { line: 'x @wbst', project: { id: 'p-web' } },
  { line: 'x @app', project: { id: 'p-app' } },
  { line: 'x @mob', project: { id: 'p-mob' } },
  { line: 'x @lghttrk', project: { id: 'p-lt' } },
  { line: 'x @ltrack', project: { id: 'p-lt' } },
  { line: 'x @acme', project: { id: 'p-acme' } },
  { line: 'x @bm', project: { id: 'p-bm' } },
  { line: 'x @Zebra', project: { newName: 'Zebra' } },
  { line: 'x @qqq', project: { newName: 'qqq' } },
  { line: '@"Mobile App" x', project: { id: 'p-mob' }, name: 'x', tokens: ['project:@"Mobile App"'] },
  { line: '@"mobile app"', project: { id: 'p-mob' }, name: '' },
  { line: 'x @"Big Client" y', project: { newName: 'Big Client' }, name: 'x y' },
  { line: 'x @"two   words"', project: { newName: 'two words' } },
  { line: 'x @"Acme"', project: { newName: 'Acme' } },
  { line: 'x @"half typed', project: { newName: 'half typed' }, name: 'x' },
  { line: 'x @"a b"c', project: null, name: 'x @"a b"c' },
  { line: 'x @Client/Admin', project: { id: 'p-adm' } },
  { line: 'x @client/admin', project: { id: 'p-adm' } },
  { line: 'x @Admin', project: { id: 'p-adm' } },
  { line: 'x @Client', project: { id: 'p-cli' } },
  { line: 'x @Client/Billing', project: { newName: 'Billing', parentId: 'p-cli' } },
  { line: 'x @Nope/Child', project: { newName: 'Nope/Child' } },
  // "Client/Project" names a project by its client; a new name under a known client gets that client
  { line: 'x @Globex/Portal', project: { id: 'p-portal' } },
  { line: 'x @globex/portal', project: { id: 'p-portal' } },
  { line: 'x @globex/Intranet', project: { newName: 'Intranet', client: 'Globex' } },
  { line: '@Website', kind: 'start', name: '', project: { id: 'p-web' } },
  { line: 'x @Website @App', kind: 'invalid', problem: 'One project per entry', problemAt: '@App' },

  // --- tags and billable ---
  { line: 'x #writing', tags: [{ id: 't-wr' }], tokens: ['tag:#writing'] },
  { line: 'x #Writing', tags: [{ id: 't-wr' }] },
  { line: 'x #meet', tags: [{ id: 't-meet' }] },
  { line: 'x #brandnew', tags: [{ newName: 'brandnew' }] },
  { line: 'x #"deep work"', tags: [{ id: 't-deep' }] },
  { line: 'x #"new tag"', tags: [{ newName: 'new tag' }] },
  { line: 'x #writing #review #zz', tags: [{ id: 't-wr' }, { id: 't-rev' }, { newName: 'zz' }] },
  { line: 'x #writing #WRITING', tags: [{ id: 't-wr' }] },
  { line: 'x #12', tags: [{ newName: '12' }] },
  { line: 'x $', billable: true, name: 'x', tokens: ['billable:$'] },
  { line: '$ x', billable: true, name: 'x' },
  {
    line: 'x $ #writing $',
    billable: true,
    tags: [{ id: 't-wr' }],
    tokens: ['billable:$', 'tag:#writing', 'billable:$'],
  },

  // --- durations: a log ending now ---
  {
    line: 'review 45m',
    kind: 'log',
    name: 'review',
    start: '2026-11-25 09:15',
    end: '2026-11-25 10:00',
    tokens: ['duration:45m'],
  },
  { line: 'review 2h', kind: 'log', start: '2026-11-25 08:00', end: '2026-11-25 10:00' },
  { line: 'review 1h30', kind: 'log', minutes: 90 },
  { line: 'review 1h30m', kind: 'log', minutes: 90 },
  { line: 'review 1.5h', kind: 'log', minutes: 90 },
  { line: 'review 1,5h', kind: 'log', minutes: 90 },
  { line: 'review 90min', kind: 'log', minutes: 90 },
  { line: 'review 2hrs', kind: 'log', minutes: 120 },
  { line: 'review 30mins', kind: 'log', minutes: 30 },
  { line: 'review 1hour', kind: 'log', minutes: 60 },
  { line: 'review 1h 15m', kind: 'log', minutes: 75, tokens: ['duration:1h 15m'] },
  { line: 'review for 1:30', kind: 'log', minutes: 90, name: 'review', tokens: ['duration:for 1:30'] },
  { line: 'review for 45m', kind: 'log', minutes: 45, tokens: ['duration:for 45m'] },
  { line: 'review for 2h 15m', kind: 'log', minutes: 135 },
  { line: '1h30 @mob', kind: 'log', name: '', project: { id: 'p-mob' }, minutes: 90 },
  { line: 'review 0m', kind: 'invalid', problem: 'no length', problemAt: '0m' },
  { line: 'review 1h x 2h', kind: 'invalid', problem: 'second duration', problemAt: '2h' },
  { line: 'review 99999h', kind: 'invalid', problem: 'ten years', problemAt: '99999h' },
  { line: 'review 1h75', name: 'review 1h75', kind: 'start' },

  // --- started ago: a running timer ---
  { line: 'Write report -15m', kind: 'start', start: '2026-11-25 09:45', end: null, tokens: ['time:-15m'] },
  {
    line: 'Write report 15m ago',
    kind: 'start',
    start: '2026-11-25 09:45',
    name: 'Write report',
    tokens: ['time:15m ago'],
  },
  { line: 'x -1h30', kind: 'start', start: '2026-11-25 08:30' },
  { line: 'x 2h ago', kind: 'start', start: '2026-11-25 08:00' },
  { line: 'x -90min', kind: 'start', start: '2026-11-25 08:30' },
  { line: 'x 1h 30m ago', kind: 'start', start: '2026-11-25 08:30', tokens: ['time:1h 30m ago'] },
  { line: 'x 15m ago for 10m', kind: 'log', start: '2026-11-25 09:45', end: '2026-11-25 09:55' },
  { line: 'x -15m for 30m', kind: 'invalid', problem: 'ends in the future', problemAt: 'for 30m' },
  { line: 'x yesterday -15m', kind: 'invalid', problem: 'already says when', problemAt: 'yesterday' },

  // --- clock times and `from`: a running timer that started then ---
  { line: 'call from 9:00', kind: 'start', start: '2026-11-25 09:00', end: null, tokens: ['time:from 9:00'] },
  { line: 'call since 9am', kind: 'start', start: '2026-11-25 09:00' },
  { line: 'call at 9:30', kind: 'start', start: '2026-11-25 09:30', name: 'call' },
  { line: '9:30 standup', kind: 'start', start: '2026-11-25 09:30', name: 'standup', tokens: ['time:9:30'] },
  { line: '09:30 standup', kind: 'start', start: '2026-11-25 09:30' },
  { line: '8:00- call', kind: 'start', start: '2026-11-25 08:00', tokens: ['time:8:00-'] },
  { line: '8:00 - call', kind: 'start', start: '2026-11-25 08:00', name: 'call', tokens: ['time:8:00 -'] },
  { line: '8am- call', kind: 'start', start: '2026-11-25 08:00' },
  { line: 'call from 8:00 for 1h', kind: 'log', start: '2026-11-25 08:00', end: '2026-11-25 09:00' },
  { line: 'call from 8:00 1h', kind: 'log', start: '2026-11-25 08:00', end: '2026-11-25 09:00' },
  { line: 'call yesterday from 16:00', kind: 'start', start: '2026-11-24 16:00', end: null },
  { line: 'call from 14:00', kind: 'invalid', problem: 'future', problemAt: 'from 14:00' },
  { line: 'call 14:00-', kind: 'invalid', problem: 'future', problemAt: '14:00-' },
  { line: 'call from 9:00 for 3h', kind: 'invalid', problem: 'ends in the future', problemAt: 'from 9:00 for 3h' },
  { line: 'call 9:30pm yesterday', kind: 'start', start: '2026-11-24 21:30' },

  // --- ranges: a finished session ---
  {
    line: 'mtg 8-9:30',
    kind: 'log',
    name: 'mtg',
    start: '2026-11-25 08:00',
    end: '2026-11-25 09:30',
    tokens: ['time:8-9:30'],
  },
  {
    line: 'mtg 8:00 - 9:30',
    kind: 'log',
    start: '2026-11-25 08:00',
    end: '2026-11-25 09:30',
    tokens: ['time:8:00 - 9:30'],
  },
  { line: 'mtg 8:00- 9:30', kind: 'log', minutes: 90, tokens: ['time:8:00- 9:30'] },
  { line: 'mtg 8:00 -9:30', kind: 'log', minutes: 90, tokens: ['time:8:00 -9:30'] },
  { line: 'mtg 8–9', kind: 'log', minutes: 60 },
  { line: 'mtg 8 - 9', kind: 'log', minutes: 60, tokens: ['time:8 - 9'] },
  { line: 'mtg from 8-9', kind: 'log', minutes: 60, tokens: ['time:from 8-9'] },
  { line: 'mtg 7am-9am', kind: 'log', start: '2026-11-25 07:00', end: '2026-11-25 09:00' },
  { line: 'mtg yesterday 9:30am-5:15pm', kind: 'log', start: '2026-11-24 09:30', end: '2026-11-24 17:15' },
  { line: 'mtg yesterday 9-5', kind: 'log', start: '2026-11-24 09:00', end: '2026-11-24 17:00' },
  { line: 'mtg yesterday 9-11am', kind: 'log', start: '2026-11-24 09:00', end: '2026-11-24 11:00' },
  { line: 'mtg yesterday 1-3pm', kind: 'log', start: '2026-11-24 13:00', end: '2026-11-24 15:00' },
  { line: 'mtg yesterday 11-1pm', kind: 'log', start: '2026-11-24 11:00', end: '2026-11-24 13:00' },
  { line: 'mtg yesterday 10-2pm', kind: 'log', start: '2026-11-24 10:00', end: '2026-11-24 14:00' },
  { line: 'mtg yesterday 12pm-1pm', kind: 'log', start: '2026-11-24 12:00', end: '2026-11-24 13:00' },
  { line: 'mtg yesterday 12am-1am', kind: 'log', start: '2026-11-24 00:00', end: '2026-11-24 01:00' },
  { line: 'mtg yesterday 21:30-22:45', kind: 'log', minutes: 75 },
  { line: 'mtg 9:00-9:00', kind: 'invalid', problem: 'no length', problemAt: '9:00-9:00' },
  { line: 'mtg yesterday 9am-9am', kind: 'invalid', problem: 'no length', problemAt: '9am-9am' },
  { line: 'mtg 14:00-16:00', kind: 'invalid', problem: 'future', problemAt: '14:00-16:00' },
  { line: 'mtg 9:00-10:30', kind: 'invalid', problem: 'future', problemAt: '9:00-10:30' },
  { line: 'mtg 8-9 10-11', kind: 'invalid', problem: 'second time', problemAt: '10-11' },
  { line: 'mtg 8-9 2h', kind: 'invalid', problem: 'already says how long', problemAt: '2h' },
  { line: 'mtg 8-9 -15m', kind: 'invalid', problem: 'second time', problemAt: '-15m' },

  // --- midnight-crossing ranges ---
  { line: 'party 22:00-1:00', kind: 'log', start: '2026-11-24 22:00', end: '2026-11-25 01:00', minutes: 180 },
  { line: 'party yesterday 22:00-1:00', kind: 'log', start: '2026-11-24 22:00', end: '2026-11-25 01:00' },
  { line: 'party mon 23:30-0:30', kind: 'log', start: '2026-11-23 23:30', end: '2026-11-24 00:30' },
  {
    line: 'party 23:00-1:00',
    now: '2026-11-25T02:00:00-05:00',
    kind: 'log',
    start: '2026-11-24 23:00',
    end: '2026-11-25 01:00',
  },
  { line: 'party yesterday 9pm-1am', kind: 'log', start: '2026-11-24 21:00', end: '2026-11-25 01:00' },
  { line: 'party 23:00-3:00', now: '2026-11-25T02:00:00-05:00', kind: 'invalid', problem: 'future' },
  { line: 'night shift yesterday 22-6', kind: 'log', start: '2026-11-24 22:00', end: '2026-11-25 06:00' },

  // --- days ---
  {
    line: 'x yesterday 2h',
    kind: 'log',
    start: '2026-11-24 09:00',
    end: '2026-11-24 11:00',
    tokens: ['day:yesterday', 'duration:2h'],
  },
  { line: 'x Yesterday 2h', kind: 'log', start: '2026-11-24 09:00' },
  { line: 'x yesterday 2h', workdayStart: '08:30', kind: 'log', start: '2026-11-24 08:30', end: '2026-11-24 10:30' },
  {
    line: 'x yesterday 2h',
    sessions: [
      ['2026-11-24T09:00:00-05:00', '2026-11-24T13:00:00-05:00'],
      ['2026-11-24T08:00:00-05:00', '2026-11-24T09:00:00-05:00'],
    ],
    kind: 'log',
    start: '2026-11-24 13:00',
    end: '2026-11-24 15:00',
  },
  { line: 'x today 30m', kind: 'log', start: '2026-11-25 09:00', end: '2026-11-25 09:30' },
  { line: 'x today 2h', kind: 'invalid', problem: 'ends in the future', problemAt: 'today 2h' },
  { line: 'x mon 1h', kind: 'log', start: '2026-11-23 09:00' },
  { line: 'x monday 1h', kind: 'log', start: '2026-11-23 09:00' },
  {
    line: 'x on monday 1h',
    kind: 'log',
    start: '2026-11-23 09:00',
    name: 'x',
    tokens: ['day:on monday', 'duration:1h'],
  },
  { line: 'x tue 1h', kind: 'log', start: '2026-11-24 09:00' },
  { line: 'x wed 1h', kind: 'log', start: '2026-11-25 09:00' },
  { line: 'x wednesday 8-9', kind: 'log', start: '2026-11-25 08:00' },
  { line: 'x thu 1h', kind: 'log', start: '2026-11-19 09:00' },
  { line: 'x thursday 1h', kind: 'log', start: '2026-11-19 09:00' },
  { line: 'x fri 1h', kind: 'log', start: '2026-11-20 09:00' },
  { line: 'x sat 1h', kind: 'log', start: '2026-11-21 09:00' },
  { line: 'x sun 1h', kind: 'log', start: '2026-11-22 09:00' },
  {
    line: 'x 2026-11-20 3h',
    kind: 'log',
    start: '2026-11-20 09:00',
    end: '2026-11-20 12:00',
    tokens: ['day:2026-11-20', 'duration:3h'],
  },
  { line: 'x 2026-11-20 14:00-15:00', kind: 'log', start: '2026-11-20 14:00', end: '2026-11-20 15:00' },
  { line: 'x on 2026-01-05 from 10:00', kind: 'start', start: '2026-01-05 10:00' },
  { line: 'x yesterday', kind: 'invalid', problem: 'needs a time', problemAt: 'yesterday' },
  { line: 'review on friday', kind: 'invalid', problem: 'needs a time', problemAt: 'on friday' },
  { line: 'x 2026-11-20', kind: 'invalid', problem: 'needs a time' },
  { line: 'x 2026-02-30 1h', kind: 'invalid', problem: 'not a date', problemAt: '2026-02-30' },
  { line: 'x 2026-12-01 1h', kind: 'invalid', problem: 'future' },
  { line: 'x yesterday mon 1h', kind: 'invalid', problem: 'One day per entry', problemAt: 'mon' },

  // --- daylight saving: New York springs forward 2026-03-08 02:00 → 03:00 ---
  {
    line: 'x 1:00-3:00',
    now: NY_SPRING,
    kind: 'log',
    startUtc: '2026-03-08T06:00:00Z',
    endUtc: '2026-03-08T07:00:00Z',
    minutes: 60,
  },
  { line: 'x 0:00-12:00', now: NY_SPRING, kind: 'log', minutes: 11 * 60 },
  { line: 'x 2:30', now: NY_SPRING, kind: 'start', startUtc: '2026-03-08T07:30:00Z', start: '2026-03-08 03:30' },
  { line: 'x 2h', now: NY_SPRING, kind: 'log', startUtc: '2026-03-08T14:00:00Z', minutes: 120 },
  { line: 'x -30m', now: NY_SPRING, kind: 'start', start: '2026-03-08 11:30' },
  {
    line: 'x yesterday 23:00-4:00',
    now: NY_SPRING,
    kind: 'log',
    startUtc: '2026-03-08T04:00:00Z',
    endUtc: '2026-03-08T08:00:00Z',
    minutes: 240,
  },
  { line: 'x sun 1h', now: NY_SPRING, kind: 'log', start: '2026-03-08 09:00', startUtc: '2026-03-08T13:00:00Z' },
  { line: 'x sat 1h', now: NY_SPRING, kind: 'log', startUtc: '2026-03-07T14:00:00Z' },

  // --- New York falls back 2026-11-01 02:00 → 01:00 ---
  {
    line: 'x 1:00-2:00',
    now: NY_FALL,
    kind: 'log',
    startUtc: '2026-11-01T05:00:00Z',
    endUtc: '2026-11-01T07:00:00Z',
    minutes: 120,
  },
  { line: 'x 1:30', now: NY_FALL, kind: 'start', startUtc: '2026-11-01T05:30:00Z' },
  { line: 'x 0:00-12:00', now: NY_FALL, kind: 'log', minutes: 13 * 60 },
  {
    line: 'x yesterday 23:00-1:30',
    now: NY_FALL,
    kind: 'log',
    startUtc: '2026-11-01T03:00:00Z',
    endUtc: '2026-11-01T05:30:00Z',
  },
  { line: 'x 3h', now: NY_FALL, kind: 'log', startUtc: '2026-11-01T14:00:00Z', minutes: 180 },
  { line: 'x sun 1h', now: NY_FALL, kind: 'log', startUtc: '2026-11-01T14:00:00Z' },

  // --- Berlin: spring 2026-03-29 02:00 → 03:00, fall 2026-10-25 03:00 → 02:00 ---
  {
    line: 'x 1:00-4:00',
    zone: BER,
    now: BER_SPRING,
    kind: 'log',
    startUtc: '2026-03-29T00:00:00Z',
    endUtc: '2026-03-29T02:00:00Z',
    minutes: 120,
  },
  { line: 'x 2:15', zone: BER, now: BER_SPRING, kind: 'start', startUtc: '2026-03-29T01:15:00Z' },
  {
    line: 'x 9-10:30',
    zone: BER,
    now: BER_SPRING,
    kind: 'log',
    startUtc: '2026-03-29T07:00:00Z',
    start: '2026-03-29 09:00',
  },
  { line: 'x yesterday 9-10', zone: BER, now: BER_SPRING, kind: 'log', startUtc: '2026-03-28T08:00:00Z' },
  {
    line: 'x 1:00-4:00',
    zone: BER,
    now: BER_FALL,
    kind: 'log',
    startUtc: '2026-10-24T23:00:00Z',
    endUtc: '2026-10-25T03:00:00Z',
    minutes: 240,
  },
  { line: 'x 2:30', zone: BER, now: BER_FALL, kind: 'start', startUtc: '2026-10-25T00:30:00Z' },
  { line: 'x sun 2h', zone: BER, now: BER_FALL, kind: 'log', startUtc: '2026-10-25T08:00:00Z', minutes: 120 },

  // --- other zones ---
  {
    line: 'x 9-10:30',
    zone: 'Asia/Kolkata',
    now: '2026-11-25T18:00:00+05:30',
    kind: 'log',
    startUtc: '2026-11-25T03:30:00Z',
    minutes: 90,
  },
  {
    line: 'x yesterday 9-17',
    zone: 'Pacific/Auckland',
    now: '2026-11-25T08:00:00+13:00',
    kind: 'log',
    startUtc: '2026-11-23T20:00:00Z',
    minutes: 480,
  },
  { line: 'x 9-10', zone: 'Not/AZone', now: '2026-11-25T12:00:00Z', kind: 'log', startUtc: '2026-11-25T09:00:00Z' },

  // --- rich lines ---
  {
    line: 'Write report @Website #writing -15m',
    kind: 'start',
    name: 'Write report',
    project: { id: 'p-web' },
    tags: [{ id: 't-wr' }],
    start: '2026-11-25 09:45',
    end: null,
    tokens: ['project:@Website', 'tag:#writing', 'time:-15m'],
  },
  {
    line: 'review @App yesterday 14:00-15:30',
    kind: 'log',
    name: 'review',
    project: { id: 'p-app' },
    start: '2026-11-24 14:00',
    end: '2026-11-24 15:30',
    tokens: ['project:@App', 'day:yesterday', 'time:14:00-15:30'],
  },
  {
    line: 'Sprint planning @"Mobile App" #meeting #"deep work" $ on mon 9:30 - 11am',
    kind: 'log',
    name: 'Sprint planning',
    project: { id: 'p-mob' },
    tags: [{ id: 't-meet' }, { id: 't-deep' }],
    billable: true,
    start: '2026-11-23 09:30',
    end: '2026-11-23 11:00',
    tokens: [
      'project:@"Mobile App"',
      'tag:#meeting',
      'tag:#"deep work"',
      'billable:$',
      'day:on mon',
      'time:9:30 - 11am',
    ],
  },
  {
    line: 'Fix C# bug #review @Client/Admin for 1:30 $',
    kind: 'log',
    name: 'Fix C# bug',
    project: { id: 'p-adm' },
    tags: [{ id: 't-rev' }],
    billable: true,
    minutes: 90,
  },
  {
    line: '\\@mention @App call 15m ago #meet',
    kind: 'start',
    name: '@mention call',
    project: { id: 'p-app' },
    tags: [{ id: 't-meet' }],
    start: '2026-11-25 09:45',
  },

  // --- empty and bad input ---
  { line: '', kind: 'invalid', name: '', problem: 'Type what you are working on' },
  { line: '     ', kind: 'invalid', name: '', problem: 'Type what you are working on' },
  { line: 'a\u0000b', kind: 'invalid', problem: 'NUL' },
  { line: 'x'.repeat(501), kind: 'invalid', problem: 'at most 500' },
  { line: `x @${'p'.repeat(121)}`, kind: 'invalid', problem: 'at most 120' },
  { line: `x #${'t'.repeat(61)}`, kind: 'invalid', problem: 'at most 60' },
  {
    line: `x ${Array.from({ length: 51 }, (_, i) => `#t${i}`).join(' ')}`,
    kind: 'invalid',
    problem: 'At most 50 tags',
  },
];

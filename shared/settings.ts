import * as v from 'valibot';

import { AssistantPresetSchema, EndpointSchema } from './assistant-settings.ts';
import { AWAY_POLICIES } from './away.ts';
import { BackupRetentionSchema, DEFAULT_BACKUP_RETENTION } from './database.ts';
import { IdSchema } from './ids.ts';
import { noNul } from './validate.ts';

/**
 * The settings store: one schema with a default for every setting. The worker validates every read (a bad value on
 * disk falls back to its default and is logged) and every write (a bad value is refused with the field's message).
 */
const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:00'));
const Weekday = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6));
const DocumentText = v.pipe(v.string('must be text'), v.maxLength(120, 'must be at most 120 characters'), noNul);

export const PAPER_SIZES = ['a4', 'letter'] as const;
/** Letter where it is the norm (the US and Canada), A4 everywhere else. */
export function defaultPaper(locale: string): (typeof PAPER_SIZES)[number] {
  return /^[a-z]{2,3}(-[A-Za-z]{4})?-(US|CA)\b/.test(locale) ? 'letter' : 'a4';
}

export const ROUNDING_MODES = ['none', 'up', 'down', 'nearest'] as const;
export const ROUNDING_MINUTES = [1, 5, 6, 10, 15, 30] as const;
export const JIRA_KINDS = ['off', 'cloud', 'datacenter'] as const;
const UUID = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{1,19}-[1-9]\d{0,9}$/;
const Rounding = v.object({ mode: v.picklist(ROUNDING_MODES), minutes: v.picklist(ROUNDING_MINUTES) });

export const SETTING_SCHEMAS = {
  theme: v.picklist(['system', 'light', 'dark'], 'must be system, light or dark'),
  /** 0 Sunday, 1 Monday, 6 Saturday */
  weekStart: v.picklist([0, 1, 6], 'must be 0 (Sunday), 1 (Monday) or 6 (Saturday)'),
  clock: v.picklist(['24h', '12h'], 'must be 24h or 12h'),
  durationFormat: v.picklist(['hm', 'decimal'], 'must be hm or decimal'),
  /** minutes away before the app asks what the gap was; 0 never asks */
  idleThresholdMinutes: v.pipe(
    v.number('must be a number'),
    v.integer('must be whole minutes'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(480, 'must be at most 480 minutes'),
  ),
  /** what a locked screen / a sleep does to a running timer: ask on return, cut it out at once, or count it */
  awayOnLock: v.picklist(AWAY_POLICIES, 'must be ask, discard or keep'),
  awayOnSleep: v.picklist(AWAY_POLICIES, 'must be ask, discard or keep'),
  /** pause the timer when idle starts (the review still asks on return) */
  awayAutoPause: v.boolean('must be true or false'),
  /** reminders that cooperate: each off at 0 / false; none says the same thing twice */
  reminders: v.object({
    /** no timer running this many minutes inside working hours */
    noTimerMinutes: v.pipe(
      v.number('must be a number'),
      v.integer('must be whole minutes'),
      v.minValue(0),
      v.maxValue(480, 'must be at most 480 minutes'),
    ),
    /** a timer running longer than this many hours */
    longTimerHours: v.pipe(
      v.number('must be a number'),
      v.integer('must be whole hours'),
      v.minValue(0),
      v.maxValue(24, 'must be at most 24 hours'),
    ),
    /** at the end of the working day: today's total and the largest untracked stretch */
    endOfDay: v.boolean('must be true or false'),
    /** a daily goal that can no longer be met in the working hours left (optional: older values lack it) */
    goals: v.optional(v.boolean('must be true or false'), true),
  }),
  defaultProjectId: v.nullable(IdSchema),
  workingHours: v.pipe(
    v.object({
      start: Clock,
      end: Clock,
      days: v.pipe(v.array(Weekday), v.maxLength(7)),
      /** hours of their own for some weekdays (index 0 Sunday); null: the usual start and end */
      byDay: v.optional(
        v.pipe(v.array(v.nullable(v.object({ start: Clock, end: Clock }))), v.length(7, 'needs all seven days')),
      ),
    }),
    v.check((w) => w.start < w.end, 'the working day must end after it starts'),
    v.check(
      (w) => (w.byDay ?? []).every((d) => d === null || d.start < d.end),
      'each working day must end after it starts',
    ),
  ),
  /** applied only when reporting, never to stored data */
  reportRounding: Rounding,
  backupRetention: BackupRetentionSchema,
  /** an Electron accelerator */
  quickEntryShortcut: v.pipe(
    v.string(),
    v.maxLength(60),
    v.regex(
      /^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+[A-Za-z0-9]$|^((CommandOrControl|CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|AltGr|Shift|Super|Meta)\+)+(Space|F\d{1,2}|Enter|Tab|Up|Down|Left|Right|Home|End|PageUp|PageDown|Insert|Delete|Backspace|[`\-=[\];',./\\])$/,
      'must be a shortcut like CommandOrControl+Shift+Space',
    ),
  ),
  /** the person and client named on exported documents (PDF timesheet); empty leaves the line out */
  exportPerson: DocumentText,
  exportClient: DocumentText,
  paper: v.picklist(PAPER_SIZES, 'must be a4 or letter'),
  /** the assistant's OpenAI-compatible servers (keys are never here: they live behind the shell's secrets) */
  aiEndpoints: v.pipe(
    v.array(EndpointSchema),
    v.maxLength(20, 'at most 20 endpoints'),
    v.check((list) => new Set(list.map((e) => e.id)).size === list.length, 'two endpoints share an id'),
  ),
  /** the endpoint questions go to; null: the first */
  aiEndpointId: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  /** the assistants (presets) as edited; empty: the shipped ones (assistant-presets.ts, loaded with the view) */
  aiAssistants: v.pipe(v.array(AssistantPresetSchema), v.maxLength(30, 'at most 30 assistants')),
  aiAssistantId: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  /** price per million tokens by model, for the usage panel's cost */
  aiPrices: v.pipe(
    v.array(
      v.strictObject({
        model: v.pipe(v.string(), v.nonEmpty(), v.maxLength(200), noNul),
        inputPerMillion: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)),
        outputPerMillion: v.pipe(v.number(), v.minValue(0), v.maxValue(10_000)),
      }),
    ),
    v.maxLength(100),
  ),
  /** warn when this month's cost reaches 80% of it; null: no budget */
  aiMonthlyBudget: v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1_000_000))),
  /** the Jira connection and how sessions are booked (the token is never here: it lives behind the shell's secrets) */
  jira: v.object({
    kind: v.picklist(JIRA_KINDS),
    siteUrl: v.pipe(v.string(), v.maxLength(2048), noNul),
    /** Jira Cloud signs in with e-mail + API token; Data Center with a personal access token alone */
    email: v.pipe(v.string(), v.maxLength(254), noNul),
    /** each session when it stops, or only what the user confirms in the review */
    booking: v.picklist(['on-stop', 'review']),
    /** applied to the booked time only; the session keeps its raw time */
    rounding: Rounding,
    /** sessions that started before this (the day of the first connection) are never booked */
    since: v.pipe(v.number(), v.integer(), v.minValue(0)),
    /** a project's default issue, by project id (at most 2000) */
    // a plain check, not v.record: this schema is in the quick-entry window's first paint (its 25 KB budget)
    projectIssues: v.custom<Record<string, string>>(
      (m) =>
        typeof m === 'object' &&
        m !== null &&
        !Array.isArray(m) &&
        Object.entries(m).length <= 2000 &&
        Object.entries(m).every(([id, key]) => UUID.test(id) && typeof key === 'string' && ISSUE_KEY.test(key)),
      'must map project ids to issue keys',
    ),
  }),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type Settings = { -readonly [K in SettingKey]: v.InferOutput<(typeof SETTING_SCHEMAS)[K]> };
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  weekStart: 1,
  clock: '24h',
  durationFormat: 'hm',
  idleThresholdMinutes: 5,
  awayOnLock: 'ask',
  awayOnSleep: 'ask',
  awayAutoPause: false,
  // off until the user asks for them, except the one that catches a forgotten timer
  reminders: { noTimerMinutes: 0, longTimerHours: 8, endOfDay: false, goals: true },
  defaultProjectId: null,
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  reportRounding: { mode: 'none', minutes: 15 },
  backupRetention: DEFAULT_BACKUP_RETENTION,
  quickEntryShortcut: 'CommandOrControl+Shift+Space',
  exportPerson: '',
  exportClient: '',
  // (new keys need no settings migration: a key with no stored row reads as its default)
  paper: defaultPaper(Intl.DateTimeFormat().resolvedOptions().locale),
  aiEndpoints: [],
  aiEndpointId: null,
  aiAssistants: [],
  aiAssistantId: null,
  aiPrices: [
    { model: 'gpt-4o-mini', inputPerMillion: 0.15, outputPerMillion: 0.6 },
    { model: 'gpt-4o', inputPerMillion: 2.5, outputPerMillion: 10 },
  ],
  aiMonthlyBudget: null,
  jira: {
    kind: 'off',
    siteUrl: '',
    email: '',
    booking: 'on-stop',
    rounding: { mode: 'none', minutes: 15 },
    since: 0,
    projectIssues: {},
  },
};

/** The working hours of a weekday (0 Sunday), or null when it is not a working day. */
export function workingHoursOn(w: Settings['workingHours'], weekday: number): { start: string; end: string } | null {
  if (!w.days.includes(weekday)) return null;
  return w.byDay?.[weekday] ?? { start: w.start, end: w.end };
}

/** A change from the UI: any subset of settings. Unknown keys are refused. */
export const SettingsPatchSchema = v.pipe(
  v.strictObject(
    Object.fromEntries(SETTING_KEYS.map((k) => [k, v.optional(SETTING_SCHEMAS[k])])) as {
      [K in SettingKey]: v.OptionalSchema<(typeof SETTING_SCHEMAS)[K], undefined>;
    },
    'is not a setting',
  ),
  v.check((p) => Object.keys(p).length > 0, 'nothing to change'),
);
export type SettingsPatch = Partial<Settings>;

/** One entry of the settings history: what changed, from what, to what. */
export interface SettingsChange {
  id: number;
  at: number;
  key: SettingKey;
  from: unknown;
  to: unknown;
}
export const SETTINGS_HISTORY_KEEP = 50;

/** The settings file a user exports and imports. */
export const SETTINGS_FILE_FORMAT = 'lighttrack-settings';
export const SettingsFileSchema = v.object({
  format: v.literal(SETTINGS_FILE_FORMAT, 'is not a LightTrack settings file'),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  settings: v.record(v.string(), v.unknown()),
});
export type SettingsFile = v.InferOutput<typeof SettingsFileSchema>;

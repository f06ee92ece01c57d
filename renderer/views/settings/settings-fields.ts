import type { SettingKey, Settings } from '../../../shared/settings.ts';

/** The Settings view's sections and the settings in each, with the words the search box matches. */
export const SECTIONS = [
  { id: 'appearance', title: 'Appearance' },
  { id: 'time', title: 'Time & dates' },
  { id: 'tracking', title: 'Tracking' },
  { id: 'reports', title: 'Reports' },
  { id: 'exports', title: 'Exports' },
  { id: 'backups', title: 'Backups' },
  { id: 'quick-entry', title: 'Quick entry' },
  { id: 'assistant', title: 'Assistant' },
  { id: 'jira', title: 'Jira' },
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

export interface FieldDef {
  key: SettingKey;
  section: SectionId;
  label: string;
  help: string;
  /** more words people might search for */
  keywords: string;
}

export const FIELDS: readonly FieldDef[] = [
  {
    key: 'theme',
    section: 'appearance',
    label: 'Theme',
    help: 'System follows your computer’s light or dark mode.',
    keywords: 'dark mode light colour color appearance',
  },
  {
    key: 'durationFormat',
    section: 'appearance',
    label: 'Durations',
    help: 'How lengths of time are written.',
    keywords: 'hours minutes decimal format h:mm',
  },
  {
    key: 'weekStart',
    section: 'time',
    label: 'Week starts on',
    help: 'The first day of each week in the Week view, reports and weekly goals.',
    keywords: 'monday sunday saturday calendar first day',
  },
  {
    key: 'clock',
    section: 'time',
    label: 'Clock',
    help: 'How times of day are written.',
    keywords: '12 24 hour am pm time format',
  },
  {
    key: 'workingHours',
    section: 'time',
    label: 'Working hours',
    help: 'Your usual working day and working days; a day may have hours of its own.',
    keywords: 'work day start end schedule weekdays office',
  },
  {
    key: 'idleThresholdMinutes',
    section: 'tracking',
    label: 'Ask about time away after',
    help: 'Minutes away while a timer runs before LightTrack asks what the gap was; 0 never asks.',
    keywords: 'idle away afk inactive gap break threshold',
  },
  {
    key: 'awayOnLock',
    section: 'tracking',
    label: 'When the screen is locked',
    help: 'While a timer runs: ask on return, cut the locked time out at once, or count it as work.',
    keywords: 'lock screen away gap discard keep ask',
  },
  {
    key: 'awayOnSleep',
    section: 'tracking',
    label: 'When the computer sleeps',
    help: 'While a timer runs: ask on return, cut the time asleep out at once, or count it as work.',
    keywords: 'sleep suspend lid away gap discard keep ask',
  },
  {
    key: 'awayAutoPause',
    section: 'tracking',
    label: 'Pause while idle',
    help: 'Pause the timer as soon as you are idle; LightTrack still asks about the time on your return.',
    keywords: 'idle pause automatic away afk',
  },
  {
    key: 'reminders',
    section: 'tracking',
    label: 'Reminders',
    help: 'Each is said once; 0 turns one off. System notifications where you allow them, else in the window.',
    keywords: 'reminder notification nag forgot timer end of day summary untracked',
  },
  {
    key: 'defaultProjectId',
    section: 'tracking',
    label: 'Default project',
    help: 'The project new timers start on when none is given.',
    keywords: 'project timer new start',
  },
  {
    key: 'reportRounding',
    section: 'reports',
    label: 'Rounding',
    help: 'Applied only when reporting; what you tracked is never changed.',
    keywords: 'round up down nearest minutes billing invoice',
  },
  {
    key: 'exportPerson',
    section: 'exports',
    label: 'Your name on documents',
    help: 'Printed on PDF timesheets you export; leave empty to leave it out.',
    keywords: 'person name pdf timesheet invoice export freelancer',
  },
  {
    key: 'exportClient',
    section: 'exports',
    label: 'Client on documents',
    help: 'The client a PDF timesheet is for; leave empty to leave it out.',
    keywords: 'client customer pdf timesheet invoice export',
  },
  {
    key: 'paper',
    section: 'exports',
    label: 'Paper size',
    help: 'The page size of PDF timesheets.',
    keywords: 'a4 letter page pdf print size',
  },
  {
    key: 'aiEndpoints',
    section: 'assistant',
    label: 'AI endpoints',
    help: 'OpenAI-compatible servers the assistant asks (OpenAI, Ollama, LM Studio, llama.cpp, vLLM). Keys are sealed by the system keychain, never stored here.',
    keywords: 'ai assistant openai ollama lm studio llama model endpoint api key chat',
  },
  {
    key: 'jira',
    section: 'jira',
    label: 'Jira connection',
    help: 'Book sessions as Jira worklogs: an issue key in a session’s name (ABC-123 review) or a project’s default issue links it. The token is sealed by the system keychain, never stored here.',
    keywords: 'jira atlassian worklog issue book booking token cloud data center server',
  },
  {
    key: 'backupRetention',
    section: 'backups',
    label: 'Backups kept',
    help: 'How many daily and weekly backups of your data are kept.',
    keywords: 'backup retention daily weekly keep restore',
  },
  {
    key: 'quickEntryShortcut',
    section: 'quick-entry',
    label: 'Shortcut',
    help: 'The keys that open quick entry from anywhere, e.g. CommandOrControl+Shift+Space.',
    keywords: 'keyboard hotkey global accelerator keys',
  },
];

/** True when every word of the query is found in the field's label, help, keywords or section title. */
export function fieldMatches(field: FieldDef, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const section = SECTIONS.find((s) => s.id === field.section)?.title ?? '';
  const text = `${field.label} ${field.help} ${field.keywords} ${section}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const LABELS = {
  theme: { system: 'System', light: 'Light', dark: 'Dark' },
  clock: { '24h': '24-hour', '12h': '12-hour' },
  durationFormat: { hm: 'h:mm', decimal: 'Decimal hours' },
  rounding: { none: 'No rounding', up: 'Round up', down: 'Round down', nearest: 'Round to nearest' },
  paper: { a4: 'A4', letter: 'Letter' },
  away: { ask: 'Ask', discard: 'Discard automatically', keep: 'Keep as work' },
} as const;

/** A setting's value in words, for the history ("Theme: System → Dark"). */
export function describeValue(
  key: SettingKey,
  value: unknown,
  projectName: (id: string) => string | undefined,
): string {
  const s = value as Settings[SettingKey] | null | undefined;
  if (s === null || s === undefined) return key === 'defaultProjectId' ? 'None' : '—';
  switch (key) {
    case 'theme':
      return LABELS.theme[s as Settings['theme']] ?? String(s);
    case 'clock':
      return LABELS.clock[s as Settings['clock']] ?? String(s);
    case 'durationFormat':
      return LABELS.durationFormat[s as Settings['durationFormat']] ?? String(s);
    case 'weekStart':
      return WEEKDAYS[s as number] ?? String(s);
    case 'paper':
      return LABELS.paper[s as Settings['paper']] ?? String(s);
    case 'exportPerson':
    case 'exportClient':
      return s === '' ? 'None' : String(s);
    case 'awayOnLock':
    case 'awayOnSleep':
      return LABELS.away[s as Settings['awayOnLock']] ?? String(s);
    case 'awayAutoPause':
      return s ? 'On' : 'Off';
    case 'reminders': {
      const r = s as Settings['reminders'];
      const on = [
        r.noTimerMinutes ? `no timer ${r.noTimerMinutes} min` : '',
        r.longTimerHours ? `timer over ${r.longTimerHours} h` : '',
        r.endOfDay ? 'end of day' : '',
        r.goals ? 'goals' : '',
      ].filter(Boolean);
      return on.length ? on.join(', ') : 'Off';
    }
    case 'idleThresholdMinutes':
      return s === 0 ? 'Never ask' : `${String(s)} min`;
    case 'defaultProjectId':
      return projectName(String(s)) ?? 'a deleted project';
    case 'workingHours': {
      const w = s as Settings['workingHours'];
      const days = [...(w.days ?? [])]
        .sort()
        .map((d) => WEEKDAYS[d]?.slice(0, 3))
        .join(' ');
      const own = (w.byDay ?? [])
        .map((h, d) => (h ? `${WEEKDAYS[d]?.slice(0, 3)} ${h.start}–${h.end}` : ''))
        .filter(Boolean)
        .join(', ');
      return `${w.start}–${w.end}${days ? `, ${days}` : ''}${own ? ` (${own})` : ''}`;
    }
    case 'reportRounding': {
      const r = s as Settings['reportRounding'];
      return r.mode === 'none' ? LABELS.rounding.none : `${LABELS.rounding[r.mode] ?? r.mode} to ${r.minutes} min`;
    }
    case 'jira': {
      const j = s as Settings['jira'];
      return j.kind === 'off' ? 'Off' : `${j.kind === 'cloud' ? 'Jira Cloud' : 'Jira Data Center'} ${j.siteUrl}`;
    }
    case 'backupRetention': {
      const b = s as Settings['backupRetention'];
      return `${b.daily} daily, ${b.weekly} weekly`;
    }
    default:
      return typeof s === 'string' ? s : JSON.stringify(s);
  }
}

export function fieldLabel(key: SettingKey): string {
  return FIELDS.find((f) => f.key === key)?.label ?? key;
}

import type { AssistantPreset } from './assistant-settings.ts';

export { AssistantPresetSchema, type AssistantPreset } from './assistant-settings.ts';

export const READ_TOOL_NAMES = [
  'time_totals',
  'list_sessions',
  'list_projects',
  'goals_progress',
  'running_timer',
  'gaps_in_day',
  'sql_query',
] as const;
export const PROPOSE_TOOL_NAMES = [
  'propose_create_session',
  'propose_edit_session',
  'propose_split_session',
  'propose_delete_session',
  'propose_start_timer',
  'propose_stop_timer',
] as const;

/** The shipped assistants; loaded with the Assistant view only (kept out of the window's first paint). */
export const DEFAULT_PRESETS: AssistantPreset[] = [
  {
    id: 'general',
    name: 'Assistant',
    instructions: '',
    model: null,
    temperature: null,
    tools: [...READ_TOOL_NAMES, ...PROPOSE_TOOL_NAMES],
  },
  {
    id: 'standup',
    name: 'Standup writer',
    instructions:
      'Write a short standup: "Yesterday" and "Today" as bullet points from the sessions of the last working day and today, grouped by project, in plain words a colleague understands. No hours unless asked. Mention a running timer as ongoing work.',
    model: null,
    temperature: 0.3,
    tools: ['list_sessions', 'running_timer', 'list_projects'],
  },
  {
    id: 'timesheet',
    name: 'Timesheet checker',
    instructions:
      'Check the asked period for problems before it is billed: untitled sessions, sessions without a project, long gaps on working days, sessions over 10 hours, and days far from the usual hours. List each problem with its date, and propose a fix only when it is clear what the fix is.',
    model: null,
    temperature: 0,
    tools: [
      'list_sessions',
      'gaps_in_day',
      'time_totals',
      'list_projects',
      'propose_edit_session',
      'propose_split_session',
      'propose_delete_session',
    ],
  },
  {
    id: 'weekly',
    name: 'Weekly review',
    instructions:
      'Review the last full week: total hours, hours per project and their share, how it compares with the week before, goals met or missed, and one or two observations (long focus blocks, fragmented days). Keep it under 150 words.',
    model: null,
    temperature: 0.4,
    tools: ['time_totals', 'goals_progress', 'list_sessions', 'gaps_in_day'],
  },
];

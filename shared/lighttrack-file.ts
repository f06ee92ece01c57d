import * as v from 'valibot';

import { GoalSchema } from './goal.ts';
import { EpochMsSchema, IdSchema } from './ids.ts';
import { ProjectSchema } from './project.ts';
import { DescriptionSchema } from './session-edits.ts';
import { MAX_PAUSES, PauseSchema, SESSION_SOURCES, SessionNameSchema } from './session.ts';
import { SETTING_SCHEMAS, type SettingKey } from './settings.ts';
import { TagNameSchema, TagSchema } from './tag.ts';

/**
 * LightTrack JSON, version 1: everything a LightTrack holds, in one file that imports back into an empty LightTrack
 * with nothing lost.
 *
 * ```
 * { "format": "lighttrack", "version": 1, "exportedAt": <epoch ms>,
 *   "projects": [Project…],   // the tree: parentId points at another project in the file (null at the root);
 *                             // client, hourlyRate + currency, budgetMinutes + budgetPeriod, color, archivedAt…
 *   "tags":     [Tag…],
 *   "goals":    [Goal…],      // projectId / tagId point into the file
 *   "settings": { theme, weekStart, clock, … },   // any subset; unknown keys are refused
 *   "sessions": [{ id, name, description, projectId, tags: [tag names], billable, start, end (null = running),
 *                  pauses: [{ start, end }], source }] }
 * ```
 * Times are epoch milliseconds (UTC). Worked time is end − start − pauses; it is not stored, so it cannot disagree.
 * A reader must refuse a version it does not know; a later version only adds fields.
 */
export const LIGHTTRACK_FILE_FORMAT = 'lighttrack';
export const LIGHTTRACK_FILE_VERSION = 1;

export const FILE_SESSION_SOURCES = [...SESSION_SOURCES, 'manual'] as const;

export const FileSessionSchema = v.pipe(
  v.strictObject(
    {
      id: IdSchema,
      name: SessionNameSchema,
      description: DescriptionSchema,
      projectId: v.nullable(IdSchema),
      tags: v.pipe(v.array(TagNameSchema), v.maxLength(50, 'at most 50 tags per session')),
      billable: v.boolean('must be true or false'),
      start: EpochMsSchema,
      /** null while the session is still running */
      end: v.nullable(EpochMsSchema),
      pauses: v.pipe(v.array(PauseSchema), v.maxLength(MAX_PAUSES)),
      source: v.picklist(FILE_SESSION_SOURCES, 'is not a session source'),
    },
    'is not a session',
  ),
  v.check((s) => s.end === null || s.end >= s.start, 'a session must not end before it starts'),
  v.check(
    (s) => s.pauses.every((p) => p.start >= s.start && (s.end === null || p.end <= s.end)),
    'pauses must lie inside the session',
  ),
);
export type FileSession = v.InferOutput<typeof FileSessionSchema>;

const SettingsSubsetSchema = v.strictObject(
  Object.fromEntries(Object.entries(SETTING_SCHEMAS).map(([k, s]) => [k, v.optional(s)])) as {
    [K in SettingKey]: v.OptionalSchema<(typeof SETTING_SCHEMAS)[K], undefined>;
  },
  'is not a setting',
);

const list = <S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `at most ${max} entries`));

export const LighttrackFileSchema = v.strictObject(
  {
    format: v.literal(LIGHTTRACK_FILE_FORMAT, 'is not a LightTrack file'),
    version: v.literal(LIGHTTRACK_FILE_VERSION, `must be ${LIGHTTRACK_FILE_VERSION} (this LightTrack reads version 1)`),
    exportedAt: EpochMsSchema,
    projects: list(ProjectSchema, 100_000),
    tags: list(TagSchema, 100_000),
    goals: list(GoalSchema, 10_000),
    settings: SettingsSubsetSchema,
    sessions: list(FileSessionSchema, 10_000_000),
  },
  'is not a LightTrack file',
);
export type LighttrackFile = v.InferOutput<typeof LighttrackFileSchema>;

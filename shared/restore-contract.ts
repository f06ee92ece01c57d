import * as v from 'valibot';

import { GoalSchema } from './goal.ts';
import { IdSchema } from './ids.ts';
import { ProjectSchema } from './project.ts';
import { TagSchema } from './tag.ts';

/**
 * The data worker's calls that restore a LightTrack JSON file (shared/lighttrack-file.ts) inside an open import
 * (beginImport … finishImport, so the whole restore is one undoable action): the structure first, then the sessions
 * in batches.
 */
const list = <S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `at most ${max} entries`));
/** as MAX_IMPORT_BATCH in export-contract.ts (not imported: that file lists these calls) */
const MAX_IMPORT_BATCH = 2_000;
const ImportId = v.pipe(v.number(), v.integer(), v.minValue(1));

export const RestoreCheckInputSchema = v.strictObject(
  {
    projects: list(v.object({ name: v.string() }), 100_000),
    tags: list(v.object({ name: v.string() }), 100_000),
    goals: list(GoalSchema, 10_000),
  },
  'is not a restore check',
);
export interface RestoreCheck {
  projectsCreated: number;
  tagsCreated: number;
  goalsCreated: number;
  /** nothing live in the database yet: a restore makes it the file's copy */
  emptyDatabase: boolean;
}

export const RestoreStructureInputSchema = v.strictObject(
  {
    importId: ImportId,
    projects: list(ProjectSchema, 100_000),
    tags: list(TagSchema, 100_000),
    goals: list(GoalSchema, 10_000),
  },
  'is not a restore of projects, tags and goals',
);
export interface RestoreStructureOutcome {
  projectsCreated: number;
  tagsCreated: number;
  goalsCreated: number;
  /** file project id → the project it went to (kept, matched or new) */
  projectIds: Record<string, string>;
}

export const RestorePresentInputSchema = v.strictObject(
  { ids: list(IdSchema, MAX_IMPORT_BATCH * 5) },
  'is not a list of session ids',
);

export const RestoreSessionsInputSchema = v.strictObject(
  {
    importId: ImportId,
    sessions: v.pipe(
      v.array(v.unknown()),
      v.maxLength(MAX_IMPORT_BATCH, `at most ${MAX_IMPORT_BATCH} sessions a batch`),
    ),
  },
  'is not a restore batch',
);

/** The file's settings, restored into the open import's action (validated again by the settings domain). */
export const RestoreSettingsInputSchema = v.strictObject(
  { importId: ImportId, settings: v.record(v.string(), v.unknown()) },
  'is not a settings restore',
);

export interface RestoreApi {
  restoreCheck(input: v.InferInput<typeof RestoreCheckInputSchema>): Promise<RestoreCheck>;
  /** which of these file session ids are already here (restored before, or the same session) */
  restorePresent(input: { ids: string[] }): Promise<string[]>;
  restoreStructure(input: v.InferInput<typeof RestoreStructureInputSchema>): Promise<RestoreStructureOutcome>;
  restoreSessions(input: { importId: number; sessions: unknown[] }): Promise<{ added: number; skipped: number }>;
  /** the settings that changed; undoing the import puts them back */
  restoreSettings(input: { importId: number; settings: Record<string, unknown> }): Promise<{ changed: string[] }>;
}

export const RESTORE_METHODS = [
  'restoreCheck',
  'restorePresent',
  'restoreStructure',
  'restoreSessions',
  'restoreSettings',
] as const satisfies readonly (keyof RestoreApi)[];

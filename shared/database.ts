import * as v from 'valibot';

import { EpochMsSchema } from './ids.ts';

/**
 * The database file's health, backups and recovery: what the data worker says about the file itself (as opposed to
 * the sessions in it). Shared by the worker, the recovery screen and the diagnostics view.
 */

/** `PRAGMA application_id` of every LightTrack database: "LTRK" in ASCII. Files carrying another id are not ours. */
export const APPLICATION_ID = 0x4c54524b;

// the lifecycle channel lives in its own module: every window loads it at once, the rest of this file later
export { LIFECYCLE_CHANNEL, LifecycleMessageSchema, type LifecycleMessage } from './lifecycle.ts';

export const RECOVERY_KINDS = ['damaged', 'not-ours', 'newer-schema', 'lost'] as const;
export type RecoveryKind = (typeof RECOVERY_KINDS)[number];

/** Why the database cannot be used as it is; the recovery screen shows `message` and offers what fits `kind`. */
export interface RecoveryProblem {
  kind: RecoveryKind;
  /** plain words for the user */
  message: string;
  /** the underlying error text (SQLite's message, integrity_check lines) for the details disclosure */
  technical: string;
  /** for newer-schema: the file's schema version and the app's */
  fileVersion?: number;
  appVersion?: number;
}

export const BACKUP_KINDS = ['daily', 'weekly', 'manual', 'pre-migration', 'pre-restore', 'pre-bulk'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup file in OPFS (backups/<name>), described by a sidecar written after it was verified. */
export const BackupInfoSchema = v.object({
  /** file name inside the backups folder: also its id for restoreBackup() */
  name: v.pipe(v.string(), v.regex(/^[\w.-]{1,120}\.sqlite3$/, 'must be a backup file name')),
  kind: v.picklist(BACKUP_KINDS),
  createdAt: EpochMsSchema,
  sizeBytes: v.pipe(v.number(), v.integer(), v.minValue(0)),
  /** live sessions in it; null when its sidecar is missing (counted on restore) */
  sessions: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type BackupInfo = v.InferOutput<typeof BackupInfoSchema>;
export const BackupNameSchema = BackupInfoSchema.entries.name;

export const BackupRetentionSchema = v.object({
  daily: v.pipe(
    v.number('must be a number'),
    v.integer('must be whole'),
    v.minValue(1, 'keep at least one'),
    v.maxValue(365),
  ),
  weekly: v.pipe(v.number('must be a number'), v.integer('must be whole'), v.minValue(0), v.maxValue(520)),
});
export type BackupRetention = v.InferOutput<typeof BackupRetentionSchema>;
export const DEFAULT_BACKUP_RETENTION: BackupRetention = { daily: 7, weekly: 4 };

export interface IntegrityResult {
  ok: boolean;
  /** 'quick' = PRAGMA quick_check, 'full' = PRAGMA integrity_check */
  kind: 'quick' | 'full';
  /** the check's lines when not ok (at most 100) */
  problems: string[];
  ms: number;
}

/** A database file handed across the boundary (export, download of a damaged file). */
export interface DatabaseFile {
  fileName: string;
  bytes: ArrayBuffer;
}

/** Restore from file: the bytes of a file the user picked. 1 GiB bounds what crosses postMessage. */
export const MAX_RESTORE_BYTES = 1024 * 1024 * 1024;
export const RestoreFileInputSchema = v.object({
  fileName: v.pipe(v.string(), v.maxLength(255)),
  bytes: v.pipe(
    v.instance(ArrayBuffer, 'must be the file contents'),
    v.check((b) => b.byteLength > 0, 'the file is empty'),
    v.check((b) => b.byteLength <= MAX_RESTORE_BYTES, 'the file is larger than 1 GiB'),
  ),
});
export type RestoreFileInput = v.InferInput<typeof RestoreFileInputSchema>;

export interface RestoreResult {
  /** the backup made of the current file just before the restore (null when the current file was unusable) */
  safetyBackup: BackupInfo | null;
  /** where the replaced file was kept, when it was damaged (never deleted) */
  keptAs: string | null;
  sessions: number;
}

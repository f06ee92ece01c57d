import { atom } from 'nanostores';
import * as v from 'valibot';

import { BackupRetentionSchema, type BackupRetention, type IntegrityResult } from '../../../shared/database.ts';
import type { ErrorLogEntry, ErrorLogPage } from '../../../shared/error-log.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { DatabaseService } from '../../services/database.ts';
import type { DiagnosticsService } from '../../services/diagnostics.ts';
import { copyText } from '../../services/files.ts';
import { BackupsModel, type Outcome } from '../../state/backups-model.ts';

export type RetentionField = keyof BackupRetention;
export type RetentionErrors = Partial<Record<RetentionField | 'form', string>>;

/** How many log entries Diagnostics shows (the newest). */
export const ERROR_PAGE_SIZE = 200;

/** The Diagnostics view's state: the error log, backups and their retention, the file's health. */
export class DiagnosticsModel {
  readonly backups: BackupsModel;
  /** null until loaded */
  readonly $errors = atom<ErrorLogPage | null>(null);
  readonly $errorsOutcome = atom<Outcome | null>(null);
  readonly $retention = atom<BackupRetention | null>(null);
  readonly $retentionErrors = atom<RetentionErrors>({});
  readonly $retentionSaved = atom(false);
  readonly $integrity = atom<IntegrityResult | null>(null);
  readonly $checking = atom(false);
  readonly $checkError = atom<string | null>(null);

  readonly #database: DatabaseService;
  readonly #diagnostics: DiagnosticsService;

  constructor(database: DatabaseService, diagnostics: DiagnosticsService) {
    this.#database = database;
    this.#diagnostics = diagnostics;
    this.backups = new BackupsModel(database);
  }

  /** Loads everything and again after each worker restart (a new worker may see another file state, other backups). */
  connect(): () => void {
    const stop = this.#database.watchRestarts(() => this.load());
    void this.load();
    return stop;
  }

  async load(): Promise<void> {
    await Promise.all([
      this.#database.refresh(),
      this.loadErrors(),
      this.backups.load(),
      this.#database.getRetention().then(
        (r) => this.$retention.set(r),
        (error: unknown) => this.$retentionErrors.set({ form: toAppError(error).message }),
      ),
    ]);
  }

  async loadErrors(): Promise<void> {
    try {
      this.$errors.set(await this.#diagnostics.listErrors({ limit: ERROR_PAGE_SIZE }));
    } catch (error) {
      this.$errors.set(this.$errors.get() ?? { entries: [], total: 0, unsaved: 0 });
      this.$errorsOutcome.set({ ok: false, text: `The error log could not be read: ${toAppError(error).message}` });
    }
  }

  /** Copies the listed entries: readable lines, or JSON for a bug report. */
  async copyErrors(format: 'text' | 'json'): Promise<void> {
    const entries = this.$errors.get()?.entries ?? [];
    try {
      await copyText(format === 'json' ? errorsAsJson(entries) : errorsAsText(entries));
      this.$errorsOutcome.set({
        ok: true,
        text: `Copied ${entries.length === 1 ? '1 entry' : `${entries.length} entries`}${format === 'json' ? ' as JSON' : ''}.`,
      });
    } catch (error) {
      this.$errorsOutcome.set({ ok: false, text: `Could not copy: ${toAppError(error).message}` });
    }
  }

  async clearErrors(): Promise<void> {
    try {
      await this.#diagnostics.clearErrors();
      this.$errorsOutcome.set({ ok: true, text: 'The error log is empty now.' });
    } catch (error) {
      this.$errorsOutcome.set({ ok: false, text: `Could not clear the log: ${toAppError(error).message}` });
    }
    await this.loadErrors();
  }

  /** Validates what was typed (field by field), then saves it; the worker validates again. */
  async saveRetention(input: Record<RetentionField, string>): Promise<boolean> {
    this.$retentionSaved.set(false);
    const parsed = v.safeParse(BackupRetentionSchema, {
      daily: input.daily.trim() === '' ? Number.NaN : Number(input.daily),
      weekly: input.weekly.trim() === '' ? Number.NaN : Number(input.weekly),
    });
    if (!parsed.success) {
      const errors: RetentionErrors = {};
      for (const issue of parsed.issues) {
        const key = issue.path?.[0]?.key;
        if ((key === 'daily' || key === 'weekly') && !errors[key]) errors[key] = sentence(issue.message);
      }
      this.$retentionErrors.set(Object.keys(errors).length > 0 ? errors : { form: sentence(parsed.issues[0].message) });
      return false;
    }
    try {
      this.$retention.set(await this.#database.setRetention(parsed.output));
      this.$retentionErrors.set({});
      this.$retentionSaved.set(true);
      return true;
    } catch (error) {
      this.$retentionErrors.set({ form: toAppError(error).message });
      return false;
    }
  }

  /** The full integrity check (every page); a failure switches the window to its recovery screen. */
  async checkFile(): Promise<void> {
    if (this.$checking.get()) return;
    this.$checking.set(true);
    this.$checkError.set(null);
    try {
      this.$integrity.set(await this.#database.checkIntegrity(true));
    } catch (error) {
      this.$checkError.set(toAppError(error).message);
    } finally {
      this.$checking.set(false);
    }
  }
}

/** "must be whole" → "Must be whole." */
function sentence(message: string): string {
  const text = message.replace(/^Invalid \w+: /, '').trim();
  const first = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function parsedDetails(details: string | null): unknown {
  if (details === null) return null;
  try {
    return JSON.parse(details) as unknown;
  } catch {
    return details;
  }
}

export function errorsAsJson(entries: readonly ErrorLogEntry[]): string {
  return JSON.stringify(
    entries.map((e) => ({ ...e, time: new Date(e.time).toISOString(), details: parsedDetails(e.details) })),
    null,
    2,
  );
}

export function errorsAsText(entries: readonly ErrorLogEntry[]): string {
  if (entries.length === 0) return 'The LightTrack error log is empty.';
  return entries
    .map((e) => {
      const head = `${new Date(e.time).toISOString()}  ${e.code}  ${e.source}${e.correlationId ? `  [${e.correlationId}]` : ''}`;
      const details = e.details === null ? '' : `\n  ${JSON.stringify(parsedDetails(e.details))}`;
      return `${head}\n  ${e.message}${details}`;
    })
    .join('\n\n');
}

import { FileSessionSchema } from '../../../shared/lighttrack-file.ts';
import {
  RestoreCheckInputSchema,
  RestorePresentInputSchema,
  RestoreSessionsInputSchema,
  RestoreSettingsInputSchema,
  RestoreStructureInputSchema,
  type RestoreApi,
} from '../../../shared/restore-contract.ts';
import { SettingsPatchSchema } from '../../../shared/settings.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { writeSettings } from '../settings/settings.ts';
import type { Exports } from './exports-handlers.ts';
import { checkStructure, presentSessions, restoreSessions, restoreStructure } from './restore.ts';

/**
 * A LightTrack JSON file restored into an import the exports' handlers opened (beginImport … finishImport): its
 * projects, tags and goals, its sessions in batches, and its settings, each written into that import's one action.
 */
export class RestoreHandlers implements RestoreApi {
  constructor(
    private readonly core: Core,
    private readonly imports: Pick<Exports, 'openImport'>,
  ) {}

  restoreCheck(input: Parameters<RestoreApi['restoreCheck']>[0]) {
    const p = parse(RestoreCheckInputSchema, input, 'restore check');
    return this.core.read((db) => checkStructure(db, p.projects, p.tags, p.goals));
  }

  restorePresent(input: Parameters<RestoreApi['restorePresent']>[0]) {
    const p = parse(RestorePresentInputSchema, input, 'session ids');
    return this.core.read((db) => presentSessions(db, p.ids));
  }

  /** The file's projects, tags and goals, into the open import's action (before its sessions, which point at them). */
  restoreStructure(input: Parameters<RestoreApi['restoreStructure']>[0]) {
    const p = parse(RestoreStructureInputSchema, input, 'restore of projects, tags and goals');
    const open = this.imports.openImport(p.importId);
    return this.core.write('activities', 'update', async (db) => {
      const out = await restoreStructure(db, open.journal, p, open.maps);
      open.outcome.projectsCreated += out.projectsCreated;
      open.outcome.tagsCreated += out.tagsCreated;
      return { result: { ...out, projectIds: Object.fromEntries(open.maps.projects) }, ids: [] };
    });
  }

  restoreSessions(input: Parameters<RestoreApi['restoreSessions']>[0]) {
    const p = parse(RestoreSessionsInputSchema, input, 'restore batch');
    const open = this.imports.openImport(p.importId);
    const sessions = p.sessions.map((s, i) => parse(FileSessionSchema, s, `restored session ${i + 1}`));
    return this.core.write('activities', 'update', async (db, now) => {
      const out = await restoreSessions(db, open.journal, sessions, open.maps, now);
      await open.journal.settle();
      open.outcome.added += out.added;
      open.outcome.skipped += out.skipped;
      return { result: out, ids: [] };
    });
  }

  /**
   * The file's settings, in the import's action: the keys are journaled before they are written (through the settings
   * domain: validated, kept in its history), so undoing the restore puts them back with the sessions.
   */
  restoreSettings(input: Parameters<RestoreApi['restoreSettings']>[0]) {
    const p = parse(RestoreSettingsInputSchema, input, 'restore of settings');
    // validated before anything is journaled: the recording remembers what it touched beyond a rolled-back write
    const patch = parse(SettingsPatchSchema, p.settings, 'setting');
    const open = this.imports.openImport(p.importId);
    return this.core.write('settings', 'update', async (db, now) => {
      const keys = Object.keys(patch).filter((k) => patch[k as keyof typeof patch] !== undefined);
      await open.journal.touch('settings', keys);
      const changed = await writeSettings(db, patch, now, this.core.onBadSetting);
      await open.journal.settle();
      return { result: { changed }, ids: [] };
    });
  }
}

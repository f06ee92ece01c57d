import type { DataApi } from '../../../shared/data-contract.ts';
import { AppError, toAppError } from '../../../shared/errors.ts';
import { DatabaseHandlers } from '../database/database-handlers.ts';
import { Lifecycle } from '../database/lifecycle.ts';
import { DiagnosticsHandlers } from '../diagnostics/diagnostics-handlers.ts';
import { EditsHandlers } from '../edits/edits-handlers.ts';
import { GoalsHandlers } from '../goals/goals-handlers.ts';
import { ProjectsHandlers } from '../projects/projects-handlers.ts';
import { ReportsHandlers } from '../reports/reports-handlers.ts';
import { SessionsHandlers } from '../sessions/sessions-handlers.ts';
import { SettingsHandlers } from '../settings/settings-handlers.ts';
import { TagsHandlers } from '../tags/tags-handlers.ts';
import { UndoHandlers } from '../undo/undo-handlers.ts';
import { Core } from './core.ts';

/** Every DataApi call an owner serves for itself and for the workers that proxy to it. */
export type OwnerApi = Omit<DataApi, 'holdLifeline' | 'open' | 'close'>;

/** The calls forwarded verbatim from a proxy to the owner; the `satisfies` keeps the list complete. */
export const OWNER_METHODS = [
  'startTimer', 'stopTimer', 'pauseTimer', 'resumeTimer', 'runningTimer', 'listActivities', 'getActivity',
  'deleteActivity', 'restoreActivity', 'insertSessions', 'createProject', 'listProjects', 'totalsByProjectDay',
  'checkIntegrity', 'status', 'listBackups', 'backupNow', 'runScheduledBackups', 'getBackupRetention',
  'setBackupRetention', 'exportDatabase', 'restoreBackup', 'restoreFromFile', 'startFresh', 'reportError',
  'listErrors', 'clearErrors', 'updateSession', 'addSession', 'splitSession', 'mergeSessions', 'duplicateSession',
  'continueSession', 'bulkUpdate', 'bulkDelete', 'listSessions', 'undo', 'redo', 'undoState', 'listTags',
  'updateProject', 'archiveProject', 'deleteProject', 'mergeProjects', 'projectTotals', 'createTag', 'updateTag',
  'deleteTag', 'mergeTags', 'listGoals', 'createGoal', 'updateGoal', 'deleteGoal', 'goalProgress', 'getSettings',
  'updateSettings', 'settingsHistory', 'rollbackSetting', 'exportSettings', 'importSettings', 'report', 'reportRows',
] as const satisfies readonly (keyof OwnerApi)[];
type Missing = Exclude<keyof OwnerApi, (typeof OWNER_METHODS)[number]>;
const complete: Missing extends never ? true : Missing = true;
void complete;

/** Calls whose failures are not logged again (they are the log, or a status read). */
const NOT_LOGGED = new Set<string>(['reportError', 'listErrors', 'clearErrors', 'status', 'undoState', 'getSettings']);

export interface Owner {
  core: Core;
  lifecycle: Lifecycle;
  api: OwnerApi;
}

/**
 * Composes the domain services into the one object the owner serves. Every failure is written to the error log
 * with a short correlation id, which is also put into the error's details so the user can quote it.
 */
export function createOwner(clock: () => number = Date.now): Owner {
  const core = new Core(clock);
  const lifecycle = new Lifecycle(core);
  const services: object[] = [new SessionsHandlers(core), new EditsHandlers(core), new UndoHandlers(core), new TagsHandlers(core),
    new ProjectsHandlers(core), new GoalsHandlers(core), new SettingsHandlers(core), new ReportsHandlers(core),
    new DatabaseHandlers(core, lifecycle), new DiagnosticsHandlers(core)];
  const api = {} as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const method of OWNER_METHODS) {
    const service = services.find((s) => typeof (s as Record<string, unknown>)[method] === 'function');
    if (!service) throw new Error(`No service implements ${method}`);
    const fn = (service as Record<string, (...args: unknown[]) => Promise<unknown>>)[method]!.bind(service);
    api[method] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        if (NOT_LOGGED.has(method)) throw error;
        const e = toAppError(error);
        const correlationId = crypto.randomUUID().slice(0, 8);
        void core.logError(e, `worker:${method}`, correlationId);
        const details =
          e.details === undefined ? { correlationId } : isPlainObject(e.details) ? { ...e.details, correlationId } : e.details;
        throw new AppError(e.code, e.message, details);
      }
    };
  }
  return { core, lifecycle, api: api as unknown as OwnerApi };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import {
  ASSISTANT_METHODS,
  AWAY_METHODS,
  DATABASE_METHODS,
  DIAGNOSTICS_METHODS,
  EDITS_METHODS,
  GOALS_METHODS,
  JIRA_METHODS,
  OWNER_METHODS,
  PROJECTS_METHODS,
  REPORTS_METHODS,
  SESSIONS_METHODS,
  SETTINGS_METHODS,
  TAGS_METHODS,
  UNDO_METHODS,
  type AssistantApi,
  type AwayApi,
  type DatabaseApi,
  type DiagnosticsApi,
  type EditsApi,
  type GoalsApi,
  type JiraApi,
  type OwnerApi,
  type ProjectsApi,
  type ReportsApi,
  type SessionsApi,
  type SettingsApi,
  type TagsApi,
  type UndoApi,
} from '../../../shared/data-contract.ts';
import { AppError, toAppError } from '../../../shared/errors.ts';
import { EXPORTS_METHODS, type ExportsApi } from '../../../shared/export-contract.ts';
import { RESTORE_METHODS, type RestoreApi } from '../../../shared/restore-contract.ts';
import { AssistantHandlers } from '../assistant/assistant-handlers.ts';
import { AwayHandlers } from '../away/away-handlers.ts';
import { DatabaseHandlers } from '../database/database-handlers.ts';
import { Lifecycle } from '../database/lifecycle.ts';
import { DiagnosticsHandlers } from '../diagnostics/diagnostics-handlers.ts';
import { EditsHandlers } from '../edits/edits-handlers.ts';
import { Exports } from '../exports/exports-handlers.ts';
import { RestoreHandlers } from '../exports/restore-handlers.ts';
import { GoalsHandlers } from '../goals/goals-handlers.ts';
import { JiraHandlers } from '../jira/jira-handlers.ts';
import { ProjectsHandlers } from '../projects/projects-handlers.ts';
import { ReportsHandlers } from '../reports/reports-handlers.ts';
import { SessionsHandlers } from '../sessions/sessions-handlers.ts';
import { SettingsHandlers } from '../settings/settings-handlers.ts';
import { TagsHandlers } from '../tags/tags-handlers.ts';
import { UndoHandlers } from '../undo/undo-handlers.ts';
import { Core } from './core.ts';

type Call = (...args: unknown[]) => Promise<unknown>;

/** Calls whose failures are not logged again (they are the log, or a status read). */
const NOT_LOGGED = new Set<keyof OwnerApi>([
  'reportError',
  'listErrors',
  'clearErrors',
  'status',
  'undoState',
  'getSettings',
  'heartbeat',
]);

/** One interface's method list and the handler that implements the interface. */
export interface Binding {
  readonly methods: readonly string[];
  readonly handler: object;
}

/** Binds the methods of interface `I` (its list from shared/data-contract.ts) to the handler implementing it. */
export function bind<I extends object>(methods: readonly (keyof I & string)[], handler: I): Binding {
  return { methods, handler };
}

/** Every binding's methods on one object. A name bound twice throws: dispatch must never pick one silently. */
export function bindAll(bindings: readonly Binding[]): Record<string, Call> {
  const calls: Record<string, Call> = {};
  for (const { methods, handler } of bindings) {
    for (const method of methods) {
      if (Object.hasOwn(calls, method)) throw new Error(`${method} is bound twice`);
      const fn = (handler as Record<string, unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`The handler bound to ${method} does not implement it`);
      calls[method] = (fn as Call).bind(handler);
    }
  }
  return calls;
}

export interface Owner {
  core: Core;
  lifecycle: Lifecycle;
  api: OwnerApi;
}

/**
 * Composes the domain handlers into the one object the owner serves. Every failure is written to the error log
 * with a short correlation id, which is also put into the error's details so the user can quote it.
 */
export function createOwner(clock: () => number = Date.now): Owner {
  const core = new Core(clock);
  const lifecycle = new Lifecycle(core);
  const calls = bindAll([
    bind<SessionsApi>(SESSIONS_METHODS, new SessionsHandlers(core)),
    bind<EditsApi>(EDITS_METHODS, new EditsHandlers(core)),
    bind<UndoApi>(UNDO_METHODS, new UndoHandlers(core)),
    bind<TagsApi>(TAGS_METHODS, new TagsHandlers(core)),
    bind<ProjectsApi>(PROJECTS_METHODS, new ProjectsHandlers(core)),
    bind<GoalsApi>(GOALS_METHODS, new GoalsHandlers(core)),
    bind<SettingsApi>(SETTINGS_METHODS, new SettingsHandlers(core)),
    bind<ReportsApi>(REPORTS_METHODS, new ReportsHandlers(core)),
    bind<DatabaseApi>(DATABASE_METHODS, new DatabaseHandlers(core, lifecycle)),
    bind<DiagnosticsApi>(DIAGNOSTICS_METHODS, new DiagnosticsHandlers(core)),
    bind<AwayApi>(AWAY_METHODS, new AwayHandlers(core)),
    bind<AssistantApi>(ASSISTANT_METHODS, new AssistantHandlers(core)),
    bind<JiraApi>(JIRA_METHODS, new JiraHandlers(core)),
    // a restore writes into the imports the exports' handlers open
    ...((exports) => [
      bind<ExportsApi>(EXPORTS_METHODS, exports),
      bind<RestoreApi>(RESTORE_METHODS, new RestoreHandlers(core, exports)),
    ])(new Exports(core)),
  ]);
  const api = {} as Record<string, Call>;
  for (const method of OWNER_METHODS) {
    const fn = calls[method];
    if (!fn) throw new Error(`No handler is bound to ${method}`);
    api[method] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        if (NOT_LOGGED.has(method)) throw error;
        const e = toAppError(error);
        // a refusal that asks the user to choose (details.question) is part of a normal day, not an error to log
        if (isPlainObject(e.details) && e.details['question'] === true) throw e;
        const correlationId = crypto.randomUUID().slice(0, 8);
        void core.logError(e, `worker:${method}`, correlationId);
        const details =
          e.details === undefined
            ? { correlationId }
            : isPlainObject(e.details)
              ? { ...e.details, correlationId }
              : e.details;
        throw new AppError(e.code, e.message, details);
      }
    };
  }
  return { core, lifecycle, api: api as unknown as OwnerApi };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import {
  NewSessionsSchema,
  StartTimerInputSchema,
  StopTimerInputSchema,
  TimeRangeSchema,
  TimerIdInputSchema,
  type Activity,
} from '../../shared/activity.ts';
import type { DataApi, OpenInfo, OpenOptions } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import { IdSchema } from '../../shared/ids.ts';
import { CreateProjectInputSchema } from '../../shared/project.ts';
import { parse } from '../../shared/validate.ts';
import * as v from 'valibot';
import * as activities from './activities.ts';
import { totalsByProjectDay } from './analytics.ts';
import { ChangeAnnouncer } from './changes.ts';
import { CONNECTION_PRAGMAS, migrate } from './migrations.ts';
import * as projects from './projects.ts';
import { Database } from './sqlite.ts';

const OpenOptionsSchema = v.optional(
  v.object({
    name: v.optional(
      v.pipe(v.string(), v.regex(/^[\w.-]{1,64}$/, 'must be a plain file name (letters, digits, . _ -)')),
    ),
  }),
  {},
);

const LockNameSchema = v.pipe(v.string(), v.regex(/^lighttrack-lifeline-[\w-]{1,64}$/, 'must be a lifeline lock name'));

export const DEFAULT_DB_NAME = 'lighttrack.sqlite3';

/**
 * The data worker's implementation of DataApi. Calls run one at a time (a worker-local queue), so the statements
 * of one call's transaction never interleave with another's. Every input is validated before any SQL runs.
 */
export class DataService implements DataApi {
  #db: Database | null = null;
  #opening: Promise<OpenInfo> | null = null;
  #openedName: string | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #changes = new ChangeAnnouncer();
  readonly #clock: () => number;

  constructor(clock: () => number = Date.now) {
    this.#clock = clock;
  }

  holdLifeline(lockName: string): Promise<void> {
    const name = parse(LockNameSchema, lockName, 'lifeline lock name');
    return new Promise((resolve, reject) => {
      navigator.locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (!lock) throw new AppError('CONFLICT', `Lifeline ${name} is already held`);
          resolve();
          return new Promise<never>(() => undefined); // held until this worker ends
        })
        .catch(reject);
    });
  }

  open(options?: OpenOptions): Promise<OpenInfo> {
    const { name = DEFAULT_DB_NAME } = parse(OpenOptionsSchema, options, 'open options');
    if (this.#opening && this.#openedName !== name) {
      return Promise.reject(
        new AppError('CONFLICT', `This worker already serves ${this.#openedName}; start another worker for ${name}`),
      );
    }
    this.#openedName = name;
    this.#opening ??= this.#open(name).catch((error: unknown) => {
      this.#opening = null;
      this.#openedName = null;
      throw error;
    });
    return this.#opening;
  }

  async close(): Promise<void> {
    await this.#serial(async () => {
      await this.#db?.close();
      this.#db = null;
      this.#opening = null;
      this.#openedName = null;
    });
  }

  startTimer(input: Parameters<DataApi['startTimer']>[0]): Promise<Activity> {
    const parsed = parse(StartTimerInputSchema, input, 'timer start');
    return this.#write('activities', 'insert', async (db, now) => {
      const startTime = parsed.startTime ?? now;
      if (startTime > now + 60_000) throw new AppError('VALIDATION', 'A timer cannot start in the future');
      if (parsed.projectId !== null) await projects.requireLiveProject(db, parsed.projectId);
      const running = await activities.findRunning(db);
      if (running) await activities.closeActivity(db, running, Math.max(running.startTime, startTime), now);
      const started = await activities.insertRunning(
        db,
        { name: parsed.name, projectId: parsed.projectId, startTime, source: parsed.source },
        now,
      );
      return { result: started, ids: running ? [running.id, started.id] : [started.id] };
    });
  }

  stopTimer(input: Parameters<DataApi['stopTimer']>[0]): Promise<Activity> {
    const parsed = parse(StopTimerInputSchema, input, 'timer stop');
    return this.#write('activities', 'update', async (db, now) => {
      const running = await this.#requireRunning(db, parsed.id);
      const end = parsed.endTime ?? now;
      if (end < running.startTime) throw new AppError('VALIDATION', 'A timer cannot stop before it started');
      return { result: await activities.closeActivity(db, running, end, now), ids: [running.id] };
    });
  }

  pauseTimer(input: Parameters<DataApi['pauseTimer']>[0]): Promise<Activity> {
    const parsed = parse(TimerIdInputSchema, input, 'timer pause');
    return this.#write('activities', 'update', async (db, now) => {
      const running = await this.#requireRunning(db, parsed.id);
      if (running.pauseStartedAt !== null) throw new AppError('CONFLICT', 'This timer is already paused');
      const at = Math.max(running.startTime, parsed.at ?? now);
      return { result: await activities.setPause(db, running, at, 0, now), ids: [running.id] };
    });
  }

  resumeTimer(input: Parameters<DataApi['resumeTimer']>[0]): Promise<Activity> {
    const parsed = parse(TimerIdInputSchema, input, 'timer resume');
    return this.#write('activities', 'update', async (db, now) => {
      const running = await this.#requireRunning(db, parsed.id);
      if (running.pauseStartedAt === null) throw new AppError('CONFLICT', 'This timer is not paused');
      const paused = Math.max(0, (parsed.at ?? now) - running.pauseStartedAt);
      return { result: await activities.setPause(db, running, null, paused, now), ids: [running.id] };
    });
  }

  runningTimer(): Promise<Activity | null> {
    return this.#read((db) => activities.findRunning(db));
  }

  listActivities(range: Parameters<DataApi['listActivities']>[0]): Promise<Activity[]> {
    const parsed = parse(TimeRangeSchema, range, 'time range');
    return this.#read((db) => activities.listOverlapping(db, parsed));
  }

  getActivity(id: string): Promise<Activity> {
    const parsedId = parse(IdSchema, id, 'session id');
    return this.#read((db) => activities.requireActivity(db, parsedId));
  }

  deleteActivity(id: string): Promise<Activity> {
    const parsedId = parse(IdSchema, id, 'session id');
    return this.#write('activities', 'delete', async (db, now) => {
      const found = await activities.requireActivity(db, parsedId);
      if (found.deletedAt !== null) return { result: found, ids: [] };
      return { result: await activities.setDeleted(db, parsedId, now, now), ids: [parsedId] };
    });
  }

  restoreActivity(id: string): Promise<Activity> {
    const parsedId = parse(IdSchema, id, 'session id');
    return this.#write('activities', 'update', async (db, now) => {
      const found = await activities.requireActivity(db, parsedId);
      if (found.deletedAt === null) return { result: found, ids: [] };
      if (found.endTime === null && (await activities.findRunning(db))) {
        throw new AppError('CONFLICT', 'Another timer is running; stop it before restoring this one');
      }
      return { result: await activities.setDeleted(db, parsedId, null, now), ids: [parsedId] };
    });
  }

  insertSessions(sessions: Parameters<DataApi['insertSessions']>[0]): Promise<number> {
    const parsed = parse(NewSessionsSchema, sessions, 'sessions');
    return this.#write('activities', 'insert', async (db, now) => {
      const inserted = await activities.insertSessions(db, parsed, now);
      return { result: inserted, ids: [] };
    });
  }

  createProject(input: Parameters<DataApi['createProject']>[0]) {
    const parsed = parse(CreateProjectInputSchema, input, 'project');
    return this.#write('projects', 'insert', async (db, now) => {
      const project = await projects.insertProject(db, parsed, now);
      return { result: project, ids: [project.id] };
    });
  }

  listProjects() {
    return this.#read((db) => projects.listProjects(db));
  }

  totalsByProjectDay(range: Parameters<DataApi['totalsByProjectDay']>[0]) {
    const parsed = parse(TimeRangeSchema, range, 'time range');
    return this.#read((db) => totalsByProjectDay(db, parsed, this.#clock()));
  }

  async #open(name: string): Promise<OpenInfo> {
    const db = await Database.open(name);
    try {
      await db.exec(CONNECTION_PRAGMAS);
      const schemaVersion = await migrate(db);
      this.#db = db;
      return { schemaVersion, vfs: db.vfsName, sqliteVersion: db.sqliteVersion, origin: this.#changes.origin };
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error instanceof AppError ? error : new AppError('DB', `Could not prepare the database: ${String(error)}`);
    }
  }

  async #requireRunning(db: Database, id: string): Promise<Activity> {
    const found = await activities.requireActivity(db, id);
    if (found.deletedAt !== null) throw new AppError('NOT_FOUND', 'This session was deleted', { id });
    if (found.endTime !== null) throw new AppError('CONFLICT', 'This timer is already stopped', { id });
    return found;
  }

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn, fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** The open connection; a call made before open() (or while it runs) waits for it, opening the default file. */
  async #connection(): Promise<Database> {
    if (!this.#db) await (this.#opening ?? this.open());
    return this.#db!;
  }

  #read<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    return this.#serial(async () => fn(await this.#connection()));
  }

  /** Runs fn in one write transaction; announces the change only after COMMIT succeeded. */
  #write<T>(
    table: 'activities' | 'projects',
    op: 'insert' | 'update' | 'delete',
    fn: (db: Database, now: number) => Promise<{ result: T; ids: string[] }>,
  ): Promise<T> {
    return this.#serial(async () => {
      const db = await this.#connection();
      const { result, ids } = await db.transaction(() => fn(db, this.#clock()));
      if (ids.length > 0 || op === 'insert') this.#changes.announce({ table, op, ids });
      return result;
    });
  }
}

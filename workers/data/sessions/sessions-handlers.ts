import type { DataApi, SessionsApi } from '../../../shared/data-contract.ts';
import { AppError } from '../../../shared/errors.ts';
import { IdSchema, newId } from '../../../shared/ids.ts';
import { ListSessionsInputSchema } from '../../../shared/session-edits.ts';
import {
  NewSessionsSchema,
  SessionsInRangeInputSchema,
  StartTimerInputSchema,
  StopTimerInputSchema,
  TimerIdInputSchema,
  type Session,
} from '../../../shared/session.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import * as projects from '../projects/projects.ts';
import { markDirty } from '../reports/dirty.ts';
import type { Database } from '../storage/sqlite.ts';
import { resolveTagNames, setSessionTags } from '../tags/tags.ts';
import { journaledTimer, labelName } from '../undo/journaled-write.ts';
import { settleOverlaps } from './overlaps.ts';
import { listSessions } from './session-list.ts';
import * as sessions from './sessions.ts';

/** Timer and session calls, and the session lists. */
export class SessionsHandlers implements SessionsApi {
  readonly #onDamaged: sessions.OnDamaged;

  constructor(private readonly core: Core) {
    this.#onDamaged = (table, id, issues) => core.reportDamaged(table, id, issues);
  }

  startTimer(input: Parameters<DataApi['startTimer']>[0]): Promise<Session> {
    const parsed = parse(StartTimerInputSchema, input, 'timer start');
    return journaledTimer(this.core, 'insert', async ({ db, now, journal }) => {
      const startTime = parsed.startTime ?? now;
      if (startTime > now + 60_000) throw new AppError('VALIDATION', 'A timer cannot start in the future');
      if (parsed.projectId !== null) await projects.requireLiveProject(db, parsed.projectId);
      const running = await sessions.findRunning(db, this.#onDamaged);
      const id = newId();
      journal.label = `Start ${labelName(parsed)}`;
      await journal.touch('activities', running ? [running.id, id] : [id]);
      if (running) await sessions.closeOnly(db, running, Math.max(running.startTime, startTime), now);
      await sessions.insertSession(
        db,
        {
          id,
          name: parsed.name,
          description: parsed.description,
          projectId: parsed.projectId,
          billable: parsed.billable,
          startTime,
          endTime: null,
          pausedMs: 0,
          pauseStartedAt: null,
          pauses: [],
          isManual: false,
          source: parsed.source,
        },
        now,
      );
      if (parsed.tags.length > 0) await setSessionTags(db, id, await resolveTagNames(db, parsed.tags, journal, now));
      // a back-dated start ("15 minutes ago") may reach into the previous session; one starting now cannot
      if (parsed.startTime !== undefined) await settleOverlaps(db, journal, [id], parsed.overlap, now);
      return { result: await sessions.requireSession(db, id), ids: running ? [running.id, id] : [id] };
    });
  }

  stopTimer(input: Parameters<DataApi['stopTimer']>[0]): Promise<Session> {
    const parsed = parse(StopTimerInputSchema, input, 'timer stop');
    return journaledTimer(this.core, 'update', async ({ db, now, journal }) => {
      const running = await this.#requireRunning(db, parsed.id);
      const end = parsed.endTime ?? now;
      if (end < running.startTime) throw new AppError('VALIDATION', 'A timer cannot stop before it started');
      journal.label = `Stop ${labelName(running)}`;
      await journal.touch('activities', [running.id]);
      return { result: await sessions.closeSession(db, running, end, now), ids: [running.id] };
    });
  }

  pauseTimer(input: Parameters<DataApi['pauseTimer']>[0]): Promise<Session> {
    const parsed = parse(TimerIdInputSchema, input, 'timer pause');
    return journaledTimer(this.core, 'update', async ({ db, now, journal }) => {
      const running = await this.#requireRunning(db, parsed.id);
      if (running.pauseStartedAt !== null) throw new AppError('CONFLICT', 'This timer is already paused');
      const at = Math.max(running.startTime, parsed.at ?? now);
      journal.label = `Pause ${labelName(running)}`;
      await journal.touch('activities', [running.id]);
      return { result: await sessions.startPause(db, running, at, now), ids: [running.id] };
    });
  }

  resumeTimer(input: Parameters<DataApi['resumeTimer']>[0]): Promise<Session> {
    const parsed = parse(TimerIdInputSchema, input, 'timer resume');
    return journaledTimer(this.core, 'update', async ({ db, now, journal }) => {
      const running = await this.#requireRunning(db, parsed.id);
      if (running.pauseStartedAt === null) throw new AppError('CONFLICT', 'This timer is not paused');
      journal.label = `Resume ${labelName(running)}`;
      await journal.touch('activities', [running.id]);
      return {
        result: await sessions.endPause(db, running, Math.max(running.pauseStartedAt, parsed.at ?? now), now),
        ids: [running.id],
      };
    });
  }

  runningTimer(): Promise<Session | null> {
    return this.core.read((db) => sessions.findRunning(db, this.#onDamaged));
  }

  sessionsInRange(input: Parameters<DataApi['sessionsInRange']>[0]) {
    const parsed = parse(SessionsInRangeInputSchema, input, 'session list');
    return this.core.read((db) => sessions.listOverlapping(db, parsed, this.#onDamaged));
  }

  listSessions(input: Parameters<DataApi['listSessions']>[0]) {
    const parsed = parse(ListSessionsInputSchema, input, 'session list');
    return this.core.read((db) => listSessions(db, parsed, this.#onDamaged));
  }

  getSession(id: string): Promise<Session> {
    const parsedId = parse(IdSchema, id, 'session id');
    return this.core.read((db) => sessions.requireSession(db, parsedId, this.#onDamaged));
  }

  deleteSession(id: string): Promise<Session> {
    const parsedId = parse(IdSchema, id, 'session id');
    return journaledTimer(this.core, 'delete', async ({ db, now, journal }) => {
      const found = await sessions.requireSession(db, parsedId, this.#onDamaged);
      if (found.deletedAt !== null) return { result: found, ids: [] };
      journal.label = `Delete ${labelName(found)}`;
      await journal.touch('activities', [parsedId]);
      return { result: await sessions.setDeleted(db, parsedId, now, now), ids: [parsedId] };
    });
  }

  restoreSession(id: string): Promise<Session> {
    const parsedId = parse(IdSchema, id, 'session id');
    return journaledTimer(this.core, 'update', async ({ db, now, journal }) => {
      const found = await sessions.requireSession(db, parsedId, this.#onDamaged);
      if (found.deletedAt === null) return { result: found, ids: [] };
      if (found.endTime === null && (await sessions.findRunning(db))) {
        throw new AppError('CONFLICT', 'Another timer is running; stop it before restoring this one');
      }
      journal.label = `Restore ${labelName(found)}`;
      await journal.touch('activities', [parsedId]);
      return { result: await sessions.setDeleted(db, parsedId, null, now), ids: [parsedId] };
    });
  }

  insertSessions(input: Parameters<DataApi['insertSessions']>[0]): Promise<number> {
    const parsed = parse(NewSessionsSchema, input, 'sessions');
    return this.core.write('activities', 'insert', async (db, now) => {
      const inserted = await sessions.insertSessions(db, parsed, now);
      // imports are not journaled: they tell the reports' roll-up which span to recompute themselves
      if (parsed.length > 0) {
        let from = Infinity;
        let to = -Infinity;
        for (const s of parsed) {
          from = Math.min(from, s.startTime);
          to = Math.max(to, s.endTime ?? s.startTime);
        }
        await markDirty(db, from, to);
      }
      return { result: inserted, ids: [] };
    });
  }

  async #requireRunning(db: Database, id: string): Promise<Session> {
    const found = await sessions.requireSession(db, id, this.#onDamaged);
    if (found.deletedAt !== null) throw new AppError('NOT_FOUND', 'This session was deleted', { id });
    if (found.endTime !== null) throw new AppError('CONFLICT', 'This timer is already stopped', { id });
    return found;
  }
}

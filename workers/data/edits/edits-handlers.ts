import type { DataApi, EditsApi } from '../../../shared/data-contract.ts';
import { AppError } from '../../../shared/errors.ts';
import { newId } from '../../../shared/ids.ts';
import {
  AddSessionInputSchema,
  BulkDeleteInputSchema,
  BulkUpdateInputSchema,
  ContinueSessionInputSchema,
  DuplicateSessionInputSchema,
  MergeSessionsInputSchema,
  SplitSessionInputSchema,
  UpdateSessionInputSchema,
  type EditResult,
} from '../../../shared/session-edits.ts';
import { endForWorked, endOf, mergeSpans, resize, shift, splitSpan, type Span } from '../../../shared/session-math.ts';
import type { Session } from '../../../shared/session.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { requireLiveProject } from '../projects/projects.ts';
import { settleOverlaps } from '../sessions/overlaps.ts';
import * as sessions from '../sessions/sessions.ts';
import { resolveTagNames, setSessionTags } from '../tags/tags.ts';
import { checkSpan, fmt, journaledWrite, labelName, type EditContext } from '../undo/journaled-write.ts';
import { bulkUpdate } from './bulk-edits.ts';

/** Corrections to sessions: each one journaled (undoable) transaction. */
export class EditsHandlers implements EditsApi {
  readonly #onDamaged: sessions.OnDamaged;

  constructor(private readonly core: Core) {
    this.#onDamaged = (table, id, issues) => core.reportDamaged(table, id, issues);
  }

  async #live(ctx: EditContext, id: string): Promise<Session> {
    const a = await sessions.requireSession(ctx.db, id, this.#onDamaged);
    if (a.deletedAt !== null) throw new AppError('NOT_FOUND', 'This session was deleted', { id });
    return a;
  }

  updateSession(input: Parameters<DataApi['updateSession']>[0]): Promise<EditResult> {
    const { id, patch, overlap } = parse(UpdateSessionInputSchema, input, 'session change');
    return journaledWrite(this.core, async (ctx) => {
      const { db, now, journal } = ctx;
      const a = await this.#live(ctx, id);
      journal.label = `Edit ${labelName(patch.name !== undefined ? { name: patch.name } : a)}`;
      await journal.touch('activities', [id]);
      if (patch.endTime === null && a.endTime !== null)
        throw new AppError('VALIDATION', 'A finished session needs an end time');
      if (patch.durationMs !== undefined && a.endTime === null && patch.endTime === undefined) {
        throw new AppError('VALIDATION', 'A running session has no duration yet; change its start instead');
      }
      const start = patch.startTime ?? a.startTime;
      let end = patch.endTime !== undefined ? patch.endTime : a.endTime;
      if (patch.durationMs !== undefined)
        end = endForWorked(
          { ...a, startTime: start, pauses: a.pauses.filter((p) => p.start >= start) },
          patch.durationMs,
        );
      const timesChanged = start !== a.startTime || end !== a.endTime;
      const span = timesChanged ? resize(a, start, end) : null;
      if (span) checkSpan(span, now);
      if (patch.projectId) await requireLiveProject(db, patch.projectId);
      await sessions.patchSession(
        db,
        id,
        {
          ...(span ?? {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          ...(patch.projectId !== undefined ? { projectId: patch.projectId } : {}),
          ...(patch.billable !== undefined ? { billable: patch.billable } : {}),
        },
        now,
      );
      if (patch.tags) await setSessionTags(db, id, await resolveTagNames(db, patch.tags, journal, now));
      const settled = timesChanged
        ? await settleOverlaps(db, journal, [id], overlap, now)
        : { overlaps: [], trimmed: [] };
      return { written: [id], ...settled };
    });
  }

  addSession(input: Parameters<DataApi['addSession']>[0]): Promise<EditResult> {
    const p = parse(AddSessionInputSchema, input, 'session');
    return journaledWrite(this.core, async ({ db, now, journal }) => {
      const end = p.endTime ?? p.startTime + p.durationMs!;
      if (end <= p.startTime)
        throw new AppError(
          'VALIDATION',
          end === p.startTime ? 'A session must last longer than zero' : 'The end must not be before the start',
        );
      const span: Span = { startTime: p.startTime, endTime: end, pausedMs: 0, pauseStartedAt: null, pauses: [] };
      checkSpan(span, now);
      if (p.projectId !== null) await requireLiveProject(db, p.projectId);
      const id = newId();
      journal.label = `Add ${labelName(p)}`;
      await journal.touch('activities', [id]);
      await sessions.insertSession(
        db,
        {
          ...span,
          id,
          name: p.name,
          description: p.description,
          projectId: p.projectId,
          billable: p.billable,
          isManual: true,
          source: p.source,
        },
        now,
      );
      await setSessionTags(db, id, await resolveTagNames(db, p.tags, journal, now));
      return { written: [id], ...(await settleOverlaps(db, journal, [id], p.overlap, now)) };
    });
  }

  splitSession(input: Parameters<DataApi['splitSession']>[0]): Promise<EditResult> {
    const { id, at } = parse(SplitSessionInputSchema, input, 'split');
    return journaledWrite(this.core, async (ctx) => {
      const { db, now, journal } = ctx;
      const a = await this.#live(ctx, id);
      const end = endOf(a, now);
      const outside = at.find((t) => t <= a.startTime || t >= end);
      if (outside !== undefined) {
        throw new AppError('VALIDATION', 'Split times must be inside the session', {
          at: fmt(outside),
          start: fmt(a.startTime),
          end: fmt(end),
        });
      }
      const pieces = splitSpan(a, at, now);
      const ids = [id, ...pieces.slice(1).map(() => newId())];
      journal.label = `Split ${labelName(a)}`;
      await journal.touch('activities', ids);
      await sessions.patchSession(db, id, pieces[0]!, now);
      for (let i = 1; i < pieces.length; i++) {
        await sessions.insertSession(
          db,
          {
            ...pieces[i]!,
            id: ids[i]!,
            name: a.name,
            description: a.description,
            projectId: a.projectId,
            billable: a.billable,
            isManual: a.isManual,
            source: 'split',
          },
          now,
        );
        await setSessionTags(db, ids[i]!, a.tagIds);
      }
      return { written: ids };
    });
  }

  mergeSessions(input: Parameters<DataApi['mergeSessions']>[0]): Promise<EditResult> {
    const { ids, overlap } = parse(MergeSessionsInputSchema, input, 'merge');
    return journaledWrite(this.core, async ({ db, now, journal }) => {
      const list = await sessions.requireSessions(db, ids, this.#onDamaged);
      const deleted = list.find((a) => a.deletedAt !== null);
      if (deleted) throw new AppError('NOT_FOUND', 'One of these sessions was deleted', { id: deleted.id });
      const sorted = [...list].sort((x, y) => x.startTime - y.startTime || x.id.localeCompare(y.id));
      const running = sorted.find((a) => a.endTime === null);
      if (running && sorted.some((a) => a !== running && endOf(a, now) > endOf(running, now))) {
        throw new AppError('VALIDATION', 'The running timer must be the last of the merged sessions');
      }
      const keep = sorted[0]!;
      const span = mergeSpans(sorted, now);
      checkSpan(span, now);
      journal.label = `Merge ${sorted.length} sessions`;
      await journal.touch(
        'activities',
        sorted.map((a) => a.id),
      );
      const descriptions = [...new Set(sorted.map((a) => a.description.trim()).filter(Boolean))];
      await sessions.patchSession(
        db,
        keep.id,
        {
          ...span,
          name: sorted.find((a) => a.name.trim())?.name ?? keep.name,
          description: descriptions.join('\n').slice(0, 10_000),
          projectId: keep.projectId ?? sorted.find((a) => a.projectId)?.projectId ?? null,
          billable: keep.billable,
        },
        now,
      );
      await db.run(`UPDATE activities SET source = 'merge' WHERE id = ?`, [keep.id]);
      await setSessionTags(db, keep.id, [...new Set(sorted.flatMap((a) => a.tagIds))].sort());
      for (const a of sorted.slice(1)) await sessions.patchSession(db, a.id, { deletedAt: now }, now);
      return { written: [keep.id], ...(await settleOverlaps(db, journal, [keep.id], overlap, now)) };
    });
  }

  duplicateSession(input: Parameters<DataApi['duplicateSession']>[0]): Promise<EditResult> {
    const p = parse(DuplicateSessionInputSchema, input, 'duplicate');
    return journaledWrite(this.core, async (ctx) => {
      const { db, now, journal } = ctx;
      const a = await this.#live(ctx, p.id);
      if (a.endTime === null) throw new AppError('VALIDATION', 'Stop the timer before duplicating it');
      const span = shift(a, (p.startTime ?? a.endTime) - a.startTime);
      checkSpan(span, now);
      const id = newId();
      journal.label = `Duplicate ${labelName(a)}`;
      await journal.touch('activities', [id]);
      await sessions.insertSession(
        db,
        {
          ...span,
          id,
          name: a.name,
          description: a.description,
          projectId: a.projectId,
          billable: a.billable,
          isManual: true,
          source: a.source,
        },
        now,
      );
      await setSessionTags(db, id, a.tagIds);
      return { written: [id], ...(await settleOverlaps(db, journal, [id], p.overlap, now)) };
    });
  }

  continueSession(input: Parameters<DataApi['continueSession']>[0]): Promise<EditResult> {
    const { id } = parse(ContinueSessionInputSchema, input, 'continue');
    return journaledWrite(this.core, async ({ db, now, journal }) => {
      const a = await sessions.requireSession(db, id, this.#onDamaged);
      if (a.endTime === null && a.deletedAt === null) throw new AppError('CONFLICT', 'This session is already running');
      const running = await sessions.findRunning(db, this.#onDamaged);
      const newIdValue = newId();
      journal.label = `Continue ${labelName(a)}`;
      await journal.touch('activities', running ? [running.id, newIdValue] : [newIdValue]);
      if (running) await sessions.closeSession(db, running, Math.max(running.startTime, now), now);
      const project = a.projectId ? await requireLiveProject(db, a.projectId).catch(() => null) : null;
      await sessions.insertSession(
        db,
        {
          id: newIdValue,
          name: a.name,
          description: a.description,
          projectId: project?.id ?? null,
          billable: a.billable,
          startTime: now,
          endTime: null,
          pausedMs: 0,
          pauseStartedAt: null,
          pauses: [],
          isManual: false,
          source: 'timer',
        },
        now,
      );
      await setSessionTags(db, newIdValue, a.tagIds);
      return { written: [newIdValue], trimmed: running ? [running.id] : [] };
    });
  }

  bulkUpdate(input: Parameters<DataApi['bulkUpdate']>[0]): Promise<EditResult> {
    const p = parse(BulkUpdateInputSchema, input, 'bulk change');
    return journaledWrite(this.core, (ctx) => bulkUpdate(ctx, p, this.#onDamaged));
  }

  bulkDelete(input: Parameters<DataApi['bulkDelete']>[0]): Promise<EditResult> {
    const { ids } = parse(BulkDeleteInputSchema, input, 'bulk delete');
    return journaledWrite(this.core, async ({ db, now, journal }) => {
      const list = await sessions.requireSessions(db, ids, this.#onDamaged);
      const live = list.filter((a) => a.deletedAt === null).map((a) => a.id);
      journal.label = list.length === 1 ? `Delete ${labelName(list[0]!)}` : `Delete ${live.length} sessions`;
      await journal.touch('activities', live);
      await db.run(
        'UPDATE activities SET deleted_at = ?, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))',
        [now, now, JSON.stringify(live)],
      );
      return { written: live };
    });
  }
}

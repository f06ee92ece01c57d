import {
  GapEventInputSchema,
  HeartbeatInputSchema,
  RecordGapInputSchema,
  ResolveGapInputSchema,
  ResolveGapsInputSchema,
  type AwayGap,
  type GapChoice,
  type GapEntry,
  type GapOutcome,
  type ResolveOutcome,
} from '../../../shared/away.ts';
import type { Change } from '../../../shared/changes.ts';
import type { AwayApi, DataApi } from '../../../shared/data-contract.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings } from '../settings/settings.ts';
import type { Database } from '../storage/sqlite.ts';
import { record } from '../undo/journal.ts';
import * as away from './away.ts';
import * as events from './gap-events.ts';
import { resolveGap } from './resolve.ts';

type Written = { result: GapOutcome; ids: string[]; also?: Omit<Change, 'origin'>[] };

/** Away time: gap events from every window's presence sources, the review's list, and its choices (undoable). */
export class AwayHandlers implements AwayApi {
  readonly #onDamaged: away.OnDamagedGap;

  constructor(private readonly core: Core) {
    this.#onDamaged = (table, id, issues) => core.reportDamaged(table, id, issues);
  }

  gapStarted(input: Parameters<DataApi['gapStarted']>[0]) {
    const p = parse(GapEventInputSchema, input, 'away start');
    return this.#event((db, now, s) => events.gapStarted(db, p.source, p.at, now, s));
  }

  gapEnded(input: Parameters<DataApi['gapEnded']>[0]) {
    const p = parse(GapEventInputSchema, input, 'away end');
    return this.#event((db, now, s) => events.gapEnded(db, p.source, p.at, now, s, p.ifOpen));
  }

  recordGap(input: Parameters<DataApi['recordGap']>[0]) {
    const p = parse(RecordGapInputSchema, input, 'away time');
    return this.#event((db, now, s) => events.recordGap(db, p.source, p.start, p.end, now, s));
  }

  heartbeat(input: Parameters<DataApi['heartbeat']>[0]) {
    const p = parse(HeartbeatInputSchema, input, 'heartbeat');
    return this.#event((db, now, s) => events.heartbeat(db, p.at, now, s));
  }

  pendingGaps(): Promise<AwayGap[]> {
    return this.core.read((db) => away.pendingGaps(db, this.#onDamaged));
  }

  resolveGap(input: Parameters<DataApi['resolveGap']>[0]): Promise<ResolveOutcome> {
    const p = parse(ResolveGapInputSchema, input, 'away review');
    return this.#resolve([p.id], p.choice, p.entry, true);
  }

  resolveGaps(input: Parameters<DataApi['resolveGaps']>[0]): Promise<ResolveOutcome> {
    const p = parse(ResolveGapsInputSchema, input, 'away review');
    return this.#resolve(p.ids, p.choice, undefined, false);
  }

  /**
   * One review: every gap named, oldest first (a discard of the first may leave nothing of the session for the
   * next), in one journaled transaction. A gap another window reviewed already is refused when named alone and
   * skipped in "apply to all".
   */
  #resolve(ids: readonly string[], choice: GapChoice, entry: GapEntry | undefined, alone: boolean) {
    return this.core.write('away_gaps', 'update', async (db, now) => {
      const gaps: AwayGap[] = [];
      for (const id of new Set(ids)) gaps.push(await away.requireGap(db, id, this.#onDamaged));
      const pending = gaps.filter((g) => g.state === 'pending').sort((a, b) => a.start - b.start);
      if (alone && pending.length === 0)
        throw new AppError('CONFLICT', 'This away time was already reviewed (in another window, perhaps)', {
          id: ids[0],
        });
      const written = new Set<string>();
      let action: ActionRef | null = null;
      let tags = false;
      // nothing left to review: no action (a new one would also empty the redo stack)
      if (pending.length > 0) {
        const journal = await record(db, now);
        let label = '';
        for (const gap of pending) {
          const out = await resolveGap({ db, now, journal }, gap, choice, entry);
          for (const id of out.written) written.add(id);
          label = out.label;
        }
        journal.label = pending.length > 1 ? `${pending.length} away times ${choiceWord(choice)}` : label;
        action = await journal.finish(now);
        tags = journal.tables.has('tags');
      }
      // one statement at a time on the one connection
      const after: AwayGap[] = [];
      for (const g of gaps) after.push(await away.requireGap(db, g.id));
      const result = { gaps: after, action };
      return {
        result,
        ids: pending.map((g) => g.id),
        also: [
          { table: 'activities', op: 'update', ids: [...written] },
          ...(tags ? [{ table: 'tags' as const, op: 'insert' as const, ids: [] }] : []),
        ],
      };
    });
  }

  /** A gap event in one transaction; a setting that decides at once (lock/sleep) acts in the same transaction. */
  #event(fn: (db: Database, now: number, s: Awaited<ReturnType<typeof readSettings>>) => Promise<events.Settled>) {
    return this.core.write('away_gaps', 'update', async (db, now): Promise<Written> => {
      const s = await readSettings(db, this.core.onBadSetting);
      const settled = await fn(db, now, s);
      const gap = settled.gap;
      if (!gap || gap.state !== 'pending' || settled.policy === 'ask')
        return { result: { gap, action: null }, ids: gap ? [gap.id] : [] };
      if (settled.policy === 'keep') {
        await away.patchGap(db, gap.id, { state: 'resolved', choice: 'keep' }, now);
        return { result: { gap: await away.requireGap(db, gap.id), action: null }, ids: [gap.id] };
      }
      // "discard automatically": the away time is cut out as a pause, undoable like a choice in the review
      const journal = await record(db, now);
      const out = await resolveGap({ db, now, journal }, gap, 'discard-continue');
      journal.label = `${out.label} automatically`;
      const action = await journal.finish(now);
      return {
        result: { gap: await away.requireGap(db, gap.id), action },
        ids: [gap.id],
        also: [{ table: 'activities', op: 'update', ids: out.written }],
      };
    });
  }
}

function choiceWord(choice: string): string {
  return choice === 'keep'
    ? 'kept'
    : choice === 'discard'
      ? 'discarded'
      : choice === 'break'
        ? 'marked as breaks'
        : 'cut out';
}

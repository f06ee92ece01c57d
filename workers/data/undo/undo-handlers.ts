import type { Change } from '../../../shared/changes.ts';
import type { DataApi, UndoApi } from '../../../shared/data-contract.ts';
import { UndoInputSchema } from '../../../shared/undo.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { journalReplayed } from '../reports/dirty.ts';
import { replay, undoState } from './journal.ts';

/** Undo and redo of any journaled action (sessions, projects, tags, goals), and what the stacks hold. */
export class UndoHandlers implements UndoApi {
  constructor(private readonly core: Core) {}

  undo(input?: Parameters<DataApi['undo']>[0]) {
    const parsed = parse(UndoInputSchema, input, 'undo');
    return this.#replay('undo', parsed.actionId);
  }

  redo() {
    return this.#replay('redo');
  }

  #replay(direction: 'undo' | 'redo', actionId?: number) {
    return this.core.write('activities', 'update', async (db) => {
      const done = await replay(db, direction, actionId);
      await journalReplayed(db, done.action.id);
      const state = await undoState(db);
      // every table the action touched is announced (an undone project rename must reach the Projects view too);
      // sessions with their ids unless there are too many, then without (readers reload the view)
      const ids = done.sessionIds.length > 2_000 ? [] : done.sessionIds;
      const also: Omit<Change, 'origin'>[] = done.tables
        .filter((t) => t !== 'activities' || ids.length === 0)
        .map((t) => ({ table: t, op: 'update', ids: t === 'tags' ? done.tagIds : [] }));
      return { result: { action: done.action, sessionIds: done.sessionIds, state }, ids, also };
    });
  }

  undoState() {
    return this.core.read((db) => undoState(db));
  }
}

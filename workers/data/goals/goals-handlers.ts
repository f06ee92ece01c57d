import * as v from 'valibot';

import type { DataApi, GoalsApi } from '../../../shared/data-contract.ts';
import { CreateGoalInputSchema, UpdateGoalInputSchema } from '../../../shared/goal.ts';
import { EpochMsSchema, IdSchema } from '../../../shared/ids.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings } from '../settings/settings.ts';
import { journaledChange } from '../undo/journaled-write.ts';
import * as goals from './goals.ts';

/** Goals and their progress: every change one journaled (undoable) transaction. */
export class GoalsHandlers implements GoalsApi {
  constructor(private readonly core: Core) {}

  listGoals() {
    return this.core.read((db) => goals.listGoals(db, (t, id, issues) => this.core.reportDamaged(t, id, issues)));
  }

  createGoal(input: Parameters<DataApi['createGoal']>[0]) {
    const p = parse(CreateGoalInputSchema, input, 'goal');
    return journaledChange(this.core, 'goals', (ctx) => goals.createGoal(ctx, p as Required<typeof p>));
  }

  updateGoal(input: Parameters<DataApi['updateGoal']>[0]) {
    const p = parse(UpdateGoalInputSchema, input, 'goal change');
    return journaledChange(this.core, 'goals', (ctx) => goals.updateGoal(ctx, p));
  }

  deleteGoal(id: string) {
    const goalId = parse(IdSchema, id, 'goal id');
    return journaledChange(this.core, 'goals', async (ctx) => {
      await goals.deleteGoal(ctx, goalId);
      return null;
    });
  }

  goalProgress(input?: Parameters<DataApi['goalProgress']>[0]) {
    const p = parse(v.optional(v.object({ at: v.optional(EpochMsSchema) }), {}), input, 'goal progress');
    return this.core.read(async (db) => {
      const now = this.core.clock();
      const settings = await readSettings(db, this.core.onBadSetting);
      const list = await goals.listGoals(db, (t, id, issues) => this.core.reportDamaged(t, id, issues));
      return goals.goalProgress(db, list, p.at ?? now, now, settings.weekStart);
    });
  }
}

import type { DataApi } from '../../shared/data-contract.ts';
import { CreateGoalInputSchema, UpdateGoalInputSchema } from '../../shared/goal.ts';
import { IdSchema } from '../../shared/ids.ts';
import { ArchiveProjectInputSchema, DeleteProjectInputSchema, MergeProjectsInputSchema, UpdateProjectInputSchema } from '../../shared/project.ts';
import { CreateTagInputSchema, MergeTagsInputSchema, UpdateTagInputSchema } from '../../shared/tag.ts';
import { parse } from '../../shared/validate.ts';
import * as v from 'valibot';
import { EpochMsSchema } from '../../shared/ids.ts';
import type { Core } from './core.ts';
import { journaledChange } from './edit-write.ts';
import * as goals from './goals.ts';
import * as projectEdits from './project-edits.ts';
import { readSettings } from './settings.ts';
import * as tags from './tags.ts';

type Api<K extends keyof DataApi> = Pick<DataApi, K>;
type Methods = 'updateProject' | 'archiveProject' | 'deleteProject' | 'mergeProjects' | 'projectTotals' | 'createTag' |
  'updateTag' | 'deleteTag' | 'mergeTags' | 'listGoals' | 'createGoal' | 'updateGoal' | 'deleteGoal' | 'goalProgress';

/** The user's structure: projects, tags and goals. Every change is one journaled (undoable) transaction. */
export class Structure implements Api<Methods> {
  constructor(private readonly core: Core) {}

  updateProject(input: Parameters<DataApi['updateProject']>[0]) {
    const p = parse(UpdateProjectInputSchema, input, 'project change');
    return journaledChange(this.core, 'projects', (ctx) => projectEdits.updateProject(ctx, p.id, p.patch));
  }

  archiveProject(input: Parameters<DataApi['archiveProject']>[0]) {
    const p = parse(ArchiveProjectInputSchema, input, 'archive');
    return journaledChange(this.core, 'projects', (ctx) => projectEdits.archiveProject(ctx, p.id, p.archived));
  }

  deleteProject(input: Parameters<DataApi['deleteProject']>[0]) {
    const p = parse(DeleteProjectInputSchema, input, 'project delete');
    return journaledChange(this.core, 'projects', async (ctx) => {
      await projectEdits.deleteProject(ctx, p);
      return null;
    });
  }

  mergeProjects(input: Parameters<DataApi['mergeProjects']>[0]) {
    const p = parse(MergeProjectsInputSchema, input, 'project merge');
    return journaledChange(this.core, 'projects', (ctx) => projectEdits.mergeProjects(ctx, p.from, p.into));
  }

  projectTotals() {
    return this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      return projectEdits.projectTotals(db, this.core.clock(), settings.weekStart);
    });
  }

  createTag(input: Parameters<DataApi['createTag']>[0]) {
    const p = parse(CreateTagInputSchema, input, 'tag');
    return journaledChange(this.core, 'tags', (ctx) => tags.createTag(ctx, p));
  }

  updateTag(input: Parameters<DataApi['updateTag']>[0]) {
    const p = parse(UpdateTagInputSchema, input, 'tag change');
    return journaledChange(this.core, 'tags', (ctx) => tags.updateTag(ctx, p.id, p.patch));
  }

  deleteTag(id: string) {
    const tagId = parse(IdSchema, id, 'tag id');
    return journaledChange(this.core, 'tags', async (ctx) => {
      await tags.deleteTag(ctx, tagId);
      return null;
    });
  }

  mergeTags(input: Parameters<DataApi['mergeTags']>[0]) {
    const p = parse(MergeTagsInputSchema, input, 'tag merge');
    return journaledChange(this.core, 'tags', (ctx) => tags.mergeTags(ctx, p.from, p.into));
  }

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

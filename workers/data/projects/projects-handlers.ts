import type { DataApi, ProjectsApi } from '../../../shared/data-contract.ts';
import { newId } from '../../../shared/ids.ts';
import {
  ArchiveProjectInputSchema,
  CreateProjectInputSchema,
  DeleteProjectInputSchema,
  MergeProjectsInputSchema,
  UpdateProjectInputSchema,
} from '../../../shared/project.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings } from '../settings/settings.ts';
import { journaledChange } from '../undo/journaled-write.ts';
import * as projectEdits from './project-edits.ts';
import * as projects from './projects.ts';

/** Projects: a tree of them, each change one journaled (undoable) transaction. */
export class ProjectsHandlers implements ProjectsApi {
  constructor(private readonly core: Core) {}

  createProject(input: Parameters<DataApi['createProject']>[0]) {
    const parsed = parse(CreateProjectInputSchema, input, 'project');
    return journaledChange(this.core, 'projects', async ({ db, now, journal }) => {
      const id = newId();
      journal.label = `Create project “${parsed.name}”`;
      await journal.touch('projects', [id]);
      return projects.insertProject(db, parsed, now, id);
    }).then((r) => r.value);
  }

  listProjects() {
    return this.core.read((db) => projects.listProjects(db, (t, id, issues) => this.core.reportDamaged(t, id, issues)));
  }

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
}

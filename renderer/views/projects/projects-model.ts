import { atom } from 'nanostores';

import type { ChangeResult } from '../../../shared/data-contract.ts';
import { toAppError, type AppError } from '../../../shared/errors.ts';
import type { CreateGoalInput } from '../../../shared/goal.ts';
import type {
  CreateProjectInput,
  DeleteProjectInput,
  Project,
  ProjectPatch,
  ProjectTotals,
} from '../../../shared/project.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import type { CreateTagInput, Tag, UpdateTagInput } from '../../../shared/tag.ts';
import type { DataClient } from '../../services/data-client.ts';
import { CoalescedRead } from '../../state/coalesced.ts';

/**
 * The Projects view's state: projects with their totals, and tags. Reloaded on every change to projects, tags or
 * sessions from any window. Each action answers the undoable action (for the Undo toast) or throws an AppError.
 */
export class ProjectsModel {
  readonly $projects = atom<Project[]>([]);
  readonly $totals = atom<ProjectTotals[]>([]);
  readonly $tags = atom<Tag[]>([]);
  readonly $loaded = atom(false);
  readonly $loadError = atom<AppError | null>(null);

  readonly #client: DataClient;
  readonly #reads = new CoalescedRead(
    async () => {
      const [projects, totals, tags] = await Promise.all([
        this.#client.data.listProjects(),
        this.#client.data.projectTotals(),
        this.#client.data.listTags(),
      ]);
      this.$projects.set(projects);
      this.$totals.set(totals);
      this.$tags.set(tags);
      this.$loadError.set(null);
      this.$loaded.set(true);
    },
    (error) => this.$loadError.set(toAppError(error)),
  );

  constructor(client: DataClient) {
    this.#client = client;
  }

  connect(): () => void {
    const stop = this.#client.watch(['activities', 'projects', 'tags', 'settings'], () => this.reload());
    void this.reload();
    return stop;
  }

  reload(): Promise<void> {
    return this.#reads.run();
  }

  async createProject(input: CreateProjectInput): Promise<Project> {
    const project = await this.#client.data.createProject(input);
    await this.reload();
    return project;
  }

  updateProject(id: string, patch: ProjectPatch): Promise<ActionRef | null> {
    return this.#act(this.#client.data.updateProject({ id, patch }));
  }

  archiveProject(id: string, archived: boolean): Promise<ActionRef | null> {
    return this.#act(this.#client.data.archiveProject({ id, archived }));
  }

  /** CONFLICT (details.sessions) when the project has sessions and the input does not say what becomes of them. */
  deleteProject(input: DeleteProjectInput): Promise<ActionRef | null> {
    return this.#act(this.#client.data.deleteProject(input));
  }

  mergeProjects(from: string, into: string): Promise<ActionRef | null> {
    return this.#act(this.#client.data.mergeProjects({ from, into }));
  }

  createTag(input: CreateTagInput): Promise<ActionRef | null> {
    return this.#act(this.#client.data.createTag(input));
  }

  updateTag(input: UpdateTagInput): Promise<ActionRef | null> {
    return this.#act(this.#client.data.updateTag(input));
  }

  deleteTag(id: string): Promise<ActionRef | null> {
    return this.#act(this.#client.data.deleteTag(id));
  }

  mergeTags(from: string, into: string): Promise<ActionRef | null> {
    return this.#act(this.#client.data.mergeTags({ from, into }));
  }

  /** Creates a goal (id null) or replaces an existing goal's fields. */
  saveGoal(id: string | null, input: CreateGoalInput): Promise<ActionRef | null> {
    return this.#act(
      id
        ? this.#client.data.updateGoal({ id, patch: input as Required<CreateGoalInput> })
        : this.#client.data.createGoal(input),
    );
  }

  deleteGoal(id: string): Promise<ActionRef | null> {
    return this.#act(this.#client.data.deleteGoal(id));
  }

  /** Waits for a change, then reloads so this view shows it at once (the broadcast refreshes other windows). */
  async #act<T>(call: Promise<ChangeResult<T>>): Promise<ActionRef | null> {
    const result = await call;
    await this.reload();
    return result.action;
  }
}

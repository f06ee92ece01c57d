import { atom } from 'nanostores';

import { CHANGED_TABLES } from '../../shared/changes.ts';
import { localDayRange } from '../../shared/day.ts';
import { toAppError, type AppError } from '../../shared/errors.ts';
import type { Project } from '../../shared/project.ts';
import type { Session } from '../../shared/session.ts';
import { isRecoveryError, type DataClient } from '../services/data-client.ts';
import { CoalescedRead } from './coalesced.ts';

/**
 * UI state of the timer, held in nanostores: the running session, projects, a ticking clock
 * and the last error. All data comes from the data worker; this only asks and listens.
 */
export class TimerModel {
  readonly $running = atom<Session | null>(null);
  readonly $projects = atom<Project[]>([]);
  readonly $now = atom(Date.now());
  readonly $loaded = atom(false);
  readonly $busy = atom(false);
  readonly $error = atom<AppError | null>(null);

  readonly #client: DataClient;
  readonly #clock: () => number;
  #ticker: ReturnType<typeof setInterval> | null = null;
  #dayFrom = 0;
  readonly #reloads = new CoalescedRead(
    () => this.#read(),
    (error) => this.#fail(error),
  );
  #disconnect: (() => void) | null = null;

  /**
   * Cached Jira issues for what is being typed, when its last word looks like the start of an issue key (capitals,
   * maybe a dash and digits) or is the start of a summary after one; [] otherwise, when none are cached, or on failure.
   */
  async jiraIssues(text: string): Promise<{ key: string; summary: string }[]> {
    const word = /(?:^|\s)([A-Z][A-Z0-9_]+(?:-\d*)?)$/.exec(text)?.[1];
    if (!word) return [];
    return this.#client.data.jiraSearchIssues({ query: word, limit: 8 }).catch(() => []);
  }

  constructor(client: DataClient, clock: () => number = Date.now) {
    this.#client = client;
    this.#clock = clock;
  }

  /** Loads state and keeps it fresh: on every committed change (any window) and after a worker restart. */
  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.#client.watch(CHANGED_TABLES, () => this.reload());
      this.#disconnect = () => {
        stopWatching();
        this.#setTicking(false);
        this.#disconnect = null;
      };
      void this.reload();
    }
    return this.#disconnect;
  }

  /** Re-reads everything; concurrent calls coalesce into at most one more read. */
  reload(): Promise<void> {
    return this.#reloads.run();
  }

  /** Starts a timer. A project typed by name is created when it does not exist yet. */
  start(name: string, projectName = ''): Promise<void> {
    return this.#act(async () => {
      const projectId = await this.projectIdFor(projectName.trim());
      const started = await this.#client.data.startTimer({ name, projectId });
      this.$running.set(started);
    });
  }

  stop(): Promise<void> {
    return this.#act(async () => {
      const running = this.$running.get();
      if (running) await this.#client.data.stopTimer({ id: running.id });
      this.$running.set(null);
    });
  }

  togglePause(): Promise<void> {
    return this.#act(async () => {
      const running = this.$running.get();
      if (!running) return;
      const updated =
        running.pauseStartedAt === null
          ? await this.#client.data.pauseTimer({ id: running.id })
          : await this.#client.data.resumeTimer({ id: running.id });
      this.$running.set(updated);
    });
  }

  /** Shows an error, unless it only says the database needs recovery: the recovery screen says that instead. */
  #fail(error: unknown): void {
    if (!isRecoveryError(error)) this.$error.set(toAppError(error));
  }

  dismissError(): void {
    this.$error.set(null);
  }

  projectById(id: string | null): Project | undefined {
    return id === null ? undefined : this.$projects.get().find((p) => p.id === id);
  }

  /** The id of the project named (without case), created when it does not exist yet; null for no name. */
  async projectIdFor(projectName: string): Promise<string | null> {
    if (!projectName) return null;
    const lower = projectName.toLowerCase();
    const existing = this.$projects.get().find((p) => p.name.toLowerCase() === lower);
    if (existing) return existing.id;
    try {
      return (await this.#client.data.createProject({ name: projectName })).id;
    } catch (error) {
      // A name clash means another window created it a moment ago; anything else (a bad name) is the answer.
      if (toAppError(error).code !== 'CONFLICT') throw error;
      const again = (await this.#client.data.listProjects()).find((p) => p.name.toLowerCase() === lower);
      if (again) return again.id;
      throw error;
    }
  }

  /**
   * Runs a user action. Views refresh from the change the worker broadcasts after its commit (the same path that
   * carries other windows' changes), so a successful action does not reload twice; a failed one reloads, because
   * the failure often means the state moved underneath (another window stopped the timer, say).
   */
  async #act(fn: () => Promise<void>): Promise<void> {
    this.$busy.set(true);
    try {
      await fn();
      this.$error.set(null);
    } catch (error) {
      this.#fail(error);
      await this.reload();
    } finally {
      this.$busy.set(false);
    }
  }

  async #read(): Promise<void> {
    const now = this.#clock();
    const range = localDayRange(now);
    const [running, projects] = await Promise.all([this.#client.data.runningTimer(), this.#client.data.listProjects()]);
    this.#dayFrom = range.from;
    this.$projects.set(projects);
    this.$running.set(running);
    this.$now.set(now);
    this.$loaded.set(true);
    this.#setTicking(running !== null);
  }

  #setTicking(on: boolean): void {
    if (on && !this.#ticker) {
      this.#ticker = setInterval(() => {
        const now = this.#clock();
        this.$now.set(now);
        if (localDayRange(now).from !== this.#dayFrom) void this.reload(); // midnight passed
      }, 1000);
    } else if (!on && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }
}

import { atom, computed, type ReadableAtom, type WritableAtom } from 'nanostores';

import { addLocalDays } from '../../../shared/day.ts';
import { toAppError, type AppError } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/project.ts';
import type { AddSessionInput, EditResult, OverlapChoice, SessionPatch } from '../../../shared/session-edits.ts';
import type { Session } from '../../../shared/session.ts';
import { isRecoveryError, type DataClient } from '../../services/data-client.ts';
import { CoalescedRead } from '../../state/coalesced.ts';
import {
  keepUnchangedDays,
  layoutWeek,
  weekDays,
  weekStartOf,
  weekTotals,
  type Segment,
  type WeekDay,
  type WeekTotals,
} from './week-layout.ts';

/** A list page; a week of heavy use is a few hundred sessions, so a few pages cover any real week. */
const PAGE = 2_000;
const MAX_PAGES = 5;

export interface WeekModelOptions {
  /** 0 = Sunday, 1 = Monday (default) … settings will choose */
  weekStartsOn?: number;
  clock?: () => number;
}

/** Times a block shows while its change is on the way (or waiting for an overlap choice). */
export interface PendingTimes {
  startTime: number;
  endTime: number | null;
}

/**
 * The week view's state in nanostores: which week, its sessions and the projects. Everything comes from the data
 * worker; the model reloads on every committed change (any window) and after a worker restart, and ticks once a
 * minute so the running block and today's gaps follow the clock without the grid re-rendering every second.
 */
export class WeekModel {
  readonly weekStartsOn: number;
  readonly $weekStart: WritableAtom<number>;
  readonly $sessions = atom<Session[]>([]);
  readonly $projects = atom<Project[]>([]);
  readonly $now: WritableAtom<number>;
  readonly $loaded = atom(false);
  readonly $loadFailed = atom(false);
  readonly $loadError = atom<AppError | null>(null);
  readonly $damaged = atom(0);
  readonly $truncated = atom(false);
  /** blocks moved or resized whose change is not committed yet, by session id */
  readonly $pending = atom<Record<string, PendingTimes>>({});
  readonly $days: ReadableAtom<WeekDay[]>;
  /** each day's blocks, in lanes */
  readonly $layout: ReadableAtom<Segment[][]>;
  readonly $totals: ReadableAtom<WeekTotals>;
  /** the sessions as drawn: pending times laid over the stored ones */
  readonly $shown = computed([this.$sessions, this.$pending], (sessions, pending) =>
    sessions.map((s) => (pending[s.id] ? { ...s, ...pending[s.id] } : s)),
  );

  /** projects by id: a week's 500 blocks each look theirs up, and a user may have thousands */
  #projectIndex: { of: Project[] | null; byId: Map<string, Project> } = { of: null, byId: new Map() };
  readonly #client: DataClient;
  readonly #clock: () => number;
  #ticker: ReturnType<typeof setTimeout> | null = null;
  readonly #reloads = new CoalescedRead(
    () => this.#read(),
    (error) => {
      this.$loadFailed.set(true);
      // the recovery screen explains a file that needs recovery; anything else is this view's to say
      if (!isRecoveryError(error)) this.$loadError.set(toAppError(error));
    },
  );
  #disconnect: (() => void) | null = null;

  constructor(client: DataClient, options: WeekModelOptions = {}) {
    this.#client = client;
    this.#clock = options.clock ?? Date.now;
    this.weekStartsOn = options.weekStartsOn ?? 1;
    const now = this.#clock();
    this.$now = atom(now);
    this.$weekStart = atom(weekStartOf(now, this.weekStartsOn));
    this.$days = computed([this.$weekStart], (start) => weekDays(start));
    let laidOut: Segment[][] | null = null;
    this.$layout = computed(
      [this.$shown, this.$days, this.$now],
      (sessions, days, at) => (laidOut = keepUnchangedDays(laidOut, layoutWeek(sessions, days, at))),
    );
    this.$totals = computed([this.$shown, this.$days, this.$now], (sessions, days, at) =>
      weekTotals(sessions, days, at),
    );
  }

  /** Loads the week and keeps it fresh until the returned function is called. */
  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.#client.watch(['activities', 'projects'], () => this.reload());
      this.#disconnect = () => {
        stopWatching();
        if (this.#ticker) clearTimeout(this.#ticker);
        this.#ticker = null;
        this.#disconnect = null;
      };
      this.#tick();
      void this.reload();
    }
    return this.#disconnect;
  }

  get weekEnd(): number {
    return addLocalDays(this.$weekStart.get(), 7);
  }

  showWeekOf(ms: number): Promise<void> {
    const start = weekStartOf(ms, this.weekStartsOn);
    if (start === this.$weekStart.get()) return Promise.resolve();
    this.$weekStart.set(start);
    this.$sessions.set([]);
    this.$loaded.set(false);
    return this.reload();
  }

  previousWeek(): Promise<void> {
    return this.showWeekOf(addLocalDays(this.$weekStart.get(), -7));
  }

  nextWeek(): Promise<void> {
    return this.showWeekOf(addLocalDays(this.$weekStart.get(), 7));
  }

  thisWeek(): Promise<void> {
    return this.showWeekOf(this.#clock());
  }

  isThisWeek(): boolean {
    return weekStartOf(this.#clock(), this.weekStartsOn) === this.$weekStart.get();
  }

  /** Re-reads the week; concurrent calls coalesce into at most one more read. A failure shows in $loadError. */
  reload(): Promise<void> {
    return this.#reloads.run();
  }

  projectById(id: string | null): Project | undefined {
    if (id === null) return undefined;
    const projects = this.$projects.get();
    if (this.#projectIndex.of !== projects)
      this.#projectIndex = { of: projects, byId: new Map(projects.map((p) => [p.id, p])) };
    return this.#projectIndex.byId.get(id);
  }

  sessionById(id: string): Session | undefined {
    return this.$shown.get().find((s) => s.id === id);
  }

  /** Shows a block at new times until its change lands (or is reverted). */
  preview(id: string, times: PendingTimes): void {
    this.$pending.set({ ...this.$pending.get(), [id]: times });
  }

  revert(id: string): void {
    const { [id]: _dropped, ...rest } = this.$pending.get();
    this.$pending.set(rest);
  }

  setTimes(id: string, times: PendingTimes, overlap?: OverlapChoice): Promise<EditResult> {
    const patch: SessionPatch = { startTime: times.startTime };
    if (times.endTime !== null) patch.endTime = times.endTime;
    return this.update(id, patch, overlap);
  }

  update(id: string, patch: SessionPatch, overlap?: OverlapChoice): Promise<EditResult> {
    return this.#edit(() => this.#client.data.updateSession(overlap ? { id, patch, overlap } : { id, patch }), [id]);
  }

  add(input: AddSessionInput): Promise<EditResult> {
    return this.#edit(() => this.#client.data.addSession(input), []);
  }

  remove(id: string): Promise<EditResult> {
    return this.#edit(() => this.#client.data.bulkDelete({ ids: [id] }), [id]);
  }

  /**
   * Runs a change; its answer is laid into the week at once (the broadcast reload follows) and the pending times
   * dropped. A refused change keeps them: the caller either retries (an overlap choice) or reverts.
   */
  async #edit(run: () => Promise<EditResult>, ids: string[]): Promise<EditResult> {
    const result = await run();
    this.#apply(result);
    const pending = { ...this.$pending.get() };
    for (const id of ids) delete pending[id];
    this.$pending.set(pending);
    return result;
  }

  #apply(result: EditResult): void {
    const changed = new Map([...result.trimmed, ...result.sessions].map((s) => [s.id, s]));
    const from = this.$weekStart.get();
    const to = this.weekEnd;
    const kept = this.$sessions.get().filter((s) => !changed.has(s.id));
    const now = this.#clock();
    const fresh = [...changed.values()].filter(
      (s) => s.deletedAt === null && s.startTime < to && (s.endTime ?? now) >= from,
    );
    this.$sessions.set([...kept, ...fresh].sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id)));
  }

  async #read(): Promise<void> {
    const from = this.$weekStart.get();
    const to = this.weekEnd;
    const [page, running, projects] = await Promise.all([
      this.#listWeek(from, to),
      this.#client.data.runningTimer(),
      this.#client.data.listProjects(),
    ]);
    if (from !== this.$weekStart.get()) return this.#reloads.again(); // the week changed while reading
    const sessions = page.sessions;
    // the running session belongs to every week from its start on, whatever the list counts as overlapping
    if (running && running.startTime < to && !sessions.some((s) => s.id === running.id)) sessions.push(running);
    sessions.sort((a, b) => a.startTime - b.startTime || a.id.localeCompare(b.id));
    this.$projects.set(projects);
    this.$sessions.set(sessions);
    this.$damaged.set(page.damaged);
    this.$truncated.set(page.truncated);
    this.$loadFailed.set(false);
    this.$loadError.set(null);
    this.$now.set(this.#clock());
    this.$loaded.set(true);
  }

  async #listWeek(from: number, to: number): Promise<{ sessions: Session[]; damaged: number; truncated: boolean }> {
    const sessions: Session[] = [];
    let damaged = 0;
    let after: { startTime: number; id: string } | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const page = await this.#client.data.listSessions(
        after ? { from, to, limit: PAGE, after } : { from, to, limit: PAGE },
      );
      sessions.push(...page.sessions);
      damaged += page.damaged;
      if (!page.next) return { sessions, damaged, truncated: false };
      after = page.next;
    }
    return { sessions, damaged, truncated: true };
  }

  /** Once a minute, on the minute: the grid shows minutes, so finer ticks would only cost renders. */
  #tick(): void {
    const now = this.#clock();
    this.#ticker = setTimeout(
      () => {
        const at = this.#clock();
        this.$now.set(at);
        this.#tick();
      },
      60_000 - (now % 60_000) + 50,
    );
  }
}

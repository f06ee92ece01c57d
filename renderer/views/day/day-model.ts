import { atom, computed } from 'nanostores';

import { addLocalDays, localDayRange, startOfLocalDay } from '../../../shared/day.ts';
import { toAppError } from '../../../shared/errors.ts';
import type {
  AddSessionInput,
  BulkChange,
  EditResult,
  Overlap,
  OverlapChoice,
  SessionPatch,
} from '../../../shared/session-edits.ts';
import type { Session } from '../../../shared/session.ts';
import type { Tag } from '../../../shared/tag.ts';
import { overlappingIds, totalWorkedWithin } from '../../../shared/worked-time.ts';
import { isRecoveryError, type DataClient } from '../../services/data-client.ts';
import { CoalescedRead } from '../../state/coalesced.ts';
import type { TimerModel } from '../../state/timer-model.ts';

/** A question the day view asks before it writes: which overlap fix, or whether to stop the running timer. */
export type DayPrompt =
  | { kind: 'overlap'; overlaps: Overlap[]; answer: (choice: OverlapChoice | null) => void }
  | { kind: 'confirm'; text: string; confirm: string; answer: (ok: boolean) => void };

/** The overlaps a CONFLICT answer lists, or null when the conflict is about something else. */
export function overlapsOf(error: unknown): Overlap[] | null {
  const e = toAppError(error);
  const list = (e.details as { overlaps?: unknown } | undefined)?.overlaps;
  return e.code === 'CONFLICT' && Array.isArray(list) && list.length > 0 ? (list as Overlap[]) : null;
}

/**
 * The Day view's state: which day is shown, its sessions, the selection, and every correction a user makes there.
 * Reads come from the data worker and are refreshed on every committed change, from any window.
 */
export class DayModel {
  /** start of the local day shown */
  readonly $day = atom(startOfLocalDay(Date.now()));
  readonly $sessions = atom<Session[]>([]);
  readonly $tags = atom<Tag[]>([]);
  readonly $loaded = atom(false);
  readonly $damaged = atom(0);
  readonly $truncated = atom(false);
  readonly $loadFailed = atom(false);
  readonly $selected = atom<ReadonlySet<string>>(new Set());
  readonly $prompt = atom<DayPrompt | null>(null);
  readonly $busy = atom(false);

  readonly $range = computed(this.$day, (day) => ({ from: day, to: addLocalDays(day, 1) }));
  /** worked time of the day's part of each session, the running one included */
  readonly $totalMs = computed([this.$sessions, this.$range, this.timer.$now], (sessions, { from, to }, now) =>
    totalWorkedWithin(sessions, from, to, now),
  );
  readonly $overlapping = computed([this.$sessions, this.timer.$now], (sessions, now) => overlappingIds(sessions, now));
  readonly $isToday = computed([this.$day, this.timer.$now], (day, now) => day === startOfLocalDay(now));

  readonly #client: DataClient;
  #disconnect: (() => void) | null = null;
  readonly #reads = new CoalescedRead(
    () => this.#read(),
    (error) => {
      if (!isRecoveryError(error)) this.$loadFailed.set(true);
    },
  );

  constructor(
    client: DataClient,
    readonly timer: TimerModel,
  ) {
    this.#client = client;
  }

  connect(): () => void {
    if (!this.#disconnect) {
      const stopWatching = this.#client.watch(['activities', 'tags'], () => this.reload());
      // Past midnight, a window left on "today" moves on to the new today.
      let today = startOfLocalDay(this.timer.$now.get());
      const stopClock = this.timer.$now.listen((now) => {
        const day = startOfLocalDay(now);
        if (day === today) return;
        if (this.$day.get() === today) this.setDay(day);
        today = day;
      });
      this.#disconnect = () => {
        stopWatching();
        stopClock();
        this.#disconnect = null;
      };
      void this.reload();
    }
    return this.#disconnect;
  }

  setDay(ms: number): void {
    const day = startOfLocalDay(ms);
    if (day === this.$day.get()) return;
    this.$day.set(day);
    this.$selected.set(new Set());
    this.$loaded.set(false);
    void this.reload();
  }
  moveDays(n: number): void {
    this.setDay(addLocalDays(this.$day.get(), n));
  }
  goToday(): void {
    this.setDay(Date.now());
  }

  reload(): Promise<void> {
    return this.#reads.run();
  }

  async #read(): Promise<void> {
    const day = this.$day.get();
    const range = localDayRange(day);
    const [list, tags] = await Promise.all([
      this.#client.data.sessionsInRange(range),
      // tags are a nicety: a worker without them still shows the day
      this.#client.data.listTags().catch(() => this.$tags.get()),
    ]);
    if (day !== this.$day.get()) {
      this.#reads.again(); // the user moved on meanwhile
      return;
    }
    this.$sessions.set(list.sessions);
    this.$tags.set(tags);
    this.$damaged.set(list.damaged);
    this.$truncated.set(list.truncated);
    this.$loadFailed.set(false);
    this.$loaded.set(true);
    const live = new Set(list.sessions.map((s) => s.id));
    const selected = [...this.$selected.get()].filter((id) => live.has(id));
    if (selected.length !== this.$selected.get().size) this.$selected.set(new Set(selected));
  }

  // ── selection ──
  select(ids: Iterable<string>): void {
    this.$selected.set(new Set(ids));
  }
  toggle(id: string): void {
    const next = new Set(this.$selected.get());
    if (!next.delete(id)) next.add(id);
    this.$selected.set(next);
  }

  tagNames(ids: readonly string[]): string[] {
    const byId = new Map(this.$tags.get().map((t) => [t.id, t.name]));
    return ids.map((id) => byId.get(id)).filter((n): n is string => n !== undefined);
  }

  // ── corrections: each resolves with what the worker answered, or null when the user cancelled ──
  update(id: string, patch: SessionPatch): Promise<EditResult | null> {
    return this.#edit((overlap) => this.#client.data.updateSession({ id, patch, overlap }));
  }
  add(input: Omit<AddSessionInput, 'overlap'>): Promise<EditResult | null> {
    return this.#edit((overlap) => this.#client.data.addSession({ ...input, overlap }));
  }
  split(id: string, at: number[]): Promise<EditResult | null> {
    return this.#edit(() => this.#client.data.splitSession({ id, at }));
  }
  merge(ids: string[]): Promise<EditResult | null> {
    return this.#edit((overlap) => this.#client.data.mergeSessions({ ids, overlap }));
  }
  duplicate(id: string): Promise<EditResult | null> {
    return this.#edit((overlap) => this.#client.data.duplicateSession({ id, overlap }));
  }
  bulkUpdate(ids: string[], change: BulkChange): Promise<EditResult | null> {
    return this.#edit((overlap) => this.#client.data.bulkUpdate({ ids, change, overlap }));
  }
  async bulkDelete(ids: string[]): Promise<EditResult | null> {
    const result = await this.#edit(() => this.#client.data.bulkDelete({ ids }));
    if (result) this.$selected.set(new Set());
    return result;
  }
  /** A new running timer like a past session; asks first when another timer is running. */
  async continue(session: Session): Promise<EditResult | null> {
    const running = this.timer.$running.get();
    if (running && running.id !== session.id) {
      const ok = await this.ask(
        `“${running.name || '(no description)'}” is running. Stop it and continue “${session.name || '(no description)'}”?`,
        'Stop & continue',
      );
      if (!ok) return null;
    }
    return this.#edit(() => this.#client.data.continueSession({ id: session.id }));
  }

  /** Resolves with the user's answer to a yes/no question shown by the view. */
  ask(text: string, confirm: string): Promise<boolean> {
    return new Promise((resolve) => {
      this.$prompt.set({
        kind: 'confirm',
        text,
        confirm,
        answer: (ok) => {
          this.$prompt.set(null);
          resolve(ok);
        },
      });
    });
  }

  /**
   * Runs one correction. When the worker refuses it because it would overlap other sessions, the user is asked how
   * to fix that and the same correction is sent again with the choice; cancelling leaves everything as it was.
   */
  async #edit(write: (overlap?: OverlapChoice) => Promise<EditResult>): Promise<EditResult | null> {
    this.$busy.set(true);
    try {
      try {
        return await write();
      } catch (error) {
        const overlaps = overlapsOf(error);
        if (!overlaps) throw toAppError(error);
        const choice = await new Promise<OverlapChoice | null>((resolve) => {
          this.$prompt.set({
            kind: 'overlap',
            overlaps,
            answer: (c) => {
              this.$prompt.set(null);
              resolve(c);
            },
          });
        });
        if (!choice) return null;
        return await write(choice).catch((e: unknown) => {
          throw toAppError(e);
        });
      }
    } finally {
      this.$busy.set(false);
    }
  }
}

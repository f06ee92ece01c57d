import { atom } from 'nanostores';

import type { AwayGap, GapChoice, GapEntry, ResolveGapsInput, ResolveOutcome } from '../../../shared/away.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { ActionRef } from '../../../shared/session-edits.ts';
import type { PresenceSource, Shell } from '../../../shared/shell-contract.ts';
import type { TimerModel } from '../../state/timer-model.ts';
import type { DataClient } from '../data-client.ts';
import type { SettingsService } from '../settings.ts';
import type { AwayClock } from './clock.ts';

export interface AwayOptions {
  clock?: AwayClock;
  /** a return is sent only once it held this long: a flood of idle/active flips is one gap */
  debounceMs?: number;
  heartbeatMs?: number;
  tickMs?: number;
}

/**
 * The window's away time: the gaps waiting for review and the review's choices. The part that hears presence
 * events, checks the clock and writes the heartbeat (away-engine.ts) loads after the first paint, so the window's
 * first JS carries only these stores.
 */
export class AwayService {
  readonly $pending = atom<AwayGap[]>([]);
  /** an away stretch this window saw is still open (the review waits for the return) */
  readonly $away = atom(false);
  readonly $sources = atom<PresenceSource[]>([]);
  /** presence events refused as malformed, for Diagnostics */
  readonly $refused = atom(0);
  /** said once when the clock went back (nothing to review: the timer lost time rather than gained it) */
  readonly $notice = atom<string | null>(null);
  /** an action a setting took at once (discard automatically), for the Undo toast */
  readonly $autoAction = atom<ActionRef | null>(null);
  readonly $error = atom<string | null>(null);

  readonly #client: DataClient;
  readonly #shell: Shell;
  readonly #timer: TimerModel;
  readonly #settings: SettingsService;
  readonly #options: AwayOptions;
  #running: Promise<void> = Promise.resolve();
  #disconnect: (() => void) | null = null;

  constructor(
    client: DataClient,
    shell: Shell,
    timer: TimerModel,
    settings: SettingsService,
    options: AwayOptions = {},
  ) {
    this.#client = client;
    this.#shell = shell;
    this.#timer = timer;
    this.#settings = settings;
    this.#options = options;
  }

  connect(): () => void {
    if (this.#disconnect) return this.#disconnect;
    let live = true;
    let stopEngine: (() => void) | null = null;
    const stopWatching = this.#client.watch(['away_gaps'], () => this.reload());
    void this.reload();
    this.#running = import('./away-engine.ts').then(({ AwayEngine }) => {
      if (live)
        stopEngine = new AwayEngine(
          this,
          this.#client,
          this.#shell,
          this.#timer,
          this.#settings,
          this.#options,
        ).start();
    });
    this.#disconnect = () => {
      live = false;
      stopWatching();
      stopEngine?.();
      this.#disconnect = null;
    };
    return this.#disconnect;
  }

  /** Resolves once presence events are heard (the engine is loaded and started). */
  whenRunning(): Promise<void> {
    return this.#running;
  }

  /** Which presence sources work here, in words (Settings and Diagnostics ask; the words load then). */
  async loadSources(): Promise<PresenceSource[]> {
    try {
      this.$sources.set(await this.#shell.presenceSources());
    } catch {
      // the shell could not say; the views show nothing rather than a guess
    }
    return this.$sources.get();
  }

  async reload(): Promise<void> {
    try {
      this.$pending.set(await this.#client.data.pendingGaps());
    } catch (error) {
      this.$error.set(toAppError(error).message);
    }
  }

  /** One choice for one gap: one undoable action. */
  async resolve(id: string, choice: GapChoice, entry?: GapEntry): Promise<ResolveOutcome> {
    const out = await this.#client.data.resolveGap({ id, choice, ...(entry ? { entry } : {}) });
    await this.reload();
    return out;
  }

  /** "Apply to all" the gaps waiting: one action. */
  async resolveAll(choice: ResolveGapsInput['choice']): Promise<ResolveOutcome> {
    const ids = this.$pending.get().map((g) => g.id);
    const out = await this.#client.data.resolveGaps({ ids, choice });
    await this.reload();
    return out;
  }
}

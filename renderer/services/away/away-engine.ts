import * as v from 'valibot';

import { HEARTBEAT_EVERY_MS, type GapSource } from '../../../shared/away.ts';
import { toAppError } from '../../../shared/errors.ts';
import { PresenceEventSchema, type Shell } from '../../../shared/shell-contract.ts';
import type { TimerModel } from '../../state/timer-model.ts';
import type { DataClient } from '../data-client.ts';
import type { SettingsService } from '../settings.ts';
import type { AwayOptions, AwayService } from './away-service.ts';
import { ClockCheck, type ClockJump } from './clock-check.ts';
import { systemClock, type AwayClock } from './clock.ts';

/** Presence events as gap edges: which source, and whether the user left or came back. */
const EDGES = {
  idle: ['idle', 'start'],
  active: ['idle', 'end'],
  lock: ['lock', 'start'],
  unlock: ['lock', 'end'],
  suspend: ['suspend', 'start'],
  resume: ['suspend', 'end'],
} as const satisfies Record<string, [GapSource, 'start' | 'end']>;

/**
 * The away service's working part, loaded after the first paint (see away-service.ts): it hears the shell's presence events (validated again: they crossed a boundary) and its
 * own clock check, sends each gap edge to the data worker as it happens (so a reload loses nothing), writes the
 * heartbeat while a timer runs, and holds the gaps waiting for review. Auto-pause (Settings) pauses the timer at an
 * idle start and resumes it on return; the review still asks.
 */
export class AwayEngine {
  readonly #state: AwayService;
  readonly #client: DataClient;
  readonly #shell: Shell;
  readonly #timer: TimerModel;
  readonly #settings: SettingsService;
  readonly #clock: AwayClock;
  readonly #debounceMs: number;
  readonly #heartbeatMs: number;
  readonly #tickMs: number;
  readonly #open = new Set<GapSource>();
  readonly #ending = new Map<GapSource, () => void>();
  /** the session auto-pause paused, and when */
  #autoPaused: { id: string; at: number } | null = null;
  #chain: Promise<unknown> = Promise.resolve();
  #disconnect: (() => void) | null = null;

  constructor(
    state: AwayService,
    client: DataClient,
    shell: Shell,
    timer: TimerModel,
    settings: SettingsService,
    options: AwayOptions = {},
  ) {
    this.#state = state;
    this.#client = client;
    this.#shell = shell;
    this.#timer = timer;
    this.#settings = settings;
    this.#clock = options.clock ?? systemClock;
    this.#debounceMs = options.debounceMs ?? 2000;
    this.#heartbeatMs = options.heartbeatMs ?? HEARTBEAT_EVERY_MS;
    this.#tickMs = options.tickMs ?? 5000;
  }

  start(): () => void {
    if (this.#disconnect) return this.#disconnect;
    const stops: Array<() => void> = [
      this.#shell.onPresence((event) => this.handle(event)),
      new ClockCheck(this.#clock, (jump) => this.#onJump(jump), { tickMs: this.#tickMs }).start(),
      this.#settings.$settings.subscribe((s) => {
        if (s.idleThresholdMinutes > 0) this.#shell.setIdleThreshold(s.idleThresholdMinutes * 60);
      }),
      this.#heartbeats(),
    ];
    // a window opening means someone is at the computer: away time a reload cut short (its return never sent) ends
    const at = Math.round(this.#clock.wall());
    for (const source of ['idle', 'lock', 'suspend'] as const)
      this.#send(async () => {
        const out = await this.#client.data.gapEnded({ source, at, ifOpen: true });
        if (out.gap) await this.#state.reload();
      });
    this.#disconnect = () => {
      for (const stop of stops) stop();
      for (const cancel of this.#ending.values()) cancel();
      this.#ending.clear();
      this.#disconnect = null;
    };
    return this.#disconnect;
  }

  /** One presence event from the shell. Anything that is not one is refused and counted, never acted on. */
  handle(raw: unknown): void {
    const parsed = v.safeParse(PresenceEventSchema, raw);
    if (!parsed.success) {
      this.#state.$refused.set(this.#state.$refused.get() + 1);
      return;
    }
    const [source, edge] = EDGES[parsed.output.kind];
    const at = parsed.output.at;
    if (edge === 'start') {
      // back and away again before the return settled: the same gap goes on
      const settling = this.#ending.get(source);
      if (settling) {
        settling();
        this.#ending.delete(source);
        return;
      }
      if (this.#open.has(source)) return;
      this.#open.add(source);
      this.#state.$away.set(true);
      this.#send(async () => {
        await this.#client.data.gapStarted({ source, at });
        if (source === 'idle') await this.#autoPause(at);
      });
      return;
    }
    this.#ending.get(source)?.();
    this.#ending.set(
      source,
      this.#clock.after(this.#debounceMs, () => {
        this.#ending.delete(source);
        this.#open.delete(source);
        this.#state.$away.set(this.#open.size > 0);
        this.#send(async () => {
          if (source === 'idle') await this.#autoResume(at);
          const out = await this.#client.data.gapEnded({ source, at });
          if (out.action) this.#state.$autoAction.set(out.action);
          await this.#state.reload();
        });
      }),
    );
  }

  /** Edges go to the worker one at a time, in the order they happened here. */
  #send(fn: () => Promise<void>): void {
    this.#chain = this.#chain.then(fn).catch((error) => this.#state.$error.set(toAppError(error).message));
  }

  #onJump(jump: ClockJump): void {
    if (jump.direction === 'forward') {
      this.#send(async () => {
        await this.#client.data.recordGap({ source: 'clock-jump', start: Math.round(jump.from), end: jump.to });
        await this.#state.reload();
      });
    } else {
      const minutes = Math.round(-jump.skewMs / 60_000);
      this.#state.$notice.set(
        `Your computer’s clock went back by ${minutes} min. A running timer shows that much less than you worked; correct it in the Day view if needed.`,
      );
    }
  }

  /** While a timer runs: one heartbeat now (at launch it finds the time the app was gone) and one a minute. */
  #heartbeats(): () => void {
    let stopBeating: (() => void) | null = null;
    let runningId: string | null = null;
    const beat = () =>
      this.#send(async () => {
        const out = await this.#client.data.heartbeat({ at: Math.round(this.#clock.wall()) });
        if (out.gap) await this.#state.reload();
      });
    const stopWatch = this.#timer.$running.subscribe((running) => {
      const id = running?.id ?? null;
      if (id === runningId) return;
      runningId = id;
      stopBeating?.();
      stopBeating = null;
      if (id) {
        beat();
        stopBeating = this.#clock.every(this.#heartbeatMs, beat);
      }
    });
    return () => {
      stopWatch();
      stopBeating?.();
    };
  }

  async #autoPause(at: number): Promise<void> {
    const running = this.#timer.$running.get();
    if (!this.#settings.$settings.get().awayAutoPause || !running || running.pauseStartedAt !== null) return;
    await this.#client.data.pauseTimer({ id: running.id, at });
    this.#autoPaused = { id: running.id, at };
  }

  async #autoResume(at: number): Promise<void> {
    const paused = this.#autoPaused;
    this.#autoPaused = null;
    if (!paused) return;
    const running = await this.#client.data.runningTimer();
    // only the pause this window made: a timer the user stopped or resumed meanwhile is theirs
    if (running?.id === paused.id && running.pauseStartedAt === paused.at)
      await this.#client.data.resumeTimer({ id: paused.id, at: Math.max(at, paused.at) });
  }
}

import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';

import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings.ts';
import { formatDuration, formatTimeOfDay } from '../components/format.ts';
import { settingsContext } from '../context.ts';
import type { SettingsService } from '../services/settings.ts';

/**
 * "Format this per the user's settings" for any view: durations (h:mm or decimal) and times of day (12/24 h). The
 * host re-renders when those settings change in any window. Without a settings service (a widget tested alone) the
 * defaults apply.
 */
export class FormatController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #consumer: ContextConsumer<typeof settingsContext, ReactiveElement>;
  #stop: (() => void) | null = null;

  constructor(host: ReactiveElement) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: settingsContext, callback: () => this.#listen() });
    host.addController(this);
  }

  get service(): SettingsService | undefined {
    return this.#consumer.value;
  }

  get settings(): Settings {
    return this.#consumer.value?.$settings.get() ?? DEFAULT_SETTINGS;
  }

  duration(ms: number): string {
    return formatDuration(ms, this.settings.durationFormat);
  }

  time(ms: number): string {
    return formatTimeOfDay(ms, this.settings.clock);
  }

  hostConnected(): void {
    this.#listen();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = null;
  }

  #listen(): void {
    this.#stop?.();
    const service = this.#consumer.value;
    if (!service || !this.#host.isConnected) return;
    let last = '';
    this.#stop = service.$settings.subscribe((s) => {
      const key = `${s.durationFormat}|${s.clock}|${s.weekStart}`;
      if (key !== last && last !== '') this.#host.requestUpdate();
      last = key;
    });
  }
}

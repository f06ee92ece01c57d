import { localDayRange } from '../../../shared/day.ts';
import { formatTimeOfDay } from '../../components/format.ts';
import type { TimerModel } from '../../state/timer-model.ts';
import { systemClock, type AwayClock } from '../away/clock.ts';
import type { DataClient } from '../data-client.ts';
import type { SettingsService } from '../settings.ts';
import { dueReminders, type Reminder } from './due.ts';

const SHOWN_KEY = 'lighttrack:reminders-shown';
const KEEP = 200;

export interface ReminderOptions {
  clock?: AwayClock;
  everyMs?: number;
  /** where shown reminders are remembered (every window of this profile shares it) */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** a system notification when the user allowed them; false: none could be shown (the window shows it then) */
  notify?: (r: Reminder) => boolean;
}

/** "7 h 40 min" */
function words(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Through the Notifications API where the user allowed it; a click brings the window to the right place. */
export function systemNotify(r: Reminder): boolean {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return false;
  const n = new Notification(r.title, { body: r.body, tag: r.key });
  n.onclick = () => {
    window.focus();
    location.hash = r.route;
    n.close();
  };
  return true;
}

/**
 * Checks once a minute which reminders are due (due.ts) and shows each occasion once, in every window of the
 * profile together: as a system notification when allowed, else through `inApp` (the window's toast).
 */
export class ReminderService {
  readonly #client: DataClient;
  readonly #timer: TimerModel;
  readonly #settings: SettingsService;
  readonly #inApp: (r: Reminder) => void;
  readonly #clock: AwayClock;
  readonly #everyMs: number;
  readonly #storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  readonly #notify: (r: Reminder) => boolean;
  #checking = false;

  constructor(
    client: DataClient,
    timer: TimerModel,
    settings: SettingsService,
    inApp: (r: Reminder) => void,
    options: ReminderOptions = {},
  ) {
    this.#client = client;
    this.#timer = timer;
    this.#settings = settings;
    this.#inApp = inApp;
    this.#clock = options.clock ?? systemClock;
    this.#everyMs = options.everyMs ?? 60_000;
    this.#storage = options.storage ?? globalThis.localStorage ?? null;
    this.#notify = options.notify ?? systemNotify;
  }

  /** A first look a few seconds after launch, then one a minute. */
  start(): () => void {
    const stops = [
      this.#clock.after(5000, () => void this.check()),
      this.#clock.every(this.#everyMs, () => void this.check()),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** One look at the clock; answers what it showed. */
  async check(): Promise<Reminder[]> {
    const s = this.#settings.$settings.get();
    const r = s.reminders;
    // before the timer is known, "no timer running" would be a guess
    if (
      !this.#timer.$loaded.get() ||
      this.#checking ||
      (r.noTimerMinutes === 0 && r.longTimerHours === 0 && !r.endOfDay)
    )
      return [];
    this.#checking = true;
    try {
      const now = this.#clock.wall();
      const { sessions } = await this.#client.data.sessionsInRange({ ...localDayRange(now), limit: 500 });
      const goals = r.goals ? await this.#dailyGoals(now) : [];
      const due = dueReminders({
        now,
        settings: s,
        running: this.#timer.$running.get(),
        today: sessions,
        duration: words,
        time: (ms) => formatTimeOfDay(ms, s.clock),
        goals,
      });
      const shown = this.#shown();
      const fresh = due.filter((d) => !shown.includes(d.key));
      if (fresh.length === 0) return [];
      this.#storage?.setItem(SHOWN_KEY, JSON.stringify([...shown, ...fresh.map((f) => f.key)].slice(-KEEP)));
      for (const reminder of fresh) if (!this.#notify(reminder)) this.#inApp(reminder);
      return fresh;
    } catch {
      return []; // a reminder is never worth an error message; the next minute tries again
    } finally {
      this.#checking = false;
    }
  }

  /** Daily at-least goals with today's progress (none: no second call). */
  async #dailyGoals(now: number) {
    const daily = (await this.#client.data.listGoals()).filter((g) => g.period === 'day' && g.kind === 'at-least');
    if (daily.length === 0) return [];
    const progress = await this.#client.data.goalProgress({ at: now });
    return daily.flatMap((g) => {
      const p = progress.find((x) => x.goalId === g.id);
      return p ? [{ id: g.id, name: g.name, doneMs: p.doneMs, targetMs: p.targetMs, met: p.met, from: p.from }] : [];
    });
  }

  #shown(): string[] {
    try {
      const list: unknown = JSON.parse(this.#storage?.getItem(SHOWN_KEY) ?? '[]');
      return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
    } catch {
      return [];
    }
  }
}

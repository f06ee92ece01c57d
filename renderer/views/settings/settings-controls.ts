import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

import type { Project } from '../../../shared/project.ts';
import {
  ROUNDING_MINUTES,
  ROUNDING_MODES,
  type SettingKey,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings.ts';
import { LABELS, WEEKDAYS } from './settings-fields.ts';

import './lt-notify-permission.ts';

/** What a control needs: the settings in force, the projects to pick from, and where to send a change. */
export interface ControlContext {
  settings: Settings;
  projects: Project[];
  change: (key: SettingKey, patch: SettingsPatch) => void;
  /** ids of the label, hint and message beside the control, for aria-labelledby / aria-describedby */
  ids: (key: SettingKey) => { label: string; hint: string; error: string; control: string };
  invalid: (key: SettingKey) => boolean;
}

type Option<T> = { value: T; label: string };

function radios<T extends string>(
  c: ControlContext,
  key: SettingKey,
  options: Option<T>[],
  current: T,
): TemplateResult {
  const ids = c.ids(key);
  return html`<div class="segmented" role="radiogroup" aria-labelledby=${ids.label} aria-describedby="${ids.hint} ${ids.error}">
    ${options.map(
      (o) => html`<label class="segment">
      <input type="radio" name=${key} .value=${o.value} .checked=${live(o.value === current)}
        @change=${() => c.change(key, { [key]: o.value } as SettingsPatch)} /><span>${o.label}</span></label>`,
    )}
  </div>`;
}

/** A number input that sends its value on change; an empty or odd entry reaches the worker and is refused there. */
function number(
  c: ControlContext,
  key: SettingKey,
  value: number,
  attrs: { min: number; max: number; label?: string; name?: string },
  send: (n: number, input: HTMLInputElement) => void,
): TemplateResult {
  const ids = c.ids(key);
  return html`<input type="number" inputmode="numeric" class="number" name=${attrs.name ?? key}
    id=${attrs.name ? `${ids.control}-${attrs.name}` : ids.control} min=${attrs.min} max=${attrs.max} step="1"
    .value=${String(value)} aria-invalid=${c.invalid(key) ? 'true' : 'false'}
    aria-label=${attrs.label ?? nothing} aria-describedby="${ids.hint} ${ids.error}"
    @change=${(e: Event) => {
      const input = e.target as HTMLInputElement;
      send(input.value.trim() === '' ? Number.NaN : Number(input.value), input);
    }} />`;
}

const valueOf = (root: Element, name: string) =>
  root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)?.value ?? '';

export function renderControl(key: SettingKey, c: ControlContext): TemplateResult {
  const s = c.settings;
  const ids = c.ids(key);
  const describedBy = `${ids.hint} ${ids.error}`;
  switch (key) {
    case 'theme':
      return radios(
        c,
        key,
        (['system', 'light', 'dark'] as const).map((v) => ({ value: v, label: LABELS.theme[v] })),
        s.theme,
      );
    case 'durationFormat':
      return radios(
        c,
        key,
        [
          { value: 'hm', label: 'h:mm (1:30)' },
          { value: 'decimal', label: 'Decimal (1.50 h)' },
        ],
        s.durationFormat,
      );
    case 'clock':
      return radios(
        c,
        key,
        [
          { value: '24h', label: '24-hour (14:30)' },
          { value: '12h', label: '12-hour (2:30 PM)' },
        ],
        s.clock,
      );
    case 'weekStart':
      return html`<select id=${ids.control} aria-describedby=${describedBy}
        @change=${(e: Event) => c.change(key, { weekStart: Number((e.target as HTMLSelectElement).value) as Settings['weekStart'] })}>
        ${([1, 0, 6] as const).map((d) => html`<option value=${d} ?selected=${s.weekStart === d}>${WEEKDAYS[d]}</option>`)}
      </select>`;
    case 'idleThresholdMinutes':
      return html`<span class="inline">${number(c, key, s.idleThresholdMinutes, { min: 0, max: 480 }, (n) => c.change(key, { idleThresholdMinutes: n }))}
        <span class="unit">minutes</span></span>`;
    case 'awayOnLock':
    case 'awayOnSleep':
      return radios(
        c,
        key,
        (['ask', 'discard', 'keep'] as const).map((v) => ({ value: v, label: LABELS.away[v] })),
        s[key],
      );
    case 'awayAutoPause':
      return html`<label class="inline"><input type="checkbox" id=${ids.control} aria-describedby=${describedBy}
        .checked=${live(s.awayAutoPause)} @change=${(e: Event) => c.change(key, { awayAutoPause: (e.target as HTMLInputElement).checked })} />
        <span>Pause the timer when idle starts</span></label>`;
    case 'reminders': {
      const r = s.reminders;
      const send = (patch: Partial<Settings['reminders']>) => c.change(key, { reminders: { ...r, ...patch } });
      return html`<div class="group">
        <span class="inline"><span>No timer in working hours for</span>${number(c, key, r.noTimerMinutes, { min: 0, max: 480, name: 'noTimerMinutes', label: 'Remind after this many minutes without a timer, inside working hours' }, (n) => send({ noTimerMinutes: n }))}
          <span class="unit">min</span></span>
        <span class="inline"><span>A timer running over</span>${number(c, key, r.longTimerHours, { min: 0, max: 24, name: 'longTimerHours', label: 'Remind when a timer runs longer than this many hours' }, (n) => send({ longTimerHours: n }))}
          <span class="unit">hours</span></span>
        <label class="inline"><input type="checkbox" name="endOfDay" .checked=${live(r.endOfDay)}
          @change=${(e: Event) => send({ endOfDay: (e.target as HTMLInputElement).checked })} />
          <span>A summary at the end of the working day</span></label>
        <label class="inline"><input type="checkbox" name="goals" .checked=${live(r.goals)}
          @change=${(e: Event) => send({ goals: (e.target as HTMLInputElement).checked })} />
          <span>A daily goal the working hours left cannot meet</span></label>
        <lt-notify-permission></lt-notify-permission></div>`;
    }
    case 'defaultProjectId': {
      const offered = c.projects.filter((p) => p.archivedAt === null || p.id === s.defaultProjectId);
      return html`<select id=${ids.control} aria-describedby=${describedBy}
        @change=${(e: Event) => c.change(key, { defaultProjectId: (e.target as HTMLSelectElement).value || null })}>
        <option value="" ?selected=${s.defaultProjectId === null}>None</option>
        ${offered.map((p) => html`<option value=${p.id} ?selected=${p.id === s.defaultProjectId}>${p.name}${p.archivedAt ? ' (archived)' : ''}</option>`)}
      </select>`;
    }
    case 'workingHours': {
      const send = (e: Event) => {
        const root = (e.target as Element).closest('.control')!;
        const days = [...root.querySelectorAll<HTMLInputElement>('input[name="day"]')]
          .filter((i) => i.checked)
          .map((i) => Number(i.value))
          .sort();
        const start = valueOf(root, 'start');
        const end = valueOf(root, 'end');
        // a day's own hours; none, or the usual ones, mean the usual hours
        const byDay = [0, 1, 2, 3, 4, 5, 6].map((d) => {
          const own = { start: valueOf(root, `start-${d}`), end: valueOf(root, `end-${d}`) };
          return own.start && own.end && (own.start !== start || own.end !== end) ? own : null;
        });
        c.change(key, {
          workingHours: { start, end, days, ...(byDay.some((d) => d !== null) ? { byDay } : {}) },
        });
      };
      const order = [0, 1, 2, 3, 4, 5, 6].map((i) => (i + s.weekStart) % 7);
      const own = s.workingHours.byDay ?? [];
      return html`<div class="group">
        <span class="inline"><input type="time" name="start" id=${ids.control} aria-label="Working day starts" .value=${s.workingHours.start}
          aria-invalid=${c.invalid(key) ? 'true' : 'false'} aria-describedby=${describedBy} @change=${send} />
        <span aria-hidden="true">to</span>
        <input type="time" name="end" aria-label="Working day ends" .value=${s.workingHours.end}
          aria-invalid=${c.invalid(key) ? 'true' : 'false'} aria-describedby=${describedBy} @change=${send} /></span>
        <div class="days" role="group" aria-label="Working days">
          ${order.map(
            (d) => html`<label class="day"><input type="checkbox" name="day" value=${d}
            .checked=${live(s.workingHours.days.includes(d))} @change=${send} /><span>${WEEKDAYS[d]!.slice(0, 3)}</span></label>`,
          )}
        </div>
        <details class="by-day" ?open=${own.some((d) => d)}>
          <summary>Different hours on some days</summary>
          ${order
            .filter((d) => s.workingHours.days.includes(d))
            .map((d) => {
              const h = own[d] ?? { start: s.workingHours.start, end: s.workingHours.end };
              return html`<div class="inline day-hours"><span class="day-name">${WEEKDAYS[d]!.slice(0, 3)}</span>
                <input type="time" name=${`start-${d}`} aria-label=${`${WEEKDAYS[d]} starts`} .value=${live(h.start)} @change=${send} />
                <span aria-hidden="true">to</span>
                <input type="time" name=${`end-${d}`} aria-label=${`${WEEKDAYS[d]} ends`} .value=${live(h.end)} @change=${send} /></div>`;
            })}
        </details></div>`;
    }
    case 'reportRounding': {
      const send = (e: Event) => {
        const root = (e.target as Element).closest('.control')!;
        c.change(key, {
          reportRounding: {
            mode: valueOf(root, 'mode') as Settings['reportRounding']['mode'],
            minutes: Number(valueOf(root, 'minutes')) as Settings['reportRounding']['minutes'],
          },
        });
      };
      return html`<span class="inline">
        <select name="mode" id=${ids.control} aria-label="Rounding" aria-describedby=${describedBy} @change=${send}>
          ${ROUNDING_MODES.map((m) => html`<option value=${m} ?selected=${s.reportRounding.mode === m}>${LABELS.rounding[m]}</option>`)}
        </select>
        <span aria-hidden="true">to</span>
        <select name="minutes" aria-label="Rounding step in minutes" aria-describedby=${describedBy} @change=${send}>
          ${ROUNDING_MINUTES.map((m) => html`<option value=${m} ?selected=${s.reportRounding.minutes === m}>${m} min</option>`)}
        </select></span>`;
    }
    case 'backupRetention': {
      const send = (_n: number, input: HTMLInputElement) => {
        const root = input.closest('.control')!;
        const read = (name: string) => {
          const t = valueOf(root, name).trim();
          return t === '' ? Number.NaN : Number(t);
        };
        c.change(key, { backupRetention: { daily: read('daily'), weekly: read('weekly') } });
      };
      return html`<span class="inline">
        ${number(c, key, s.backupRetention.daily, { min: 1, max: 365, label: 'Daily backups kept', name: 'daily' }, send)}
        <span class="unit">daily</span>
        ${number(c, key, s.backupRetention.weekly, { min: 0, max: 520, label: 'Weekly backups kept', name: 'weekly' }, send)}
        <span class="unit">weekly</span></span>`;
    }
    case 'quickEntryShortcut':
      return html`<input type="text" class="wide" id=${ids.control} spellcheck="false" autocomplete="off" .value=${s.quickEntryShortcut}
        aria-invalid=${c.invalid(key) ? 'true' : 'false'} aria-describedby=${describedBy}
        @change=${(e: Event) => c.change(key, { quickEntryShortcut: (e.target as HTMLInputElement).value.trim() })} />`;
    case 'exportPerson':
    case 'exportClient':
      return html`<input type="text" class="wide" id=${ids.control} name=${key} maxlength="120" autocomplete="off" .value=${s[key]}
        aria-invalid=${c.invalid(key) ? 'true' : 'false'} aria-describedby=${describedBy}
        @change=${(e: Event) => c.change(key, { [key]: (e.target as HTMLInputElement).value.trim() } as SettingsPatch)} />`;
    case 'paper':
      return radios(
        c,
        key,
        (['a4', 'letter'] as const).map((v) => ({ value: v, label: LABELS.paper[v] })),
        s.paper,
      );
    case 'aiEndpoints':
    case 'aiEndpointId':
    case 'aiAssistants':
    case 'aiAssistantId':
    case 'aiPrices':
    case 'aiMonthlyBudget':
      // edited in the Assistant view (keys are sealed there by the shell's secrets); listed here
      return html`<ul class="endpoints" id=${ids.control} aria-describedby=${describedBy}>
          ${s.aiEndpoints.length === 0 ? html`<li class="muted">None yet.</li>` : nothing}
          ${s.aiEndpoints.map((e) => html`<li>${e.name} · ${e.baseURL} · ${e.model}${e.id === s.aiEndpointId ? ' (in use)' : ''}</li>`)}
        </ul>
        <a href="#assistant">Manage endpoints in the Assistant</a>`;
    case 'jira':
      // its own element, loaded with the first look at it (the main window's first paint has a budget)
      void import('../jira/lt-jira-settings.ts');
      return html`<lt-jira-settings id=${ids.control} aria-describedby=${describedBy}></lt-jira-settings>`;
  }
}

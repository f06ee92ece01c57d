import { html, nothing } from 'lit';

import type { ImportSummary, TimewarriorProjectRule } from '../../services/export-client.ts';

/** Every rule, worded (a Record, so a rule added to the parsers fails to compile until it is worded here). */
const RULES: Record<TimewarriorProjectRule, string> = {
  'first-tag': 'First tag is the project, the rest are tags',
  none: 'No project: every tag stays a tag',
};

let zones: string[] | null = null;
/** This browser's time zones, read once (Intl.supportedValuesOf has ~420). */
export function timeZones(): string[] {
  zones ??= (Intl as unknown as { supportedValuesOf(key: 'timeZone'): string[] }).supportedValuesOf('timeZone');
  return zones;
}

export interface Choice {
  timeZone?: string;
  timewarriorProjectRule?: TimewarriorProjectRule;
}

/**
 * The preview's choices that change how the file is read: the time zone of a wall-clock file (a searchable list:
 * type to narrow it) and the Timewarrior tag rule. Each change re-runs the preview with it.
 */
export function importChoices(s: ImportSummary, busy: boolean, rerun: (choice: Choice) => void) {
  const zone = s.wallTime
    ? html`<label class="field">Recorded in the time zone
        <input type="text" name="time-zone" list="import-zones" autocomplete="off" spellcheck="false" .value=${s.timeZone}
          ?disabled=${busy} @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const value = input.value.trim();
            // a zone from the list re-runs the preview; anything else goes back to the zone in force
            if (timeZones().includes(value) || value === 'UTC') rerun({ timeZone: value });
            else input.value = s.timeZone;
          }}>
        <datalist id="import-zones">${timeZones().map((z) => html`<option value=${z}></option>`)}</datalist>
        <span class="hint">The file’s times have no zone; they are read as times in this one.</span></label>`
    : nothing;
  const rule = s.timewarriorProjectRule
    ? html`<label class="field">Timewarrior tags
        <select name="timewarrior-rule" ?disabled=${busy}
          @change=${(e: Event) => rerun({ timewarriorProjectRule: (e.target as HTMLSelectElement).value as TimewarriorProjectRule })}>
          ${(Object.keys(RULES) as TimewarriorProjectRule[]).map(
            (r) => html`<option value=${r} ?selected=${r === s.timewarriorProjectRule}>${RULES[r]}</option>`,
          )}
        </select></label>`
    : nothing;
  return zone === nothing && rule === nothing ? nothing : html`<div class="choices">${zone}${rule}</div>`;
}

import { html } from 'lit';

import { DEFAULT_PRESETS, type AssistantPreset } from '../../../shared/assistant-presets.ts';
import { announceError } from '../../components/actions.ts';
import type { SettingsService } from '../../services/settings.ts';

/** The user's assistants, or the shipped ones until one is edited. */
export function presetsOf(settings: SettingsService): AssistantPreset[] {
  const list = settings.$settings.get().aiAssistants;
  return list.length ? list : DEFAULT_PRESETS;
}

/** The assistant in use: its instructions and temperature, saved in settings (so they travel with its file). */
export function instructionsForm(
  host: HTMLElement,
  settings: SettingsService,
  preset: AssistantPreset,
  saved: () => void,
) {
  return html`<form class="panel" aria-label="Assistant instructions" @submit=${(e: SubmitEvent) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const temperature = String(f.get('temperature') ?? '').trim();
    const next = {
      ...preset,
      instructions: String(f.get('instructions') ?? ''),
      temperature: temperature === '' ? null : Number(temperature),
    };
    const list = presetsOf(settings).map((a) => (a.id === preset.id ? next : a));
    void settings.update({ aiAssistants: list }).then((out) => {
      if (out.ok) saved();
      else announceError(host, out.error);
    });
  }}>
    <h3>${preset.name}</h3>
    <label class="muted" for="instructions">Instructions</label>
    <textarea id="instructions" name="instructions" rows="4" .value=${preset.instructions}></textarea>
    <label class="muted">Temperature (0–2, empty for the server's)
      <input name="temperature" type="number" min="0" max="2" step="0.1" .value=${preset.temperature === null ? '' : String(preset.temperature)} /></label>
    <p class="muted">Tools: ${preset.tools.join(', ')}</p>
    <div class="actions"><button class="btn primary small" type="submit">Save</button></div>
  </form>`;
}

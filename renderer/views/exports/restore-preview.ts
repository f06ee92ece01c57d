import { html, nothing } from 'lit';

import type { ImportSummary } from '../../services/export-client.ts';

/** Settings' names as the Settings view words them, for the restore's list of settings it would change. */
const SETTING_WORDS: Record<string, string> = {
  theme: 'theme',
  weekStart: 'first day of the week',
  clock: 'clock',
  durationFormat: 'duration format',
  idleThresholdMinutes: 'idle prompt',
  awayOnLock: 'what a locked screen does',
  awayOnSleep: 'what sleep does',
  awayAutoPause: 'pause while idle',
  reminders: 'reminders',
  defaultProjectId: 'default project',
  workingHours: 'working hours',
  reportRounding: 'report rounding',
  backupRetention: 'backup retention',
  quickEntryShortcut: 'quick entry shortcut',
  exportPerson: 'your name on documents',
  exportClient: 'client on documents',
  paper: 'paper size',
};

/** A LightTrack JSON file's restore figures in the import preview, and the "also restore settings" choice. */
export function restorePreview(s: ImportSummary, restoreSettings: boolean, onToggle: (on: boolean) => void) {
  const r = s.restore;
  if (!r) return nothing;
  const changes = r.settingsToChange.map((k) => SETTING_WORDS[k] ?? k);
  return html`<h3>Restore</h3>
    <ul class="figures" data-restore>
      <li><strong>${r.projectsToCreate.toLocaleString()}</strong><span>${r.projectsToCreate === 1 ? 'project' : 'projects'} to create</span></li>
      <li><strong>${r.tagsToCreate.toLocaleString()}</strong><span>${r.tagsToCreate === 1 ? 'tag' : 'tags'} to create</span></li>
      <li><strong>${r.goalsToCreate.toLocaleString()}</strong><span>${r.goalsToCreate === 1 ? 'goal' : 'goals'} to add</span></li>
      <li><strong>${r.settingsToChange.length.toLocaleString()}</strong><span>${r.settingsToChange.length === 1 ? 'setting differs' : 'settings differ'}</span></li>
    </ul>
    ${
      changes.length
        ? html`<label class="check"><input type="checkbox" name="restore-settings" .checked=${restoreSettings}
            @change=${(e: Event) => onToggle((e.target as HTMLInputElement).checked)}>
            Also restore settings (${changes.join(', ')})</label>
          <p class="hint">${r.emptyDatabase ? 'This LightTrack is empty, so its settings are taken from the file unless you untick this.' : 'Your settings stay as they are unless you tick this; each change is kept in the settings history.'}</p>`
        : nothing
    }`;
}

/** A restore is worth confirming when it adds anything at all, sessions or not. */
export function restoreAdds(s: ImportSummary, restoreSettings: boolean): boolean {
  const r = s.restore;
  if (!r) return s.toAdd > 0;
  return (
    s.toAdd > 0 ||
    r.projectsToCreate + r.tagsToCreate + r.goalsToCreate > 0 ||
    (restoreSettings && r.settingsToChange.length > 0)
  );
}

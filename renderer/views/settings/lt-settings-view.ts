import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import type { SettingKey, SettingsPatch } from '../../../shared/settings.ts';
import { controlStyles, fieldStyles, sectionStyles } from '../../components/styles.ts';
import { dataClientContext, settingsContext } from '../../context.ts';
import { ShortcutController } from '../../controllers/shortcuts.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { SettingsService } from '../../services/settings.ts';
import { renderControl, type ControlContext } from './settings-controls.ts';

import '../away/lt-presence-sources.ts';

import { fieldMatches, FIELDS, SECTIONS, type FieldDef } from './settings-fields.ts';
import { SettingsModel } from './settings-model.ts';
import { settingsStyles } from './settings-styles.ts';

import './lt-settings-history.ts';

/**
 * Settings: every preference in grouped sections, filtered by a search box as you type. A change is saved at once
 * (and applied in every window); a bad value is refused with the field's message beside it.
 */
@customElement('lt-settings-view')
export class LtSettingsView extends LitElement {
  static override styles = [controlStyles, sectionStyles, fieldStyles, settingsStyles];

  @consume({ context: settingsContext })
  @property({ attribute: false })
  settings!: SettingsService;

  @consume({ context: dataClientContext })
  @property({ attribute: false })
  client!: DataClient;

  #model: SettingsModel | null = null;
  readonly #keys = new ShortcutController(this, () => [
    {
      keys: ['/'],
      group: 'Settings',
      label: 'Search settings',
      run: () => this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
    },
  ]);

  constructor() {
    super();
    new WatchController(
      this,
      () => [
        this.settings.$settings,
        this.settings.$loadError,
        this.model.$query,
        this.model.$errors,
        this.model.$projects,
      ],
      () => [this.model.connect()],
    );
  }

  get model(): SettingsModel {
    this.#model ??= new SettingsModel(this.settings, this.client);
    return this.#model;
  }

  override render() {
    const query = this.model.$query.get();
    const shown = FIELDS.filter((f) => fieldMatches(f, query));
    const loadError = this.settings.$loadError.get();
    return html`
      <h2 class="view-title">Settings</h2>
      ${loadError ? html`<p class="outcome error" role="alert">The settings could not be read: ${loadError.message}</p>` : nothing}
      <div class="search" role="search">
        <input type="search" placeholder="Search settings" aria-label="Search settings" .value=${query}
          @input=${(e: Event) => this.model.$query.set((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key === 'Escape' && query) {
              e.stopPropagation();
              this.model.$query.set('');
            }
          }} />
      </div>
      <p class="muted" role="status" aria-live="polite">${
        query.trim() ? (shown.length ? `${shown.length} of ${FIELDS.length} settings match` : '') : ''
      }</p>
      ${shown.length === 0 ? html`<p class="none muted">No setting matches “${query}”.</p>` : nothing}
      ${SECTIONS.map((section) => {
        const fields = shown.filter((f) => f.section === section.id);
        if (fields.length === 0) return nothing;
        return html`<section class="card" aria-labelledby="s-${section.id}" data-section=${section.id}>
          <h2 id="s-${section.id}">${section.title}</h2>
          ${fields.map((f) => this.#field(f))}
          ${section.id === 'tracking' ? html`<lt-presence-sources missing></lt-presence-sources>` : nothing}
        </section>`;
      })}
      ${query.trim() ? nothing : html`<lt-settings-history .model=${this.model}></lt-settings-history>`}
    `;
  }

  #field(field: FieldDef) {
    const ids = this.#ids(field.key);
    const error = this.model.$errors.get()[field.key];
    return html`<div class="field" data-key=${field.key}>
      <div class="label">
        <label class="name" id=${ids.label} for=${ids.control}>${field.label}</label>
        <p class="hint" id=${ids.hint}>${field.help}</p>
      </div>
      <div class="control">
        ${renderControl(field.key, this.#controls())}
        <p class="field-error" id=${ids.error} aria-live="polite">${error ?? nothing}</p>
      </div>
    </div>`;
  }

  #controls(): ControlContext {
    return {
      settings: this.settings.$settings.get(),
      projects: this.model.$projects.get(),
      change: (key: SettingKey, patch: SettingsPatch) => void this.model.change(key, patch),
      ids: (key) => this.#ids(key),
      invalid: (key) => Boolean(this.model.$errors.get()[key]),
    };
  }

  #ids(key: SettingKey) {
    return { label: `l-${key}`, hint: `h-${key}`, error: `e-${key}`, control: `f-${key}` };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-settings-view': LtSettingsView;
  }
}

import { consume } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

import { awayContext } from '../../context.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { AwayService } from '../../services/away/away-service.ts';

const NAMES = { idle: 'Idle time', lock: 'Screen lock', suspend: 'Sleep', 'clock-jump': 'Clock changes' } as const;
const STATE = { yes: 'works', partial: 'approximate', no: 'not available' } as const;

/**
 * Which presence sources work in this shell, in the shell's words: Settings lists only what is missing or guessed
 * (`missing`), Diagnostics all of them and the presence events refused as malformed.
 */
@customElement('lt-presence-sources')
export class LtPresenceSources extends LitElement {
  static override styles = css`
    :host { display: block; font-size: var(--lt-text-sm, 0.87rem); }
    :host([missing]) { border-top: 1px solid var(--lt-border, #eaecf0); margin-top: 0.75rem; padding-top: 0.6rem; }
    h3 { font-size: inherit; margin: 0; }
    ul { margin: 0.25rem 0 0; padding-inline-start: 1.1rem; }
    li { margin: 0.2rem 0; overflow-wrap: anywhere; }
    .no { color: var(--lt-warn, #b54708); }
    p { margin: 0.4rem 0 0; color: var(--lt-muted, #5d6b82); }
  `;

  @consume({ context: awayContext, subscribe: true })
  @property({ attribute: false })
  away?: AwayService;
  /** only the sources that do not fully work */
  @property({ type: Boolean }) missing = false;
  #asked: AwayService | undefined;

  constructor() {
    super();
    new WatchController(this, () => [this.away?.$sources, this.away?.$refused]);
  }

  override willUpdate(): void {
    if (this.away && this.away !== this.#asked) void (this.#asked = this.away).loadSources();
  }

  override render() {
    const sources = (this.away?.$sources.get() ?? []).filter((s) => !this.missing || s.available !== 'yes');
    const refused = this.away?.$refused.get() ?? 0;
    if (sources.length === 0 && this.missing) return nothing;
    return html`${this.missing ? html`<h3>Time away: what LightTrack cannot fully notice here</h3>` : nothing}
      <ul aria-label="What LightTrack can notice here">
        ${sources.map(
          (s) =>
            html`<li class=${s.available}><strong>${NAMES[s.kind]}: ${STATE[s.available]}.</strong> ${s.words}</li>`,
        )}
      </ul>
      ${!this.missing && refused > 0 ? html`<p>${refused} presence event${refused === 1 ? ' was' : 's were'} refused as malformed.</p>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-presence-sources': LtPresenceSources;
  }
}

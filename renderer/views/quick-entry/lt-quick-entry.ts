import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import type { QuickEntryResult } from '../../../shared/quick-entry.ts';
import { setFuzzysort } from '../../../shared/quick-entry/names.ts';
import { parseQuickEntry } from '../../../shared/quick-entry/parse.ts';
import type { Overlap, OverlapChoice } from '../../../shared/session-edits.ts';
import { trimOthersLabel } from '../../components/overlap-words.ts';
import { controlStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { DataClient } from '../../services/data-client.ts';
import { quickEntryStyles } from './lt-quick-entry.styles.ts';
import { QuickEntryModel } from './model.ts';
import type { Suggestions } from './suggestions.ts';

/**
 * One line to start a timer, log a session or run a command. Recognised words are highlighted on a layer behind a
 * transparent input; the entry is described in words below it; Enter commits through the data worker.
 * Events: `lt-quick-entry-done` after a commit, `lt-quick-entry-dismiss` on Escape, `lt-action` with the undoable
 * action when the write returned one.
 */
@customElement('lt-quick-entry')
export class LtQuickEntry extends LitElement {
  static override styles = [controlStyles, quickEntryStyles];

  @property({ attribute: false }) client: DataClient | null = null;
  /** tests pin the clock */
  @property({ attribute: false }) clock: () => number = Date.now;
  @property({ attribute: false }) timeZone: string | undefined;

  @state() private text = '';
  @state() private caret = 0;
  @state() private result: QuickEntryResult | null = null;
  @state() private suggestions: Suggestions | null = null;
  @state() private active = 0;
  @state() private outcome: { message: string; error: boolean } | null = null;
  @state() private overlaps: Overlap[] | null = null;
  @state() private busy = false;
  @query('input') private input!: HTMLInputElement;
  @query('.overlay .line') private line!: HTMLElement;

  #model: QuickEntryModel | null = null;
  #history: string[] | null = null;
  #historyAt = -1;
  // a model per connection, live while connected; the line is parsed again whenever the names it knows change
  readonly #watch = new WatchController(
    this,
    () => [],
    () => {
      if (!this.client) return [];
      const model = (this.#model = new QuickEntryModel(this.client, () => this.clock(), this.timeZone));
      const refresh = () => this.#reparse();
      return [
        model.connect(),
        model.$projects.listen(refresh),
        model.$tags.listen(refresh),
        model.$recent.listen(refresh),
        model.$clock.listen(() => this.requestUpdate()),
      ];
    },
  );

  get model(): QuickEntryModel | null {
    return this.#model;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // fuzzy matching arrives after the first paint (it is a third of the page's script)
    setTimeout(() => void loadFuzzysort().then(() => this.#reparse()), 0);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a client given after connecting: its model starts now
    if (changed.has('client') && this.isConnected && this.client && !this.#model) this.#watch.resubscribe();
  }

  /** Focuses the line (the window or palette calls this when it shows). */
  override focus(): void {
    this.input?.focus();
  }

  /** Takes over text typed before the component was ready (the page's early input), caret at the end. */
  adoptText(text: string): void {
    if (!text) return;
    this.#setText(text, text.length);
    void this.updateComplete.then(() => this.input?.setSelectionRange(text.length, text.length));
  }

  /** Empties the line and any message, as a freshly opened window shows it. */
  reset(): void {
    this.#setText('', 0);
    this.outcome = null;
    this.overlaps = null;
    this.#history = null;
    this.#historyAt = -1;
  }

  #setText(text: string, caret: number): void {
    this.text = text;
    this.caret = caret;
    this.#reparse();
  }

  #reparse(): void {
    if (!this.#model) return;
    this.result = this.text.trim() ? parseQuickEntry(this.text, this.#model.context()) : null;
    const m = this.#model;
    // the list comes with fuzzysort, after the first paint (the line itself parses without it)
    const next = suggestions?.suggest(this.text, this.caret, m.$projects.get(), m.$tags.get(), m.$issues.get()) ?? null;
    if (next?.from !== this.suggestions?.from || next?.query !== this.suggestions?.query) this.active = 0;
    this.suggestions = next && next.items.length ? next : null;
  }

  #onInput(e: InputEvent): void {
    const input = e.target as HTMLInputElement;
    this.outcome = null;
    this.overlaps = null;
    this.#history = null;
    this.#historyAt = -1;
    this.#setText(input.value, input.selectionStart ?? input.value.length);
  }

  #onCaret(): void {
    const caret = this.input.selectionStart ?? this.text.length;
    if (caret !== this.caret) {
      this.caret = caret;
      this.#reparse();
    }
    this.#syncScroll();
  }

  #syncScroll(): void {
    if (this.line && this.input) this.line.style.transform = `translateX(${-this.input.scrollLeft}px)`;
  }

  #onKeydown(e: KeyboardEvent): void {
    const s = this.suggestions;
    // while walking recent entries the arrows keep walking them (a recalled line's @project would offer suggestions)
    if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && (this.text === '' || this.#history)) {
      e.preventDefault();
      this.#walkHistory(e.key === 'ArrowUp' ? 1 : -1);
      return;
    }
    if (s && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const n = s.items.length;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      return;
    }
    if (s && e.key === 'Tab' && !e.shiftKey) {
      e.preventDefault();
      this.#pick(this.active);
      return;
    }
    if (e.key === 'Escape') {
      e.preventDefault();
      if (s) this.suggestions = null;
      else this.dispatchEvent(new CustomEvent('lt-quick-entry-dismiss', { bubbles: true, composed: true }));
      return;
    }
    if (e.key === 'Enter' && !e.isComposing) {
      e.preventDefault();
      void this.commit();
    }
  }

  #walkHistory(step: number): void {
    this.#history ??= this.#model?.recentLines() ?? [];
    const at = Math.max(-1, Math.min(this.#history.length - 1, this.#historyAt + step));
    this.#historyAt = at;
    const line = at === -1 ? '' : this.#history[at]!;
    this.#setText(line, line.length);
    this.suggestions = null;
    if (at === -1) this.#history = null;
    void this.updateComplete.then(() => this.input.setSelectionRange(line.length, line.length));
  }

  #pick(index: number): void {
    const s = this.suggestions;
    const item = s?.items[index];
    if (!s || !item) return;
    const next = suggestions!.applySuggestion(this.text, s, item.label);
    this.#setText(next.text, next.caret);
    this.suggestions = null;
    void this.updateComplete.then(() => {
      this.input.focus();
      this.input.setSelectionRange(next.caret, next.caret);
      this.#syncScroll();
    });
  }

  /** Commits the line: Enter does this. Resolves when the worker answered. */
  async commit(overlap?: OverlapChoice): Promise<void> {
    const model = this.#model;
    if (!model || this.busy) return;
    if (!this.text.trim()) return;
    // parse again at this instant: "-15m" means fifteen minutes before Enter, not before the last key
    const result = parseQuickEntry(this.text, model.context());
    this.result = result;
    if (result.kind === 'invalid') {
      this.outcome = { message: result.problems[0]!.message, error: true };
      return;
    }
    this.busy = true;
    try {
      const outcome = await model.commit(result, overlap);
      if (outcome.status === 'overlap') {
        this.overlaps = outcome.overlaps;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLButtonElement>('.choice button')?.focus();
        return;
      }
      this.overlaps = null;
      if (outcome.status === 'failed') {
        this.outcome = { message: outcome.message, error: true };
        return;
      }
      this.#setText('', 0);
      this.outcome = { message: outcome.message, error: false };
      if (outcome.action)
        this.dispatchEvent(new CustomEvent('lt-action', { detail: outcome.action, bubbles: true, composed: true }));
      this.dispatchEvent(
        new CustomEvent('lt-quick-entry-done', { detail: { kind: result.kind }, bubbles: true, composed: true }),
      );
      this.input.focus();
    } finally {
      this.busy = false;
    }
  }

  #resolveOverlap(choice: OverlapChoice | null): void {
    if (choice) void this.commit(choice);
    else {
      this.overlaps = null;
      this.input.focus();
    }
  }

  protected override updated(): void {
    this.#syncScroll();
  }

  override render() {
    const r = this.result;
    const s = this.suggestions;
    const listId = 'qe-suggestions';
    const problems = r?.problems ?? [];
    const model = this.#model;
    const preview =
      r && model && r.kind !== 'invalid'
        ? (preview_?.describeEntry(
            r,
            { project: (ref) => model.projectLabel(ref), tag: (ref) => model.tagName(ref) },
            model.now(),
            model.timeZone,
            model.$clock.get(),
          ) ?? null)
        : null;
    return html`
      <div class="field">
        <div class="overlay" aria-hidden="true"><span class="line">${this.#highlighted()}</span></div>
        <input
          type="text"
          .value=${this.text}
          placeholder="What are you doing? e.g. Write report @Website #writing -15m"
          aria-label="Quick entry"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${s ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${s ? `qe-s-${this.active}` : nothing}
          aria-describedby="qe-preview qe-problems"
          aria-invalid=${problems.length ? 'true' : 'false'}
          autocomplete="off"
          spellcheck="false"
          ?readonly=${this.busy}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @keyup=${this.#onCaret}
          @click=${this.#onCaret}
          @select=${this.#onCaret}
          @scroll=${this.#syncScroll}
        />
      </div>
      <ul id=${listId} role="listbox" aria-label=${s?.marker === '#' ? 'Tags' : s?.marker === 'key' ? 'Jira issues' : 'Projects'} ?hidden=${!s}>
        ${s?.items.map(
          (item, i) => html`<li id="qe-s-${i}" role="option" aria-selected=${i === this.active ? 'true' : 'false'}
          title=${item.label} @mousedown=${(e: Event) => {
            e.preventDefault();
            this.#pick(i);
          }}>${s.marker === 'key' ? html`${item.label} <span class="detail">${item.detail}</span>` : html`${s.marker}${bolded(item.label, item.indexes)}`}</li>`,
        )}
      </ul>
      <p id="qe-preview" class="preview ${preview ? 'ok' : ''}" aria-live="polite">${preview ?? (r ? '' : 'Start a timer, log time or type stop, pause, resume, continue.')}</p>
      <ul id="qe-problems" class="problems" aria-live="polite">${problems.map((p) => html`<li>${p.message}</li>`)}</ul>
      ${this.overlaps ? this.#renderOverlaps(this.overlaps) : nothing}
      ${this.outcome && !problems.length ? html`<p class="outcome ${this.outcome.error ? 'error' : ''}" role="status">${this.outcome.message}</p>` : nothing}
    `;
  }

  #renderOverlaps(overlaps: Overlap[]) {
    const hour12 = this.#model?.$clock.get() === '12h';
    const clock = new Intl.DateTimeFormat(hour12 ? 'en-US' : 'en-GB', {
      timeZone: this.timeZone,
      hour: hour12 ? 'numeric' : '2-digit',
      minute: '2-digit',
      hourCycle: hour12 ? 'h12' : 'h23',
    });
    const time = (ms: number) => clock.format(ms);
    const first = overlaps[0]!;
    const more = overlaps.length > 1 ? ` and ${overlaps.length - 1} more` : '';
    return html`<div class="choice" role="group" aria-label="This entry overlaps other sessions"
        @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.#resolveOverlap(null))}>
      <p>This overlaps ‘${first.otherName || 'a session'}’ ${time(first.from)}–${time(first.to)}${first.covered ? `, which lies inside it${more ? ',' : ''}` : ''}${more}.</p>
      <div class="actions">
        <button class="btn primary" @click=${() => this.#resolveOverlap('trim-this')}>Shorten this entry</button>
        <button class="btn" @click=${() => this.#resolveOverlap('trim-others')}>${trimOthersLabel(overlaps)}</button>
        <button class="btn" @click=${() => this.#resolveOverlap('keep')}>Keep both</button>
        <button class="btn" @click=${() => this.#resolveOverlap(null)}>Cancel</button>
      </div>
    </div>`;
  }

  /** The line cut into plain text and token spans; problem ranges underlined. */
  #highlighted() {
    const text = this.text;
    const r = this.result;
    if (!r) return text;
    const bad = (from: number, to: number) => r.problems.some((p) => p.from < to && p.to > from);
    const out: unknown[] = [];
    let at = 0;
    const plain = (to: number) => {
      if (to > at) out.push(bad(at, to) ? html`<span class="bad">${text.slice(at, to)}</span>` : text.slice(at, to));
    };
    for (const t of r.tokens) {
      plain(t.from);
      out.push(html`<span class="t t-${t.kind} ${bad(t.from, t.to) ? 'bad' : ''}">${text.slice(t.from, t.to)}</span>`);
      at = t.to;
    }
    plain(text.length);
    return out;
  }
}

/** The words preview, the suggestion list and fuzzysort load after the first paint (the page's script budget). */
let suggestions: typeof import('./suggestions.ts') | null = null;
let preview_: typeof import('./preview.ts') | null = null;
let fuzzyLoad: Promise<void> | null = null;
function loadFuzzysort(): Promise<void> {
  fuzzyLoad ??= Promise.all([
    import('fuzzysort').then(
      (m) => setFuzzysort(m.default),
      () => undefined,
    ),
    import('./suggestions.ts').then((m) => void (suggestions = m)),
    import('./preview.ts').then((m) => void (preview_ = m)),
  ]).then(() => undefined);
  return fuzzyLoad;
}

function bolded(label: string, indexes: readonly number[]) {
  if (!indexes.length) return label;
  const set = new Set(indexes);
  return [...label].map((c, i) => (set.has(i) ? html`<b>${c}</b>` : c));
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-quick-entry': LtQuickEntry;
  }
}

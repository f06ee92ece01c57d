import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

import type { AwayGap, GapChoice, GapEntry } from '../../../shared/away.ts';
import { toAppError } from '../../../shared/errors.ts';
import { parseQuickEntry, type NamedItem } from '../../../shared/quick-entry.ts';
import type { Tag } from '../../../shared/tag.ts';
import { announceAction } from '../../components/actions.ts';
import { formatTimeOfDay } from '../../components/format.ts';
import { controlStyles, dialogStyles, fieldStyles } from '../../components/styles.ts';
import { WatchController } from '../../controllers/watch.ts';
import type { AwayService } from '../../services/away/away-service.ts';
import type { DataClient } from '../../services/data-client.ts';
import type { SettingsService } from '../../services/settings.ts';
import type { TimerModel } from '../../state/timer-model.ts';
import { CHOICES, gapTitle, prefillLine } from './away-words.ts';

/**
 * The gap review: "You were away 10:42–11:27 (45 min) — idle" and the five choices, one gap at a time (the queue
 * says how many wait), keyboard first: each choice has a key, Enter keeps, A applies the choice to every gap waiting,
 * Esc decides later. Logging the gap as something else takes a quick-entry line prefilled with its range.
 */
@customElement('lt-away-review')
export class LtAwayReview extends LitElement {
  static override styles = [
    controlStyles,
    fieldStyles,
    dialogStyles,
    css`
      dialog { inline-size: min(36rem, calc(100vw - 1.5rem)); }
      .lead { margin: 0 0 0.9rem; color: var(--lt-muted, #5d6b82); overflow-wrap: anywhere; }
      .queue { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); margin: 0 0 0.35rem; }
      ul.choices { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      .choice { display: grid; grid-template-columns: auto minmax(0, 1fr); align-items: center; gap: 0.1rem 0.7rem;
        inline-size: 100%; text-align: start; white-space: normal; padding: 0.5rem 0.75rem; }
      .choice kbd { grid-row: span 2; min-inline-size: 3rem; box-sizing: border-box; }
      .choice .label { font-weight: 600; }
      .choice .hint { font-size: var(--lt-text-sm, 0.87rem); font-weight: 400; color: var(--lt-muted, #5d6b82); }
      .choice.primary .hint { color: inherit; }
      kbd { font: inherit; font-size: 0.8rem; min-inline-size: 1.4rem; text-align: center; padding: 0.05rem 0.35rem;
        border-radius: 4px; border: 1px solid var(--lt-border, #d0d5dd); background: var(--lt-surface, #f9fafb);
        color: var(--lt-text, #101828); }
      .all { display: flex; align-items: center; gap: 0.45rem; margin: 0.9rem 0 0; }
      dialog form.log { display: grid; gap: 0.4rem; margin: 0.2rem 0 0; padding: 0; }
      .log input { inline-size: 100%; font-family: var(--lt-mono, ui-monospace, monospace); }
      .preview { font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); margin: 0; overflow-wrap: anywhere; }
      .error { color: var(--lt-danger-text, #b42318); margin: 0.6rem 0 0; overflow-wrap: anywhere; }
      footer { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 0.5rem;
        margin-top: 1rem; }
    `,
  ];

  @property({ attribute: false }) away!: AwayService;
  @property({ attribute: false }) timer!: TimerModel;
  @property({ attribute: false }) client!: DataClient;
  @property({ attribute: false }) settings!: SettingsService;
  /** the wall clock (tests give their own) */
  @property({ attribute: false }) now: () => number = Date.now;

  @state() private applyAll = false;
  @state() private logging = false;
  @state() private line = '';
  @state() private error: string | null = null;
  @state() private busy = false;
  @query('dialog') private dialog!: HTMLDialogElement;
  #tags: Tag[] = [];
  /** the line as prefilled: while its range is unchanged, the gap's exact range is logged (DST, long gaps) */
  #prefill = '';

  constructor() {
    super();
    new WatchController(this, () => [this.away?.$pending, this.away?.$away, this.settings?.$settings]);
  }

  get #gap(): AwayGap | null {
    return this.away.$pending.get()[0] ?? null;
  }

  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Closes the review until new away time arrives (Esc, or "Later"). */
  later(): void {
    this.dialog?.close();
    this.dispatchEvent(new CustomEvent('lt-away-later', { bubbles: true, composed: true }));
  }

  protected override updated(): void {
    const gap = this.#gap;
    if (gap && !this.away.$away.get() && this.dialog && !this.dialog.open) {
      this.dialog.showModal();
      this.#focusFirst();
    } else if (!gap && this.dialog?.open) this.dialog.close();
  }

  #focusFirst(): void {
    void this.updateComplete.then(() =>
      (this.logging
        ? this.renderRoot.querySelector<HTMLElement>('input[name="entry"]')
        : this.renderRoot.querySelector<HTMLElement>('button[data-choice="keep"]')
      )?.focus(),
    );
  }

  readonly #onKey = (e: KeyboardEvent): void => {
    // the window's own single-letter keys must not act behind the dialog
    e.stopPropagation();
    if (e.ctrlKey || e.metaKey || e.altKey || this.busy) return;
    const inField = (e.composedPath()[0] as Element | undefined)?.tagName === 'INPUT';
    if (this.logging) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.logging = false;
        this.#focusFirst();
      }
      return;
    }
    const onButton = (e.composedPath()[0] as Element | undefined)?.tagName === 'BUTTON';
    if (e.key === 'Enter' && !onButton) {
      // Enter keeps (a focused button answers Enter itself)
      e.preventDefault();
      void this.#choose('keep');
      return;
    }
    if (inField) return;
    const key = e.key.toLowerCase();
    if (key === 'a') {
      e.preventDefault();
      this.applyAll = !this.applyAll;
      return;
    }
    const picked = CHOICES.find((c) => c.key === key);
    if (picked) {
      e.preventDefault();
      void this.#choose(picked.choice);
    }
  };

  async #choose(choice: GapChoice): Promise<void> {
    const gap = this.#gap;
    if (!gap) return;
    if (choice === 'log-other') {
      this.#prefill = this.line = prefillLine(gap, this.now());
      this.logging = true;
      this.applyAll = false;
      this.error = null;
      this.#tags = await this.client.data.listTags().catch(() => []);
      this.#focusFirst();
      return;
    }
    await this.#run(() =>
      this.applyAll && this.away.$pending.get().length > 1
        ? this.away.resolveAll(choice)
        : this.away.resolve(gap.id, choice),
    );
  }

  async #run(fn: () => Promise<{ action: { id: number; label: string } | null }>): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const out = await fn();
      announceAction(this, out.action);
      this.logging = false;
      this.applyAll = false;
    } catch (error) {
      const e = toAppError(error);
      // another window reviewed it first: the list catches up, the next gap shows
      if (e.code === 'CONFLICT') await this.away.reload();
      else this.error = e.message;
    } finally {
      this.busy = false;
      // (the buttons were disabled meanwhile, which took the focus away)
      if (this.#gap) this.#focusFirst();
    }
  }

  #parse(text: string) {
    const projects: NamedItem[] = this.timer.$projects.get().filter((p) => p.archivedAt === null);
    return parseQuickEntry(text, {
      now: this.now(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      projects,
      tags: this.#tags,
    });
  }

  async #log(e: Event): Promise<void> {
    e.preventDefault();
    const gap = this.#gap;
    if (!gap) return;
    const parsed = this.#parse(this.line);
    if (parsed.kind === 'invalid' || parsed.problems.length > 0) {
      this.error = parsed.problems[0]?.message ?? 'That line does not say what to log.';
      return;
    }
    const first = this.#parse(this.#prefill);
    const unchanged = parsed.start === first.start && parsed.end === first.end;
    await this.#run(async () => {
      const projectId = parsed.project
        ? 'id' in parsed.project
          ? parsed.project.id
          : await this.timer.projectIdFor(parsed.project.newName)
        : null;
      const entry: GapEntry = {
        name: parsed.name,
        projectId,
        tags: parsed.tags.map((t) =>
          'newName' in t ? t.newName : (this.#tags.find((x) => x.id === t.id)?.name ?? ''),
        ),
        billable: parsed.billable,
        ...(unchanged || parsed.start === null || parsed.end === null
          ? {}
          : { startTime: parsed.start, endTime: parsed.end }),
      };
      return this.away.resolve(gap.id, 'log-other', entry);
    });
  }

  #preview(): string {
    const p = this.#parse(this.line);
    if (p.problems.length > 0) return p.problems[0]!.message;
    const name = p.name || 'untitled';
    const project = p.project
      ? ` on ${'id' in p.project ? (this.timer.projectById(p.project.id)?.name ?? '') : `${p.project.newName} (new)`}`
      : '';
    const clock = this.settings.$settings.get().clock;
    const range =
      p.start !== null && p.end !== null ? ` ${formatTimeOfDay(p.start, clock)}–${formatTimeOfDay(p.end, clock)}` : '';
    return `Logs “${name}”${range}${project}${p.tags.length ? ` with ${p.tags.length} tag${p.tags.length > 1 ? 's' : ''}` : ''}.`;
  }

  override render() {
    const gap = this.#gap;
    if (!gap) return html`<dialog aria-label="Time away"></dialog>`;
    const clock = this.settings.$settings.get().clock;
    const waiting = this.away.$pending.get().length;
    const session = this.timer.$running.get();
    return html`<dialog aria-labelledby="away-title" aria-describedby="away-lead" @keydown=${this.#onKey}
      @cancel=${(e: Event) => {
        e.preventDefault();
        if (!this.logging) this.later();
      }}>
      <div class="body">
        ${waiting > 1 ? html`<p class="queue">1 of ${waiting} times away to review</p>` : nothing}
        <h2 id="away-title">${gapTitle(gap, clock, this.now())}</h2>
        <p class="lead" id="away-lead">${
          session && session.id === gap.sessionId
            ? html`“${session.name || 'untitled'}” was running. What was this time?`
            : 'A timer was running. What was this time?'
        }</p>
        ${this.logging ? this.#logForm() : this.#choices(gap, clock)}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <footer>
          ${
            waiting > 1 && !this.logging
              ? html`<label class="all"><input type="checkbox" .checked=${this.applyAll}
                  @change=${(e: Event) => (this.applyAll = (e.target as HTMLInputElement).checked)} />
                  <span>Apply to all ${waiting} <kbd>A</kbd></span></label>`
              : html`<span></span>`
          }
          ${this.logging ? nothing : html`<button class="btn ghost" type="button" @click=${() => this.later()}>Later <kbd>Esc</kbd></button>`}
        </footer>
      </div>
    </dialog>`;
  }

  #choices(gap: AwayGap, clock: '24h' | '12h') {
    return html`<ul class="choices" aria-label="What this time was">
      ${CHOICES.map(
        (c) => html`<li><button type="button" class="btn choice ${c.choice === 'keep' ? 'primary' : ''}"
          data-choice=${c.choice} aria-keyshortcuts=${c.choice === 'keep' ? `${c.key.toUpperCase()} Enter` : c.key.toUpperCase()}
          ?disabled=${this.busy || (this.applyAll && c.choice === 'log-other')} @click=${() => void this.#choose(c.choice)}>
          <kbd>${c.choice === 'keep' ? 'Enter' : c.key.toUpperCase()}</kbd>
          <span class="label">${c.label}</span><span class="hint">${c.hint(gap, clock)}</span>
        </button></li>`,
      )}
    </ul>`;
  }

  #logForm() {
    return html`<form class="log" @submit=${(e: Event) => void this.#log(e)}>
      <label for="away-entry">What was it? One line, as in quick entry (@project #tag $ for billable)</label>
      <input id="away-entry" name="entry" autocomplete="off" spellcheck="false" .value=${this.line}
        aria-describedby="away-preview" @input=${(e: Event) => (this.line = (e.target as HTMLInputElement).value)} />
      <p class="preview" id="away-preview" aria-live="polite">${this.#preview()}</p>
      <div class="actions">
        <button class="btn" type="button" @click=${() => {
          this.logging = false;
          this.#focusFirst();
        }}>Back <kbd>Esc</kbd></button>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Log it <kbd>Enter</kbd></button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-away-review': LtAwayReview;
  }
}

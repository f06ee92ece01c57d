import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

import { CHANGED_TABLES } from '../../shared/changes.ts';
import { toAppError } from '../../shared/errors.ts';
import type { Goal, GoalProgress } from '../../shared/goal.ts';
import type { Project } from '../../shared/project.ts';
import type { Tag } from '../../shared/tag.ts';
import { dataClientContext } from '../context.ts';
import { FormatController } from '../controllers/format.ts';
import { WatchController } from '../controllers/watch.ts';
import type { DataClient } from '../services/data-client.ts';
import { cssVars } from './css-vars.ts';
import { controlStyles } from './styles.ts';

import './lt-tag-chip.ts';

import { CoalescedRead } from '../state/coalesced.ts';

const PERIOD = {
  day: ['a day', 'day', 'days'],
  week: ['a week', 'week', 'weeks'],
  month: ['a month', 'month', 'months'],
} as const;
const TICK_MS = 60_000;

/**
 * Live progress of every goal in its current period (the running timer counts), with streaks. Refreshes on every
 * change to sessions or goals in any window, and every minute while a timer runs. With `editable`, each goal has
 * Edit and Delete buttons that fire `goal-edit` / `goal-delete` (detail: the Goal).
 */
@customElement('lt-goal-progress')
export class LtGoalProgress extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--lt-space-3, 0.75rem); }
    li { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.2rem var(--lt-space-3, 0.75rem); align-items: center; }
    .title { display: flex; flex-wrap: wrap; align-items: center; gap: 0 var(--lt-space-2, 0.5rem); min-width: 0; font-weight: 600; }
    .title > span:first-child { max-width: 100%; }
    .scope { white-space: nowrap; font-weight: 500; }
    .bar { grid-column: 1 / -1; block-size: 0.5rem; border-radius: 999px; background: var(--lt-track, #eaecf0); overflow: hidden; }
    .fill { block-size: 100%; inline-size: var(--done, 0%); border-radius: inherit; background: var(--lt-accent, #3a64e8); }
    li.met .fill { background: var(--lt-ok, #067647); }
    li.over .fill { background: var(--lt-danger, #d92d20); }
    .numbers { grid-column: 1 / -1; display: flex; flex-wrap: wrap; gap: 0.1rem var(--lt-space-3, 0.75rem);
      font-size: var(--lt-text-sm, 0.87rem); color: var(--lt-muted, #5d6b82); font-variant-numeric: tabular-nums; }
    .status.met { color: var(--lt-ok, #067647); font-weight: 600; }
    .status.over { color: var(--lt-danger-text, #b42318); font-weight: 600; }
    .buttons { display: flex; gap: var(--lt-space-1, 0.25rem); }
    .empty { margin: 0; }
  `,
  ];

  @consume({ context: dataClientContext, subscribe: true })
  @property({ attribute: false })
  client?: DataClient;

  @property({ type: Boolean }) editable = false;
  /** only goals of this period (day, week, month), for the Day and Week views */
  @property() period: Goal['period'] | '' = '';
  /** shows nothing at all while loading or without goals (embedded in the Day and Week views) */
  @property({ type: Boolean }) quiet = false;

  @state() private goals: Goal[] = [];
  @state() private progress = new Map<string, GoalProgress>();
  @state() private projects: Project[] = [];
  @state() private tags: Tag[] = [];
  @state() private loaded = false;
  @state() private error: string | null = null;

  readonly #format = new FormatController(this);
  // live while connected: every change to what a goal counts, from any window, and worker restarts
  readonly #watch = new WatchController(
    this,
    () => [],
    () => {
      this.#watched = this.client;
      if (!this.client) return [];
      void this.refresh();
      return [this.client.watch(CHANGED_TABLES, () => this.refresh()), () => this.#tick(false)];
    },
  );
  #watched: DataClient | undefined;
  #ticker: ReturnType<typeof setInterval> | null = null;
  readonly #reads = new CoalescedRead(
    async () => {
      const data = this.client!.data;
      const [goals, progress, projects, tags, running] = await Promise.all([
        data.listGoals(),
        data.goalProgress(),
        data.listProjects(),
        data.listTags(),
        data.runningTimer(),
      ]);
      this.goals = goals;
      this.progress = new Map(progress.map((p) => [p.goalId, p]));
      this.projects = projects;
      this.tags = tags;
      this.#tick(running !== null);
      this.error = null;
      this.loaded = true;
    },
    (error) => {
      this.error = `Goals could not be read: ${toAppError(error).message}`;
      this.loaded = true;
    },
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a client provided after connecting (context with subscribe) is watched from then on
    if (changed.has('client') && this.isConnected && this.client !== this.#watched) this.#watch.resubscribe();
  }

  /** Re-reads goals and progress; calls during a read coalesce into one more. */
  refresh(): Promise<void> {
    return this.client ? this.#reads.run() : Promise.resolve();
  }

  #tick(on: boolean): void {
    if (on && !this.#ticker) this.#ticker = setInterval(() => void this.refresh(), TICK_MS);
    if (!on && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }

  override render() {
    if (this.error) return html`<p class="outcome error" role="alert">${this.error}</p>`;
    if (!this.loaded) return this.quiet ? nothing : html`<p class="muted empty">Loading goals…</p>`;
    const goals = this.goals.filter((g) => !this.period || g.period === this.period);
    if (goals.length === 0 && this.quiet) return nothing;
    if (goals.length === 0)
      return html`<p class="muted empty">No goals yet.${this.editable ? ' Add one to track a daily, weekly or monthly target.' : ''}</p>`;
    return html`<ul aria-label="Goals">${goals.map((g) => this.#goal(g))}</ul>`;
  }

  #goal(goal: Goal) {
    const p = this.progress.get(goal.id);
    const d = (ms: number) => this.#format.duration(ms);
    const target = goal.targetMinutes * 60_000;
    const done = p?.doneMs ?? 0;
    const share = target > 0 ? Math.min(1, done / target) : 0;
    const over = goal.kind === 'at-most' && done > target;
    const met = goal.kind === 'at-least' && done >= target;
    const title = this.#title(goal);
    const status = over
      ? `Over by ${d(done - target)}`
      : met
        ? 'Met'
        : goal.kind === 'at-least'
          ? `${d(target - done)} to go`
          : `${d(target - done)} left`;
    const [, one, many] = PERIOD[goal.period];
    const streak = p?.streak ?? 0;
    return html`<li class=${over ? 'over' : met ? 'met' : ''} data-goal=${goal.id}>
      <div class="title"><span class="ellipsis" title=${title}>${title}</span>${this.#scope(goal)}</div>
      ${
        this.editable
          ? html`<div class="buttons">
        <button class="btn small edit" type="button" aria-label="Edit goal ${title}" @click=${() => this.#fire('goal-edit', goal)}>Edit</button>
        <button class="btn small delete" type="button" aria-label="Delete goal ${title}" @click=${() => this.#fire('goal-delete', goal)}>Delete</button>
      </div>`
          : nothing
      }
      <div class="bar" role="progressbar" aria-label=${title} aria-valuemin="0" aria-valuemax=${goal.targetMinutes}
        aria-valuenow=${Math.round(done / 60_000)} aria-valuetext="${d(done)} of ${d(target)}">
        <div class="fill" style=${cssVars({ '--done': `${(share * 100).toFixed(1)}%` })}></div></div>
      <div class="numbers">
        <span class="done">${d(done)} of ${d(target)}</span>
        <span class="status ${over ? 'over' : met ? 'met' : ''}">${status}</span>
        ${streak > 0 ? html`<span class="streak">${streak} ${streak === 1 ? one : many} in a row</span>` : nothing}
      </div>
    </li>`;
  }

  #title(goal: Goal): string {
    if (goal.name.trim()) return goal.name;
    const kind = goal.kind === 'at-least' ? 'At least' : 'At most';
    return `${kind} ${this.#format.duration(goal.targetMinutes * 60_000)} ${PERIOD[goal.period][0]}`;
  }

  #scope(goal: Goal) {
    if (goal.tagId) {
      const tag = this.tags.find((t) => t.id === goal.tagId);
      return html`<lt-tag-chip .name=${tag?.name ?? 'deleted tag'} .color=${tag?.color ?? null}></lt-tag-chip>`;
    }
    if (goal.projectId) {
      const name = this.projects.find((p) => p.id === goal.projectId)?.name ?? 'deleted project';
      return html`<span class="muted ellipsis scope" title=${name}>${name}</span>`;
    }
    return html`<span class="muted scope">all work</span>`;
  }

  #fire(type: 'goal-edit' | 'goal-delete', goal: Goal): void {
    this.dispatchEvent(new CustomEvent(type, { detail: goal, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lt-goal-progress': LtGoalProgress;
  }
}

import { atom } from 'nanostores';
import * as v from 'valibot';

import { CHANGED_TABLES } from '../../../shared/changes.ts';
import { toAppError } from '../../../shared/errors.ts';
import type { Project } from '../../../shared/project.ts';
import { presetRange, stepRange, type DayRange, type Preset } from '../../../shared/report-range.ts';
import {
  ReportFiltersSchema,
  ReportInputSchema,
  type GroupKey,
  type Report,
  type ReportFilters,
  type ReportRow,
} from '../../../shared/reports.ts';
import type { Tag } from '../../../shared/tag.ts';
import type { DataClient } from '../../services/data-client.ts';
import { CoalescedRead } from '../../state/coalesced.ts';

export interface ReportQuery extends DayRange {
  preset: Preset;
  groupBy: GroupKey;
  subGroupBy: GroupKey | null;
  filters: ReportFilters;
}
export type RowSort = 'start' | 'duration' | 'name' | 'project';

const ROWS_PAGE = 200;

/** The first message of a validation failure, as "Filter text must be at most 200 characters". */
function issueText(what: string, issues: readonly v.BaseIssue<unknown>[]): string {
  return `${what} ${issues[0]?.message ?? 'is not valid'}.`;
}

/**
 * The Reports view's state: the query (range, grouping, filters), the one report answer, the detailed table's rows
 * (paged in as the table scrolls), the projects and tags the filters offer, and the drill-in history for Back.
 * A query the worker would refuse is refused here first with a sentence, and the shown report stays as it was.
 */
export class ReportsModel {
  readonly $query: ReturnType<typeof atom<ReportQuery>>;
  readonly $report = atom<Report | null>(null);
  readonly $rows = atom<ReportRow[]>([]);
  readonly $rowTotal = atom(0);
  readonly $error = atom<string | null>(null);
  /** a report is being made for the current query */
  readonly $loading = atom(false);
  /** a refused query (bad filter text, from after to): said next to the field, nothing else changes */
  readonly $inputError = atom<string | null>(null);
  readonly $sort = atom<{ sort: RowSort; descending: boolean }>({ sort: 'start', descending: false });
  readonly $projects = atom<Project[]>([]);
  readonly $tags = atom<Tag[]>([]);
  /** queries before each drill-in, newest last */
  readonly $history = atom<ReportQuery[]>([]);
  #seq = 0;
  #rowSeq = 0;
  #rowsLoading = false;
  readonly #lists = new CoalescedRead(
    async () => {
      const [projects, tags] = await Promise.all([this.client.data.listProjects(), this.client.data.listTags()]);
      this.$projects.set(projects);
      this.$tags.set(tags);
    },
    () => undefined,
  );

  constructor(
    private readonly client: DataClient,
    public weekStart = 1,
    now = Date.now(),
  ) {
    this.$query = atom<ReportQuery>({
      ...presetRange('this-week', now, weekStart),
      preset: 'this-week',
      groupBy: 'project',
      subGroupBy: null,
      filters: {},
    });
  }

  /** Loads the report and keeps it fresh (any change, in any window, may change a figure) until the answer is called. */
  connect(): () => void {
    const stopWatching = this.client.watch(CHANGED_TABLES, () => Promise.all([this.load(), this.loadLists()]));
    // after an import the worker answers from the sessions while it builds its summaries in the background (nothing
    // announces the end): ask again, less and less often, until the answer says it has caught up
    let again: ReturnType<typeof setTimeout> | undefined;
    let delay = 2_000;
    const stopCatchingUp = this.$report.listen((r) => {
      clearTimeout(again);
      if (!r?.catchingUp) {
        delay = 2_000;
        return;
      }
      again = setTimeout(() => void this.load(), delay);
      delay = Math.min(delay * 2, 30_000);
    });
    void this.load();
    void this.loadLists();
    return () => {
      stopWatching();
      stopCatchingUp();
      clearTimeout(again);
    };
  }

  /** Reads the report and the table's first page; a newer load wins over an older one still running. */
  async load(): Promise<void> {
    const seq = ++this.#seq;
    const q = this.$query.get();
    this.$loading.set(true);
    try {
      const input = { from: q.from, to: q.to, groupBy: q.groupBy, subGroupBy: q.subGroupBy, filters: q.filters };
      const rowSeq = ++this.#rowSeq;
      const [report, page] = await Promise.all([this.client.data.report(input), this.#page(q, 0)]);
      if (seq !== this.#seq) return;
      // report and first rows land together: one rendering, not two
      this.$report.set(report);
      if (rowSeq === this.#rowSeq) {
        this.$rowTotal.set(page.total);
        this.$rows.set(page.rows);
      }
      this.$error.set(null);
    } catch (error) {
      if (seq === this.#seq) this.$error.set(`The report could not be made: ${toAppError(error).message}`);
    } finally {
      if (seq === this.#seq) this.$loading.set(false);
    }
  }

  /** Projects and tags for the filter choices. */
  loadLists(): Promise<void> {
    return this.#lists.run();
  }

  /** The table's rows from `offset`; `reset` starts over (new query or sort). Pages already loading are not asked twice. */
  async loadRows(offset: number, reset = false): Promise<void> {
    if (!reset && (this.#rowsLoading || offset < this.$rows.get().length || offset >= this.$rowTotal.get())) return;
    const seq = reset ? ++this.#rowSeq : this.#rowSeq;
    const q = this.$query.get();
    this.#rowsLoading = true;
    try {
      const page = await this.#page(q, offset);
      if (seq !== this.#rowSeq) return;
      this.$rowTotal.set(page.total);
      this.$rows.set(reset ? page.rows : [...this.$rows.get(), ...page.rows]);
    } finally {
      if (seq === this.#rowSeq) this.#rowsLoading = false;
    }
  }

  #page(q: ReportQuery, offset: number) {
    return this.client.data.reportRows({
      from: q.from,
      to: q.to,
      filters: q.filters,
      ...this.$sort.get(),
      offset,
      limit: ROWS_PAGE,
    });
  }

  /** Changes the query when the worker would accept it; otherwise says why in $inputError and keeps everything. */
  set(patch: Partial<ReportQuery>): Promise<void> {
    const next = { ...this.$query.get(), ...patch };
    const checked = v.safeParse(ReportInputSchema, {
      from: next.from,
      to: next.to,
      groupBy: next.groupBy,
      subGroupBy: next.subGroupBy,
      filters: next.filters,
    });
    if (!checked.success) {
      const filterIssue = v.safeParse(ReportFiltersSchema, next.filters);
      const textIssue = !filterIssue.success && filterIssue.issues.some((i) => i.path?.[0]?.key === 'text');
      this.$inputError.set(
        textIssue && !filterIssue.success
          ? issueText('Filter text', filterIssue.issues)
          : issueText('This range', checked.issues),
      );
      return Promise.resolve();
    }
    this.$inputError.set(null);
    this.$query.set(next);
    return this.load();
  }

  preset(p: Preset, now = Date.now()): Promise<void> {
    if (p === 'custom') return this.set({ preset: 'custom' });
    return this.set({ ...presetRange(p, now, this.weekStart), preset: p });
  }

  step(direction: -1 | 1): Promise<void> {
    const q = this.$query.get();
    return this.set({ ...stepRange(q, direction), preset: 'custom' });
  }

  filterText(text: string): Promise<void> {
    const filters = { ...this.$query.get().filters };
    if (text) filters.text = text;
    else delete filters.text;
    return this.set({ filters });
  }

  /** Adds or removes one value of a list filter (projects, clients, tags). */
  toggleFilter(list: 'projectIds' | 'clients' | 'tagIds', value: string, on: boolean): Promise<void> {
    const filters = { ...this.$query.get().filters };
    const values = new Set(filters[list] ?? []);
    if (on) values.add(value);
    else values.delete(value);
    if (values.size) filters[list] = [...values];
    else delete filters[list];
    return this.set({ filters });
  }

  /**
   * Drilling into a slice or a group: the project becomes a filter and its sub-projects show; into a bar: the bucket's
   * days too. Back returns to the report before.
   */
  drill(projectId: string, range?: DayRange): Promise<void> {
    const project = projectId && projectId !== '*';
    if (!project && !range) return Promise.resolve();
    const q = this.$query.get();
    const filters = project ? { ...q.filters, projectIds: [projectId] } : q.filters;
    return this.#drillTo({
      filters,
      ...(range ? { ...range, preset: 'custom' as const } : {}),
      groupBy: 'project',
      subGroupBy: 'project',
    });
  }

  /** Drilling into a client's or a tag's group: that filter added, the grouping kept. */
  drillInto(list: 'clients' | 'tagIds', value: string): Promise<void> {
    const q = this.$query.get();
    return this.#drillTo({ filters: { ...q.filters, [list]: [value] } });
  }

  /** Drilling into a day, week or month group: those days, grouped by project. */
  drillDays(range: DayRange): Promise<void> {
    return this.#drillTo({ ...range, preset: 'custom', groupBy: 'project', subGroupBy: null });
  }

  #drillTo(patch: Partial<ReportQuery>): Promise<void> {
    this.$history.set([...this.$history.get(), this.$query.get()]);
    return this.set(patch);
  }

  back(): Promise<void> {
    const history = [...this.$history.get()];
    const previous = history.pop();
    if (!previous) return Promise.resolve();
    this.$history.set(history);
    this.$inputError.set(null);
    this.$query.set(previous);
    return this.load();
  }

  clearFilters(): Promise<void> {
    this.$history.set([]);
    return this.set({ filters: {} });
  }

  sortBy(sort: RowSort): Promise<void> {
    const cur = this.$sort.get();
    this.$sort.set({ sort, descending: cur.sort === sort ? !cur.descending : sort === 'duration' });
    return this.loadRows(0, true);
  }
}

import { atom } from 'nanostores';
import type { GroupKey, Report, ReportFilters, ReportRow } from '../../../shared/reports.ts';
import { presetRange, stepRange, type DayRange, type Preset } from '../../../shared/report-range.ts';
import type { DataClient } from '../../services/data-client.ts';

export interface ReportQuery extends DayRange {
  preset: Preset;
  groupBy: GroupKey;
  subGroupBy: GroupKey | null;
  filters: ReportFilters;
}

/** The Reports view's state: the query, the one report answer, and the detailed table's rows (paged in). */
export class ReportsModel {
  readonly $query = atom<ReportQuery>({ ...presetRange('this-week', Date.now(), 1), preset: 'this-week', groupBy: 'project', subGroupBy: null, filters: {} });
  readonly $report = atom<Report | null>(null);
  readonly $rows = atom<ReportRow[]>([]);
  readonly $rowTotal = atom(0);
  readonly $error = atom<string | null>(null);
  readonly $sort = atom<{ sort: 'start' | 'duration' | 'name' | 'project'; descending: boolean }>({ sort: 'start', descending: false });
  #seq = 0;

  constructor(private readonly client: DataClient, private readonly weekStart = 1) {}

  async load(): Promise<void> {
    const seq = ++this.#seq;
    const q = this.$query.get();
    try {
      const input = { from: q.from, to: q.to, groupBy: q.groupBy, subGroupBy: q.subGroupBy, filters: q.filters };
      const report = await this.client.data.report(input);
      if (seq !== this.#seq) return;
      this.$report.set(report);
      this.$error.set(null);
      await this.loadRows(0, true);
    } catch (error) {
      if (seq === this.#seq) this.$error.set(error instanceof Error ? error.message : String(error));
    }
  }

  async loadRows(offset: number, reset = false): Promise<void> {
    const q = this.$query.get();
    const page = await this.client.data.reportRows({ from: q.from, to: q.to, filters: q.filters, ...this.$sort.get(), offset, limit: 200 });
    this.$rowTotal.set(page.total);
    this.$rows.set(reset ? page.rows : [...this.$rows.get(), ...page.rows]);
  }

  set(patch: Partial<ReportQuery>): Promise<void> {
    this.$query.set({ ...this.$query.get(), ...patch });
    return this.load();
  }

  preset(p: Preset): Promise<void> {
    return this.set({ ...presetRange(p, Date.now(), this.weekStart), preset: p });
  }

  step(direction: -1 | 1): Promise<void> {
    const q = this.$query.get();
    return this.set({ ...stepRange(q, direction), preset: 'custom' });
  }

  /** Clicking a bar, slice or group drills in: a project filter, or the bucket's range. */
  drillProject(projectId: string): Promise<void> {
    if (!projectId || projectId === '*') return Promise.resolve();
    return this.set({ filters: { ...this.$query.get().filters, projectIds: [projectId] }, groupBy: 'project', subGroupBy: 'project' });
  }

  clearFilters(): Promise<void> {
    return this.set({ filters: {} });
  }

  sortBy(sort: 'start' | 'duration' | 'name' | 'project'): Promise<void> {
    const cur = this.$sort.get();
    this.$sort.set({ sort, descending: cur.sort === sort ? !cur.descending : sort === 'duration' });
    return this.loadRows(0, true);
  }
}

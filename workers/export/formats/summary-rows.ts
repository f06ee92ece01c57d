import type { Report, ReportFigures, ReportGroup } from '../../../shared/reports.ts';

/** The report's groups flattened for tables (CSV summary, XLSX summary sheet): a group then its sub-groups. */
export interface SummaryRow {
  group: string;
  /** '' on a group's own row */
  subGroup: string;
  figures: ReportFigures;
  /** 'group' | 'sub-group' | 'total' */
  level: 'group' | 'sub-group' | 'total';
}

const GROUP_WORDS: Record<Report['groupBy'], string> = {
  project: 'Project',
  client: 'Client',
  tag: 'Tag',
  day: 'Day',
  week: 'Week',
  month: 'Month',
  name: 'Name',
};
export const groupWord = (key: Report['groupBy'] | null) => (key ? GROUP_WORDS[key] : 'Sub-group');

const label = (g: ReportGroup) => g.label || (g.key === '' ? '(none)' : g.key);

export function summaryRows(report: Report): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const g of report.groups) {
    rows.push({ group: label(g), subGroup: '', figures: g, level: 'group' });
    for (const c of g.children) rows.push({ group: label(g), subGroup: label(c), figures: c, level: 'sub-group' });
  }
  rows.push({ group: 'Total', subGroup: '', figures: report.totals, level: 'total' });
  return rows;
}

/** Every currency the report has an amount in, sorted, so each gets one column. */
export function reportCurrencies(report: Report): string[] {
  const set = new Set<string>();
  const visit = (f: ReportFigures & { children?: ReportGroup[] }) => {
    for (const a of f.amounts) set.add(a.currency);
    for (const c of f.children ?? []) visit(c);
  };
  visit(report.totals);
  report.groups.forEach(visit);
  return [...set].sort();
}

export function amountIn(f: ReportFigures, currency: string): number | null {
  return f.amounts.find((a) => a.currency === currency)?.amount ?? null;
}

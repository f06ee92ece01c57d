import { presetRange, PRESETS, type Preset } from '../../shared/report-range.ts';
import type { GroupKey, ReportInput } from '../../shared/reports.ts';

/** The report cases both engines run: every preset grouped by project, then every grouping over all time. */
export function reportCases(lastSessionStart: number, weekStart = 1): { label: string; input: ReportInput }[] {
  const cases: { label: string; input: ReportInput }[] = [];
  for (const p of PRESETS.filter((x): x is Exclude<Preset, 'custom'> => x !== 'custom')) {
    cases.push({
      label: `${p} / project`,
      input: { ...presetRange(p, lastSessionStart, weekStart), groupBy: 'project' },
    });
  }
  const all = presetRange('all', lastSessionStart, weekStart);
  for (const g of ['client', 'tag', 'day', 'week', 'month', 'name'] as GroupKey[]) {
    cases.push({ label: `all / ${g}`, input: { ...all, groupBy: g } });
  }
  cases.push({ label: 'all / project+month', input: { ...all, groupBy: 'project', subGroupBy: 'month' } });
  return cases;
}

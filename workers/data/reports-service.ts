import type { DataApi } from '../../shared/data-contract.ts';
import { ReportInputSchema, ReportRowsInputSchema } from '../../shared/reports.ts';
import { parse } from '../../shared/validate.ts';
import { dayNumberOf, dayStartMs } from './analytics/days.ts';
import { reportRows } from './analytics/detail.ts';
import { buildReport } from './analytics/report.ts';
import { refreshRollup } from './analytics/rollup.ts';
import type { Core } from './core.ts';
import { readSettings } from './settings.ts';

type Api<K extends keyof DataApi> = Pick<DataApi, K>;

/** Reports: every figure summed in SQL here; the UI gets one answer per view and pages of the detailed table. */
export class Reports implements Api<'report' | 'reportRows'> {
  constructor(private readonly core: Core) {}

  report(input: Parameters<DataApi['report']>[0]) {
    const p = parse(ReportInputSchema, input, 'report request');
    return this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      return buildReport(db, { from: p.from, to: p.to, filters: p.filters, groupBy: p.groupBy, subGroupBy: p.subGroupBy }, settings, this.core.clock());
    });
  }

  reportRows(input: Parameters<DataApi['reportRows']>[0]) {
    const p = parse(ReportRowsInputSchema, input, 'rows request');
    return this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      await refreshRollup(db, settings.reportRounding);
      return reportRows(db, dayStartMs(dayNumberOf(p.from)), dayStartMs(dayNumberOf(p.to) + 1), p.filters, settings.reportRounding,
        this.core.clock(), p.sort, p.descending, p.offset, p.limit);
    });
  }
}

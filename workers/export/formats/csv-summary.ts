import type { ExportContext, ExportWriter } from '../../../shared/export-rows.ts';
import type { Report } from '../../../shared/reports.ts';
import { BOM, csvRow, localNumber, type CsvCell, type CsvOptions } from './csv-cells.ts';
import { amountIn, groupWord, reportCurrencies, summaryRows } from './summary-rows.ts';
import { decimalHours, hm, money } from './values.ts';

/** The report's groups and sub-groups with their totals, one amount column per currency present. Sessions are not
 *  listed, so pages write nothing and the whole file comes from the summary at the end. */
export function createSummaryCsvWriter(_context: ExportContext, options: CsvOptions = {}): ExportWriter {
  const d = options.delimiter ?? ',';
  const num = (t: string) => localNumber(t, d);
  return {
    page: () => new Uint8Array(0),
    finish(report: Report) {
      const currencies = reportCurrencies(report);
      const header = [
        groupWord(report.groupBy),
        report.subGroupBy ? groupWord(report.subGroupBy) : 'Sub-group',
        'Worked (h)',
        'Worked (h:mm)',
        'Rounded (h)',
        'Rounded (h:mm)',
        'Billable (h)',
        'Billable (h:mm)',
        'Billable rounded (h)',
        'Billable rounded (h:mm)',
        'Sessions',
        ...currencies.map((c) => `Amount (${c})`),
      ];
      let out = (options.bom ? BOM : '') + csvRow(header, d);
      for (const r of summaryRows(report)) {
        const f = r.figures;
        const cells: CsvCell[] = [
          r.level === 'total' ? r.group : { text: r.group },
          { text: r.subGroup },
          num(decimalHours(f.ms)),
          hm(f.ms),
          num(decimalHours(f.roundedMs)),
          hm(f.roundedMs),
          num(decimalHours(f.billableMs)),
          hm(f.billableMs),
          num(decimalHours(f.billableRoundedMs)),
          hm(f.billableRoundedMs),
          String(f.sessions),
          ...currencies.map((c) => {
            const a = amountIn(f, c);
            return a === null ? '' : num(money(a));
          }),
        ];
        out += csvRow(cells, d);
      }
      return new TextEncoder().encode(out);
    },
  };
}

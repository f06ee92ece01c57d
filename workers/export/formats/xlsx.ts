import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import type { Report } from '../../../shared/reports.ts';
import { amountIn, groupWord, reportCurrencies, summaryRows } from './summary-rows.ts';
import { projectLabel, wallClockMs } from './values.ts';

/**
 * XLSX through write-excel-file (its universal build: no DOM, runs in the worker and in Node). A workbook is a zip
 * whose sheet is one XML part, so pages only collect compact rows and the file is built in finish().
 */
type Cell = {
  value: string | number | Date | boolean;
  type?: StringConstructor | NumberConstructor | DateConstructor | BooleanConstructor;
  format?: string;
  fontWeight?: 'bold';
} | null;

const DAY_MS = 86_400_000;
const DATE_TIME = 'yyyy-mm-dd hh:mm';
const DURATION = '[h]:mm';
const HOURS = '0.00';
const currencyFormat = (c: string | null) => (c ? `#,##0.00 "${c.replace(/"/g, '')}"` : '#,##0.00');

const text = (value: string): Cell => ({ value, type: String });
const duration = (ms: number): Cell => ({ value: ms / DAY_MS, type: Number, format: DURATION });
const head = (labels: string[]): Cell[] => labels.map((value) => ({ value, type: String, fontWeight: 'bold' }));

export const XLSX_SESSION_HEADER = [
  'Start',
  'End',
  'Project',
  'Client',
  'Name',
  'Description',
  'Tags',
  'Billable',
  'Worked',
  'Rounded',
  'Worked (h)',
  'Rate',
  'Currency',
  'Amount',
  'Amount (rounded)',
  'Running',
  'ID',
];

export function createXlsxWriter(context: ExportContext): ExportWriter {
  const rows: Cell[][] = [head(XLSX_SESSION_HEADER)];
  const date = (ms: number): Cell => ({
    value: new Date(wallClockMs(ms, context.timeZone)),
    type: Date,
    format: DATE_TIME,
  });
  const money = (amount: number | null, currency: string | null): Cell =>
    amount === null ? null : { value: Math.round(amount * 100) / 100, type: Number, format: currencyFormat(currency) };
  const sessionRow = (s: ExportSession): Cell[] => [
    date(s.start),
    date(s.end),
    text(projectLabel(s.projectPath)),
    text(s.client ?? ''),
    text(s.name),
    text(s.description),
    text(s.tags.join(', ')),
    text(s.billable ? 'Yes' : 'No'),
    duration(s.workedMs),
    duration(s.roundedMs),
    { value: Math.round(s.workedMs / 36_000) / 100, type: Number, format: HOURS },
    money(s.hourlyRate, s.currency),
    text(s.currency ?? ''),
    money(s.amount, s.currency),
    money(s.amountRounded, s.currency),
    text(s.running ? 'Yes' : 'No'),
    text(s.id),
  ];
  return {
    page(sessions) {
      for (const s of sessions) rows.push(sessionRow(s));
      return new Uint8Array(0);
    },
    async finish(report: Report) {
      const { default: writeXlsxFile } = await import('write-excel-file/universal');
      const summary = summarySheet(report);
      const blob = await writeXlsxFile([
        {
          data: rows as never,
          sheet: 'Sessions',
          stickyRowsCount: 1,
          columns: [18, 18, 24, 18, 32, 32, 18, 9, 9, 9, 10, 12, 9, 14, 16, 9, 38].map((width) => ({ width })),
        },
        {
          data: summary.rows as never,
          sheet: 'Summary',
          stickyRowsCount: 1,
          columns: summary.widths.map((width) => ({ width })),
        },
      ]).toBlob();
      rows.length = 0;
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}

function summarySheet(report: Report): { rows: Cell[][]; widths: number[] } {
  const currencies = reportCurrencies(report);
  const rows: Cell[][] = [
    head([
      groupWord(report.groupBy),
      report.subGroupBy ? groupWord(report.subGroupBy) : 'Sub-group',
      'Worked',
      'Rounded',
      'Billable',
      'Billable (rounded)',
      'Sessions',
      ...currencies.map((c) => `Amount (${c})`),
    ]),
  ];
  for (const r of summaryRows(report)) {
    const f = r.figures;
    const bold = r.level === 'total' ? { fontWeight: 'bold' as const } : {};
    rows.push([
      { ...text(r.group)!, ...bold },
      text(r.subGroup),
      { ...duration(f.ms)!, ...bold },
      { ...duration(f.roundedMs)!, ...bold },
      duration(f.billableMs),
      duration(f.billableRoundedMs),
      { value: f.sessions, type: Number },
      ...currencies.map((c): Cell => {
        const a = amountIn(f, c);
        return a === null ? null : { value: a, type: Number, format: currencyFormat(c), ...bold };
      }),
    ]);
  }
  return { rows, widths: [28, 16, 10, 10, 10, 16, 9, ...currencies.map(() => 14)] };
}

import { Zip, ZipDeflate } from 'fflate';

import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import type { Report } from '../../../shared/reports.ts';
import { amountIn, groupWord, reportCurrencies, summaryRows } from './summary-rows.ts';
import { projectLabel, utf8, wallClockMs } from './values.ts';
import {
  contentTypes,
  currencyStyle,
  numberCell,
  rootRels,
  SHEET_TAIL,
  sheetHead,
  STYLE,
  styles,
  textCell,
  workbook,
  workbookRels,
} from './xlsx-parts.ts';

/**
 * XLSX, streamed: the sessions sheet's rows are written as XML per page and deflated through fflate's Zip as they
 * come, so page() returns compressed bytes and memory stays flat whatever the export's size. Cells are typed: dates
 * are serial days (the wall clock in the export's zone, as spreadsheets have no zones) with a date format, durations
 * are days with [h]:mm, amounts numbers with their currency's format. The header row is frozen on both sheets.
 */
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
const SESSION_WIDTHS = [18, 18, 24, 18, 32, 32, 18, 9, 9, 9, 10, 12, 9, 14, 16, 9, 38];

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial day (the 1900 date system) */
const EPOCH_SERIAL = 25_569;

export function createXlsxWriter(context: ExportContext): ExportWriter {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  const take = (): Uint8Array => {
    if (out.length === 1) return out.pop()!;
    const size = out.reduce((n, c) => n + c.byteLength, 0);
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const c of out) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    out.length = 0;
    return bytes;
  };
  const addFile = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(utf8.encode(text), true);
  };
  addFile('[Content_Types].xml', contentTypes(2));
  addFile('_rels/.rels', rootRels);
  addFile('xl/workbook.xml', workbook(['Sessions', 'Summary']));
  addFile('xl/_rels/workbook.xml.rels', workbookRels(2));
  // level 1: the sheet is most of the file; fast deflate costs ~10% in size and saves most of the time
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  sheet.push(utf8.encode(sheetHead(SESSION_WIDTHS) + headerRow(XLSX_SESSION_HEADER)));

  const currencies: (string | null)[] = [];
  const styleOf = (currency: string | null, bold = false) => {
    let i = currencies.indexOf(currency);
    if (i < 0) i = currencies.push(currency) - 1;
    return currencyStyle(i, bold);
  };
  const zone = context.timeZone;
  const serial = (ms: number) => wallClockMs(ms, zone) / DAY_MS + EPOCH_SERIAL;
  let r = 1;
  const sessionRow = (s: ExportSession): string => {
    const money = (amount: number | null) =>
      amount === null ? '<c/>' : numberCell(Math.round(amount * 100) / 100, styleOf(s.currency));
    return (
      `<row r="${++r}">` +
      numberCell(serial(s.start), STYLE.dateTime) +
      numberCell(serial(s.end), STYLE.dateTime) +
      textCell(projectLabel(s.projectPath)) +
      textCell(s.client ?? '') +
      textCell(s.name) +
      textCell(s.description) +
      textCell(s.tags.join(', ')) +
      textCell(s.billable ? 'Yes' : 'No') +
      numberCell(s.workedMs / DAY_MS, STYLE.duration) +
      numberCell(s.roundedMs / DAY_MS, STYLE.duration) +
      numberCell(Math.round(s.workedMs / 36_000) / 100, STYLE.hours) +
      money(s.hourlyRate) +
      textCell(s.currency ?? '') +
      money(s.amount) +
      money(s.amountRounded) +
      textCell(s.running ? 'Yes' : 'No') +
      textCell(s.id) +
      '</row>'
    );
  };
  return {
    page(sessions) {
      const rows = new Array<string>(sessions.length);
      for (let i = 0; i < sessions.length; i++) rows[i] = sessionRow(sessions[i]!);
      sheet.push(utf8.encode(rows.join('')));
      return take();
    },
    finish(report: Report) {
      sheet.push(utf8.encode(SHEET_TAIL), true);
      addFile('xl/worksheets/sheet2.xml', summarySheet(report, styleOf));
      addFile('xl/styles.xml', styles(currencies));
      zip.end();
      return take();
    },
  };
}

const headerRow = (labels: readonly string[]) =>
  `<row r="1">${labels.map((label) => textCell(label, STYLE.bold)).join('')}</row>`;

function summarySheet(report: Report, styleOf: (currency: string | null, bold?: boolean) => number): string {
  const currencies = reportCurrencies(report);
  const header = [
    groupWord(report.groupBy),
    report.subGroupBy ? groupWord(report.subGroupBy) : 'Sub-group',
    'Worked',
    'Rounded',
    'Billable',
    'Billable (rounded)',
    'Sessions',
    ...currencies.map((c) => `Amount (${c})`),
  ];
  const rows = [headerRow(header)];
  let r = 1;
  for (const row of summaryRows(report)) {
    const f = row.figures;
    const bold = row.level === 'total';
    const duration = (ms: number, strong: boolean) =>
      numberCell(ms / DAY_MS, strong ? STYLE.durationBold : STYLE.duration);
    rows.push(
      `<row r="${++r}">` +
        textCell(row.group, bold ? STYLE.bold : 0) +
        textCell(row.subGroup) +
        duration(f.ms, bold) +
        duration(f.roundedMs, bold) +
        duration(f.billableMs, false) +
        duration(f.billableRoundedMs, false) +
        numberCell(f.sessions) +
        currencies
          .map((cur) => {
            const a = amountIn(f, cur);
            return a === null ? '<c/>' : numberCell(a, styleOf(cur, bold));
          })
          .join('') +
        '</row>',
    );
  }
  return sheetHead([28, 16, 10, 10, 10, 16, 9, ...currencies.map(() => 14)]) + rows.join('') + SHEET_TAIL;
}

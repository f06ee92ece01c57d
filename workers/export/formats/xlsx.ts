import { Zip, ZipDeflate } from 'fflate';
import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import type { Report } from '../../../shared/reports.ts';
import { amountIn, groupWord, reportCurrencies, summaryRows } from './summary-rows.ts';
import { projectLabel, utf8, wallClockMs } from './values.ts';
import {
  columnName, contentTypes, currencyStyle, numberCell, rootRels, SHEET_TAIL, sheetHead, STYLE, styles, textCell, workbook,
  workbookRels,
} from './xlsx-parts.ts';

/**
 * XLSX, streamed: the sessions sheet's rows are written as XML per page and deflated through fflate's Zip as they
 * come, so page() returns compressed bytes and memory stays flat whatever the export's size. Cells are typed: dates
 * are serial days (the wall clock in the export's zone, as spreadsheets have no zones) with a date format, durations
 * are days with [h]:mm, amounts numbers with their currency's format. The header row is frozen on both sheets.
 */
export const XLSX_SESSION_HEADER = ['Start', 'End', 'Project', 'Client', 'Name', 'Description', 'Tags', 'Billable',
  'Worked', 'Rounded', 'Worked (h)', 'Rate', 'Currency', 'Amount', 'Amount (rounded)', 'Running', 'ID'];
const SESSION_WIDTHS = [18, 18, 24, 18, 32, 32, 18, 9, 9, 9, 10, 12, 9, 14, 16, 9, 38];

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel serial day (the 1900 date system) */
const EPOCH_SERIAL = 25_569;
const COLUMNS = XLSX_SESSION_HEADER.map((_, i) => columnName(i));

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
    const n = String(++r);
    const c = (i: number) => COLUMNS[i]! + n;
    const money = (i: number, amount: number | null) => (amount === null ? '' : numberCell(c(i), Math.round(amount * 100) / 100, styleOf(s.currency)));
    return `<row r="${n}">` +
      numberCell(c(0), serial(s.start), STYLE.dateTime) + numberCell(c(1), serial(s.end), STYLE.dateTime) +
      textCell(c(2), projectLabel(s.projectPath)) + textCell(c(3), s.client ?? '') + textCell(c(4), s.name) +
      textCell(c(5), s.description) + textCell(c(6), s.tags.join(', ')) + textCell(c(7), s.billable ? 'Yes' : 'No') +
      numberCell(c(8), s.workedMs / DAY_MS, STYLE.duration) + numberCell(c(9), s.roundedMs / DAY_MS, STYLE.duration) +
      numberCell(c(10), Math.round(s.workedMs / 36_000) / 100, STYLE.hours) + money(11, s.hourlyRate) +
      textCell(c(12), s.currency ?? '') + money(13, s.amount) + money(14, s.amountRounded) +
      textCell(c(15), s.running ? 'Yes' : 'No') + textCell(c(16), s.id) + '</row>';
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
  `<row r="1">${labels.map((label, i) => textCell(`${columnName(i)}1`, label, STYLE.bold)).join('')}</row>`;

function summarySheet(report: Report, styleOf: (currency: string | null, bold?: boolean) => number): string {
  const currencies = reportCurrencies(report);
  const header = [groupWord(report.groupBy), report.subGroupBy ? groupWord(report.subGroupBy) : 'Sub-group',
    'Worked', 'Rounded', 'Billable', 'Billable (rounded)', 'Sessions', ...currencies.map((c) => `Amount (${c})`)];
  const rows = [headerRow(header)];
  let r = 1;
  for (const row of summaryRows(report)) {
    const f = row.figures;
    const bold = row.level === 'total';
    const n = String(++r);
    const c = (i: number) => columnName(i) + n;
    const duration = (i: number, ms: number, strong: boolean) => numberCell(c(i), ms / DAY_MS, strong ? STYLE.durationBold : STYLE.duration);
    rows.push(`<row r="${n}">` + textCell(c(0), row.group, bold ? STYLE.bold : 0) + textCell(c(1), row.subGroup) +
      duration(2, f.ms, bold) + duration(3, f.roundedMs, bold) + duration(4, f.billableMs, false) +
      duration(5, f.billableRoundedMs, false) + numberCell(c(6), f.sessions) +
      currencies.map((cur, i) => { const a = amountIn(f, cur); return a === null ? '' : numberCell(c(7 + i), a, styleOf(cur, bold)); }).join('') +
      '</row>');
  }
  return sheetHead([28, 16, 10, 10, 10, 16, 9, ...currencies.map(() => 14)]) + rows.join('') + SHEET_TAIL;
}

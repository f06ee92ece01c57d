import fontkit from '@cantoo/fontkit';
import { PDFDocument } from '@cantoo/pdf-lib';

import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import { addDays, type CivilDate } from '../../../shared/quick-entry/zoned.ts';
import type { Report } from '../../../shared/reports.ts';
import type { PdfFontBytes } from './pdf-fonts.ts';
import { ACCENT, BAND, Layout, MARGIN, MUTED, RULE, type Column } from './pdf-layout.ts';
import { needsCjk, speedUp, type FontSet } from './pdf-text.ts';
import { clockText, hm, localTime, money, projectLabel } from './values.ts';

/**
 * The PDF timesheet a client is sent: title, period, person and client, totals, totals per project and per day with a
 * bar chart, then every session (headers repeated on each page) and "Page n of m". pdf-lib keeps the document in
 * memory until it is saved, so pages only collect compact rows and the document is laid out in finish().
 */
export interface PdfOptions {
  fonts: PdfFontBytes;
}

interface Row {
  day: string;
  time: string;
  project: string;
  name: string;
  workedMs: number;
  roundedMs: number;
  billable: boolean;
  currency: string | null;
  amount: number | null;
}

interface Sum {
  ms: number;
  roundedMs: number;
  billableRoundedMs: number;
  amounts: Map<string, number>;
}

const newSum = (): Sum => ({ ms: 0, roundedMs: 0, billableRoundedMs: 0, amounts: new Map() });
function add(sum: Sum, r: Row): void {
  sum.ms += r.workedMs;
  sum.roundedMs += r.roundedMs;
  if (r.billable) sum.billableRoundedMs += r.roundedMs;
  if (r.amount !== null && r.currency) sum.amounts.set(r.currency, (sum.amounts.get(r.currency) ?? 0) + r.amount);
}
const amountsText = (sum: Sum) =>
  [...sum.amounts]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([c, a]) => `${money(a)} ${c}`)
    .join(', ');

const civil = (key: string): CivilDate => ({
  y: Number(key.slice(0, 4)),
  m: Number(key.slice(5, 7)),
  d: Number(key.slice(8, 10)),
});
const keyOf = (c: CivilDate) => `${c.y}-${String(c.m).padStart(2, '0')}-${String(c.d).padStart(2, '0')}`;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const weekdayOf = (key: string) => WEEKDAYS[new Date(`${key}T12:00:00Z`).getUTCDay()]!;

export function createPdfWriter(context: ExportContext, options: PdfOptions): ExportWriter {
  const rows: Row[] = [];
  let running = false;
  let cjk = false;
  const toRow = (s: ExportSession): Row => {
    const start = localTime(s.start, context.timeZone);
    const end = localTime(s.end, context.timeZone);
    const nextDay = end.date === start.date ? '' : ' (+1)';
    if (s.running) running = true;
    const row: Row = {
      day: start.date,
      time: `${clockText(start, context.hour12)}–${clockText(end, context.hour12)}${nextDay}${s.running ? ' *' : ''}`,
      project: projectLabel(s.projectPath) || '(no project)',
      name: s.name || '(no name)',
      workedMs: s.workedMs,
      roundedMs: s.roundedMs,
      billable: s.billable,
      currency: s.currency,
      amount: s.amountRounded,
    };
    if (!cjk && (needsCjk(row.name) || needsCjk(row.project))) cjk = true;
    return row;
  };
  return {
    page(sessions) {
      for (const s of sessions) rows.push(toRow(s));
      return new Uint8Array(0);
    },
    async finish(report: Report) {
      if (!cjk && [context.person, context.client, context.title].some((t) => t && needsCjk(t))) cjk = true;
      const doc = await PDFDocument.create();
      doc.registerFontkit(fontkit);
      const cjkBytes = cjk && options.fonts.cjk ? await options.fonts.cjk() : null;
      const fonts: FontSet = {
        regular: await doc.embedFont(options.fonts.regular, { subset: true }),
        bold: await doc.embedFont(options.fonts.bold, { subset: true }),
        arabic: options.fonts.arabic ? await doc.embedFont(options.fonts.arabic, { subset: true }) : null,
        cjk: cjkBytes ? await doc.embedFont(cjkBytes, { subset: true }) : null,
      };
      speedUp(fonts.regular);
      speedUp(fonts.bold);
      doc.setTitle(`Timesheet ${context.from} to ${context.to}`);
      if (context.person) doc.setAuthor(context.person);
      doc.setCreator('LightTrack');
      doc.setProducer('LightTrack');
      doc.setCreationDate(new Date(context.generatedAt));
      doc.setModificationDate(new Date(context.generatedAt));
      const layout = new Layout(doc, fonts, context.paper);
      layOut(layout, context, report, rows, running);
      layout.footer(
        ['Timesheet', context.person, context.client, `${context.from} to ${context.to}`].filter(Boolean).join(' · '),
      );
      rows.length = 0;
      return doc.save();
    },
  };
}

function layOut(layout: Layout, context: ExportContext, report: Report, rows: Row[], running: boolean): void {
  const total = newSum();
  const perProject = new Map<string, Sum>();
  const perDay = new Map<string, Sum>();
  for (const r of rows) {
    add(total, r);
    if (!perProject.has(r.project)) perProject.set(r.project, newSum());
    add(perProject.get(r.project)!, r);
    if (!perDay.has(r.day)) perDay.set(r.day, newSum());
    add(perDay.get(r.day)!, r);
  }
  const right = layout.width - MARGIN;
  layout.y -= 22;
  layout.text('Timesheet', MARGIN, layout.y, 22, { bold: true });
  layout.text(`Generated ${localTime(context.generatedAt, context.timeZone).date}`, right, layout.y + 4, 9, {
    color: MUTED,
    alignRight: true,
  });
  layout.y -= 18;
  layout.text(context.title, MARGIN, layout.y, 12, { color: MUTED });
  layout.y -= 24;
  const facts: [string, string][] = [['Period', `${context.from} to ${context.to}`]];
  if (context.person) facts.push(['Person', context.person]);
  if (context.client) facts.push(['Client', context.client]);
  facts.push(['Time zone', context.timeZone]);
  for (const [label, value] of facts) {
    layout.text(label, MARGIN, layout.y, 9, { color: MUTED });
    layout.text(value, MARGIN + 70, layout.y, 10);
    layout.y -= 15;
  }
  cards(layout, [
    ['Worked', hm(total.ms)],
    ['Rounded', hm(total.roundedMs)],
    ['Billable (rounded)', hm(total.billableRoundedMs)],
    ['Amount', amountsText(total) || '–'],
  ]);

  const sumColumns = (first: string): Column[] => [
    { label: first, width: 0 },
    { label: 'Worked', width: 60, align: 'right' },
    { label: 'Rounded', width: 60, align: 'right' },
    { label: 'Billable', width: 60, align: 'right' },
    { label: 'Amount', width: 120, align: 'right' },
  ];
  const sumRow = (label: string, s: Sum) => [label, hm(s.ms), hm(s.roundedMs), hm(s.billableRoundedMs), amountsText(s)];
  layout.heading('Totals per project');
  const projects = [...perProject].sort(([, a], [, b]) => b.ms - a.ms);
  layout.table(sumColumns('Project'), [...projects.map(([p, s]) => sumRow(p, s)), sumRow('Total', total)], {
    boldRows: new Set([projects.length]),
  });

  layout.heading('Hours per day');
  const days: string[] = [];
  for (let d = civil(context.from); keyOf(d) <= context.to && days.length < 400; d = addDays(d, 1)) days.push(keyOf(d));
  if (days.length <= 62)
    chart(
      layout,
      days.map((d) => ({
        label: days.length <= 14 ? `${weekdayOf(d)} ${d.slice(8)}` : d.slice(8),
        ms: perDay.get(d)?.ms ?? 0,
      })),
    );
  const dayKeys = [...perDay.keys()].sort();
  layout.table(
    sumColumns('Day'),
    [...dayKeys.map((d) => sumRow(`${weekdayOf(d)} ${d}`, perDay.get(d)!)), sumRow('Total', total)],
    { boldRows: new Set([dayKeys.length]) },
  );

  layout.heading('Sessions');
  const hour12 = context.hour12;
  layout.table(
    [
      { label: 'Date', width: 62 },
      { label: 'Time', width: hour12 ? 104 : 76 },
      { label: 'Project', width: 96 },
      { label: 'Name', width: 0 },
      { label: 'Worked', width: 40, align: 'right' },
      { label: 'Rounded', width: 44, align: 'right' },
      { label: 'Amount', width: 66, align: 'right' },
    ],
    rows.map((r) => [
      r.day,
      r.time,
      r.project,
      r.name,
      hm(r.workedMs),
      hm(r.roundedMs),
      r.amount === null ? '' : `${money(r.amount)} ${r.currency ?? ''}`,
    ]),
    { size: 8.5 },
  );

  const notes = [`Times are in ${context.timeZone}; (+1) ends the next day. A session counts on the day it starts.`];
  if (report.rounding.mode !== 'none')
    notes.push(
      `Rounded ${report.rounding.mode} to ${report.rounding.minutes} minutes per session; amounts are billable rounded hours × rate.`,
    );
  if (running)
    notes.push(
      `* still running: counted up to ${clockText(localTime(context.generatedAt, context.timeZone), hour12)}, when this was made.`,
    );
  layout.ensure(notes.length * 12 + 10);
  layout.y -= 8;
  for (const note of notes) {
    layout.y -= 12;
    layout.text(note, MARGIN, layout.y, 8, { color: MUTED });
  }
}

function cards(layout: Layout, items: [string, string][]): void {
  const gap = 10;
  const width = (layout.contentWidth - gap * (items.length - 1)) / items.length;
  const height = 46;
  layout.y -= 8 + height;
  items.forEach(([label, value], i) => {
    const x = MARGIN + i * (width + gap);
    layout.page.drawRectangle({ x, y: layout.y, width, height, color: BAND, borderColor: RULE, borderWidth: 0.6 });
    layout.text(label, x + 10, layout.y + height - 13, 8, { color: MUTED });
    // several currencies stack, one a line, so each amount stays whole
    const lines = value.split(', ');
    const size = lines.length > 1 ? 10 : 15;
    lines
      .slice(0, 2)
      .forEach((line, j) =>
        layout.text(line, x + 10, layout.y + (lines.length > 1 ? 18 - j * 11 : 12), size, { bold: true }),
      );
  });
}

/** Bars of worked hours, drawn with rectangles; the axis steps by whole hours. */
function chart(layout: Layout, bars: { label: string; ms: number }[]): void {
  const height = 110;
  layout.ensure(height + 40);
  const maxHours = Math.max(1, Math.ceil(Math.max(...bars.map((b) => b.ms)) / 3_600_000));
  const step = maxHours <= 6 ? 1 : maxHours <= 12 ? 2 : Math.ceil(maxHours / 6);
  const top = Math.ceil(maxHours / step) * step;
  const left = MARGIN + 28;
  const width = layout.width - MARGIN - left;
  const base = layout.y - height - 8;
  for (let h = 0; h <= top; h += step) {
    const y = base + (h / top) * height;
    layout.page.drawLine({
      start: { x: left, y },
      end: { x: left + width, y },
      thickness: h === 0 ? 0.8 : 0.4,
      color: RULE,
    });
    layout.text(`${h}h`, left - 6, y - 3, 7, { color: MUTED, alignRight: true });
  }
  const slot = width / bars.length;
  const barWidth = Math.min(36, slot * 0.62);
  bars.forEach((b, i) => {
    const x = left + i * slot + (slot - barWidth) / 2;
    const h = (b.ms / 3_600_000 / top) * height;
    if (h > 0) layout.page.drawRectangle({ x, y: base, width: barWidth, height: h, color: ACCENT });
    const cx = x + barWidth / 2;
    if (b.ms > 0 && slot >= 22) layout.centered(hm(b.ms), cx, base + h + 3, 7);
    if (slot >= 14) layout.centered(b.label, cx, base - 10, 7, MUTED);
  });
  layout.y = base - 26;
}

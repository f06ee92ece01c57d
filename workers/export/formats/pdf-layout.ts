import { rgb, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';

import { drawText, fit, widthOf, type FontSet } from './pdf-text.ts';

/** Pages, tables with repeated headers and the footer of the PDF timesheet; knows nothing about sessions. */
export const INK = rgb(0.13, 0.15, 0.18);
export const MUTED = rgb(0.42, 0.45, 0.5);
export const RULE = rgb(0.84, 0.86, 0.89);
export const BAND = rgb(0.96, 0.97, 0.98);
export const ACCENT = rgb(0.31, 0.49, 1);

export const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;
export const MARGIN = 48;
const FOOTER = 28;

export interface Column {
  label: string;
  /** points; one column may be 0 to take what is left */
  width: number;
  align?: 'left' | 'right';
}

export class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly width: number;
  readonly height: number;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: FontSet,
    paper: 'a4' | 'letter',
  ) {
    [this.width, this.height] = PAPER[paper];
    this.newPage();
  }

  get contentWidth(): number {
    return this.width - 2 * MARGIN;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.width, this.height]);
    this.pages.push(this.page);
    this.y = this.height - MARGIN;
  }

  /** Starts a new page unless `height` more points fit above the footer; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER) return false;
    this.newPage();
    return true;
  }

  text(
    text: string,
    x: number,
    y: number,
    size: number,
    options: { bold?: boolean; color?: ReturnType<typeof rgb>; alignRight?: boolean } = {},
  ): void {
    drawText(
      this.page,
      text,
      x,
      y,
      { size, color: options.color ?? INK, bold: options.bold ?? false, alignRight: options.alignRight ?? false },
      this.fonts,
    );
  }

  centered(text: string, cx: number, y: number, size: number, color = INK): void {
    this.text(text, cx - widthOf(text, size, this.fonts) / 2, y, size, { color });
  }

  heading(text: string): void {
    this.ensure(40);
    this.y -= 22;
    this.text(text, MARGIN, this.y, 12, { bold: true });
    this.y -= 8;
  }

  /** A table whose header row is drawn again at the top of every page it continues on. */
  table(columns: Column[], rows: string[][], options: { size?: number; boldRows?: Set<number> } = {}): void {
    const size = options.size ?? 9;
    const rowHeight = size + 7;
    const fixed = columns.reduce((w, c) => w + c.width, 0);
    const widths = columns.map((c) => (c.width === 0 ? this.contentWidth - fixed : c.width));
    const cell = (values: string[], bold: boolean, color = INK) => {
      let x = MARGIN;
      values.forEach((value, i) => {
        const w = widths[i]!;
        const shown = fit(value, size, w - 6, this.fonts, bold);
        const right = columns[i]!.align === 'right';
        this.text(shown, right ? x + w - 3 : x + 3, this.y + 4.5, size, { bold, color, alignRight: right });
        x += w;
      });
    };
    const header = () => {
      this.y -= rowHeight;
      cell(
        columns.map((c) => c.label),
        true,
        MUTED,
      );
      this.page.drawLine({
        start: { x: MARGIN, y: this.y },
        end: { x: this.width - MARGIN, y: this.y },
        thickness: 0.8,
        color: RULE,
      });
    };
    this.ensure(rowHeight * 3);
    header();
    rows.forEach((row, i) => {
      if (this.ensure(rowHeight)) header();
      this.y -= rowHeight;
      if (i % 2 === 1)
        this.page.drawRectangle({ x: MARGIN, y: this.y, width: this.contentWidth, height: rowHeight, color: BAND });
      const bold = options.boldRows?.has(i) ?? false;
      if (bold)
        this.page.drawLine({
          start: { x: MARGIN, y: this.y + rowHeight },
          end: { x: this.width - MARGIN, y: this.y + rowHeight },
          thickness: 0.8,
          color: RULE,
        });
      cell(row, bold);
    });
  }

  /** "Page n of m" and the document's line on every page, once all pages exist. */
  footer(left: string): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      this.page = page;
      const y = MARGIN - 14;
      page.drawLine({
        start: { x: MARGIN, y: y + 12 },
        end: { x: this.width - MARGIN, y: y + 12 },
        thickness: 0.5,
        color: RULE,
      });
      this.text(fit(left, 8, this.contentWidth - 80, this.fonts), MARGIN, y, 8, { color: MUTED });
      this.text(`Page ${i + 1} of ${total}`, this.width - MARGIN, y, 8, { color: MUTED, alignRight: true });
    });
  }
}

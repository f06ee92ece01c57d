/**
 * The fixed parts of an XLSX package (SpreadsheetML, ECMA-376) and the XML of its cells, written by hand so the
 * sessions sheet can stream: no shared-strings table (text is inline), no in-memory workbook.
 */
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const contentTypes = (sheets: number) =>
  `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('') +
  '</Types>';

export const rootRels = `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

export const workbook = (names: string[]) =>
  `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
  names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
  '</sheets></workbook>';

export const workbookRels = (sheets: number) =>
  `${XML}<Relationships xmlns="${PKG_REL}">` +
  Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('') +
  `<Relationship Id="rId${sheets + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;

/** A sheet's head: the header row frozen (a pane split below row 1) and the column widths. */
export const sheetHead = (widths: number[]) =>
  `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
  `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * Cell styles by index (cellXfs): fixed ones first, then one plain and one bold currency format per currency, in the
 * order the writer met them (styles.xml is written last, when they are all known).
 */
export const STYLE = { plain: 0, bold: 1, dateTime: 2, duration: 3, hours: 4, durationBold: 5, boldNumber: 6 } as const;
export const currencyStyle = (index: number, bold: boolean) => 7 + index * 2 + (bold ? 1 : 0);

export function styles(currencies: readonly (string | null)[]): string {
  const fmt = (c: string | null) => (c ? `#,##0.00 "${c.replace(/"/g, '')}"` : '#,##0.00');
  const numFmts = [
    '<numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/>',
    '<numFmt numFmtId="165" formatCode="[h]:mm"/>',
    ...currencies.map((c, i) => `<numFmt numFmtId="${166 + i}" formatCode="${escapeXml(fmt(c))}"/>`),
  ];
  const xf = (numFmt: number, font: number) =>
    `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"` +
    `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`;
  const xfs = [
    xf(0, 0),
    xf(0, 1),
    xf(164, 0),
    xf(165, 0),
    xf(2, 0),
    xf(165, 1),
    xf(0, 1),
    ...currencies.flatMap((_, i) => [xf(166 + i, 0), xf(166 + i, 1)]),
  ];
  return (
    `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="${numFmts.length}">${numFmts.join('')}</numFmts>` +
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${xfs.length}">${xfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
  );
}

// XML 1.0 forbids most control characters even escaped: they are dropped (a NUL in a name must not break the file)
const INVALID_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_SPECIAL = /[<>&"]/;
const XML_SPECIAL_ALL = /[<>&"]/g;
const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };
const NEEDS_WORK = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  const clean = text.replace(INVALID_XML, '');
  return XML_SPECIAL.test(clean) ? clean.replace(XML_SPECIAL_ALL, (c) => ENTITIES[c]!) : clean;
}

/**
 * Cells of the sessions sheet go without their `r` reference (optional in SpreadsheetML: a cell is the next column),
 * an empty one as `<c/>`, and text keeps xml:space="preserve" only where it has edge or line whitespace: the sheet XML
 * is a third smaller, and deflating it is most of an XLSX export's time.
 */
const EDGE_SPACE = /^\s|\s$|[\n\r\t]/;
export const textCell = (text: string, style = 0) =>
  text === ''
    ? '<c/>'
    : `<c t="inlineStr"${style ? ` s="${style}"` : ''}><is><t${EDGE_SPACE.test(text) ? ' xml:space="preserve"' : ''}>${escapeXml(text)}</t></is></c>`;
export const numberCell = (value: number, style = 0) =>
  Number.isFinite(value) ? `<c${style ? ` s="${style}"` : ''}><v>${value}</v></c>` : '<c/>';

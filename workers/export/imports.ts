// STUB (export-worker branch): handles only a minimal Toggl Track detailed CSV so the export worker's import path and
// its e2e test run. The real parsers (every format, every date style, DST reporting) replace this file when merged.
import type { ImportedSession, ImportPreview, ImportProblem } from '../../shared/export-rows.ts';

export function parseImport(file: { name: string; text: string }, options: { timeZone: string }): ImportPreview {
  const problems: ImportProblem[] = [];
  const sessions: ImportedSession[] = [];
  if (file.text.includes('\0')) return { format: 'toggl-csv', sessions, problems: [{ line: null, message: 'The file contains NUL bytes: it is not a text export.' }] };
  const rows = csvRows(file.text);
  const header = rows[0]?.cells ?? [];
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const need = ['Description', 'Start date', 'Start time', 'End date', 'End time'];
  if (file.text.trim() === '') return { format: 'toggl-csv', sessions, problems: [{ line: null, message: 'The file is empty.' }] };
  if (need.some((n) => col(n) < 0)) {
    return { format: 'toggl-csv', sessions, problems: [{ line: 1, message: 'This is not a file LightTrack can import: no Toggl Track header (Description, Start date, Start time…) was found.' }] };
  }
  const [iDesc, iSd, iSt, iEd, iEt, iProj, iClient, iTags, iBill] = [...need.map(col), col('Project'), col('Client'), col('Tags'), col('Billable')];
  for (const row of rows.slice(1)) {
    const c = row.cells;
    if (c.length === 1 && c[0] === '') continue;
    const start = wallTime(c[iSd!] ?? '', c[iSt!] ?? '', options.timeZone);
    const end = wallTime(c[iEd!] ?? '', c[iEt!] ?? '', options.timeZone);
    if (start === null || end === null) {
      problems.push({ line: row.line, message: 'The start or end is not a date and time like 2026-01-31 09:00:00.' });
      continue;
    }
    if (end < start) {
      problems.push({ line: row.line, message: 'The session ends before it starts.' });
      continue;
    }
    const project = (c[iProj!] ?? '').trim();
    const name = c[iDesc!] ?? '';
    sessions.push({
      name, projectPath: project ? [project] : null, client: (c[iClient!] ?? '').trim() || null,
      tags: (c[iTags!] ?? '').split(',').map((t) => t.trim()).filter(Boolean), billable: /^(yes|true)$/i.test(c[iBill!] ?? ''),
      start, end, pausedMs: 0, description: '', sourceId: `${start}-${end}-${hash(`${name}\u0001${project}`)}`, line: row.line,
    });
  }
  return { format: 'toggl-csv', sessions, problems };
}

/** RFC 4180 rows with their first line numbers; an unclosed quote ends the file. */
function csvRows(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else { if (ch === '\n') line++; cell += ch; }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { cells.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      out.push({ line: rowLine, cells });
      [cells, cell] = [[], ''];
      rowLine = ++line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) out.push({ line: rowLine, cells: [...cells, cell] });
  return out;
}

/** Wall time in a zone → epoch ms (two passes over the zone's offset). */
function wallTime(date: string, time: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(date.trim());
  const t = /^(\d\d?):(\d\d)(?::(\d\d))?$/.exec(time.trim());
  if (!m || !t) return null;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +t[1]!, +t[2]!, +(t[3] ?? 0));
  if (new Date(guess).getUTCDate() !== +m[3]!) return null;
  const offset = (at: number) => {
    const p = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(at).reduce<Record<string, number>>((acc, x) => (x.type === 'literal' ? acc : { ...acc, [x.type]: Number(x.value) }), {});
    return Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!) - at;
  };
  const first = guess - offset(guess);
  return guess - offset(first);
}

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

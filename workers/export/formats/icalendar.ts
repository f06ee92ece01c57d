import type { ExportContext, ExportSession, ExportWriter } from '../../../shared/export-rows.ts';
import { utf8 } from './values.ts';

/**
 * iCalendar (RFC 5545), hand-written: one VEVENT per session with a stable UID, so re-importing an export updates
 * the same events instead of duplicating them. Lines end in CRLF and are folded at 75 octets.
 */

/** TEXT escaping: backslash, semicolon, comma and newlines. */
export function icsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence (continuations start with one space). */
export function fold(line: string): string {
  if (line.length <= 25) return `${line}\r\n`; // 25 UTF-16 units are at most 75 octets
  const parts: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > 75) {
      parts.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join('\r\n') + '\r\n';
}

const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function createIcalendarWriter(context: ExportContext): ExportWriter {
  let started = false;
  const head = () => {
    if (started) return '';
    started = true;
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//LightTrack//Export//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      `X-WR-CALNAME:${icsText(`LightTrack: ${context.title}`)}`,
    ]
      .map(fold)
      .join('');
  };
  const event = (s: ExportSession) => {
    const lines = [
      'BEGIN:VEVENT',
      `UID:${s.id}@lighttrack`,
      `DTSTAMP:${utc(context.generatedAt)}`,
      `DTSTART:${utc(s.start)}`,
      `DTEND:${utc(s.end)}`,
      `SUMMARY:${icsText(s.name || s.projectPath.join(' / ') || 'Session')}`,
    ];
    if (s.description) lines.push(`DESCRIPTION:${icsText(s.description)}`);
    if (s.tags.length > 0) lines.push(`CATEGORIES:${s.tags.map(icsText).join(',')}`);
    // The project has no standard property; an X- one keeps it for readers that look (others ignore it).
    if (s.projectPath.length > 0) lines.push(`X-LIGHTTRACK-PROJECT:${icsText(s.projectPath.join(' / '))}`);
    if (s.running) lines.push('STATUS:TENTATIVE');
    lines.push('TRANSP:OPAQUE', 'END:VEVENT');
    return lines.map(fold).join('');
  };
  return {
    page: (sessions) => utf8.encode(head() + sessions.map(event).join('')),
    finish: () => utf8.encode(head() + fold('END:VCALENDAR')),
  };
}

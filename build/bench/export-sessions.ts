import type { ExportContext, ExportSession } from '../../shared/export-rows.ts';

/**
 * Deterministic ExportSession pages for the exports bench: names, projects (with sub-projects and clients), tags,
 * pauses, two currencies and some unicode (CJK, Arabic, emoji, quotes and commas that need CSV quoting). Made page by
 * page, as the data worker hands them over, so the bench worker never holds the whole export.
 */
const PROJECTS: { path: string[]; client: string | null; rate: number | null; currency: string | null }[] = [
  { path: ['Website', 'Design'], client: 'Acme, Inc.', rate: 80, currency: 'USD' },
  { path: ['Website', 'Backend'], client: 'Acme, Inc.', rate: 95, currency: 'USD' },
  { path: ['Mobile app'], client: 'Zoë’s Bakery', rate: 70, currency: 'EUR' },
  { path: ['東京 office', '翻訳'], client: '株式会社サンプル', rate: 9000, currency: 'JPY' },
  { path: ['مشروع الموقع'], client: 'شركة المثال', rate: 60, currency: 'EUR' },
  { path: ['Internal'], client: null, rate: null, currency: null },
  { path: ['Research', 'Papers', 'Drafts'], client: 'University "North"', rate: 50, currency: 'EUR' },
];
const NAMES = [
  'Code review',
  'Standup',
  'Write docs',
  'Fix bug #1234',
  'Design sync, round 2',
  'Client call 📞',
  'Refactor "export" module',
  '会議の準備',
  'مراجعة التصميم',
  '=SUM(A1:A3) looks like a formula',
  'Emails',
  'Planning\nnext sprint',
];
const TAGS = ['deep work', 'meeting', 'admin', 'bug', 'ux', '出張', 'travel ✈️'];
const START = Date.UTC(2020, 0, 6, 7); // a Monday morning; the rows cross many DST changes
const SPACING = 25 * 60_000;

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sessions [from, from + count) of the bench's export (the same for a given index, whatever the page size). */
export function exportSessionsPage(from: number, count: number): ExportSession[] {
  const page: ExportSession[] = [];
  for (let i = from; i < from + count; i++) {
    const rnd = random(i * 7919 + 13);
    const start = START + i * SPACING + Math.floor(rnd() * 60_000);
    const end = start + 5 * 60_000 + Math.floor(rnd() * 85 * 60_000);
    const p = rnd() < 0.1 ? null : PROJECTS[Math.floor(rnd() * PROJECTS.length)]!;
    const pauses = rnd() < 0.2 ? [{ start: start + 2 * 60_000, end: start + 4 * 60_000 }] : [];
    const workedMs = end - start - pauses.reduce((sum, x) => sum + x.end - x.start, 0);
    const roundedMs = Math.ceil(workedMs / 900_000) * 900_000;
    const billable = p !== null && p.rate !== null && rnd() < 0.8;
    const amount = (ms: number) => (billable ? Math.round((ms / 3_600_000) * p.rate! * 100) / 100 : null);
    const tagCount = Math.floor(rnd() * 3);
    page.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: NAMES[i % NAMES.length]!,
      description: rnd() < 0.3 ? `Notes for ${NAMES[(i * 7) % NAMES.length]}, with "quotes"` : '',
      projectId: p ? `project-${PROJECTS.indexOf(p)}` : null,
      projectPath: p ? p.path : [],
      client: p?.client ?? null,
      tags: TAGS.slice(i % TAGS.length, (i % TAGS.length) + tagCount),
      billable,
      start,
      end,
      pauses,
      workedMs,
      roundedMs,
      hourlyRate: p?.rate ?? null,
      currency: p?.currency ?? null,
      amount: amount(workedMs),
      amountRounded: amount(roundedMs),
      source: i % 5 === 0 ? 'quick-entry' : 'timer',
      running: false,
    });
  }
  return page;
}

export const benchContext = (rows: number): ExportContext => ({
  timeZone: 'America/New_York',
  title: 'Everything',
  from: new Date(START).toISOString().slice(0, 10),
  to: new Date(START + rows * SPACING).toISOString().slice(0, 10),
  person: 'Zoë O’Brien',
  client: 'Acme, Inc.',
  hour12: false,
  paper: 'a4',
  rounding: { mode: 'up', minutes: 15 },
  generatedAt: START + rows * SPACING,
});

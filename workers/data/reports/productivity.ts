import type { Insight, ReportHeatmap, ReportProductivity } from '../../../shared/reports.ts';
import type { Database } from '../storage/sqlite.ts';
import type { AggRow } from './groups.ts';
import type { FactSource } from './source.ts';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Hour × weekday worked time (pause-aware, local time) and productive time per cell. */
export async function heatmap(
  db: Database,
  src: FactSource,
  d0: number,
  d1: number,
): Promise<{ map: ReportHeatmap; productive: number[][] }> {
  const rows = await db.all<{ how: number; ms: number; p: number }>(
    `SELECT how, sum(ms) AS ms, sum(productive_ms) AS p FROM ${src.hours(d0, d1)} GROUP BY how`,
  );
  const cells = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const productive = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let max = 0;
  for (const r of rows) {
    const w = Math.floor(r.how / 24);
    const h = r.how % 24;
    cells[w]![h] = r.ms;
    productive[w]![h] = r.p;
    max = Math.max(max, r.ms);
  }
  return { map: { cells, max }, productive };
}

function hm(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m >= 60 ? `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min` : `${m} min`;
}

const hourName = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** Score, peak hours, focus and distraction figures, with the insights in plain sentences. */
export async function productivity(
  db: Database,
  src: FactSource,
  classes: readonly AggRow[],
  productive: number[][],
  d0: number,
  d1: number,
): Promise<ReportProductivity> {
  const by = [0, 0, 0];
  for (const r of classes) by[Number(r.k1)] = (by[Number(r.k1)] ?? 0) + r.ms;
  const [distractingMs, neutralMs, productiveMs] = by as [number, number, number];
  const total = distractingMs + neutralMs + productiveMs;
  const s = (await db.get<{
    days: number;
    sessions: number;
    short: number;
    switches: number;
    longest: number;
    worked: number;
  }>(
    `SELECT COALESCE(sum(days), 0) AS days, COALESCE(sum(sessions), 0) AS sessions, COALESCE(sum(short), 0) AS short,
       COALESCE(sum(switches), 0) AS switches, COALESCE(max(longest_ms), 0) AS longest, COALESCE(sum(worked_ms), 0) AS worked
     FROM ${src.stats(d0, d1)}`,
  ))!;
  const peaks: { weekday: number; hour: number; ms: number }[] = [];
  productive.forEach((row, weekday) => row.forEach((ms, hour) => ms > 0 && peaks.push({ weekday, hour, ms })));
  peaks.sort((a, b) => b.ms - a.ms);
  const peakHours = peaks.slice(0, 3);
  const score = total > 0 ? productiveMs / total : null;
  const switchesPerDay = s.days > 0 ? s.switches / s.days : 0;
  const averageSessionMs = s.sessions > 0 ? Math.round(s.worked / s.sessions) : 0;
  const classesSet =
    (await db.get<{ set: number }>(
      `SELECT EXISTS (SELECT 1 FROM projects WHERE deleted_at IS NULL AND productivity <> 'neutral')
         OR EXISTS (SELECT 1 FROM tags WHERE deleted_at IS NULL AND productivity <> 'neutral') AS "set"`,
    ))!.set === 1;
  const insights: Insight[] = [];
  if (total === 0) insights.push({ kind: 'none', text: 'No time was tracked in this period.' });
  else {
    // "0% productive" while nothing is classed would read as a verdict: say how to set it up instead
    if (!classesSet) {
      insights.push({
        kind: 'score',
        text: 'Mark projects or tags as productive or distracting (Projects → edit) to see how much of your time was productive.',
      });
    } else {
      insights.push({
        kind: 'score',
        text: `${Math.round((score ?? 0) * 100)}% of your tracked time was productive (${hm(productiveMs)} of ${hm(total)}); ${hm(distractingMs)} was distracting.`,
      });
    }
    if (classesSet && peakHours.length > 0) {
      insights.push({
        kind: 'peak',
        text: `You are most productive on ${peakHours.map((p) => `${WEEKDAYS[p.weekday]} at ${hourName(p.hour)}`).join(', ')}.`,
      });
    }
    if (s.sessions > 0) {
      insights.push({
        kind: 'focus',
        text: `Your longest uninterrupted block was ${hm(s.longest)}; a session lasted ${hm(averageSessionMs)} on average.`,
      });
      const shortShare = s.short / s.sessions;
      if (s.short >= 5 && shortShare >= 0.25) {
        insights.push({
          kind: 'short',
          text: `${s.short} of ${s.sessions} sessions (${Math.round(shortShare * 100)}%) were under 5 minutes: many short sessions often mean interruptions.`,
        });
      }
      if (switchesPerDay >= 6) {
        insights.push({
          kind: 'switching',
          text: `You switched between projects ${switchesPerDay.toFixed(1)} times a day on average: frequent switching costs focus.`,
        });
      } else {
        insights.push({
          kind: 'switching',
          text: `You switched between projects ${switchesPerDay.toFixed(1)} times a day on average.`,
        });
      }
    }
  }
  return {
    classesSet,
    productiveMs,
    neutralMs,
    distractingMs,
    score,
    peakHours: classesSet ? peakHours : [],
    longestBlockMs: s.longest,
    averageSessionMs,
    switchesPerDay,
    shortSessions: s.short,
    sessions: s.sessions,
    daysWorked: s.days,
    insights,
  };
}

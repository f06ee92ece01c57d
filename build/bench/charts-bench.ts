// Charts (issue 9 asks to choose by measurement): the same stacked bars drawn by our Lit SVG chart (lt-report-bars,
// one <path> per project) and by uPlot (canvas, its bars path builder over stacked series), at the bucket counts a
// report draws (a month of days, a year of weeks, ten years of months, a year of days), 8 stacks. Timed from handing
// over the data to the chart being drawn and laid out; p50 of 7 after one warm-up.
import uPlot from 'uplot';

import type { ReportSeries } from '../../shared/reports.ts';

import '../../renderer/views/reports/lt-report-bars.ts';

import type { LtReportBars } from '../../renderer/views/reports/lt-report-bars.ts';

export interface ChartsBenchRow {
  buckets: number;
  litMs: number;
  uplotMs: number;
  uplotUpdateMs: number;
}

const STACKS = 8;
const COLORS = ['#3559d8', '#d83559', '#2e9e5b', '#e08a00', '#7a4fd8', '#0f8fa8', '#c2417c', '#8a8f98'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

function series(n: number, seed: number): ReportSeries {
  const buckets = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
  const stacks = Array.from({ length: STACKS }, (_, s) => ({
    key: `p${s}`,
    label: `Project ${s}`,
    color: COLORS[s]!,
    values: buckets.map((_, i) => ((i * 7919 + s * 104729 + seed) % 97) * 60_000),
  }));
  return { unit: 'day', buckets, stacks };
}

async function timeLit(host: HTMLElement, n: number): Promise<number> {
  const el = document.createElement('lt-report-bars') as LtReportBars;
  host.append(el);
  const times: number[] = [];
  for (let run = 0; run < 8; run++) {
    await frame();
    const s = series(n, run);
    const t = performance.now();
    el.series = s;
    await el.updateComplete;
    el.getBoundingClientRect(); // style and layout of what was drawn
    void el.shadowRoot?.querySelector('svg')?.getBoundingClientRect();
    if (run > 0) times.push(performance.now() - t);
  }
  el.remove();
  return median(times);
}

function uplotData(s: ReportSeries): uPlot.AlignedData {
  const xs = s.buckets.map((_, i) => i);
  const sums = new Array<number>(xs.length).fill(0);
  // stacked by hand (uPlot draws each series from 0): the top stack first, so lower ones paint over it
  const cumulative = s.stacks.map((st) => st.values.map((v, i) => (sums[i] = sums[i]! + v / 3_600_000)));
  return [xs, ...cumulative.reverse()];
}

async function timeUplot(host: HTMLElement, n: number): Promise<{ create: number; update: number }> {
  const creates: number[] = [];
  const updates: number[] = [];
  const bars = uPlot.paths.bars!({ size: [0.8, 72] });
  for (let run = 0; run < 8; run++) {
    await frame();
    const s = series(n, run);
    const t = performance.now();
    const opts: uPlot.Options = {
      width: 1000,
      height: 220,
      legend: { show: false },
      cursor: { show: true },
      scales: { x: { time: false } },
      series: [
        {},
        ...s.stacks
          .map((st) => ({ label: st.label, fill: st.color, stroke: st.color, paths: bars, points: { show: false } }))
          .reverse(),
      ],
    };
    const u = new uPlot(opts, uplotData(s), host);
    await Promise.resolve(); // uPlot commits in a microtask
    host.getBoundingClientRect();
    if (run > 0) creates.push(performance.now() - t);
    await frame();
    const next = series(n, run + 100);
    const t2 = performance.now();
    u.setData(uplotData(next));
    await Promise.resolve();
    host.getBoundingClientRect();
    if (run > 0) updates.push(performance.now() - t2);
    u.destroy();
  }
  return { create: median(creates), update: median(updates) };
}

export async function chartsBench(): Promise<ChartsBenchRow[]> {
  const host = document.createElement('div');
  host.style.cssText = 'width: 1000px; position: absolute; top: 0; left: 0;';
  document.body.append(host);
  const rows: ChartsBenchRow[] = [];
  for (const n of [31, 53, 120, 366]) {
    const litMs = await timeLit(host, n);
    const u = await timeUplot(host, n);
    rows.push({ buckets: n, litMs, uplotMs: u.create, uplotUpdateMs: u.update });
  }
  host.remove();
  return rows;
}

import * as Comlink from 'comlink';

import type { ExportWriter } from '../../shared/export-rows.ts';
import { lighttrackExtras, report } from '../../test/browser/workers/export/fixture.ts';
import { createWriter, type FormatId, type FormatOptions } from '../../workers/export/formats/index.ts';
import { loadPdfFonts } from '../../workers/export/formats/pdf-fonts.ts';
import { parseImport } from '../../workers/export/imports.ts';
import { benchContext, exportSessionsPage } from './export-sessions.ts';

/**
 * The exports bench, in a dedicated module worker like the export worker (no DOM): each writer fed 500-row pages of
 * ExportSession as the data worker would hand them, its bytes counted and dropped (the real worker streams them to a
 * file). Only the writer's own calls are timed; making the pages is not.
 */
const PAGE = 500;

export interface ExportRun {
  format: string;
  rows: number;
  ms: number;
  /** the part of ms spent in finish() */
  finishMs: number;
  bytes: number;
  /** the longest single page() call */
  longestPageMs: number;
}

export interface ImportRun {
  rows: number;
  fileBytes: number;
  ms: number;
  sessions: number;
  problems: number;
}

// The worker's heap is sampled from outside (build/bench/worker-heap.mjs): performance.memory is not exposed here.
async function runFormat<F extends FormatId>(format: F, rows: number, options: FormatOptions[F]): Promise<ExportRun> {
  const context = benchContext(rows);
  let ms = 0;
  let bytes = 0;
  let longestPageMs = 0;
  // the PDF's fonts are fetched before the clock starts (the export worker reads them once and keeps them)
  const opts = format === 'pdf' ? { fonts: await loadPdfFonts(fetchFont) } : options;
  let t = performance.now();
  const writer: ExportWriter = await createWriter(format, context, opts as FormatOptions[F]);
  ms += performance.now() - t;
  for (let from = 0; from < rows; from += PAGE) {
    const sessions = exportSessionsPage(from, Math.min(PAGE, rows - from));
    t = performance.now();
    const out = await writer.page(sessions);
    const took = performance.now() - t;
    ms += took;
    longestPageMs = Math.max(longestPageMs, took);
    bytes += out.byteLength;
    // a task boundary every 10 pages (untimed), as the real worker has between pages: the CDP heap sampler's
    // questions are answered there, not only when the run ends
    if ((from / PAGE) % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  t = performance.now();
  const last = await writer.finish({ ...report, from: context.from, to: context.to });
  const finishMs = performance.now() - t;
  ms += finishMs;
  bytes += last.byteLength;
  return { format, rows, ms, finishMs, bytes, longestPageMs };
}

async function fetchFont(file: string): Promise<Uint8Array> {
  const response = await fetch(new URL(`./fonts/${file.split('/').pop()}`, import.meta.url));
  if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A Toggl detailed CSV of `rows` sessions, written by our own Toggl preset (which Toggl's importer and ours read). */
async function togglFile(rows: number): Promise<string> {
  const writer = await createWriter('csv-toggl', benchContext(rows), { currencies: ['USD', 'EUR'] });
  const decoder = new TextDecoder();
  const parts: string[] = [];
  for (let from = 0; from < rows; from += PAGE)
    parts.push(decoder.decode(await writer.page(exportSessionsPage(from, Math.min(PAGE, rows - from)))));
  parts.push(decoder.decode(await writer.finish(report)));
  return parts.join('');
}

Comlink.expose({
  runFormat,
  async runImport(rows: number): Promise<ImportRun> {
    const text = await togglFile(rows);
    const t = performance.now();
    const preview = parseImport({ name: 'toggl.csv', text }, { timeZone: 'America/New_York' });
    const ms = performance.now() - t;
    return {
      rows,
      fileBytes: new TextEncoder().encode(text).byteLength,
      ms,
      sessions: preview.sessions.length,
      problems: preview.problems.length,
    };
  },
  lighttrackExtras: () => lighttrackExtras,
});

import * as Comlink from 'comlink';

import type { FormatId, FormatOptions } from '../../workers/export/formats/index.ts';
import type { ExportRun, ImportRun } from './exports-worker.ts';

/**
 * Issue 17's speed goals: every export writer over 500-row pages in a dedicated module worker (a fresh one per
 * format, so one format's garbage is not the next one's heap), and the import preview of a Toggl CSV.
 */
export interface ExportsBenchResult {
  rows: number;
  pdfRows: number;
  importRows: number;
  runs: (ExportRun & { goalMs: number | null })[];
  /** the detailed CSV again at a fifth of the rows: its peak heap beside the full run's says whether memory grows */
  smallCsv: ExportRun;
  importRun: ImportRun & { goalMs: number };
}

type Api = {
  runFormat<F extends FormatId>(format: F, rows: number, options: FormatOptions[F]): Promise<ExportRun>;
  runImport(rows: number): Promise<ImportRun>;
  lighttrackExtras(): FormatOptions['lighttrack-json'];
};

async function inWorker<T>(work: (api: Comlink.Remote<Api>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./exports-worker.js', import.meta.url), { type: 'module' });
  try {
    return await work(Comlink.wrap<Api>(worker));
  } finally {
    worker.terminate();
  }
}

export async function exportsBench(
  rows: number,
  pdfRows: number,
  importRows: number,
  formats: string[] | null = null,
): Promise<ExportsBenchResult> {
  const cases: [FormatId, number, object, number | null][] = [
    ['csv', rows, {}, 3000],
    ['csv-toggl', rows, { currencies: ['USD', 'EUR', 'JPY'] }, 3000],
    ['csv-clockify', rows, { currencies: ['USD', 'EUR', 'JPY'] }, 3000],
    ['ics', rows, {}, null],
    ['markdown', rows, {}, null],
    ['lighttrack-json', rows, {}, null],
    ['xlsx', rows, {}, 10_000],
    ['pdf', pdfRows, {}, 5000],
  ];
  const runs: ExportsBenchResult['runs'] = [];
  for (const [format, n, options, goalMs] of cases) {
    if (formats && !formats.includes(format)) continue;
    console.info(`exports: ${format}, ${n} sessions`);
    const run = await inWorker(async (api) => {
      const opts = format === 'lighttrack-json' ? await api.lighttrackExtras() : options;
      return api.runFormat(format, n, opts as never);
    });
    console.info(`exports: ${format} took ${run.ms.toFixed(0)} ms, ${(run.bytes / 1048576).toFixed(1)} MB`);
    runs.push({ ...run, goalMs });
  }
  console.info(`exports: csv (small), ${Math.max(1, Math.round(rows / 5))} sessions`);
  const smallCsv = await inWorker((api) => api.runFormat('csv', Math.max(1, Math.round(rows / 5)), {}));
  console.info(`exports: import preview, ${importRows} Toggl rows`);
  const importRun = await inWorker((api) => api.runImport(importRows));
  return { rows, pdfRows, importRows, runs, smallCsv, importRun: { ...importRun, goalMs: 2000 } };
}

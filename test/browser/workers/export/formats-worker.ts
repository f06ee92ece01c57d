/// <reference lib="webworker" />
// A dedicated module worker (no DOM) that writes one format from the shared fixture, fed in two pages as the export
// worker feeds them, and posts the file's bytes back: proof that every format and its library runs in a worker.
import { createWriter, type FormatId } from '../../../../workers/export/formats/index.ts';
import { loadPdfFonts } from '../../../../workers/export/formats/pdf-fonts.ts';
import { context, lighttrackExtras, report, sessions } from './fixture.ts';

const fetchBytes = async (file: string) => {
  const response = await fetch(`/node_modules/${file}`);
  if (!response.ok) throw new Error(`${file}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
};

self.onmessage = async (event: MessageEvent<{ format: FormatId; options: Record<string, unknown> }>) => {
  try {
    const { format } = event.data;
    const hasDom = typeof (globalThis as { document?: unknown }).document !== 'undefined';
    const options =
      format === 'pdf'
        ? { fonts: await loadPdfFonts(fetchBytes) }
        : format === 'lighttrack-json'
          ? lighttrackExtras
          : event.data.options;
    const writer = await createWriter(format, context, options as never);
    const parts = [
      await writer.page(sessions.slice(0, 3)),
      await writer.page(sessions.slice(3)),
      await writer.finish(report),
    ];
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    self.postMessage({ bytes, hasDom }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) });
  }
};

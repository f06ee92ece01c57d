// The import parsers are pure: bundled on their own with esbuild (no DOM, no worker globals) they read the same
// corpus in Node as in Chromium.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'test/fixtures/imports');
const dir = mkdtempSync(path.join(tmpdir(), 'lighttrack-imports-'));
let lib;

before(async () => {
  const outfile = path.join(dir, 'imports.mjs');
  await build({
    stdin: {
      contents:
        "export { parseImport } from './workers/export/imports.ts'; export { cases, runCase } from './test/fixtures/imports/corpus.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    // 'neutral' resolves no Node built-ins and assumes no browser: a DOM or Node import in the parsers fails here
    platform: 'neutral',
    outfile,
    logLevel: 'silent',
  });
  lib = await import(pathToFileURL(outfile).href);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('imports in Node', () => {
  it('bundles with no DOM or worker globals in the parsers', () => {
    const code = readFileSync(path.join(dir, 'imports.mjs'), 'utf8');
    for (const global of ['document', 'window', 'self', 'postMessage', 'indexedDB', 'navigator']) {
      assert.doesNotMatch(code, new RegExp(`\\b${global}\\.`), `the parsers use ${global}`);
    }
  });

  it('reads the whole corpus as in the browser', () => {
    const failures = [];
    for (const c of lib.cases) {
      const text = c.file ? readFileSync(path.join(fixtures, c.file), 'utf8') : c.text;
      for (const f of lib.runCase(lib.parseImport, c, text)) failures.push(`${c.title}: ${f}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(lib.cases.length >= 40, `${lib.cases.length} cases`);
  });
});

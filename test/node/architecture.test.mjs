// Guards the shape of the app: what may live where.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir) {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|mjs|js)$/.test(name) ? [{ rel, text: readFileSync(path.join(root, rel), 'utf8') }] : [];
  });
}

function offenders(files, pattern) {
  return files.filter((f) => pattern.test(f.text)).map((f) => f.rel);
}

describe('architecture', () => {
  it('main/ holds no database, network or formatting code', () => {
    const main = sources('main');
    assert.deepEqual(offenders(main, /from '[^']*sqlite[^']*'|\bindexedDB\.|\bSELECT\b.*\bFROM\b/i), [], 'database');
    assert.deepEqual(
      offenders(main, /from 'node:(net|http|https|http2|dgram|tls)'|\bfetch\(|\bnet\.request|openai/),
      [],
      'network',
    );
    assert.deepEqual(offenders(main, /Intl\.|toLocale\w*String|formatHours|formatClock/), [], 'formatting');
  });

  it('renderer/ (the UI thread) never touches SQL or wa-sqlite', () => {
    const renderer = sources('renderer');
    assert.deepEqual(
      offenders(renderer, /from '[^']*sqlite[^']*'|\bSELECT\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b/),
      [],
    );
  });

  it('workers/data/ holds only the entry and its README at its root; everything else is in a domain folder', () => {
    const dir = path.join(root, 'workers/data');
    const files = readdirSync(dir).filter((name) => !statSync(path.join(dir, name)).isDirectory());
    assert.deepEqual(files.sort(), ['README.md', 'data-worker.ts']);
  });

  it("no domain in workers/data/ imports another domain's handlers (only the owner composes them)", () => {
    const dir = path.join(root, 'workers/data');
    const crossing = [];
    for (const f of sources('workers/data')) {
      const [domain, ...rest] = path.relative(dir, path.join(root, f.rel)).split(path.sep);
      if (rest.length === 0 || domain === 'owner') continue;
      for (const m of f.text.matchAll(/(?:from\s*|import\(\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = path.relative(dir, path.resolve(path.dirname(path.join(root, f.rel)), m[1])).split(path.sep);
        if (target.length > 1 && target[0] !== domain && target.at(-1).endsWith('-handlers.ts'))
          crossing.push(`${f.rel} -> ${m[1]}`);
      }
    }
    assert.deepEqual(crossing, []);
  });

  /** An entry's JS that loads before first paint: the file and its static imports (lazy import() chunks excluded). */
  function firstPaintJs(dir, entry) {
    const seen = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(
        /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
      )) {
        visit(path.resolve(path.dirname(file), m[1]));
      }
    };
    visit(path.join(dir, entry));
    return [...seen].map((f) => readFileSync(f, 'utf8')).join('\n');
  }

  it('the built renderer carries no SQLite; first-paint JS stays within budget (main window 60 KB, quick entry 25 KB gzip)', async () => {
    const { gzipSync } = await import('node:zlib');
    const dir = path.join(root, 'dist/renderer');
    const all = [
      path.join(dir, 'main-window.js'),
      path.join(dir, 'quick-entry.js'),
      ...readdirSync(path.join(dir, 'chunks'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => path.join(dir, 'chunks', f)),
    ];
    assert.doesNotMatch(all.map((f) => readFileSync(f, 'utf8')).join('\n'), /sqlite3_prepare|wa-sqlite\.wasm/);
    const main = gzipSync(firstPaintJs(dir, 'main-window.js')).length;
    const quick = gzipSync(firstPaintJs(dir, 'quick-entry.js')).length;
    assert.ok(main < 60 * 1024, `main window first-paint JS is ${main} bytes gzip`);
    assert.ok(quick < 25 * 1024, `quick-entry page first-paint JS is ${quick} bytes gzip`);
  });
});

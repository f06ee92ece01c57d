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
    assert.deepEqual(offenders(main, /from 'node:(net|http|https|http2|dgram|tls)'|\bfetch\(|\bnet\.request|openai/), [], 'network');
    assert.deepEqual(offenders(main, /Intl\.|toLocale\w*String|formatHours|formatClock/), [], 'formatting');
  });

  it('renderer/ (the UI thread) never touches SQL or wa-sqlite', () => {
    const renderer = sources('renderer');
    assert.deepEqual(offenders(renderer, /from '[^']*sqlite[^']*'|\bSELECT\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b/), []);
  });

  it('the built main-window bundle carries no SQLite and stays within its 60 KB gzip budget', async () => {
    const { gzipSync } = await import('node:zlib');
    const dir = path.join(root, 'dist/renderer');
    const js = [path.join(dir, 'main-window.js'), ...readdirSync(path.join(dir, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => path.join(dir, 'chunks', f))];
    const text = js.map((f) => readFileSync(f, 'utf8')).join('\n');
    assert.doesNotMatch(text, /sqlite3_prepare|wa-sqlite\.wasm/);
    assert.ok(gzipSync(text).length < 60 * 1024, `main window JS is ${gzipSync(text).length} bytes gzip`);
  });
});

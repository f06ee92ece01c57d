// Every runtime dependency must be used by the app: an unused one is weight in every install and attack surface in
// the supply chain (openai once sat here unused, pulling in ws and zod).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

function sources(dir) {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [readFileSync(path.join(root, rel), 'utf8')] : [];
  });
}

describe('dependencies', () => {
  it('every runtime dependency is imported by the app (main/, renderer/, workers/, shared/)', () => {
    const code = ['main', 'renderer', 'workers', 'shared'].flatMap(sources).join('\n');
    const unused = Object.keys(pkg.dependencies ?? {}).filter((name) => {
      const escaped = name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      return !new RegExp(`(from|import)\\s*\\(?\\s*['"]${escaped}(/[^'"]*)?['"]`).test(code);
    });
    assert.deepEqual(unused, [], `unused runtime dependencies: ${unused.join(', ')}`);
  });

  it('no runtime dependency downloads anything at install time', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
    const withScripts = Object.entries(lock.packages)
      .filter(([, meta]) => meta.hasInstallScript && !meta.dev && !meta.devOptional)
      .map(([name]) => name);
    assert.deepEqual(withScripts, []);
  });
});

// Electronegativity (Doyensec's Electron security scanner) over main/, compared with the checked-in list of findings
// judged false positives (electronegativity-accepted.json, each with its reason): any other finding fails.
// It runs offline: its one network check (Electron release notes for known security fixes) is excluded, and its
// fetch of updated translations is answered "offline" at once instead of reaching out.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
const offline = () => Promise.reject(new Error('offline: no network in tests'));
offline.head = offline;
const gotId = scannerRequire.resolve('got');
require.cache[gotId] = { id: gotId, filename: gotId, loaded: true, exports: offline };
const run = require('@doyensec/electronegativity');

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const { accepted } = JSON.parse(readFileSync(new URL('./electronegativity-accepted.json', import.meta.url), 'utf8'));

async function scan(input) {
  return run({
    input,
    output: null,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'], // needs the network by design
    electronVersionOverride: pkg.devDependencies.electron,
    isRelative: true,
    parserPlugins: [],
  });
}

describe('Electronegativity', () => {
  it('finds nothing in main/ beyond the accepted false positives', async () => {
    const { issues, errors } = await scan(path.join(root, 'main'));
    assert.deepEqual(errors, [], 'every file of main/ was parsed (an unparsed file would be a silent pass)');
    const seen = new Map();
    const unexpected = [];
    for (const issue of issues) {
      const sample = issue.sample === undefined ? null : String(issue.sample).trim();
      const entry = accepted.find((a) => a.check === issue.id && a.file === issue.file && a.sample === sample);
      const count = (seen.get(entry) ?? 0) + 1;
      if (entry) seen.set(entry, count);
      if (!entry || count > entry.occurrences) {
        unexpected.push(`${issue.id} ${issue.file}:${issue.location.line} ${sample ?? ''} — ${issue.description}`);
      }
    }
    assert.deepEqual(unexpected, [], `new findings:\n${unexpected.join('\n')}`);
    for (const entry of accepted) assert.ok(entry.reason.length > 40, `${entry.check} needs a reason`);
    const stale = accepted.filter((a) => !seen.has(a)).map((a) => a.check);
    if (stale.length) console.log(`accepted findings no longer reported (remove them): ${stale.join(', ')}`);
  });

  it('is awake: it flags an insecure window and a missing permission handler in a fixture', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lt-eng-'));
    writeFileSync(
      path.join(dir, 'bad.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const ids = new Set((await scan(dir)).issues.map((i) => i.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK']) {
      assert.ok(ids.has(id), `${id} in ${[...ids].join(', ')}`);
    }
  });
});

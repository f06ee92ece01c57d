// Electron supports only its three newest majors; an app on an older one gets no security fixes. This fails when the
// pinned major falls out of that window. `npm outdated` cannot be trusted for it: Electron releases declare
// `engines.node >= 22.12`, so on an older Node npm quietly hides every newer Electron.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const pinned = pkg.devDependencies.electron;

// Electron ships a new major every 8 weeks; 45.0.0 was published on 2026-10-21. A week of grace absorbs the few days
// a release date drifts from the cadence.
const ANCHOR = { major: 45, date: Date.UTC(2026, 9, 21) };
const CADENCE_MS = 56 * 86_400_000;
const GRACE_MS = 7 * 86_400_000;

/** The newest stable Electron major by the release calendar, for a given time. */
function newestMajorByCalendar(now = Date.now()) {
  return ANCHOR.major + Math.max(0, Math.floor((now - ANCHOR.date - GRACE_MS) / CADENCE_MS));
}

const supportedFloor = (newest) => newest - 2;

/** Electron's `latest` dist-tag from the npm registry, or null when it cannot be reached within a few seconds. */
function latestFromRegistry() {
  return new Promise((resolve) => {
    execFile('npm', ['view', 'electron', 'dist-tags.latest'], { timeout: 20_000, cwd: root }, (error, stdout) => {
      const version = String(stdout ?? '').trim();
      resolve(!error && /^\d+\.\d+\.\d+$/.test(version) ? version : null);
    });
  });
}

describe('Electron stays on a supported major', () => {
  it('is pinned to an exact version, and that version is what is installed', () => {
    assert.match(pinned, /^\d+\.\d+\.\d+$/, 'devDependencies.electron must be an exact version');
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
    assert.equal(installed, pinned);
  });

  it('the pinned major is one of the three newest by the release calendar', () => {
    const major = Number(pinned.split('.')[0]);
    const newest = newestMajorByCalendar();
    assert.ok(
      major >= supportedFloor(newest),
      `Electron ${pinned} is out of support: the supported majors are ${supportedFloor(newest)}-${newest}. Upgrade it.`,
    );
  });

  it('the pinned major is one of the three newest by the npm registry (when it can be reached)', async (t) => {
    const latest = await latestFromRegistry();
    if (!latest) {
      t.skip('npm registry not reachable: the calendar check above stands alone');
      return;
    }
    const newest = Number(latest.split('.')[0]);
    const major = Number(pinned.split('.')[0]);
    assert.ok(major >= supportedFloor(newest), `Electron ${pinned} is out of support (latest is ${latest}).`);
  });

  it('the calendar check knows when 41, 44 and 45 fall out of support', () => {
    assert.equal(newestMajorByCalendar(Date.UTC(2026, 10, 25)), 45);
    assert.ok(41 < supportedFloor(newestMajorByCalendar(Date.UTC(2026, 10, 25))));
    assert.equal(newestMajorByCalendar(Date.UTC(2027, 0, 20)), 46);
    assert.ok(45 < supportedFloor(newestMajorByCalendar(Date.UTC(2027, 4, 1))), '45 is unsupported once 48 is out');
  });
});

// Packaging (electron-builder.config.mjs): the fuses, and what actually goes into app.asar. The package is really
// built (Linux, unpacked) from the built dist/ against a stand-in Electron directory: Electron's binary cannot be
// downloaded here, and fuses cannot be flipped in a stand-in, so for this build they are off and checked in the
// configuration instead. Run after `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { default: config } = await import(path.join(root, 'electron-builder.config.mjs'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('packaging configuration', () => {
  it('flips the fuses that close Electron’s back doors', () => {
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    assert.equal(config.asar, true);
  });

  it('builds AppImage and deb, NSIS and dmg, for the pinned Electron', () => {
    assert.deepEqual(config.linux.target, ['AppImage', 'deb']);
    assert.deepEqual(config.win.target, ['nsis']);
    assert.deepEqual(config.mac.target, ['dmg']);
    assert.equal(config.electronVersion, pkg.devDependencies.electron);
    assert.equal(config.directories.app, 'dist');
    assert.match(pkg.scripts.package, /electron-builder --config electron-builder\.config\.mjs/);
  });
});

describe('packaged files', () => {
  let out;
  let files;
  before(async () => {
    const { build, Platform } = await import('electron-builder');
    out = mkdtempSync(path.join(tmpdir(), 'lt-package-'));
    const electronDist = path.join(out, 'electron-stand-in');
    mkdirSync(electronDist);
    writeFileSync(path.join(electronDist, 'electron'), '');
    await build({
      projectDir: root,
      targets: Platform.LINUX.createTarget('dir'),
      publish: 'never',
      config: {
        ...config,
        electronDist,
        electronFuses: null,
        directories: { ...config.directories, output: path.join(out, 'release') },
      },
    });
    const asar = require('@electron/asar');
    const archive = path.join(out, 'release/linux-unpacked/resources/app.asar');
    files = asar
      .listPackage(archive)
      .map((f) => f.replace(/\\/g, '/').replace(/^\//, ''))
      .filter((f) => !statSync(path.join(root, 'dist', f), { throwIfNoEntry: false })?.isDirectory());
    files.manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  });
  after(() => out && rmSync(out, { recursive: true, force: true }));

  it('holds dist/ only: no sources, tests, source maps, node_modules, web-shell server or bench', () => {
    assert.ok(files.length > 10, `${files.length} files`);
    for (const file of files) {
      assert.ok(existsSync(path.join(root, 'dist', file)), `${file} is not a file of dist/`);
      assert.doesNotMatch(file, /\.map$|\.tsx?$|(^|\/)node_modules\/|^(web|bench|test|main\/.*\.ts)\b|\.test\./, file);
    }
    for (const needed of [
      'package.json',
      'main/main.js',
      'main/app.js',
      'preload/preload.cjs',
      'renderer/index.html',
      'renderer/quick-entry.html',
      'renderer/workers/data-worker.js',
      'renderer/workers/wa-sqlite.wasm',
    ]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
  });

  it('packages a manifest with no dependencies, starting the built main process', () => {
    assert.equal(files.manifest.main, 'main/main.js');
    assert.equal(files.manifest.type, 'module');
    assert.equal(files.manifest.dependencies, undefined);
  });
});

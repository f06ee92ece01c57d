// `npm start`: finding Electron without touching the network, and the web shell's launcher (dist/web/launch.js),
// which must never leave a browser open on a port it no longer serves.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { findElectronBinary } from '../../build/electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { launchWebShell, LaunchRefused } = await import(path.join(root, 'dist/web/launch.js'));

const tmp = (prefix) => mkdtempSync(path.join(tmpdir(), prefix));

function rendererFixture() {
  const dir = tmp('lt-launch-');
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>LightTrack</title>');
  return dir;
}

/** A stand-in for Chromium's child process: records kill() and exits when killed. */
function fakeSpawn() {
  const calls = [];
  const spawnFake = (command, args) => {
    const child = Object.assign(new EventEmitter(), {
      exitCode: null,
      signalCode: null,
      kills: 0,
      kill(signal) {
        this.kills++;
        this.signalCode = signal;
        setImmediate(() => this.emit('exit', null, signal));
        return true;
      },
    });
    calls.push({ command, args, child });
    return child;
  };
  return { calls, spawn: spawnFake };
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

describe('finding Electron (no download, no network)', () => {
  const fakePackage = (version = '45.5.0') => {
    const dir = tmp('lt-electron-');
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'electron', version }));
    return dir;
  };

  it('reports no binary when the electron package has not fetched one', () => {
    assert.equal(findElectronBinary({ packageDir: fakePackage(), env: {} }), null);
    assert.equal(findElectronBinary({ packageDir: null, env: {} }), null);
  });

  it('finds an installed binary of the pinned version, and ignores one of another version', () => {
    const dir = fakePackage();
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist/electron'), '');
    writeFileSync(path.join(dir, 'dist/version'), 'v45.5.0');
    assert.equal(findElectronBinary({ packageDir: dir, env: {} }), path.join(dir, 'dist/electron'));
    writeFileSync(path.join(dir, 'dist/version'), 'v41.7.1');
    assert.equal(findElectronBinary({ packageDir: dir, env: {} }), null);
    writeFileSync(path.join(dir, 'path.txt'), '../../bin/sh');
    assert.equal(findElectronBinary({ packageDir: dir, env: {} }), null);
  });

  it('this checkout: the electron package installed no binary, and looking for it does not fetch one', () => {
    const packageDir = path.join(root, 'node_modules/electron');
    const hadBinary = existsSync(path.join(packageDir, 'path.txt'));
    const started = Date.now();
    const found = findElectronBinary();
    assert.ok(Date.now() - started < 1000);
    if (!hadBinary) {
      assert.equal(found, null);
      assert.equal(existsSync(path.join(packageDir, 'path.txt')), false, 'nothing was downloaded');
    }
  });
});

describe('web shell launcher', () => {
  it('closes the browser it opened when the server stops, for whatever reason', async () => {
    const { calls, spawn: spawnFake } = fakeSpawn();
    const shell = await launchWebShell({
      rootDir: rendererFixture(),
      port: 0,
      chromium: '/fake/chromium',
      profileDir: tmp('lt-profile-'),
      spawn: spawnFake,
    });
    assert.equal(calls.length, 1);
    assert.ok(calls[0].args.includes(`--app=${shell.web.url}`));
    assert.ok(calls[0].args.includes('--disable-background-networking'));
    // the server goes away without stop(): as after a crash of its handler or an error
    await new Promise((r) => shell.web.server.close(r));
    assert.equal(calls[0].child.kills, 1, 'browser killed');
    await shell.done;
  });

  it('stops serving when the browser is closed', async () => {
    const { calls, spawn: spawnFake } = fakeSpawn();
    const shell = await launchWebShell({
      rootDir: rendererFixture(),
      port: 0,
      chromium: '/fake/chromium',
      profileDir: tmp('lt-profile-'),
      spawn: spawnFake,
    });
    calls[0].child.exitCode = 0;
    calls[0].child.emit('exit', 0, null);
    await shell.done;
    assert.equal(shell.web.server.listening, false);
  });

  it('refuses, with a clear message and no browser, when another program holds the port', async () => {
    const impostor = createServer((req, res) => res.end('<script>steal()</script>'));
    const port = await listen(impostor);
    const { calls, spawn: spawnFake } = fakeSpawn();
    try {
      await assert.rejects(
        launchWebShell({
          rootDir: rendererFixture(),
          port,
          chromium: '/fake/chromium',
          profileDir: tmp('lt-profile-'),
          spawn: spawnFake,
        }),
        (error) => error instanceof LaunchRefused && /already in use by another program/.test(error.message),
      );
      assert.equal(calls.length, 0, 'no browser opened');
    } finally {
      impostor.close();
    }
  });
});

describe('npm start (build/start.mjs) in the web shell', () => {
  /** Runs start.mjs with a fake "Chromium" (a node script that records its pid and waits to be killed). */
  function runStart(env) {
    const dir = tmp('lt-start-');
    const pidFile = path.join(dir, 'browser.pid');
    const browser = path.join(dir, 'fake-chromium');
    writeFileSync(
      browser,
      `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));\nsetInterval(() => {}, 1000);\n`,
    );
    chmodSync(browser, 0o755);
    const child = spawn(process.execPath, [path.join(root, 'build/start.mjs')], {
      env: { ...process.env, HOME: dir, CHROMIUM_PATH: browser, DISPLAY: ':99', LIGHTTRACK_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, pidFile, exited, output: () => output };
  }
  const alive = (pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const waitFor = async (check, what, ms = 10_000) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.fail(`timed out waiting for ${what}`);
  };

  it('falls back to the web shell at once when Electron is not installed, and closes the browser when it stops', async () => {
    const run = runStart({});
    await waitFor(
      () => existsSync(run.pidFile) && /is serving http:\/\/127\.0\.0\.1:\d+\//.test(run.output()),
      'server and browser',
    );
    assert.match(run.output(), /Electron's binary is not installed.*using the web shell/);
    const browserPid = Number(readFileSync(run.pidFile, 'utf8'));
    assert.equal(alive(browserPid), true);
    run.child.kill('SIGTERM');
    assert.equal(await run.exited, 0);
    await waitFor(() => !alive(browserPid), 'browser to be closed');
  });

  it('refuses to open the app on a port another program holds', async () => {
    const impostor = createServer((req, res) => res.end('not LightTrack'));
    const port = await listen(impostor);
    try {
      const run = runStart({ LIGHTTRACK_PORT: String(port) });
      assert.equal(await run.exited, 1);
      assert.match(run.output(), new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use by another program`));
      assert.equal(existsSync(run.pidFile), false, 'no browser was opened');
    } finally {
      impostor.close();
    }
  });
});

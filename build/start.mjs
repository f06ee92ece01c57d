// `npm start` (after `npm run build`): Electron when its binary is installed, else the web shell — the built app on
// a loopback server, opened in Chromium's app mode. A fixed port keeps the same origin, so the OPFS data persists.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const forceWeb = args.has('--web') || process.env.LIGHTTRACK_SHELL === 'web';
const noBrowser = args.has('--no-browser');

function chromiumBinary() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

// Only a binary already on disk: the electron package would otherwise download one on first use (Electron >= 42).
const electron = forceWeb ? null : findElectronBinary();
if (electron) {
  const child = spawn(electron, [root], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceWeb) {
    console.log(
      "Electron's binary is not installed (`npx install-electron` fetches it; that needs the network): using the web shell.",
    );
  }
  const { launchWebShell, LaunchRefused } = await import(path.join(root, 'dist/web/launch.js'));
  const port = Number(process.env.LIGHTTRACK_PORT ?? 47615);
  const chromium = chromiumBinary();
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const openBrowser = !noBrowser && chromium && hasDisplay;
  let shell;
  try {
    shell = await launchWebShell({
      rootDir: path.join(root, 'dist/renderer'),
      port,
      chromium: openBrowser ? chromium : null,
      profileDir: path.join(homedir(), '.local/share/lighttrack/web-profile'),
      browserArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      // --ai-origin=URL (repeatable) or LIGHTTRACK_AI_ORIGINS (space-separated): the assistant's endpoints
      aiOrigins: [
        ...process.argv.slice(2).flatMap((a) => (a.startsWith('--ai-origin=') ? [a.slice('--ai-origin='.length)] : [])),
        ...(process.env.LIGHTTRACK_AI_ORIGINS ?? '').split(/\s+/).filter(Boolean),
      ],
      // --jira-origin=URL or LIGHTTRACK_JIRA_ORIGIN: the Jira site (connect-src only; see build/web-server.ts)
      jiraOrigin:
        process.argv
          .slice(2)
          .find((a) => a.startsWith('--jira-origin='))
          ?.slice('--jira-origin='.length) ??
        process.env.LIGHTTRACK_JIRA_ORIGIN ??
        null,
    });
  } catch (error) {
    console.error(error instanceof LaunchRefused ? `LightTrack: ${error.message}` : error);
    process.exit(1);
  }
  console.log(`LightTrack (web shell) is serving ${shell.web.url}`);
  if (!openBrowser) {
    console.log(
      chromium && hasDisplay
        ? 'Open it in a Chromium-based browser.'
        : 'No display or Chromium found: open that URL in Chromium.',
    );
  }
  const quit = async () => {
    await shell.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
  await shell.done;
  process.exit(0);
}

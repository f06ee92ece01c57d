// Makes sure a Chromium is present for the tests, the bench and the web shell. Playwright cannot download its own
// browser here, so we use Debian's: installed with apt-get when missing and we are root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(wanted)) {
  const root = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!root || !hasApt || process.env.CHROMIUM_PATH) {
    console.error(`Chromium not found at ${wanted}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`);
    // `npm start` can still serve the web shell (or run Electron) without it; tests cannot.
    process.exit(process.argv.includes('--optional') ? 0 : 1);
  }
  console.log('Installing Debian chromium (apt-get)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
}

// Makes sure a Chromium is present for the tests, the bench and the web shell. Playwright cannot download its own
// browser here, so we use Debian's: installed with apt-get when missing and we are root. With --test-tools it also
// brings the independent readers the export tests check our files with (pdftotext, Python's openpyxl, LibreOffice).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const optional = process.argv.includes('--optional');
const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** [is it there?, Debian package, what for, without its recommends?] */
const needs = [[() => existsSync(wanted), 'chromium', 'the browser tests and the web shell']];
if (process.argv.includes('--test-tools')) {
  needs.push([() => existsSync('/usr/bin/pdftotext'), 'poppler-utils', 'reading exported PDFs back']);
  needs.push([() => hasPythonModule('openpyxl'), 'python3-openpyxl', 'reading exported XLSX back']);
  // (its recommends are a desktop's worth: Calc alone installs in about a minute)
  needs.push([() => existsSync('/usr/bin/soffice'), 'libreoffice-calc', 'opening exported CSV and XLSX', true]);
}

function hasPythonModule(name) {
  try {
    execFileSync('/usr/bin/python3', ['-c', `import ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = needs.filter(([present]) => !present());
if (missing.length > 0) {
  const root = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  const chromiumPinned = process.env.CHROMIUM_PATH && missing.some(([, pkg]) => pkg === 'chromium');
  if (!root || !hasApt || chromiumPinned) {
    for (const [, pkg, why] of missing)
      console.error(
        `Missing Debian package ${pkg} (${why}). Install it (apt-get install -y ${pkg})${pkg === 'chromium' ? ' or set CHROMIUM_PATH' : ''}.`,
      );
    // `npm start` can still serve the web shell (or run Electron) without it; tests cannot.
    process.exit(optional ? 0 : 1);
  }
  const packages = missing.filter(([, , , lean]) => !lean).map(([, pkg]) => pkg);
  const lean = missing.filter(([, , , lean]) => lean).map(([, pkg]) => pkg);
  console.log(`Installing ${[...packages, ...lean].join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (packages.length) execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
  if (lean.length)
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...lean], { stdio: 'inherit', env });
}

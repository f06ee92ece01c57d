// Finds an installed Electron binary without running the `electron` package's index.js: since Electron 42 that file
// downloads the binary on first require (synchronously, from the network), which would hang or fail offline. We only
// look at what is already on disk, the same way the package does, and report null when nothing usable is there.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron executable installed for this project, or null (then `npm start` serves the web shell).
 * @param {{ packageDir?: string | null, env?: NodeJS.ProcessEnv }} [options] packageDir: node_modules/electron
 */
export function findElectronBinary({ packageDir = electronPackageDir(), env = process.env } = {}) {
  if (!packageDir) return null;
  let executable;
  let version;
  try {
    // path.txt and dist/version are written by `npx install-electron` once the binary has been extracted.
    executable = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    version = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  if (!executable || path.isAbsolute(executable) || executable.split(/[\\/]/).includes('..')) return null;
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  if (!existsSync(binary)) return null;
  if (!env.ELECTRON_OVERRIDE_DIST_PATH) {
    // A binary left over from another Electron version would run the app on an unsupported runtime.
    let installed = '';
    try {
      installed = readFileSync(path.join(distDir, 'version'), 'utf8').trim().replace(/^v/, '');
    } catch {
      return null;
    }
    if (installed !== version) return null;
  }
  return binary;
}

function electronPackageDir() {
  try {
    return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

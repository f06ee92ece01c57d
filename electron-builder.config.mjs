// Packaging (`npm run package`): AppImage and deb on Linux, NSIS on Windows, dmg on macOS, from dist/ only.
// The app directory is dist/ with its own package.json (written by the build, no dependencies): every bundle is
// self-contained, so nothing from node_modules, no sources, tests or source maps go into the package.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {import('electron-builder').Configuration} */
export default {
  appId: 'app.lighttrack.desktop',
  productName: 'LightTrack',
  electronVersion: pkg.devDependencies.electron,
  directories: { app: 'dist', output: 'release', buildResources: 'build/packaging' },
  // '!node_modules': with no dependencies in dist/package.json electron-builder would otherwise fall back to the
  // root project's production dependencies (already bundled by rollup).
  files: ['**/*', '!web/**', '!bench/**', '!**/*.map', '!**/*.d.ts', '!**/*.ts', '!node_modules/**'],
  asar: true,
  // Nothing to rebuild: the app has no native modules.
  npmRebuild: false,
  nodeGypRebuild: false,
  // Fuses are flipped in the Electron binary itself, so they hold whatever the environment or command line says.
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node.js interpreter
    enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS could preload code into the main process
    enableNodeCliInspectArguments: false, // --inspect would open a debugger into the main process
    grantFileProtocolExtraPrivileges: false, // file:// gets no special powers; the app lives on app://
    onlyLoadAppFromAsar: true, // no app/ folder next to app.asar can replace the app
    enableEmbeddedAsarIntegrityValidation: true, // app.asar is checked against the hash embedded at build time
    enableCookieEncryption: true, // cookies encrypted at rest with the OS keychain key
    loadBrowserProcessSpecificV8Snapshot: false,
  },
  linux: { target: ['AppImage', 'deb'], category: 'Office', maintainer: 'LightTrack' },
  deb: { depends: ['libsecret-1-0'] }, // the keychain safeStorage needs to protect secrets
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false },
  mac: { target: ['dmg'], category: 'public.app-category.productivity', hardenedRuntime: true },
};

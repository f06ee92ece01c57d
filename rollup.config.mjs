import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import esbuild, { minify } from 'rollup-plugin-esbuild';

const production = process.env.NODE_ENV !== 'development';
// chunk names carry hashes: old ones would pile up in dist and be shipped (and counted by the size budget)
rmSync('dist/renderer/chunks', { recursive: true, force: true });
rmSync('dist/renderer/workers/export-chunks', { recursive: true, force: true });
const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true });
const WA_SQLITE_WASM = 'node_modules/@journeyapps/wa-sqlite/dist/wa-sqlite.wasm';
const nodeExternal = ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Copies files verbatim into the output directory (HTML pages, CSS, the wa-sqlite WebAssembly). */
function copy(files) {
  return {
    name: 'copy-static',
    generateBundle() {
      for (const [from, fileName] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(from) });
      }
    },
  };
}

/**
 * Adds <link rel="modulepreload"> for each page's static chunk imports, so the browser fetches them alongside the
 * entry instead of after it (one round trip less before the quick-entry input can take focus).
 */
function preloadChunks(pages) {
  return {
    name: 'preload-chunks',
    generateBundle(_options, bundle) {
      for (const [html, entry] of Object.entries(pages)) {
        const asset = bundle[html];
        const chunk = bundle[entry];
        if (!asset || !chunk || chunk.type !== 'chunk') continue;
        const links = chunk.imports.map((file) => `<link rel="modulepreload" href="./${file}" />`).join('\n    ');
        asset.source = String(asset.source).replace(
          new RegExp(`<script type="module"( async)? src="./${entry}"></script>`),
          (tag) => `${links}\n    ${tag}`,
        );
      }
    },
  };
}

const browserPlugins = () => [
  nodeResolve({ browser: true }),
  // the export worker's PDF libraries import JSON (font metrics) and a few CommonJS packages (brotli, dfa, node-html-better-parser)
  json(),
  commonjs(),
  replace({
    preventAssignment: true,
    values: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  }),
  ts(),
  production && minify({ target: 'es2022' }),
];

/**
 * dist/package.json: the packaged app's own manifest (electron-builder's two-package.json layout). It names no
 * dependencies, because every bundle is self-contained, so the package holds dist/ and nothing from node_modules.
 */
function appManifest() {
  return {
    name: 'app-manifest',
    writeBundle() {
      const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
      const manifest = {
        name: pkg.name,
        productName: 'LightTrack',
        version: pkg.version,
        description: pkg.description,
        author: 'LightTrack',
        license: pkg.license ?? 'UNLICENSED',
        type: 'module',
        main: 'main/main.js',
      };
      writeFileSync('dist/package.json', `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}

const app = [
  // Electron main process (ESM). app.js is a separate chunk so tests can start it with a fake electron.
  {
    input: { main: 'main/main.ts', app: 'main/app.ts' },
    external: nodeExternal,
    plugins: [nodeResolve({ preferBuiltins: true }), ts(), appManifest()],
    output: { dir: 'dist/main', format: 'es', sourcemap: true, entryFileNames: '[name].js' },
  },
  // The web shell: its static server (dist/renderer with the same handler and headers as app://) and the launcher
  // that ties the browser's life to the server's.
  {
    input: { server: 'build/web-server.ts', launch: 'build/web-launch.ts' },
    external: nodeExternal,
    plugins: [nodeResolve({ preferBuiltins: true }), ts()],
    output: {
      dir: 'dist/web',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  // Sandboxed preloads must be CommonJS and self-contained (they cannot require npm packages).
  {
    input: 'main/preload.ts',
    external: ['electron'],
    plugins: [nodeResolve(), ts()],
    output: { file: 'dist/preload/preload.cjs', format: 'cjs', sourcemap: true },
  },
  // Renderer pages: main window and quick entry, sharing chunks.
  {
    input: { 'main-window': 'renderer/main-window.ts', 'quick-entry': 'renderer/quick-entry.ts' },
    plugins: [
      ...browserPlugins(),
      copy({
        'renderer/index.html': 'index.html',
        'renderer/quick-entry.html': 'quick-entry.html',
        'renderer/app.css': 'app.css',
        'renderer/icon.svg': 'icon.svg',
      }),
      preloadChunks({ 'index.html': 'main-window.js', 'quick-entry.html': 'quick-entry.js' }),
    ],
    output: { dir: 'dist/renderer', format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  },
  // Each worker is its own module bundle; wa-sqlite finds its .wasm next to the worker (new URL(..., import.meta.url)).
  {
    input: 'workers/data/data-worker.ts',
    plugins: [...browserPlugins(), copy({ [WA_SQLITE_WASM]: 'wa-sqlite.wasm' })],
    output: { dir: 'dist/renderer/workers', format: 'es', sourcemap: true, inlineDynamicImports: true },
  },
  // The export worker: each format (and the import parsers) is its own chunk, loaded when first used.
  {
    input: { 'export-worker': 'workers/export/export-worker.ts' },
    plugins: browserPlugins(),
    output: {
      dir: 'dist/renderer/workers',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'export-chunks/[name]-[hash].js',
    },
  },
  // The AI worker (openai and the tools), started on the first question.
  {
    input: { 'ai-worker': 'workers/ai/ai-worker.ts' },
    plugins: browserPlugins(),
    output: {
      dir: 'dist/renderer/workers',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      inlineDynamicImports: true,
    },
  },
  // The Jira worker (the sender and the connection test), started when Jira is connected.
  {
    input: { 'jira-worker': 'workers/jira/jira-worker.ts' },
    plugins: browserPlugins(),
    output: {
      dir: 'dist/renderer/workers',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      inlineDynamicImports: true,
    },
  },
];

// `npm run bench` adds the benchmark (rollup -c --environment BENCH): a browser page, its engine worker, and the
// native better-sqlite3 baseline for Node, all in dist/bench.
const bench = [
  {
    input: 'build/bench/bench-page.ts',
    plugins: [...browserPlugins(), copy({ 'build/bench/bench.html': 'bench.html' })],
    output: { dir: 'dist/bench', format: 'es', inlineDynamicImports: true },
  },
  {
    input: 'build/bench/bench-worker.ts',
    plugins: [...browserPlugins(), copy({ [WA_SQLITE_WASM]: 'wa-sqlite.wasm' })],
    output: { dir: 'dist/bench', format: 'es', inlineDynamicImports: true },
  },
  {
    input: 'build/bench/exports-worker.ts',
    // the PDF timesheet's fonts, fetched by the bench worker as the export worker will
    plugins: [
      ...browserPlugins(),
      copy(
        Object.fromEntries(
          [
            '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
            '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
            '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
            '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
          ].map((file) => [`node_modules/${file}`, `fonts/${file.split('/').pop()}`]),
        ),
      ),
    ],
    output: { dir: 'dist/bench', format: 'es', inlineDynamicImports: true },
  },
  {
    input: 'build/bench/native.ts',
    external: [...nodeExternal, 'better-sqlite3'],
    plugins: [nodeResolve({ preferBuiltins: true }), ts()],
    output: { dir: 'dist/bench', format: 'es' },
  },
];

export default process.env.BENCH ? [...app, ...bench] : app;

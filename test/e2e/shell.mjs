// Shared set-up of the end-to-end tests: the built app (dist/) behind the web shell's server, in Debian's Chromium.
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

import { chromiumLaunchOptions } from '../chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { startWebServer } = await import(path.join(root, 'dist/web/server.js'));

/**
 * Starts the server and a browser before the file's tests and closes both after them. With `contextOptions`, one
 * browser context is made too; `serverOptions()` (read when the server starts) may name AI origins to allow. The returned object is filled in by the time the tests run.
 */
export function useWebShell(contextOptions, serverOptions = () => ({})) {
  const shell = { web: null, browser: null, context: null };
  before(async () => {
    shell.web = await startWebServer(path.join(root, 'dist/renderer'), 0, '127.0.0.1', serverOptions());
    shell.browser = await chromium.launch(chromiumLaunchOptions);
    if (contextOptions) shell.context = await shell.browser.newContext(contextOptions);
  });
  after(async () => {
    await shell.browser?.close();
    await shell.web?.close();
  });
  return shell;
}

/** Collects a page's console errors and uncaught errors into `problems` (CSP violations show up as console errors). */
export function collectProblems(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
}

// Mounts the main window's root (<lt-app>) on a database of its own, with the real data worker from source, and
// reaches into shadow roots for the recovery, diagnostics and timer-view tests.
import '../../../renderer/components/lt-app.ts';

import type { LtApp } from '../../../renderer/components/lt-app.ts';
import { createServices, type AppServices } from '../../../renderer/services/services.ts';
import { isBenignError } from '../../../renderer/services/window-errors.ts';
import { createWebShell } from '../../../renderer/shell/web-shell.ts';
import { localDayRange } from '../../../shared/day.ts';
import { startDataWorker } from './worker-harness.ts';

// The virtualized lists' ResizeObserver notices (see isBenignError) must not fail the test as uncaught errors.
window.addEventListener(
  'error',
  (e) => {
    if (isBenignError(e)) {
      e.stopImmediatePropagation();
      e.preventDefault();
    }
  },
  true,
);

export const workerUrl = new URL('../../../workers/data/data-worker.ts', import.meta.url);

export interface Mounted {
  app: LtApp;
  services: AppServices;
  /** the database file the window opened */
  dbName: string;
  /** how many times the window was told to reload */
  reloads: () => number;
  stop: () => void;
}

/** Mounts <lt-app> on `dbName`; `route` sets the location hash first ('' for the timer). */
export function mountApp(dbName: string, route = ''): Mounted {
  history.replaceState(null, '', route ? `#${route}` : location.pathname + location.search);
  let reloads = 0;
  const services = createServices(createWebShell(), { workerUrl, dbName }, { reload: () => reloads++, delayMs: 0 });
  const stopLifecycle = services.lifecycle.listen();
  const app = document.createElement('lt-app');
  app.services = services;
  document.body.append(app);
  return {
    app,
    services,
    dbName,
    reloads: () => reloads,
    stop: () => {
      app.remove();
      stopLifecycle();
      services.client.dispose();
      history.replaceState(null, '', location.pathname + location.search);
    },
  };
}

/**
 * Follows a path of selectors through shadow roots: deep(app, 'lt-diagnostics-view', 'lt-error-log', 'li'). Each step
 * looks inside the previous element's shadow root and, failing that, inside the shadow roots nested below it, so a
 * test does not depend on how views are composed.
 */
export function deep<E extends Element = HTMLElement>(root: Element, ...selectors: string[]): E | null {
  let node: Element | null = root;
  for (const selector of selectors) {
    node = node ? findDeep(node.shadowRoot ?? node, selector) : null;
    if (!node) return null;
  }
  return node as E | null;
}

function findDeep(scope: ParentNode, selector: string): Element | null {
  const direct = scope.querySelector(selector);
  if (direct) return direct;
  for (const el of scope.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = findDeep(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

export function deepAll<E extends Element = HTMLElement>(root: Element, ...selectors: string[]): E[] {
  const last = selectors.pop()!;
  const parent = selectors.length ? deep(root, ...selectors) : root;
  if (!parent) return [];
  return [...(parent.shadowRoot ?? parent).querySelectorAll<E>(last)];
}

/** Visible text of an element including its shadow tree (and nested ones), whitespace collapsed. */
export function textOf(el: Element | null): string {
  if (!el) return '';
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const shadow = (node as Element).shadowRoot;
    if (shadow) shadow.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(el);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Sessions of today (local), a minute apart, all finished. */
export function todaysSessions(names: string[]) {
  const { from } = localDayRange(Date.now());
  return names.map((name, i) => ({
    name,
    projectId: null,
    startTime: from + (i * 2 + 1) * 60_000,
    endTime: from + (i * 2 + 2) * 60_000,
  }));
}

/**
 * Prepares a database with the real worker outside any window: opens it, runs `fn`, and closes it properly (the WAL
 * checkpointed into the file), so fixtures can then change the file on disk.
 */
export async function prepareDatabase<T>(
  dbName: string,
  fn: (api: ReturnType<typeof startDataWorker>['api']) => Promise<T>,
): Promise<T> {
  const handle = startDataWorker();
  try {
    await handle.api.open({ name: dbName });
    const result = await fn(handle.api);
    await handle.api.close();
    return result;
  } finally {
    handle.worker.terminate();
  }
}

/** Catches the next download offered through an <a download> click: its file name and bytes. */
export function nextDownload(): Promise<{ name: string; bytes: ArrayBuffer }> {
  return new Promise((resolve, reject) => {
    const onClick = (event: Event) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      document.removeEventListener('click', onClick, true);
      fetch(link.href)
        .then((r) => r.arrayBuffer())
        .then((bytes) => resolve({ name: link.download, bytes }), reject);
    };
    document.addEventListener('click', onClick, true);
  });
}

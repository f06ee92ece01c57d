import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Electron from 'electron';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './csp.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Must run before app 'ready': app:// behaves like https (secure context for OPFS, fetch, module workers). */
export function registerAppScheme(protocol: Pick<Electron.Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer from `rootDir`, every response carrying the CSP header. Paths are resolved inside rootDir
 * only; anything else is a 404. Electron uses it for app://lighttrack/ and the web shell's server for http://localhost,
 * so both shells serve the same bytes under the same policy.
 */
export function createStaticHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    const url = new URL(request.url);
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cross-Origin-Opener-Policy': 'same-origin',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}

/** The app:// handler: only our host is served. */
export function createAppRequestHandler(rootDir: string): (request: Request) => Promise<Response> {
  const serve = createStaticHandler(rootDir);
  return (request) =>
    new URL(request.url).host === APP_HOST ? serve(request) : Promise.resolve(new Response('Not found', { status: 404 }));
}

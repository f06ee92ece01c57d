import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Electron from 'electron';

import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY, securityHeaders } from './csp.ts';

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

export interface StaticHandlerOptions {
  /** the CSP to send; a function so the main process can widen connect-src when the AI endpoint is configured */
  csp?: () => string;
}

/** A plain-text answer that still carries every security header (an error page is a page of our origin too). */
export function textResponse(status: number, text: string, csp: string = CONTENT_SECURITY_POLICY): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The bundle-relative file a URL path names, or null when the path cannot be decoded or holds characters no file of
 * ours has (NUL, backslash): such requests are malformed, not merely missing.
 */
export function bundlePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // '%', '%ff', overlong UTF-8 ('%c0%ae'): URIError
  }
  if (/[\0\\]/.test(decoded)) return null;
  return decoded.replace(/^\/+/, '') || 'index.html';
}

/**
 * Serves the built renderer from `rootDir`, every response carrying the security headers. Paths are resolved inside
 * rootDir only; anything else is a 404, an undecodable path a 400. Electron uses it for app://lighttrack/ and the web
 * shell's server for http://127.0.0.1, so both shells serve the same bytes under the same policy. It never throws.
 */
export function createStaticHandler(
  rootDir: string,
  options: StaticHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  const policy = options.csp ?? (() => CONTENT_SECURITY_POLICY);
  return async (request) => {
    const csp = policy();
    let pathname: string;
    try {
      pathname = new URL(request.url).pathname;
    } catch {
      return textResponse(400, 'Bad request', csp);
    }
    const relative = bundlePath(pathname);
    if (relative === null) return textResponse(400, 'Bad request', csp);
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return textResponse(404, 'Not found', csp);
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          ...securityHeaders(csp),
          'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        },
      });
    } catch {
      return textResponse(404, 'Not found', csp);
    }
  };
}

/** The app:// handler: only our host is served. */
export function createAppRequestHandler(
  rootDir: string,
  options: StaticHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const serve = createStaticHandler(rootDir, options);
  return async (request) => {
    let host = '';
    try {
      host = new URL(request.url).host;
    } catch {
      // falls through to 404
    }
    return host === APP_HOST ? serve(request) : textResponse(404, 'Not found', options.csp?.());
  };
}

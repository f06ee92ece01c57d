import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { pipeline, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

import { contentSecurityPolicy, securityHeaders } from '../main/csp.ts';
import { createStaticHandler } from '../main/protocol.ts';

export interface WebServer {
  url: string;
  port: number;
  server: Server;
  /** random per launch, never sent: the server proves it holds it (see verifyLightTrackServer) */
  launchKey: Buffer;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /**
   * The AI endpoints the pages may reach (connect-src): the web shell cannot learn them from the app's settings, so
   * it is started with them (`npm run start:web -- --ai-origin=http://localhost:11434`); the assistant's settings
   * say so when an endpoint is not allowed.
   */
  aiOrigins?: readonly string[];
  /**
   * The Jira site the pages may connect to (--jira-origin). Only connect-src is widened: this server proxies nothing,
   * so in the web shell Jira itself must answer our origin's CORS requests (a Data Center admin can allow an origin;
   * Jira Cloud cannot, and is reached from the Electron shell, whose main adds the headers: main/ai-cors.ts).
   */
  jiraOrigin?: string | null;
}

/** Answers a nonce with HMAC(launchKey, nonce), so `npm start` can tell its own server from anything else. */
export const IDENTITY_PATH = '/.well-known/lighttrack-launch';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

export function launchProof(key: Buffer, nonce: string): string {
  return createHmac('sha256', key).update(nonce).digest('hex');
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, {
    ...securityHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** A whole HTTP response written on a raw socket, for requests the parser rejected before any handler ran. */
function rawResponse(status: number, extra: Record<string, string> = {}): string {
  const text = STATUS_TEXT[status] ?? 'Error';
  const headers = {
    ...securityHeaders(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    Connection: 'close',
    ...extra,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${text}\r\n${lines.join('\r\n')}\r\n\r\n${text}`;
}

function endSocket(socket: Socket, status: number, extra?: Record<string, string>): void {
  if (socket.writable) socket.end(rawResponse(status, extra));
  else socket.destroy();
  // a peer that never reads must not keep the socket open
  setTimeout(() => socket.destroy(), 2000).unref();
}

/**
 * The web shell's server: the built renderer on http://127.0.0.1 (a secure context, so OPFS works), through the
 * same handler and security headers as Electron's app:// scheme. It must not die on any request: if it did, the
 * fixed port would be free for another local program to serve code into LightTrack's origin (which holds the whole
 * database in OPFS). So: only GET/HEAD, only Host 127.0.0.1:PORT or localhost:PORT (DNS rebinding), only
 * origin-form targets; every malformed request gets a 4xx, and every response carries the security headers.
 */
export function startWebServer(
  rootDir: string,
  port = 0,
  host = '127.0.0.1',
  options: WebServerOptions = {},
): Promise<WebServer> {
  // validated here: a bad origin stops the start rather than widening the policy
  const csp = contentSecurityPolicy({ aiEndpoints: options.aiOrigins ?? [], jiraSite: options.jiraOrigin ?? null });
  const handle = createStaticHandler(rootDir, { csp: () => csp });
  const launchKey = randomBytes(32);
  let allowedHosts = new Set<string>();

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(hostHeader)) return sendText(res, 403, 'Forbidden: unknown Host');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    const target = req.url ?? '';
    // origin-form only: absolute-form ('http://[') and authority-form targets are not for this server
    if (!target.startsWith('/') || target.length > 8192) return sendText(res, 400, 'Bad request');
    let url: URL;
    try {
      url = new URL(`http://${hostHeader}${target}`);
    } catch {
      return sendText(res, 400, 'Bad request');
    }
    if (url.pathname === IDENTITY_PATH) {
      const nonce = url.searchParams.get('nonce') ?? '';
      if (!/^[0-9a-f]{32,128}$/.test(nonce)) return sendText(res, 400, 'Bad request');
      return sendText(res, 200, launchProof(launchKey, nonce));
    }
    const response = await handle(new Request(url));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (req.method === 'HEAD' || !response.body) {
      res.end();
      return;
    }
    pipeline(Readable.fromWeb(response.body as NodeReadableStream), res, () => {
      // a client that hangs up mid-body is not an error of ours
    });
  }

  const server = createServer(
    {
      maxHeaderSize: 16 * 1024,
      // a client that never finishes its headers gets a 408 within seconds instead of holding a socket
      headersTimeout: 5_000,
      requestTimeout: 30_000,
      connectionsCheckingInterval: 1_000,
      keepAliveTimeout: 5_000,
    },
    (req, res) => {
      respond(req, res).catch(() => sendText(res, 500, 'Internal error'));
    },
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    endSocket(socket, status);
  });
  // Without these listeners Node would drop CONNECT and Upgrade requests without an answer.
  server.on('connect', (_req: IncomingMessage, socket: Socket) => endSocket(socket, 405, { Allow: 'GET, HEAD' }));
  server.on('upgrade', (_req: IncomingMessage, socket: Socket) => endSocket(socket, 400));

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', reject);
      server.on('error', (error) => console.error('LightTrack web shell server error:', error));
      const { port: actual } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${actual}`, `localhost:${actual}`]);
      resolve({
        url: `http://${host}:${actual}/`,
        port: actual,
        server,
        launchKey,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/**
 * True when what answers on `url` is the LightTrack server holding `launchKey`: it is asked to sign a fresh random
 * nonce. Another program on the port (one that bound it first, or shares it) cannot, so `npm start` refuses to open
 * the browser on it.
 */
export function verifyLightTrackServer(url: string, launchKey: Buffer, timeoutMs = 3000): Promise<boolean> {
  const nonce = randomBytes(32).toString('hex');
  const expected = Buffer.from(launchProof(launchKey, nonce));
  const target = new URL(`${IDENTITY_PATH}?nonce=${nonce}`, url);
  return new Promise((resolve) => {
    const req = httpRequest(target, { method: 'GET', timeout: timeoutMs, headers: { Connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > 1024) req.destroy(new Error('identity answer too large'));
        else chunks.push(chunk);
      });
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve(res.statusCode === 200 && body.length === expected.length && timingSafeEqual(body, expected));
      });
      res.on('error', () => resolve(false));
      res.on('close', () => resolve(false)); // no-op after a resolve above
    });
    req.on('timeout', () => req.destroy(new Error('identity check timed out')));
    req.on('error', () => resolve(false));
    req.end();
  });
}

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createStaticHandler } from '../main/protocol.ts';

export interface WebServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * The web shell's server: the built renderer on http://127.0.0.1 (a secure context, so OPFS works), through the
 * same handler and CSP as Electron's app:// scheme. Only GET/HEAD; loopback only.
 */
export function startWebServer(rootDir: string, port = 0, host = '127.0.0.1'): Promise<WebServer> {
  const handle = createStaticHandler(rootDir);
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const response = await handle(new Request(new URL(req.url ?? '/', `http://${host}`)));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (req.method === 'HEAD' || !response.body) res.end();
    else Readable.fromWeb(response.body as import('node:stream/web').ReadableStream).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}/`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

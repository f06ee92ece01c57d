import type * as Electron from 'electron';

import { APP_ORIGIN } from './csp.ts';

type Headers = Record<string, string | string[]>;

/** Header names compared without case, as HTTP does. */
function without(headers: Headers, ...names: string[]): Headers {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !drop.has(k.toLowerCase())));
}

function header(headers: Headers, name: string): string | undefined {
  const found = Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(found) ? found.join(', ') : found;
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

export interface AiCors {
  beforeSendHeaders(details: { id: number; url: string; requestHeaders: Headers }): { requestHeaders?: Headers };
  headersReceived(details: {
    id: number;
    url: string;
    method: string;
    statusLine?: string;
    responseHeaders?: Headers;
  }): {
    responseHeaders?: Headers;
    statusLine?: string;
  };
}

/**
 * Makes the assistant work with local model servers out of the box in Electron, and Jira at all. Ollama refuses an Origin it was not
 * told about (OLLAMA_ORIGINS) and LM Studio sends no CORS headers unless switched on, and app://lighttrack is no
 * origin either knows. So, for requests from our pages to the configured endpoints only: the Origin header is
 * dropped on the way out (the server sees a plain client, as curl), and the answer gets the CORS headers Chromium
 * needs for our origin, a preflight included. Every other request is left exactly as it is.
 *
 * Jira (issue 20) goes through the same rewrite, for exactly the configured site's origin: Jira Cloud sends no CORS
 * headers at all, so a worker's fetch from app://lighttrack is refused. Chosen over an IPC passthrough because it
 * keeps the network client out of main (main only rewrites headers of requests our own pages make to an origin
 * the user configured and main validated), and the Jira worker stays an ordinary fetch client that the web shell and
 * the tests run unchanged. Hence PUT/DELETE (worklog updates and deletions) and the headers Jira's answers carry
 * that the sender reads (Retry-After, the CAPTCHA reason, Date).
 */
export function aiCors(origins: () => readonly string[]): AiCors {
  // the headers a preflight asked for, by request id, to allow exactly those
  const asked = new Map<number, string>();
  const ours = (url: string, headers?: Headers) => {
    const origin = originOf(url);
    return origin !== null && origins().includes(origin) && (!headers || header(headers, 'origin') === APP_ORIGIN);
  };
  const mine = new Set<number>();
  return {
    beforeSendHeaders({ id, url, requestHeaders }) {
      if (!ours(url, requestHeaders)) return {};
      mine.add(id);
      const wanted = header(requestHeaders, 'access-control-request-headers');
      if (wanted) asked.set(id, wanted);
      return { requestHeaders: without(requestHeaders, 'origin') };
    },
    headersReceived({ id, url, method, statusLine, responseHeaders = {} }) {
      if (!mine.delete(id) || !ours(url)) return {};
      const wanted = asked.get(id);
      asked.delete(id);
      const headers: Headers = {
        ...without(
          responseHeaders,
          'access-control-allow-origin',
          'access-control-allow-headers',
          'access-control-allow-methods',
          'access-control-expose-headers',
        ),
        'Access-Control-Allow-Origin': [APP_ORIGIN],
        'Access-Control-Allow-Methods': ['GET, POST, PUT, DELETE, OPTIONS'],
        'Access-Control-Allow-Headers': [wanted ?? 'authorization, content-type, x-request-id'],
        'Access-Control-Expose-Headers': ['retry-after, x-request-id, x-authentication-denied-reason, date'],
        Vary: ['Origin'],
      };
      // a server that refuses the preflight itself (403/404/405 for OPTIONS) would still block the request
      const preflightRefused = method === 'OPTIONS' && !/^HTTP\/[\d.]+ 2\d\d/.test(statusLine ?? '');
      return preflightRefused
        ? { responseHeaders: headers, statusLine: 'HTTP/1.1 204 No Content' }
        : { responseHeaders: headers };
    },
  };
}

/** Wires aiCors into the session's webRequest (http and https only; app:// is ours and untouched). */
export function installAiCors(
  webRequest: Pick<Electron.WebRequest, 'onBeforeSendHeaders' | 'onHeadersReceived'>,
  origins: () => readonly string[],
): void {
  const cors = aiCors(origins);
  const filter = { urls: ['http://*/*', 'https://*/*'] };
  webRequest.onBeforeSendHeaders(filter, (details, callback) =>
    callback(cors.beforeSendHeaders(details as unknown as Parameters<AiCors['beforeSendHeaders']>[0])),
  );
  webRequest.onHeadersReceived(filter, (details, callback) =>
    callback(cors.headersReceived(details as unknown as Parameters<AiCors['headersReceived']>[0])),
  );
}

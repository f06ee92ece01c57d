import * as Comlink from 'comlink';

import { AppError } from '../../../shared/errors.ts';

/** A window has few workers of its own; more ports than this means ports are leaking, and the oldest is closed. */
const MAX_PORTS = 8;
const ports: MessagePort[] = [];

/**
 * Serves the owner calls (never open/close/holdLifeline: the window's own connection decides those) over a
 * MessagePort the window transferred, so the export worker reads pages straight from here and no row passes through
 * the UI thread.
 */
export function servePort(port: unknown, api: Record<string, unknown>): void {
  if (!(port instanceof MessagePort)) throw new AppError('VALIDATION', 'servePort needs a transferred MessagePort');
  ports.push(port);
  if (ports.length > MAX_PORTS) ports.shift()!.close();
  Comlink.expose(api, port);
}

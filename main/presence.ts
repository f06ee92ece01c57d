import type * as Electron from 'electron';

import { DEFAULT_IDLE_THRESHOLD_S, IPC, type PresenceEvent } from '../shared/shell-contract.ts';

export interface PresenceOptions {
  idleThresholdS?: number;
  pollMs?: number;
  now?: () => number;
}

/**
 * Forwards OS presence to every window: suspend/resume and lock/unlock as powerMonitor reports them, idle/active by
 * polling the system idle time (powerMonitor has no idle event on every OS). Returns a stop function.
 */
export function forwardPresence(
  powerMonitor: Pick<Electron.PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>,
  windows: () => Electron.BrowserWindow[],
  options: PresenceOptions = {},
): () => void {
  const thresholdS = options.idleThresholdS ?? DEFAULT_IDLE_THRESHOLD_S;
  const now = options.now ?? Date.now;
  const send = (event: PresenceEvent) => {
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(IPC.presence, event);
  };

  const handlers: Array<[string, () => void]> = [
    ['suspend', () => send({ kind: 'suspend', at: now() })],
    ['resume', () => send({ kind: 'resume', at: now() })],
    ['lock-screen', () => send({ kind: 'lock', at: now() })],
    ['unlock-screen', () => send({ kind: 'unlock', at: now() })],
  ];
  for (const [name, handler] of handlers) powerMonitor.on(name as 'suspend', handler);

  let idle = false;
  const poll = setInterval(() => {
    const idleS = powerMonitor.getSystemIdleTime();
    if (!idle && idleS >= thresholdS) {
      idle = true;
      send({ kind: 'idle', at: now() - idleS * 1000 });
    } else if (idle && idleS < thresholdS) {
      idle = false;
      send({ kind: 'active', at: now() - idleS * 1000 });
    }
  }, options.pollMs ?? 5000);
  poll.unref?.();

  return () => {
    clearInterval(poll);
    for (const [name, handler] of handlers) powerMonitor.removeListener(name as 'suspend', handler);
  };
}

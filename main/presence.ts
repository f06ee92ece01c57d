import type * as Electron from 'electron';
import * as v from 'valibot';

import { DEFAULT_IDLE_THRESHOLD_S, IPC, type PresenceEvent, type PresenceSource } from '../shared/shell-contract.ts';
import { parse } from '../shared/validate.ts';
import { guarded } from './ipc.ts';

export interface PresenceOptions {
  idleThresholdS?: number;
  pollMs?: number;
  now?: () => number;
}

/**
 * Forwards OS presence to every window: suspend/resume and lock/unlock as powerMonitor reports them, idle/active by
 * polling the system idle time (powerMonitor has no idle event on every OS). Returns a stop function.
 */
export interface PresenceControl {
  stop(): void;
  /** the idle threshold from Settings (the renderer sends it) */
  setIdleThreshold(seconds: number): void;
}

export function forwardPresence(
  powerMonitor: Pick<Electron.PowerMonitor, 'on' | 'removeListener' | 'getSystemIdleTime'>,
  windows: () => Electron.BrowserWindow[],
  options: PresenceOptions = {},
): PresenceControl {
  let thresholdS = options.idleThresholdS ?? DEFAULT_IDLE_THRESHOLD_S;
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

  return {
    stop: () => {
      clearInterval(poll);
      for (const [name, handler] of handlers) powerMonitor.removeListener(name as 'suspend', handler);
    },
    setIdleThreshold: (seconds) => void (thresholdS = seconds),
  };
}

/**
 * What this platform reports, in words. Electron's lock events exist on macOS and Windows only, and the system idle
 * time reads 0 on Wayland outside GNOME and KDE (no idle protocol there that Chromium speaks).
 */
export function presenceSources(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): PresenceSource[] {
  const wayland = platform === 'linux' && (env['XDG_SESSION_TYPE'] === 'wayland' || !!env['WAYLAND_DISPLAY']);
  const desktop = (env['XDG_CURRENT_DESKTOP'] ?? '').toLowerCase();
  const idleWorks = !wayland || /gnome|kde/.test(desktop);
  return [
    idleWorks
      ? { kind: 'idle', available: 'yes', words: 'Idle time comes from the system: no input anywhere counts as away.' }
      : {
          kind: 'idle',
          available: 'no',
          words: 'Idle time is not available on this Wayland session (only GNOME and KDE report it).',
        },
    platform === 'darwin' || platform === 'win32'
      ? { kind: 'lock', available: 'yes', words: 'Screen locks are reported by the system.' }
      : { kind: 'lock', available: 'no', words: 'Screen locks are not reported on Linux.' },
    { kind: 'suspend', available: 'yes', words: 'Sleep and wake are reported by the system.' },
    {
      kind: 'clock-jump',
      available: 'yes',
      words: 'Clock changes are noticed by comparing the clock with a steady one.',
    },
  ];
}

const NoArgs = v.strictTuple([]);
const Threshold = v.strictTuple([v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(480 * 60))]);

/** The renderer asks which sources work and tells the idle threshold; both checked like every IPC call. */
export function registerPresenceIpc(
  ipcMain: Pick<Electron.IpcMain, 'handle'>,
  control: () => PresenceControl | null,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): void {
  ipcMain.handle(
    IPC.presenceSources,
    guarded((...args) => {
      parse(NoArgs, args, 'presence sources arguments');
      return presenceSources(platform, env);
    }),
  );
  ipcMain.handle(
    IPC.idleThreshold,
    guarded((...args) => {
      const [seconds] = parse(Threshold, args, 'idle threshold');
      control()?.setIdleThreshold(seconds);
      return null;
    }),
  );
}

import type * as Electron from 'electron';
import * as v from 'valibot';

import { IPC, TrayStateSchema, type TrayCommand, type TrayState } from '../shared/shell-contract.ts';
import { parse } from '../shared/validate.ts';
import { guarded } from './ipc.ts';

/** A 32×32 clock in the accent colour (PNG), so the tray needs no file next to the app. */
const ICON_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAAsklEQVR4nN2V0RHAIAhDnavzdPhuYQfwgCSA9frBH0meijqu+xlfliKaQbUARKEyTGc4BKEGl2kYo4pZgQAqwmEvRIQEMBAuALtytm/pz4QzAKa/1cCesTITZwGoU58BmBYAaqYALFm/AWCe31KACGILQAb4TIBOCPMa7tqF8pewDaADIvyMOiGg77gLwvVDBBmI0EsWVoR7AJZBBENr1JUw5fpntjMdzgAwMJSfOt1l9QKBdkI/A/l2OQAAAABJRU5ErkJggg==';

export type TrayElectron = {
  Tray: new (
    image: Electron.NativeImage,
  ) => Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy' | 'isDestroyed'>;
  Menu: Pick<typeof Electron.Menu, 'buildFromTemplate'>;
  nativeImage: Pick<typeof Electron.nativeImage, 'createFromBuffer'>;
};

export interface TrayActions {
  /** a command for the main window (it owns the data) */
  send(command: TrayCommand): void;
  quickEntry(): void;
  open(): void;
  quit(): void;
}

/** "1:05" from ms */
function elapsed(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

const short = (name: string) => {
  const n = name.trim() || 'untitled';
  return n.length > 40 ? `${n.slice(0, 39)}…` : n;
};

/**
 * The tray / menu-bar timer. It only shows the state the main window sends and sends commands back: the running
 * session and its elapsed time (the menu-bar title on macOS, the tooltip everywhere), a menu to stop it, continue one
 * of the last five, open quick entry or the window.
 */
export class TrayTimer {
  readonly #tray: InstanceType<TrayElectron['Tray']>;
  readonly #menu: TrayElectron['Menu'];
  readonly #actions: TrayActions;
  readonly #platform: NodeJS.Platform;
  readonly #now: () => number;
  #state: TrayState = { running: null, recent: [] };
  #ticker: ReturnType<typeof setInterval> | null = null;

  constructor(
    electron: TrayElectron,
    actions: TrayActions,
    options: { platform?: NodeJS.Platform; now?: () => number } = {},
  ) {
    this.#tray = new electron.Tray(electron.nativeImage.createFromBuffer(Buffer.from(ICON_PNG_BASE64, 'base64')));
    this.#menu = electron.Menu;
    this.#actions = actions;
    this.#platform = options.platform ?? process.platform;
    this.#now = options.now ?? Date.now;
    this.render();
  }

  get state(): TrayState {
    return this.#state;
  }

  update(state: TrayState): void {
    this.#state = state;
    this.render();
    // the elapsed time moves on its own while a timer runs (a minute is the finest it shows)
    if (state.running && !this.#ticker) {
      this.#ticker = setInterval(() => this.render(), 15_000);
      this.#ticker.unref?.();
    } else if (!state.running && this.#ticker) {
      clearInterval(this.#ticker);
      this.#ticker = null;
    }
  }

  render(): void {
    if (this.#tray.isDestroyed()) return;
    const r = this.#state.running;
    const worked = r ? (r.pauseStartedAt ?? this.#now()) - r.startTime - r.pausedMs : 0;
    const time = r ? `${elapsed(worked)}${r.pauseStartedAt !== null ? ' (paused)' : ''}` : '';
    this.#tray.setToolTip(r ? `${short(r.name)} — ${time}` : 'LightTrack — no timer running');
    if (this.#platform === 'darwin') this.#tray.setTitle(r ? ` ${time}` : '');
    const template: Electron.MenuItemConstructorOptions[] = [
      r
        ? { label: `Stop “${short(r.name)}” (${time})`, click: () => this.#actions.send({ kind: 'stop' }) }
        : { label: 'Start a timer…', click: () => this.#actions.quickEntry() },
      { type: 'separator' },
      ...(this.#state.recent.length > 0
        ? [
            { label: 'Continue', enabled: false },
            ...this.#state.recent.map((s) => ({
              label: short(s.name),
              click: () => this.#actions.send({ kind: 'continue', id: s.id }),
            })),
            { type: 'separator' as const },
          ]
        : []),
      { label: 'Quick entry…', click: () => this.#actions.quickEntry() },
      { label: 'Open LightTrack', click: () => this.#actions.open() },
      { type: 'separator' },
      { label: 'Quit', click: () => this.#actions.quit() },
    ];
    this.#tray.setContextMenu(this.#menu.buildFromTemplate(template));
  }

  destroy(): void {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = null;
    if (!this.#tray.isDestroyed()) this.#tray.destroy();
  }
}

const OneState = v.strictTuple([TrayStateSchema]);

/** The main window's state for the tray, over IPC: only from our own pages, and only a valid state. */
export function registerTrayIpc(ipcMain: Pick<Electron.IpcMain, 'handle'>, tray: () => TrayTimer | null): void {
  ipcMain.handle(
    IPC.trayState,
    guarded((...args) => {
      const [state] = parse(OneState, args, 'tray state');
      tray()?.update(state);
      return null;
    }),
  );
}

import type * as Electron from 'electron';
import * as v from 'valibot';

import { AcceleratorSchema, IPC, type ShortcutStatus } from '../shared/shell-contract.ts';
import { isAppUrl } from './csp.ts';

type Screen = Pick<Electron.Screen, 'getCursorScreenPoint' | 'getDisplayNearestPoint'>;

export interface QuickEntryPresenter {
  /** the global shortcut: show (centred on the display under the pointer, focused) or hide when it has focus */
  toggle(): void;
  hide(): void;
}

/**
 * Shows the pre-warmed quick-entry window. It is never shown before its page has painted ('ready-to-show'): a
 * shortcut pressed earlier is remembered and honoured then, so no empty frame ever appears.
 */
export function presentQuickEntry(win: Electron.BrowserWindow, screen: Screen): QuickEntryPresenter {
  let ready = false;
  let pending = false;
  const show = () => {
    const { workArea } = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
    const [width = 640, height = 120] = win.getSize();
    win.setPosition(
      Math.round(workArea.x + (workArea.width - width) / 2),
      Math.round(workArea.y + (workArea.height - height) / 3),
    );
    win.show();
    win.focus();
    win.webContents.focus();
  };
  win.once('ready-to-show', () => {
    ready = true;
    if (pending) {
      pending = false;
      show();
    }
  });
  return {
    toggle() {
      if (win.isVisible() && win.isFocused()) win.hide();
      else if (ready) show();
      else pending = true;
    },
    hide() {
      pending = false;
      win.hide();
    },
  };
}

/** Registers the global shortcut; a failure is kept as a sentence the main window shows (quickEntryShortcut()). */
export function registerQuickEntryShortcut(
  globalShortcut: Pick<Electron.GlobalShortcut, 'register'>,
  accelerator: string,
  onPress: () => void,
): ShortcutStatus {
  let registered = false;
  let reason = 'another application already uses it';
  try {
    registered = globalShortcut.register(accelerator, onPress);
  } catch (error) {
    reason = `it is not a valid shortcut (${error instanceof Error ? error.message : String(error)})`.slice(0, 300);
  }
  return {
    accelerator,
    registered,
    message: registered
      ? null
      : `The quick-entry shortcut ${accelerator} could not be registered: ${reason}. Use Ctrl+K in this window instead.`,
  };
}

/**
 * Moves the global shortcut to a new accelerator (the user changed it in Settings). When the new one cannot be
 * registered the old one stays in place, so quick entry never loses its shortcut; the answer says why in words.
 */
export function changeQuickEntryShortcut(
  globalShortcut: Pick<Electron.GlobalShortcut, 'register' | 'unregister'>,
  current: ShortcutStatus | null,
  accelerator: string,
  onPress: () => void,
): { active: ShortcutStatus | null; answer: ShortcutStatus } {
  if (current?.accelerator === accelerator && current.registered) return { active: current, answer: current };
  if (current?.registered) globalShortcut.unregister(current.accelerator);
  const next = registerQuickEntryShortcut(globalShortcut, accelerator, onPress);
  if (next.registered || !current?.registered) return { active: next, answer: next };
  const restored = registerQuickEntryShortcut(globalShortcut, current.accelerator, onPress);
  return { active: restored, answer: { ...next, message: `${next.message} ${current.accelerator} still works.` } };
}

/** hide: only the quick-entry window may hide itself; shortcut status: any window of ours may ask. */
export function registerQuickEntryIpc(
  ipcMain: Pick<Electron.IpcMain, 'handle'>,
  quickEntry: () => Electron.BrowserWindow | null,
  presenter: () => QuickEntryPresenter | null,
  status: () => ShortcutStatus | null,
  setShortcut: (accelerator: string) => ShortcutStatus | null = () => null,
): void {
  const ours = (event: Electron.IpcMainInvokeEvent) => isAppUrl(event.senderFrame?.url);
  ipcMain.handle(IPC.quickEntryHide, (event) => {
    if (!ours(event))
      return {
        ok: false,
        error: {
          name: 'AppError',
          code: 'FORBIDDEN',
          message: 'IPC from a page that is not part of LightTrack was refused',
        },
      };
    if (quickEntry()?.webContents === event.sender) presenter()?.hide();
    return { ok: true, value: null };
  });
  ipcMain.handle(IPC.quickEntryShortcut, (event) => {
    if (!ours(event))
      return {
        ok: false,
        error: {
          name: 'AppError',
          code: 'FORBIDDEN',
          message: 'IPC from a page that is not part of LightTrack was refused',
        },
      };
    return { ok: true, value: status() };
  });
  ipcMain.handle(IPC.quickEntrySetShortcut, (event, accelerator: unknown) => {
    if (!ours(event))
      return {
        ok: false,
        error: {
          name: 'AppError',
          code: 'FORBIDDEN',
          message: 'IPC from a page that is not part of LightTrack was refused',
        },
      };
    const parsed = v.safeParse(AcceleratorSchema, accelerator);
    if (!parsed.success)
      return {
        ok: false,
        error: {
          name: 'AppError',
          code: 'VALIDATION',
          message: `Invalid shortcut: ${parsed.issues[0]?.message ?? 'bad value'}`,
        },
      };
    return { ok: true, value: setShortcut(parsed.output) };
  });
}

import type * as Electron from 'electron';

import { APP_ORIGIN, isAppUrl } from './csp.ts';
import { spellcheckAllowed } from './permissions.ts';

export const MAIN_WINDOW_URL = `${APP_ORIGIN}/index.html`;
export const QUICK_ENTRY_URL = `${APP_ORIGIN}/quick-entry.html`;
export const QUICK_ENTRY_SHORTCUT = 'CommandOrControl+Shift+Space';

type WindowCtor = typeof Electron.BrowserWindow;

export interface WindowOptions {
  preloadPath: string;
  /** app.isPackaged: DevTools exist only in development */
  packaged: boolean;
  /** the OS uses dark colours: the quick-entry window's background matches its page */
  dark?: boolean;
}

/** The renderer gets no Node, no remote code, one preload bridge, no DevTools when packaged, no downloads. */
export function secureWebPreferences({ preloadPath, packaged }: WindowOptions): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    devTools: !packaged,
    spellcheck: spellcheckAllowed(),
  };
}

/** No new windows and no navigation away from the bundle: links to the web never open inside the app. */
export function lockDown(contents: Electron.WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // Electron 45 passes the URL on the event (the positional url argument is deprecated); frames are checked too.
  const stayInBundle = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', stayInBundle);
  contents.on('will-frame-navigate', stayInBundle);
  contents.on('will-redirect', stayInBundle);
}

export function createMainWindow(BrowserWindow: WindowCtor, options: WindowOptions): Electron.BrowserWindow {
  const win = new BrowserWindow({
    width: 1000,
    height: 720,
    minWidth: 480,
    minHeight: 360,
    title: 'LightTrack',
    show: false, // shown on ready-to-show: no white flash at launch
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(options),
  });
  lockDown(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(MAIN_WINDOW_URL);
  return win;
}

/**
 * The quick-entry window is created hidden at launch and kept alive (hidden on blur/close), so the global shortcut
 * shows an already-loaded page instantly.
 */
export function createQuickEntryWindow(BrowserWindow: WindowCtor, options: WindowOptions): Electron.BrowserWindow {
  const win = new BrowserWindow({
    width: 640,
    height: 120,
    show: false,
    frame: false,
    resizable: false,
    movable: true,
    skipTaskbar: true,
    alwaysOnTop: true,
    fullscreenable: false,
    title: 'LightTrack quick entry',
    // the colour of the page itself, in case a frame is ever composited before the page paints
    backgroundColor: options.dark ? '#121212' : '#ffffff',
    webPreferences: secureWebPreferences(options),
  });
  lockDown(win.webContents);
  win.on('blur', () => win.hide());
  win.on('close', (event) => {
    if (!quitting) {
      event.preventDefault();
      win.hide();
    }
  });
  void win.loadURL(QUICK_ENTRY_URL);
  return win;
}

let quitting = false;
/** Lets the hidden quick-entry window actually close when the app quits. */
export function markQuitting(): void {
  quitting = true;
}

export function toggleWindow(win: Electron.BrowserWindow): void {
  if (win.isVisible() && win.isFocused()) {
    win.hide();
  } else {
    win.show();
    win.focus();
  }
}

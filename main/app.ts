import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Electron from 'electron';

import { IPC, type ShortcutStatus } from '../shared/shell-contract.ts';
import { installAiCors } from './ai-cors.ts';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, contentSecurityPolicy } from './csp.ts';
import { registerAiIpc, registerJiraIpc, registerSecretsIpc } from './ipc.ts';
import { installPermissionPolicy, spellcheckAllowed } from './permissions.ts';
import { forwardPresence, registerPresenceIpc, type PresenceControl, type PresenceOptions } from './presence.ts';
import { createAppRequestHandler, registerAppScheme } from './protocol.ts';
import {
  changeQuickEntryShortcut,
  presentQuickEntry,
  registerQuickEntryIpc,
  registerQuickEntryShortcut,
  type QuickEntryPresenter,
} from './quick-entry.ts';
import { registerTrayIpc, TrayTimer, type TrayElectron } from './tray.ts';
import { createMainWindow, createQuickEntryWindow, markQuitting, QUICK_ENTRY_SHORTCUT } from './windows.ts';

export type ElectronModule = Pick<
  typeof Electron,
  | 'app'
  | 'BrowserWindow'
  | 'protocol'
  | 'ipcMain'
  | 'safeStorage'
  | 'powerMonitor'
  | 'globalShortcut'
  | 'session'
  | 'screen'
> & { nativeTheme?: Pick<typeof Electron.nativeTheme, 'shouldUseDarkColors'> } & Partial<TrayElectron>;

export interface StartOptions {
  /** the built renderer (dist/renderer) */
  rendererDir?: string;
  /** the built preload (dist/preload/preload.cjs) */
  preloadPath?: string;
  /** idle threshold and polling interval for presence events */
  presence?: PresenceOptions;
  /**
   * The AI assistant's configured endpoint, read for every response: its origin (validated) is the only one added to
   * connect-src. None today.
   */
  aiEndpoint?: () => string | null;
  /** the global quick-entry shortcut from settings; CommandOrControl+Shift+Space by default */
  quickEntryShortcut?: string;
}

export interface RunningApp {
  mainWindow: () => Electron.BrowserWindow | null;
  quickEntryWindow: () => Electron.BrowserWindow | null;
  tray: () => TrayTimer | null;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The whole main process: windows, permissions, safeStorage over IPC and OS presence. Nothing else lives here: no
 * database, no formatting, no network. The electron module is passed in so tests can hand in a fake.
 */
export function startApp(electron: ElectronModule, options: StartOptions = {}): RunningApp | null {
  const { app, BrowserWindow, protocol, ipcMain, safeStorage, powerMonitor, globalShortcut, session, screen } =
    electron;
  const rendererDir = options.rendererDir ?? path.join(here, '../renderer');
  const preloadPath = options.preloadPath ?? path.join(here, '../preload/preload.cjs');

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }

  registerAppScheme(protocol);
  let mainWindow: Electron.BrowserWindow | null = null;
  let quickEntry: Electron.BrowserWindow | null = null;
  let presenter: QuickEntryPresenter | null = null;
  let shortcut: ShortcutStatus | null = null;
  let presence: PresenceControl | null = null;
  let tray: TrayTimer | null = null;

  const windowOptions = {
    preloadPath,
    packaged: app.isPackaged,
    dark: electron.nativeTheme?.shouldUseDarkColors ?? false,
  };
  // the assistant's endpoint origins, as the renderer last sent them (validated in registerAiIpc)
  let aiOrigins: string[] = [];
  // the Jira site's origin, as the renderer last sent it (validated in registerJiraIpc)
  let jiraOrigin: string | null = null;
  const csp = () => {
    const endpoint = options.aiEndpoint?.() ?? null;
    try {
      return contentSecurityPolicy({ aiEndpoint: endpoint, aiEndpoints: aiOrigins, jiraSite: jiraOrigin });
    } catch {
      return CONTENT_SECURITY_POLICY; // an invalid endpoint widens nothing: the assistant reports the bad setting
    }
  };

  const openMain = () => {
    const win = createMainWindow(BrowserWindow, windowOptions);
    // The hidden quick-entry window never closes by itself, so 'window-all-closed' would never fire: closing the
    // main window quits (except on macOS, where apps stay in the dock). Timers live in the database, not in memory.
    win.on('closed', () => {
      mainWindow = null;
      if (process.platform !== 'darwin') app.quit();
    });
    mainWindow = win;
  };
  const showMain = () => {
    if (!mainWindow || mainWindow.isDestroyed()) {
      openMain();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', showMain);
  app.on('activate', showMain);
  app.on('before-quit', markQuitting);
  app.on('will-quit', () => globalShortcut.unregisterAll());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    // before any window exists, so no page ever runs under Electron's grant-everything default
    installPermissionPolicy(session.defaultSession);
    session.defaultSession.setSpellCheckerEnabled(spellcheckAllowed());
    protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, { csp }));
    registerSecretsIpc(ipcMain, safeStorage);
    registerPresenceIpc(ipcMain, () => presence);
    registerTrayIpc(ipcMain, () => tray);
    registerAiIpc(ipcMain, (origins) => (aiOrigins = origins));
    registerJiraIpc(ipcMain, (origin) => (jiraOrigin = origin));
    // one rewrite for both (Electron keeps one listener per event): the AI origins and the Jira site's, exactly
    if (session.defaultSession.webRequest)
      installAiCors(session.defaultSession.webRequest, () => (jiraOrigin ? [...aiOrigins, jiraOrigin] : aiOrigins));
    openMain();
    const press = () => presenter?.toggle();
    registerQuickEntryIpc(
      ipcMain,
      () => quickEntry,
      () => presenter,
      () => shortcut,
      (accelerator) => {
        const { active, answer } = changeQuickEntryShortcut(globalShortcut, shortcut, accelerator, press);
        shortcut = active;
        return answer;
      },
    );
    quickEntry = createQuickEntryWindow(BrowserWindow, windowOptions);
    presenter = presentQuickEntry(quickEntry, screen);
    shortcut = registerQuickEntryShortcut(globalShortcut, options.quickEntryShortcut ?? QUICK_ENTRY_SHORTCUT, press);
    // the tray shows what the main window says and sends its commands there (the window owns the data)
    const { Tray, Menu, nativeImage } = electron;
    if (Tray && Menu && nativeImage)
      tray = new TrayTimer(
        { Tray, Menu, nativeImage },
        {
          send: (command) => {
            if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC.trayCommand, command);
          },
          quickEntry: () => presenter?.toggle(),
          open: showMain,
          quit: () => app.quit(),
        },
      );
    app.on('will-quit', () => tray?.destroy());
    presence = forwardPresence(powerMonitor, () => BrowserWindow.getAllWindows(), options.presence);
  });

  return { mainWindow: () => mainWindow, quickEntryWindow: () => quickEntry, tray: () => tray };
}

// For tests of the pieces startApp wires together (dist/main/app.js is what they load).
export { GRANTED_PERMISSIONS, installPermissionPolicy } from './permissions.ts';
export { registerAiIpc, registerJiraIpc, registerSecretsIpc } from './ipc.ts';
export { contentSecurityPolicy } from './csp.ts';
export { aiCors } from './ai-cors.ts';
export { presenceSources } from './presence.ts';
export { TrayTimer } from './tray.ts';

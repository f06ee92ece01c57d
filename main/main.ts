import { app, BrowserWindow, globalShortcut, ipcMain, powerMonitor, protocol, safeStorage, session } from 'electron';
import { startApp } from './app.ts';

startApp({ app, BrowserWindow, globalShortcut, ipcMain, powerMonitor, protocol, safeStorage, session });

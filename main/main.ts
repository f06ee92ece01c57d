import { app, BrowserWindow, globalShortcut, ipcMain, powerMonitor, protocol, safeStorage } from 'electron';
import { startApp } from './app.ts';

startApp({ app, BrowserWindow, globalShortcut, ipcMain, powerMonitor, protocol, safeStorage });

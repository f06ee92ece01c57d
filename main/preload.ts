import { contextBridge, ipcRenderer } from 'electron';

import { createShellBridge } from './shell-bridge.ts';

// Sandboxed preload: exposes exactly one object, `window.lighttrack.shell`, to the page.
contextBridge.exposeInMainWorld('lighttrack', { shell: createShellBridge(ipcRenderer) });

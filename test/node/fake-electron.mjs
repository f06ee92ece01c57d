// A fake of the parts of the `electron` module that main/ and the preload use. The Electron binary cannot be
// downloaded on this machine, so main/ is tested in Node against this, recording what it was asked to do.
import { EventEmitter } from 'node:events';

export function createFakeElectron({ singleInstance = true, encryptionAvailable = true, idleSeconds = 0 } = {}) {
  const record = { quit: 0, privilegedSchemes: [], protocolHandlers: new Map(), shortcuts: new Map(), ipc: new Map() };

  class FakeWebContents extends EventEmitter {
    sent = [];
    windowOpenHandler = null;
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    }
    send(channel, payload) {
      this.sent.push([channel, payload]);
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static all = [];
    static getAllWindows() {
      return FakeBrowserWindow.all.filter((w) => !w.destroyed);
    }
    constructor(options = {}) {
      super();
      this.options = options;
      this.webContents = new FakeWebContents();
      this.visible = options.show ?? true;
      this.focused = false;
      this.destroyed = false;
      this.url = null;
      FakeBrowserWindow.all.push(this);
    }
    loadURL(url) {
      this.url = url;
      return Promise.resolve();
    }
    show() { this.visible = true; }
    hide() { this.visible = false; this.focused = false; }
    focus() { this.focused = true; }
    isVisible() { return this.visible; }
    isFocused() { return this.focused; }
    isMinimized() { return false; }
    restore() {}
    isDestroyed() { return this.destroyed; }
  }

  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => singleInstance,
    quit: () => void record.quit++,
    whenReady: () => Promise.resolve(),
  });

  const protocol = {
    registerSchemesAsPrivileged: (schemes) => record.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => record.protocolHandlers.set(scheme, handler),
  };

  const ipcMain = { handle: (channel, handler) => record.ipc.set(channel, handler) };

  const safeStorage = {
    available: encryptionAvailable,
    isEncryptionAvailable() { return this.available; },
    // Reversible but not plain: enough to prove main encrypts through safeStorage and stores nothing.
    encryptString: (text) => Buffer.from(`sealed:${Buffer.from(text, 'utf8').toString('hex')}`, 'utf8'),
    decryptString(buffer) {
      const text = buffer.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided');
      return Buffer.from(text.slice(7), 'hex').toString('utf8');
    },
  };

  const powerMonitor = Object.assign(new EventEmitter(), { idleSeconds, getSystemIdleTime() { return this.idleSeconds; } });

  const globalShortcut = {
    register: (accelerator, callback) => record.shortcuts.set(accelerator, callback) && true,
    unregisterAll: () => record.shortcuts.clear(),
  };

  return { app, BrowserWindow: FakeBrowserWindow, protocol, ipcMain, safeStorage, powerMonitor, globalShortcut, record };
}

/** What ipcMain handlers receive as their event. */
export function ipcEvent(url) {
  return { senderFrame: { url } };
}

/** The fake of the renderer-side electron module for loading the preload bundle. */
export function createFakePreloadElectron() {
  const exposed = {};
  const listeners = new Map();
  const invocations = [];
  let reply = () => ({ ok: true, value: null });
  return {
    exposed,
    invocations,
    setReply: (fn) => (reply = fn),
    emit: (channel, payload) => listeners.get(channel)?.forEach((l) => l({}, payload)),
    module: {
      contextBridge: { exposeInMainWorld: (key, api) => (exposed[key] = api) },
      ipcRenderer: {
        invoke: async (channel, ...args) => {
          invocations.push([channel, ...args]);
          return reply(channel, ...args);
        },
        on: (channel, listener) => listeners.set(channel, [...(listeners.get(channel) ?? []), listener]),
        removeListener: (channel, listener) =>
          listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener)),
      },
    },
  };
}

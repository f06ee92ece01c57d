// A fake of the parts of the `electron` module that main/ and the preload use. The Electron binary cannot be
// downloaded on this machine, so main/ is tested in Node against this, recording what it was asked to do.
import { EventEmitter } from 'node:events';

export function createFakeElectron({
  singleInstance = true,
  encryptionAvailable = true,
  storageBackend = 'gnome_libsecret',
  idleSeconds = 0,
  isPackaged = false,
  shortcutTaken = false,
} = {}) {
  const record = {
    quit: 0,
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    shortcuts: new Map(),
    ipc: new Map(),
    permissions: {},
    spellChecker: null,
    plainTextEncryption: [],
  };

  class FakeWebContents extends EventEmitter {
    sent = [];
    windowOpenHandler = null;
    setWindowOpenHandler(handler) {
      this.windowOpenHandler = handler;
    }
    send(channel, payload) {
      this.sent.push([channel, payload]);
    }
    getURL() {
      return this.url ?? '';
    }
    focus() {
      this.focused = true;
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
    show() {
      this.visible = true;
    }
    hide() {
      this.visible = false;
      this.focused = false;
    }
    focus() {
      this.focused = true;
    }
    isVisible() {
      return this.visible;
    }
    isFocused() {
      return this.focused;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    isDestroyed() {
      return this.destroyed;
    }
    getSize() {
      return [this.options.width ?? 800, this.options.height ?? 600];
    }
    setPosition(x, y) {
      this.position = [x, y];
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged,
    requestSingleInstanceLock: () => singleInstance,
    quit: () => void record.quit++,
    whenReady: () => Promise.resolve(),
  });

  const protocol = {
    registerSchemesAsPrivileged: (schemes) => record.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => record.protocolHandlers.set(scheme, handler),
  };

  const ipcMain = { handle: (channel, handler) => record.ipc.set(channel, handler) };

  // Shaped like Chromium's OSCrypt on Linux/macOS: a 'v11' prefix, the bytes (scrambled, not plain) and up to 16
  // bytes of CBC padding, so size limits are tested against realistic ciphertext.
  const seal = (text) => {
    const bytes = Buffer.from(text, 'utf8').map((b) => b ^ 0x5a);
    const pad = 16 - (bytes.length % 16);
    return Buffer.concat([Buffer.from('v11'), bytes, Buffer.alloc(pad, pad)]);
  };
  const unseal = (buffer) => {
    const pad = buffer.at(-1);
    if (buffer.subarray(0, 3).toString() !== 'v11' || !pad || pad > 16 || buffer.length < 3 + pad) {
      throw new Error('Error while decrypting the ciphertext provided');
    }
    return Buffer.from(buffer.subarray(3, buffer.length - pad).map((b) => b ^ 0x5a)).toString('utf8');
  };
  const safeStorage = {
    available: encryptionAvailable,
    backend: storageBackend,
    isEncryptionAvailable() {
      return this.available;
    },
    async isAsyncEncryptionAvailable() {
      return this.available;
    },
    getSelectedStorageBackend() {
      return this.backend;
    },
    setUsePlainTextEncryption: (value) => record.plainTextEncryption.push(value),
    encryptString: seal,
    decryptString: unseal,
    encryptStringAsync: async (text) => seal(text),
    decryptStringAsync: async (buffer) => ({ shouldReEncrypt: false, result: unseal(buffer) }),
  };

  const defaultSession = {
    setPermissionRequestHandler: (handler) => (record.permissions.request = handler),
    setPermissionCheckHandler: (handler) => (record.permissions.check = handler),
    setDevicePermissionHandler: (handler) => (record.permissions.device = handler),
    setSpellCheckerEnabled: (enabled) => (record.spellChecker = enabled),
  };
  const session = { defaultSession };

  const powerMonitor = Object.assign(new EventEmitter(), {
    idleSeconds,
    getSystemIdleTime() {
      return this.idleSeconds;
    },
  });

  const globalShortcut = {
    register: (accelerator, callback) => {
      if (!/^[A-Za-z0-9+]+$/.test(accelerator)) throw new TypeError(`Error processing argument: ${accelerator}`);
      if (shortcutTaken) return false;
      record.shortcuts.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void record.shortcuts.delete(accelerator),
    unregisterAll: () => record.shortcuts.clear(),
  };

  // two displays side by side; the pointer is on the second one
  const displays = [
    { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
    { id: 2, workArea: { x: 1920, y: 0, width: 2560, height: 1400 } },
  ];
  const screen = {
    cursor: { x: 2500, y: 700 },
    getCursorScreenPoint() {
      return this.cursor;
    },
    getDisplayNearestPoint: (p) =>
      displays.find((d) => p.x >= d.workArea.x && p.x < d.workArea.x + d.workArea.width) ?? displays[0],
  };

  // the tray: what it shows and its menu, as templates (a click runs the item's handler)
  class FakeTray {
    static all = [];
    constructor(image) {
      this.image = image;
      this.toolTip = '';
      this.title = '';
      this.menu = null;
      this.destroyed = false;
      FakeTray.all.push(this);
    }
    setToolTip(text) {
      this.toolTip = text;
    }
    setTitle(text) {
      this.title = text;
    }
    setContextMenu(menu) {
      this.menu = menu;
    }
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
  }
  const Menu = { buildFromTemplate: (template) => ({ items: template }) };
  const nativeImage = {
    createFromBuffer: (buffer) => ({ png: buffer, isEmpty: () => buffer.length === 0 }),
  };

  return {
    app,
    Tray: FakeTray,
    Menu,
    nativeImage,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    ipcMain,
    safeStorage,
    powerMonitor,
    globalShortcut,
    session,
    screen,
    record,
  };
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
          listeners.set(
            channel,
            (listeners.get(channel) ?? []).filter((l) => l !== listener),
          ),
      },
    },
  };
}

import * as v from 'valibot';

/**
 * The `shell` interface: everything the renderer needs from the host it runs in. Two implementations exist:
 * Electron (preload bridge → main process) and web (browser APIs). The renderer never asks which one it has.
 */
export interface Shell {
  readonly secrets: SecretStore;
  /** Subscribes to idle/active, suspend/resume and lock/unlock; returns an unsubscribe function. */
  onPresence(listener: (event: PresenceEvent) => void): () => void;
  /** Which presence sources work here, each with a sentence for Settings and Diagnostics. */
  presenceSources(): Promise<PresenceSource[]>;
  /** Idle starts after this many seconds without input (from Settings); a shell that cannot change it ignores it. */
  setIdleThreshold(seconds: number): void;
  /** The tray / menu-bar timer shows this (Electron); the web shell has no tray and ignores it. */
  setTrayState(state: TrayState): void;
  /** Commands from the tray's menu (stop, continue a session); returns an unsubscribe function. */
  onTrayCommand(listener: (command: TrayCommand) => void): () => void;
  /** Hides the quick-entry window (Electron) or closes it when a page opened it as its own window (web). */
  hideQuickEntry(): void;
  /** The global quick-entry shortcut and whether it could be registered; null where there is none (web). */
  quickEntryShortcut(): Promise<ShortcutStatus | null>;
  /** Moves the global shortcut (from Settings); the old one stays when the new one cannot be had. null on the web. */
  setQuickEntryShortcut(accelerator: string): Promise<ShortcutStatus | null>;
  /**
   * The assistant's endpoints, so the host lets pages and workers connect to exactly their origins (connect-src).
   * Electron's main validates each and answers the origins it allows; the web shell cannot change its policy (its
   * server is started with them) and answers null. A worker started afterwards gets the new policy.
   */
  allowAiEndpoints(baseURLs: readonly string[]): Promise<string[] | null>;
  /**
   * The Jira site (null: none), so the host lets pages and workers reach exactly its origin (connect-src, and in
   * Electron the CORS headers Jira Cloud does not send; see main/ai-cors.ts). Electron answers the origin it allows;
   * the web shell answers null (its server is started with --jira-origin).
   */
  allowJiraSite(siteUrl: string | null): Promise<string | null>;
}

export const JiraSiteArgSchema = v.nullable(v.pipe(v.string('must be text'), v.maxLength(2048, 'is too long')));

export const AiEndpointUrlsSchema = v.pipe(
  v.array(v.pipe(v.string('must be text'), v.maxLength(2048, 'is too long'))),
  v.maxLength(20, 'at most 20 endpoints'),
);

export const AcceleratorSchema = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.nonEmpty('must not be empty'),
  v.maxLength(100, 'is too long'),
);

export const ShortcutStatusSchema = v.object({
  accelerator: v.pipe(v.string(), v.maxLength(100)),
  registered: v.boolean(),
  /** why it is not registered, in words */
  message: v.nullable(v.pipe(v.string(), v.maxLength(500))),
});
export type ShortcutStatus = v.InferOutput<typeof ShortcutStatusSchema>;

/**
 * Seals secrets (API keys, tokens) for storage; the caller stores the ciphertext, the shell stores nothing.
 * `protection()` says in words how well: only a key held by the OS keychain counts as protected.
 */
export interface SecretStore {
  /** True only when secrets are protected by an OS keychain (the same as `protection().protected`). */
  isAvailable(): Promise<boolean>;
  /** How secrets are protected here, in a sentence fit to show the user. */
  protection(): Promise<SecretProtection>;
  /** Encrypts text for storage (at most MAX_SECRET_BYTES as UTF-8). */
  encrypt(plainText: string): Promise<string>;
  decrypt(cipherText: string): Promise<string>;
}

export const SecretProtectionSchema = v.object({
  /** true when the key is held by an OS keychain (macOS Keychain, Windows DPAPI, libsecret, KWallet) */
  protected: v.boolean(),
  /** where the key lives: keychain | dpapi | gnome_libsecret | kwallet… | basic_text | unknown | browser-profile… */
  backend: v.pipe(v.string(), v.maxLength(64)),
  /** one plain sentence for the user, including why when secrets are not protected */
  reason: v.pipe(v.string(), v.maxLength(500)),
});
export type SecretProtection = v.InferOutput<typeof SecretProtectionSchema>;

export const PRESENCE_KINDS = ['idle', 'active', 'suspend', 'resume', 'lock', 'unlock'] as const;

export const PresenceEventSchema = v.object({
  kind: v.picklist(PRESENCE_KINDS),
  /** when the state was entered (for idle: when input stopped), ms since epoch */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PresenceEvent = v.InferOutput<typeof PresenceEventSchema>;

export const PRESENCE_SOURCE_KINDS = ['idle', 'lock', 'suspend', 'clock-jump'] as const;
export const PresenceSourceSchema = v.object({
  kind: v.picklist(PRESENCE_SOURCE_KINDS),
  /** 'yes': reported by the system · 'partial': an approximation (said how) · 'no': never reported here */
  available: v.picklist(['yes', 'partial', 'no']),
  /** one plain sentence for the user */
  words: v.pipe(v.string(), v.maxLength(300)),
});
export type PresenceSource = v.InferOutput<typeof PresenceSourceSchema>;

const TrayName = v.pipe(v.string(), v.maxLength(500));
/** What the tray shows: the running session (its elapsed time is counted in main) and the last five to continue. */
export const TrayStateSchema = v.strictObject({
  running: v.nullable(
    v.strictObject({
      name: TrayName,
      startTime: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** closed pauses, in ms */
      pausedMs: v.pipe(v.number(), v.integer(), v.minValue(0)),
      /** set while paused */
      pauseStartedAt: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
    }),
  ),
  recent: v.pipe(v.array(v.strictObject({ id: v.pipe(v.string(), v.uuid()), name: TrayName })), v.maxLength(5)),
});
export type TrayState = v.InferOutput<typeof TrayStateSchema>;

export const TrayCommandSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('stop') }),
  v.strictObject({ kind: v.literal('continue'), id: v.pipe(v.string(), v.uuid()) }),
]);
export type TrayCommand = v.InferOutput<typeof TrayCommandSchema>;

/** IPC channel names between preload and main. */
export const IPC = {
  secretsAvailable: 'shell:secrets:available',
  secretsProtection: 'shell:secrets:protection',
  encrypt: 'shell:secrets:encrypt',
  decrypt: 'shell:secrets:decrypt',
  presence: 'shell:presence',
  presenceSources: 'shell:presence:sources',
  idleThreshold: 'shell:presence:idle-threshold',
  trayState: 'shell:tray:state',
  trayCommand: 'shell:tray:command',
  quickEntryHide: 'shell:quick-entry:hide',
  quickEntryShortcut: 'shell:quick-entry:shortcut',
  quickEntrySetShortcut: 'shell:quick-entry:set-shortcut',
  aiAllowEndpoints: 'shell:ai:allow-endpoints',
  jiraAllowSite: 'shell:jira:allow-site',
} as const;

/** 64 KiB of UTF-8 is far beyond any API key or token we keep; it bounds what crosses IPC and what gets sealed. */
export const MAX_SECRET_BYTES = 64 * 1024;
/**
 * The most sealing adds to a secret, rounded up: Chromium's OSCrypt (Electron's safeStorage) adds a 3-byte version
 * prefix and either up to 16 bytes of AES-CBC padding (macOS, Linux) or a 12-byte nonce and a 16-byte GCM tag
 * (Windows); the web shell's AES-GCM adds a 12-byte IV and a 16-byte tag.
 */
export const MAX_SEAL_OVERHEAD_BYTES = 64;
/** Derived from the plaintext cap, so whatever encrypt() accepts, decrypt() accepts back. */
export const MAX_CIPHERTEXT_BASE64 = 4 * Math.ceil((MAX_SECRET_BYTES + MAX_SEAL_OVERHEAD_BYTES) / 3);

/** UTF-8 length of a string without encoding it (a lone surrogate becomes U+FFFD: 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export const PlainTextSchema = v.pipe(
  v.string('must be text'),
  // the length test first: more UTF-16 units than the byte cap can never fit, and is refused without a scan
  v.check(
    (text) => text.length <= MAX_SECRET_BYTES && utf8ByteLength(text) <= MAX_SECRET_BYTES,
    `is too long (at most ${MAX_SECRET_BYTES / 1024} KiB as UTF-8)`,
  ),
);
export const CipherTextSchema = v.pipe(
  v.string('must be text'),
  v.maxLength(MAX_CIPHERTEXT_BASE64, 'is too long'),
  v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
);

/** Seconds without input after which the user counts as idle (the gap dialog uses it). */
export const DEFAULT_IDLE_THRESHOLD_S = 300;

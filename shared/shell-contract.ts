import * as v from 'valibot';

/**
 * The `shell` interface: everything the renderer needs from the host it runs in. Two implementations exist:
 * Electron (preload bridge → main process) and web (browser APIs). The renderer never asks which one it has.
 */
export interface Shell {
  readonly secrets: SecretStore;
  /** Subscribes to idle/active, suspend/resume and lock/unlock; returns an unsubscribe function. */
  onPresence(listener: (event: PresenceEvent) => void): () => void;
}

export interface SecretStore {
  isAvailable(): Promise<boolean>;
  /** Encrypts text for storage (the caller stores the ciphertext; the shell stores nothing). */
  encrypt(plainText: string): Promise<string>;
  decrypt(cipherText: string): Promise<string>;
}

export const PRESENCE_KINDS = ['idle', 'active', 'suspend', 'resume', 'lock', 'unlock'] as const;

export const PresenceEventSchema = v.object({
  kind: v.picklist(PRESENCE_KINDS),
  /** when the state was entered (for idle: when input stopped), ms since epoch */
  at: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type PresenceEvent = v.InferOutput<typeof PresenceEventSchema>;

/** IPC channel names between preload and main. */
export const IPC = {
  secretsAvailable: 'shell:secrets:available',
  encrypt: 'shell:secrets:encrypt',
  decrypt: 'shell:secrets:decrypt',
  presence: 'shell:presence',
} as const;

/** 1 MiB of text is far beyond any API key or token we keep; it bounds what crosses IPC. */
export const PlainTextSchema = v.pipe(v.string('must be text'), v.maxLength(1_048_576, 'is too long'));
export const CipherTextSchema = v.pipe(
  v.string('must be text'),
  v.maxLength(2_000_000, 'is too long'),
  v.regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
);

/** Seconds without input after which the user counts as idle (the gap dialog uses it). */
export const DEFAULT_IDLE_THRESHOLD_S = 300;

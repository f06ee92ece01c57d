import type * as Electron from 'electron';

import type { SecretProtection } from '../shared/shell-contract.ts';

export type SafeStorage = Pick<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

const LINUX_KEYCHAINS: Record<string, string> = {
  gnome_libsecret: 'the GNOME keyring (libsecret)',
  kwallet: 'KWallet',
  kwallet5: 'KWallet 5',
  kwallet6: 'KWallet 6',
};

/**
 * How safeStorage would protect a secret on this machine, in words. On Linux, Electron falls back to `basic_text`
 * when it finds no keychain: a key built into Chromium, the same on every machine, so a sealed secret is as good as
 * plain text to anyone who reads the file. We never accept that (and never call setUsePlainTextEncryption(true)).
 */
export async function secretProtection(
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): Promise<SecretProtection> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    const keychain = LINUX_KEYCHAINS[backend];
    if (backend === 'basic_text') {
      return {
        protected: false,
        backend,
        reason:
          'Secrets cannot be saved: no OS keychain (GNOME Keyring or KWallet) was found, and LightTrack will not fall back ' +
          'to the built-in key that would leave them readable to anyone with your files.',
      };
    }
    if (!keychain) {
      return { protected: false, backend, reason: 'Secrets cannot be saved yet: the OS keychain has not been chosen.' };
    }
    if (!available) {
      return {
        protected: false,
        backend,
        reason: `Secrets cannot be saved: ${keychain} is not available (locked or not running).`,
      };
    }
    return { protected: true, backend, reason: `Secrets are encrypted with a key kept in ${keychain}.` };
  }
  const [backend, keychain] =
    platform === 'darwin'
      ? ['keychain', 'the macOS Keychain']
      : platform === 'win32'
        ? ['dpapi', 'Windows (DPAPI, tied to your account)']
        : ['os', 'the OS keychain'];
  if (!available)
    return { protected: false, backend, reason: `Secrets cannot be saved: ${keychain} is not available.` };
  return { protected: true, backend, reason: `Secrets are encrypted with a key kept in ${keychain}.` };
}

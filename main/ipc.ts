import type * as Electron from 'electron';
import * as v from 'valibot';
import { AppError, toAppError } from '../shared/errors.ts';
import type { IpcResult } from '../shared/ipc-result.ts';
import { CipherTextSchema, IPC, PlainTextSchema } from '../shared/shell-contract.ts';
import { parse } from '../shared/validate.ts';
import { isAppUrl } from './csp.ts';

type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/**
 * Wraps an IPC handler: the sender must be a frame of our own bundle (app://lighttrack), and the result travels as
 * an IpcResult so the renderer gets a structured error (Electron would keep only the message of a thrown Error).
 */
function guarded(fn: (...args: unknown[]) => unknown): Handler {
  return async (event, ...args): Promise<IpcResult<unknown>> => {
    try {
      const url = event.senderFrame?.url;
      if (!isAppUrl(url)) {
        throw new AppError('FORBIDDEN', 'IPC from a page that is not part of LightTrack was refused', { url });
      }
      return { ok: true, value: await fn(...args) };
    } catch (error) {
      return { ok: false, error: toAppError(error).toJSON() };
    }
  };
}

const NoArgs = v.strictTuple([]);
const OneText = v.strictTuple([PlainTextSchema]);
const OneCipher = v.strictTuple([CipherTextSchema]);

/** safeStorage over IPC: it encrypts and decrypts; it stores nothing. */
export function registerSecretsIpc(ipcMain: Pick<Electron.IpcMain, 'handle'>, safeStorage: Electron.SafeStorage): void {
  const requireAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new AppError('UNAVAILABLE', 'The system keychain is not available, so secrets cannot be encrypted');
    }
  };
  ipcMain.handle(
    IPC.secretsAvailable,
    guarded((...args) => {
      parse(NoArgs, args, 'secrets.isAvailable arguments');
      return safeStorage.isEncryptionAvailable();
    }),
  );
  ipcMain.handle(
    IPC.encrypt,
    guarded((...args) => {
      const [plain] = parse(OneText, args, 'secrets.encrypt arguments');
      requireAvailable();
      return safeStorage.encryptString(plain).toString('base64');
    }),
  );
  ipcMain.handle(
    IPC.decrypt,
    guarded((...args) => {
      const [cipher] = parse(OneCipher, args, 'secrets.decrypt arguments');
      requireAvailable();
      try {
        return safeStorage.decryptString(Buffer.from(cipher, 'base64'));
      } catch {
        throw new AppError('VALIDATION', 'Invalid ciphertext: it was not sealed on this machine or has been altered');
      }
    }),
  );
}

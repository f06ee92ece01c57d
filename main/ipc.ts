import type * as Electron from 'electron';
import * as v from 'valibot';

import { AppError, toAppError } from '../shared/errors.ts';
import type { IpcResult } from '../shared/ipc-result.ts';
import {
  AiEndpointUrlsSchema,
  CipherTextSchema,
  IPC,
  JiraSiteArgSchema,
  MAX_CIPHERTEXT_BASE64,
  PlainTextSchema,
} from '../shared/shell-contract.ts';
import { parse } from '../shared/validate.ts';
import { aiEndpointOrigin, isAppUrl, jiraSiteOrigin } from './csp.ts';
import { secretProtection, type SafeStorage } from './secrets.ts';

type Handler = (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/**
 * Wraps an IPC handler: the sender must be a frame of our own bundle (app://lighttrack), and the result travels as
 * an IpcResult so the renderer gets a structured error (Electron would keep only the message of a thrown Error).
 */
export function guarded(fn: (...args: unknown[]) => unknown): Handler {
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

/**
 * safeStorage over IPC: it encrypts and decrypts; it stores nothing. It works only when an OS keychain holds the key
 * (see secretProtection); otherwise every call says why, in words, with code UNAVAILABLE.
 */
export function registerSecretsIpc(
  ipcMain: Pick<Electron.IpcMain, 'handle'>,
  safeStorage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): void {
  const requireProtected = async () => {
    const protection = await secretProtection(safeStorage, platform);
    if (!protection.protected) throw new AppError('UNAVAILABLE', protection.reason, { backend: protection.backend });
  };
  ipcMain.handle(
    IPC.secretsAvailable,
    guarded(async (...args) => {
      parse(NoArgs, args, 'secrets.isAvailable arguments');
      return (await secretProtection(safeStorage, platform)).protected;
    }),
  );
  ipcMain.handle(
    IPC.secretsProtection,
    guarded((...args) => {
      parse(NoArgs, args, 'secrets.protection arguments');
      return secretProtection(safeStorage, platform);
    }),
  );
  ipcMain.handle(
    IPC.encrypt,
    guarded(async (...args) => {
      const [plain] = parse(OneText, args, 'secrets.encrypt arguments');
      await requireProtected();
      const sealed = (await safeStorage.encryptStringAsync(plain)).toString('base64');
      // the ciphertext cap is derived from the plaintext cap; if sealing ever grew past it, fail now, not at decrypt
      if (sealed.length > MAX_CIPHERTEXT_BASE64)
        throw new AppError('INTERNAL', 'The sealed secret is larger than expected');
      return sealed;
    }),
  );
  ipcMain.handle(
    IPC.decrypt,
    guarded(async (...args) => {
      const [cipher] = parse(OneCipher, args, 'secrets.decrypt arguments');
      await requireProtected();
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(cipher, 'base64'))).result;
      } catch {
        throw new AppError('VALIDATION', 'Invalid ciphertext: it was not sealed on this machine or has been altered');
      }
    }),
  );
}

const OneUrlList = v.strictTuple([AiEndpointUrlsSchema]);

/**
 * The assistant's endpoints from the renderer: each is validated (https, or http on this machine; no credentials,
 * wildcards or policy syntax), and only if all are valid does the list of origins replace the one the CSP uses.
 * A bad list changes nothing and answers VALIDATION.
 */
export function registerAiIpc(ipcMain: Pick<Electron.IpcMain, 'handle'>, allow: (origins: string[]) => void): void {
  ipcMain.handle(
    IPC.aiAllowEndpoints,
    guarded((...args) => {
      const [urls] = parse(OneUrlList, args, 'allowAiEndpoints arguments');
      const origins = [...new Set(urls.map(aiEndpointOrigin))];
      allow(origins);
      return origins;
    }),
  );
}

const OneSite = v.strictTuple([JiraSiteArgSchema]);

/**
 * The Jira site from the renderer (null: disconnected): validated like an AI endpoint, and only its origin replaces
 * the one the CSP and the CORS rewrite allow. A bad site changes nothing and answers VALIDATION.
 */
export function registerJiraIpc(
  ipcMain: Pick<Electron.IpcMain, 'handle'>,
  allow: (origin: string | null) => void,
): void {
  ipcMain.handle(
    IPC.jiraAllowSite,
    guarded((...args) => {
      const [site] = parse(OneSite, args, 'allowJiraSite arguments');
      const origin = site ? jiraSiteOrigin(site) : null;
      allow(origin);
      return origin;
    }),
  );
}

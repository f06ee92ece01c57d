import type * as Electron from 'electron';
import * as v from 'valibot';

import { AppError } from '../shared/errors.ts';
import { ipcResultSchema, type IpcResult } from '../shared/ipc-result.ts';
import {
  IPC,
  PresenceEventSchema,
  PresenceSourceSchema,
  SecretProtectionSchema,
  ShortcutStatusSchema,
  TrayCommandSchema,
  type PresenceEvent,
  type Shell,
  type TrayCommand,
  type TrayState,
} from '../shared/shell-contract.ts';
import { parse } from '../shared/validate.ts';

type Renderer = Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

async function call<S extends v.GenericSchema>(ipc: Renderer, schema: S, channel: string, ...args: unknown[]) {
  const reply = parse(ipcResultSchema(schema), await ipc.invoke(channel, ...args), `reply on ${channel}`) as IpcResult<
    v.InferOutput<S>
  >;
  if (!reply.ok) throw AppError.fromData(reply.error);
  return reply.value;
}

/** The Electron implementation of `Shell`, built in the preload on top of ipcRenderer. Replies are validated too. */
export function createShellBridge(ipc: Renderer): Shell {
  return {
    secrets: {
      isAvailable: () => call(ipc, v.boolean(), IPC.secretsAvailable),
      protection: () => call(ipc, SecretProtectionSchema, IPC.secretsProtection),
      encrypt: (plainText: string) => call(ipc, v.string(), IPC.encrypt, plainText),
      decrypt: (cipherText: string) => call(ipc, v.string(), IPC.decrypt, cipherText),
    },
    onPresence(listener: (event: PresenceEvent) => void) {
      const handler = (_event: unknown, payload: unknown) => {
        const parsed = v.safeParse(PresenceEventSchema, payload);
        if (parsed.success) listener(parsed.output);
      };
      ipc.on(IPC.presence, handler);
      return () => void ipc.removeListener(IPC.presence, handler);
    },
    presenceSources: () => call(ipc, v.array(PresenceSourceSchema), IPC.presenceSources),
    setIdleThreshold: (seconds: number) => void call(ipc, v.null(), IPC.idleThreshold, seconds).catch(() => undefined),
    setTrayState: (state: TrayState) => void call(ipc, v.null(), IPC.trayState, state).catch(() => undefined),
    onTrayCommand(listener: (command: TrayCommand) => void) {
      const handler = (_event: unknown, payload: unknown) => {
        const parsed = v.safeParse(TrayCommandSchema, payload);
        if (parsed.success) listener(parsed.output);
      };
      ipc.on(IPC.trayCommand, handler);
      return () => void ipc.removeListener(IPC.trayCommand, handler);
    },
    hideQuickEntry: () => void call(ipc, v.null(), IPC.quickEntryHide).catch(() => undefined),
    quickEntryShortcut: () => call(ipc, v.nullable(ShortcutStatusSchema), IPC.quickEntryShortcut),
    setQuickEntryShortcut: (accelerator: string) =>
      call(ipc, v.nullable(ShortcutStatusSchema), IPC.quickEntrySetShortcut, accelerator),
    allowAiEndpoints: (baseURLs: readonly string[]) =>
      call(ipc, v.array(v.string()), IPC.aiAllowEndpoints, [...baseURLs]),
    allowJiraSite: (siteUrl: string | null) => call(ipc, v.nullable(v.string()), IPC.jiraAllowSite, siteUrl),
  };
}

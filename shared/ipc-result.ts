import * as v from 'valibot';

import { ERROR_CODES, type AppErrorData } from './errors.ts';

/** What every IPC handler returns: a value, or a structured error (a thrown Error would lose its code over IPC). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export const IpcErrorSchema = v.object({
  name: v.literal('AppError'),
  code: v.picklist(ERROR_CODES),
  message: v.string(),
  details: v.optional(v.unknown()),
});

export function ipcResultSchema<S extends v.GenericSchema>(value: S) {
  return v.variant('ok', [
    v.object({ ok: v.literal(true), value }),
    v.object({ ok: v.literal(false), error: IpcErrorSchema }),
  ]);
}

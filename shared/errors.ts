/**
 * Structured errors: a stable `code`, a human message and optional details.
 * They survive postMessage, Comlink and IPC because they are plain data at heart.
 */
export const ERROR_CODES = [
  'VALIDATION', // input did not match its schema; nothing was changed
  'NOT_FOUND', // the record asked for does not exist (or is deleted)
  'CONFLICT', // the change contradicts current state (e.g. stopping a stopped timer)
  'DB', // the database failed underneath us
  'DAMAGED', // data on disk failed validation or the file is corrupt; the damaged part was not used
  'FORBIDDEN', // the caller may not do this (e.g. IPC from a foreign origin)
  'UNAVAILABLE', // a capability is missing here (e.g. safeStorage without a keyring)
  'INTERNAL', // a bug: anything not classified above
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  readonly name: 'AppError';
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export class AppError extends Error implements AppErrorData {
  override readonly name = 'AppError' as const;
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toJSON(): AppErrorData {
    return this.details === undefined
      ? { name: 'AppError', code: this.code, message: this.message }
      : { name: 'AppError', code: this.code, message: this.message, details: this.details };
  }

  static fromData(data: AppErrorData): AppError {
    return new AppError(data.code, data.message, data.details);
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v['name'] === 'AppError' &&
    typeof v['message'] === 'string' &&
    (ERROR_CODES as readonly unknown[]).includes(v['code'])
  );
}

/** Turns anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(error: unknown, fallback: ErrorCode = 'INTERNAL'): AppError {
  if (error instanceof AppError) return error;
  if (isAppErrorData(error)) return AppError.fromData(error);
  const message = error instanceof Error ? error.message : String(error);
  return new AppError(fallback, message);
}

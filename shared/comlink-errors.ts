import * as Comlink from 'comlink';

import { AppError, isAppErrorData, toAppError } from './errors.ts';

interface ThrowMarked {
  value: unknown;
}
type Serialized = { isError: true; value: ReturnType<AppError['toJSON']> } | { isError: false; value: unknown };

const installed = new WeakSet<object>();

/**
 * Comlink's stock "throw" handler keeps only message/name/stack, dropping our error `code` and `details`.
 * This replacement sends every thrown Error as AppError data and rebuilds an AppError on the other side.
 * Both ends (worker and window) must install it; it is idempotent.
 */
export function installErrorTransfer(): void {
  const stock = Comlink.transferHandlers.get('throw');
  if (!stock || installed.has(stock)) return;
  const handler: Comlink.TransferHandler<ThrowMarked, Serialized> = {
    // Comlink does not export its throw marker symbol; its own handler knows it.
    canHandle: (value: unknown): value is ThrowMarked => stock.canHandle(value),
    serialize({ value }) {
      const serialized: Serialized =
        value instanceof Error || isAppErrorData(value)
          ? { isError: true, value: toAppError(value).toJSON() }
          : { isError: false, value };
      return [serialized, []];
    },
    deserialize(serialized) {
      if (serialized.isError && isAppErrorData(serialized.value)) throw AppError.fromData(serialized.value);
      throw serialized.value;
    },
  };
  const replacement = handler as Comlink.TransferHandler<unknown, unknown>;
  installed.add(replacement);
  Comlink.transferHandlers.set('throw', replacement);
}

import * as Comlink from 'comlink';

/**
 * AbortSignal through Comlink: the caller's signal becomes a MessagePort on the wire, and the callee gets a signal of
 * its own that aborts when the caller's does. Both ends install it (idempotent), like comlink-errors.ts.
 */
export function installAbortTransfer(): void {
  if (Comlink.transferHandlers.has('abort-signal')) return;
  const handler: Comlink.TransferHandler<AbortSignal, MessagePort> = {
    canHandle: (value: unknown): value is AbortSignal =>
      typeof AbortSignal !== 'undefined' && value instanceof AbortSignal,
    serialize(signal) {
      const { port1, port2 } = new MessageChannel();
      const send = () => {
        port1.postMessage(String(signal.reason ?? 'aborted'));
        port1.close();
      };
      if (signal.aborted) send();
      else signal.addEventListener('abort', send, { once: true });
      return [port2, [port2]];
    },
    deserialize(port) {
      const controller = new AbortController();
      port.onmessage = (event: MessageEvent) => {
        controller.abort(typeof event.data === 'string' ? event.data : 'aborted');
        port.close();
      };
      return controller.signal;
    },
  };
  Comlink.transferHandlers.set('abort-signal', handler as Comlink.TransferHandler<unknown, unknown>);
}

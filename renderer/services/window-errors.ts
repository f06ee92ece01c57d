import type { ReportErrorInput } from '../../shared/error-log.ts';

export interface WindowErrorOptions {
  /** where the error log should say it happened: 'window:main', 'window:quick-entry' */
  source: string;
  /** sends one report to the data worker */
  report: (input: ReportErrorInput) => Promise<void>;
  /** at most this many reports per minute; the rest are counted and mentioned in the next report */
  perMinute?: number;
  target?: Window;
  now?: () => number;
}

const MAX_STACK = 8_000;

/**
 * Sends a window's unexpected errors (`error`, `unhandledrejection`) to the data worker's error log. A report that
 * fails is swallowed and an error raised while reporting is ignored, so reporting never feeds itself; a storm is cut
 * to `perMinute` reports a minute.
 * Returns a function that stops listening.
 */
export function reportWindowErrors(options: WindowErrorOptions): () => void {
  const target = options.target ?? window;
  const now = options.now ?? Date.now;
  const perMinute = options.perMinute ?? 20;
  const sent: number[] = [];
  let reporting = false;
  let dropped = 0;

  const send = (message: string, details: Record<string, unknown>) => {
    if (reporting) return; // raised by the reporting itself
    const t = now();
    while (sent.length > 0 && t - sent[0]! >= 60_000) sent.shift();
    if (sent.length >= perMinute) {
      dropped++;
      return;
    }
    sent.push(t);
    const input: ReportErrorInput = {
      code: 'WINDOW',
      message: message || 'Unknown error',
      details: dropped > 0 ? { ...details, droppedBefore: dropped } : details,
      source: options.source,
    };
    dropped = 0;
    reporting = true;
    try {
      // A failed report is dropped, never reported: reporting it would only fail again.
      options.report(input).catch(() => undefined);
    } catch {
      // the same for one that fails at once
    } finally {
      reporting = false;
    }
  };

  const onError = (event: Event) => {
    const e = event as ErrorEvent;
    if (isBenignError(e)) return;
    send(e.message || describe(e.error), {
      stack: stackOf(e.error),
      filename: typeof e.filename === 'string' ? e.filename : '',
      line: typeof e.lineno === 'number' ? e.lineno : null,
      column: typeof e.colno === 'number' ? e.colno : null,
    });
  };
  const onRejection = (event: Event) => {
    const reason: unknown = (event as PromiseRejectionEvent).reason;
    const code = (reason as { code?: unknown } | null)?.code;
    send(`Unhandled rejection: ${describe(reason)}`, {
      stack: stackOf(reason),
      filename: '',
      line: null,
      ...(typeof code === 'string' ? { errorCode: code } : {}),
    });
  };

  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

/**
 * Chromium's "ResizeObserver loop completed with undelivered notifications": the virtualized lists' observers met a
 * layout change within one frame and finish it in the next; nothing is lost, so it is no error worth a log line.
 */
export function isBenignError(event: ErrorEvent): boolean {
  return event.error == null && /^ResizeObserver loop/.test(event.message ?? '');
}

/** A one-line description of anything thrown; never throws itself (a thrown object's toString may). */
function describe(value: unknown): string {
  try {
    if (value instanceof Error) return value.message || value.name;
    if (typeof value === 'string') return value;
    const message = (value as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
    return String(value);
  } catch {
    return 'an error that cannot be described';
  }
}

function stackOf(value: unknown): string {
  try {
    const stack = (value as { stack?: unknown } | null)?.stack;
    return typeof stack === 'string' ? stack.slice(0, MAX_STACK) : '';
  } catch {
    return '';
  }
}

export interface Progress {
  done: number;
  total: number;
  bytes: number;
  /** estimated ms left; null until there is a rate to go by */
  leftMs: number | null;
}

/** At most ~10 progress calls a second (each crosses to the window); the last one always goes. */
export function throttled(report: (p: Progress) => void, startedAt: number, everyMs = 100) {
  let last = 0;
  return (p: Omit<Progress, 'leftMs'>, final = false) => {
    const now = Date.now();
    if (!final && now - last < everyMs) return;
    last = now;
    const elapsed = now - startedAt;
    const leftMs =
      p.done > 0 && p.total > p.done
        ? Math.round((elapsed / p.done) * (p.total - p.done))
        : p.done >= p.total
          ? 0
          : null;
    try {
      report({ ...p, leftMs });
    } catch {
      // a window that went away does not stop the export
    }
  };
}

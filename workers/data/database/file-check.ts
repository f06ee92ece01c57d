import { AppError } from '../../../shared/errors.ts';
import { Database } from '../storage/sqlite.ts';

/**
 * Checking a closed database file (a fresh backup copy) in a short-lived worker: quick_check reads the whole file,
 * ~1 s at 250k sessions, and on the owner's thread every call would wait for it.
 */

/** Where checkElsewhere starts its helper worker: the data worker's own script (data-worker.ts sets it). */
let checkWorkerUrl: string | null = null;
export const CHECK_WORKER_NAME = 'lighttrack-file-check';

export function setCheckWorkerUrl(url: string): void {
  checkWorkerUrl = url;
}

/** checkFile() in a short-lived worker; in this thread when no worker can be started (tests of this module alone). */
export async function checkElsewhere(path: string, kind: 'quick' | 'full'): Promise<FileCheck> {
  if (!checkWorkerUrl || typeof Worker === 'undefined') return checkFile(path, kind);
  const worker = new Worker(checkWorkerUrl, { type: 'module', name: CHECK_WORKER_NAME });
  try {
    return await new Promise<FileCheck>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent) => {
        const data = event.data as { ok?: unknown; problems?: unknown; error?: unknown; contents?: unknown };
        const contents = data.contents as { sessions?: unknown; schemaVersion?: unknown } | undefined;
        const count = (n: unknown) => (Number.isSafeInteger(n) && (n as number) >= 0 ? (n as number) : null);
        const sessions = count(contents?.sessions);
        const schemaVersion = count(contents?.schemaVersion);
        if (typeof data.error === 'string') reject(new AppError('DB', `The copy could not be checked: ${data.error}`));
        else if (typeof data.ok === 'boolean' && Array.isArray(data.problems))
          resolve({
            ok: data.ok,
            problems: data.problems.map(String),
            ...(sessions !== null && schemaVersion !== null ? { contents: { sessions, schemaVersion } } : {}),
          });
        else reject(new AppError('INTERNAL', 'The check worker answered something unexpected'));
      };
      worker.onerror = (event) => reject(new AppError('INTERNAL', `The check worker failed: ${event.message}`));
      worker.postMessage({ path, kind });
    });
  } finally {
    worker.terminate();
  }
}

/** The check worker's side: one request, one answer. */
export function serveChecks(): void {
  self.onmessage = (event: MessageEvent) => {
    const { path, kind } = event.data as { path: unknown; kind: unknown };
    if (typeof path !== 'string' || (kind !== 'quick' && kind !== 'full')) {
      self.postMessage({ error: 'bad request' });
      return;
    }
    checkFile(path, kind).then(
      (result) => self.postMessage(result),
      (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
}

/**
 * First statements on a second file: copies of a WAL database may carry the WAL flag, and exclusive locking lets
 * them open without shared memory. Reading the schema inside exec() takes the VFS's file lock there, where wa-sqlite
 * retries it; taken later inside a cached prepare, the retry leaked a statement and the connection could not close.
 */
export const TAKE_FILE = 'PRAGMA locking_mode = EXCLUSIVE; SELECT count(*) FROM sqlite_schema;';

export interface FileCheck {
  ok: boolean;
  problems: string[];
  /** what a file that checked ok holds (a backup's sidecar says it): counted here, on the copy, not by the owner */
  contents?: { sessions: number; schemaVersion: number };
}

/** quick_check or integrity_check of a database file that is not the open one. */
export async function checkFile(path: string, kind: 'quick' | 'full'): Promise<FileCheck> {
  const db = await Database.open(path);
  try {
    await db.exec(TAKE_FILE);
    const check = await runCheck(db, kind);
    if (!check.ok) return check;
    // counting 250k sessions reads ~10 MB of index (~80 ms): in the check's worker, where it holds nobody up
    const sessions = await db.get<{ n: number }>('SELECT count(*) AS n FROM activities WHERE deleted_at IS NULL');
    const version = await db.get<{ user_version: number }>('PRAGMA user_version');
    return { ...check, contents: { sessions: sessions?.n ?? 0, schemaVersion: version?.user_version ?? 0 } };
  } finally {
    await db.close().catch(() => undefined);
  }
}

export async function runCheck(db: Database, kind: 'quick' | 'full'): Promise<FileCheck> {
  const rows = await db.all<Record<string, string>>(
    kind === 'quick' ? 'PRAGMA quick_check(100)' : 'PRAGMA integrity_check(100)',
  );
  const lines = rows.map((r) => String(Object.values(r)[0]));
  const ok = lines.length === 1 && lines[0] === 'ok';
  return { ok, problems: ok ? [] : lines };
}

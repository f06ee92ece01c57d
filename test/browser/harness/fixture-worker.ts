// Test-only worker: raw access to a database file and to OPFS, for putting files into states the app must survive
// (a damaged row, a corrupt page, a foreign or newer file). Never runs while the app's owner has the file open.
import * as Comlink from 'comlink';

import { installErrorTransfer } from '../../../shared/comlink-errors.ts';
import { Database } from '../../../workers/data/storage/sqlite.ts';

installErrorTransfer();

async function fileHandle(path: string, create: boolean): Promise<FileSystemFileHandle> {
  let dir = await navigator.storage.getDirectory();
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop()!;
  for (const p of parts) dir = await dir.getDirectoryHandle(p, { create });
  return dir.getFileHandle(name, { create });
}

Comlink.expose({
  /** Runs SQL on a file with the app's locking (exclusive; WAL files need it) and returns the rows of the last statement. */
  async sql(path: string, statements: string[]): Promise<unknown[]> {
    const db = await Database.open(path);
    try {
      await db.exec('PRAGMA locking_mode = EXCLUSIVE; SELECT count(*) FROM sqlite_schema;');
      // exec runs every statement of a script; all() reads the rows of a single statement
      for (const s of statements.slice(0, -1)) await db.exec(s);
      const last = statements.at(-1);
      return last ? await db.all(last) : [];
    } finally {
      await db.close();
    }
  },
  async write(path: string, bytes: Uint8Array, at = 0, truncate = false): Promise<void> {
    // createSyncAccessHandle exists in dedicated workers; TypeScript's DOM lib (for windows) does not declare it
    const file = (await fileHandle(path, true)) as FileSystemFileHandle & {
      createSyncAccessHandle(): Promise<{
        truncate(n: number): void;
        write(b: Uint8Array, o: { at: number }): number;
        flush(): void;
        close(): void;
      }>;
    };
    const handle = await file.createSyncAccessHandle();
    try {
      if (truncate) handle.truncate(0);
      handle.write(bytes, { at });
      handle.flush();
    } finally {
      handle.close();
    }
  },
  async read(path: string): Promise<Uint8Array> {
    return new Uint8Array(await (await (await fileHandle(path, false)).getFile()).arrayBuffer());
  },
  async size(path: string): Promise<number | null> {
    try {
      return (await (await fileHandle(path, false)).getFile()).size;
    } catch {
      return null;
    }
  },
});

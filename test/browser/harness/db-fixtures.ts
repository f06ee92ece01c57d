import * as Comlink from 'comlink';

interface FixtureApi {
  sql(path: string, statements: string[]): Promise<unknown[]>;
  write(path: string, bytes: Uint8Array, at?: number, truncate?: boolean): Promise<void>;
  read(path: string): Promise<Uint8Array>;
  size(path: string): Promise<number | null>;
}

/** Runs fn with a raw-file worker (see fixture-worker.ts), then ends it so it holds no file. */
export async function withFixture<T>(fn: (api: Comlink.Remote<FixtureApi>) => Promise<T>): Promise<T> {
  const worker = new Worker(new URL('./fixture-worker.ts', import.meta.url), { type: 'module' });
  try {
    return await fn(Comlink.wrap<FixtureApi>(worker));
  } finally {
    worker.terminate();
  }
}

export const sql = (path: string, ...statements: string[]) => withFixture((f) => f.sql(path, statements));

/** Overwrites the whole file with bytes that are not a database. */
export const writeGarbage = (path: string) =>
  withFixture((f) => f.write(path, new TextEncoder().encode('this is not a database '.repeat(4000)), 0, true));

export const emptyFile = (path: string) => withFixture((f) => f.write(path, new Uint8Array(0), 0, true));

export const readFile = (path: string) => withFixture((f) => f.read(path));
export const fileSize = (path: string) => withFixture((f) => f.size(path));

/** Scribbles over one page (64 KiB pages) so SQLite reports corruption when it reads it. */
export const corruptPage = (path: string, page: number) =>
  withFixture((f) => f.write(path, new Uint8Array(65536).fill(0xa5), (page - 1) * 65536));

/**
 * Small helpers over the Origin Private File System for whole files the database does not have open: backups, the
 * marker, staging copies, damaged files kept aside. Paths are relative to the OPFS root, '/'-separated.
 * The live database file is only touched here after its connection was closed (see restore in database-file.ts).
 */

async function directory(parts: string[], create: boolean): Promise<FileSystemDirectoryHandle | null> {
  let dir = await navigator.storage.getDirectory();
  for (const part of parts) {
    try {
      dir = await dir.getDirectoryHandle(part, { create });
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }
  return dir;
}

function split(path: string): { dirs: string[]; name: string } {
  const parts = path.split('/').filter(Boolean);
  const name = parts.pop();
  if (!name) throw new Error(`Not a file path: ${path}`);
  return { dirs: parts, name };
}

function isNotFound(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'NotFoundError' || error.name === 'TypeMismatchError');
}

async function fileHandle(path: string, create: boolean): Promise<FileSystemFileHandle | null> {
  const { dirs, name } = split(path);
  const dir = await directory(dirs, create);
  if (!dir) return null;
  try {
    return await dir.getFileHandle(name, { create });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** Size in bytes, or null when the file does not exist. */
export async function fileSize(path: string): Promise<number | null> {
  const handle = await fileHandle(path, false);
  return handle ? (await handle.getFile()).size : null;
}

export async function readBytes(path: string): Promise<ArrayBuffer> {
  const handle = await fileHandle(path, false);
  if (!handle) throw new DOMException(`${path} not found`, 'NotFoundError');
  return (await handle.getFile()).arrayBuffer();
}

export async function readText(path: string): Promise<string | null> {
  const handle = await fileHandle(path, false);
  return handle ? (await handle.getFile()).text() : null;
}

/** Replaces the file's contents. A writable stream commits on close(), so readers see the old or the new bytes. */
export async function writeBytes(path: string, data: ArrayBuffer | Uint8Array | string): Promise<void> {
  const handle = await fileHandle(path, true);
  const writable = await handle!.createWritable({ keepExistingData: false });
  try {
    await writable.write(data as FileSystemWriteChunkType);
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

export async function copyFile(from: string, to: string): Promise<void> {
  await writeBytes(to, await readBytes(from));
}

export async function removeFile(path: string): Promise<void> {
  const { dirs, name } = split(path);
  const dir = await directory(dirs, false);
  await dir?.removeEntry(name).catch((error: unknown) => {
    if (!isNotFound(error)) throw error;
  });
}

export async function listFiles(dirPath: string): Promise<{ name: string; size: number }[]> {
  const dir = await directory(dirPath.split('/').filter(Boolean), false);
  if (!dir) return [];
  const files: { name: string; size: number }[] = [];
  for await (const entry of dir.values() as AsyncIterable<FileSystemHandle>) {
    if (entry.kind === 'file')
      files.push({ name: entry.name, size: (await (entry as FileSystemFileHandle).getFile()).size });
  }
  return files;
}

/** The VFS opens a "-journal" and a "-wal" file beside every database file, empty or not. */
const COMPANIONS = ['-journal', '-wal'] as const;

/** Removes a database file that is not open, with its companions. */
export async function removeDatabaseFiles(path: string): Promise<void> {
  for (const suffix of ['', ...COMPANIONS]) await removeFile(path + suffix);
}

/** Empties a closed database's companions (and the file itself with `alsoMain`), so no WAL or journal is replayed. */
export async function emptyDatabaseFiles(path: string, alsoMain: boolean): Promise<void> {
  for (const suffix of alsoMain ? ['', ...COMPANIONS] : COMPANIONS) await writeBytes(path + suffix, new Uint8Array(0));
}

import { AppError } from '../../shared/errors.ts';

/**
 * Where an export's bytes go. A file the user picked is written through createWritable(), which writes to a swap
 * file and replaces the original only on close(): a cancelled or failed export aborts it, so an existing file stays
 * exactly as it was, and a file the picker had just created (empty) is removed. Where the picker is refused, the
 * bytes go to a temp file in OPFS (exports-tmp/) that the window downloads and then deletes.
 */
export type ExportTarget = { kind: 'file'; handle: FileSystemFileHandle } | { kind: 'download'; name: string };

export interface Sink {
  readonly name: string;
  readonly tempName: string | null;
  bytes: number;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export const TEMP_DIR = 'exports-tmp';
const SAFE_NAME = /^[^\\/:*?"<>|\0]{1,200}$/;

export async function openSink(target: ExportTarget, extension: string): Promise<Sink> {
  if (target.kind === 'file') {
    if (!(target.handle instanceof FileSystemFileHandle))
      throw new AppError('VALIDATION', 'The export needs a file handle');
    const handle = target.handle;
    // an empty file is one the picker just made for a new name: a cancelled export removes it again
    const wasEmpty = (await handle.getFile()).size === 0;
    return stream(handle.name, null, await handle.createWritable(), async () => {
      if (wasEmpty)
        await (handle as FileSystemFileHandle & { remove?: () => Promise<void> }).remove?.().catch(() => undefined);
    });
  }
  const name = SAFE_NAME.test(target.name) ? target.name : `export.${extension}`;
  const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(TEMP_DIR, { create: true });
  const tempName = `${crypto.randomUUID()}-${name}`;
  const handle = await dir.getFileHandle(tempName, { create: true });
  return stream(name, tempName, await handle.createWritable(), () => dir.removeEntry(tempName).catch(() => undefined));
}

/**
 * Chunks are gathered up to ~1 MiB before each write(): every write() is a round trip to the browser process
 * (~1 ms whatever its size), and a 500-row page is only ~60 KB. Memory stays flat at that buffer.
 */
const WRITE_AT = 1 << 20;

function stream(
  name: string,
  tempName: string | null,
  writable: FileSystemWritableFileStream,
  discard: () => Promise<void>,
): Sink {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const joined = new Uint8Array(pendingBytes);
    let at = 0;
    for (const part of pending) {
      joined.set(part, at);
      at += part.byteLength;
    }
    pending = [];
    pendingBytes = 0;
    await writable.write(joined);
  };
  const sink: Sink = {
    name,
    tempName,
    bytes: 0,
    async write(chunk) {
      if (chunk.byteLength === 0) return;
      pending.push(chunk);
      pendingBytes += chunk.byteLength;
      sink.bytes += chunk.byteLength;
      if (pendingBytes >= WRITE_AT) await flush();
    },
    async close() {
      await flush();
      await writable.close();
    },
    async abort() {
      pending = [];
      pendingBytes = 0;
      await writable.abort().catch(() => undefined);
      await discard();
    },
  };
  return sink;
}

/** Deletes a downloaded temp file once the window has handed it to the browser's download. */
export async function removeTemp(tempName: string): Promise<void> {
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(TEMP_DIR, { create: true });
  await dir.removeEntry(tempName).catch(() => undefined);
}

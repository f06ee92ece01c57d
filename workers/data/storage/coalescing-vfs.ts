/**
 * OPFSCoopSyncVFS with WAL appends coalesced: SQLite writes each WAL frame as two calls (24-byte header, then the
 * page), and every OPFS access-handle call costs about the same whatever its size. This VFS keeps contiguous writes
 * to the -wal file in memory and writes them as one call when the transaction's commit frame is complete (its
 * header carries a non-zero "database size after commit"), or earlier when SQLite reads, sizes, syncs, truncates or
 * closes the WAL, writes elsewhere in it, or the buffer passes 4 MiB. A commit therefore reaches the file before
 * SQLite reports it done; only frames of a transaction that has not committed can sit in memory, and those are
 * ignored by WAL recovery anyway.
 */
import { OPFSCoopSyncVFS } from '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js';

const SQLITE_OK = 0;
const SQLITE_IOERR_WRITE = 778;
const SQLITE_IOCAP_POWERSAFE_OVERWRITE = 0x1000;
const MAX_BUFFERED = 4 * 1024 * 1024;
const WAL_FRAME_HEADER = 24;

interface Pending {
  offset: number;
  chunks: Uint8Array[];
  length: number;
  /** the commit frame's header is buffered: flush once its page follows */
  commitFrame: boolean;
}

/** The OPFSCoopSyncVFS members this wrapper reaches (plain JS fields and methods of the example class). */
interface CoopVFS {
  mapIdToFile: Map<number, { path: string }>;
  lastError: unknown;
  jRead(fileId: number, pData: Uint8Array, iOffset: number): number;
  jWrite(fileId: number, pData: Uint8Array, iOffset: number): number;
  jTruncate(fileId: number, iSize: number): number;
  jSync(fileId: number, flags: number): number;
  jFileSize(fileId: number, pSize64: DataView): number;
  jClose(fileId: number): number;
}

/**
 * Creates an OPFSCoopSyncVFS whose -wal writes are coalesced. (The example class builds itself in a static create()
 * with private initialisation, so this wraps an instance's methods instead of subclassing.)
 */
export async function createCoalescingWalVFS(
  name: string,
  module: unknown,
): Promise<OPFSCoopSyncVFS & { walWrites: number }> {
  const created = await OPFSCoopSyncVFS.create(name, module);
  const vfs = created as unknown as CoopVFS & { walWrites: number };
  const base = {
    jRead: vfs.jRead.bind(vfs),
    jWrite: vfs.jWrite.bind(vfs),
    jTruncate: vfs.jTruncate.bind(vfs),
    jSync: vfs.jSync.bind(vfs),
    jFileSize: vfs.jFileSize.bind(vfs),
    jClose: vfs.jClose.bind(vfs),
  };
  const pendingByFile = new Map<number, Pending>();
  vfs.walWrites = 0;

  const isWal = (fileId: number) => vfs.mapIdToFile.get(fileId)?.path.endsWith('-wal') ?? false;
  const flush = (fileId: number): number => {
    const pending = pendingByFile.get(fileId);
    if (!pending) return SQLITE_OK;
    pendingByFile.delete(fileId);
    const data = new Uint8Array(pending.length);
    let at = 0;
    for (const chunk of pending.chunks) {
      data.set(chunk, at);
      at += chunk.byteLength;
    }
    vfs.walWrites++;
    return base.jWrite(fileId, data, pending.offset);
  };
  const flushThen = (fileId: number, next: () => number) => {
    const rc = flush(fileId);
    return rc !== SQLITE_OK ? rc : next();
  };

  vfs.jWrite = (fileId, pData, iOffset) => {
    if (!isWal(fileId)) return base.jWrite(fileId, pData, iOffset);
    let pending = pendingByFile.get(fileId);
    if (pending && pending.offset + pending.length !== iOffset) {
      const rc = flush(fileId);
      if (rc !== SQLITE_OK) return rc;
      pending = undefined;
    }
    if (!pending) {
      pending = { offset: iOffset, chunks: [], length: 0, commitFrame: false };
      pendingByFile.set(fileId, pending);
    }
    try {
      pending.chunks.push(pData.subarray().slice()); // pData views the WebAssembly heap: copy it
    } catch (e) {
      vfs.lastError = e;
      return SQLITE_IOERR_WRITE;
    }
    pending.length += pData.byteLength;
    if (pData.byteLength === WAL_FRAME_HEADER) {
      // bytes 4..7 of a frame header: database size in pages after commit, non-zero only on a commit frame
      const header = new DataView(pData.subarray().slice().buffer);
      if (header.getUint32(4, false) !== 0) pending.commitFrame = true;
      return SQLITE_OK;
    }
    if (pending.commitFrame || pending.length >= MAX_BUFFERED) return flush(fileId);
    return SQLITE_OK;
  };
  vfs.jRead = (fileId, pData, iOffset) => flushThen(fileId, () => base.jRead(fileId, pData, iOffset));
  vfs.jTruncate = (fileId, iSize) => flushThen(fileId, () => base.jTruncate(fileId, iSize));
  vfs.jSync = (fileId, flags) => flushThen(fileId, () => base.jSync(fileId, flags));
  vfs.jFileSize = (fileId, pSize64) => flushThen(fileId, () => base.jFileSize(fileId, pSize64));
  vfs.jClose = (fileId) => flushThen(fileId, () => base.jClose(fileId));
  // Power-safe overwrite, as SQLite's unix VFS assumes by default: a write never damages bytes outside its range. Without
  // it SQLite pads every synced WAL commit to a sector boundary by writing the commit frame again, one more 64 KiB
  // write (~0.8 ms here) on every commit; the OPFS file is an ordinary file on the same OS filesystems.
  (vfs as unknown as { jDeviceCharacteristics: () => number }).jDeviceCharacteristics = () =>
    SQLITE_IOCAP_POWERSAFE_OVERWRITE;
  return vfs as unknown as OPFSCoopSyncVFS & { walWrites: number };
}

/** Storage configurations the bench compares: page size × journal mode × locking mode × synchronous (× VFS). */
export interface StorageConfig {
  pageSize: number;
  journal: 'delete' | 'wal' | 'memory' | 'off';
  locking: 'normal' | 'exclusive';
  synchronous: 'full' | 'normal' | 'off';
  /** 'coalescing' = OPFSCoopSyncVFS with WAL appends written once per commit (workers/data/storage/coalescing-vfs.ts, what the app uses) */
  vfs?: 'coop' | 'coalescing';
  /** PRAGMA wal_autocheckpoint (pages); SQLite's default is 1000 */
  walAutocheckpoint?: number;
}

export function configLabel(c: StorageConfig): string {
  const parts = [c.journal, c.locking === 'exclusive' ? 'exclusive' : 'normal-lock', `sync=${c.synchronous}`];
  if (c.vfs === 'coalescing') parts.push('coalesced');
  if (c.walAutocheckpoint !== undefined) parts.push(`ckpt=${c.walAutocheckpoint}`);
  return parts.join(' ');
}

/**
 * Pragmas for a new or existing file, in the order that works: locking_mode before anything reads the file (a WAL
 * file cannot be opened on a VFS without shared memory unless locking is exclusive), page_size before the first
 * write, then journal_mode, then synchronous.
 */
export function configPragmas(c: StorageConfig): string {
  return [
    `PRAGMA locking_mode = ${c.locking.toUpperCase()};`,
    `PRAGMA page_size = ${c.pageSize};`,
    `PRAGMA journal_mode = ${c.journal.toUpperCase()};`,
    `PRAGMA synchronous = ${c.synchronous.toUpperCase()};`,
    c.walAutocheckpoint !== undefined ? `PRAGMA wal_autocheckpoint = ${c.walAutocheckpoint};` : '',
  ].join('\n');
}

/** Today's app: 64 KiB pages, rollback journal (DELETE), normal locking, synchronous FULL (SQLite's defaults). */
export const TODAY: StorageConfig = { pageSize: 65536, journal: 'delete', locking: 'normal', synchronous: 'full' };
/** The single-owner candidate. */
export const CANDIDATE: StorageConfig = {
  pageSize: 65536,
  journal: 'wal',
  locking: 'exclusive',
  synchronous: 'normal',
};

/** The matrix: each page size with each journal/locking/synchronous combination OPFSCoopSyncVFS allows. */
export function matrixConfigs(pageSizes: readonly number[], withCoalescing: boolean): StorageConfig[] {
  const modes: Omit<StorageConfig, 'pageSize'>[] = [
    { journal: 'delete', locking: 'normal', synchronous: 'full' },
    { journal: 'delete', locking: 'exclusive', synchronous: 'full' },
    { journal: 'delete', locking: 'exclusive', synchronous: 'normal' },
    { journal: 'wal', locking: 'exclusive', synchronous: 'full' },
    { journal: 'wal', locking: 'exclusive', synchronous: 'normal' },
    ...(withCoalescing
      ? [
          { journal: 'wal', locking: 'exclusive', synchronous: 'full', vfs: 'coalescing' } as const,
          { journal: 'wal', locking: 'exclusive', synchronous: 'normal', vfs: 'coalescing' } as const,
        ]
      : []),
    { journal: 'memory', locking: 'exclusive', synchronous: 'normal' },
  ];
  // the data worker's pragmas since this issue (WAL, exclusive, FULL, wal_autocheckpoint 256), at 64 KiB
  const app: Omit<StorageConfig, 'pageSize'>[] = [
    { journal: 'wal', locking: 'exclusive', synchronous: 'full', walAutocheckpoint: 256 },
    ...(withCoalescing
      ? [
          {
            journal: 'wal',
            locking: 'exclusive',
            synchronous: 'full',
            walAutocheckpoint: 256,
            vfs: 'coalescing',
          } as const,
        ]
      : []),
  ];
  return pageSizes.flatMap((pageSize) =>
    [...modes, ...(pageSize === 65536 ? app : [])].map((m) => ({ pageSize, ...m })),
  );
}

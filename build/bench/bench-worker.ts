import * as Comlink from 'comlink';

import { Database } from '../../workers/data/storage/sqlite.ts';
import * as engineBench from './engine-bench.ts';
import { runEngine } from './engine-run.ts';

/**
 * run(): wa-sqlite on OPFS through our own Database class (OPFSCoopSyncVFS), in a dedicated worker like the app's.
 * The rest: engine-level measurements straight on wa-sqlite (engine-bench.ts) — the storage matrix, launch,
 * integrity checks and backups on a large file.
 */
Comlink.expose({
  ...engineBench,
  async run(rows: number, batch: number) {
    const name = `bench-${Date.now()}.sqlite3`;
    const db = await Database.open(name);
    try {
      return await runEngine(
        {
          name: 'wa-sqlite (OPFSCoopSyncVFS, worker)',
          exec: (sql) => db.exec(sql),
          run: (sql, params) => db.run(sql, params as never),
          all: (sql, params) => db.all(sql, params),
        },
        rows,
        batch,
      );
    } finally {
      await db.close();
      const root = await navigator.storage.getDirectory();
      await root.removeEntry(name).catch(() => undefined);
    }
  },
});

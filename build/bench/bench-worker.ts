import * as Comlink from 'comlink';
import { Database } from '../../workers/data/sqlite.ts';
import { runEngine } from './engine-run.ts';

/** wa-sqlite on OPFS through our own Database class (OPFSCoopSyncVFS), in a dedicated worker like the app's. */
Comlink.expose({
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

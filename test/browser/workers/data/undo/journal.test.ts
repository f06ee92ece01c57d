import { expect } from 'chai';

import { COLUMNS } from '../../../../../workers/data/undo/journal.ts';
import { sql } from '../../../harness/db-fixtures.ts';
import { startDataWorker, uniqueDbName } from '../../../harness/worker-harness.ts';

describe('undo journal: its columns are the schema', () => {
  it('images every column of every undoable table as all migrations leave it (none missing, none extra)', async () => {
    const name = uniqueDbName('journal-columns');
    const handle = startDataWorker();
    try {
      expect(await handle.api.open({ name })).to.include({ status: 'ready', created: true });
      await handle.api.close();
    } finally {
      handle.worker.terminate();
    }
    for (const [table, columns] of Object.entries(COLUMNS)) {
      const rows = (await sql(name, `SELECT name FROM pragma_table_info('${table}') ORDER BY cid`)) as {
        name: string;
      }[];
      expect(rows.length, `${table} exists`).to.be.above(0);
      // sorted: the journal's order is the images' key order on disk (it must not change), the schema's is the ALTERs'
      expect([...columns].sort(), table).to.deep.equal(rows.map((r) => r.name).sort());
    }
  });
});

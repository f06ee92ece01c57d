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
    // the file's own list of undoable tables (v11) is the journal's
    const listed = (await sql(name, 'SELECT name FROM undo_tables ORDER BY name')) as { name: string }[];
    expect(listed.map((r) => r.name)).to.deep.equal(Object.keys(COLUMNS).sort());
  });

  it('refuses a journal row naming a table it does not cover, and copies nothing to learn a new one', async () => {
    const name = uniqueDbName('journal-tables');
    const handle = startDataWorker();
    try {
      expect(await handle.api.open({ name })).to.include({ status: 'ready', created: true });
      await handle.api.createTag({ name: 'kept' });
      await handle.api.close();
    } finally {
      handle.worker.terminate();
    }
    const before = (await sql(name, 'SELECT count(*) AS n FROM undo_rows')) as { n: number }[];
    expect(before[0]!.n).to.be.above(0);
    let refused = '';
    try {
      await sql(
        name,
        "INSERT INTO undo_rows (action_id, seq, tbl, row_id) SELECT id, 999, 'error_log', 'x' FROM undo_actions LIMIT 1",
      );
    } catch (e) {
      refused = String(e);
    }
    expect(refused).to.match(/does not cover/);
    // what a later migration does to make a table undoable: one row, no rebuild
    await sql(name, "INSERT INTO undo_tables (name) VALUES ('error_log')");
    await sql(
      name,
      "INSERT INTO undo_rows (action_id, seq, tbl, row_id) SELECT id, 999, 'error_log', 'x' FROM undo_actions LIMIT 1",
    );
    const after = (await sql(name, 'SELECT count(*) AS n FROM undo_rows')) as { n: number }[];
    expect(after[0]!.n).to.equal(before[0]!.n + 1);
  });
});

import { expect } from 'chai';

import { useDataWorker } from '../../../harness/worker-harness.ts';

const T = new Date(2026, 10, 2, 9, 0).getTime();

/** Every statement here must be refused or fail, and leave the file exactly as it was. */
const HOSTILE = [
  "INSERT INTO activities (id, name, start_time, created_at, updated_at) VALUES ('x', 'x', 0, 0, 0)",
  "UPDATE activities SET name = 'pwned'",
  "UPDATE ai_sessions SET name = 'pwned'",
  'DELETE FROM activities',
  'DELETE FROM ai_sessions',
  'DROP TABLE activities',
  'DROP VIEW ai_sessions',
  'CREATE TABLE t (x)',
  'CREATE TEMP TABLE t AS SELECT * FROM ai_sessions',
  "ATTACH DATABASE 'other.sqlite3' AS other",
  'DETACH DATABASE main',
  'PRAGMA user_version = 99',
  'PRAGMA journal_mode = DELETE',
  'PRAGMA query_only = 0',
  'PRAGMA writable_schema = 1',
  'PRAGMA table_info(settings)',
  'SELECT * FROM settings',
  'SELECT * FROM error_log',
  'SELECT * FROM undo_rows',
  'SELECT * FROM activities',
  'SELECT * FROM sqlite_master',
  'SELECT * FROM sqlite_schema',
  'SELECT * FROM main.settings',
  'SELECT (SELECT value FROM settings LIMIT 1) FROM ai_sessions',
  'SELECT * FROM ai_sessions JOIN settings',
  "SELECT * FROM pragma_table_info('activities')",
  'SELECT * FROM ai_sessions; DELETE FROM activities',
  'SELECT 1; SELECT 2',
  'WITH x AS (SELECT 1) DELETE FROM activities',
  "WITH x AS (SELECT 1) INSERT INTO tags (id, name, created_at, updated_at) SELECT 'a', 'b', 0, 0 FROM x",
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT s',
  'VACUUM',
  "VACUUM INTO 'copy.sqlite3'",
  'REINDEX',
  'ANALYZE',
  "SELECT load_extension('x')",
  "REPLACE INTO tags (id, name, created_at, updated_at) VALUES ('a', 'b', 0, 0)",
  'CREATE TRIGGER t AFTER INSERT ON activities BEGIN DELETE FROM activities; END',
  "SELECT writefile('x', 'y')",
  'SELECT randomblob(100000000)',
  'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r',
  '',
  '   -- only a comment',
];

describe('assistant SQL tool: one guarded read over the ai_ views', () => {
  const w = useDataWorker('assistant-sql');

  beforeEach(async () => {
    const p = await w.api.createProject({ name: 'Website' });
    await w.api.insertSessions([
      { name: 'Design', projectId: p.id, startTime: T, endTime: T + 3_600_000 },
      { name: 'Build', projectId: p.id, startTime: T + 3_600_000, endTime: T + 5_400_000 },
    ]);
    await w.api.updateSettings({ weekStart: 1 });
  });

  it('reads the views, joins included, and caps the rows', async () => {
    const out = await w.api.assistantQuery({
      sql: `SELECT p.name AS project, sum(s.end_time - s.start_time - s.paused_ms) / 3600000.0 AS hours
            FROM ai_sessions s JOIN ai_projects p ON p.id = s.project_id GROUP BY p.name`,
    });
    expect(out.columns).to.deep.equal(['project', 'hours']);
    expect(out.rows).to.deep.equal([['Website', 1.5]]);
    const many = await w.api.assistantQuery({
      sql: 'WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000) SELECT n FROM r',
    });
    expect(many.rows.length).to.equal(200);
    expect(many.truncated).to.equal(true);
    // a value past the length limit is not built (SQLite answers NULL or refuses), so memory stays bounded
    const huge = await w.api.assistantQuery({ sql: "SELECT printf('%.*c', 100000000, 'x') AS x" });
    expect(huge.rows).to.deep.equal([[null]]);
  });

  it(`refuses ${HOSTILE.length} hostile statements and writes nothing`, async () => {
    const snapshot = async () =>
      JSON.stringify([
        await w.api.listSessions({ from: T - 86_400_000, to: T + 86_400_000 }),
        await w.api.listProjects(),
        await w.api.listTags(),
        await w.api.getSettings(),
        (await w.api.status()).schemaVersion,
      ]);
    const before = await snapshot();
    const answered: string[] = [];
    for (const sql of HOSTILE) {
      const outcome = await w.api.assistantQuery({ sql }).then(
        (r) => `answered ${JSON.stringify(r).slice(0, 80)}`,
        (e: { code: string; message: string }) => e.code,
      );
      if (!['FORBIDDEN', 'VALIDATION', 'CONFLICT'].includes(outcome)) answered.push(`${sql} → ${outcome}`);
    }
    expect(answered).to.deep.equal([]);
    expect(await snapshot()).to.equal(before);
    // and normal writes still work afterwards (the guard is off again, query_only too)
    const tag = await w.api.createTag({ name: 'after' });
    expect(tag.value.name).to.equal('after');
    expect((await w.api.checkIntegrity()).ok).to.equal(true);
  });
});

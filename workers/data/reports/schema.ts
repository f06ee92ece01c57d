// The reports' schema (issue 9): migrations v6 and v7, listed in order in workers/data/database/migrations.ts (a new one is
// appended there), kept here beside the analytics code that reads and writes these tables.

// v6: report roll-ups (issue 9). Per-local-day summaries of the sessions, so a report over years reads thousands of
// rows instead of hundreds of thousands. The spans changes touched are read from the undo journal, or marked in
// report_dirty by what the journal does not see (workers/data/reports/dirty.ts); the worker recomputes those days
// before the next report (reports/rollup.ts), and rebuilds everything when the time zone or report rounding changes.
export const REPORTS_V6_ROLLUPS = `
  CREATE TABLE report_days (
    day        INTEGER NOT NULL,
    project_id TEXT NOT NULL,    -- '' no project
    billable   INTEGER NOT NULL,
    class      INTEGER NOT NULL, -- 2 productive, 1 neutral, 0 distracting (project's class, a tag's overrides)
    ms         INTEGER NOT NULL,
    rounded_ms INTEGER NOT NULL,
    sessions   INTEGER NOT NULL,
    PRIMARY KEY (day, project_id, billable, class)
  ) WITHOUT ROWID;
  CREATE TABLE report_tag_days (
    day        INTEGER NOT NULL,
    tag_id     TEXT NOT NULL,
    project_id TEXT NOT NULL,
    billable   INTEGER NOT NULL,
    class      INTEGER NOT NULL,
    ms         INTEGER NOT NULL,
    rounded_ms INTEGER NOT NULL,
    sessions   INTEGER NOT NULL,
    PRIMARY KEY (day, tag_id, project_id, billable, class)
  ) WITHOUT ROWID;
  CREATE TABLE report_hours (
    day           INTEGER NOT NULL,
    hour          INTEGER NOT NULL,
    ms            INTEGER NOT NULL,
    productive_ms INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
  ) WITHOUT ROWID;
  CREATE TABLE report_day_stats (
    day        INTEGER PRIMARY KEY NOT NULL,
    sessions   INTEGER NOT NULL,
    short      INTEGER NOT NULL, -- sessions under 5 minutes of work
    switches   INTEGER NOT NULL, -- a session on another project than the one before it that day
    longest_ms INTEGER NOT NULL,
    worked_ms  INTEGER NOT NULL
  ) WITHOUT ROWID;
  -- the same per calendar month (day = the month's first day number), so a report over years reads a few thousand
  -- rows; hours there are hours of the week (weekday * 24 + hour), and day stats count the days they sum
  CREATE TABLE report_days_m (
    day INTEGER NOT NULL, project_id TEXT NOT NULL, billable INTEGER NOT NULL, class INTEGER NOT NULL,
    ms INTEGER NOT NULL, rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL,
    PRIMARY KEY (day, project_id, billable, class)
  ) WITHOUT ROWID;
  CREATE TABLE report_tag_days_m (
    day INTEGER NOT NULL, tag_id TEXT NOT NULL, project_id TEXT NOT NULL, billable INTEGER NOT NULL,
    class INTEGER NOT NULL, ms INTEGER NOT NULL, rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL,
    PRIMARY KEY (day, tag_id, project_id, billable, class)
  ) WITHOUT ROWID;
  CREATE TABLE report_hours_m (
    day INTEGER NOT NULL, hour INTEGER NOT NULL, ms INTEGER NOT NULL, productive_ms INTEGER NOT NULL,
    PRIMARY KEY (day, hour)
  ) WITHOUT ROWID;
  CREATE TABLE report_day_stats_m (
    day INTEGER PRIMARY KEY NOT NULL, days INTEGER NOT NULL, sessions INTEGER NOT NULL, short INTEGER NOT NULL,
    switches INTEGER NOT NULL, longest_ms INTEGER NOT NULL, worked_ms INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE report_dirty (from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL);
  CREATE TABLE report_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
  -- every existing session needs summarising once
  INSERT INTO report_dirty SELECT min(start_time), max(COALESCE(end_time, start_time)) FROM activities HAVING count(*) > 0;

  `;

// v7: baked report tables (reports/baked.ts): per day and per name × month / year, with rates and currencies
// applied, so grouping years of history by day, week or name reads a row per day or name. Marked month by month;
// the first report after this migration bakes every month the roll-up holds (no 'rates' stored yet).
export const REPORTS_V7_BAKED = `
  CREATE TABLE report_day_totals (
    day INTEGER NOT NULL, currency TEXT NOT NULL, ms INTEGER NOT NULL, rounded_ms INTEGER NOT NULL,
    billable_ms INTEGER NOT NULL, billable_rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL,
    amount REAL NOT NULL, -- sum of billable rounded ms × hourly rate (divided by 3,600,000 per report)
    PRIMARY KEY (day, currency)
  ) WITHOUT ROWID;
  CREATE TABLE report_names_m (
    day INTEGER NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL, ms INTEGER NOT NULL, rounded_ms INTEGER NOT NULL,
    billable_ms INTEGER NOT NULL, billable_rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL, amount REAL NOT NULL,
    PRIMARY KEY (day, name, currency)
  ) WITHOUT ROWID;
  CREATE TABLE report_names_y (
    day INTEGER NOT NULL, name TEXT NOT NULL, currency TEXT NOT NULL, ms INTEGER NOT NULL, rounded_ms INTEGER NOT NULL,
    billable_ms INTEGER NOT NULL, billable_rounded_ms INTEGER NOT NULL, sessions INTEGER NOT NULL, amount REAL NOT NULL,
    PRIMARY KEY (day, name, currency)
  ) WITHOUT ROWID;
  CREATE TABLE report_baked_dirty (month INTEGER PRIMARY KEY NOT NULL);
  `;

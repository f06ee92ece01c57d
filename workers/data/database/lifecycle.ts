import type { OpenInfo } from '../../../shared/data-contract.ts';
import type { Core } from '../owner/core.ts';
import { migrateSettings, settingsNeedMigration } from '../settings/settings.ts';
import type { Database } from '../storage/sqlite.ts';
import { makeBackup } from './backups.ts';
import { openDatabase } from './open-database.ts';

/** Opening and closing the owned file (OpenInfo says ready or recovery). */
export class Lifecycle {
  constructor(private readonly core: Core) {}

  /** Opens `name` for this owner; answers 'recovery' (not an error) when the file needs the user. */
  openFile(name: string): Promise<OpenInfo> {
    return this.core.serial(() => this.openNow(name));
  }

  /** The open itself, for callers already inside the queue (restore, start fresh). */
  async openNow(name: string): Promise<OpenInfo> {
    const core = this.core;
    {
      core.name = name;
      const outcome = await openDatabase(name, core.clock(), {
        beforeMigration: async (db: Database) => {
          await makeBackup(db, name, 'pre-migration', core.clock());
        },
      });
      const base = { vfs: 'OPFSCoopSyncVFS', role: 'owner' as const, origin: core.changes.origin };
      if (outcome.ok) {
        core.db = outcome.db;
        const db = outcome.db;
        if (await settingsNeedMigration(db)) await db.transaction(() => migrateSettings(db, core.clock()));
        core.scheduleCheckpoint();
        core.info = {
          ...base,
          status: 'ready',
          problem: null,
          created: outcome.created,
          schemaVersion: outcome.schemaVersion,
          sqliteVersion: outcome.db.sqliteVersion,
        };
      } else {
        core.db = null;
        core.info = {
          ...base,
          status: 'recovery',
          problem: outcome.problem,
          created: false,
          schemaVersion: 0,
          sqliteVersion: '',
        };
      }
      return core.info;
    }
  }

  close(): Promise<void> {
    return this.core.serial(async () => {
      await this.core.db?.close();
      this.core.db = null;
      this.core.info = null;
    });
  }
}

import type { DataApi, ReportsApi } from '../../../shared/data-contract.ts';
import { ReportInputSchema, ReportRowsInputSchema } from '../../../shared/reports.ts';
import { TimeRangeSchema } from '../../../shared/session.ts';
import { parse } from '../../../shared/validate.ts';
import type { Core } from '../owner/core.ts';
import { readSettings } from '../settings/settings.ts';
import { totalsByProjectDay } from './day-totals.ts';
import { dayNumberOf, dayStartMs } from './days.ts';
import { reportRows } from './detail.ts';
import { buildReport } from './report.ts';
import { pendingSessions, refreshStep } from './rollup.ts';

/** Quiet time after the last write before the roll-up catches up in the background. */
const CATCH_UP_IDLE_MS = 1_000;
/** Aim of one catch-up step; the days per step adapt to it (a timer commit waits at most about this long). */
const STEP_TARGET_MS = 50;
/** A step has a fixed cost (offsets, month re-sums, the look-back scan): fewer days than this would only add steps. */
const MIN_STEP_DAYS = 7;
/** More sessions than this left to summarise (a few hundred ms of work): the report does not wait for the roll-up. */
const MAX_WAIT_SESSIONS = 5_000;

/** Reports: every figure summed in SQL here; the UI gets one answer per view and pages of the detailed table. */
export class ReportsHandlers implements ReportsApi {
  #stepDays = 31;
  #catching: Promise<void> | null = null;
  /** why the last background catch-up stopped, shown in the next report's notes (it is retried) */
  #failure: string | null = null;
  #idle: ReturnType<typeof setTimeout> | null = null;
  /** Reports were asked for in this worker's life: only then is the roll-up kept up in the background. */
  #used = false;

  constructor(private readonly core: Core) {
    core.afterWrite.add(() => {
      // an import into a window that never opens Reports must not start a build behind its timer commits
      if (!this.#used) return;
      if (this.#idle) clearTimeout(this.#idle);
      this.#idle = setTimeout(() => {
        this.#idle = null;
        void this.#catchUp(); // the next report retries, and reports the error
      }, CATCH_UP_IDLE_MS);
    });
  }

  /**
   * Brings the roll-up up to date in steps, each its own call through the core queue: calls sent meanwhile (a timer
   * start from another window) run between steps instead of waiting for a whole build.
   */
  #catchUp(): Promise<void> {
    this.#catching ??= (async () => {
      try {
        for (;;) {
          const done = await this.core.read(async (db) => {
            const { reportRounding } = await readSettings(db, this.core.onBadSetting);
            const t = performance.now();
            const step = await refreshStep(db, reportRounding, this.#stepDays);
            const ms = performance.now() - t;
            if (step.days > 0 && (ms > STEP_TARGET_MS || step.days >= this.#stepDays)) {
              this.#stepDays = Math.max(
                MIN_STEP_DAYS,
                Math.min(366, Math.round(step.days * Math.min(2, STEP_TARGET_MS / Math.max(1, ms)))),
              );
            }
            return step.done;
          });
          if (done) return;
          await new Promise((resolve) => setTimeout(resolve, 0)); // lets queued messages in between steps
        }
      } catch (error) {
        this.#failure = error instanceof Error ? error.message : String(error);
      } finally {
        this.#catching = null;
      }
    })();
    return this.#catching;
  }

  totalsByProjectDay(range: Parameters<DataApi['totalsByProjectDay']>[0]) {
    const parsed = parse(TimeRangeSchema, range, 'time range');
    return this.core.read((db) => totalsByProjectDay(db, parsed, this.core.clock()));
  }

  async report(input: Parameters<DataApi['report']>[0]) {
    const p = parse(ReportInputSchema, input, 'report request');
    this.#used = true;
    // after an import (or a new time zone or rounding) the roll-up has much to build: this report is summed from the
    // sessions meanwhile and the build goes on in steps behind it. A few pending are summed inside this call (never
    // waiting on the stepped catch-up, which timer commits from another window could keep busy as long as they come).
    const { report, building } = await this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      const building = (await pendingSessions(db, settings.reportRounding, MAX_WAIT_SESSIONS)) > MAX_WAIT_SESSIONS;
      const request = { from: p.from, to: p.to, filters: p.filters, groupBy: p.groupBy, subGroupBy: p.subGroupBy };
      return { building, report: await buildReport(db, request, settings, this.core.clock(), !building) };
    });
    if (this.#failure)
      report.notes.push(`Summaries could not be brought up to date in the background (${this.#failure}); retrying.`);
    this.#failure = null;
    if (building || report.catchingUp) void this.#catchUp();
    return report;
  }

  reportRows(input: Parameters<DataApi['reportRows']>[0]) {
    const p = parse(ReportRowsInputSchema, input, 'rows request');
    return this.core.read(async (db) => {
      const settings = await readSettings(db, this.core.onBadSetting);
      return reportRows(
        db,
        dayStartMs(dayNumberOf(p.from)),
        dayStartMs(dayNumberOf(p.to) + 1),
        p.filters,
        settings.reportRounding,
        this.core.clock(),
        p.sort,
        p.descending,
        p.offset,
        p.limit,
      );
    });
  }
}

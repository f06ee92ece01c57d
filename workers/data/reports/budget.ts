import type { BudgetBurn } from '../../../shared/reports.ts';
import type { Database } from '../storage/sqlite.ts';
import { dayNumberToKey, localDay } from './days.ts';
import { TREE_CTE } from './filters.ts';

/**
 * Budget burn-down of every live project with a budget (its sub-projects count toward it): cumulative spent time per
 * month ('total') or per day of the current month ('month'), and the day it runs out at the last 30 days' pace.
 * Read from the roll-up, so it costs a few thousand rows whatever the history.
 */
export async function budgets(db: Database, now: number): Promise<BudgetBurn[]> {
  const projects = await db.all<{
    id: string;
    name: string;
    color: string;
    budget_minutes: number;
    budget_period: string | null;
  }>(
    `SELECT id, name, color, budget_minutes, budget_period FROM projects WHERE deleted_at IS NULL AND budget_minutes IS NOT NULL`,
  );
  if (projects.length === 0) return [];
  const today = localDay(now);
  const monthStart = today - new Date(today * 86_400_000).getUTCDate() + 1;
  const out: BudgetBurn[] = [];
  for (const p of projects) {
    const period = p.budget_period === 'month' ? 'month' : 'total';
    const sub = `WITH RECURSIVE ${TREE_CTE}, mine(id) AS (SELECT :id UNION SELECT p.id FROM projects p JOIN mine ON p.parent_id = mine.id)`;
    const args = { ':id': p.id, ':m0': monthStart, ':today': today };
    const points =
      period === 'total'
        ? await db.all<{ k: string; ms: number }>(
            `${sub} SELECT strftime('%Y-%m', day * 86400, 'unixepoch') AS k, sum(ms) AS ms FROM (
             SELECT day, ms FROM report_days_m WHERE project_id IN (SELECT id FROM mine) AND day < :m0
             UNION ALL SELECT day, ms FROM report_days WHERE project_id IN (SELECT id FROM mine) AND day >= :m0)
           GROUP BY 1 ORDER BY 1`,
            args,
          )
        : await db.all<{ k: number; ms: number }>(
            `${sub} SELECT day AS k, sum(ms) AS ms FROM report_days WHERE project_id IN (SELECT id FROM mine)
             AND day BETWEEN :m0 AND :today GROUP BY 1 ORDER BY 1`,
            args,
          );
    const recent = (await db.get<{ ms: number }>(
      `${sub} SELECT COALESCE(sum(ms), 0) AS ms FROM report_days WHERE project_id IN (SELECT id FROM mine) AND day > :today - 30 AND day <= :today`,
      args,
    ))!.ms;
    let spent = 0;
    const cumulative = points.map((pt) => ({
      key: period === 'total' ? String(pt.k) : dayNumberToKey(Number(pt.k)),
      spentMs: (spent += pt.ms),
    }));
    const budgetMs = p.budget_minutes * 60_000;
    const remaining = budgetMs - spent;
    const pace = period === 'total' ? recent / 30 : spent / Math.max(1, today - monthStart + 1);
    let runOutDay: string | null = null;
    if (remaining > 0 && pace > 0) {
      const day = today + Math.ceil(remaining / pace);
      const monthEnd =
        monthStart +
        new Date(
          Date.UTC(new Date(today * 86_400_000).getUTCFullYear(), new Date(today * 86_400_000).getUTCMonth() + 1, 0),
        ).getUTCDate() -
        1;
      if (period === 'total' || day <= monthEnd) runOutDay = dayNumberToKey(day);
    }
    out.push({
      projectId: p.id,
      label: p.name,
      color: p.color,
      period,
      budgetMs,
      spentMs: spent,
      points: cumulative,
      runOutDay,
      over: remaining < 0,
    });
  }
  return out;
}

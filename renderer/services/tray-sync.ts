import type { Session } from '../../shared/session.ts';
import type { Shell, TrayState } from '../../shared/shell-contract.ts';
import type { TimerModel } from '../state/timer-model.ts';
import type { DataClient } from './data-client.ts';

const WEEK_MS = 7 * 86_400_000;

/** The last five distinct things worked on (by name and project), newest first, the running one left out. */
export function recentToContinue(sessions: readonly Session[], runningId: string | null): TrayState['recent'] {
  const seen = new Set<string>();
  const out: TrayState['recent'] = [];
  for (const s of [...sessions].sort((a, b) => b.startTime - a.startTime)) {
    const key = `${s.name.trim().toLowerCase()}\u0000${s.projectId ?? ''}`;
    if (s.id === runningId || seen.has(key)) continue;
    seen.add(key);
    out.push({ id: s.id, name: s.name.slice(0, 500) });
    if (out.length === 5) break;
  }
  return out;
}

/**
 * Keeps the tray (Electron) in step with this window: the running session and the last five to continue, sent on
 * every change; the tray's commands (stop, continue) come back here, where the data is. The web shell ignores both.
 */
export function syncTray(shell: Shell, client: DataClient, timer: TimerModel, now: () => number = Date.now) {
  let sent = '';
  const send = async () => {
    const running = timer.$running.get();
    const to = now() + 60_000;
    const { sessions } = await client.data.sessionsInRange({ from: to - WEEK_MS, to, limit: 2000 });
    const state: TrayState = {
      running: running
        ? {
            name: running.name.slice(0, 500),
            startTime: running.startTime,
            pausedMs: running.pausedMs,
            pauseStartedAt: running.pauseStartedAt,
          }
        : null,
      recent: recentToContinue(sessions, running?.id ?? null),
    };
    const text = JSON.stringify(state);
    if (text !== sent) shell.setTrayState(state);
    sent = text;
  };
  const run = () => void send().catch(() => undefined); // the tray can wait for the next change
  const stops = [
    timer.$running.listen(run),
    client.watch(['activities'], run),
    shell.onTrayCommand((command) => {
      if (command.kind === 'stop') void timer.stop();
      else void client.data.continueSession({ id: command.id }).then(() => timer.reload());
    }),
  ];
  run();
  return () => stops.forEach((stop) => stop());
}

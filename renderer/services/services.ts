import type { Shell } from '../../shared/shell-contract.ts';
import { TimerModel } from '../state/timer-model.ts';
import { DayModel } from '../views/day/day-model.ts';
import { syncAiEndpoints } from './ai-endpoints-sync.ts';
import { AwayService, type AwayOptions } from './away/away-service.ts';
import { DataClient, type DataClientOptions } from './data-client.ts';
import { DatabaseService } from './database.ts';
import { DiagnosticsService } from './diagnostics.ts';
import { Lifecycle, type LifecycleOptions } from './lifecycle.ts';
import { SettingsService } from './settings.ts';
import { UndoService } from './undo.ts';

/** Everything a window's components are given through context. */
export interface AppServices {
  shell: Shell;
  client: DataClient;
  database: DatabaseService;
  diagnostics: DiagnosticsService;
  lifecycle: Lifecycle;
  timer: TimerModel;
  /** the Day view's day, sessions and selection */
  day: DayModel;
  undo: UndoService;
  /** the settings every window shares, applied live (theme, formats) */
  settings: SettingsService;
  /** away time: presence sources, the heartbeat and the gaps waiting for review */
  away: AwayService;
}

export function createServices(
  shell: Shell,
  data: DataClientOptions,
  lifecycle: LifecycleOptions = {},
  away: AwayOptions = {},
): AppServices {
  const client = new DataClient(data);
  const database = new DatabaseService(client);
  const timer = new TimerModel(client);
  const day = new DayModel(client, timer);
  const undo = new UndoService(client);
  const settings = new SettingsService(client);
  syncAiEndpoints(shell, settings);
  // Leaving recovery (start fresh, or a restore seen before the reload) makes the window's data readable again.
  let previous = database.$mode.get();
  database.$mode.listen((mode) => {
    if (mode === 'ready' && (previous === 'recovery' || previous === 'failed')) {
      void timer.reload();
      void day.reload();
      void undo.refresh();
      void settings.reload();
    }
    previous = mode;
  });
  return {
    shell,
    client,
    database,
    diagnostics: new DiagnosticsService(client),
    lifecycle: new Lifecycle(lifecycle),
    timer,
    day,
    undo,
    settings,
    away: new AwayService(client, shell, timer, settings, away),
  };
}

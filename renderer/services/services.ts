import type { Shell } from '../../shared/shell-contract.ts';
import { TimerModel } from '../state/timer-model.ts';
import { DataClient, type DataClientOptions } from './data-client.ts';
import { DatabaseService } from './database.ts';
import { DiagnosticsService } from './diagnostics.ts';
import { Lifecycle, type LifecycleOptions } from './lifecycle.ts';
import { SettingsService } from './settings.ts';

/** Everything a window's components are given through context. */
export interface AppServices {
  shell: Shell;
  client: DataClient;
  database: DatabaseService;
  diagnostics: DiagnosticsService;
  lifecycle: Lifecycle;
  timer: TimerModel;
  /** the settings every window shares, applied live (theme, formats) */
  settings: SettingsService;
}

export function createServices(shell: Shell, data: DataClientOptions, lifecycle: LifecycleOptions = {}): AppServices {
  const client = new DataClient(data);
  const database = new DatabaseService(client);
  const timer = new TimerModel(client);
  const settings = new SettingsService(client);
  // Leaving recovery (start fresh, or a restore seen before the reload) makes the timer's data readable again.
  let previous = database.$mode.get();
  database.$mode.listen((mode) => {
    if (mode === 'ready' && (previous === 'recovery' || previous === 'failed')) void timer.reload();
      void settings.reload();
    previous = mode;
  });
  return {
    shell,
    client,
    database,
    diagnostics: new DiagnosticsService(client),
    lifecycle: new Lifecycle(lifecycle),
    timer,
    settings,
  };
}

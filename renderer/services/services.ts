import type { Shell } from '../../shared/shell-contract.ts';
import { TimerModel } from '../state/timer-model.ts';
import { DataClient, type DataClientOptions } from './data-client.ts';

/** Everything a window's components are given through context. */
export interface AppServices {
  shell: Shell;
  client: DataClient;
  timer: TimerModel;
}

export function createServices(shell: Shell, data: DataClientOptions): AppServices {
  const client = new DataClient(data);
  return { shell, client, timer: new TimerModel(client) };
}

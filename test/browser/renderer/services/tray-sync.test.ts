import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { syncTray } from '../../../../renderer/services/tray-sync.ts';
import { createWebShell } from '../../../../renderer/shell/web-shell.ts';
import { TimerModel } from '../../../../renderer/state/timer-model.ts';
import type { Shell, TrayCommand, TrayState } from '../../../../shared/shell-contract.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

const MIN = 60_000;

describe('the tray follows the window (Electron side in test/node): state out, commands in', () => {
  it('sends the running session and the last five distinct ones; stop and continue act on the data', async () => {
    const client = new DataClient({ workerUrl, dbName: uniqueDbName('tray') });
    const states: TrayState[] = [];
    let command: (c: TrayCommand) => void = () => undefined;
    const shell: Shell = {
      ...createWebShell(),
      setTrayState: (s) => void states.push(s),
      onTrayCommand: (l) => ((command = l), () => undefined),
    };
    const timer = new TimerModel(client);
    const stopTimer = timer.connect();
    await client.start();
    const T = Date.now() - 10 * 60 * MIN;
    for (const [i, name] of ['Emails', 'Standup', 'Emails', 'Review', 'Design', 'Docs', 'Planning'].entries())
      await client.data.addSession({ name, startTime: T + i * 30 * MIN, endTime: T + i * 30 * MIN + 20 * MIN });
    await client.data.startTimer({ name: 'Write report' });
    const stop = syncTray(shell, client, timer);
    try {
      await until(() => states.at(-1)?.running?.name === 'Write report', 'running sent');
      expect(states.at(-1)!.recent.map((r) => r.name)).to.deep.equal([
        'Planning',
        'Docs',
        'Design',
        'Review',
        'Emails',
      ]);
      command({ kind: 'stop' });
      await until(() => states.at(-1)?.running === null, 'stopped');
      expect(await client.data.runningTimer()).to.equal(null);
      const docs = states.at(-1)!.recent.find((r) => r.name === 'Docs')!;
      command({ kind: 'continue', id: docs.id });
      await until(() => states.at(-1)?.running?.name === 'Docs', 'continued');
      const count = states.length;
      await timer.reload();
      await new Promise((r) => setTimeout(r, 200));
      expect(states.length, 'an unchanged state is not sent again').to.equal(count);
    } finally {
      stop();
      stopTimer();
      client.dispose();
    }
  });
});

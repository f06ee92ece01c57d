import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { SettingsService } from '../../../../renderer/services/settings.ts';
import { syncQuickEntryShortcut } from '../../../../renderer/services/shortcut-sync.ts';
import { createWebShell } from '../../../../renderer/shell/web-shell.ts';
import type { Shell, ShortcutStatus } from '../../../../shared/shell-contract.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { until as waitFor } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

describe('the quick-entry shortcut follows Settings (main process reached through the shell)', () => {
  it('moves the shortcut when the setting changes, and says so when it cannot be registered', async () => {
    const client = new DataClient({ workerUrl, dbName: uniqueDbName('shortcut') });
    const settings = new SettingsService(client, null);
    const asked: string[] = [];
    // Electron's side as the shell contract describes it; the main process itself is tested in test/node
    const shell: Shell = {
      ...createWebShell(),
      quickEntryShortcut: async () => ({
        accelerator: 'CommandOrControl+Shift+Space',
        registered: true,
        message: null,
      }),
      setQuickEntryShortcut: async (accelerator: string): Promise<ShortcutStatus> => {
        asked.push(accelerator);
        return accelerator === 'Alt+Q'
          ? { accelerator, registered: true, message: null }
          : {
              accelerator,
              registered: false,
              message: `The quick-entry shortcut ${accelerator} could not be registered`,
            };
      },
    };
    const notices: ShortcutStatus[] = [];
    const stopSettings = settings.connect();
    await client.start();
    const stop = syncQuickEntryShortcut(shell, settings, (s) => notices.push(s));
    try {
      await waitFor(() => settings.$loaded.get());
      expect(asked, 'the default is already in place').to.deep.equal([]);
      await client.data.updateSettings({ quickEntryShortcut: 'Alt+Q' });
      await waitFor(() => asked.length === 1);
      expect(asked).to.deep.equal(['Alt+Q']);
      expect(notices).to.deep.equal([]);
      await client.data.updateSettings({ quickEntryShortcut: 'Alt+W' });
      await waitFor(() => notices.length === 1);
      expect(notices[0]!.message).to.contain('Alt+W could not be registered');
    } finally {
      stop();
      stopSettings();
      client.dispose();
    }
  });
});

// Quick-entry window: a stub until the quick-entry issue lands. It already owns its own data worker, which is what
// the shared-database design (OPFSCoopSyncVFS) is for.
import { DataClient } from './services/data-client.ts';
import { DiagnosticsService } from './services/diagnostics.ts';
import { Lifecycle } from './services/lifecycle.ts';
import { SettingsService } from './services/settings.ts';
import { reportWindowErrors } from './services/window-errors.ts';

const client = new DataClient({ workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
const diagnostics = new DiagnosticsService(client);
reportWindowErrors({ source: 'window:quick-entry', report: (input) => diagnostics.reportError(input) });
new Lifecycle().listen(); // a restore swaps the database under every window: this one reloads too
void client.start();
// The theme (and later the formats) follow the shared settings live, as in the main window.
new SettingsService(client).connect();
const input = document.createElement('input');
input.placeholder = 'Quick entry (coming soon)';
input.setAttribute('aria-label', 'Quick entry');
document.body.append(input);
input.focus();

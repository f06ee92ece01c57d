// The quick-entry window: one line, focused at once. It owns its own data worker (the shared-database design);
// writes reach the main window through the worker's change broadcast.
import { DataClient } from './services/data-client.ts';
import { DiagnosticsService } from './services/diagnostics.ts';
import { Lifecycle } from './services/lifecycle.ts';
import { followTheme } from './services/theme.ts';
import { reportWindowErrors } from './services/window-errors.ts';

import './views/quick-entry/lt-quick-entry.ts';

// The Electron bridge when present; the web shell's secrets and presence are not needed here (and not loaded).
const hideWindow = () =>
  window.lighttrack ? window.lighttrack.shell.hideQuickEntry() : window.opener && window.close();
const client = new DataClient({ workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
const diagnostics = new DiagnosticsService(client);
reportWindowErrors({ source: 'window:quick-entry', report: (input) => diagnostics.reportError(input) });
new Lifecycle().listen(); // a restore swaps the database under every window: this one reloads too
void client.start();

// The theme (and later the formats) follow the shared settings live, as in the main window.
followTheme(client);
const entry = document.createElement('lt-quick-entry');
entry.client = client;
// the script is async (the page paints and focuses its early input without waiting for it): mount once parsed
const mount = () => {
  const early = document.getElementById('early-entry') as HTMLInputElement | null;
  document.body.append(entry);
  void entry.updateComplete.then(() => {
    entry.adoptText(early?.value ?? '');
    early?.remove();
    entry.focus();
  });
};
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount, { once: true });
else mount();

const hide = () => {
  entry.reset();
  hideWindow();
};
entry.addEventListener('lt-quick-entry-dismiss', hide);
entry.addEventListener('lt-quick-entry-done', hide);
// shown again (Electron re-shows the pre-warmed window): a fresh, focused line
document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && entry.focus());
window.addEventListener('focus', () => entry.focus());

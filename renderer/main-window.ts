import { createServices } from './services/services.ts';
import { syncQuickEntryShortcut } from './services/shortcut-sync.ts';
import { reportWindowErrors } from './services/window-errors.ts';
import { detectShell } from './shell/index.ts';

import './components/lt-app.ts';
import './views/quick-entry/lt-shortcut-notice.ts';

// The data worker is built next to this bundle (see rollup.config.mjs).
const shell = detectShell();
const services = createServices(shell, { workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
reportWindowErrors({ source: 'window:main', report: (input) => services.diagnostics.reportError(input) });
services.lifecycle.listen();
const app = document.createElement('lt-app');
app.services = services;
document.body.append(app);
// the global shortcut lives in Electron's main process, on the accelerator in Settings; if it could not be
// registered, say so here
const notice = document.createElement('lt-shortcut-notice');
document.body.prepend(notice);
syncQuickEntryShortcut(shell, services.settings, (status) => {
  notice.message = status.message ?? `The quick-entry shortcut ${status.accelerator} could not be registered.`;
});
void services.client.start();
void app.focusStartField();
// After the first paint, when the window is idle: a quick integrity check, then today's scheduled backup.
requestAnimationFrame(() => services.database.checkWhenIdle());

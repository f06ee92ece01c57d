import { detectShell } from './shell/index.ts';
import { createServices } from './services/services.ts';
import { reportWindowErrors } from './services/window-errors.ts';
import './components/lt-app.ts';

// The data worker is built next to this bundle (see rollup.config.mjs).
const services = createServices(detectShell(), { workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
reportWindowErrors({ source: 'window:main', report: (input) => services.diagnostics.reportError(input) });
services.lifecycle.listen();
const app = document.createElement('lt-app');
app.services = services;
document.body.append(app);
void services.client.start();
// After the first paint, when the window is idle: a quick integrity check, then today's scheduled backup.
requestAnimationFrame(() => services.database.checkWhenIdle());

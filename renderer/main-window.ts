import { detectShell } from './shell/index.ts';
import { createServices } from './services/services.ts';
import './components/lt-app.ts';

// The data worker is built next to this bundle (see rollup.config.mjs).
const services = createServices(detectShell(), { workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
const app = document.createElement('lt-app');
app.services = services;
document.body.append(app);
void services.client.start();

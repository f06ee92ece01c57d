// Quick-entry window: a stub until the quick-entry issue lands. It already owns its own data worker, which is what
// the shared-database design (OPFSCoopSyncVFS) is for.
import { DataClient } from './services/data-client.ts';

const client = new DataClient({ workerUrl: new URL('./workers/data-worker.js', import.meta.url) });
void client.start();
const input = document.createElement('input');
input.placeholder = 'Quick entry (coming soon)';
input.setAttribute('aria-label', 'Quick entry');
document.body.append(input);
input.focus();

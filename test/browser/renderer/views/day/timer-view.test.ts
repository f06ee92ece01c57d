import { expect } from 'chai';

import '../../../../../renderer/components/lt-app.ts';

import type { LtApp } from '../../../../../renderer/components/lt-app.ts';
import { createServices, type AppServices } from '../../../../../renderer/services/services.ts';
import { createWebShell } from '../../../../../renderer/shell/web-shell.ts';
import { expectAccessible, useAppStyles } from '../../../harness/a11y.ts';
import { deep, deepAll } from '../../../harness/app-harness.ts';
import { crashAsAnotherWindowChanges, openOtherWindow } from '../../../harness/live-harness.ts';
import { until } from '../../../harness/wait.ts';
import { rejection, uniqueDbName } from '../../../harness/worker-harness.ts';

const workerUrl = new URL('../../../../../workers/data/data-worker.ts', import.meta.url);

function mount(dbName: string, url: URL = workerUrl): { app: LtApp; services: AppServices } {
  const services = createServices(createWebShell(), { workerUrl: url, dbName });
  const app = document.createElement('lt-app');
  app.services = services;
  document.body.append(app);
  return { app, services };
}

function unmount({ app, services }: { app: LtApp; services: AppServices }) {
  app.remove();
  services.client.dispose();
}

const bar = (app: LtApp) => deep(app, 'lt-timer-bar')!;
const list = (app: LtApp) => deep(app, 'lt-session-list')!;
const rows = (app: LtApp) => deepAll<HTMLLIElement>(app, 'lt-session-list', 'li');

async function startTimer(app: LtApp, name: string, project = '') {
  await until(() => deep(app, 'lt-timer-bar', 'input'), 'timer bar');
  const root = bar(app).shadowRoot!;
  root.querySelector<HTMLInputElement>('input[name="name"]')!.value = name;
  root.querySelector<HTMLInputElement>('input[name="project"]')!.value = project;
  root.querySelector<HTMLButtonElement>('button.start')!.click();
}

function stopButton(app: LtApp): HTMLButtonElement | null {
  return bar(app).shadowRoot!.querySelector<HTMLButtonElement>('button.stop');
}

describe('timer view (Lit components + real data worker)', () => {
  let mounted: ReturnType<typeof mount>;
  let dbName: string;
  beforeEach(() => {
    dbName = uniqueDbName('view');
    mounted = mount(dbName);
  });
  afterEach(() => unmount(mounted));

  it('starts a timer with a new project, shows it running with a live clock, and stops it', async () => {
    const { app, services } = mounted;
    await until(() => list(app)?.shadowRoot!.textContent!.includes('Nothing tracked yet today'), 'empty day');

    await startTimer(app, 'Write report', 'Client X');
    await until(() => rows(app).length === 1, 'one session row');
    const row = rows(app)[0]!;
    expect(row.classList.contains('running')).to.equal(true);
    expect(row.textContent).to.contain('Write report');
    expect(row.textContent).to.contain('Client X');
    expect(bar(app).shadowRoot!.textContent).to.contain('Running');
    expect(services.timer.$projects.get().map((p) => p.name)).to.deep.equal(['Client X']);

    const clock = () => bar(app).shadowRoot!.querySelector('.clock')!.textContent;
    const first = clock();
    await until(() => clock() !== first, 'clock to tick', 3000);

    stopButton(app)!.click();
    await until(() => !rows(app)[0]!.classList.contains('running'), 'session to stop');
    expect(stopButton(app)).to.equal(null);
    expect(await services.client.data.runningTimer()).to.equal(null);
  });

  it('shows the running timer in the window title and answers the S, P and N keys', async () => {
    const { app, services } = mounted;
    await startTimer(app, 'Keyboard');
    await until(() => stopButton(app), 'running timer');
    await until(() => /^\d+:\d\d:\d\d · Keyboard — LightTrack$/.test(document.title), 'title with the timer');
    bar(app).shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!.blur(); // shortcuts act outside fields

    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true, composed: true }));
    await until(() => services.timer.$running.get()?.pauseStartedAt !== null, 'paused by P');
    // the row of a paused timer says it is paused, not "…–now" in the running style
    await until(() => rows(app)[0]!.classList.contains('paused'), 'row shows the pause');
    expect(rows(app)[0]!.classList.contains('running')).to.equal(false);
    expect(rows(app)[0]!.querySelector('.when')!.textContent).to.match(/–paused \d/);
    expect(rows(app)[0]!.getAttribute('aria-label')).to.contain('paused since');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'p', bubbles: true, composed: true }));
    await until(() => services.timer.$running.get()?.pauseStartedAt === null, 'resumed by P');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    await until(() => stopButton(app) === null, 'stopped by S');
    await until(() => document.title === 'LightTrack', 'plain title');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', bubbles: true, composed: true }));
    expect(bar(app).shadowRoot!.activeElement?.getAttribute('name')).to.equal('name');
  });

  it('ignores shortcut letters typed into a field', async () => {
    const { app, services } = mounted;
    await startTimer(app, 'Typing');
    await until(() => stopButton(app), 'running timer');
    const input = bar(app).shadowRoot!.querySelector<HTMLInputElement>('input[name="name"]')!;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 200));
    expect(services.timer.$running.get()?.name).to.equal('Typing');
  });

  it('shows the running timer again after the window is reopened', async () => {
    await startTimer(mounted.app, 'Survives reopen');
    await until(() => stopButton(mounted.app), 'running timer');
    unmount(mounted);

    mounted = mount(dbName);
    await until(() => stopButton(mounted.app), 'running timer after reopen');
    const row = await until(() => rows(mounted.app)[0], 'the session row after reopen');
    expect(row.textContent).to.contain('Survives reopen');
  });

  it('recovers from the data worker dying: a new worker starts and the timer is still running', async () => {
    const { app, services } = mounted;
    await startTimer(app, 'Survives crash');
    await until(() => stopButton(app), 'running timer');
    const before = services.client.worker;
    before!.terminate(); // what a crash looks like from the window
    await until(() => services.client.restarts === 1 && services.client.worker !== before, 'worker restart');
    await until(
      async () => (await services.client.data.runningTimer())?.name === 'Survives crash',
      'timer via new worker',
    );
    stopButton(app)!.click();
    await until(() => stopButton(app) === null, 'stopped through the new worker');
  });

  it('soft-deletes a session and undoes it', async () => {
    const { app, services } = mounted;
    await startTimer(app, 'Oops');
    await until(() => rows(app).length === 1, 'row');
    rows(app)[0]!.querySelector<HTMLButtonElement>('button.delete')!.click();
    await until(() => rows(app).length === 0, 'row removed');
    const undo = await until(() => app.shadowRoot!.querySelector<HTMLButtonElement>('.toast button'), 'undo toast');
    undo.click();
    await until(() => rows(app).length === 1, 'row restored');
    expect(services.timer.$running.get()?.name).to.equal('Oops');
  });

  it('shows a structured error and changes nothing when the input is invalid', async () => {
    const { app, services } = mounted;
    await until(() => services.timer.$loaded.get(), 'first load');
    await startTimer(app, 'x'.repeat(501));
    const alert = await until(() => app.shadowRoot!.querySelector('[role="alert"]'), 'error toast');
    expect(alert.textContent).to.match(/at most 500 characters/);
    expect(services.timer.$error.get()?.code).to.equal('VALIDATION');
    expect(rows(app).length).to.equal(0);
  });

  it('says so when the data worker cannot start, and retries with a fresh worker on the next call', async () => {
    unmount(mounted);
    mounted = mount(dbName, new URL('./no-such-worker.js', import.meta.url));
    const alert = await until(() => mounted.app.shadowRoot!.querySelector('[role="alert"]'), 'error toast');
    expect(alert.textContent).to.contain('data worker failed to start');
    expect(mounted.services.timer.$error.get()?.code).to.equal('UNAVAILABLE');
    await until(() => mounted.services.client.worker === null, 'failed worker dropped');
    const call = mounted.services.client.data.runningTimer();
    expect(mounted.services.client.worker).to.be.instanceOf(Worker); // a fresh attempt
    expect((await rejection(call)).code).to.equal('UNAVAILABLE');
  });

  it('refreshes when another window (another worker) changes the data', async () => {
    const { app, services } = mounted;
    await until(() => services.timer.$loaded.get(), 'first load');
    const other = createServices(createWebShell(), { workerUrl, dbName });
    try {
      await other.client.data.startTimer({ name: 'From quick entry', source: 'quick-entry' });
      await until(() => rows(app).some((r) => r.textContent!.includes('From quick entry')), 'row from other window');
    } finally {
      other.client.dispose();
    }
  });

  it('after its worker died, the timer bar and Undo show what another window did as it died', async () => {
    unmount(mounted);
    const other = await openOtherWindow(dbName);
    try {
      mounted = mount(dbName);
      const { app, services } = mounted;
      await until(() => services.timer.$loaded.get(), 'first load');
      await crashAsAnotherWindowChanges(services.client, other, (api) => api.startTimer({ name: 'Started elsewhere' }));
      await until(() => stopButton(app), 'the running timer in the bar');
      expect(services.timer.$running.get()?.name).to.equal('Started elsewhere');
      await until(() => services.undo.$state.get().undoCount === 1, 'Undo names the other window’s action');
    } finally {
      other.worker.terminate();
    }
  });

  it('passes axe with a timer running and with the error toast shown', async () => {
    useAppStyles();
    const { app } = mounted;
    await startTimer(app, 'Accessible', 'Client A');
    await until(() => stopButton(app), 'running timer');
    await expectAccessible(app);
    stopButton(app)!.click();
    await until(() => stopButton(app) === null, 'stopped');
    await startTimer(app, 'x'.repeat(501));
    await until(() => app.shadowRoot!.querySelector('[role="alert"]'), 'error toast');
    await expectAccessible(app);
  });
});

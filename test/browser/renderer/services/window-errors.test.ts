import { expect } from 'chai';

import { DataClient } from '../../../../renderer/services/data-client.ts';
import { DiagnosticsService } from '../../../../renderer/services/diagnostics.ts';
import { Lifecycle } from '../../../../renderer/services/lifecycle.ts';
import { reportWindowErrors } from '../../../../renderer/services/window-errors.ts';
import { LIFECYCLE_CHANNEL } from '../../../../shared/database.ts';
import type { ReportErrorInput } from '../../../../shared/error-log.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

/**
 * Fires an error event as the browser does for an uncaught throw: on the window (mocha's own handler set aside), or
 * on a stand-in target for the storms, which would otherwise flood the test runner's browser log.
 */
function fireError(
  error: Error,
  target: EventTarget = window,
  filename = 'app://lighttrack/main-window.js',
  lineno = 42,
) {
  const mochaHandler = window.onerror;
  window.onerror = null;
  try {
    target.dispatchEvent(
      new ErrorEvent('error', {
        message: `Uncaught ${error.name}: ${error.message}`,
        error,
        filename,
        lineno,
        colno: 7,
      }),
    );
  } finally {
    window.onerror = mochaHandler;
  }
}

function fireRejection(reason: unknown) {
  const promise = Promise.reject(reason);
  promise.catch(() => undefined); // handled here: only the event is simulated
  window.dispatchEvent(new PromiseRejectionEvent('unhandledrejection', { promise, reason }));
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("window error reporting (to the real data worker's error log)", () => {
  let client: DataClient;
  let diagnostics: DiagnosticsService;
  let stop: (() => void) | null = null;

  beforeEach(async () => {
    client = new DataClient({ workerUrl, dbName: uniqueDbName('window-errors') });
    diagnostics = new DiagnosticsService(client);
    await client.start();
  });
  afterEach(() => {
    stop?.();
    stop = null;
    client.dispose();
  });

  it("records uncaught errors and unhandled rejections with stack, file and line, under the window's source", async () => {
    stop = reportWindowErrors({ source: 'window:main', report: (input) => diagnostics.reportError(input) });
    fireError(new TypeError('x is not a function'));
    fireRejection(Object.assign(new Error('the server said no'), { code: 'CONFLICT' }));
    const log = await until(async () => {
      const page = await diagnostics.listErrors();
      return page.total === 2 ? page : null;
    }, 'two log entries');
    const [rejection, error] = log.entries;
    expect(error).to.include({
      code: 'WINDOW',
      source: 'window:main',
      message: 'Uncaught TypeError: x is not a function',
    });
    const details = JSON.parse(error!.details!) as { stack: string; filename: string; line: number };
    expect(details.filename).to.equal('app://lighttrack/main-window.js');
    expect(details.line).to.equal(42);
    expect(details.stack).to.contain('x is not a function');
    expect(rejection!.message).to.equal('Unhandled rejection: the server said no');
    expect(JSON.parse(rejection!.details!)).to.include({ errorCode: 'CONFLICT' });
  });

  it('names the quick-entry window, and describes odd rejection reasons without throwing', async () => {
    stop = reportWindowErrors({ source: 'window:quick-entry', report: (input) => diagnostics.reportError(input) });
    const hostile = {
      get message() {
        throw new Error('gotcha');
      },
      toString() {
        throw new Error('gotcha');
      },
    };
    fireRejection(hostile);
    fireRejection('plain text reason');
    const log = await until(async () => {
      const page = await diagnostics.listErrors();
      return page.total === 2 ? page : null;
    }, 'two log entries');
    expect(log.entries.map((e) => e.source)).to.deep.equal(['window:quick-entry', 'window:quick-entry']);
    expect(log.entries.map((e) => e.message)).to.have.members([
      'Unhandled rejection: plain text reason',
      'Unhandled rejection: an error that cannot be described',
    ]);
  });

  it('never reports its own failures, and an error raised while reporting is not reported again', async () => {
    let calls = 0;
    const target = new EventTarget() as Window;
    stop = reportWindowErrors({
      source: 'window:main',
      target,
      report: (input: ReportErrorInput) => {
        calls++;
        fireError(new Error('thrown while reporting'), target); // would loop forever if it were reported
        return calls === 1 ? Promise.reject(new Error('worker gone')) : diagnostics.reportError(input);
      },
    });
    fireError(new Error('first'), target);
    await wait(100); // the failed report's rejection was handled: no unhandledrejection feeds back in
    expect(calls).to.equal(1);
    fireError(new Error('second'), target);
    await until(async () => (await diagnostics.listErrors()).total === 1, 'the second error logged');
    expect(calls).to.equal(2);
    expect((await diagnostics.listErrors()).entries[0]!.message).to.contain('second');
  });

  it('sends at most 20 a minute, and says how many it dropped in the next one', async () => {
    let now = 1_000_000;
    const sent: ReportErrorInput[] = [];
    const target = new EventTarget() as Window;
    stop = reportWindowErrors({
      source: 'window:main',
      target,
      now: () => now,
      report: (input) => {
        sent.push(input);
        return diagnostics.reportError(input);
      },
    });
    for (let i = 0; i < 50; i++) fireError(new Error(`storm ${i}`), target);
    expect(sent).to.have.length(20);
    now += 60_000;
    fireError(new Error('after the storm'), target);
    expect(sent).to.have.length(21);
    expect(sent[20]!.details).to.include({ droppedBefore: 30 });
    await until(async () => (await diagnostics.listErrors()).total === 21, 'all sent ones logged');
  });
});

describe('lifecycle: every window reloads when the data worker says so', () => {
  it('reloads once for a valid message and ignores malformed ones', async () => {
    let reloads = 0;
    const lifecycle = new Lifecycle({ reload: () => reloads++, delayMs: 10 });
    const stop = lifecycle.listen();
    const channel = new BroadcastChannel(LIFECYCLE_CHANNEL);
    try {
      channel.postMessage({ type: 'shutdown' });
      channel.postMessage({ type: 'reload', reason: 42 });
      await wait(100);
      expect(reloads).to.equal(0);
      expect(lifecycle.$reloadReason.get()).to.equal(null);
      channel.postMessage({ type: 'reload', reason: 'LightTrack restored the backup of today.' });
      channel.postMessage({ type: 'reload', reason: 'again' });
      await until(() => reloads === 1, 'reload');
      await wait(50);
      expect(reloads).to.equal(1);
      expect(lifecycle.$reloadReason.get()).to.equal('LightTrack restored the backup of today.');
    } finally {
      channel.close();
      stop();
    }
  });
});

import { expect } from 'chai';

import { AwayService } from '../../../../renderer/services/away/away-service.ts';
import { FakeClock } from '../../../../renderer/services/away/clock.ts';
import { DataClient } from '../../../../renderer/services/data-client.ts';
import { SettingsService } from '../../../../renderer/services/settings.ts';
import { createWebShell } from '../../../../renderer/shell/web-shell.ts';
import { TimerModel } from '../../../../renderer/state/timer-model.ts';
import type { PresenceEvent, Shell } from '../../../../shared/shell-contract.ts';
import { workerUrl } from '../../harness/app-harness.ts';
import { until } from '../../harness/wait.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

const MIN = 60_000;
const pendingOf = async (away: AwayService, what: string) => {
  await until(() => away.$pending.get().length > 0, what);
  return away.$pending.get();
};

/** A shell whose presence events the test sends (Electron's IPC side is tested in test/node). */
function fakeShell() {
  const listeners = new Set<(e: PresenceEvent) => void>();
  const thresholds: number[] = [];
  const shell: Shell = {
    ...createWebShell(),
    onPresence: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    setIdleThreshold: (s) => void thresholds.push(s),
  };
  return { shell, thresholds, emit: (e: unknown) => listeners.forEach((l) => l(e as PresenceEvent)) };
}

describe('away time in the window: presence sources, debounce, clock check and heartbeat (fake clock, real worker)', () => {
  let client: DataClient;
  let dbName: string;
  const stops: Array<() => void> = [];
  let T = 0;

  beforeEach(async () => {
    dbName = uniqueDbName('away-service');
    client = new DataClient({ workerUrl, dbName });
    await client.start();
    T = Math.floor((Date.now() - 2 * 60 * MIN) / MIN) * MIN;
  });
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    client.dispose();
  });

  async function window(clock: FakeClock, c = client) {
    const { shell, emit, thresholds } = fakeShell();
    const timer = new TimerModel(c, clock.wall);
    const settings = new SettingsService(c, null);
    const away = new AwayService(c, shell, timer, settings, { clock, debounceMs: 2000 });
    stops.push(timer.connect(), settings.connect(), away.connect());
    await away.whenRunning();
    await until(() => settings.$loaded.get(), 'settings');
    await until(() => timer.$loaded.get(), 'timer');
    return { away, timer, emit, thresholds, settings };
  }

  it('a flood of idle/active flips is one gap, sent when the return held', async () => {
    await client.data.startTimer({ name: 'write', startTime: T });
    const clock = new FakeClock(T + 60 * MIN);
    const { away, emit } = await window(clock);
    emit({ kind: 'idle', at: T + 10 * MIN });
    await until(() => away.$away.get(), 'away');
    for (let i = 0; i < 20; i++) {
      emit({ kind: 'active', at: T + 40 * MIN + i * 100 });
      clock.advance(300);
      emit({ kind: 'idle', at: T + 40 * MIN + i * 100 + 50 });
    }
    emit({ kind: 'active', at: T + 45 * MIN });
    expect(away.$pending.get(), 'nothing yet: the return has not held').to.deep.equal([]);
    clock.advance(2000);
    const [gap, ...more] = await pendingOf(away, 'the gap');
    expect(more).to.deep.equal([]);
    expect(gap).to.include({ source: 'idle', start: T + 10 * MIN, end: T + 45 * MIN, state: 'pending' });
    expect(away.$away.get()).to.equal(false);
  });

  it('a reload while away: the next window ends the open gap at its launch (the return was never sent)', async () => {
    await client.data.startTimer({ name: 'write', startTime: T });
    await client.data.gapStarted({ source: 'idle', at: T + 10 * MIN }); // the window that saw it is gone
    const clock = new FakeClock(T + 50 * MIN);
    const { away } = await window(clock);
    const [gap] = await pendingOf(away, 'the gap');
    expect(gap).to.include({ source: 'idle', start: T + 10 * MIN, end: T + 50 * MIN });
  });

  it('refuses presence events of the wrong shape and acts on none of them', async () => {
    await client.data.startTimer({ name: 'write', startTime: T });
    const clock = new FakeClock(T + 60 * MIN);
    const { away, emit } = await window(clock);
    emit({ kind: 'reboot', at: T });
    emit({ kind: 'idle', at: 'soon' });
    emit({ kind: 'idle', at: -5 });
    emit(null);
    emit({ kind: 'lock', at: T + 10 * MIN, extra: 1 });
    expect(away.$refused.get()).to.equal(4);
    // (unknown keys are stripped by the object schema: the last one is a valid lock)
    expect(away.$away.get()).to.equal(true);
  });

  it('the clock jumping forward is a gap to review; back, a notice in words', async () => {
    await client.data.startTimer({ name: 'write', startTime: T });
    const clock = new FakeClock(T + 30 * MIN);
    const { away } = await window(clock);
    clock.advance(5000);
    clock.jump(60 * MIN);
    clock.advance(5000);
    const [gap] = await pendingOf(away, 'the jump');
    expect(gap).to.include({ source: 'clock-jump', end: T + 30 * MIN + 10_000 + 60 * MIN });
    expect(gap!.end! - gap!.start).to.be.within(60 * MIN, 60 * MIN + 5000);
    clock.jump(-60 * MIN);
    clock.advance(5000);
    expect(away.$notice.get()).to.match(/clock went back by 60 min/);
    expect(away.$pending.get()).to.have.length(1);
  });

  it('the heartbeat: after a crash with the timer running, the next window finds the time gone', async () => {
    await client.data.startTimer({ name: 'write', startTime: T });
    const clock = new FakeClock(T + 5 * MIN);
    const first = await window(clock);
    clock.advance(60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(first.away.$pending.get()).to.deep.equal([]);
    client.worker!.terminate(); // the window and its worker crash
    for (const stop of stops.splice(0)) stop();
    client.dispose();
    client = new DataClient({ workerUrl, dbName });
    await client.start();
    const later = new FakeClock(T + 46 * MIN);
    const { away } = await window(later);
    const [gap] = await pendingOf(away, 'app-gone');
    expect(gap).to.include({ source: 'app-gone', start: T + 6 * MIN, end: T + 46 * MIN });
  });

  it('auto-pause: paused at the idle start, resumed on return, and keep counts it as work again', async () => {
    const s = await client.data.startTimer({ name: 'write', startTime: T });
    await client.data.updateSettings({ awayAutoPause: true, idleThresholdMinutes: 10 });
    const clock = new FakeClock(T + 60 * MIN);
    const { away, emit, thresholds } = await window(clock);
    expect(thresholds.at(-1), 'the shell learns the threshold').to.equal(600);
    emit({ kind: 'idle', at: T + 20 * MIN });
    await until(async () => (await client.data.getSession(s.id)).pauseStartedAt === T + 20 * MIN, 'paused');
    emit({ kind: 'active', at: T + 50 * MIN });
    clock.advance(2000);
    const [gap] = await pendingOf(away, 'the gap');
    const paused = await client.data.getSession(s.id);
    expect(paused).to.include({ pauseStartedAt: null, pausedMs: 30 * MIN });
    await away.resolve(gap!.id, 'keep');
    expect(await client.data.getSession(s.id)).to.include({ pausedMs: 0 });
    expect(away.$pending.get()).to.deep.equal([]);
  });
});

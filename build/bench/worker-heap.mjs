// The JS heap of the bench's dedicated workers, sampled from outside over CDP (Runtime.getHeapUsage on each worker
// target): performance.memory is not exposed in workers and measureUserAgentSpecificMemory needs cross-origin
// isolation. Samples are tagged with the label the page last announced, so each export's worker gets its own peak.
// Every 5th sample first forces a collection (HeapProfiler.collectGarbage, a few ms): `live` is the highest heap
// after one, what the worker really holds, where `peak` also counts garbage not yet collected.
export async function watchWorkerHeaps(browser, urlPart, everyMs = 100) {
  const cdp = await browser.newBrowserCDPSession();
  const sessions = new Map(); // targetId → sessionId
  const pending = new Map();
  let id = 0;
  let label = null;
  const peaks = new Map(); // label → { peak, live, samples }
  let tick = 0;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  cdp.on('Target.detachedFromTarget', (e) => {
    for (const [target, session] of sessions) if (session === e.sessionId) sessions.delete(target);
  });
  const ask = (sessionId, method) =>
    new Promise((resolve) => {
      const i = ++id;
      pending.set(i, resolve);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method }) })
        .catch(() => resolve(null));
      setTimeout(() => resolve(null), 2000);
    });
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const { targetInfos } = await cdp.send('Target.getTargets');
        for (const t of targetInfos) {
          if (t.type !== 'worker' || !t.url.includes(urlPart) || sessions.has(t.targetId)) continue;
          const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
          sessions.set(t.targetId, sessionId);
        }
        const collect = ++tick % 5 === 0;
        for (const sessionId of sessions.values()) {
          if (collect) await ask(sessionId, 'HeapProfiler.collectGarbage');
          const reply = await ask(sessionId, 'Runtime.getHeapUsage');
          const used = reply?.result?.usedSize;
          if (label === null || typeof used !== 'number') continue;
          const p = peaks.get(label) ?? { peak: 0, live: null, samples: 0 };
          p.peak = Math.max(p.peak, used);
          if (collect) p.live = Math.max(p.live ?? 0, used);
          p.samples++;
          peaks.set(label, p);
        }
      } catch {
        // a worker that ended between the listing and the question
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    setLabel(next) {
      label = next;
    },
    async stop() {
      stopped = true;
      await loop;
      await cdp.detach().catch(() => undefined);
      return peaks;
    },
  };
}

// The assistant's streaming (issue 19): 10,000 tokens from the local fake server through the real AI client and
// worker, folded into the page once per animation frame as the view does; the page is watched for long tasks, and
// the first text's latency is measured from the moment the worker sent it to the frame that painted it.
import { AiClient, newRequestId } from '../../renderer/services/ai-client.ts';
import { DataClient } from '../../renderer/services/data-client.ts';
import { benchBatch } from './report-bench.ts';

export interface AssistantBenchResult {
  tokens: number;
  chars: number;
  totalMs: number;
  batches: number;
  /** worker sent the first text → the frame that showed it */
  firstPaintMs: number;
  /** request → first text at the worker */
  firstTokenMs: number | null;
  longestTaskMs: number;
  longTasks: number;
  /** frames during the stream and the longest gap between two */
  frames: number;
  longestFrameMs: number;
  /** a typed tool (time_totals over all time, by project) on this many sessions: its time in the AI worker */
  toolSessions: number;
  toolMs: number | null;
  toolFirstMs: number | null;
}

export async function assistantBench(
  dataWorkerUrl: URL,
  aiWorkerUrl: URL,
  baseURL: string,
  tokens: number,
  toolBaseURL: string,
  toolSessions: number,
): Promise<AssistantBenchResult> {
  const data = new DataClient({ workerUrl: dataWorkerUrl, dbName: `bench-ai-${Date.now() % 1e6}.sqlite3` });
  await data.start();
  const ai = new AiClient(data, aiWorkerUrl, 600_000);
  const shown = document.createElement('p');
  shown.style.whiteSpace = 'pre-wrap';
  document.body.append(shown);
  let longestTaskMs = 0;
  let longTasks = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longestTaskMs = Math.max(longestTaskMs, e.duration);
      if (e.duration > 50) longTasks++;
    }
  });
  observer.observe({ type: 'longtask', buffered: false });
  let pending = '';
  let frame = 0;
  let batches = 0;
  let firstSent: number | null = null;
  let firstPaintMs = NaN;
  let frames = 0;
  let lastFrame = performance.now();
  let longestFrameMs = 0;
  let streaming = true;
  const tick = (t: number) => {
    frames++;
    longestFrameMs = Math.max(longestFrameMs, t - lastFrame);
    lastFrame = t;
    if (streaming) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const t0 = performance.now();
  const result = await ai.ask(
    {
      requestId: newRequestId(),
      endpoint: { id: 'bench', name: 'Fake', baseURL, model: 'fake-model', hasKey: false },
      apiKey: null,
      turns: [{ role: 'user', content: 'stream' }],
      now: Date.now(),
      tools: [],
    },
    (events, sentAt) => {
      batches++;
      for (const e of events) if (e.kind === 'text') pending += e.text;
      firstSent ??= sentAt;
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0;
          shown.append(pending);
          pending = '';
          if (Number.isNaN(firstPaintMs) && firstSent !== null)
            firstPaintMs = performance.timeOrigin + performance.now() - firstSent;
        });
    },
  );
  const totalMs = performance.now() - t0;
  streaming = false;
  observer.disconnect();
  let toolMs: number | null = null;
  let toolFirstMs: number | null = null;
  if (toolSessions > 0) {
    const projects = await Promise.all(['A', 'B', 'C', 'D'].map((name) => data.data.createProject({ name })));
    const ids = projects.map((p) => p.id);
    for (let i = 0; i < toolSessions; i += 5_000)
      await data.data.insertSessions(benchBatch(i, Math.min(5_000, toolSessions - i), ids));
    console.info(`assistant: ${toolSessions} sessions inserted`);
    // the reports' roll-ups are built in the background after an import: timed once they are current, as the
    // reports section does (until then a report is summed from the sessions)
    const all = { from: '1970-01-02', to: new Date().toISOString().slice(0, 10), groupBy: 'project' as const };
    for (let waited = 0; (await data.data.report(all)).catchingUp && waited < 300; waited++)
      await new Promise((resolve) => setTimeout(resolve, 500));
    const r0 = performance.now();
    await data.data.report(all);
    console.info(`assistant: roll-ups built; report() from the page ${Math.round(performance.now() - r0)} ms`);
    const times: number[] = [];
    for (let k = 0; k < 3; k++) {
      const r = await ai.ask(
        {
          requestId: newRequestId(),
          endpoint: { id: 'bench', name: 'Fake', baseURL: toolBaseURL, model: 'fake-model', hasKey: false },
          apiKey: null,
          turns: [{ role: 'user', content: 'totals' }],
          now: Date.now(),
        },
        () => undefined,
      );
      if (r.tools[0]) times.push(r.tools[0].ms);
    }
    toolFirstMs = times[0] ?? null;
    toolMs = times.length ? Math.min(...times) : null;
  }
  ai.dispose();
  data.dispose();
  shown.remove();
  return {
    tokens,
    chars: result.text.length,
    totalMs,
    batches,
    firstPaintMs,
    firstTokenMs: result.firstTokenMs,
    longestTaskMs,
    longTasks,
    frames,
    longestFrameMs,
    toolSessions,
    toolMs,
    toolFirstMs,
  };
}

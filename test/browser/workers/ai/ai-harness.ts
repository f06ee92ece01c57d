import { AiClient, newRequestId } from '../../../../renderer/services/ai-client.ts';
import { DataClient } from '../../../../renderer/services/data-client.ts';
import type { AskInput, AssistantEvent, Endpoint } from '../../../../shared/assistant.ts';
import { uniqueDbName } from '../../harness/worker-harness.ts';

export const aiWorkerUrl = new URL('../../../../workers/ai/ai-worker.ts', import.meta.url);
const dataWorkerUrl = new URL('../../../../workers/data/data-worker.ts', import.meta.url);

/** A real data worker (its own file) and a real AI worker through the window's client. */
export async function startAssistant(
  prefix: string,
  idleMs = 60_000,
): Promise<{ data: DataClient; ai: AiClient; stop(): void }> {
  const data = new DataClient({ workerUrl: dataWorkerUrl, dbName: uniqueDbName(prefix) });
  await data.start();
  const ai = new AiClient(data, aiWorkerUrl, idleMs);
  return {
    data,
    ai,
    stop() {
      ai.dispose();
      data.dispose();
    },
  };
}

export function endpoint(baseURL: string, model = 'fake-model'): Endpoint {
  return { id: 'fake', name: 'Fake server', baseURL, model, hasKey: false };
}

export function question(baseURL: string, text: string, extra: Partial<AskInput> = {}): AskInput {
  return {
    requestId: newRequestId(),
    endpoint: endpoint(baseURL),
    apiKey: null,
    turns: [{ role: 'user', content: text }],
    now: new Date(2026, 10, 25, 12, 0).getTime(),
    weekStart: 1,
    ...extra,
  };
}

/** Collects the streamed events, and how many batches they came in. */
export function collector(): {
  events: AssistantEvent[];
  batches: number;
  on: (e: AssistantEvent[]) => void;
  text(): string;
} {
  const c = {
    events: [] as AssistantEvent[],
    batches: 0,
    on: (batch: AssistantEvent[]) => {
      c.batches++;
      c.events.push(...batch);
    },
    text: () =>
      c.events
        .filter((e): e is Extract<AssistantEvent, { kind: 'text' }> => e.kind === 'text')
        .map((e) => e.text)
        .join(''),
  };
  return c;
}

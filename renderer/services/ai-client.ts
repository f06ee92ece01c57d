import * as Comlink from 'comlink';

import type { AskInput, AskResult, AssistantEvent } from '../../shared/assistant.ts';
import { installAbortTransfer } from '../../shared/comlink-abort.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { AiWorkerApi } from '../../workers/ai/ai-worker.ts';
import type { DataClient } from './data-client.ts';
import { WorkerBridge } from './worker-bridge.ts';

installErrorTransfer();
installAbortTransfer();

/** An idle AI worker is stopped after this long (it holds the openai client and little else). */
export const AI_IDLE_STOP_MS = 120_000;

export type ModelList = { models: string[] } | { error: { code: string; message: string } };

/** A correlation id for one click: it goes to the worker, the HTTP request (X-Request-Id) and the error log. */
export function newRequestId(): string {
  return `ai-${crypto.randomUUID()}`;
}

/**
 * The window's handle on its AI worker (a WorkerBridge: lazy start, one question at a time, cancel through an
 * AbortSignal, a new worker after a crash, idle stop). Each question gets a fresh port to the data worker, so the
 * tools read rows worker to worker. A failed answer is written to the error log under its request id.
 */
export class AiClient {
  readonly #bridge: WorkerBridge<AiWorkerApi>;

  constructor(
    private readonly data: DataClient,
    workerUrl: URL | string = new URL('./workers/ai-worker.js', location.href),
    idleMs = AI_IDLE_STOP_MS,
  ) {
    this.#bridge = new WorkerBridge('ai', workerUrl, idleMs);
  }

  get running(): boolean {
    return this.#bridge.running;
  }

  async ask(
    input: AskInput,
    onEvents: (events: AssistantEvent[], sentAt: number) => void,
    signal?: AbortSignal,
  ): Promise<AskResult> {
    const result = await this.#bridge.run(async (remote) => {
      const port = await this.data.connectPort();
      return remote.ask(input, Comlink.transfer(port, [port]), Comlink.proxy(onEvents), signal);
    }, signal);
    if (result.error && result.finish === 'error') {
      void this.data.data
        .reportError({
          source: 'assistant',
          message: result.error.message,
          details: { code: result.error.code, ...result.error.details, model: input.endpoint.model },
          correlationId: input.requestId,
        })
        .catch(() => undefined);
    }
    // a tool call the model got wrong (bad JSON, arguments, unknown tool) is told to it and logged here
    for (const t of result.tools.filter((x) => !x.ok)) {
      void this.data.data
        .reportError({
          source: 'assistant:tool',
          message: `The model's call of ${t.name} failed: ${t.result.slice(0, 300)}`,
          details: { tool: t.name, arguments: t.arguments.slice(0, 1_000) },
          correlationId: input.requestId,
        })
        .catch(() => undefined);
    }
    return result;
  }

  listModels(
    input: { requestId: string; baseURL: string; apiKey: string | null },
    signal?: AbortSignal,
  ): Promise<ModelList> {
    return this.#bridge.run((remote) => remote.listModels(input, signal) as Promise<ModelList>, signal);
  }

  dispose(): void {
    this.#bridge.dispose();
  }
}

const clients = new WeakMap<DataClient, AiClient>();

/** One AI client per window (per data client); `workerUrl` names the worker for the first (tests run it from source). */
export function aiClientFor(data: DataClient, workerUrl?: URL): AiClient {
  let client = clients.get(data);
  if (!client) clients.set(data, (client = workerUrl ? new AiClient(data, workerUrl) : new AiClient(data)));
  return client;
}

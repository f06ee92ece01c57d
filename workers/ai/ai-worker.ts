import * as Comlink from 'comlink';
import OpenAI from 'openai';

import { AskInputSchema, ListModelsInputSchema, type AskResult, type AssistantEvent } from '../../shared/assistant.ts';
import { installAbortTransfer } from '../../shared/comlink-abort.ts';
import { installErrorTransfer } from '../../shared/comlink-errors.ts';
import type { DataApi } from '../../shared/data-contract.ts';
import { AppError } from '../../shared/errors.ts';
import type { Project } from '../../shared/project.ts';
import { parse } from '../../shared/validate.ts';
import { holdLifelineLock } from '../lifeline.ts';
import { ask } from './chat.ts';
import { failureOf } from './failures.ts';
import { EventBatch } from './stream-batch.ts';
import { READ_TOOLS } from './tools/read-tools.ts';
import { WRITE_TOOLS } from './tools/write-tools.ts';

installErrorTransfer();
installAbortTransfer();

const TOOLS = [...READ_TOOLS, ...WRITE_TOOLS];

/**
 * The AI worker: streams answers from an OpenAI-compatible server, runs the model's tools over the user's data
 * (read through a MessagePort to the data worker, never through the window), and proposes changes without making
 * them. Started on the first question and stopped when idle by renderer/services/ai-client.ts.
 */
const api = {
  /** Held for the worker's life: the window learns of a crash when the lock is freed (as with the export worker). */
  holdLifeline(lockName: string): Promise<void> {
    if (typeof lockName !== 'string' || !/^lighttrack-ai-life-[\w-]{1,64}$/.test(lockName))
      throw new AppError('VALIDATION', 'Not a lifeline lock name');
    return holdLifelineLock(lockName, 'That lifeline is already held');
  },

  async ask(
    input: unknown,
    port: MessagePort,
    onEvents: (events: AssistantEvent[], sentAt: number) => void,
    signal?: AbortSignal,
  ): Promise<AskResult> {
    if (!(port instanceof MessagePort))
      throw new AppError('VALIDATION', 'The AI worker needs a MessagePort to the data worker');
    const parsed = parse(AskInputSchema, input, 'question');
    const data = Comlink.wrap<DataApi>(port);
    let projects: Promise<Project[]> | null = null;
    const batch = new EventBatch((events, sentAt) => void onEvents(events, sentAt));
    try {
      return await ask(
        parsed,
        parsed.tools ? TOOLS.filter((t) => parsed.tools!.includes(t.name)) : TOOLS,
        { data, now: parsed.now, weekStart: parsed.weekStart, projects: () => (projects ??= data.listProjects()) },
        (event) => batch.push(event),
        signal ?? new AbortController().signal,
      );
    } finally {
      batch.flush();
      port.close();
    }
  },

  /** "Test connection": the server's models, or a sentence saying why not. */
  async listModels(
    input: unknown,
    signal?: AbortSignal,
  ): Promise<{ models: string[] } | { error: { code: string; message: string } }> {
    const parsed = parse(ListModelsInputSchema, input, 'endpoint');
    const openai = new OpenAI({
      baseURL: parsed.baseURL,
      apiKey: parsed.apiKey ?? 'no-key',
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
      timeout: 15_000,
      defaultHeaders: { 'X-Request-Id': parsed.requestId },
    });
    try {
      const page = await openai.models.list({ signal });
      return { models: page.data.map((m) => m.id).slice(0, 500) };
    } catch (error) {
      const { code, message } = failureOf(error, new URL(parsed.baseURL).host, '');
      return { error: { code, message } };
    }
  },
};
export type AiWorkerApi = typeof api;

Comlink.expose(api);

import OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import * as v from 'valibot';

import type {
  AskFailure,
  AskInput,
  AskResult,
  AssistantEvent,
  ChatTurn,
  ToolRecord,
  Usage,
} from '../../shared/assistant.ts';
import { failureOf, retryDelay } from './failures.ts';
import { systemPrompt } from './prompt.ts';
import { bounded, isProposal, ToolError, type Tool, type ToolContext } from './tools/registry.ts';

/** An answer longer than this is cut (a runaway model, or a server that streams forever). */
export const MAX_ANSWER_CHARS = 400_000;

type Parsed = Required<Omit<AskInput, 'instructions' | 'temperature' | 'tools'>> & {
  instructions: string;
  temperature: number | null;
};

interface RoundOutput {
  text: string;
  calls: { id: string; name: string; arguments: string }[];
  finish: string | null;
  usage: { prompt_tokens: number; completion_tokens: number } | null;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

const estimate = (text: string) => Math.ceil(text.length / 4);

/**
 * One question: rounds of a streamed chat completion, running the tools the model calls between rounds, until it
 * answers in words, is stopped, fails, or uses up its rounds. Never throws: every failure is an AskResult with a
 * sentence (partial text kept). Retries only before anything of a reply arrived and before any tool ran.
 */
export async function ask(
  input: Parsed,
  tools: readonly Tool[],
  ctx: Omit<ToolContext, 'signal'>,
  emit: (event: AssistantEvent) => void,
  userSignal: AbortSignal,
): Promise<AskResult> {
  const started = performance.now();
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = AbortSignal.any([userSignal, timeout]);
  const openai = new OpenAI({
    baseURL: input.endpoint.baseURL,
    apiKey: input.apiKey ?? 'no-key',
    dangerouslyAllowBrowser: true,
    maxRetries: 0, // retried here, where it is known whether a tool ran
    timeout: input.timeoutMs,
    defaultHeaders: { 'X-Request-Id': input.requestId },
  });
  const byName = new Map(tools.map((t) => [t.name, t]));
  const toolSpecs: ChatCompletionTool[] = tools.map((t) => ({
    type: 'function',
    function: { name: t.name, description: t.description, parameters: t.parameters },
  }));
  const history: ChatCompletionMessageParam[] = [
    { role: 'system', content: systemPrompt(input.now, input.weekStart, input.instructions) },
    ...(input.turns as ChatCompletionMessageParam[]),
  ];
  const added: ChatTurn[] = [];
  const records: ToolRecord[] = [];
  const proposals: AskResult['proposals'] = [];
  const usage: Usage = { promptTokens: 0, completionTokens: 0, estimated: false };
  let text = '';
  let firstTokenMs: number | null = null;
  let toolsRan = false;

  const result = (finish: AskResult['finish'], error: AskFailure | null = null): AskResult => ({
    requestId: input.requestId,
    text,
    turns: added,
    tools: records,
    proposals,
    usage,
    model: input.endpoint.model,
    firstTokenMs,
    totalMs: Math.round(performance.now() - started),
    finish,
    error,
  });
  const stopped = (): AskResult | null => {
    if (userSignal.aborted) return result('cancelled');
    if (timeout.aborted)
      return result('error', {
        code: 'TIMEOUT',
        message: `${input.endpoint.name} took longer than ${Math.round(input.timeoutMs / 1000)} s; stopped.`,
      });
    return null;
  };

  for (let round = 0; round < input.maxRounds; round++) {
    let out: RoundOutput | null = null;
    for (let attempt = 0; ; attempt++) {
      const got = { any: false };
      try {
        out = await streamRound(
          openai,
          input,
          history,
          toolSpecs,
          signal,
          got,
          (delta) => {
            firstTokenMs ??= Math.round(performance.now() - started);
            text += delta;
            emit({ kind: 'text', text: delta });
          },
          () => text.length,
        );
        break;
      } catch (error) {
        const wait = got.any || toolsRan || signal.aborted ? null : retryDelay(error, attempt);
        if (wait === null)
          return stopped() ?? result('error', failureOf(error, input.endpoint.name, input.endpoint.model));
        emit({
          kind: 'retry',
          inMs: wait,
          reason: failureOf(error, input.endpoint.name, input.endpoint.model).message,
        });
        await sleep(wait, signal);
        if (signal.aborted) return stopped()!;
      }
    }
    // aborting mid-stream ends the SDK's loop without an error: the signal says what happened
    const halt = stopped();
    if (halt) return halt;
    if (out.usage) {
      usage.promptTokens += out.usage.prompt_tokens;
      usage.completionTokens += out.usage.completion_tokens;
    } else {
      usage.estimated = true;
      usage.promptTokens += estimate(JSON.stringify(history));
      usage.completionTokens += estimate(out.text + JSON.stringify(out.calls));
    }
    const turn: ChatTurn = {
      role: 'assistant',
      content: out.text || null,
      ...(out.calls.length
        ? {
            tool_calls: out.calls.map((c) => ({
              id: c.id,
              type: 'function' as const,
              function: { name: c.name, arguments: c.arguments },
            })),
          }
        : {}),
    };
    added.push(turn);
    history.push(turn as ChatCompletionMessageParam);
    if (text.length >= MAX_ANSWER_CHARS)
      return result('length', { code: 'TOO_LONG', message: 'The answer was too long and was cut.' });
    if (out.calls.length === 0) return result(out.finish === 'length' ? 'length' : 'stop');
    for (const call of out.calls) {
      emit({ kind: 'tool-call', ...call });
      toolsRan = true;
      const record = await runTool(call, byName.get(call.name), { ...ctx, signal });
      records.push(record);
      if (record.ok && isProposal(record.proposal)) {
        proposals.push(record.proposal);
        emit({ kind: 'proposal', proposal: record.proposal });
      }
      const { proposal: _drop, ...shown } = record;
      emit({ kind: 'tool-result', record: shown });
      const toolTurn: ChatTurn = { role: 'tool', tool_call_id: call.id, content: record.result };
      added.push(toolTurn);
      history.push(toolTurn as ChatCompletionMessageParam);
      const halt = stopped();
      if (halt) return halt;
    }
  }
  return result('rounds', {
    code: 'ROUNDS',
    message: `The assistant kept calling tools (${input.maxRounds} rounds) without answering; it was stopped there.`,
  });
}

async function streamRound(
  openai: OpenAI,
  input: Parsed,
  history: ChatCompletionMessageParam[],
  tools: ChatCompletionTool[],
  signal: AbortSignal,
  got: { any: boolean },
  onText: (delta: string) => void,
  answered: () => number,
): Promise<RoundOutput> {
  const stream = await openai.chat.completions.create(
    {
      model: input.endpoint.model,
      messages: history,
      stream: true,
      stream_options: { include_usage: true },
      ...(tools.length ? { tools } : {}),
      ...(input.temperature !== null ? { temperature: input.temperature } : {}),
    },
    { signal },
  );
  const out: RoundOutput = { text: '', calls: [], finish: null, usage: null };
  for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
    got.any = true;
    if (chunk.usage)
      out.usage = { prompt_tokens: chunk.usage.prompt_tokens, completion_tokens: chunk.usage.completion_tokens };
    const choice = chunk.choices?.[0];
    if (!choice) continue;
    const delta = choice.delta ?? {};
    if (typeof delta.content === 'string' && delta.content) {
      out.text += delta.content;
      onText(delta.content);
      if (answered() >= MAX_ANSWER_CHARS) break;
    }
    // tool calls stream as deltas addressed by index: id and name first, then fragments of the arguments
    for (const part of delta.tool_calls ?? []) {
      const index = typeof part.index === 'number' ? part.index : out.calls.length;
      if (index < 0 || index > 31) continue;
      const call = (out.calls[index] ??= { id: '', name: '', arguments: '' });
      if (part.id) call.id = part.id;
      if (part.function?.name) call.name += part.function.name;
      if (part.function?.arguments) call.arguments += part.function.arguments;
      if (call.arguments.length > 100_000) throw new ToolError('The tool call arguments are too long.');
    }
    if (choice.finish_reason) out.finish = choice.finish_reason;
  }
  out.calls = out.calls.filter(Boolean).map((c, i) => ({ ...c, id: c.id || `call_${i}` }));
  return out;
}

async function runTool(
  call: { id: string; name: string; arguments: string },
  tool: Tool | undefined,
  ctx: ToolContext,
): Promise<ToolRecord & { proposal?: unknown }> {
  const t0 = performance.now();
  const done = (ok: boolean, value: unknown, proposal?: unknown) => {
    const { text, truncated } = bounded(ok ? value : { error: value });
    return {
      id: call.id,
      name: call.name,
      arguments: call.arguments,
      result: text,
      ok,
      truncated,
      ms: Math.round(performance.now() - t0),
      proposal,
    };
  };
  if (!tool) return done(false, `There is no tool named “${call.name}”.`);
  let args: unknown;
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch {
    return done(false, 'The arguments were not valid JSON.');
  }
  const parsed = v.safeParse(tool.schema, args);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return done(false, `Invalid arguments${issue ? ` at ${v.getDotPath(issue) ?? ''}: ${issue.message}` : ''}.`);
  }
  try {
    const value = await tool.run(parsed.output as never, ctx);
    if (tool.kind === 'propose' && isProposal(value))
      return done(
        true,
        { proposed: value.summary, note: 'Shown to the user with Apply and Discard; nothing has changed yet.' },
        value,
      );
    return done(true, value);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return done(false, error instanceof ToolError ? message : `The tool failed: ${message.slice(0, 300)}`);
  }
}

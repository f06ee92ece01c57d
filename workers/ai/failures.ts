import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';

import type { AskFailure } from '../../shared/assistant.ts';
import { AppError } from '../../shared/errors.ts';

/** Words a server uses when the conversation no longer fits the model (OpenAI, vLLM, llama.cpp, Ollama, LM Studio). */
const TOO_LONG =
  /context[_ ]length|maximum context|too many tokens|context window|exceeds? the (?:available )?context/i;

/**
 * One sentence for each way a request fails, fit to show in the conversation; details for the error log. Servers'
 * own texts go only into details (they can be long, and are not written for the user).
 */
export function failureOf(error: unknown, endpointName: string, model: string): AskFailure {
  const server =
    error instanceof APIError ? { status: error.status, serverMessage: String(error.message).slice(0, 500) } : {};
  const fail = (code: string, message: string): AskFailure => ({
    code,
    message,
    details: { ...server, endpoint: endpointName },
  });
  if (error instanceof AppError)
    return { code: error.code, message: error.message, details: { endpoint: endpointName } };
  if (error instanceof APIConnectionTimeoutError)
    return fail('TIMEOUT', `${endpointName} did not answer in time; try again, or pick a faster model.`);
  if (error instanceof APIUserAbortError) return fail('CANCELLED', 'Stopped.');
  if (error instanceof APIConnectionError || error instanceof TypeError) {
    if (typeof navigator !== 'undefined' && navigator.onLine === false)
      return fail('OFFLINE', 'You are offline, so the assistant cannot reach its server.');
    return fail(
      'UNREACHABLE',
      `${endpointName} could not be reached (or the connection dropped); check that the server runs and allows this app's origin.`,
    );
  }
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return fail('AUTH', `${endpointName} refused the API key; check its key under Endpoints.`);
  if (error instanceof NotFoundError)
    return fail('MODEL', `${endpointName} has no model “${model}”; pick one from its list in Settings.`);
  if (error instanceof RateLimitError)
    return fail('RATE_LIMIT', `${endpointName} is rate limiting requests; wait a moment and try again.`);
  if (error instanceof BadRequestError && TOO_LONG.test(error.message))
    return fail(
      'TOO_LONG',
      'The conversation is too long for this model; start a new one or pick a model with a larger context.',
    );
  if (error instanceof APIError && TOO_LONG.test(String(error.message)))
    return fail(
      'TOO_LONG',
      'The conversation is too long for this model; start a new one or pick a model with a larger context.',
    );
  if (error instanceof BadRequestError) return fail('BAD_REQUEST', `${endpointName} refused the request as malformed.`);
  if (error instanceof APIError && typeof error.status === 'number' && error.status >= 500)
    return fail('SERVER', `${endpointName} failed (error ${error.status}); try again later.`);
  if (error instanceof SyntaxError)
    return fail('MALFORMED', `${endpointName} sent a reply that is not valid; the answer was cut there.`);
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    message: 'The assistant failed unexpectedly; the details are in the error log.',
    details: { message: message.slice(0, 500), endpoint: endpointName },
  };
}

/** How long to wait before trying again, or null when a retry is not safe or not worth it. */
export function retryDelay(error: unknown, attempt: number): number | null {
  if (attempt >= 2) return null;
  if (error instanceof RateLimitError) {
    const header = error.headers?.get('retry-after');
    const seconds = header ? Number(header) : NaN;
    // at most 30 s: longer than that the user is better told
    if (Number.isFinite(seconds) && seconds >= 0) return seconds > 30 ? null : seconds * 1000;
    return 1000 * 2 ** attempt;
  }
  if (error instanceof APIError && typeof error.status === 'number' && error.status >= 500) return 500 * 2 ** attempt;
  return null;
}

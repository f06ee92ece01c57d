/** The fake OpenAI-compatible server that web-test-runner starts beside the tests (test/fakes/fake-openai.mjs). */

const FAKE_MODULE = '/__fake-openai.js';

export async function fakeOrigin(): Promise<string> {
  return ((await import(FAKE_MODULE)) as { fakeOrigin: string }).fakeOrigin;
}

export interface Scenario {
  id: string;
  baseURL: string;
  /** what the fake was asked, oldest first */
  requests(): Promise<{ method: string; path: string; headers: Record<string, string>; body: any }[]>;
}

/** A scenario of its own for one test: replies served in order (the last repeats). */
export async function scenario(spec: { replies?: unknown[]; models?: string[]; apiKey?: string }): Promise<Scenario> {
  const origin = await fakeOrigin();
  const res = await fetch(`${origin}/__scenario`, { method: 'POST', body: JSON.stringify(spec) });
  const { id, baseURL } = (await res.json()) as { id: string; baseURL: string };
  return { id, baseURL, requests: async () => (await fetch(`${origin}/s/${id}/__requests`)).json() };
}

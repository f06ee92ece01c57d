import type { NewSession } from '../../shared/session.ts';

/** A small deterministic PRNG (mulberry32) so every bench run and both engines see the same data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const BENCH_START = Date.UTC(2022, 0, 3, 7); // a Monday morning

/**
 * `count` finished sessions spread evenly from BENCH_START, 5–90 minutes each with occasional pauses, over the given
 * projects (and some without a project) — like ~70 timer sessions a day, heavy use.
 */
export function generateSessions(count: number, projectIds: readonly string[], seed = 42): Required<NewSession>[] {
  const rnd = random(seed);
  const spacing = 20 * 60_000;
  const sessions: Required<NewSession>[] = [];
  for (let i = 0; i < count; i++) {
    const startTime = BENCH_START + i * spacing + Math.floor(rnd() * 60_000);
    const length = 5 * 60_000 + Math.floor(rnd() * 85 * 60_000);
    const projectIndex = Math.floor(rnd() * (projectIds.length + 2));
    sessions.push({
      name: `Task ${i % 997}`,
      projectId: projectIds[projectIndex] ?? null,
      startTime,
      endTime: startTime + length,
      pausedMs: rnd() < 0.1 ? Math.floor(rnd() * 5) * 60_000 : 0,
      source: 'import',
    });
  }
  return sessions;
}

export const BENCH_PROJECT_IDS = Array.from(
  { length: 20 },
  (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
);

export interface EngineResult {
  engine: string;
  rows: number;
  insertMs: number;
  groupAllMs: number;
  groupYearMs: number;
  groupRows: number;
}

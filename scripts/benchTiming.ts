/**
 * How the benchmarks time a case (scripts/bench.ts, and in Chromium scripts/bench-engine-chromium.ts,
 * which bundles this into the page): one untimed run first (V8 compiles the hot code on it), then
 * at least 3 runs and 1 s, and 5 runs where they fit in 10 s; the median. An edit, which a session
 * repeats, is timed after its first edits, and those apart (`timeSession`).
 */
const MIN_RUNS = 5;
const MIN_MS = 1_000;
const MAX_MS = 10_000;

/** Whether a case needs another sample, `elapsedMs` into it. */
function more(samples: number, elapsedMs: number): boolean {
  if (samples < 3 || elapsedMs < MIN_MS) return true;
  return samples < MIN_RUNS && elapsedMs < MAX_MS;
}

export function time(run: () => void): { medianMs: number; runs: number } {
  return timeEach(() => undefined, run);
}

/** Edits made, and timed apart, before an edit case's samples (`timeSession`). */
export const FIRST_EDITS = 300;
/** Of those, how many the "first edits" figure is the median of. */
const FIRST_MEDIAN_OF = 50;

/**
 * `time` for what an editing session repeats (an edit and its findings). The first
 * `FIRST_EDITS` runs after opening are timed apart: V8 is still compiling the edit's code (each
 * function optimised after enough calls, and an edit calls most of them once) and the checker still
 * building what it keeps, so on the campus they run several times slower than the edits after
 * them. `firstMs` is the first run, `firstMedianMs` the median of the first 50; then the runs are
 * sampled as `time` does: the session's steady state. One untimed run, as `time` makes, would leave
 * the median among the first hundred edits, where it moves with how much the runs before had
 * compiled (2 to 6 ms on the campus, in runs of the same code).
 */
export function timeSession(run: () => void): {
  medianMs: number;
  runs: number;
  firstMs: number;
  firstMedianMs: number;
  firstRuns: number;
} {
  const first: number[] = [];
  for (let k = 0; k < FIRST_EDITS; k++) {
    const t = performance.now();
    run();
    first.push(performance.now() - t);
  }
  const firstMs = first[0]!;
  const opening = first.slice(0, FIRST_MEDIAN_OF).sort((a, b) => a - b);
  const steady = timeEach(() => undefined, run);
  return { ...steady, firstMs, firstMedianMs: opening[Math.floor(opening.length / 2)]!, firstRuns: opening.length };
}

/**
 * `time`, with what each run takes made before it, untimed: a full check is timed on a fresh copy
 * of the document each run (every object new, as just opened), so that nothing the engine keeps
 * per object (a hall's rooms, its aisles) is found from the run before.
 */
export function timeEach<T>(prepare: () => T, run: (input: T) => void): { medianMs: number; runs: number } {
  const samples: number[] = [];
  run(prepare());
  let untimedMs = 0;
  const start = performance.now();
  while (more(samples.length, performance.now() - start - untimedMs)) {
    const p = performance.now();
    const input = prepare();
    const t = performance.now();
    untimedMs += t - p;
    run(input);
    samples.push(performance.now() - t);
    if (samples.length >= 200) break;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, runs: samples.length };
}

export async function timeAsync(run: () => Promise<unknown>): Promise<{ medianMs: number; runs: number }> {
  const samples: number[] = [];
  await run();
  const start = performance.now();
  while (more(samples.length, performance.now() - start)) {
    const t = performance.now();
    await run();
    samples.push(performance.now() - t);
    if (samples.length >= 50) break;
  }
  samples.sort((a, b) => a - b);
  return { medianMs: samples[Math.floor(samples.length / 2)]!, runs: samples.length };
}

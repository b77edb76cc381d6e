import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  medianMs: number;
  runs: number;
}

/** The median wall time of `runs` batches of `fn`, after one warm-up batch. */
export async function measure(name: string, fn: () => unknown, { runs = 7, batch = 1 } = {}): Promise<Measurement> {
  for (let i = 0; i < batch; i++) await fn();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    samples.push((performance.now() - start) / batch);
  }
  samples.sort((a, b) => a - b);
  return { name, medianMs: samples[Math.floor(samples.length / 2)] ?? Number.NaN, runs };
}

/**
 * Several cases timed in rounds, each round running every case once in turn,
 * so that a slow spell of this shared machine falls on all of them alike;
 * one warm-up round first. The medians, in the order given.
 */
export async function measureInRounds(
  cases: { name: string; fn: () => unknown }[],
  { runs = 5 } = {},
): Promise<Measurement[]> {
  for (const { fn } of cases) await fn();
  const samples = cases.map(() => [] as number[]);
  for (let run = 0; run < runs; run++) {
    for (const [index, { fn }] of cases.entries()) {
      const start = performance.now();
      await fn();
      samples[index]?.push(performance.now() - start);
    }
  }
  return cases.map(({ name }, index) => {
    const sorted = (samples[index] ?? []).sort((a, b) => a - b);
    return { name, medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, runs };
  });
}

/** Prints each measurement as a ratio to the baseline measured in the same run, since timings here are noisy. */
export function report(title: string, baseline: Measurement, others: Measurement[]): void {
  console.log(`\n${title}`);
  console.log(`  baseline  ${baseline.name}: ${format(baseline.medianMs)} (median of ${baseline.runs})`);
  for (const m of others) {
    console.log(`  ${(m.medianMs / baseline.medianMs).toFixed(2).padStart(7)}x  ${m.name}: ${format(m.medianMs)}`);
  }
}

function format(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
}

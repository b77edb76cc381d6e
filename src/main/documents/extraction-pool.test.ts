import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createExtractionPool, type Extractor } from './extraction-pool';

const misbehaving = { file: join(__dirname, 'testing', 'misbehaving-worker.ts'), source: true };
const bytes = new TextEncoder().encode('Điều 1.');
let pool: Extractor | undefined;
afterEach(async () => {
  await pool?.close();
});

describe('extraction pool', () => {
  it('stops a file that hangs the worker with EXTRACTION_TIMEOUT, then reads the next one on a fresh worker', async () => {
    pool = createExtractionPool({ stallMs: 1500, entry: misbehaving });
    const hung = pool.extract(bytes, 'hang.pdf', undefined, () => {});
    const next = pool.extract(bytes, 'next.txt', undefined, () => {});
    await expect(hung).rejects.toMatchObject({ code: 'EXTRACTION_TIMEOUT', details: { name: 'hang.pdf', seconds: 2 } });
    await expect(next).resolves.toMatchObject({ chars: 2 });
  });

  it('fails only the file whose worker died, and carries on', async () => {
    pool = createExtractionPool({ stallMs: 5000, entry: misbehaving });
    await expect(pool.extract(bytes, 'die.pdf', undefined, () => {})).rejects.toMatchObject({ code: 'PDF_CORRUPT' });
    await expect(pool.extract(bytes, 'after.txt', undefined, () => {})).resolves.toMatchObject({ chars: 2 });
  });

  it('runs the real extraction in a worker thread and reports its progress', async () => {
    pool = createExtractionPool();
    const stages: string[] = [];
    const result = await pool.extract(bytes, 'dieu-1.txt', undefined, (progress) => stages.push(progress.stage));
    expect(result).toMatchObject({ kind: 'text', chars: 7, language: 'vi' });
    expect(stages).toEqual(['extracting', 'counting']);
  });
});

describe('warm-up', () => {
  it('leaves the pool reading files normally after one or more warm-ups', async () => {
    pool = createExtractionPool();
    pool.warmUp();
    pool.warmUp();
    await expect(pool.extract(bytes, 'after-warm-up.txt', undefined, () => {})).resolves.toMatchObject({ chars: 7 });
  });
});

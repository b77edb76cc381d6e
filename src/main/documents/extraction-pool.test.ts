import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sharedFile } from '../testing/shared-data';
import { extractDocument } from './extract';
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

  // Finding 11 of the nothing-lost issue: no memory limit on the worker, and every death reported as PDF_CORRUPT.
  it('stops a worker that outgrows its heap limit, says so in the code of the file’s type, and carries on', async () => {
    pool = createExtractionPool({ stallMs: 20_000, entry: misbehaving, workerHeapMb: 64 });
    await expect(pool.extract(bytes, 'oom.docx', undefined, () => {})).rejects.toMatchObject({
      code: 'DOCX_CORRUPT',
      details: { name: 'oom.docx' },
    });
    await expect(pool.extract(bytes, 'die.txt', undefined, () => {})).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
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

describe('a PDF shared between two workers', () => {
  const statute = sharedFile('contracts-vi', 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf');

  it('reads the same text, page map, running lines and token counts as one thread does', async () => {
    const bytes = new Uint8Array(readFileSync(statute));
    pool = createExtractionPool({ workers: 2 });
    const pages: number[] = [];
    const stages: string[] = [];
    const shared = await pool.extract(bytes, 'luat-thuong-mai.pdf', undefined, (progress) => {
      stages.push(progress.stage);
      if (progress.page !== undefined) pages.push(progress.page);
    });
    const alone = await extractDocument(bytes, 'luat-thuong-mai.pdf', undefined);
    expect(shared).toEqual(alone);
    expect(shared.pages).toBe(48);
    // One count across both shards, one step a page, ending at the whole.
    expect(pages).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(stages.at(-1)).toBe('counting');
  });

  it('keeps a lost page lost and a password asked for, whichever shard meets it', async () => {
    pool = createExtractionPool({ workers: 2 });
    const lost = await pool.extract(
      new Uint8Array(readFileSync(sharedFile('pdf-broken', 'Pages-tree-refs.pdf'))),
      'Pages-tree-refs.pdf',
      undefined,
      () => {},
    );
    expect(lost.warnings).toContainEqual({ kind: 'pages-lost', pages: [2] });
    const locked = new Uint8Array(readFileSync(sharedFile('pdf-broken', 'pr6531_1.pdf')));
    await expect(pool.extract(locked, 'pr6531_1.pdf', undefined, () => {})).rejects.toMatchObject({
      code: 'PDF_PASSWORD_REQUIRED',
    });
    await expect(pool.extract(locked, 'pr6531_1.pdf', 'qwerty', () => {})).rejects.toMatchObject({
      code: 'PDF_PASSWORD_WRONG',
    });
  });
});

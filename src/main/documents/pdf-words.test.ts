import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedFile } from '../testing/shared-data';
import { extractDocument } from './extract';
import { readPdfPages } from './pdf-text';

const words = (text: string) => text.normalize('NFC').split(/\s+/u).filter(Boolean);

/** The share of `reference` words (with repeats) that `candidate` also has. */
function wordRecall(reference: string[], candidate: string[]): number {
  const available = new Map<string, number>();
  for (const word of candidate) available.set(word, (available.get(word) ?? 0) + 1);
  let found = 0;
  for (const word of reference) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      found++;
      available.set(word, left - 1);
    }
  }
  return found / reference.length;
}

describe('Vietnamese words survive extraction (against poppler’s pdftotext)', () => {
  const file = sharedFile('contracts-vi', 'bo-luat-dan-su-2015_phap-dien-9.1_full.pdf');
  const bytes = new Uint8Array(readFileSync(file));

  it('finds at least 99.9% of pdftotext’s words on the 404-page Civil Code', async () => {
    const reference = words(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    const { pages } = await readPdfPages(bytes, 'bo-luat.pdf', undefined, () => {});
    const recall = wordRecall(reference, words(pages.flat().join('\n')));
    expect(reference.length).toBeGreaterThan(150_000);
    expect(recall).toBeGreaterThanOrEqual(0.999);
  }, 60_000);

  it('keeps every “Điều” of the Civil Code whole in the stored text: 3,528', async () => {
    const result = await extractDocument(bytes, 'bo-luat.pdf', undefined);
    const text = result.pageTexts.map((page) => page.text).join('\n');
    expect(result.pages).toBe(404);
    expect(text.match(/Điều/gu)?.length).toBe(3528);
    // The split forms old pdf.js builds produce.
    expect(text).not.toMatch(/kho ản|Trường h ợp/u);
  }, 60_000);
});

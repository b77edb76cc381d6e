import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { sharedFile } from '../testing/shared-data';
import { extractDocument } from './extract';

const read = (...parts: string[]) => new Uint8Array(readFileSync(sharedFile(...parts)));

async function codeOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'ingested';
}

describe('extractDocument on real PDFs', () => {
  it.each([
    ['ADUROBIOTECH,INC_06_02_2020-EX-10.7-CONSULTING AGREEMENT.PDF', 4],
    ['ArtaraTherapeuticsInc_20200110_8-K_EX-10.5_11943350_EX-10.5_License Agreement.pdf', 15],
    ['NETGEAR,INC_04_21_2003-EX-10.16-DISTRIBUTOR AGREEMENT.pdf', 8],
    ['MEDIWOUNDLTD_01_15_2014-EX-10.6-SUPPLY AGREEMENT.PDF', 22],
    ['JINGWEIINTERNATIONALLTD_10_04_2007-EX-10.7-INTELLECTUAL PROPERTY AGREEMENT.PDF', 7],
    ['WESTERN COPPER - NON-COMPETITION AGREEMENT.PDF', 8],
  ])('reads the CUAD original %s with its %i pages, in English', async (file, pages) => {
    const result = await extractDocument(read('pdf-en', 'cuad-original', file), file, undefined);
    expect(result).toMatchObject({ kind: 'pdf', pages, language: 'en', warnings: [] });
    expect(result.pageTexts).toHaveLength(pages);
    expect(result.tokens.o200k_base).toBeGreaterThan(result.chars / 8);
  });

  it.each([
    ['pdf-en/cuad-original', 'MANUFACTURERSSERVICESLTD_06_05_2000-EX-10.14-OUTSOURCING AGREEMENT.PDF', 75],
    ['pdf-en', 'ADUROBIOTECH,INC_06_02_2020-EX-10.7-CONSULTING AGREEMENT.pdf', 5],
    ['pdf-en', 'ArtaraTherapeuticsInc_20200110_8-K_EX-10.5_11943350_EX-10.5_License Agreement.pdf', 15],
    ['pdf-en', 'NETGEAR,INC_04_21_2003-EX-10.16-DISTRIBUTOR AGREEMENT.pdf', 18],
    ['pdf-en', 'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.pdf', 112],
    ['pdf-en', 'MANUFACTURERSSERVICESLTD_06_05_2000-EX-10.14-OUTSOURCING AGREEMENT.pdf', 153],
  ])('reads %s/%s with its %i pages', { timeout: 30_000 }, async (folder, file, pages) => {
    const result = await extractDocument(read(...folder.split('/'), file), file, undefined);
    expect(result).toMatchObject({ kind: 'pdf', pages, language: 'en', warnings: [] });
  });

  it('reads the 115-page CUAD franchise agreement and maps offsets to its pages', async () => {
    const file = 'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.PDF';
    const result = await extractDocument(read('pdf-en', 'cuad-original', file), file, undefined);
    expect(result.pages).toBe(115);
    const page50 = result.pageTexts[49];
    expect(page50?.page).toBe(50);
    expect(page50?.text.length).toBeGreaterThan(500);
    expect(result.chars).toBeGreaterThan(250_000);
  }, 30_000);

  it('recognises the running header and "Page N" footer of a generated contract and leaves them out', async () => {
    const file = 'MEDIWOUNDLTD_01_15_2014-EX-10.6-SUPPLY AGREEMENT.pdf';
    const result = await extractDocument(read('pdf-en', file), file, undefined);
    expect(result.pages).toBe(20);
    expect(result.runningLines.some((line) => line.startsWith('CUAD v1'))).toBe(true);
    expect(result.runningLines.some((line) => /^Page \d+$/.test(line))).toBe(true);
    expect(result.pageTexts.some((page) => /^Page \d+$/m.test(page.text))).toBe(false);
  });

  it('reads the 48-page Vietnamese statute with its diacritics, in Vietnamese', async () => {
    const file = 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.pdf';
    const result = await extractDocument(read('contracts-vi', file), file, undefined);
    expect(result).toMatchObject({ kind: 'pdf', pages: 48, language: 'vi' });
    const text = result.pageTexts.map((page) => page.text).join('\n');
    expect(text).toContain('Mua bán hàng hóa');
    expect(text).toContain('Điều');
    expect(text).toBe(text.normalize('NFC'));
    expect(result.runningLines.some((line) => /^Trang \d+$/.test(line))).toBe(true);
  }, 30_000);
});

describe('extractDocument on bad and unusual PDFs', () => {
  it.each([
    ['zero-length.pdf', undefined, 'FILE_EMPTY'],
    ['bug1020226.pdf', undefined, 'PDF_CORRUPT'],
    ['REDHAT-1531897-0.pdf', undefined, 'PDF_CORRUPT'],
    ['pr6531_1.pdf', undefined, 'PDF_PASSWORD_REQUIRED'],
    ['pr6531_1.pdf', 'qwerty', 'PDF_PASSWORD_WRONG'],
    // The right password opens it; its one page is an image, so there is no text to keep.
    ['pr6531_1.pdf', 'asdfasdf', 'PDF_NO_TEXT'],
    ['issue6010_2.pdf', undefined, 'PDF_PASSWORD_REQUIRED'],
    ['issue6010_2.pdf', 'æøå', 'ingested'],
    ['issue7665.pdf', undefined, 'ingested'],
    ['ccitt_EndOfBlock_false.pdf', undefined, 'PDF_NO_TEXT'],
    ['bug1606566.pdf', undefined, 'ingested'],
    ['xref_command_missing.pdf', undefined, 'ingested'],
  ])('%s (password %s) ends as %s', async (file, password, expected) => {
    expect(await codeOf(extractDocument(read('pdf-broken', file), file, password))).toBe(expected);
  });

  it('refuses a scan with no text layer', async () => {
    const file = 'WESTERN COPPER - NON-COMPETITION AGREEMENT_pages1-3_image-only.pdf';
    expect(await codeOf(extractDocument(read('pdf-en', 'scan-no-text', file), file, undefined))).toBe('PDF_NO_TEXT');
  });

  it('refuses a text file renamed .pdf as NOT_A_PDF', async () => {
    const bytes = read('contracts-vi', 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.txt');
    expect(await codeOf(extractDocument(bytes, 'hop-dong.PDF', undefined))).toBe('NOT_A_PDF');
  });

  it('reports progress page by page', async () => {
    const seen: number[] = [];
    await extractDocument(read('pdf-broken', 'rotation.pdf'), 'rotation.pdf', undefined, (p) => {
      if (p.page) seen.push(p.page);
    });
    expect(seen).toEqual([1, 2]);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvents } from '../../shared/events';
import { FILES_DIR } from '../services';
import { SHARED_DATA, sharedFile } from '../testing/shared-data';
import { createTempServices } from '../testing/temp-services';

let services: ReturnType<typeof createTempServices>;
const events: AppEvents['documents:progress'][] = [];
let nextId = 0;
const ingestId = () => `ingest-${++nextId}`;

beforeAll(() => {
  services = createTempServices({
    emit: (name, payload) => {
      if (name === 'documents:progress') events.push(payload as AppEvents['documents:progress']);
    },
  });
});
afterAll(() => services.dispose());

const documentCount = () => (services.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
const storedFiles = () =>
  readdirSync(join(services.dataDir, FILES_DIR), { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    .length;

type ByPath = { ingestId: string; path: string; password?: string };

/** As the app does with a dropped file: handed over first, then ingested by its token. */
function ingestInput(input: Parameters<typeof services.documents.ingest>[0] | ByPath) {
  if (!('path' in input)) return input;
  const { path, ...rest } = input;
  return { ...rest, fileId: services.documents.handOver(path).fileId };
}

const ingestPath = (input: ByPath) => services.documents.ingest(ingestInput(input));

async function outcome(input: Parameters<typeof services.documents.ingest>[0] | ByPath): Promise<string> {
  try {
    return (await services.documents.ingest(ingestInput(input))).alreadyStored ? 'already stored' : 'ingested';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

describe('ingesting documents', () => {
  const goosehead = sharedFile(
    'pdf-en',
    'cuad-original',
    'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.PDF',
  );

  it('ingests a PDF by path, keeps the original by its SHA-256 and every page text, and reports progress', async () => {
    const summary = await ingestPath({ ingestId: 'goose', path: goosehead });
    expect(summary).toMatchObject({ name: 'GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.PDF' });
    expect(summary).toMatchObject({ kind: 'pdf', pages: 115, language: 'en', alreadyStored: false });
    expect(services.documents.file(summary.sha256)).toEqual(new Uint8Array(readFileSync(goosehead)));
    expect(services.documents.get(summary.sha256).pageTexts).toHaveLength(115);

    const progress = events.filter((e) => e.ingestId === 'goose');
    expect(progress.at(0)?.stage).toBe('reading');
    expect(progress.at(-1)).toMatchObject({ stage: 'storing' });
    expect(progress.some((e) => e.page === 115 && e.pages === 115)).toBe(true);
  }, 30_000);

  it('gives the same document for the same bytes, dropped again under another name', async () => {
    const before = documentCount();
    const again = await services.documents.ingest({
      ingestId: ingestId(),
      name: 'copy of franchise.pdf',
      bytes: new Uint8Array(readFileSync(goosehead)),
    });
    expect(again.alreadyStored).toBe(true);
    expect(again.name).toBe('GOOSEHEADINSURANCE,INC_04_02_2018-EX-10.6-Franchise Agreement.PDF');
    expect(documentCount()).toBe(before);
  });

  // Finding 12 of the nothing-lost issue: the same bytes dropped three times at once gave two UNIQUE failures.
  it('stores the same bytes ingested three times at once once, and tells the other two it was already stored', async () => {
    const bytes = new TextEncoder().encode('Điều 5. Ba lần thả cùng một tệp vào cùng lúc.');
    const before = documentCount();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => outcome({ ingestId: ingestId(), name: 'ba-lan.txt', bytes })),
    );
    expect(outcomes.sort()).toEqual(['already stored', 'already stored', 'ingested']);
    expect(documentCount()).toBe(before + 1);
  });

  it('reads a DOCX made by Word-compatible software, Vietnamese intact', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph('HỢP ĐỒNG MUA BÁN HÀNG HÓA'),
              new Paragraph('Điều 1. Bên A đồng ý bán và Bên B đồng ý mua hàng hóa theo khoản 2 Điều này.'),
              new Paragraph('Điều 2. Phạt vi phạm hợp đồng là 8% giá trị phần nghĩa vụ bị vi phạm.'),
            ],
          },
        ],
      }),
    );
    const summary = await services.documents.ingest({
      ingestId: ingestId(),
      name: 'Hợp đồng.DOCX',
      bytes: new Uint8Array(docx),
    });
    expect(summary).toMatchObject({ kind: 'docx', pages: null, language: 'vi' });
    const text = services.documents.get(summary.sha256).pageTexts[0]?.text ?? '';
    expect(text).toContain('Điều 2. Phạt vi phạm hợp đồng là 8%');
  });

  it('reads UTF-16 text with a byte-order mark and normalises decomposed accents to NFC', async () => {
    const text = 'Điều 5. Bên bán phải giao hàng đúng hạn.\n'.normalize('NFD');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const summary = await services.documents.ingest({ ingestId: ingestId(), name: 'dieu-5.txt', bytes: utf16 });
    expect(services.documents.get(summary.sha256).pageTexts[0]?.text).toBe('Điều 5. Bên bán phải giao hàng đúng hạn.');
  });

  it('reads a Vietnamese Markdown statute that mixes composed and decomposed accents', async () => {
    const file = sharedFile('contracts-vi', 'luat-thuong-mai-2005_chuong-II-mua-ban-hang-hoa_excerpt.txt');
    const summary = await ingestPath({ ingestId: ingestId(), path: file });
    expect(summary).toMatchObject({ kind: 'text', language: 'vi' });
    // The raw file counts 30,236 o200k tokens; joining broken lines changes a few.
    expect(summary.tokens.o200k_base).toBeGreaterThan(29_000);
    expect(summary.tokens.o200k_base).toBeLessThan(31_000);
    expect(summary.tokens.cl100k_base / summary.tokens.o200k_base).toBeGreaterThan(1.4);
  });

  it('asks for the password of a protected PDF and ingests it with the right one', async () => {
    const file = sharedFile('pdf-broken', 'issue6010_2.pdf');
    expect(await outcome({ ingestId: ingestId(), path: file })).toBe('PDF_PASSWORD_REQUIRED');
    expect(await outcome({ ingestId: ingestId(), path: file, password: 'wrong' })).toBe('PDF_PASSWORD_WRONG');
    expect(await outcome({ ingestId: ingestId(), path: file, password: 'æøå' })).toBe('ingested');
  });

  it.each([
    ['a missing file', { path: join(SHARED_DATA, 'no-such-contract.pdf') }, 'FILE_NOT_FOUND'],
    ['a folder', { path: SHARED_DATA }, 'FILE_NOT_FOUND'],
    ['zero bytes', { name: 'empty.txt', bytes: new Uint8Array() }, 'FILE_EMPTY'],
    [
      'a spreadsheet',
      { name: 'bang-gia.xlsx', bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) },
      'UNSUPPORTED_TYPE',
    ],
    ['a program', { name: 'setup.exe', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0]) }, 'UNSUPPORTED_TYPE'],
    ['a broken docx', { name: 'hop-dong.docx', bytes: new TextEncoder().encode('not a zip') }, 'DOCX_CORRUPT'],
    [
      'Windows-1258 text',
      { name: 'cu.txt', bytes: new Uint8Array([0x48, 0xf0, 0xec, 0x20, 0xf1]) },
      'TEXT_ENCODING_UNSUPPORTED',
    ],
  ])('refuses %s with a code and stores nothing', async (_what, input, code) => {
    const [documentsBefore, filesBefore] = [documentCount(), storedFiles()];
    expect(await outcome({ ingestId: ingestId(), ...input })).toBe(code);
    expect([documentCount(), storedFiles()]).toEqual([documentsBefore, filesBefore]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const huge = join(services.dataDir, 'huge.pdf');
    writeFileSync(huge, '');
    const { truncateSync } = await import('node:fs');
    truncateSync(huge, 301 * 1024 * 1024);
    expect(await outcome({ ingestId: ingestId(), path: huge })).toBe('FILE_TOO_LARGE');
  });
});

describe('every damaged PDF of the pdf.js corpus', () => {
  const allowed = new Set([
    'ingested',
    'already stored',
    'FILE_EMPTY',
    'NOT_A_PDF',
    'PDF_CORRUPT',
    'PDF_PASSWORD_REQUIRED',
    'PDF_NO_TEXT',
    'FILE_TOO_LARGE',
    'EXTRACTION_TIMEOUT',
  ]);
  const files = readdirSync(join(SHARED_DATA, 'pdf-broken')).filter((name) => name.toLowerCase().endsWith('.pdf'));

  it.each(files)(
    '%s ends in a document or a known code, and the worker lives on',
    { timeout: 10_000 },
    async (file) => {
      const before = documentCount();
      const result = await outcome({ ingestId: ingestId(), path: join(SHARED_DATA, 'pdf-broken', file) });
      expect(allowed).toContain(result);
      expect(documentCount()).toBe(result === 'ingested' ? before + 1 : before);
    },
  );

  it('keeps what could be read of a PDF whose page tree is damaged, naming the lost page', async () => {
    const summary = await ingestPath({ ingestId: ingestId(), path: sharedFile('pdf-broken', 'Pages-tree-refs.pdf') });
    expect(summary.warnings).toContainEqual({ kind: 'pages-lost', pages: expect.any(Array) });
  });
});

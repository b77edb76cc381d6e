import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { FILES_DIR } from '../services';
import { insertAnswer } from '../testing/seed';
import { createTempServices } from '../testing/temp-services';

let services: ReturnType<typeof createTempServices>;
const ingest = async (text: string) =>
  (await services.documents.ingest({ ingestId: text, name: `${text}.txt`, bytes: new TextEncoder().encode(text) }))
    .sha256;
const fileOf = (sha256: string) => join(services.dataDir, FILES_DIR, sha256.slice(0, 2), sha256);

function answer(id: string, sha256: string, matterId: string | null, createdAt = 1) {
  insertAnswer(services.db, { id, question: 'q', text: '', documentIds: [sha256], createdAt, matterId });
}

beforeEach(() => {
  services = createTempServices();
});
afterEach(() => services.dispose());

describe('matters', () => {
  it('dates a matter by its newest analysis, or by its creation while that is later', async () => {
    const matter = services.matters.create('Vụ An Phát');
    expect(matter.lastActivityAt).toBe(matter.createdAt);
    const sha = await ingest('Điều 2');
    answer('old', sha, matter.id, 1);
    expect(services.matters.get(matter.id).lastActivityAt).toBe(matter.createdAt);
    answer('new', sha, matter.id, matter.createdAt + 60_000);
    expect(services.matters.list()[0]?.lastActivityAt).toBe(matter.createdAt + 60_000);
  });

  it('creates, renames and lists matters with their counts', async () => {
    const matter = services.matters.create('  Công ty TNHH An Phát – tranh chấp hợp đồng ');
    expect(matter).toMatchObject({ name: 'Công ty TNHH An Phát – tranh chấp hợp đồng', documents: 0, answers: 0 });
    const sha = await ingest('Điều 1');
    services.matters.assign(matter.id, { documentIds: [sha] });
    answer('a1', sha, matter.id);
    expect(services.matters.rename(matter.id, 'Vụ An Phát')).toMatchObject({
      name: 'Vụ An Phát',
      documents: 1,
      answers: 1,
    });
    expect(() => services.matters.rename('nope', 'x')).toThrowError(
      expect.objectContaining({ code: 'MATTER_NOT_FOUND' }),
    );
  });

  it('deleting a matter removes its analyses and the documents and files nothing else uses', async () => {
    const matter = services.matters.create('Vụ B');
    const own = await ingest('Chỉ thuộc vụ B');
    const shared = await ingest('Dùng chung');
    services.matters.assign(matter.id, { documentIds: [own, shared] });
    answer('in-matter', own, matter.id);
    answer('elsewhere', shared, null);

    expect(services.matters.remove(matter.id)).toEqual({
      answers: 1,
      documents: 1,
      files: 1,
      answerIds: ['in-matter'],
      documentIds: [own],
    });

    expect(services.matters.list()).toEqual([]);
    expect(() => services.answers.get('in-matter')).toThrowError(expect.objectContaining({ code: 'ANSWER_NOT_FOUND' }));
    expect(services.answers.get('elsewhere').documentIds).toEqual([shared]);
    expect(existsSync(fileOf(own))).toBe(false);
    expect(existsSync(fileOf(shared))).toBe(true);
    expect(services.documents.list().map((d) => d.sha256)).toEqual([shared]);
    expect(services.history.search('chi thuoc', 10)).toEqual([]);
  });
});

// Finding 7 of the nothing-lost issue: deleted documents and answers stayed readable in the database file.
describe('what a deletion leaves in the database file', () => {
  it('is nothing of the deleted contract or analysis, in the database or its WAL', async () => {
    // Whole words, as the full-text index keeps them.
    const marker = 'bimathopdong7f3a9c';
    const matter = services.matters.create('Vụ C');
    const sha = await ingest(`Điều 1. Giá trị hợp đồng ${marker}tailieu.`);
    services.matters.assign(matter.id, { documentIds: [sha] });
    insertAnswer(services.db, {
      id: 'secret',
      question: `Điều khoản nào nói về ${marker}cauhoi?`,
      text: `Trả lời: ${marker}traloi`,
      documentIds: [sha],
      createdAt: 1,
      matterId: matter.id,
    });
    services.matters.remove(matter.id);
    const onDisk = ['', '-wal']
      .map((suffix) => join(services.dataDir, `lexdesk.sqlite3${suffix}`))
      .filter(existsSync)
      .map((file) => readFileSync(file).toString('latin1'))
      .join('');
    expect(onDisk.length).toBeGreaterThan(0);
    for (const part of ['tailieu', 'cauhoi', 'traloi']) expect(onDisk).not.toContain(`${marker}${part}`);
  });
});

// Finding 12 of the nothing-lost issue: a name beginning with U+0000 passed the schema and failed the SQL CHECK.
describe('a matter name with control characters', () => {
  it('is kept without them, and one of nothing but them is refused as invalid input, never an internal error', async () => {
    const { headlessDesktop } = await import('../desktop/desktop');
    const dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
    expect(await dispatch('matters:create', { name: '\u0000Vụ\u0007 An\u001fPhát' })).toMatchObject({
      ok: true,
      value: { name: 'Vụ An Phát' },
    });
    expect(await dispatch('matters:create', { name: '\u0000\u0001' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});

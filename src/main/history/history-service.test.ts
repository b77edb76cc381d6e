import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HIT_END, HIT_START, type SearchHit } from '../../shared/history';
import { insertAnswer } from '../testing/seed';
import { createTempServices } from '../testing/temp-services';

let services: ReturnType<typeof createTempServices>;
let sha256: string;

beforeEach(async () => {
  services = createTempServices();
  const doc = await services.documents.ingest({
    ingestId: 'x',
    name: 'Hợp đồng mua bán hàng hóa.txt',
    bytes: new TextEncoder().encode(
      'Điều 301. Mức phạt vi phạm không quá 8% giá trị phần nghĩa vụ hợp đồng bị vi phạm.',
    ),
  });
  sha256 = doc.sha256;
  const insert = services.db.prepare(
    `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, cost,
       currency, created_at, updated_at) VALUES (?, ?, 'kimi', 'Kimi', 'kimi-k2', 'streaming', ?, 100, 0.01, 'USD', ?, ?)`,
  );
  const link = services.db.prepare(
    'INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 0, ?)',
  );
  const finish = services.db.prepare("UPDATE answers SET status = 'done' WHERE id = ?");
  for (const [id, question, text, at] of [
    ['old', 'Thời hạn thanh toán?', 'Thanh toán trong 30 ngày [p. 2, Điều 5].', 1000],
    ['new', 'Mức phạt vi phạm là bao nhiêu?', 'Mức phạt tối đa 8% [p. 1, Điều 301].', 2000],
  ] as const) {
    insert.run(id, question, text, at, at);
    link.run(id, sha256);
    finish.run(id);
  }
});
afterEach(() => services.dispose());

describe('history', () => {
  it('lists analyses newest first with their first document', () => {
    const page = services.history.page(10, 0);
    expect(page.total).toBe(2);
    expect(page.items.map((item) => item.answerId)).toEqual(['new', 'old']);
    expect(page.items[0]).toMatchObject({
      documentName: 'Hợp đồng mua bán hàng hóa.txt',
      documentCount: 1,
      cost: 0.01,
    });
    expect(services.history.page(1, 1).items.map((item) => item.answerId)).toEqual(['old']);
  });

  it('says how each analysis was read: whole, in parts, or partly (parts failed, or only passages sent)', () => {
    const plan = (strategy: string, failed: number, charsSent: number) =>
      JSON.stringify({
        strategy,
        parts: 3,
        coverage: { pages: 0, pagesLeftOut: [], chars: 100, charsSent },
        failedParts: Array.from({ length: failed }, (_, index) => ({ index, document: sha256, pages: [] })),
      });
    const read = (id: string) => services.history.page(10, 0).items.find((item) => item.answerId === id);
    expect(read('old')).toMatchObject({ readBy: null, coverage: null });
    const set = services.db.prepare('UPDATE answers SET plan = ? WHERE id = ?');
    set.run(plan('map-reduce', 0, 100), 'old');
    expect(read('old')).toMatchObject({ readBy: 'map-reduce', coverage: 'full' });
    set.run(plan('map-reduce', 1, 100), 'old');
    expect(read('old')).toMatchObject({ readBy: 'map-reduce', coverage: 'partial' });
    set.run(plan('focused', 0, 25), 'new');
    expect(read('new')).toMatchObject({ readBy: 'focused', coverage: 'partial' });
  });

  it('lists the analyses of one matter, or those in no matter, each with its matter', () => {
    const matter = services.matters.create('Vụ An Phát');
    services.matters.assign(matter.id, { answerIds: ['old'] });
    const ids = (matterId?: string | null) => services.history.page(10, 0, matterId).items.map((i) => i.answerId);
    expect(ids(matter.id)).toEqual(['old']);
    expect(ids(null)).toEqual(['new']);
    expect(ids()).toEqual(['new', 'old']);
    expect(services.history.page(10, 0, null).total).toBe(1);
    expect(services.history.page(10, 0).items.map((i) => i.matterId)).toEqual([null, matter.id]);
  });

  it('finds questions, answers, names and page text typed without diacritics, hits marked', () => {
    const hits = services.history.search('phat vi pham', 10);
    expect(hits).toContainEqual(expect.objectContaining({ kind: 'answer', answerId: 'new' }));
    const page = hits.find((hit) => hit.kind === 'page');
    expect(page).toMatchObject({ kind: 'page', sha256, page: 1, title: 'Hợp đồng mua bán hàng hóa.txt' });
    expect(page?.snippet).toContain(`${HIT_START}phạt${HIT_END}`);
    expect(services.history.search('hop dong mua ban', 10)).toContainEqual(
      expect.objectContaining({ kind: 'document', sha256 }),
    );
    expect(
      services.history
        .search('dieu 301', 10)
        .map((hit) => hit.kind)
        .sort(),
    ).toEqual(['answer', 'page']);
    expect(services.history.search('bồi thường', 10)).toEqual([]);
  });

  it('narrows to one kind of hit, one document, or one matter', async () => {
    const other = await services.documents.ingest({
      ingestId: 'y',
      name: 'Hợp đồng dịch vụ.txt',
      bytes: new TextEncoder().encode('Điều 9. Phạt vi phạm nghĩa vụ bảo mật: 5% giá trị hợp đồng.'),
    });
    const matter = services.matters.create('Vụ An Phát');
    services.matters.assign(matter.id, { answerIds: ['new'] });
    const kinds = (hits: { kind: string }[]) => [...new Set(hits.map((hit) => hit.kind))].sort();
    const where = (hits: SearchHit[]) =>
      hits.map((hit) =>
        hit.kind === 'answer' ? hit.answerId : `${hit.kind}:${hit.sha256 === sha256 ? 'mua-ban' : 'dich-vu'}`,
      );

    expect(kinds(services.history.search('phat', 50))).toEqual(['answer', 'page']);
    expect(kinds(services.history.search('phat', 50, { kind: 'page' }))).toEqual(['page']);
    expect(where(services.history.search('phat', 50, { documentId: other.sha256 }))).toEqual(['page:dich-vu']);
    expect(where(services.history.search('phat', 50, { matterId: matter.id }))).toEqual(['new']);
    // In no matter: the answer left unfiled, and both documents' pages (neither is filed).
    expect(where(services.history.search('phat', 50, { matterId: null })).sort()).toEqual(
      ['page:dich-vu', 'page:mua-ban'].sort(),
    );
    expect(where(services.history.search('thanh toan', 50, { matterId: null, kind: 'answer' }))).toEqual(['old']);
  });

  it("shows an answer's snippet as text, not as the Markdown it is written in", () => {
    insertAnswer(services.db, {
      id: 'table',
      question: 'Bảng mức phạt?',
      text: '## Mức phạt\n\n| Điều | Mức |\n| --- | --- |\n| Điều 9 | **tiền ký quỹ** 5% |',
      documentIds: [],
      createdAt: 3,
    });
    // The search index takes an answer when it is finished, as the ask path finishes it.
    services.db.prepare("UPDATE answers SET status = 'streaming' WHERE id = 'table'").run();
    services.db.prepare("UPDATE answers SET status = 'done' WHERE id = 'table'").run();
    const hit = services.history.search('ky quy', 10).find((found) => found.kind === 'answer');
    expect(hit?.snippet).toContain(`${HIT_START}ký${HIT_END}`);
    expect(hit?.snippet).not.toMatch(/\||---|\*\*|##/);
  });
});

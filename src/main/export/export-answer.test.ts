import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatCost, formatDateTime, formatPercent } from '../../shared/format';
import { insertAnswer } from '../testing/seed';
import { createTempServices } from '../testing/temp-services';
import { exportAnswer, exportMatter } from './export-answer';

const ANSWER = [
  '## Phạt vi phạm',
  '',
  '- Mức phạt **8%** giá trị phần nghĩa vụ bị vi phạm [p. 40, Điều 301].',
  '- Bên bị vi phạm có quyền *đòi bồi thường* thiệt hại [p. 41, Điều 302].',
  '',
  '| Điều | Nội dung |',
  '|---|---|',
  '| 301 | Mức phạt vi phạm |',
].join('\n');

const vi = { language: 'vi', vndRate: null } as const;
const en = { language: 'en', vndRate: null } as const;

let services: ReturnType<typeof createTempServices>;
const answerId = 'a-export';
let documentSha256: string;

function storeAnswer(id: string, question: string, cost: number, createdAt: number, matterId: string | null) {
  insertAnswer(services.db, { id, question, text: ANSWER, documentIds: [documentSha256], cost, createdAt, matterId });
}

beforeEach(async () => {
  services = createTempServices();
  const doc = await services.documents.ingest({
    ingestId: 'e',
    name: 'Luật Thương mại 2005.txt',
    bytes: new TextEncoder().encode('Điều 301. Mức phạt vi phạm.'),
  });
  documentSha256 = doc.sha256;
  storeAnswer(answerId, 'Mức phạt vi phạm hợp đồng là bao nhiêu?', 0.0183, 1764300000000, null);
});
afterEach(() => services.dispose());

describe('export', () => {
  it('writes a Word file that reads back with the question, the formatted answer and the cost', async () => {
    const file = join(services.dataDir, 'phan-tich.docx');
    await exportAnswer(services, answerId, 'docx', file, vi);
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
    expect(html).toContain('Mức phạt vi phạm hợp đồng là bao nhiêu?');
    expect(html).toContain('<strong>8%</strong>');
    expect(html).toContain('<em>đòi bồi thường</em>');
    expect(html).toContain('[p. 40, Điều 301]');
    expect(html).toMatch(/<table>.*Mức phạt vi phạm.*<\/table>/s);
    expect(html).toContain('0,0183');
    expect(html).toContain('Luật Thương mại 2005.txt');
    expect(html).toContain('Moonshot (Kimi)');
  });

  // The nothing-lost issue: the Word export parsed a model's whole answer on main, where 4,000 characters of
  // `1. ` took 740 ms and 60,000 of `a* ` 18 s; now blocks are parsed in a worker thread, each with a deadline.
  it('exports an answer built to stall a Markdown parser, its ordinary parts formatted and the rest as text', async () => {
    const hostile = [
      '## Phạt vi phạm',
      '1. '.repeat(2_000),
      '>'.repeat(2_000),
      '*a'.repeat(4_000),
      'Mức phạt **8%**.',
    ].join('\n\n');
    insertAnswer(services.db, {
      id: 'a-hostile',
      question: 'Phạt?',
      text: hostile,
      documentIds: [documentSha256],
      cost: 0,
      createdAt: 1764300000000,
      matterId: null,
    });
    const file = join(services.dataDir, 'hostile.docx');
    await exportAnswer(services, 'a-hostile', 'docx', file, vi);
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
    expect(html).toContain('Phạt vi phạm</h');
    expect(html).toContain('<strong>8%</strong>');
    const { value: text } = await mammoth.extractRawText({ buffer: readFileSync(file) });
    // The run of emphasis marks is still there, as text or as italics.
    expect(text.split('a').length - 1).toBeGreaterThanOrEqual(4_000);
  }, 60_000);

  it('writes Markdown with the facts table and the answer as written', async () => {
    const file = join(services.dataDir, 'phan-tich.md');
    await exportAnswer(services, answerId, 'md', file, en);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('## Question\n\nMức phạt vi phạm hợp đồng là bao nhiêu?');
    expect(text).toContain('| Cost | $0.0183 |');
    expect(text).toContain(ANSWER);
  });

  it('dates the analysis as the glossary does and adds đồng at the lawyer’s rate to a cost in US dollars', async () => {
    const file = join(services.dataDir, 'dong.md');
    await exportAnswer(services, answerId, 'md', file, {
      language: 'vi',
      vndRate: { perUsd: 26_000, checkedOn: '2026-12-01' },
    });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(`| Chi phí | ${formatCost(0.0183, 'USD', 'vi')} (≈ 476\u00a0₫) |`);
    expect(text).toContain(`| Thời điểm hỏi | ${formatDateTime(1764300000000, 'vi')} |`);
    expect(formatDateTime(1764300000000, 'vi')).toMatch(/^\d\d:\d\d ngày 28 tháng 11 năm 2025$/);
  });

  it('says how a long document was read, and which pages an incomplete answer lacks', async () => {
    const plan = {
      strategy: 'map-reduce',
      parts: 13,
      coverage: {
        pages: 404,
        pagesLeftOut: [{ document: documentSha256, pages: [180, 181, 182] }],
        chars: 1,
        charsSent: 1,
      },
      failedParts: [{ index: 6, document: documentSha256, pages: [180, 181, 182] }],
    };
    services.db.prepare('UPDATE answers SET plan = ? WHERE id = ?').run(JSON.stringify(plan), answerId);
    const file = join(services.dataDir, 'thieu.md');
    await exportAnswer(services, answerId, 'md', file, vi);
    expect(readFileSync(file, 'utf8')).toContain(
      '| Cách đọc tài liệu | theo 13 phần rồi tổng hợp; CHƯA ĐẦY ĐỦ: 1 phần không đọc được (trang 180–182) |',
    );
  });

  it('says a focused answer is partial, how much it read and which pages it was not sent', async () => {
    const plan = {
      strategy: 'focused',
      parts: 40,
      coverage: {
        pages: 404,
        pagesLeftOut: [{ document: documentSha256, pages: [1, 2, 3, 7, 9, 10] }],
        chars: 1_000,
        charsSent: 120,
      },
      failedParts: [],
    };
    services.db.prepare('UPDATE answers SET plan = ? WHERE id = ?').run(JSON.stringify(plan), answerId);
    const file = join(services.dataDir, 'trich.md');
    await exportAnswer(services, answerId, 'md', file, vi);
    expect(readFileSync(file, 'utf8')).toContain(
      `| Cách đọc tài liệu | CHƯA ĐẦY ĐỦ: chỉ gửi 40 đoạn trích liên quan nhất đến câu hỏi (${formatPercent(0.12, 'vi')} văn bản); các trang không được gửi: 1–3, 7, 9–10 |`,
    );
  });

  it('carries the citations’ check: the counts, and which were found nowhere', async () => {
    const check = (verdict: string, start: number, end: number) => ({
      start,
      end,
      document: documentSha256,
      page: 40,
      clause: 'Điều 301',
      quote: null,
      verdict,
      foundPages: [],
      foundIn: [],
      range: null,
      match: null,
    });
    const at = ANSWER.indexOf('[p. 41, Điều 302]');
    services.db
      .prepare('UPDATE answers SET citations = ? WHERE id = ?')
      .run(JSON.stringify([check('verified', 0, 1), check('not-found', at, at + 17)]), answerId);
    const file = join(services.dataDir, 'trich-dan.md');
    await exportAnswer(services, answerId, 'md', file, vi);
    expect(readFileSync(file, 'utf8')).toContain(
      '| Kiểm tra trích dẫn | 2 trích dẫn: 1 khớp, 1 không tìm thấy; không tìm thấy trong tài liệu: [p. 41, Điều 302] |',
    );
  });

  it('says in its status that an answer was cut off at the model’s output limit', async () => {
    services.db.prepare("UPDATE answers SET finish_reason = 'length' WHERE id = ?").run(answerId);
    const file = join(services.dataDir, 'bi-cat.md');
    await exportAnswer(services, answerId, 'md', file, vi);
    expect(readFileSync(file, 'utf8')).toContain(
      '| Trạng thái | bị cắt ngang ở giới hạn độ dài trả lời của mô hình, phần còn lại bị thiếu |',
    );
  });

  it('refuses an unknown analysis and writes nothing', async () => {
    const file = join(services.dataDir, 'none.docx');
    await expect(exportAnswer(services, 'nope', 'docx', file, vi)).rejects.toMatchObject({
      code: 'ANSWER_NOT_FOUND',
    });
    expect(() => readFileSync(file)).toThrow();
  });
});

describe('export of a matter', () => {
  const exportedAt = Date.UTC(2026, 10, 28, 9, 0);

  it('writes every analysis of the matter to one Word file, oldest first, with the total cost', async () => {
    const matter = services.matters.create('Hợp đồng thuê kho – Công ty An Phát');
    storeAnswer('a-later', 'Điều khoản chấm dứt hợp đồng trước hạn?', 0.02, 1764400000000, matter.id);
    storeAnswer('a-earlier', 'Bên A phải thanh toán khi nào?', 0.0117, 1764350000000, matter.id);
    const file = join(services.dataDir, 'ho-so.docx');
    await exportMatter(services, matter.id, 'docx', file, vi, exportedAt);
    const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(file) });
    expect(html).toContain('Vụ việc: Hợp đồng thuê kho – Công ty An Phát');
    const earlier = html.indexOf('Phân tích 1: Bên A phải thanh toán khi nào?');
    const later = html.indexOf('Phân tích 2: Điều khoản chấm dứt hợp đồng trước hạn?');
    expect(earlier).toBeGreaterThan(0);
    expect(later).toBeGreaterThan(earlier);
    // 0.0117 + 0.02, and the analysis outside the matter is left out.
    expect(html).toContain('0,0317');
    expect(html).not.toContain('Mức phạt vi phạm hợp đồng là bao nhiêu?');
    expect(html.match(/<strong>8%<\/strong>/g)).toHaveLength(2);
    expect(html).toContain('Luật Thương mại 2005.txt');
  });

  it('writes Markdown with the matter, its documents and numbered analyses', async () => {
    const matter = services.matters.create('Thuê kho An Phát');
    storeAnswer('a-1', 'Bên A phải thanh toán khi nào?', 0.01, 1764350000000, matter.id);
    const file = join(services.dataDir, 'ho-so.md');
    await exportMatter(services, matter.id, 'md', file, en, exportedAt);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# Matter: Thuê kho An Phát\n/);
    expect(text).toContain('| Analyses | 1 |');
    expect(text).toContain('## Documents\n\n- Luật Thương mại 2005.txt');
    expect(text).toContain('## Analysis 1: Bên A phải thanh toán khi nào?\n\n### Question');
    expect(text).toContain(ANSWER);
  });

  it('says so when the matter has no analyses, and refuses an unknown matter writing nothing', async () => {
    const empty = services.matters.create('Chưa có gì');
    const file = join(services.dataDir, 'trong.md');
    await exportMatter(services, empty.id, 'md', file, vi, exportedAt);
    expect(readFileSync(file, 'utf8')).toContain('Vụ việc này chưa có phân tích nào.');
    const none = join(services.dataDir, 'none.docx');
    await expect(exportMatter(services, 'nope', 'docx', none, vi, exportedAt)).rejects.toMatchObject({
      code: 'MATTER_NOT_FOUND',
    });
    expect(() => readFileSync(none)).toThrow();
  });
});

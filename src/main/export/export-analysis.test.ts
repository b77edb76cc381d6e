import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempServices } from '../testing/temp-services';
import { exportAnalysis } from './export-analysis';

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

let services: ReturnType<typeof createTempServices>;
const answerId = 'a-export';

beforeEach(async () => {
  services = createTempServices();
  const doc = await services.documents.ingest({
    ingestId: 'e',
    name: 'Luật Thương mại 2005.txt',
    bytes: new TextEncoder().encode('Điều 301. Mức phạt vi phạm.'),
  });
  services.db
    .prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, input_tokens,
         cached_input_tokens, output_tokens, estimated_input, cost, currency, ttft_ms, latency_ms, created_at, updated_at)
       VALUES (?, 'Mức phạt vi phạm hợp đồng là bao nhiêu?', 'kimi', 'Moonshot (Kimi)', 'kimi-k2', 'done', ?, 30000, 0,
         120, 30000, 0.0183, 'USD', 900, 4200, 1764300000000, 1764300000000)`,
    )
    .run(answerId, ANSWER);
  services.db
    .prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 0, ?)')
    .run(answerId, doc.sha256);
});
afterEach(() => services.dispose());

describe('export', () => {
  it('writes a Word file that reads back with the question, the formatted answer and the cost', async () => {
    const file = join(services.dataDir, 'phan-tich.docx');
    await exportAnalysis(services, answerId, 'docx', file, 'vi');
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

  it('writes Markdown with the facts table and the answer as written', async () => {
    const file = join(services.dataDir, 'phan-tich.md');
    await exportAnalysis(services, answerId, 'md', file, 'en');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('## Question\n\nMức phạt vi phạm hợp đồng là bao nhiêu?');
    expect(text).toContain('| Cost | $0.0183 |');
    expect(text).toContain(ANSWER);
  });

  it('refuses an unknown analysis and writes nothing', async () => {
    const file = join(services.dataDir, 'none.docx');
    await expect(exportAnalysis(services, 'nope', 'docx', file, 'vi')).rejects.toMatchObject({
      code: 'ANSWER_NOT_FOUND',
    });
    expect(() => readFileSync(file)).toThrow();
  });
});

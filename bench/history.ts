// History at scale: 10,000 analyses (5 KB answers) and 1,000 documents, seeded
// straight into a real database file; each figure is a ratio to a primary-key
// lookup measured in the same run.
import { randomUUID } from 'node:crypto';
import { createApp } from '../src/main/app';
import { headlessDesktop } from '../src/main/desktop/desktop';
import { fileHalfIntoMatters } from '../src/main/testing/seed';
import { createTempServices } from '../src/main/testing/temp-services';
import { typedInvoke } from '../src/shared/api';
import { providerPresets } from '../src/shared/provider-presets';
import { measure, report } from './harness';

const WORDS = [
  'hợp đồng',
  'phạt vi phạm',
  'bồi thường',
  'thiệt hại',
  'thanh toán',
  'chấm dứt',
  'bên bán',
  'bên mua',
  'hàng hóa',
  'giao hàng',
  'nghiệm thu',
  'bảo hành',
  'tranh chấp',
  'trọng tài',
  'điều khoản',
  'payment',
  'termination',
  'liability',
  'indemnity',
  'warranty',
];

function prose(chars: number, seed: number): string {
  let text = '';
  for (let i = 0; text.length < chars; i++)
    text += `${WORDS[(seed * 7 + i * 13) % WORDS.length]} ${i % 9 === 0 ? `Điều ${i}. ` : ''}`;
  return text.slice(0, chars);
}

export async function historyBench(): Promise<void> {
  const services = createTempServices();
  try {
    const started = performance.now();
    const custom = providerPresets.find((p) => p.id === 'custom');
    if (!custom) throw new Error('no custom preset');
    services.providers.save(custom);
    const db = services.db;
    const documents: string[] = [];
    db.transaction(() => {
      const doc = db.prepare(
        `INSERT INTO documents (sha256, name, kind, size_bytes, pages, chars, language, tokens_o200k, tokens_cl100k,
           extraction_ms, created_at) VALUES (?, ?, 'pdf', 1000, 3, 6000, 'vi', 2000, 3000, 10, ?)`,
      );
      const page = db.prepare(
        'INSERT INTO document_pages (document_sha256, page, start_offset, text) VALUES (?, ?, ?, ?)',
      );
      for (let i = 0; i < 1000; i++) {
        const sha = i.toString(16).padStart(64, '0');
        documents.push(sha);
        doc.run(sha, `Hợp đồng số ${i}.pdf`, i);
        for (let p = 1; p <= 3; p++) page.run(sha, p, (p - 1) * 2002, prose(2000, i * 3 + p));
      }
      const answer = db.prepare(
        `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, input_tokens,
           cached_input_tokens, output_tokens, estimated_input, cost, currency, cache_key, created_at, updated_at)
         VALUES (?, ?, 'custom', 'Custom', 'local-model', 'streaming', ?, 2000, 0, 900, 2000, 0.01, 'USD', ?, ?, ?)`,
      );
      const done = db.prepare("UPDATE answers SET status = 'done' WHERE id = ?");
      const link = db.prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 0, ?)');
      for (let i = 0; i < 10_000; i++) {
        const id = randomUUID();
        answer.run(id, `Câu hỏi ${i}: ${prose(80, i)}`, prose(5000, i), null, i, i);
        done.run(id);
        link.run(id, documents[i % documents.length]);
      }
    })();
    // Half the analyses filed under 20 matters, as a firm's history would be; the rest in none.
    fileHalfIntoMatters(db, 20);
    console.log(
      `\nHistory at scale: seeded 10,000 analyses (half in 20 matters) and 1,000 documents in ${Math.round(performance.now() - started)} ms`,
    );

    // A question asked once for real-shaped caching: the cache answers it through the full IPC dispatcher.
    const dispatch = createApp({ services, desktop: headlessDesktop }).dispatch;
    const invoke = typedInvoke({ invoke: dispatch });
    const doc = await services.documents.ingest({
      ingestId: 'b',
      name: 'a.txt',
      bytes: new TextEncoder().encode('Điều 1.'),
    });
    const input = { documentIds: [doc.sha256], providerId: 'custom', model: 'local-model', question: 'Điều 1?' };
    const first = services.ask.start(input);
    services.ask.cancel(first.streamId);
    await first.finished;
    db.prepare("UPDATE answers SET status = 'done' WHERE id = ?").run(first.answerId);

    const byId = db.prepare('SELECT * FROM answers WHERE id = ?');
    const baseline = await measure('one answer by primary key', () => byId.get(first.answerId), { batch: 200 });
    report('History at scale (targets: first page ≤ 5 ms, search ≤ 20 ms, cached answer ≤ 50 ms)', baseline, [
      await measure(
        "the sidebar's first data through the dispatcher: matters:list and the newest 100 of all",
        async () => {
          await Promise.all([dispatch('matters:list', undefined), dispatch('history:page', { limit: 100, offset: 0 })]);
        },
        { runs: 9, batch: 5 },
      ),
      await measure(
        "one matter's first page (200 of its 250 analyses)",
        () => services.history.page(200, 0, 'matter-7'),
        { runs: 9, batch: 5 },
      ),
      await measure(
        "full-text search 'phat vi pham' (no diacritics)",
        () => services.history.search('phat vi pham', 50),
        {
          runs: 9,
        },
      ),
      await measure("full-text search 'dieu 12'", () => services.history.search('dieu 12', 50), { runs: 9 }),
      await measure(
        "a cached answer end to end through the dispatcher (ask:start's reply holds it)",
        async () => {
          const started = await invoke('ask:start', input);
          if (!started.ok || started.value.answer === null) throw new Error('not cached');
        },
        { runs: 9 },
      ),
    ]);
  } finally {
    services.dispose();
  }
}

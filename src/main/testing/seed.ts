import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';

/** `count` finished analyses numbered from 1 (the last is the newest), for scale tests and benchmarks. */
export function seedAnswers(db: Db, count: number, text = 'Trả lời'): void {
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, cost,
         currency, created_at, updated_at) VALUES (?, ?, 'kimi', 'Kimi', 'kimi-k2', 'done', ?, 100, 0.002, 'USD', ?, ?)`,
    );
    for (let i = 0; i < count; i++)
      insert.run(randomUUID(), `Câu hỏi số ${i + 1} về điều khoản phạt vi phạm`, text, i, i);
  })();
}

/** Creates `count` matters and files every other analysis under one of them in turn, as a firm's history might be. */
export function fileHalfIntoMatters(db: Db, count: number): void {
  db.transaction(() => {
    const matter = db.prepare('INSERT INTO matters (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)');
    for (let m = 0; m < count; m++) matter.run(`matter-${m}`, `Vụ việc ${m}`);
    const ids = db.prepare('SELECT id FROM answers ORDER BY created_at').all() as { id: string }[];
    const file = db.prepare('UPDATE answers SET matter_id = ? WHERE id = ?');
    for (const [i, { id }] of ids.entries()) if (i % 2 === 1) file.run(`matter-${((i - 1) / 2) % count}`, id);
  })();
}

export interface SeededAnswer {
  id: string;
  question: string;
  text: string;
  documentIds: readonly string[];
  cost?: number;
  createdAt: number;
  matterId?: string | null;
}

/** One finished analysis about stored documents, as the ask service would have left it. */
export function insertAnswer(db: Db, analysis: SeededAnswer): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, input_tokens,
         cached_input_tokens, output_tokens, estimated_input, cost, currency, ttft_ms, latency_ms, matter_id,
         created_at, updated_at)
       VALUES (@id, @question, 'kimi', 'Moonshot (Kimi)', 'kimi-k2', 'done', @text, 30000, 0, 120, 30000, @cost,
         'USD', 900, 4200, @matterId, @createdAt, @createdAt)`,
    ).run({
      id: analysis.id,
      question: analysis.question,
      text: analysis.text,
      cost: analysis.cost ?? 0.01,
      matterId: analysis.matterId ?? null,
      createdAt: analysis.createdAt,
    });
    const link = db.prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, ?, ?)');
    for (const [position, sha256] of analysis.documentIds.entries()) link.run(analysis.id, position, sha256);
  })();
}

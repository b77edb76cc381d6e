import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';

/** `count` finished analyses numbered from 1 (the last is the newest), for scale tests and benchmarks. */
export function seedAnalyses(db: Db, count: number, text = 'Trả lời'): void {
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, text, estimated_input, cost,
         currency, created_at, updated_at) VALUES (?, ?, 'kimi', 'Kimi', 'kimi-k2', 'done', ?, 100, 0.002, 'USD', ?, ?)`,
    );
    for (let i = 0; i < count; i++)
      insert.run(randomUUID(), `Câu hỏi số ${i + 1} về điều khoản phạt vi phạm`, text, i, i);
  })();
}

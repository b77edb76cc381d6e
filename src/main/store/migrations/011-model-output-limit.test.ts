import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 11: a model’s output limit', () => {
  it('leaves the models there were without one, and refuses a limit of no tokens', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 10);
    db.exec(`INSERT INTO providers (id, kind, name, base_url, created_at, updated_at)
               VALUES ('kimi', 'openai', 'Kimi', 'https://api.moonshot.ai/v1', 1, 1)`);
    const insert = (position: number, model: string) =>
      db
        .prepare(
          `INSERT INTO provider_models (provider_id, position, model, context_window, currency, price_input,
             price_cached, price_output, encoding, exact_tokenizer, checked_on)
           VALUES ('kimi', ?, ?, 262144, 'USD', 0.6, 0.15, 2.5, 'o200k_base', 0, '2026-12-01')`,
        )
        .run(position, model);
    insert(0, 'kimi-k2');
    migrate(db, migrations, 11);
    insert(1, 'kimi-long');
    db.prepare("UPDATE provider_models SET max_output = 32000 WHERE model = 'kimi-long'").run();
    expect(db.prepare('SELECT model, max_output FROM provider_models ORDER BY position').all()).toEqual([
      { model: 'kimi-k2', max_output: null },
      { model: 'kimi-long', max_output: 32_000 },
    ]);
    expect(() => db.prepare("UPDATE provider_models SET max_output = 0 WHERE model = 'kimi-k2'").run()).toThrow(
      /CHECK/,
    );
  });
});

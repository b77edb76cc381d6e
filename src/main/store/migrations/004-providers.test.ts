import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { insertDocumentRow, insertProviderRow } from '../testing/rows';
import { migrations } from '.';

const insertModel = (db: Database.Database, providerId: string, model: string) =>
  db
    .prepare(
      `INSERT INTO provider_models (provider_id, position, model, context_window, currency, price_input, price_cached,
         price_output, encoding, exact_tokenizer, checked_on) VALUES (?, 0, ?, 131072, 'USD', 0.28, 0.028, 0.42,
         'o200k_base', 0, '2025-10-01')`,
    )
    .run(providerId, model);

describe('migration 4: providers', () => {
  it('adds providers and their models, keeping the documents of version 3', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations, 3);
    insertDocumentRow(db, 'c'.repeat(64));

    migrate(db, migrations, 4);

    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 1 });
    insertProviderRow(db, 'deepseek');
    insertModel(db, 'deepseek', 'deepseek-chat');
    expect(() => insertModel(db, 'nobody', 'x')).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM providers WHERE id = 'deepseek'").run();
    expect(db.prepare('SELECT count(*) AS n FROM provider_models').get()).toEqual({ n: 0 });
  });
});

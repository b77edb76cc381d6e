import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 14: how an answer read its documents', () => {
  it('leaves the answers there were as read whole, and keeps a plan as JSON only', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 13);
    db.prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
         created_at, updated_at) VALUES ('a', 'Phạt?', 'kimi', 'Kimi', 'kimi-k2', 'done', 10, 'USD', 1, 1)`,
    ).run();
    migrate(db, migrations, 14);
    expect(db.prepare('SELECT plan FROM answers').get()).toEqual({ plan: null });
    db.prepare(`UPDATE answers SET plan = '{"strategy":"map-reduce","parts":13}'`).run();
    expect(() => db.prepare("UPDATE answers SET plan = 'map-reduce'").run()).toThrow(/CHECK/);
  });
});

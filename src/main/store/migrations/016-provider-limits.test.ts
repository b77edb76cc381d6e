import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from '.';

describe('migration 16: a provider’s own limits', () => {
  it('leaves the providers there were at the default, and refuses a limit of nothing', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 15);
    db.exec(`INSERT INTO providers (id, kind, name, base_url, created_at, updated_at)
               VALUES ('kimi', 'openai', 'Kimi', 'https://api.moonshot.ai/v1', 1, 1)`);
    migrate(db, migrations, 16);
    expect(db.prepare('SELECT max_concurrent, requests_per_minute, tokens_per_minute FROM providers').get()).toEqual({
      max_concurrent: null,
      requests_per_minute: null,
      tokens_per_minute: null,
    });
    db.exec('UPDATE providers SET max_concurrent = 50, requests_per_minute = 200, tokens_per_minute = 2000000');
    expect(() => db.exec('UPDATE providers SET requests_per_minute = 0')).toThrow(/CHECK/);
  });
});

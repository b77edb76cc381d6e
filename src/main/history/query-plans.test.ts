import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matterQueries } from '../matters/matters-service';
import { createTempServices } from '../testing/temp-services';
import { historyQueries } from './history-service';

// The history sidebar reads these on every start and every scroll; at 10,000 analyses a full scan or a full sort
// is what the sidebar feels. SQLite's own plan says which index a query goes through.

let services: ReturnType<typeof createTempServices>;
beforeAll(() => {
  services = createTempServices();
});
afterAll(() => services.dispose());

function plan(sql: string, ...params: unknown[]): string[] {
  const rows = services.db.prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(...params);
  return rows.map((row) => row.detail);
}

/** No step reads a whole table without an index, and no step sorts every row. */
function expectNoScanOrSort(steps: string[]): void {
  expect(steps.filter((step) => /^SCAN \w+$/.test(step))).toEqual([]);
  expect(steps.filter((step) => step === 'USE TEMP B-TREE FOR ORDER BY')).toEqual([]);
}

describe('the history reads through its indexes', () => {
  it.each([
    ['the newest of all', historyQueries.page, [{ limit: 200, offset: 0 }], 'SCAN a USING INDEX answers_by_created_at'],
    [
      "a matter's page",
      historyQueries.matterPage,
      [{ matter: 'm', limit: 200, offset: 200 }],
      'SEARCH a USING INDEX answers_by_matter (matter_id=?)',
    ],
    [
      'the unfiled page',
      historyQueries.matterPage,
      [{ matter: null, limit: 200, offset: 0 }],
      'SEARCH a USING INDEX answers_by_matter (matter_id=?)',
    ],
    ['one row', historyQueries.item, ['id'], 'SEARCH a USING INDEX sqlite_autoindex_answers_1 (id=?)'],
    ['the count of all', historyQueries.count, [], 'SCAN answers USING COVERING INDEX answers_by_created_at'],
    [
      "a matter's count",
      historyQueries.matterCount,
      [{ matter: 'm' }],
      'SEARCH answers USING COVERING INDEX answers_by_matter (matter_id=?)',
    ],
  ])('%s', (_name, sql, params, first) => {
    const steps = plan(sql, ...params);
    expect(steps[0]).toBe(first);
    // Each row's first document and count come from answer_documents' primary key, not a scan.
    if (sql.includes('documentName')) {
      expect(steps.filter((step) => step.startsWith('SEARCH ad USING PRIMARY KEY'))).toHaveLength(2);
    }
    expectNoScanOrSort(steps);
  });

  it("counts each matter's documents and analyses through the matter indexes", () => {
    for (const steps of [plan(matterQueries.list), plan(matterQueries.one, 'm')]) {
      expect(steps).toEqual(
        expect.arrayContaining([
          'SEARCH d USING COVERING INDEX documents_by_matter (matter_id=?)',
          'SEARCH a USING COVERING INDEX answers_by_matter (matter_id=?)',
        ]),
      );
      // Matters themselves are few; only the per-matter counts could grow with the analyses.
      expect(steps.filter((step) => /^SCAN (a|d)\b/.test(step))).toEqual([]);
    }
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FILES_DIR } from '../services';
import { createTempServices } from '../testing/temp-services';

let services: ReturnType<typeof createTempServices>;
const ingest = async (text: string) =>
  (await services.documents.ingest({ ingestId: text, name: `${text}.txt`, bytes: new TextEncoder().encode(text) }))
    .sha256;
const fileOf = (sha256: string) => join(services.dataDir, FILES_DIR, sha256.slice(0, 2), sha256);

function answer(id: string, sha256: string, matterId: string | null) {
  services.db
    .prepare(
      `INSERT INTO answers (id, question, provider_id, provider_name, model, status, estimated_input, currency,
         matter_id, created_at, updated_at) VALUES (?, 'q', 'p', 'P', 'm', 'done', 1, 'USD', ?, 1, 1)`,
    )
    .run(id, matterId);
  services.db
    .prepare('INSERT INTO answer_documents (answer_id, position, document_sha256) VALUES (?, 0, ?)')
    .run(id, sha256);
}

beforeEach(() => {
  services = createTempServices();
});
afterEach(() => services.dispose());

describe('matters', () => {
  it('creates, renames and lists matters with their counts', async () => {
    const matter = services.matters.create('  Công ty TNHH An Phát – tranh chấp hợp đồng ');
    expect(matter).toMatchObject({ name: 'Công ty TNHH An Phát – tranh chấp hợp đồng', documents: 0, analyses: 0 });
    const sha = await ingest('Điều 1');
    services.matters.assign(matter.id, { documentIds: [sha] });
    answer('a1', sha, matter.id);
    expect(services.matters.rename(matter.id, 'Vụ An Phát')).toMatchObject({
      name: 'Vụ An Phát',
      documents: 1,
      analyses: 1,
    });
    expect(() => services.matters.rename('nope', 'x')).toThrowError(
      expect.objectContaining({ code: 'MATTER_NOT_FOUND' }),
    );
  });

  it('deleting a matter removes its analyses and the documents and files nothing else uses', async () => {
    const matter = services.matters.create('Vụ B');
    const own = await ingest('Chỉ thuộc vụ B');
    const shared = await ingest('Dùng chung');
    services.matters.assign(matter.id, { documentIds: [own, shared] });
    answer('in-matter', own, matter.id);
    answer('elsewhere', shared, null);

    expect(services.matters.remove(matter.id)).toEqual({ analyses: 1, documents: 1, files: 1 });

    expect(services.matters.list()).toEqual([]);
    expect(() => services.ask.get('in-matter')).toThrowError(expect.objectContaining({ code: 'ANSWER_NOT_FOUND' }));
    expect(services.ask.get('elsewhere').documentIds).toEqual([shared]);
    expect(existsSync(fileOf(own))).toBe(false);
    expect(existsSync(fileOf(shared))).toBe(true);
    expect(services.documents.list().map((d) => d.sha256)).toEqual([shared]);
    expect(services.history.search('chi thuoc', 10)).toEqual([]);
  });
});

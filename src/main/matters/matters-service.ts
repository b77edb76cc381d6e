import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Matter, MatterRemoval } from '../../shared/matters';
import type { Clock } from '../clock';
import type { FileStore } from '../documents/file-store';
import type { Db } from '../store/database';

export interface MattersService {
  list(): Matter[];
  /** Throws MATTER_NOT_FOUND for an id it does not know. */
  get(id: string): Matter;
  /** The same refusal, without counting the matter's documents and analyses. */
  mustExist(id: string): void;
  create(name: string): Matter;
  rename(id: string, name: string): Matter;
  /**
   * Deletes the matter and its analyses, and its documents that no other
   * analysis uses, with their stored files. Documents still in use stay,
   * outside any matter.
   */
  remove(id: string): MatterRemoval;
  /** Puts documents and analyses in a matter, or (null) in none. */
  assign(matterId: string | null, items: MatterItems): void;
  /**
   * Files what is in no matter yet under this one (an analysis asked within
   * it, and its documents); what is filed elsewhere stays there. A document
   * goes to the matter of the first analysis filed with it.
   */
  file(matterId: string, items: MatterItems): void;
}

export interface MatterItems {
  documentIds?: readonly string[];
  answerIds?: readonly string[];
}

const matterColumns = `m.id, m.name, m.created_at AS createdAt,
            (SELECT count(*) FROM documents d WHERE d.matter_id = m.id) AS documents,
            (SELECT count(*) FROM answers a WHERE a.matter_id = m.id) AS answers,
            max(m.created_at, COALESCE((SELECT max(a.created_at) FROM answers a WHERE a.matter_id = m.id), 0))
              AS lastActivityAt`;

/** The matters as the sidebar lists them, with counts read through the matter indexes (query-plans.test.ts). */
export const matterQueries = {
  list: `SELECT ${matterColumns} FROM matters m ORDER BY m.name COLLATE NOCASE`,
  one: `SELECT ${matterColumns} FROM matters m WHERE m.id = ?`,
} as const;

export function createMattersService({ db, files, clock }: { db: Db; files: FileStore; clock: Clock }): MattersService {
  const selectAll = db.prepare<[], Matter>(matterQueries.list);
  const insert = db.prepare('INSERT INTO matters (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE matters SET name = ?, updated_at = ? WHERE id = ?');
  const selectOne = db.prepare<[string], Matter>(matterQueries.one);
  // A document of the matter that no analysis outside it uses (IS NOT counts analyses in no matter as outside).
  const orphanedDocuments = db.prepare<[{ matter: string }], { sha256: string }>(
    `SELECT d.sha256 FROM documents d
      WHERE d.matter_id = @matter
        AND NOT EXISTS (SELECT 1 FROM answer_documents ad JOIN answers a ON a.id = ad.answer_id
                         WHERE ad.document_sha256 = d.sha256 AND a.matter_id IS NOT @matter)`,
  );
  const selectAnswerIds = db.prepare<[string], { id: string }>('SELECT id FROM answers WHERE matter_id = ?');
  const deleteDocument = db.prepare<[string]>('DELETE FROM documents WHERE sha256 = ?');
  const deleteMatter = db.prepare<[string]>('DELETE FROM matters WHERE id = ?');
  const assignDocument = db.prepare<[string | null, string]>('UPDATE documents SET matter_id = ? WHERE sha256 = ?');
  const assignAnswer = db.prepare<[string | null, string]>('UPDATE answers SET matter_id = ? WHERE id = ?');
  const fileDocument = db.prepare<[string, string]>(
    'UPDATE documents SET matter_id = ? WHERE sha256 = ? AND matter_id IS NULL',
  );
  const fileAnswer = db.prepare<[string, string]>(
    'UPDATE answers SET matter_id = ? WHERE id = ? AND matter_id IS NULL',
  );

  const selectExists = db.prepare<[string], { found: 1 }>('SELECT 1 AS found FROM matters WHERE id = ?');
  const mustExist = (matterId: string) => {
    if (!selectExists.get(matterId)) throw new AppError('MATTER_NOT_FOUND', { matterId });
  };

  const find = (id: string): Matter => {
    const matter = selectOne.get(id);
    if (!matter) throw new AppError('MATTER_NOT_FOUND', { matterId: id });
    return matter;
  };

  return {
    list: () => selectAll.all(),
    get: find,
    mustExist,
    create(name) {
      const id = randomUUID();
      insert.run(id, name.trim(), clock.now(), clock.now());
      return find(id);
    },
    rename(id, name) {
      find(id);
      update.run(name.trim(), clock.now(), id);
      return find(id);
    },
    remove(id) {
      find(id);
      const removal = db.transaction(() => {
        const orphans = orphanedDocuments.all({ matter: id }).map((row) => row.sha256);
        const answerIds = selectAnswerIds.all(id).map((row) => row.id);
        // Analyses go with the matter (ON DELETE CASCADE), which frees their documents to be deleted.
        deleteMatter.run(id);
        for (const sha256 of orphans) deleteDocument.run(sha256);
        return { answerIds, orphans };
      })();
      // Files are removed once the rows are gone for good; a file is only ever named by its one document.
      for (const sha256 of removal.orphans) files.remove(sha256);
      // The WAL still holds the pages as they were before the deletion: fold it in and empty it.
      db.pragma('wal_checkpoint(TRUNCATE)');
      return {
        answers: removal.answerIds.length,
        documents: removal.orphans.length,
        files: removal.orphans.length,
        answerIds: removal.answerIds,
        documentIds: removal.orphans,
      };
    },
    assign(matterId, items) {
      if (matterId !== null) mustExist(matterId);
      db.transaction(() => {
        for (const sha256 of items.documentIds ?? []) assignDocument.run(matterId, sha256);
        for (const answerId of items.answerIds ?? []) assignAnswer.run(matterId, answerId);
      })();
    },
    file(matterId, items) {
      mustExist(matterId);
      db.transaction(() => {
        for (const sha256 of items.documentIds ?? []) fileDocument.run(matterId, sha256);
        for (const answerId of items.answerIds ?? []) fileAnswer.run(matterId, answerId);
      })();
    },
  };
}

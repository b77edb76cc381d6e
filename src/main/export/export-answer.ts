import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Answer } from '../../shared/answers';
import type { ExportFormat } from '../../shared/backup';
import type { AnswersService } from '../answers/answers-service';
import type { DocumentsService } from '../documents/documents-service';
import type { HistoryService } from '../history/history-service';
import type { MattersService } from '../matters/matters-service';
import type { ExportLocale, MatterReport } from './answer-facts';
import { answerToMarkdown, matterToMarkdown } from './markdown';

/** Writes the bytes all at once: a failure leaves no partial file, and an existing file is replaced whole. */
function writeWhole(file: string, content: Uint8Array): void {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes one analysis to `file` as Word or Markdown. */
export async function exportAnswer(
  services: { answers: Pick<AnswersService, 'get'>; documents: DocumentsService },
  answerId: string,
  format: ExportFormat,
  file: string,
  locale: ExportLocale,
): Promise<void> {
  const answer = services.answers.get(answerId);
  const documents = services.documents.list().filter((doc) => answer.documentIds.includes(doc.sha256));
  writeWhole(
    file,
    format === 'docx'
      ? await (await loadDocx()).answerToDocx(answer, documents, locale)
      : new TextEncoder().encode(answerToMarkdown(answer, documents, locale)),
  );
}

/** Everything a matter holds, as its export states it: analyses oldest first, then their documents. */
export function matterReport(
  services: {
    answers: Pick<AnswersService, 'get'>;
    documents: DocumentsService;
    history: HistoryService;
    matters: MattersService;
  },
  matterId: string,
  exportedAt: number,
): MatterReport {
  const matter = services.matters.get(matterId);
  const answers: Answer[] = [];
  for (let offset = 0; offset < matter.answers; offset += 500) {
    for (const item of services.history.page(500, offset, matterId).items)
      answers.push(services.answers.get(item.answerId));
  }
  answers.reverse();
  const used = new Set(answers.flatMap((answer) => answer.documentIds));
  const documents = services.documents.list().filter((doc) => doc.matterId === matterId || used.has(doc.sha256));
  return { name: matter.name, answers, documents, exportedAt };
}

/** Writes a whole matter to `file` as one Word or Markdown document. */
export async function exportMatter(
  services: Parameters<typeof matterReport>[0],
  matterId: string,
  format: ExportFormat,
  file: string,
  locale: ExportLocale,
  exportedAt: number,
): Promise<void> {
  const report = matterReport(services, matterId, exportedAt);
  writeWhole(
    file,
    format === 'docx'
      ? await (await loadDocx()).matterToDocx(report, locale)
      : new TextEncoder().encode(matterToMarkdown(report, locale)),
  );
}

/** The Word writer and the docx package it builds on (about 0.1 s to load), on the first export. */
function loadDocx(): Promise<typeof import('./docx')> {
  return import('./docx');
}

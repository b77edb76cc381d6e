import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { Language } from '../../shared/language';
import type { DocumentsService } from '../documents/documents-service';
import type { AskService } from '../llm/ask-service';
import { analysisToDocx } from './docx';
import { analysisToMarkdown } from './markdown';

export type ExportFormat = 'docx' | 'md';

/** Writes one analysis to `file` as Word or Markdown, all at once: a failure leaves no partial file. */
export async function exportAnalysis(
  services: { ask: AskService; documents: DocumentsService },
  answerId: string,
  format: ExportFormat,
  file: string,
  language: Language,
): Promise<void> {
  const answer = services.ask.get(answerId);
  const documents = services.documents.list().filter((doc) => answer.documentIds.includes(doc.sha256));
  const content =
    format === 'docx'
      ? await analysisToDocx(answer, documents, language)
      : new TextEncoder().encode(analysisToMarkdown(answer, documents, language));
  const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

import type { Answer } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import type { Language } from '../../shared/language';
import {
  answerFacts,
  answerHeading,
  documentLabel,
  exportLabels,
  type MatterReport,
  matterFacts,
} from './answer-facts';

function factsTable(rows: [string, string][]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return `| | |\n|---|---|\n${rows.map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`).join('\n')}`;
}

/** The question, the facts and the answer as the model wrote it, under headings of the given level. */
function answerSection(
  answer: Answer,
  documents: readonly DocumentSummary[],
  language: Language,
  level: number,
): string {
  const l = exportLabels(language);
  const heading = '#'.repeat(level);
  return `${heading} ${l.question}\n\n${answer.question}\n\n${factsTable(answerFacts(answer, documents, language))}\n\n${heading} ${l.answer}\n\n${answer.text}\n`;
}

/** An analysis as a Markdown file: the question, the facts, then the answer as the model wrote it. */
export function answerToMarkdown(answer: Answer, documents: readonly DocumentSummary[], language: Language): string {
  return `# ${exportLabels(language).title}\n\n${answerSection(answer, documents, language, 2)}`;
}

/** A matter as one Markdown file: its facts and documents, then each analysis, oldest first. */
export function matterToMarkdown(report: MatterReport, language: Language): string {
  const l = exportLabels(language);
  const parts = [
    `# ${l.matter}: ${report.name}\n\n${factsTable(matterFacts(report, language))}\n`,
    `## ${l.documents}\n\n${report.documents.map((d) => `- ${documentLabel(d, language)}`).join('\n') || '—'}\n`,
  ];
  if (report.answers.length === 0) parts.push(`${l.noAnalyses}\n`);
  for (const [index, answer] of report.answers.entries()) {
    const documents = report.documents.filter((d) => answer.documentIds.includes(d.sha256));
    parts.push(`## ${answerHeading(index, answer, language)}\n\n${answerSection(answer, documents, language, 3)}`);
  }
  return parts.join('\n');
}

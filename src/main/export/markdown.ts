import type { Answer } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import {
  answerFacts,
  answerHeading,
  documentLabel,
  type ExportLocale,
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
  locale: ExportLocale,
  level: number,
): string {
  const l = exportLabels(locale.language);
  const heading = '#'.repeat(level);
  return `${heading} ${l.question}\n\n${answer.question}\n\n${factsTable(answerFacts(answer, documents, locale))}\n\n${heading} ${l.answer}\n\n${answer.text}\n`;
}

/** An analysis as a Markdown file: the question, the facts, then the answer as the model wrote it. */
export function answerToMarkdown(answer: Answer, documents: readonly DocumentSummary[], locale: ExportLocale): string {
  return `# ${exportLabels(locale.language).title}\n\n${answerSection(answer, documents, locale, 2)}`;
}

/** A matter as one Markdown file: its facts and documents, then each analysis, oldest first. */
export function matterToMarkdown(report: MatterReport, locale: ExportLocale): string {
  const l = exportLabels(locale.language);
  const parts = [
    `# ${l.matter}: ${report.name}\n\n${factsTable(matterFacts(report, locale))}\n`,
    `## ${l.documents}\n\n${report.documents.map((d) => `- ${documentLabel(d, locale.language)}`).join('\n') || '—'}\n`,
  ];
  if (report.answers.length === 0) parts.push(`${l.noAnalyses}\n`);
  for (const [index, answer] of report.answers.entries()) {
    const documents = report.documents.filter((d) => answer.documentIds.includes(d.sha256));
    parts.push(`## ${answerHeading(index, answer, locale.language)}\n\n${answerSection(answer, documents, locale, 3)}`);
  }
  return parts.join('\n');
}

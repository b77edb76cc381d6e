import type { Answer } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import type { Language } from '../../shared/language';
import { analysisFacts, exportLabels } from './analysis-facts';

/** An analysis as a Markdown file: the question, the facts, then the answer as the model wrote it. */
export function analysisToMarkdown(answer: Answer, documents: readonly DocumentSummary[], language: Language): string {
  const l = exportLabels(language);
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const facts = analysisFacts(answer, documents, language)
    .map(([label, value]) => `| ${cell(label)} | ${cell(value)} |`)
    .join('\n');
  return `# ${l.title}\n\n## ${l.question}\n\n${answer.question}\n\n| | |\n|---|---|\n${facts}\n\n## ${l.answer}\n\n${answer.text}\n`;
}

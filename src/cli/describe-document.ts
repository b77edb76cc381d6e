import type { DocumentSummary } from '../shared/documents';
import type { Language } from '../shared/language';

const number = (value: number, language: Language) => value.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US');

/** One line a person reads after `lexdesk ingest`, in their language. */
export function describeDocument(doc: DocumentSummary, language: Language): string {
  const n = (value: number) => number(value, language);
  const pages = doc.pages === null ? '' : language === 'vi' ? `${n(doc.pages)} trang, ` : `${n(doc.pages)} pages, `;
  const lines = [
    language === 'vi'
      ? `${doc.name}: ${pages}${n(doc.chars)} ký tự, ${doc.language === 'vi' ? 'tiếng Việt' : 'tiếng Anh'}, ${n(doc.tokens.o200k_base)} token (o200k) / ${n(doc.tokens.cl100k_base)} token (cl100k)`
      : `${doc.name}: ${pages}${n(doc.chars)} characters, ${doc.language === 'vi' ? 'Vietnamese' : 'English'}, ${n(doc.tokens.o200k_base)} tokens (o200k) / ${n(doc.tokens.cl100k_base)} tokens (cl100k)`,
    `sha256 ${doc.sha256}`,
  ];
  for (const warning of doc.warnings) {
    const list = warning.pages.join(', ');
    if (warning.kind === 'pages-lost') {
      lines.push(
        language === 'vi' ? `Cảnh báo: không đọc được trang ${list}.` : `Warning: pages ${list} could not be read.`,
      );
    } else {
      lines.push(
        language === 'vi'
          ? `Cảnh báo: trang ${list} không có lớp chữ (bản chụp), nội dung các trang này không được đưa vào.`
          : `Warning: pages ${list} have no text layer (scanned); their content is left out.`,
      );
    }
  }
  return lines.join('\n');
}

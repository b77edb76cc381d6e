import type { DocumentDetail } from './documents';
import type { Language } from './language';

/**
 * The instructions: answer from the documents only, and cite pages and clause
 * numbers in one fixed form, `[tr. 12, Điều 8]` in Vietnamese and
 * `[p. 12, Section 8]` in English, which citations.ts parses (both words, in
 * either language, since models mix them).
 */
export const SYSTEM: Record<Language, string> = {
  vi: `Bạn là trợ lý pháp lý giúp luật sư rà soát hợp đồng và văn bản pháp luật.
- Chỉ trả lời dựa trên các tài liệu được cung cấp. Nếu tài liệu không đề cập đến vấn đề được hỏi, hãy nói rõ là không tìm thấy trong tài liệu; không suy đoán, không dùng kiến thức bên ngoài.
- Mỗi ý phải dẫn nguồn theo đúng dạng [tr. 12, Điều 8]: số trang theo dấu [Page N] trong tài liệu, kèm số điều, khoản nếu có. Với tài liệu không chia trang, chỉ ghi điều, khoản: [Điều 8, khoản 2]. Khi có nhiều tài liệu, thêm tên tài liệu: [Hợp đồng A, tr. 3, Điều 5].
- Trích nguyên văn những câu quan trọng trong dấu ngoặc kép.
- Trả lời bằng tiếng Việt, trình bày bằng Markdown (tiêu đề, danh sách), ngắn gọn và chính xác.`,
  en: `You are a legal assistant helping a lawyer review contracts and statutes.
- Answer only from the documents provided. If they do not address the question, say that it is not found in the documents; do not guess or use outside knowledge.
- Cite every point in exactly this form: [p. 12, Section 8] — the page from the [Page N] markers in the document, with the clause or section number where there is one. For a document without pages, cite the clause only: [Section 8.2]. With several documents, add the document's name: [Contract A, p. 3, Section 5].
- Quote the decisive sentences verbatim in quotation marks.
- Answer in English, formatted in Markdown (headings, lists), concise and exact.`,
};

/** Bumped whenever the instructions change, so the answer cache does not serve answers to old instructions. */
export const PROMPT_VERSION = 2;

/** One message of a conversation with the model, after the instructions. */
export interface PromptMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface Prompt {
  system: string;
  /** The documents and the first question, then each earlier answer and question of the thread, in turn. */
  messages: PromptMessage[];
}

/** An earlier question of a thread and the answer it had. */
export interface EarlierTurn {
  question: string;
  answer: string;
}

/**
 * The request: each document framed with its name and page markers, then the
 * question. A follow-up keeps the thread's first message (the documents and
 * the first question) exactly as it was sent, then the answers and questions
 * since, so a provider that caches a prompt's start bills the documents again
 * as cached input.
 */
export function buildPrompt(
  documents: readonly DocumentDetail[],
  question: string,
  language: Language,
  earlier: readonly EarlierTurn[] = [],
): Prompt {
  const parts = documents.map((doc, index) => {
    const body =
      doc.pages === null
        ? doc.pageTexts.map((page) => page.text).join('\n\n')
        : doc.pageTexts.map((page) => `[Page ${page.page}]\n${page.text}`).join('\n\n');
    return `<document index="${index + 1}" name="${doc.name.replace(/"/g, "'")}">\n${body}\n</document>`;
  });
  const label = language === 'vi' ? 'Câu hỏi' : 'Question';
  const asked = (text: string) => `${label}: ${text.trim()}`;
  const [first, ...later] = [...earlier.map((turn) => turn.question), question];
  const messages: PromptMessage[] = [{ role: 'user', content: `${parts.join('\n\n')}\n\n${asked(first ?? question)}` }];
  earlier.forEach((turn, index) => {
    messages.push({ role: 'assistant', content: turn.answer });
    messages.push({ role: 'user', content: asked(later[index] ?? question) });
  });
  return { system: SYSTEM[language], messages };
}

import type { AnswerType, BatchQuestion } from './batch';
import type { DocumentDetail } from './documents';
import type { Language } from './language';
import { buildPrompt, type Prompt } from './prompt';

/**
 * One batch request: a document and every question of the set, answered as
 * one JSON object. The document comes first and is framed exactly as a single
 * question frames it (prompt.ts), the same bytes every time, so a provider
 * that caches a prompt's start bills it as cached input on a retry or a
 * second set of questions; the questions and the answer's form come after.
 */

export const BATCH_SYSTEM: Record<Language, string> = {
  vi: `Bạn là trợ lý pháp lý giúp luật sư rà soát hàng loạt hợp đồng. Với tài liệu được cung cấp, trả lời từng câu hỏi trong danh sách.
- Chỉ dựa vào tài liệu. Nếu tài liệu không đề cập đến vấn đề được hỏi, ghi "found": false; không suy đoán, không dùng kiến thức bên ngoài.
- Mỗi câu trả lời kèm trích dẫn: số trang theo dấu [Page N] (null nếu tài liệu không chia trang), điều khoản (như "Điều 8, khoản 2"), và câu văn quyết định chép nguyên văn từ tài liệu.
- Chỉ trả lời bằng một đối tượng JSON đúng mẫu được yêu cầu, không thêm chữ nào khác. Viết câu trả lời bằng tiếng Việt.`,
  en: `You are a legal assistant helping a lawyer review many contracts at once. For the document provided, answer each question in the list.
- Answer only from the document. If it does not address a question, give "found": false; do not guess or use outside knowledge.
- Give each answer its citations: the page from the [Page N] markers (null for a document without pages), the clause (such as "Section 8.2"), and the decisive sentence copied verbatim from the document.
- Reply with one JSON object in exactly the form asked for, and nothing else. Write the answers in English.`,
};

/** How each type's value is to be written, in the request. */
const VALUE_FORMS: Record<Language, Record<AnswerType, string>> = {
  vi: {
    text: 'một chuỗi ngắn',
    'yes-no': '"yes" hoặc "no"',
    date: 'ngày dạng "YYYY-MM-DD"',
    amount: 'số tiền kèm đơn vị tiền tệ, như "1200000000 VND" hoặc "8%"',
    parties: 'mảng tên các bên, như ["Công ty A", "Công ty B"]',
    list: 'mảng các ý ngắn',
  },
  en: {
    text: 'a short string',
    'yes-no': '"yes" or "no"',
    date: 'a date as "YYYY-MM-DD"',
    amount: 'the amount with its currency, such as "1200000 USD" or "8%"',
    parties: 'an array of the parties\' names, such as ["Acme Inc.", "Beta LLC"]',
    list: 'an array of short items',
  },
};

/** The request for one document and the set of questions. */
export function buildBatchPrompt(
  document: DocumentDetail,
  questions: readonly BatchQuestion[],
  language: Language,
): Prompt {
  // The document framed as a single question frames it: the first message's start is the same bytes.
  const framed = buildPrompt([document], '', language).messages[0]?.content ?? '';
  const documentPart = framed.slice(0, framed.lastIndexOf('</document>') + '</document>'.length);
  const listed = questions
    .map((q) => `- ${q.id}: ${q.text.trim()} (value: ${VALUE_FORMS[language][q.type]})`)
    .join('\n');
  const form =
    '{"answers": [{"id": "<question id>", "found": true, "answer": "<one or two sentences>", "value": <as asked, or null>, ' +
    '"citations": [{"page": <number or null>, "clause": "<clause or null>", "quote": "<verbatim sentence>"}]}]}';
  const intro = language === 'vi' ? 'Các câu hỏi (mã: câu hỏi):' : 'The questions (id: question):';
  const reply =
    language === 'vi'
      ? `Trả lời mọi câu hỏi, đúng một mục cho mỗi mã, theo mẫu JSON:\n${form}`
      : `Answer every question, exactly one entry for each id, in this JSON form:\n${form}`;
  return {
    system: BATCH_SYSTEM[language],
    messages: [
      {
        role: 'user',
        content: `${documentPart}\n\n${intro}\n${listed}\n\n${reply}`,
        cachedPrefix: documentPart.length,
      },
    ],
  };
}

/** The JSON a batch reply is asked to be, before each value is checked against its question's type. */
export interface RawBatchReply {
  answers: {
    id: string;
    found: boolean;
    answer: string;
    value: string | string[] | null;
    citations: { page: number | null; clause: string | null; quote: string | null }[];
  }[];
}

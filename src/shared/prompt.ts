import type { DocumentDetail } from './documents';
import type { Language } from './language';

/**
 * The instructions: answer from the documents only, and cite pages and clause
 * numbers in one fixed form, `[tr. 12, Điều 8]` in Vietnamese and
 * `[p. 12, Section 8]` in English, which citations.ts parses (both words, in
 * either language, since models mix them); with several documents, by the
 * document's index (`[tài liệu 2, tr. 3, Điều 5]`), since a name can hold
 * commas, brackets and quotes.
 */
export const SYSTEM: Record<Language, string> = {
  vi: `Bạn là trợ lý pháp lý giúp luật sư rà soát hợp đồng và văn bản pháp luật.
- Chỉ trả lời dựa trên các tài liệu được cung cấp. Nếu tài liệu không đề cập đến vấn đề được hỏi, hãy nói rõ là không tìm thấy trong tài liệu; không suy đoán, không dùng kiến thức bên ngoài.
- Mỗi ý phải dẫn nguồn theo đúng dạng [tr. 12, Điều 8]: số trang theo dấu [Page N] trong tài liệu, kèm số điều, khoản nếu có. Với tài liệu không chia trang, chỉ ghi điều, khoản: [Điều 8, khoản 2]. Khi có nhiều tài liệu, ghi số thứ tự của tài liệu (index trong thẻ <document>) ở đầu: [tài liệu 2, tr. 3, Điều 5].
- Trích nguyên văn những câu quan trọng trong dấu ngoặc kép.
- Trả lời bằng tiếng Việt, trình bày bằng Markdown (tiêu đề, danh sách), ngắn gọn và chính xác.`,
  en: `You are a legal assistant helping a lawyer review contracts and statutes.
- Answer only from the documents provided. If they do not address the question, say that it is not found in the documents; do not guess or use outside knowledge.
- Cite every point in exactly this form: [p. 12, Section 8] — the page from the [Page N] markers in the document, with the clause or section number where there is one. For a document without pages, cite the clause only: [Section 8.2]. With several documents, put the document's index (from its <document> tag) first: [doc 2, p. 3, Section 5].
- Quote the decisive sentences verbatim in quotation marks.
- Answer in English, formatted in Markdown (headings, lists), concise and exact.`,
};

/** Bumped whenever the instructions change, so the answer cache does not serve answers to old instructions. */
export const PROMPT_VERSION = 3;

/** One message of a conversation with the model, after the instructions. */
export interface PromptMessage {
  role: 'user' | 'assistant';
  content: string;
  /**
   * The length of the content's start that is the same every time (a batch
   * request's document): Anthropic is told to cache up to there
   * (`cache_control`); OpenAI-compatible providers cache a repeated start on
   * their own.
   */
  cachedPrefix?: number;
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

/** What a part with nothing on the question answers, so the joining request can leave it out. */
export const NOTHING_IN_PART: Record<Language, string> = {
  vi: 'KHÔNG CÓ TRONG PHẦN NÀY',
  en: 'NOTHING IN THIS PART',
};

/**
 * The instructions for one part of a long document: answer from this part
 * only, say so plainly when it holds nothing on the question, and cite and
 * quote as a whole-document answer does, so the joining request can keep the
 * citations as they are.
 */
export const MAP_SYSTEM: Record<Language, string> = {
  vi: `Bạn là trợ lý pháp lý. Bạn chỉ được xem MỘT PHẦN của một tài liệu dài; các phần khác được đọc riêng.
- Chỉ ghi những gì phần này nói về câu hỏi, dưới dạng ghi chú ngắn. Nếu phần này không có gì liên quan, chỉ trả lời đúng một dòng: ${NOTHING_IN_PART.vi}
- Mỗi ý phải dẫn nguồn theo đúng dạng [tr. 12, Điều 8]: số trang theo dấu [Page N], kèm số điều, khoản nếu có.
- Trích nguyên văn những câu quan trọng trong dấu ngoặc kép. Không suy đoán, không dùng kiến thức bên ngoài.`,
  en: `You are a legal assistant. You see ONE PART of a long document; the other parts are read separately.
- Note only what this part says on the question, as short notes. If this part has nothing on it, reply with exactly one line: ${NOTHING_IN_PART.en}
- Cite every point in exactly this form: [p. 12, Section 8], the page from the [Page N] markers, with the clause where there is one.
- Quote the decisive sentences verbatim in quotation marks. Do not guess or use outside knowledge.`,
};

/** The instructions that join the notes from every part into one answer, their citations kept as they are. */
export const REDUCE_SYSTEM: Record<Language, string> = {
  vi: `Bạn là trợ lý pháp lý giúp luật sư rà soát văn bản. Bạn nhận các ghi chú đã được rút ra từ từng phần của tài liệu, theo thứ tự.
- Gộp các ghi chú thành một câu trả lời đầy đủ cho câu hỏi; bỏ phần trùng lặp, giữ nguyên mọi trích dẫn [tr. N, Điều X] và mọi câu trích nguyên văn đúng như trong ghi chú.
- Chỉ dùng những gì có trong ghi chú; nếu không phần nào có thông tin, hãy nói rõ là không tìm thấy trong tài liệu.
- Trả lời bằng tiếng Việt, trình bày bằng Markdown, ngắn gọn và chính xác.`,
  en: `You are a legal assistant helping a lawyer review documents. You receive notes taken from each part of the documents, in order.
- Join the notes into one complete answer to the question; drop repetition, and keep every citation [p. N, Section X] and every verbatim quote exactly as the notes have them.
- Use only what the notes say; if no part has anything on the question, say that it is not found in the documents.
- Answer in English, formatted in Markdown, concise and exact.`,
};

/** A part of a document, as one map request reads it. */
export interface DocumentPart {
  name: string;
  /** The part's text with its page markers, in `paged` documents. */
  pages: { page: number; text: string }[];
  paged: boolean;
  /** Where it stands: `Chương II > Điều 24`. */
  path: string[];
  /** 1-based, of `of`. */
  part: number;
  of: number;
}

/** One map request: a part of a document, framed as a whole document is, then the question. */
export function buildMapPrompt(part: DocumentPart, question: string, language: Language): Prompt {
  const body = part.paged
    ? part.pages.map((page) => `[Page ${page.page}]\n${page.text}`).join('\n\n')
    : part.pages.map((page) => page.text).join('\n\n');
  const where = part.path.length > 0 ? ` path="${part.path.join(' > ').replace(/"/g, "'")}"` : '';
  const framed = `<document name="${part.name.replace(/"/g, "'")}" part="${part.part} of ${part.of}"${where}>\n${body}\n</document>`;
  const label = language === 'vi' ? 'Câu hỏi' : 'Question';
  return {
    system: MAP_SYSTEM[language],
    messages: [{ role: 'user', content: `${framed}\n\n${label}: ${question.trim()}` }],
  };
}

/** The joining request: each part's notes, in order, then the question. */
export function buildReducePrompt(
  notes: readonly { part: number; pages: string; text: string }[],
  question: string,
  language: Language,
): Prompt {
  const framed = notes.map(
    (note) => `<notes part="${note.part}" pages="${note.pages}">\n${note.text.trim()}\n</notes>`,
  );
  const label = language === 'vi' ? 'Câu hỏi' : 'Question';
  return {
    system: REDUCE_SYSTEM[language],
    messages: [{ role: 'user', content: `${framed.join('\n\n')}\n\n${label}: ${question.trim()}` }],
  };
}

/**
 * The instructions for a question sent with only the passages that bear on
 * it: the whole document's, and a line saying the rest was not sent, so the
 * model says so rather than that a clause does not exist.
 */
export const FOCUSED_SYSTEM: Record<Language, string> = {
  vi: `${SYSTEM.vi}
- Tài liệu chỉ được gửi kèm những đoạn liên quan nhất đến câu hỏi (trong thẻ <excerpt>, kèm vị trí điều khoản); các đoạn khác không được gửi. Nếu câu trả lời có thể nằm ở phần không được gửi, hãy nói rõ điều đó thay vì kết luận là tài liệu không quy định.`,
  en: `${SYSTEM.en}
- Only the passages most relevant to the question were sent (in <excerpt> tags, with where they stand); the rest of the document was not. Where the answer may lie in what was not sent, say so rather than concluding the document is silent.`,
};

/** A document as a focused question sends it: its excerpts, in order, each with its pages and breadcrumb. */
export interface FocusedDocument {
  name: string;
  paged: boolean;
  excerpts: { path: string[]; pages: { page: number; text: string }[] }[];
}

/** The focused request: each document's excerpts, framed as a whole document's pages are, then the question. */
export function buildFocusedPrompt(
  documents: readonly FocusedDocument[],
  question: string,
  language: Language,
): Prompt {
  const framed = documents.map((doc, index) => {
    const excerpts = doc.excerpts.map((excerpt) => {
      const body = doc.paged
        ? excerpt.pages.map((page) => `[Page ${page.page}]\n${page.text}`).join('\n\n')
        : excerpt.pages.map((page) => page.text).join('\n\n');
      const where = excerpt.path.length > 0 ? ` path="${excerpt.path.join(' > ').replace(/"/g, "'")}"` : '';
      return `<excerpt${where}>\n${body}\n</excerpt>`;
    });
    return `<document index="${index + 1}" name="${doc.name.replace(/"/g, "'")}">\n${excerpts.join('\n')}\n</document>`;
  });
  const label = language === 'vi' ? 'Câu hỏi' : 'Question';
  return {
    system: FOCUSED_SYSTEM[language],
    messages: [{ role: 'user', content: `${framed.join('\n\n')}\n\n${label}: ${question.trim()}` }],
  };
}

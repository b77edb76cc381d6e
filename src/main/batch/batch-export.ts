import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import type { BatchCell, BatchItem, JobState } from '../../shared/batch';
import type { Language } from '../../shared/language';

/**
 * A batch job as a workbook a lawyer opens in Excel: the review sheet, one
 * row a document and a column a question (its header the question in the
 * lawyer's language), each cell the answer and its value; then every
 * citation, one a row, with its quote and whether it was found in the
 * document. Written to a temporary file and renamed: never a partial file.
 */

const LABELS: Record<
  Language,
  {
    review: string;
    citations: string;
    document: string;
    status: string;
    question: string;
    page: string;
    clause: string;
    quote: string;
    verdict: string;
    notFound: string;
    statuses: Record<BatchItem['status'], string>;
    verdicts: Record<BatchCell['verdicts'][number], string>;
  }
> = {
  vi: {
    review: 'Rà soát',
    citations: 'Trích dẫn',
    document: 'Tài liệu',
    status: 'Trạng thái',
    question: 'Câu hỏi',
    page: 'Trang',
    clause: 'Điều khoản',
    quote: 'Câu trích',
    verdict: 'Đối chiếu',
    notFound: 'Không có trong tài liệu',
    statuses: { pending: 'chưa hỏi', running: 'đang hỏi', done: 'xong', failed: 'lỗi' },
    verdicts: {
      verified: 'khớp',
      'wrong-page': 'sai trang',
      'wrong-clause': 'sai điều khoản',
      'not-found': 'không tìm thấy',
      'no-quote': 'không trích nguyên văn',
    },
  },
  en: {
    review: 'Review',
    citations: 'Citations',
    document: 'Document',
    status: 'Status',
    question: 'Question',
    page: 'Page',
    clause: 'Clause',
    quote: 'Quote',
    verdict: 'Checked',
    notFound: 'Not in the document',
    statuses: { pending: 'not asked', running: 'asking', done: 'done', failed: 'failed' },
    verdicts: {
      verified: 'verified',
      'wrong-page': 'wrong page',
      'wrong-clause': 'wrong clause',
      'not-found': 'not found',
      'no-quote': 'no quote',
    },
  },
};

export async function exportJobXlsx(
  job: JobState,
  items: readonly BatchItem[],
  file: string,
  language: Language,
): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const l = LABELS[language];
  const book = new ExcelJS.Workbook();
  book.creator = 'LexDesk';
  book.title = job.name;

  const review = book.addWorksheet(l.review, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  review.columns = [
    { header: l.document, key: 'document', width: 36 },
    { header: l.status, key: 'status', width: 12 },
    ...job.questions.map((q) => ({ header: q.text, key: q.id, width: 48 })),
  ];
  review.getRow(1).font = { bold: true };
  review.getRow(1).alignment = { wrapText: true, vertical: 'top' };
  for (const item of items) {
    const row: Record<string, string> = {
      document: item.documentName,
      status: item.error ? `${l.statuses[item.status]}: ${item.error.message}` : l.statuses[item.status],
    };
    for (const cell of item.cells ?? []) row[cell.questionId] = cellText(cell, l.notFound);
    review.addRow(row).alignment = { wrapText: true, vertical: 'top' };
  }

  const citations = book.addWorksheet(l.citations, { views: [{ state: 'frozen', ySplit: 1 }] });
  citations.columns = [
    { header: l.document, key: 'document', width: 36 },
    { header: l.question, key: 'question', width: 40 },
    { header: l.page, key: 'page', width: 8 },
    { header: l.clause, key: 'clause', width: 20 },
    { header: l.quote, key: 'quote', width: 60 },
    { header: l.verdict, key: 'verdict', width: 18 },
  ];
  citations.getRow(1).font = { bold: true };
  const questionText = new Map(job.questions.map((q) => [q.id, q.text]));
  for (const item of items) {
    for (const cell of item.cells ?? []) {
      cell.citations.forEach((citation, index) => {
        const verdict = cell.verdicts[index];
        citations.addRow({
          document: item.documentName,
          question: questionText.get(cell.questionId) ?? cell.questionId,
          page: citation.page ?? '',
          clause: citation.clause ?? '',
          quote: citation.quote ?? '',
          verdict: verdict ? l.verdicts[verdict] : '',
        }).alignment = { wrapText: true, vertical: 'top' };
      });
    }
  }

  const temporary = `${file}.${randomBytes(6).toString('hex')}.partial`;
  try {
    await book.xlsx.writeFile(temporary);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** A cell as the sheet shows it: the answer, then its value where the value says more. */
function cellText(cell: BatchCell, notFound: string): string {
  if (!cell.found) return notFound;
  const value = Array.isArray(cell.value) ? cell.value.join('; ') : cell.value;
  return value && !cell.answer.includes(value) ? `${cell.answer}\n→ ${value}` : cell.answer;
}

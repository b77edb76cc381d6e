import type { Answer } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import type { Language } from '../../shared/language';

const labels = {
  vi: {
    title: 'Phân tích của LexDesk',
    question: 'Câu hỏi',
    answer: 'Trả lời',
    documents: 'Tài liệu',
    provider: 'Nhà cung cấp',
    model: 'Mô hình',
    date: 'Thời điểm hỏi',
    status: 'Trạng thái',
    input: 'Token đầu vào',
    output: 'Token đầu ra',
    cost: 'Chi phí',
    latency: 'Thời gian trả lời',
    pages: 'trang',
    estimated: 'ước tính',
  },
  en: {
    title: 'LexDesk analysis',
    question: 'Question',
    answer: 'Answer',
    documents: 'Documents',
    provider: 'Provider',
    model: 'Model',
    date: 'Asked',
    status: 'Status',
    input: 'Input tokens',
    output: 'Output tokens',
    cost: 'Cost',
    latency: 'Time to answer',
    pages: 'pages',
    estimated: 'estimated',
  },
} as const;

export type ExportLabels = (typeof labels)[Language];

export function exportLabels(language: Language): ExportLabels {
  return labels[language];
}

/** The facts an exported analysis states, as label–value rows, the same in Markdown and Word. */
export function analysisFacts(
  answer: Answer,
  documents: readonly DocumentSummary[],
  language: Language,
): [string, string][] {
  const l = labels[language];
  const locale = language === 'vi' ? 'vi-VN' : 'en-US';
  const number = (value: number) => value.toLocaleString(locale);
  const cost = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: answer.currency,
    maximumSignificantDigits: 4,
  });
  return [
    [l.documents, documents.map((d) => (d.pages ? `${d.name} (${number(d.pages)} ${l.pages})` : d.name)).join('; ')],
    [l.provider, answer.providerName],
    [l.model, answer.model],
    [l.date, new Date(answer.createdAt).toLocaleString(locale)],
    [l.status, answer.status],
    [l.input, answer.usage ? number(answer.usage.input) : `≈ ${number(answer.estimatedInput)} (${l.estimated})`],
    [l.output, answer.usage ? number(answer.usage.output) : '—'],
    [l.cost, `${answer.usage ? '' : '≈ '}${cost.format(answer.cost ?? 0)}`],
    [l.latency, answer.latencyMs === null ? '—' : `${(answer.latencyMs / 1000).toFixed(1)} s`],
  ];
}

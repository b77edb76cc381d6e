import { type Answer, type AnswerPlan, isCutOff } from '../../shared/answers';
import type { DocumentSummary } from '../../shared/documents';
import {
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPageList,
  formatPercent,
  formatSeconds,
} from '../../shared/format';
import type { Language } from '../../shared/language';
import type { VndRate } from '../../shared/settings';

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
    read: 'Cách đọc tài liệu',
    citations: 'Kiểm tra trích dẫn',
    citationCounts: {
      verified: '{n} khớp',
      'wrong-page': '{n} sai trang',
      'wrong-clause': '{n} sai điều khoản',
      'not-found': '{n} không tìm thấy',
      'no-quote': '{n} không trích nguyên văn',
    },
    citationsOf: '{count} trích dẫn: {counts}',
    notFoundList: 'không tìm thấy trong tài liệu: {list}',
    readInParts: 'theo {parts} phần rồi tổng hợp; đọc đủ {pages}',
    readInPartsIncomplete:
      'theo {parts} phần rồi tổng hợp; CHƯA ĐẦY ĐỦ: {failed} phần không đọc được (trang {missing})',
    readFocused: 'CHƯA ĐẦY ĐỦ: chỉ gửi {parts} đoạn trích liên quan nhất đến câu hỏi ({share} văn bản)',
    readFocusedPages: '; các trang không được gửi: {missing}',
    allPages: '{pages} trang',
    wholeText: 'toàn bộ văn bản',
    pages: 'trang',
    estimated: 'ước tính',
    statuses: {
      streaming: 'đang trả lời',
      done: 'hoàn tất',
      stopped: 'đã dừng, giữ phần đã nhận',
      failed: 'không thành công',
      interrupted: 'bị gián đoạn',
      cutOff: 'bị cắt ngang ở giới hạn độ dài trả lời của mô hình, phần còn lại bị thiếu',
    },
    matter: 'Vụ việc',
    exportedAt: 'Thời điểm xuất',
    analyses: 'Số phân tích',
    totalCost: 'Tổng chi phí',
    analysis: 'Phân tích',
    noAnalyses: 'Vụ việc này chưa có phân tích nào.',
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
    read: 'How the documents were read',
    citations: 'Citation check',
    citationCounts: {
      verified: '{n} verified',
      'wrong-page': '{n} wrong page',
      'wrong-clause': '{n} wrong clause',
      'not-found': '{n} not found',
      'no-quote': '{n} without a quote',
    },
    citationsOf: '{count} citations: {counts}',
    notFoundList: 'not found in the documents: {list}',
    readInParts: 'in {parts} parts, then joined; all {pages} read',
    readInPartsIncomplete:
      'in {parts} parts, then joined; INCOMPLETE: {failed} parts could not be read (pages {missing})',
    readFocused: 'PARTIAL: only the {parts} passages most relevant to the question were sent ({share} of the text)',
    readFocusedPages: '; pages not sent: {missing}',
    allPages: '{pages} pages',
    wholeText: 'the whole text',
    pages: 'pages',
    estimated: 'estimated',
    statuses: {
      streaming: 'answering',
      done: 'done',
      stopped: 'stopped, partial answer kept',
      failed: 'failed',
      interrupted: 'interrupted',
      cutOff: 'cut off at the model’s output limit, the rest is missing',
    },
    matter: 'Matter',
    exportedAt: 'Exported',
    analyses: 'Analyses',
    totalCost: 'Total cost',
    analysis: 'Analysis',
    noAnalyses: 'This matter has no analyses yet.',
  },
} as const;

export type ExportLabels = (typeof labels)[Language];

export function exportLabels(language: Language): ExportLabels {
  return labels[language];
}

/** Who reads an export: its language, and the lawyer's đồng rate for costs in US dollars (null: none set). */
export interface ExportLocale {
  language: Language;
  vndRate: VndRate;
}

function formats(language: Language) {
  return {
    number: (value: number) => formatNumber(value, language),
    seconds: (ms: number) => formatSeconds(ms, language),
  };
}

/** A document as an export names it: its file name, and its pages when it has them. */
export function documentLabel(document: DocumentSummary, language: Language): string {
  const { number } = formats(language);
  return document.pages ? `${document.name} (${number(document.pages)} ${labels[language].pages})` : document.name;
}

/** The facts an exported analysis states, as label–value rows, the same in Markdown and Word. */
export function answerFacts(
  answer: Answer,
  documents: readonly DocumentSummary[],
  { language, vndRate }: ExportLocale,
): [string, string][] {
  const l = labels[language];
  const { number, seconds } = formats(language);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, language, vndRate);
  return [
    [l.documents, documents.map((d) => documentLabel(d, language)).join('; ')],
    [l.provider, answer.providerName],
    [l.model, answer.model],
    [l.date, formatDateTime(answer.createdAt, language)],
    [l.status, l.statuses[isCutOff(answer) ? 'cutOff' : answer.status]],
    [l.input, answer.usage ? number(answer.usage.input) : `≈ ${number(answer.estimatedInput)} (${l.estimated})`],
    [l.output, answer.usage ? number(answer.usage.output) : '—'],
    [l.cost, `${answer.usage ? '' : '≈ '}${money(answer.cost ?? 0, answer.currency)}`],
    [l.latency, answer.latencyMs === null ? '—' : `${seconds(answer.latencyMs)} s`],
    ...(answer.plan
      ? [[l.read, howRead(answer.plan, l, number, (share) => formatPercent(share, language))] as [string, string]]
      : []),
    ...(answer.citations && answer.citations.length > 0
      ? [[l.citations, citationSummary(answer, l, number)] as [string, string]]
      : []),
  ];
}

/** A label with its `{name}` places filled. */
function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

/** "12 trích dẫn: 10 khớp, 1 sai trang, 1 không tìm thấy", and which citations were found nowhere. */
function citationSummary(answer: Answer, l: ExportLabels, number: (value: number) => string): string {
  const checks = answer.citations ?? [];
  const counts = (Object.keys(l.citationCounts) as (keyof typeof l.citationCounts)[])
    .map((verdict) => [verdict, checks.filter((c) => c.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => fill(l.citationCounts[verdict], { n: number(n) }));
  const summary = fill(l.citationsOf, { count: number(checks.length), counts: counts.join(', ') });
  const missing = checks.filter((c) => c.verdict === 'not-found').map((c) => answer.text.slice(c.start, c.end));
  return missing.length === 0 ? summary : `${summary}; ${fill(l.notFoundList, { list: missing.join(' ') })}`;
}

/**
 * A planned answer's reading, as its export states it: the parts, and the
 * pages it lacks when parts failed or only passages were sent.
 */
function howRead(
  plan: AnswerPlan,
  l: ExportLabels,
  number: (value: number) => string,
  percent: (share: number) => string,
): string {
  if (plan.strategy === 'focused') {
    const left = plan.coverage.pagesLeftOut.flatMap((doc) => doc.pages);
    const share = percent(plan.coverage.charsSent / Math.max(1, plan.coverage.chars));
    const read = fill(l.readFocused, { parts: number(plan.parts), share });
    return left.length === 0 ? read : `${read}${fill(l.readFocusedPages, { missing: formatPageList(left) })}`;
  }
  const pages = plan.coverage.pages > 0 ? fill(l.allPages, { pages: number(plan.coverage.pages) }) : l.wholeText;
  if (plan.failedParts.length === 0) return fill(l.readInParts, { parts: number(plan.parts), pages });
  return fill(l.readInPartsIncomplete, {
    parts: number(plan.parts),
    failed: number(plan.failedParts.length),
    missing: formatPageList(plan.failedParts.flatMap((part) => part.pages)),
  });
}

/** A whole matter, as exported: its analyses oldest first, and every document they or the matter hold. */
export interface MatterReport {
  name: string;
  answers: readonly Answer[];
  documents: readonly DocumentSummary[];
  exportedAt: number;
}

/** The facts heading a matter's export: its name, when, how many analyses and what they cost in all. */
export function matterFacts(report: MatterReport, { language, vndRate }: ExportLocale): [string, string][] {
  const l = labels[language];
  const { number } = formats(language);
  const money = (amount: number, currency: string) => formatMoney(amount, currency, language, vndRate);
  const totals = new Map<string, number>();
  for (const answer of report.answers)
    totals.set(answer.currency, (totals.get(answer.currency) ?? 0) + (answer.cost ?? 0));
  return [
    [l.matter, report.name],
    [l.exportedAt, formatDateTime(report.exportedAt, language)],
    [l.analyses, number(report.answers.length)],
    [l.documents, number(report.documents.length)],
    [l.totalCost, totals.size === 0 ? '—' : [...totals].map(([currency, sum]) => money(sum, currency)).join(' + ')],
  ];
}

/** A heading for the n-th analysis of a matter: its number and the start of its question. */
export function answerHeading(index: number, answer: Answer, language: Language): string {
  const question = answer.question.replace(/\s+/g, ' ').trim();
  const short = question.length > 100 ? `${question.slice(0, 99)}…` : question;
  return `${labels[language].analysis} ${index + 1}: ${short}`;
}

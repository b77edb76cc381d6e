import type { BatchQuestion } from './batch';
import type { Language } from './language';

/**
 * Question sets a review starts from, in each language as a lawyer would ask
 * them. Each question's id is its column in the grid and its key in the
 * model's JSON; its type says what a cell holds.
 */

export interface QuestionPreset {
  id: string;
  name: Record<Language, string>;
  questions: Record<Language, BatchQuestion[]>;
}

const q = (id: string, type: BatchQuestion['type'], vi: string, en: string) => ({ id, type, vi, en });

function preset(id: string, name: Record<Language, string>, items: ReturnType<typeof q>[]): QuestionPreset {
  return {
    id,
    name,
    questions: {
      vi: items.map(({ id: qid, type, vi }) => ({ id: qid, type, text: vi })),
      en: items.map(({ id: qid, type, en }) => ({ id: qid, type, text: en })),
    },
  };
}

export const QUESTION_PRESETS: QuestionPreset[] = [
  preset(
    'payment-penalties-termination',
    { vi: 'Thanh toán, phạt vi phạm, chấm dứt', en: 'Payment, penalties, termination' },
    [
      q(
        'payment',
        'text',
        'Điều khoản thanh toán quy định thế nào (số tiền, thời hạn, phương thức)?',
        'What are the payment terms (amount, time limits, method)?',
      ),
      q(
        'penalty',
        'amount',
        'Mức phạt vi phạm hợp đồng là bao nhiêu, áp dụng khi nào?',
        'What penalty does the contract set for a breach, and when does it apply?',
      ),
      q(
        'termination',
        'text',
        'Bên nào được chấm dứt hợp đồng, trong trường hợp nào và phải báo trước bao lâu?',
        'Which party may terminate the contract, on what grounds and with how much notice?',
      ),
    ],
  ),
  preset('parties-dates-amounts', { vi: 'Các bên, thời hạn, giá trị', en: 'Parties, dates, amounts' }, [
    q('parties', 'parties', 'Các bên ký kết hợp đồng là ai?', 'Who are the parties to the contract?'),
    q('signed', 'date', 'Hợp đồng được ký ngày nào?', 'On what date was the contract signed?'),
    q('effective', 'date', 'Hợp đồng có hiệu lực từ ngày nào?', 'From what date is the contract in force?'),
    q('expires', 'date', 'Hợp đồng hết hạn vào ngày nào?', 'On what date does the contract expire?'),
    q('value', 'amount', 'Tổng giá trị hợp đồng là bao nhiêu?', 'What is the total value of the contract?'),
  ]),
  preset('vietnamese-core', { vi: 'Rà soát cơ bản hợp đồng Việt Nam', en: 'Vietnamese contract essentials' }, [
    q('thanh-toan', 'text', 'Điều khoản thanh toán quy định thế nào?', 'What are the payment terms?'),
    q('phat-vi-pham', 'amount', 'Mức phạt vi phạm là bao nhiêu?', 'What is the contractual penalty for a breach?'),
    q(
      'boi-thuong',
      'text',
      'Trách nhiệm bồi thường thiệt hại được quy định thế nào?',
      'How is liability for damages set out?',
    ),
    q(
      'bat-kha-khang',
      'text',
      'Sự kiện bất khả kháng được định nghĩa và xử lý thế nào?',
      'How is force majeure defined and dealt with?',
    ),
    q(
      'cham-dut',
      'text',
      'Hợp đồng chấm dứt trong những trường hợp nào?',
      'In what cases does the contract come to an end?',
    ),
    q(
      'tranh-chap',
      'text',
      'Tranh chấp được giải quyết ở đâu, bằng trọng tài hay tòa án?',
      'Where are disputes resolved, by arbitration or in court?',
    ),
    q('luat-ap-dung', 'text', 'Luật nào được áp dụng cho hợp đồng?', 'Which law governs the contract?'),
  ]),
];

/** A preset's questions in the language, or null for an id that is none. */
export function presetQuestions(id: string, language: Language): BatchQuestion[] | null {
  return QUESTION_PRESETS.find((p) => p.id === id)?.questions[language] ?? null;
}

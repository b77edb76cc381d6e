import type { Language } from './language';

export interface QuestionPreset {
  id: string;
  label: Record<Language, string>;
  /** The question; `{{side}}` is the party we act for, asked of the lawyer when the preset is picked (see `sides`). */
  question: Record<Language, string>;
}

/** The parties a lawyer may act for, as Vietnamese and English contracts name them. */
export const SIDES: readonly Record<Language, string>[] = [
  { vi: 'Bên A', en: 'Party A' },
  { vi: 'Bên B', en: 'Party B' },
  { vi: 'Bên mua', en: 'the Buyer' },
  { vi: 'Bên bán', en: 'the Seller' },
  { vi: 'Bên cho thuê', en: 'the Landlord' },
  { vi: 'Bên thuê', en: 'the Tenant' },
  { vi: 'Bên cung cấp dịch vụ', en: 'the Service Provider' },
  { vi: 'Bên sử dụng dịch vụ', en: 'the Customer' },
];

/** Whether a preset needs to know which party we act for before it can be asked. */
export function needsSide(preset: QuestionPreset, language: Language): boolean {
  return preset.question[language].includes('{{side}}');
}

/** The preset's question for the party we act for. */
export function presetQuestion(preset: QuestionPreset, language: Language, side?: string): string {
  return preset.question[language].replaceAll('{{side}}', side ?? '');
}

/** The questions lawyers ask of most contracts, worded as they would ask them. */
export const questionPresets: readonly QuestionPreset[] = [
  {
    id: 'payment',
    label: { vi: 'Điều khoản thanh toán', en: 'Payment terms' },
    question: {
      vi: 'Liệt kê đầy đủ các điều khoản về thanh toán: giá trị hợp đồng, đồng tiền, tiến độ và thời hạn thanh toán, phương thức thanh toán, điều kiện để được thanh toán, lãi chậm trả. Trích dẫn điều, khoản và trang cho từng ý.',
      en: 'List every payment term: contract price, currency, payment schedule and deadlines, method of payment, conditions for payment, and interest on late payment. Cite the clause and page for each point.',
    },
  },
  {
    id: 'penalties',
    label: { vi: 'Phạt vi phạm và bồi thường thiệt hại', en: 'Penalties and damages' },
    question: {
      vi: 'Hợp đồng quy định thế nào về phạt vi phạm và bồi thường thiệt hại? Nêu mức phạt, căn cứ tính, giới hạn trách nhiệm, trường hợp miễn trách nhiệm và mối quan hệ giữa phạt vi phạm với bồi thường thiệt hại. Trích dẫn điều, khoản và trang.',
      en: 'What does the contract provide on penalties for breach and on damages? State the amounts, how they are calculated, any limitation of liability, exemptions, and how penalties relate to damages. Cite the clause and page.',
    },
  },
  {
    id: 'termination',
    label: { vi: 'Chấm dứt hợp đồng', en: 'Termination' },
    question: {
      vi: 'Các trường hợp chấm dứt và đơn phương chấm dứt hợp đồng là gì? Nêu bên nào có quyền, điều kiện, thời hạn thông báo và hậu quả pháp lý của việc chấm dứt. Trích dẫn điều, khoản và trang.',
      en: 'When can the contract be terminated, including unilaterally? State which party may terminate, the conditions, the notice periods and the consequences of termination. Cite the clause and page.',
    },
  },
  {
    id: 'parties',
    label: { vi: 'Các bên, ngày tháng và số tiền', en: 'Parties, dates and amounts' },
    question: {
      vi: 'Lập bảng các bên (tên, địa chỉ, người đại diện), các mốc thời gian quan trọng (ngày ký, hiệu lực, thời hạn, hạn giao hàng hoặc nghiệm thu) và mọi số tiền nêu trong hợp đồng, kèm điều, khoản và trang.',
      en: 'Tabulate the parties (name, address, representative), the key dates (signing, effective date, term, delivery or acceptance deadlines) and every amount stated in the contract, with clause and page.',
    },
  },
  {
    id: 'summary',
    label: { vi: 'Tóm tắt hợp đồng', en: 'Summary' },
    question: {
      vi: 'Tóm tắt hợp đồng trong khoảng một trang: đối tượng, quyền và nghĩa vụ chính của mỗi bên, giá và thanh toán, thời hạn, chấm dứt, giải quyết tranh chấp và luật áp dụng. Trích dẫn điều, khoản và trang.',
      en: 'Summarise the contract in about a page: subject matter, each party’s main rights and obligations, price and payment, term, termination, dispute resolution and governing law. Cite the clause and page.',
    },
  },
  {
    id: 'risks',
    label: { vi: 'Rủi ro cho phía chúng tôi', en: 'Risks for our side' },
    question: {
      vi: 'Chúng tôi đại diện cho {{side}}. Hãy chỉ ra các điều khoản bất lợi hoặc rủi ro cho {{side}} (nghĩa vụ nặng, phạt cao, quyền đơn phương của bên kia, điều khoản mơ hồ, thiếu sót), sắp xếp theo mức độ nghiêm trọng, kèm điều, khoản và trang cho từng rủi ro.',
      en: 'We act for {{side}}. Identify the clauses that are unfavourable or risky for {{side}} (heavy obligations, high penalties, the other party’s unilateral rights, vague wording, omissions), ordered by severity, with the clause and page for each risk.',
    },
  },
];

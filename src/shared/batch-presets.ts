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
  // The 41 clause categories of the CUAD dataset (Atticus Project), asked in LexDesk's own words.
  preset('cuad', { vi: '41 loại điều khoản theo CUAD', en: 'The 41 CUAD clause categories' }, [
    q('document-name', 'text', 'Tên của hợp đồng là gì?', "What is the contract's title?"),
    q('parties', 'parties', 'Các bên ký kết hợp đồng là ai?', 'Who are the parties that signed the contract?'),
    q('agreement-date', 'date', 'Hợp đồng được lập vào ngày nào?', 'On what date was the contract made?'),
    q('effective-date', 'date', 'Hợp đồng có hiệu lực từ ngày nào?', 'From what date does the contract take effect?'),
    q(
      'expiration-date',
      'date',
      'Thời hạn ban đầu của hợp đồng kết thúc vào ngày nào?',
      'On what date does the initial term end?',
    ),
    q(
      'renewal-term',
      'text',
      'Sau thời hạn ban đầu, hợp đồng có được gia hạn (tự động hoặc theo thông báo) không, và gia hạn bao lâu?',
      'Is the contract renewed after its initial term, automatically or by notice, and for how long?',
    ),
    q(
      'notice-to-end-renewal',
      'text',
      'Phải thông báo trước bao lâu để không gia hạn hợp đồng?',
      'How much notice must be given to stop a renewal?',
    ),
    q(
      'governing-law',
      'text',
      'Hợp đồng chịu sự điều chỉnh của pháp luật nước nào?',
      "Which jurisdiction's law governs the contract?",
    ),
    q(
      'most-favoured-nation',
      'yes-no',
      'Một bên có được hưởng điều kiện không kém hơn điều kiện dành cho bất kỳ bên thứ ba nào (đãi ngộ tối huệ quốc) không?',
      'Must a party be given terms at least as good as those granted to any third party (most favoured nation)?',
    ),
    q(
      'non-compete',
      'yes-no',
      'Một bên có bị cấm cạnh tranh với bên kia, hoặc hoạt động trong một lĩnh vực, khu vực hay thời gian nhất định không?',
      'Is a party barred from competing with the other, or from working in a field, region or period?',
    ),
    q(
      'exclusivity',
      'yes-no',
      'Hợp đồng có trao quyền độc quyền hoặc buộc một bên chỉ giao dịch với bên kia không?',
      'Does the contract grant exclusive rights or require a party to deal only with the other?',
    ),
    q(
      'no-solicit-customers',
      'yes-no',
      'Một bên có bị cấm lôi kéo khách hàng của bên kia không?',
      "Is a party barred from soliciting the other's customers?",
    ),
    q(
      'restriction-exceptions',
      'text',
      'Những ngoại lệ nào giới hạn điều khoản không cạnh tranh, độc quyền hoặc không lôi kéo?',
      'What exceptions or carve-outs limit the non-compete, exclusivity or no-solicit clauses?',
    ),
    q(
      'no-solicit-employees',
      'yes-no',
      'Một bên có bị cấm tuyển dụng hoặc lôi kéo nhân viên của bên kia không?',
      "Is a party barred from hiring or soliciting the other's employees?",
    ),
    q(
      'non-disparagement',
      'yes-no',
      'Một bên có nghĩa vụ không nói xấu, không làm tổn hại uy tín của bên kia không?',
      'Must a party refrain from disparaging the other?',
    ),
    q(
      'termination-for-convenience',
      'yes-no',
      'Một bên có được đơn phương chấm dứt hợp đồng mà không cần lý do không?',
      'May a party terminate the contract without cause?',
    ),
    q(
      'first-refusal',
      'yes-no',
      'Một bên có quyền ưu tiên mua, quyền được chào trước hoặc quyền được đàm phán trước không?',
      'Does a party have a right of first refusal, first offer or first negotiation?',
    ),
    q(
      'change-of-control',
      'text',
      'Khi một bên sáp nhập, bị mua lại hoặc thay đổi quyền kiểm soát thì hợp đồng quy định gì (phải được đồng ý, phải thông báo, được chấm dứt)?',
      'What happens on a merger, acquisition or other change of control of a party (consent, notice, termination)?',
    ),
    q(
      'anti-assignment',
      'yes-no',
      'Một bên có phải được đồng ý hoặc phải thông báo trước khi chuyển nhượng hợp đồng không?',
      'Is consent or notice needed before a party assigns the contract?',
    ),
    q(
      'revenue-profit-sharing',
      'yes-no',
      'Một bên có phải chia doanh thu hoặc lợi nhuận cho bên kia không?',
      'Must a party share revenue or profit with the other?',
    ),
    q(
      'price-restrictions',
      'yes-no',
      'Một bên có bị hạn chế việc tăng hoặc giảm giá không?',
      'Is a party restricted in raising or lowering prices?',
    ),
    q(
      'minimum-commitment',
      'amount',
      'Một bên cam kết mua, đặt hàng hoặc số lượng tối thiểu là bao nhiêu?',
      'What minimum purchase, order or volume must a party commit to?',
    ),
    q(
      'volume-restriction',
      'text',
      'Có giới hạn khối lượng sử dụng mà vượt quá thì tăng phí hoặc phải được đồng ý không?',
      'Is there a cap on use or volume beyond which fees rise or consent is needed?',
    ),
    q(
      'ip-ownership-assignment',
      'yes-no',
      'Tài sản trí tuệ do một bên tạo ra có thuộc về hoặc được chuyển giao cho bên kia không?',
      'Does intellectual property made by one party belong to, or pass to, the other?',
    ),
    q(
      'joint-ip-ownership',
      'yes-no',
      'Có tài sản trí tuệ nào thuộc sở hữu chung của các bên không?',
      'Is any intellectual property owned jointly?',
    ),
    q(
      'license-grant',
      'text',
      'Hợp đồng cấp quyền sử dụng (li-xăng) gì, cho ai và đối với đối tượng nào?',
      'What licence does the contract grant, to whom and over what?',
    ),
    q(
      'non-transferable-license',
      'yes-no',
      'Quyền sử dụng được cấp có bị cấm chuyển giao hoặc cấp lại cho người khác không?',
      'Is the licence barred from transfer or sublicensing?',
    ),
    q(
      'affiliate-licensor',
      'yes-no',
      'Quyền sử dụng có bao gồm tài sản trí tuệ của công ty liên kết của bên cấp phép không?',
      "Does the licence cover intellectual property of the licensor's affiliates?",
    ),
    q(
      'affiliate-licensee',
      'yes-no',
      'Công ty liên kết của bên được cấp phép có được sử dụng quyền này không?',
      "May the licensee's affiliates use the licence too?",
    ),
    q(
      'unlimited-license',
      'yes-no',
      'Quyền sử dụng có không giới hạn số người dùng hoặc mức sử dụng không?',
      'Is the licence unlimited in users or in use?',
    ),
    q(
      'perpetual-license',
      'yes-no',
      'Quyền sử dụng có là không hủy ngang hoặc vĩnh viễn không?',
      'Is the licence irrevocable or perpetual?',
    ),
    q(
      'source-code-escrow',
      'yes-no',
      'Mã nguồn có phải được ký gửi cho bên thứ ba (escrow) không?',
      'Must source code be placed in escrow?',
    ),
    q(
      'post-termination-services',
      'text',
      'Sau khi hợp đồng chấm dứt, một bên còn phải làm gì (chuyển giao, hỗ trợ kết thúc)?',
      'What must a party still do after the contract ends (transition, wind-down)?',
    ),
    q(
      'audit-rights',
      'yes-no',
      'Một bên có quyền kiểm toán, kiểm tra sổ sách, hồ sơ hoặc cơ sở của bên kia không?',
      "May a party audit the other's books, records or premises?",
    ),
    q(
      'uncapped-liability',
      'yes-no',
      'Có trách nhiệm nào không bị giới hạn mức (ví dụ do cố ý hoặc sơ suất nghiêm trọng) không?',
      'Is any liability left uncapped (for wilful breach or gross negligence, say)?',
    ),
    q(
      'cap-on-liability',
      'amount',
      'Mức giới hạn trách nhiệm khi vi phạm hợp đồng là bao nhiêu?',
      'What is the cap on liability for a breach?',
    ),
    q(
      'liquidated-damages',
      'amount',
      'Có quy định khoản bồi thường ấn định trước hoặc phí chấm dứt không, là bao nhiêu?',
      'Are liquidated damages or a termination fee set, and how much?',
    ),
    q('warranty-duration', 'text', 'Thời hạn bảo hành là bao lâu?', 'How long does the warranty last?'),
    q(
      'insurance',
      'text',
      'Một bên phải mua những loại bảo hiểm nào, với mức nào?',
      'What insurance must a party carry, and for how much?',
    ),
    q(
      'covenant-not-to-sue',
      'yes-no',
      'Một bên có cam kết không khởi kiện hoặc không tranh chấp quyền sở hữu trí tuệ của bên kia không?',
      "Has a party agreed not to sue, or not to challenge the other's intellectual property?",
    ),
    q(
      'third-party-beneficiary',
      'yes-no',
      'Bên thứ ba có được quyền yêu cầu thực hiện hợp đồng không?',
      'May a third party enforce rights under the contract?',
    ),
  ]),
];

/** A preset's questions in the language, or null for an id that is none. */
export function presetQuestions(id: string, language: Language): BatchQuestion[] | null {
  return QUESTION_PRESETS.find((p) => p.id === id)?.questions[language] ?? null;
}

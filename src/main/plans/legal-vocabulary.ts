import { comparable } from '../citations/source-text';

/**
 * The words a contract uses for what a lawyer asks about, in Vietnamese and
 * English: a question that names one of an entry's phrases is also searched
 * for the others. Written as a lawyer would say them; compared folded (no
 * diacritics, đ as d), as the focused plan compares the contract's words.
 * Kept small and plain: each entry is one concept a review asks about, and a
 * phrase here is a phrase a clause on it would hold.
 */
const ENTRIES: readonly string[][] = [
  ['thanh toán', 'trả tiền', 'giá', 'phí', 'hóa đơn', 'payment', 'pay', 'payable', 'price', 'fee', 'fees', 'invoice'],
  ['phạt vi phạm', 'tiền phạt', 'phạt', 'penalty', 'penalties', 'liquidated damages'],
  ['chấm dứt', 'hủy bỏ', 'đơn phương chấm dứt', 'termination', 'terminate', 'cancel', 'cancellation'],
  ['bồi thường', 'thiệt hại', 'damages', 'indemnify', 'indemnification', 'compensate', 'losses'],
  ['bất khả kháng', 'force majeure', 'act of god'],
  ['vi phạm', 'breach', 'default', 'violation'],
  ['trách nhiệm', 'giới hạn trách nhiệm', 'liability', 'liable', 'limitation of liability', 'cap on liability'],
  ['luật áp dụng', 'pháp luật điều chỉnh', 'governing law', 'governed by', 'laws of'],
  ['tranh chấp', 'trọng tài', 'tòa án', 'dispute', 'arbitration', 'court', 'jurisdiction'],
  ['bảo mật', 'bí mật', 'confidentiality', 'confidential', 'non-disclosure'],
  ['thời hạn', 'hiệu lực', 'term', 'effective date', 'expiration', 'expire'],
  ['gia hạn', 'renewal', 'renew', 'extension', 'extend'],
  ['thông báo', 'notice', 'notify', 'written notice'],
  [
    'bảo hành',
    'bảo đảm',
    'thời hạn bảo hành',
    'khuyết tật',
    'warranty',
    'warrant',
    'warranties',
    'warranty period',
    'defect',
    'defects',
  ],
  ['chuyển nhượng', 'chuyển giao', 'assignment', 'assign', 'transfer'],
  ['thay đổi quyền kiểm soát', 'sáp nhập', 'change of control', 'merger', 'acquisition'],
  ['giao hàng', 'giao nhận', 'delivery', 'deliver', 'shipment'],
  [
    'sở hữu trí tuệ',
    'quyền tác giả',
    'nhãn hiệu',
    'sáng chế',
    'intellectual property',
    'copyright',
    'trademark',
    'patent',
  ],
  ['li xăng', 'cấp phép', 'license', 'licence', 'sublicense'],
  ['bảo hiểm', 'insurance', 'insured'],
  ['kiểm toán', 'kiểm tra sổ sách', 'audit', 'books and records', 'inspect', 'inspection', 'examine', 'access'],
  ['độc quyền', 'duy nhất', 'exclusive', 'exclusivity', 'exclusively', 'sole', 'only distributor'],
  ['không cạnh tranh', 'cạnh tranh', 'non-compete', 'compete', 'competition', 'competitive'],
  ['lôi kéo', 'non-solicit', 'solicit', 'hire', 'employ'],
  ['các bên', 'bên a', 'bên b', 'parties', 'contracting parties'],
  ['lãi chậm trả', 'lãi suất', 'interest', 'late payment'],
  ['tạm ngừng', 'đình chỉ', 'suspension', 'suspend'],
  ['nghiệm thu', 'acceptance', 'accept', 'inspection'],
  ['đặt cọc', 'ký quỹ', 'deposit', 'escrow'],
  ['số lượng tối thiểu', 'cam kết mua', 'minimum', 'minimum purchase', 'commitment'],
  ['doanh thu', 'lợi nhuận', 'chia sẻ doanh thu', 'revenue', 'profit', 'royalty', 'royalties'],
  ['bên thứ ba', 'third party', 'beneficiary'],
  [
    'quyền ưu tiên',
    'quyền ưu tiên mua',
    'right of first refusal',
    'first refusal',
    'right of first offer',
    'first offer',
    'right of first negotiation',
    'first negotiation',
    'first option',
    'option to purchase',
    'prior right',
  ],
];

/** The vocabulary, folded, each entry's phrases longest first. */
export const LEGAL_VOCABULARY: readonly string[][] = ENTRIES.map((entry) =>
  entry.map((phrase) => comparable(phrase, 'folded').text).sort((a, b) => b.length - a.length),
);

import type { ErrorCode, ErrorDetails } from './errors';
import type { Language } from './language';

type Messages = Record<ErrorCode, Record<Language, string>>;

// Written for the lawyer reading them: what happened and what to do next.
const messages: Messages = {
  INVALID_INPUT: {
    vi: 'Dữ liệu gửi lên không hợp lệ: {{issues}}',
    en: 'The request was not valid: {{issues}}',
  },
  UNKNOWN_CHANNEL: {
    vi: 'Ứng dụng không hỗ trợ thao tác “{{channel}}”.',
    en: 'LexDesk does not know the operation “{{channel}}”.',
  },
  UNTRUSTED_SENDER: {
    vi: 'Yêu cầu bị từ chối vì không xuất phát từ cửa sổ của LexDesk.',
    en: 'The request was refused because it did not come from a LexDesk window.',
  },
  DATABASE_TOO_NEW: {
    vi: 'Cơ sở dữ liệu được tạo bởi phiên bản LexDesk mới hơn (lược đồ {{found}}, phiên bản này hỗ trợ đến {{supported}}). Dữ liệu được giữ nguyên; vui lòng cập nhật LexDesk.',
    en: 'The database was written by a newer LexDesk (schema {{found}}; this version reads up to {{supported}}). Nothing was changed; please update LexDesk.',
  },
  DATABASE_UNREADABLE: {
    vi: 'Không mở được cơ sở dữ liệu tại {{path}}: {{reason}}',
    en: 'The database at {{path}} could not be opened: {{reason}}',
  },
  DATA_DIR_UNUSABLE: {
    vi: 'Không dùng được thư mục dữ liệu {{path}} ({{reason}}): đó không phải là thư mục, hoặc máy không cho ghi vào đó. Hãy chọn một thư mục bạn có quyền ghi (tùy chọn --data-dir hoặc biến LEXDESK_DATA_DIR).',
    en: 'The data folder {{path}} cannot be used ({{reason}}): it is not a folder, or this machine does not allow writing there. Please choose a folder you can write to (the --data-dir option or LEXDESK_DATA_DIR).',
  },
  MIGRATION_FAILED: {
    vi: 'Không nâng cấp được cơ sở dữ liệu (bước {{version}}). Dữ liệu được giữ nguyên như trước khi nâng cấp.',
    en: 'The database could not be upgraded (step {{version}}). It was left exactly as it was before the upgrade.',
  },
  SECRET_STORAGE_UNAVAILABLE: {
    vi: 'Hệ điều hành không cung cấp nơi lưu khóa API được mã hóa. Khóa chưa được lưu.',
    en: 'The operating system offers no encrypted storage for API keys. The key was not saved.',
  },
  SECRET_STORAGE_WEAK: {
    vi: 'Máy này không có trình quản lý khóa (keychain), nên khóa API chỉ được che giấu chứ không được mã hóa thật sự. Khóa chưa được lưu; nếu chấp nhận mức bảo vệ thấp hơn, hãy bật tùy chọn đó trong Cài đặt.',
    en: 'This machine has no keychain, so an API key would only be obscured, not truly encrypted. The key was not saved; to accept weaker storage, turn that option on in Settings.',
  },
  USAGE: {
    vi: 'Câu lệnh không đúng cú pháp: {{reason}}. Xem `lexdesk --help`.',
    en: 'The command is not valid: {{reason}}. See `lexdesk --help`.',
  },
  FILE_NOT_FOUND: {
    vi: 'Không tìm thấy tệp “{{name}}”. Tệp có thể đã bị di chuyển hoặc xóa.',
    en: 'The file “{{name}}” was not found. It may have been moved or deleted.',
  },
  FILE_EMPTY: {
    vi: 'Tệp “{{name}}” trống (0 byte). Không có gì để đọc.',
    en: 'The file “{{name}}” is empty (0 bytes). There is nothing to read.',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp “{{name}}” vượt quá giới hạn của LexDesk ({{limit}}). Hãy tách tài liệu thành các phần nhỏ hơn.',
    en: 'The file “{{name}}” is over LexDesk’s limit ({{limit}}). Please split the document into smaller parts.',
  },
  UNSUPPORTED_TYPE: {
    vi: 'LexDesk chưa đọc được loại tệp của “{{name}}”. Hãy dùng PDF, DOCX, TXT hoặc MD.',
    en: 'LexDesk cannot read the file type of “{{name}}”. Please use PDF, DOCX, TXT or MD.',
  },
  TEXT_ENCODING_UNSUPPORTED: {
    vi: 'Tệp văn bản “{{name}}” không dùng bảng mã UTF-8 hoặc UTF-16. Hãy lưu lại tệp với bảng mã UTF-8 rồi thử lại.',
    en: 'The text file “{{name}}” is not UTF-8 or UTF-16. Please save it again as UTF-8 and retry.',
  },
  NOT_A_PDF: {
    vi: 'Tệp “{{name}}” có đuôi .pdf nhưng nội dung không phải là PDF.',
    en: 'The file “{{name}}” is named .pdf but is not a PDF.',
  },
  PDF_CORRUPT: {
    vi: 'Tệp PDF “{{name}}” bị hỏng và không đọc được. Hãy thử xuất lại PDF từ bản gốc.',
    en: 'The PDF “{{name}}” is damaged and cannot be read. Try exporting it again from the original.',
  },
  PDF_PASSWORD_REQUIRED: {
    vi: 'Tệp PDF “{{name}}” được bảo vệ bằng mật khẩu. Hãy nhập mật khẩu để mở.',
    en: 'The PDF “{{name}}” is password-protected. Enter its password to open it.',
  },
  PDF_PASSWORD_WRONG: {
    vi: 'Mật khẩu của tệp PDF “{{name}}” không đúng. Hãy thử lại.',
    en: 'That password for the PDF “{{name}}” is not correct. Please try again.',
  },
  PDF_NO_TEXT: {
    vi: 'Tệp PDF “{{name}}” chỉ gồm hình ảnh (bản chụp), không có lớp chữ để đọc. Cần nhận dạng ký tự (OCR) trước khi đưa vào LexDesk.',
    en: 'The PDF “{{name}}” contains only images (a scan) with no text layer. It needs OCR before LexDesk can read it.',
  },
  DOCX_CORRUPT: {
    vi: 'Tệp Word “{{name}}” bị hỏng hoặc không phải là DOCX. Hãy mở bằng Word và lưu lại dưới dạng .docx.',
    en: 'The Word file “{{name}}” is damaged or not a DOCX. Open it in Word and save it again as .docx.',
  },
  EXTRACTION_TIMEOUT: {
    vi: 'Đọc tệp “{{name}}” quá lâu ({{seconds}} giây không có tiến triển) nên đã dừng lại. Không có gì được lưu.',
    en: 'Reading “{{name}}” took too long ({{seconds}} seconds without progress) and was stopped. Nothing was stored.',
  },
  DOCUMENT_NOT_FOUND: {
    vi: 'Không tìm thấy tài liệu này trong LexDesk.',
    en: 'This document is not in LexDesk.',
  },
  INSECURE_BASE_URL: {
    vi: 'Địa chỉ {{baseUrl}} dùng http không mã hóa: khóa API và nội dung hợp đồng sẽ đi qua mạng ở dạng đọc được. Hãy dùng https; http chỉ được phép cho máy chủ chạy ngay trên máy này (Ollama, LM Studio).',
    en: 'The address {{baseUrl}} uses unencrypted http: the API key and the contract would cross the network readable by anyone on the way. Use https; http is allowed only for a server on this computer (Ollama, LM Studio).',
  },
  PROVIDER_NOT_FOUND: {
    vi: 'Không có nhà cung cấp “{{providerId}}” trong Cài đặt.',
    en: 'There is no provider “{{providerId}}” in Settings.',
  },
  MODEL_NOT_CONFIGURED: {
    vi: 'Nhà cung cấp “{{providerId}}” chưa có mô hình “{{model}}”. Hãy thêm mô hình này trong Cài đặt.',
    en: 'The provider “{{providerId}}” has no model “{{model}}”. Add it in Settings.',
  },
  API_KEY_MISSING: {
    vi: 'Chưa có khóa API cho “{{provider}}”. Hãy nhập khóa trong Cài đặt.',
    en: 'There is no API key for “{{provider}}”. Enter one in Settings.',
  },
  INVALID_API_KEY: {
    vi: '“{{provider}}” từ chối khóa API (lỗi {{status}}). Hãy kiểm tra lại khóa trong Cài đặt.',
    en: '“{{provider}}” refused the API key (error {{status}}). Check the key in Settings.',
  },
  MODEL_NOT_FOUND: {
    vi: '“{{provider}}” không có mô hình “{{model}}”, hoặc khóa API không được dùng mô hình này.',
    en: '“{{provider}}” has no model “{{model}}”, or the API key may not use it.',
  },
  CONTEXT_TOO_LONG: {
    vi: 'Yêu cầu quá dài cho mô hình “{{model}}”: khoảng {{tokens}} token, vượt {{over}} token so với giới hạn đầu vào {{contextWindow}} token của mô hình (đã chừa chỗ cho câu trả lời). Hãy bớt tài liệu hoặc chọn mô hình có giới hạn đầu vào lớn hơn.',
    en: 'The request is too long for “{{model}}”: about {{tokens}} tokens, {{over}} over its {{contextWindow}}-token context window (with room kept for the answer). Use fewer documents or a model with a longer context.',
  },
  RATE_LIMITED: {
    vi: '“{{provider}}” đang giới hạn tần suất yêu cầu. Đã thử lại {{attempts}} lần nhưng chưa được; hãy thử lại sau ít phút.',
    en: '“{{provider}}” is limiting the request rate. LexDesk retried {{attempts}} times without success; please try again in a few minutes.',
  },
  PROVIDER_UNAVAILABLE: {
    vi: 'Máy chủ của “{{provider}}” đang gặp sự cố (lỗi {{status}}). Đã thử lại {{attempts}} lần; hãy thử lại sau.',
    en: 'The “{{provider}}” service is having trouble (error {{status}}). LexDesk retried {{attempts}} times; please try again later.',
  },
  PROVIDER_REJECTED: {
    vi: '“{{provider}}” từ chối yêu cầu (lỗi {{status}}): {{reason}}',
    en: '“{{provider}}” refused the request (error {{status}}): {{reason}}',
  },
  STREAM_INTERRUPTED: {
    vi: 'Kết nối tới “{{provider}}” bị ngắt giữa chừng. Phần câu trả lời đã nhận được vẫn được giữ lại; bạn có thể hỏi lại.',
    en: 'The connection to “{{provider}}” dropped mid-answer. The part already received is kept; you can ask again.',
  },
  TIMEOUT: {
    vi: '“{{provider}}” không trả lời xong trong {{seconds}} giây nên yêu cầu đã dừng. Phần đã nhận (nếu có) vẫn được giữ lại.',
    en: '“{{provider}}” did not finish within {{seconds}} seconds, so the request was stopped. Any part received is kept.',
  },
  NETWORK_UNAVAILABLE: {
    vi: 'Không kết nối được tới “{{provider}}” ({{host}}). Hãy kiểm tra kết nối mạng, hoặc máy chủ cục bộ đã chạy chưa.',
    en: 'Could not reach “{{provider}}” ({{host}}). Check the network connection, or that the local server is running.',
  },
  ANSWER_NOT_FOUND: {
    vi: 'Không tìm thấy câu trả lời này trong LexDesk.',
    en: 'This answer is not in LexDesk.',
  },
  MATTER_NOT_FOUND: {
    vi: 'Không tìm thấy vụ việc này trong LexDesk.',
    en: 'This matter is not in LexDesk.',
  },
  JOB_NOT_FOUND: {
    vi: 'Không tìm thấy đợt rà soát hàng loạt này trong LexDesk.',
    en: 'This batch review is not in LexDesk.',
  },
  BATCH_REPLY_INVALID: {
    vi: '“{{provider}}” trả lời không đúng mẫu JSON đã yêu cầu, kể cả khi được yêu cầu sửa lại ({{problem}}). Tài liệu này được đánh dấu lỗi; các tài liệu khác vẫn tiếp tục.',
    en: '“{{provider}}” did not reply in the JSON form asked for, even when asked to mend it ({{problem}}). This document is marked failed; the others go on.',
  },
  BACKUP_INVALID: {
    vi: 'Bản sao lưu tại {{path}} không dùng được ({{reason}}). Dữ liệu hiện tại được giữ nguyên.',
    en: 'The backup at {{path}} cannot be used ({{reason}}). Your current data was left as it was.',
  },
  DATA_IN_USE: {
    vi: 'Dữ liệu LexDesk tại {{path}} đang được một chương trình khác mở (tiến trình {{processes}}), có thể là ứng dụng LexDesk hoặc một lệnh lexdesk khác. Hãy đóng chương trình đó rồi khôi phục lại; chưa có gì bị thay đổi.',
    en: 'The LexDesk data at {{path}} is open in another program (process {{processes}}), the LexDesk app or another lexdesk command. Close it, then restore again; nothing has been changed.',
  },
  BACKUP_FAILED: {
    vi: 'Không tạo được bản sao lưu tại {{path}}: {{reason}}. Không có bản sao lưu dở dang nào được để lại.',
    en: 'The backup to {{path}} failed: {{reason}}. No partial backup was left behind.',
  },
  INTERNAL_ERROR: {
    vi: 'Đã xảy ra lỗi ngoài dự kiến. Dữ liệu của bạn không bị ảnh hưởng; vui lòng thử lại.',
    en: 'Something unexpected went wrong. Your data is safe; please try again.',
  },
};

/** The message for an error code in one language, with `{{name}}` filled from details. */
export function errorMessage(code: ErrorCode, language: Language, details?: ErrorDetails): string {
  return messages[code][language].replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = details?.[name];
    return value === undefined ? '' : String(value);
  });
}

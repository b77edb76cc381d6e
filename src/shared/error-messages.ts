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

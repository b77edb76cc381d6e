import type { ExportFormat } from '../../shared/backup';
import type { Language } from '../../shared/language';

export interface SaveFileRequest {
  title: string;
  defaultName: string;
  filter: { name: string; extensions: string[] };
}

export interface ChooseFolderRequest {
  title: string;
  /** A folder to write into (the dialog may create one), or an existing one to read. */
  purpose: 'write' | 'read';
}

/**
 * What only the desktop shell can do: ask the user where on disk, and start
 * the app again. Electron's dialogs and relaunch in the app (index.ts); a
 * scripted stand-in in the browser test host. Paths come from here, never
 * from the window.
 */
export interface Desktop {
  /** The file the user chose to save to, or null when they closed the dialog. */
  chooseSaveFile(request: SaveFileRequest): Promise<string | null>;
  /** The folder the user chose, or null when they closed the dialog. */
  chooseFolder(request: ChooseFolderRequest): Promise<string | null>;
  /** Closes the services and starts the app again; a restore waiting in the data dir is applied on the way. */
  restart(): void;
  /** Puts text on the system clipboard, with HTML for the word processors that paste it. */
  writeClipboard(content: { text: string; html: string }): void;
}

const titles = {
  vi: {
    exportAnswer: 'Xuất phân tích',
    exportMatter: 'Xuất toàn bộ vụ việc',
    backup: 'Chọn thư mục để lưu bản sao lưu',
    restore: 'Chọn thư mục bản sao lưu LexDesk',
    docx: 'Tài liệu Word',
    md: 'Markdown',
    openLink: 'Mở địa chỉ này trong trình duyệt?',
    openLinkDetail: 'Liên kết nằm trong một câu trả lời hoặc tài liệu. Chỉ mở nếu bạn tin địa chỉ:\n\n{{url}}',
    open: 'Mở trong trình duyệt',
    cancel: 'Hủy',
  },
  en: {
    exportAnswer: 'Export analysis',
    exportMatter: 'Export the whole matter',
    backup: 'Choose a folder for the backup',
    restore: 'Choose a LexDesk backup folder',
    docx: 'Word document',
    md: 'Markdown',
    openLink: 'Open this address in your browser?',
    openLinkDetail: 'The link is in an answer or a document. Open it only if you trust the address:\n\n{{url}}',
    open: 'Open in browser',
    cancel: 'Cancel',
  },
} as const;

export function dialogTitles(language: Language) {
  return titles[language];
}

/**
 * A file name a lawyer can recognise in a folder: what it is, then the date,
 * with what Windows, macOS and Linux all refuse in a name taken out.
 */
export function exportFileName(subject: string, date: Date, format: ExportFormat): string {
  const clean = subject
    .normalize('NFC')
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const short = clean.length > 80 ? clean.slice(0, 80).trimEnd() : clean;
  const day = date.toISOString().slice(0, 10);
  return `${short || 'LexDesk'} - ${day}.${format}`;
}

export function saveRequest(
  language: Language,
  kind: 'exportAnswer' | 'exportMatter',
  subject: string,
  format: ExportFormat,
  date: Date,
): SaveFileRequest {
  const text = titles[language];
  return {
    title: text[kind],
    defaultName: exportFileName(subject, date, format),
    filter: { name: text[format], extensions: [format] },
  };
}

/**
 * For the CLI and benchmarks, where nobody is asked: every dialog closes
 * unanswered, nothing restarts, and there is no clipboard (the CLI prints).
 */
export const headlessDesktop: Desktop = {
  chooseSaveFile: async () => null,
  chooseFolder: async () => null,
  restart: () => {},
  writeClipboard: () => {},
};

import type { Language } from '../shared/language';

const help: Record<Language, string> = {
  en: `LexDesk command line: the same data and services as the app.

Usage:
  lexdesk [--data-dir DIR] [--json] <command>

Commands:
  ingest FILE [--password P]   read a PDF, DOCX, TXT or MD file into LexDesk and
                               print its pages, characters, language and tokens
  ask FILE... "QUESTION" --provider ID [--model M] [--api-key-env VAR] [--no-cache] [--matter M]
      [--strategy auto|whole|map-reduce|focused|fail] [--max-input-tokens N] [--dry-run [--with-text]]
                               ask a question about the files and stream the answer;
                               the key comes from the app's secret store or from
                               the variable VAR, never from an argument. --dry-run
                               prints the plan (whole, or the parts a long document
                               is read in), its coverage and estimate, sending nothing
  providers add ID --kind openai|anthropic --base-url URL --model NAME [--model NAME...]
                --context TOKENS --price-input X [--price-cached-input Y]
                --price-output Z [--currency USD] [--name NAME]
  providers list | providers remove ID
  history [--search Q] [--matter M]
                               past analyses, newest first, or those matching Q
                               (Vietnamese may be typed without diacritics)
  show ANSWER_ID               one past analysis in full
  verify ANSWER_ID             each citation of an analysis checked against its documents:
                               the quote, where it stands, verified / wrong page /
                               wrong clause / not found / no quote
  batch FILE|FOLDER... --questions FILE|PRESET --provider ID [--model M] [--concurrency N]
      [--budget X] [--api-key-env VAR]
                               every document (folders read through) asked every question,
                               one request a document, priced first; progress on stderr,
                               with --json one line a finished document and a summary.
                               Presets: payment-penalties-termination, parties-dates-amounts,
                               vietnamese-core
  batch --resume JOB_ID | --list
                               go on with a paused or interrupted batch; list the batches
  matters list | create NAME | rename M NAME | remove M
                               matters (client files) grouping documents and analyses;
                               removing one deletes its analyses and unused documents
  export ANSWER_ID --format docx|md --out FILE
  export --matter M --format docx|md --out FILE
                               one analysis, or every analysis of a matter (oldest
                               first), as a Word or Markdown file
  export --job JOB_ID --format xlsx --out FILE
                               a batch's grid as an Excel workbook: a row a document, a
                               column a question, and a sheet of every citation
  backup DIR                   copy the database and stored files into a new folder in DIR
  restore BACKUP_DIR           check a backup in full, then put it in place, all or nothing
                               (refused while the app is open; the current data is kept
                               in a dated before-restore-… folder)
  settings get [KEY]           print one setting, or all of them
  settings set KEY VALUE       change a setting
                               language: vi | en
                               theme: system | light | dark
                               acceptWeakKeyStorage: true | false

Options:
  --data-dir DIR   where the database lives (default: LEXDESK_DATA_DIR, or the
                   app's own folder, so the CLI and the app share one history)
  --json           print machine-readable JSON
  -h, --help       print this help
  -v, --version    print the version

Exit codes:
  0 ok   1 other failure   2 usage error   3 bad input (including a file LexDesk
  cannot read, with its code: PDF_CORRUPT, PDF_PASSWORD_REQUIRED...)   4 provider error
`,
  vi: `Dòng lệnh LexDesk: dùng chung dữ liệu và dịch vụ với ứng dụng.

Cách dùng:
  lexdesk [--data-dir THƯ_MỤC] [--json] <lệnh>

Lệnh:
  ingest TỆP [--password MK]   đọc tệp PDF, DOCX, TXT hoặc MD vào LexDesk và in số
                               trang, số ký tự, ngôn ngữ và số token
  ask TỆP... "CÂU_HỎI" --provider ID [--model M] [--api-key-env BIẾN] [--no-cache] [--matter VỤ_VIỆC]
      [--strategy auto|whole|map-reduce|focused|fail] [--max-input-tokens N] [--dry-run [--with-text]]
                               hỏi về các tệp và in câu trả lời khi nhận được; khóa API
                               lấy từ kho khóa của ứng dụng hoặc từ biến môi trường BIẾN,
                               không bao giờ từ tham số dòng lệnh. --dry-run in ra cách
                               gửi (cả tài liệu, hoặc các phần theo điều khoản của tài
                               liệu dài), phần được đọc và chi phí ước tính, không gửi gì
  providers add ID --kind openai|anthropic --base-url URL --model TÊN [--model TÊN...]
                --context SỐ_TOKEN --price-input X [--price-cached-input Y]
                --price-output Z [--currency USD] [--name TÊN]
  providers list | providers remove ID
  history [--search TỪ_KHÓA] [--matter VỤ_VIỆC]
                               các phân tích đã làm, mới nhất trước, hoặc những phân tích
                               khớp với từ khóa (có thể gõ tiếng Việt không dấu)
  show MÃ_CÂU_TRẢ_LỜI          xem đầy đủ một phân tích
  verify MÃ_CÂU_TRẢ_LỜI        đối chiếu từng trích dẫn của một phân tích với tài liệu: câu
                               trích, nơi có câu đó, và kết quả (khớp, sai trang, sai điều
                               khoản, không tìm thấy, không trích nguyên văn)
  batch TỆP|THƯ_MỤC... --questions TỆP|BỘ_CÂU_HỎI --provider ID [--model M] [--concurrency N]
      [--budget X] [--api-key-env BIẾN]
                               hỏi mọi câu hỏi cho từng tài liệu (đọc cả thư mục con), mỗi
                               tài liệu một yêu cầu, có chi phí ước tính trước; tiến độ in ra
                               stderr, với --json mỗi tài liệu xong một dòng và một dòng tổng kết.
                               Bộ câu hỏi: payment-penalties-termination, parties-dates-amounts,
                               vietnamese-core
  batch --resume MÃ_ĐỢT | --list
                               tiếp tục một đợt rà soát bị tạm dừng hoặc gián đoạn; liệt kê các đợt
  matters list | create TÊN | rename VỤ_VIỆC TÊN | remove VỤ_VIỆC
                               vụ việc (hồ sơ khách hàng) gom tài liệu và phân tích; xóa
                               vụ việc sẽ xóa các phân tích và tài liệu không còn dùng
  export MÃ --format docx|md --out TỆP
  export --matter VỤ_VIỆC --format docx|md --out TỆP
                               xuất một phân tích, hoặc mọi phân tích của một vụ việc
                               (cũ nhất trước), ra tệp Word hoặc Markdown
  export --job MÃ_ĐỢT --format xlsx --out TỆP
                               xuất bảng kết quả của một đợt rà soát ra tệp Excel: mỗi tài
                               liệu một dòng, mỗi câu hỏi một cột, và một trang trích dẫn
  backup THƯ_MỤC               sao lưu cơ sở dữ liệu và các tệp gốc vào một thư mục mới
  restore THƯ_MỤC_SAO_LƯU      kiểm tra toàn bộ bản sao lưu rồi khôi phục, hoặc trọn vẹn hoặc
                               không gì cả (không chạy khi ứng dụng đang mở; dữ liệu hiện
                               tại được giữ trong thư mục before-restore-… có ghi ngày giờ)
  settings get [KHÓA]          in một cài đặt, hoặc tất cả
  settings set KHÓA GIÁ_TRỊ    thay đổi một cài đặt
                               language: vi | en
                               theme: system | light | dark
                               acceptWeakKeyStorage: true | false

Tùy chọn:
  --data-dir THƯ_MỤC  nơi lưu cơ sở dữ liệu (mặc định: LEXDESK_DATA_DIR, hoặc
                      thư mục của ứng dụng, để dòng lệnh và ứng dụng dùng chung lịch sử)
  --json              in kết quả dạng JSON
  -h, --help          in hướng dẫn này
  -v, --version       in số phiên bản

Mã thoát:
  0 thành công   1 lỗi khác   2 sai cú pháp   3 dữ liệu đầu vào sai (kể cả tệp
  không đọc được, kèm mã lỗi: PDF_CORRUPT, PDF_PASSWORD_REQUIRED...)   4 lỗi nhà cung cấp
`,
};

export function helpText(language: Language): string {
  return help[language];
}

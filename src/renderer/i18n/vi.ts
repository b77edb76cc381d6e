import type { Translation } from './en';

export const vi: Translation = {
  app: {
    name: 'LexDesk',
    tagline: 'Rà soát hợp đồng bằng mô hình ngôn ngữ lớn, đọc được văn bản dài',
    loadFailed: 'Không khởi động được LexDesk: {{message}}',
  },
  nav: { settings: 'Cài đặt', history: 'Các phân tích' },
  history: {
    emptyTitle: 'Chưa có phân tích nào',
    emptyBody:
      'Mỗi câu hỏi bạn đặt cho một hợp đồng sẽ được lưu tại đây cùng câu trả lời, số token và chi phí, và xem lại được cả khi không có mạng.',
  },
  drop: {
    title: 'Thả hợp đồng vào đây',
    hint: 'PDF, DOCX hoặc văn bản (TXT, MD), tiếng Việt hoặc tiếng Anh. Một hoặc nhiều tệp.',
    choose: 'Chọn tệp…',
    active: 'Thả ra để thêm các tệp này',
    notYet_one:
      'Đã nhận 1 tệp: {{names}}. Phiên bản này chưa đọc được nội dung tài liệu; tính năng nhập tài liệu sẽ có trong bản cập nhật tới. Chưa có gì được gửi đi hay lưu lại.',
    notYet_other:
      'Đã nhận {{count}} tệp: {{names}}. Phiên bản này chưa đọc được nội dung tài liệu; tính năng nhập tài liệu sẽ có trong bản cập nhật tới. Chưa có gì được gửi đi hay lưu lại.',
  },
  settings: {
    title: 'Cài đặt',
    close: 'Đóng',
    language: 'Ngôn ngữ giao diện',
    theme: 'Chế độ hiển thị',
    themes: { system: 'Theo hệ điều hành', light: 'Sáng', dark: 'Tối' },
    keysTitle: 'Lưu trữ khóa API',
    keys: {
      'os-keychain': 'Khóa API được mã hóa bằng trình quản lý khóa của hệ điều hành.',
      'basic-text':
        'Máy này không có trình quản lý khóa: khóa API chỉ được che giấu, không được mã hóa thật sự. LexDesk không lưu khóa nào trừ khi bạn đồng ý ở dưới.',
      memory: 'Khóa API chỉ được giữ trong bộ nhớ của phiên làm việc này và không bao giờ được ghi ra đĩa.',
      unavailable: 'Hệ điều hành không hỗ trợ mã hóa, nên LexDesk sẽ không lưu khóa API.',
    },
    acceptWeak: 'Tôi đồng ý lưu khóa API với mức bảo vệ thấp hơn này',
    about: 'Thông tin',
    version: 'Phiên bản {{version}}',
    dataDir: 'Thư mục dữ liệu',
    privacy:
      'LexDesk không gửi bất kỳ dữ liệu thống kê sử dụng nào. Tài liệu chỉ được gửi tới nhà cung cấp mô hình mà bạn chọn.',
    saveFailed: 'Chưa lưu được thay đổi: {{message}}',
  },
};

// Texts of the plan's workflow: the Phân công sheet, assignment, progress, merging the sections'
// copies, figures, workbooks for every commune. Vietnamese first; placeholders are {name} (catalogue.ts).

export const WORKFLOW_VI = {
  // The Phân công sheet (Vietnamese in the workbook whatever the pane's language).
  'sheet.assign.title': 'DANH SÁCH PHÂN CÔNG CHUẨN BỊ TÀI LIỆU CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}',
  'sheet.assign.attached': '(Kèm theo Kế hoạch tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của Ủy ban nhân dân {unit})',
  'sheet.assign.hint': 'Ghi người, bộ phận phụ trách vào bảng I. Giao việc ở cột “Phụ trách” và “Hạn” của trang Chấm điểm (chọn trong danh sách): giao cho một lĩnh vực hay một tiêu chí là giao cả các mục bên dưới, trừ mục được giao riêng. Mục không ghi hạn dùng hạn chung. Bảng II tự cập nhật theo trang Chấm điểm.',
  'sheet.assign.commonDue': 'Hạn hoàn thành chung (cho mục không ghi hạn riêng):',
  'sheet.assign.people': 'I. NGƯỜI, BỘ PHẬN PHỤ TRÁCH',
  'sheet.assign.list': 'II. PHÂN CÔNG THEO TIÊU CHÍ',
  'sheet.assign.stt': 'STT',
  'sheet.assign.person': 'Người / bộ phận phụ trách',
  'sheet.assign.role': 'Chức vụ, bộ phận',
  'sheet.assign.count': 'Số mục được giao',
  'sheet.assign.code': 'Mã',
  'sheet.assign.item': 'Nội dung cần chuẩn bị tài liệu (lĩnh vực, tiêu chí, tiêu chí thành phần)',
  'sheet.assign.due': 'Hạn hoàn thành',
  'sheet.assign.leaf': 'Mục chấm điểm',
  'sheet.assign.ownerPrompt': 'Chọn người hoặc bộ phận trong danh sách ở trang Phân công. Để trống: theo tiêu chí cấp trên.',
  'sheet.assign.ownerErrorTitle': 'Chưa có trong danh sách',
  'sheet.assign.ownerError': 'Chọn tên trong danh sách. Người hoặc bộ phận mới: ghi vào bảng I của trang Phân công trước.',
  'sheet.assign.duePrompt': 'Ngày phải hoàn thành tài liệu, ví dụ 25/11/{year}. Để trống: theo tiêu chí cấp trên hoặc hạn chung.',
  'sheet.assign.dueErrorTitle': 'Hạn không hợp lệ',
  'sheet.assign.dueError': 'Ghi một ngày (ngày/tháng/năm), ví dụ 25/11/{year}.',
};

export const WORKFLOW_EN: Record<keyof typeof WORKFLOW_VI, string> = {
  'sheet.assign.title': 'ASSIGNMENT OF THE DOCUMENTS FOR THE ADMINISTRATIVE REFORM INDEX {year}',
  'sheet.assign.attached': '(Attached to the self-assessment plan of the administrative reform index {year} of the People’s Committee of {unit})',
  'sheet.assign.hint': 'List the people and sections in table I. Assign items in the “Phụ trách” and “Hạn” columns of the Chấm điểm sheet (pick from the list): assigning a domain or a criterion assigns everything below it, unless an item says otherwise. Items without a due date have the common one. Table II follows the Chấm điểm sheet by itself.',
  'sheet.assign.commonDue': 'Common due date (for items without one of their own):',
  'sheet.assign.people': 'I. PEOPLE AND SECTIONS',
  'sheet.assign.list': 'II. ASSIGNMENT BY CRITERION',
  'sheet.assign.stt': 'No.',
  'sheet.assign.person': 'Responsible person / section',
  'sheet.assign.role': 'Position, section',
  'sheet.assign.count': 'Items assigned',
  'sheet.assign.code': 'Code',
  'sheet.assign.item': 'What to prepare (domain, criterion, sub-criterion)',
  'sheet.assign.due': 'Due date',
  'sheet.assign.leaf': 'Scored item',
  'sheet.assign.ownerPrompt': 'Pick a person or section from the list on the Phân công sheet. Empty: as the criterion above.',
  'sheet.assign.ownerErrorTitle': 'Not on the list',
  'sheet.assign.ownerError': 'Pick a name from the list. A new person or section: add them to table I of the Phân công sheet first.',
  'sheet.assign.duePrompt': 'The date the documents are due, e.g. 25/11/{year}. Empty: as the criterion above, or the common date.',
  'sheet.assign.dueErrorTitle': 'Not a due date',
  'sheet.assign.dueError': 'Enter a date (day/month/year), e.g. 25/11/{year}.',
};

// Texts of the documents' pane parts (Tổng hợp's refresh with last year, the district summary from
// files), Vietnamese first; see catalogue.ts. cchc refresh's own lines are in commands.ts.

export const DOCUMENTS_VI = {
  'summary.previous': 'Bảng chấm điểm năm trước (không bắt buộc): Tổng hợp so sánh theo từng lĩnh vực',
  'district.heading': 'Tổng hợp các xã từ tệp',
  'district.intro': 'Dành cho Phòng Nội vụ: chọn các bảng chấm điểm (.xlsx) của các xã, phường, thị trấn (chọn nhiều tệp cùng lúc). Bảng xếp hạng, biểu đồ và danh sách đơn vị chưa xếp hạng được ghi vào sổ làm việc đang mở, như lệnh cchc summary.',
  'district.pick': 'Các bảng chấm điểm của các xã (.xlsx)',
  'district.by': 'Xếp hạng theo',
  'district.bySelf': 'Điểm tự chấm',
  'district.byAppraisal': 'Điểm thẩm định',
  'district.issuer': 'Cơ quan tổng hợp, ví dụ UBND huyện Phú Lương (tiêu đề và chữ ký)',
  'district.run': 'Tổng hợp các xã',
  'district.reading': 'Đang đọc tệp {done}/{total}: {file}…',
  'district.writing': 'Đang ghi bảng xếp hạng và biểu đồ…',
  'district.done': 'Đã xếp hạng {ranked} đơn vị; {excluded} đơn vị chưa xếp hạng (xem trang Chưa xếp hạng).',
  'district.excluded': '{count} tệp chưa dùng được để xếp hạng:',
  'district.needFiles': 'Chọn ít nhất một bảng chấm điểm (.xlsx) của các xã.',
  'district.none': 'Không có bảng chấm điểm nào dùng được để xếp hạng; xem lý do bên dưới.',
  'district.failed': 'Chưa tổng hợp được các xã.',
  'pane.partMissing': 'Không tải được phần này của công cụ từ máy chủ (có thể do mất kết nối mạng). Kiểm tra kết nối rồi bấm lại.',
};

export const DOCUMENTS_EN: Record<keyof typeof DOCUMENTS_VI, string> = {
  'summary.previous': 'Last year\'s scoring workbook (optional): Tổng hợp compares each domain',
  'district.heading': 'District summary from files',
  'district.intro': 'For the district office: choose the communes\' scoring workbooks (.xlsx), several at once. The ranking, its chart and the units not ranked are written into the open workbook, as cchc summary does.',
  'district.pick': 'The communes\' scoring workbooks (.xlsx)',
  'district.by': 'Rank by',
  'district.bySelf': 'Self score',
  'district.byAppraisal': 'Appraisal score',
  'district.issuer': 'Issuing body, e.g. UBND huyện Phú Lương (heading and signature)',
  'district.run': 'Summarise the communes',
  'district.reading': 'Reading file {done}/{total}: {file}…',
  'district.writing': 'Writing the ranking and its chart…',
  'district.done': '{ranked} units ranked; {excluded} not ranked (see the Chưa xếp hạng sheet).',
  'district.excluded': '{count} files cannot be used for the ranking:',
  'district.needFiles': 'Choose at least one commune scoring workbook (.xlsx).',
  'district.none': 'No scoring workbook can be used for the ranking; see the reasons below.',
  'district.failed': 'The communes could not be summarised.',
  'pane.partMissing': 'This part of the tool could not be downloaded from its server (the network may be down). Check the connection and press again.',
};

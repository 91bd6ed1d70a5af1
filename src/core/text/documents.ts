// Texts of the documents' pane parts (Tổng hợp's refresh with last year, the district summary from
// files) and of any part on its way (parts.ts), Vietnamese first; see catalogue.ts. cchc refresh's own
// lines are in commands.ts.

export const DOCUMENTS_VI = {
  'summary.previous': 'Bảng chấm điểm năm trước (không bắt buộc): Tổng hợp so sánh theo từng lĩnh vực',
  'district.heading': 'Tổng hợp các xã từ tệp',
  'district.intro': 'Dành cho Phòng Nội vụ: chọn các bảng chấm điểm (.xlsx) của các xã, phường, thị trấn (chọn nhiều tệp cùng lúc). Bảng xếp hạng, biểu đồ và các đơn vị chưa xếp hạng được ghi vào sổ làm việc đang mở.',
  'district.pick': 'Các bảng chấm điểm của các xã (.xlsx)',
  'district.by': 'Xếp hạng theo',
  'district.bySelf': 'Điểm tự chấm',
  'district.byAppraisal': 'Điểm thẩm định',
  'district.issuer': 'Cơ quan tổng hợp (tiêu đề, chữ ký), ví dụ UBND huyện Phú Lương',
  'district.run': 'Tổng hợp các xã',
  'district.needFiles': 'Chọn ít nhất một bảng chấm điểm (.xlsx) của các xã.',
  'district.failed': 'Chưa tổng hợp được các xã.',
  'pane.partMissing': 'Không tải được phần này của công cụ. Kiểm tra kết nối mạng rồi bấm lại.',
  'pane.partLoading': 'Đang tải phần này của công cụ…',
  'pane.partRetry': 'Tải lại',
};

export const DOCUMENTS_EN: Record<keyof typeof DOCUMENTS_VI, string> = {
  'summary.previous': 'Last year\'s scoring workbook (optional): Tổng hợp compares each domain',
  'district.heading': 'District summary from files',
  'district.intro': 'For the district office: choose the communes\' scoring workbooks (.xlsx), several at once. The ranking, its chart and the units not ranked are written into the open workbook.',
  'district.pick': 'The communes\' scoring workbooks (.xlsx)',
  'district.by': 'Rank by',
  'district.bySelf': 'Self score',
  'district.byAppraisal': 'Appraisal score',
  'district.issuer': 'Issuing body (heading, signature), e.g. UBND huyện Phú Lương',
  'district.run': 'Summarise the communes',
  'district.needFiles': 'Choose at least one commune scoring workbook (.xlsx).',
  'district.failed': 'The communes could not be summarised.',
  'pane.partMissing': 'This part of the tool could not be downloaded. Check the network and press again.',
  'pane.partLoading': 'Downloading this part of the tool…',
  'pane.partRetry': 'Try again',
};

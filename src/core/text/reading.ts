// Texts of reading a workbook a person picked, whichever reader opens it (the command line's exceljs
// reader, the pane's small reader): what the file really is, a damaged or hostile zip, last year's
// workbook. Shared by the pane and Node; Vietnamese first; see catalogue.ts.

export const READING_VI = {
  'files.sniff.wouldExpandFarBeyond': 'Tệp {base} giải nén ra quá lớn so với một bảng chấm điểm; không mở.',
  'files.sniff.zipFileButExcel': 'Tệp {base} là tệp nén nhưng không phải sổ làm việc Excel (.xlsx).',
  'files.sniff.opendocumentSpreadsheetOdsSave': 'Tệp {base} là bảng tính OpenDocument (.ods). Hãy lưu lại dưới dạng .xlsx.',
  'files.sniff.damagedZipStructureRead': 'Tệp {base} bị hỏng (không đọc được cấu trúc nén).',
  'files.sniff.excelXlsxFile': 'Tệp {base} không phải tệp Excel (.xlsx).',
  'files.sniff.textCsvFileExcel': 'Tệp {base} là tệp văn bản (CSV), không phải tệp Excel (.xlsx).',
  'files.sniff.jsonFileExcelXlsx': 'Tệp {base} là tệp JSON, không phải tệp Excel (.xlsx).',
  'files.sniff.oldExcelFileXls': 'Tệp {base} là định dạng Excel cũ (.xls). Hãy mở bằng Excel và lưu dưới dạng .xlsx (Sổ làm việc Excel).',
  'files.sniff.passwordProtectedOpenExcel': 'Tệp {base} được đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại.',
  'files.sniff.tooLargeOverMb': 'Tệp {base} quá lớn (trên 50 MB) để là một bảng chấm điểm.',
  'files.sniff.empty': 'Tệp {base} rỗng.',
  'reading.sheetTooWide': 'Trang "{sheet}" của tệp {file} trải quá rộng: không phải một bảng chấm điểm. Hãy xóa các ô thừa ở cuối trang rồi lưu lại.',
  'reading.damaged': 'Tệp {file} bị hỏng ({detail}). Nếu còn bản gốc, hãy dùng bản gốc; nếu không, mở bằng Excel để sửa rồi lưu lại dưới dạng .xlsx.',
  'reading.partMissing': 'không tìm thấy phần {part}',
  'reading.partCut': 'phần {part} bị cắt cụt',
  'reading.partCompression': 'phần {part} nén theo cách không hỗ trợ',
  'reading.partChecksum': 'phần {part} sai mã kiểm tra',
  'reading.expandsBeyond': 'Tệp {file} giải nén ra nhiều hơn kích thước nó khai báo (phần {part}): tệp hỏng hoặc được tạo để gây hại; không mở.',
  'reading.tooLarge': 'Tệp {file} quá lớn để là một bảng chấm điểm; không mở.',
  'reading.previousNotScoring': 'Tệp {file} không phải bảng chấm điểm đọc được{detail}: chọn bảng chấm điểm năm trước do công cụ này tạo.',
};

export const READING_EN: Record<keyof typeof READING_VI, string> = {
  'files.sniff.wouldExpandFarBeyond': '{base} would expand far beyond the size of a scoring workbook; not opened.',
  'files.sniff.zipFileButExcel': '{base} is a zip file but not an Excel (.xlsx) workbook.',
  'files.sniff.opendocumentSpreadsheetOdsSave': '{base} is an OpenDocument spreadsheet (.ods). Save it as .xlsx.',
  'files.sniff.damagedZipStructureRead': '{base} is damaged (its zip structure cannot be read).',
  'files.sniff.excelXlsxFile': '{base} is not an Excel (.xlsx) file.',
  'files.sniff.textCsvFileExcel': '{base} is a text (CSV) file, not an Excel (.xlsx) file.',
  'files.sniff.jsonFileExcelXlsx': '{base} is a JSON file, not an Excel (.xlsx) file.',
  'files.sniff.oldExcelFileXls': '{base} is an old Excel file (.xls). Open it in Excel and save it as .xlsx (Excel Workbook).',
  'files.sniff.passwordProtectedOpenExcel': '{base} is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.',
  'files.sniff.tooLargeOverMb': '{base} is too large (over 50 MB) to be a scoring workbook.',
  'files.sniff.empty': '{base} is empty.',
  'reading.sheetTooWide': 'Sheet "{sheet}" of {file} spans too far: not a scoring sheet. Delete the stray cells and save again.',
  'reading.damaged': '{file} is damaged ({detail}). Use the original if you have it; otherwise open it in Excel to repair it and save it as .xlsx.',
  'reading.partMissing': 'part {part} cannot be found',
  'reading.partCut': 'part {part} is cut short',
  'reading.partCompression': 'part {part} uses an unsupported compression',
  'reading.partChecksum': 'part {part} fails its checksum',
  'reading.expandsBeyond': '{file} expands beyond the size it declares (part {part}): the file is damaged or built to do harm; not opened.',
  'reading.tooLarge': '{file} is too large to be a scoring workbook; not opened.',
  'reading.previousNotScoring': '{file} is not a readable scoring workbook{detail}: choose last year\'s scoring workbook made by this tool.',
};

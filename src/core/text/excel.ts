// Texts of what Excel refuses while the add-in works on a workbook, and what to do about it. Placeholders
// are {name}; see catalogue.ts.

export const EXCEL_VI = {
  'excel.run.protected': 'Excel không cho phép thay đổi: một trang tính hoặc cả sổ làm việc đang được bảo vệ (có mật khẩu), hoặc sổ đang được chia sẻ. Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) rồi thử lại.',
  'excel.run.excelReportedDuringOperation': 'Excel báo lỗi {code} khi thực hiện thao tác. Hãy lưu sổ làm việc, đóng rồi mở lại ngăn tác vụ và thử lại; nếu vẫn lỗi, hãy báo kèm mã lỗi này.',
  'excel.run.workbookLeftBefore': 'Sổ làm việc vẫn giữ nguyên như trước khi bấm.',
  'excel.run.someoneSomethingElseChanged': 'Sổ làm việc vừa bị người khác hoặc một chương trình khác thay đổi cùng lúc. Hãy đợi một chút rồi thử lại.',
  'excel.run.workbookAlreadySheetName': 'Sổ làm việc đã có một trang tính trùng tên với trang cần tạo. Hãy đổi tên hoặc xóa trang đó rồi thử lại.',
  'excel.run.sheetRangeAddNeeds': 'Không tìm thấy trang tính hoặc vùng ô cần dùng; có thể nó đã bị đổi tên hoặc xóa. Hãy kiểm tra tên các trang tính, hoặc tạo lại bảng chấm điểm.',
  'excel.run.excelDoesAllowWriting': 'Excel không cho ghi vào sổ làm việc này: sổ đang mở chỉ đọc hoặc ở Dạng xem được bảo vệ. Bấm "Bật chỉnh sửa" (hoặc lưu một bản sao) rồi thử lại.',
  'excel.run.excelEditingCellPress': 'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.',
  'excel.run.excelCouldWriteBecause': 'Excel không ghi được vì trên trang tính có ô gộp, bảng (Table), bộ lọc hoặc PivotTable chồng lên vùng cần ghi. Hãy gỡ chúng hoặc dùng một sổ làm việc mới rồi thử lại.',
  'excel.run.versionExcelLacksFeature': 'Phiên bản Excel này không hỗ trợ chức năng cần dùng. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật) hoặc dùng Excel 2019 / Microsoft 365 trở lên.',
  'excel.run.tooMuchDataOne': 'Dữ liệu quá lớn cho một lần trao đổi với Excel (hay gặp ở Excel cho web). Hãy dùng Excel trên máy tính, hoặc tạo tệp bằng lệnh "cchc build".',
  'excel.writeCells.excelDidAllowRestoring': 'Excel không cho khôi phục các ô {where} trên trang "{sheetName}": hãy xem lại các ô này{protectAgain}.',
  'excel.writeCells.protectAgain': ' và bảo vệ lại trang (Xem lại → Bảo vệ trang tính)',
  'excel.writePlan.excelDidAllowAutomatic': 'Excel không cho khôi phục tự động. Bản cũ vẫn còn nguyên dưới tên {pairs}: hãy xóa các trang mới viết dở cùng tên rồi đổi tên các trang này lại như cũ.',
  'excel.writePlan.halfWrittenNewSheets': 'Có thể còn lại các trang mới viết dở: hãy xóa chúng rồi thử lại.',
};

export const EXCEL_EN: Record<keyof typeof EXCEL_VI, string> = {
  'excel.run.protected': 'Excel refused the change: a sheet or the whole workbook is protected (with a password), or the workbook is shared. Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.',
  'excel.run.excelReportedDuringOperation': 'Excel reported {code} during the operation. Save the workbook, close and reopen the task pane, and try again; if it persists, report this code.',
  'excel.run.workbookLeftBefore': 'The workbook was left as it was before.',
  'excel.run.someoneSomethingElseChanged': 'Someone or something else changed the workbook at the same time. Wait a moment and try again.',
  'excel.run.workbookAlreadySheetName': 'The workbook already has a sheet with the name the add-in needs. Rename or delete that sheet and try again.',
  'excel.run.sheetRangeAddNeeds': 'A sheet or range the add-in needs was not found; it may have been renamed or deleted. Check the sheet names, or create the scoring sheet again.',
  'excel.run.excelDoesAllowWriting': 'Excel does not allow writing to this workbook: it is read-only or in Protected View. Click "Enable Editing" (or save a copy) and try again.',
  'excel.run.excelEditingCellPress': 'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
  'excel.run.excelCouldWriteBecause': 'Excel could not write because merged cells, a table, a filter or a PivotTable overlap the area. Remove them or use a new workbook, then try again.',
  'excel.run.versionExcelLacksFeature': 'This version of Excel lacks a feature the add-in needs. Update Office (File → Account → Update Options) or use Excel 2019 / Microsoft 365 or later.',
  'excel.run.tooMuchDataOne': 'Too much data for one exchange with Excel (common in Excel on the web). Use desktop Excel, or create the file with "cchc build".',
  'excel.writeCells.excelDidAllowRestoring': 'Excel did not allow restoring cells {where} on "{sheetName}": check them{protectAgain}.',
  'excel.writeCells.protectAgain': ' and protect the sheet again (Review → Protect Sheet)',
  'excel.writePlan.excelDidAllowAutomatic': 'Excel did not allow an automatic restore. The old sheets are intact as {pairs}: delete the half-written new sheets of those names, then rename these back.',
  'excel.writePlan.halfWrittenNewSheets': 'Half-written new sheets may remain: delete them and try again.',
};

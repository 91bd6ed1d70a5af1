// Every text of the task pane, in Vietnamese (the default) and English. Placeholders are {name}.
// The chosen language is remembered in localStorage where the host allows it.

import { Lang } from '../core/model/errors';

const vi = {
  'app.title': 'Chấm điểm Chỉ số CCHC',
  'app.notInExcel': 'Ngăn này chạy trong Excel. Mở Excel, chọn thẻ Trang đầu › Chấm điểm CCHC.',
  'app.limited': 'Phiên bản Excel này (ExcelApi 1.7) chưa cho đặt quy tắc nhập liệu: ô điểm nhập sai không bị chặn, nhưng vẫn được tô đỏ và báo ở cột Kiểm tra.',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch the pane to English',

  'build.heading': 'Tạo bảng chấm điểm',
  'build.unit': 'Tên đơn vị',
  'build.unitHint': 'Ví dụ: Xã Đồng Thịnh, Phường Hoàng Văn Thụ.',
  'build.year': 'Năm đánh giá',
  'build.set': 'Bộ tiêu chí',
  'build.setBundled': 'Bộ có sẵn',
  'build.setSheet': 'Bảng tiêu chí trong một trang tính',
  'build.setFile': 'Tệp JSON trên máy',
  'build.sheetPick': 'Trang tính chứa bảng tiêu chí',
  'build.sheetNone': 'Sổ làm việc chưa có trang tính nào khác.',
  'build.sheetOfficial': 'Đây là bảng chính thức do tỉnh ban hành',
  'build.filePick': 'Tệp bộ tiêu chí (.json)',
  'build.appraisal': 'Thêm cột Điểm thẩm định',
  'build.submit': 'Tạo bảng chấm điểm',
  'build.existing': 'Sổ làm việc này đã có bảng chấm điểm của {unit}, năm {year}.',
  'build.confirmTitle': 'Thay bảng chấm điểm hiện có?',
  'build.confirmText': 'Sổ làm việc đã có trang {sheets}. Tạo lại sẽ thay các trang này: điểm, tài liệu kiểm chứng và giải trình đã nhập ở đó sẽ mất. Nên lưu một bản sao trước.',
  'list.and': 'và',
  'build.confirmReplace': 'Thay thế',
  'build.confirmCancel': 'Giữ nguyên',
  'build.cancelled': 'Đã giữ nguyên bảng chấm điểm hiện có.',
  'build.needUnit': 'Nhập tên đơn vị (ví dụ: Xã Đồng Thịnh).',
  'build.badYear': 'Năm đánh giá phải là số từ 2000 đến 2100.',
  'build.needSheet': 'Chọn trang tính chứa bảng tiêu chí.',
  'build.needFile': 'Chọn tệp bộ tiêu chí (.json).',
  'build.reading': 'Đang đọc bảng tiêu chí trên trang “{sheet}”…',
  'build.readingFile': 'Đang đọc tệp {file}…',
  'build.checkingSheets': 'Đang kiểm tra các trang tính hiện có…',
  'build.writing': 'Đang ghi các trang Chấm điểm, Tổng hợp và _cchc…',
  'build.done': 'Đã tạo bảng chấm điểm của {unit}, năm {year}: {leaves} tiêu chí thành phần, tổng {max} điểm. Nhập điểm vào các ô nền vàng.',
  'build.failed': 'Chưa tạo được bảng chấm điểm.',
  'set.describe': '{domains} lĩnh vực, {criteria} tiêu chí, {leaves} tiêu chí thành phần, tổng {max} điểm.',
  'set.reference': 'Bộ tham khảo: đối chiếu với văn bản của tỉnh trước khi dùng.',
  'set.official': 'Bộ chính thức.',
  'set.invalid': 'Bộ tiêu chí có {count} lỗi, chưa dùng được:',
  'set.importWarnings': 'Lưu ý khi đọc bảng:',
  'set.fileTooLarge': 'Tệp {file} quá lớn ({size} MB); tệp bộ tiêu chí thường dưới 1 MB.',
  'set.fileNotJson': 'Tệp {file} không phải JSON hợp lệ. Hãy chọn tệp .json xuất từ “cchc criteria” hoặc sửa lỗi cú pháp trong tệp.',
  'set.fileUnreadable': 'Không đọc được tệp {file}. Hãy chọn lại tệp.',
  'set.sheetGone': 'Sổ làm việc không còn trang “{sheet}”. Hãy chọn lại trang tính.',

  'check.heading': 'Kiểm tra',
  'check.intro': 'Kiểm tra điểm, điểm tối đa, công thức và tài liệu kiểm chứng trên bảng đang mở. Khi ngăn này mở, mỗi lần sửa điểm được kiểm tra ngay.',
  'check.run': 'Kiểm tra',
  'check.reading': 'Đang đọc bảng chấm điểm…',
  'check.clean': 'Không phát hiện lỗi nào. Bảng chấm điểm hợp lệ.',
  'check.cleanWithWarnings': 'Không có lỗi; còn {warnings} cảnh báo cần xem.',
  'check.counts': '{errors} lỗi, {warnings} cảnh báo.',
  'check.done': 'Đã kiểm tra: {counts}',
  'check.liveDone': 'Đã kiểm tra lại sau khi sửa {address}: {counts}',
  'check.total': 'Tự chấm: {self}/{max} điểm (áp dụng {applicable}) · Chỉ số {index}%',
  'check.general': 'Toàn bảng',
  'check.groupCounts': '{errors} lỗi · {warnings} cảnh báo',
  'check.error': 'Lỗi',
  'check.warning': 'Cảnh báo',
  'check.showWarnings': 'Xem {count} cảnh báo',
  'check.hideWarnings': 'Ẩn cảnh báo',
  'check.goTo': 'Chọn ô {cell}',
  'check.notScoring': 'Không kiểm tra được:',
  'check.failed': 'Chưa kiểm tra được bảng chấm điểm.',
  'check.liveUnavailable': 'Excel không báo được các thay đổi cho ngăn này: sau khi sửa điểm, bấm Kiểm tra.',
  'check.selectFailed': 'Chưa chọn được ô {cell}.',

  'summary.heading': 'Tổng hợp',
  'summary.intro': 'Viết lại trang Tổng hợp (điểm và tỷ lệ đạt theo từng lĩnh vực) theo trang Chấm điểm hiện tại, kể cả khi đã chèn dòng, thêm cột hay đổi tên trang.',
  'summary.run': 'Cập nhật Tổng hợp',
  'summary.writing': 'Đang cập nhật trang Tổng hợp…',
  'summary.done': 'Đã cập nhật trang Tổng hợp.',
  'summary.failed': 'Chưa cập nhật được trang Tổng hợp.',

  'maintain.heading': 'Thẩm định và cập nhật',
  'maintain.currentSet': 'Bảng đang dùng: {title}',
  'appraisal.heading': 'Cột thẩm định',
  'appraisal.intro': 'Thêm cột Điểm thẩm định và Ý kiến thẩm định để hội đồng thẩm định của huyện chấm lại từng tiêu chí. Điểm tự chấm, tài liệu kiểm chứng và giải trình đã nhập giữ nguyên.',
  'appraisal.run': 'Thêm cột thẩm định',
  'appraisal.exists': 'Bảng đã có cột Điểm thẩm định và Ý kiến thẩm định: nhập điểm thẩm định vào cột đó, rồi bấm Kiểm tra để xem chênh lệch với điểm tự chấm.',
  'appraisal.writing': 'Đang thêm cột thẩm định vào trang Chấm điểm…',
  'appraisal.done': 'Đã thêm cột Điểm thẩm định và Ý kiến thẩm định; điểm tự chấm và ghi chú đã nhập ({carried} dòng) giữ nguyên. Nhập điểm thẩm định từ ô đang chọn trở xuống.',
  'appraisal.leftovers': 'Trang “{sheet}” còn {count} mục từ trước: xem và nhập lại vào đúng tiêu chí.',
  'appraisal.failed': 'Chưa thêm được cột thẩm định.',
  'upgrade.heading': 'Cập nhật bộ tiêu chí',
  'upgrade.intro': 'Khi tỉnh ban hành bộ tiêu chí chính thức hoặc sửa bộ tiêu chí: chọn bộ mới ở mục “Bộ tiêu chí” phía trên (bảng trong một trang tính hoặc tệp JSON), rồi bấm Cập nhật bộ tiêu chí. Điểm, tài liệu kiểm chứng và giải trình được chuyển theo mã tiêu chí; trang Chấm điểm cũ được giữ lại thành bản sao.',
  'upgrade.run': 'Cập nhật bộ tiêu chí',
  'upgrade.same': 'Bộ tiêu chí đang chọn giống bộ của bảng hiện tại, không có gì để cập nhật. Chọn bộ mới ở mục “Bộ tiêu chí” phía trên.',
  'upgrade.confirmTitle': 'Cập nhật bảng theo bộ tiêu chí mới?',
  'upgrade.confirmText': 'Trang “{sheet}” sẽ được dựng lại theo bộ “{title}” ({leaves} tiêu chí thành phần, tổng {max} điểm). Trước đó, trang hiện tại được giữ nguyên giá trị ở trang “{backup}”. Điểm, giải trình và tài liệu kiểm chứng chuyển theo mã tiêu chí; mục nào không còn chỗ được ghi vào trang “{leftovers}”, không mất mục nào.',
  'upgrade.confirmYes': 'Cập nhật',
  'upgrade.confirmNo': 'Để sau',
  'upgrade.cancelled': 'Chưa cập nhật: bảng chấm điểm giữ nguyên.',
  'upgrade.checking': 'Đang đọc bảng chấm điểm hiện tại…',
  'upgrade.writing': 'Đang lưu bản sao trang cũ và dựng lại trang Chấm điểm…',
  'upgrade.done': 'Đã cập nhật bộ tiêu chí: chuyển {carried} giá trị đã nhập và {docs} tài liệu trên trang Minh chứng. Trang cũ giữ ở “{backup}”.',
  'upgrade.doneNoDocs': 'Đã cập nhật bộ tiêu chí: chuyển {carried} giá trị đã nhập. Trang cũ giữ ở “{backup}”.',
  'upgrade.allCarried': 'Mọi mục đều đã chuyển.',
  'upgrade.leftovers': 'Còn {count} mục chưa chuyển được, ghi ở trang “{sheet}”: chấm hoặc nhập lại vào đúng tiêu chí (danh sách bên dưới).',
  'upgrade.leftoversTitle': 'Mục chưa chuyển ({count}), ghi ở trang “{sheet}”:',
  'upgrade.renamedTitle': 'Tiêu chí đổi tên, điểm đã chuyển sang; nên xem lại ({count}):',
  'upgrade.more': 'Và {count} mục khác: xem trang “{sheet}”.',
  'upgrade.failed': 'Chưa cập nhật được bộ tiêu chí.',

  'fail.unexpected': 'Có lỗi ngoài dự kiến trong ngăn tác vụ. Làm lại; nếu vẫn lỗi, đóng rồi mở lại ngăn Chấm điểm CCHC.',
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  'app.title': 'CCHC index scoring',
  'app.notInExcel': 'This pane runs inside Excel. Open Excel and choose Home › CCHC scoring.',
  'app.limited': 'This Excel version (ExcelApi 1.7) cannot set data validation: wrong scores are not blocked, but they are still coloured red and reported in the Kiểm tra column.',
  'lang.switch': 'Tiếng Việt',
  'lang.switchLabel': 'Chuyển ngăn tác vụ sang tiếng Việt',

  'build.heading': 'Create the scoring sheet',
  'build.unit': 'Unit name',
  'build.unitHint': 'For example: Xã Đồng Thịnh, Phường Hoàng Văn Thụ.',
  'build.year': 'Assessment year',
  'build.set': 'Criteria set',
  'build.setBundled': 'Bundled set',
  'build.setSheet': 'A criteria table on a sheet',
  'build.setFile': 'A JSON file on this computer',
  'build.sheetPick': 'Sheet holding the criteria table',
  'build.sheetNone': 'The workbook has no other sheet yet.',
  'build.sheetOfficial': 'This is the official table issued by the province',
  'build.filePick': 'Criteria set file (.json)',
  'build.appraisal': 'Add the appraisal score column',
  'build.submit': 'Create the scoring sheet',
  'build.existing': 'This workbook already holds the scoring sheet of {unit}, year {year}.',
  'build.confirmTitle': 'Replace the existing scoring sheet?',
  'build.confirmText': 'The workbook already has {sheets}. Creating again replaces these sheets: scores, evidence and explanations entered there will be lost. Save a copy first.',
  'list.and': 'and',
  'build.confirmReplace': 'Replace',
  'build.confirmCancel': 'Keep it',
  'build.cancelled': 'The existing scoring sheet was kept as it is.',
  'build.needUnit': 'Enter the unit name (for example: Xã Đồng Thịnh).',
  'build.badYear': 'The assessment year must be a number from 2000 to 2100.',
  'build.needSheet': 'Choose the sheet that holds the criteria table.',
  'build.needFile': 'Choose the criteria set file (.json).',
  'build.reading': 'Reading the criteria table on sheet “{sheet}”…',
  'build.readingFile': 'Reading {file}…',
  'build.checkingSheets': 'Looking at the existing sheets…',
  'build.writing': 'Writing the Chấm điểm, Tổng hợp and _cchc sheets…',
  'build.done': 'Scoring sheet created for {unit}, year {year} (sub-criteria: {leaves}, points in all: {max}). Enter scores in the yellow cells.',
  'build.failed': 'The scoring sheet was not created.',
  'set.describe': 'Domains: {domains}, criteria: {criteria}, sub-criteria: {leaves}, points in all: {max}.',
  'set.reference': 'Reference set: compare it with the province’s document before use.',
  'set.official': 'Official set.',
  'set.invalid': 'The criteria set cannot be used yet (problems: {count}):',
  'set.importWarnings': 'Notes from reading the table:',
  'set.fileTooLarge': '{file} is too large ({size} MB); criteria set files are usually under 1 MB.',
  'set.fileNotJson': '{file} is not valid JSON. Choose a .json file exported by “cchc criteria” or fix the syntax error in it.',
  'set.fileUnreadable': '{file} could not be read. Choose the file again.',
  'set.sheetGone': 'The workbook no longer has a sheet “{sheet}”. Choose the sheet again.',

  'check.heading': 'Check',
  'check.intro': 'Checks scores, maximums, formulas and evidence in the open workbook. While this pane is open, every score edit is checked at once.',
  'check.run': 'Run check',
  'check.reading': 'Reading the scoring sheet…',
  'check.clean': 'No problems found. The scoring sheet is valid.',
  'check.cleanWithWarnings': 'No errors; warnings to review: {warnings}.',
  'check.counts': 'Errors: {errors}, warnings: {warnings}.',
  'check.done': 'Checked: {counts}',
  'check.liveDone': 'Checked again after the edit in {address}: {counts}',
  'check.total': 'Self score: {self}/{max} points (applicable {applicable}) · Index {index}%',
  'check.general': 'Whole workbook',
  'check.groupCounts': 'Errors: {errors} · warnings: {warnings}',
  'check.error': 'Error',
  'check.warning': 'Warning',
  'check.showWarnings': 'Show the warnings ({count})',
  'check.hideWarnings': 'Hide warnings',
  'check.goTo': 'Select cell {cell}',
  'check.notScoring': 'Could not check:',
  'check.failed': 'The scoring sheet was not checked.',
  'check.liveUnavailable': 'Excel cannot report edits to this pane: after changing scores, click Run check.',
  'check.selectFailed': 'Cell {cell} could not be selected.',

  'summary.heading': 'Summary',
  'summary.intro': 'Rewrites the Tổng hợp sheet (points and share achieved by domain) from the Chấm điểm sheet as it is now, even after inserted rows, added columns or a renamed sheet.',
  'summary.run': 'Refresh summary',
  'summary.writing': 'Refreshing the Tổng hợp sheet…',
  'summary.done': 'The Tổng hợp sheet is up to date.',
  'summary.failed': 'The summary was not refreshed.',

  'maintain.heading': 'Appraisal and updates',
  'maintain.currentSet': 'The workbook uses: {title}',
  'appraisal.heading': 'Appraisal column',
  'appraisal.intro': 'Adds the Điểm thẩm định (appraisal score) and Ý kiến thẩm định (appraiser’s note) columns for the district’s appraisal council. Self scores, evidence and explanations already entered stay as they are.',
  'appraisal.run': 'Add the appraisal column',
  'appraisal.exists': 'The workbook already has the appraisal columns: enter the appraisal scores there, then run the check to see the differences from the self scores.',
  'appraisal.writing': 'Adding the appraisal column to the Chấm điểm sheet…',
  'appraisal.done': 'The appraisal score and note columns were added; the self scores and notes entered (rows: {carried}) are unchanged. Enter appraisal scores from the selected cell down.',
  'appraisal.leftovers': 'The “{sheet}” sheet still holds items from before (count: {count}): review them and enter them on the right criterion.',
  'appraisal.failed': 'The appraisal column was not added.',
  'upgrade.heading': 'Update the criteria set',
  'upgrade.intro': 'When the province issues the official set or corrects it: choose the new set under “Criteria set” above (a table on a sheet or a JSON file), then click Update the criteria set. Scores, evidence and explanations are carried by criterion code; the old Chấm điểm sheet is kept as a copy.',
  'upgrade.run': 'Update the criteria set',
  'upgrade.same': 'The chosen criteria set is the one the workbook already uses: nothing to update. Choose the new set under “Criteria set” above.',
  'upgrade.confirmTitle': 'Update the workbook to the new criteria set?',
  'upgrade.confirmText': 'The “{sheet}” sheet will be rebuilt on “{title}” (sub-criteria: {leaves}, points in all: {max}). First, the current sheet’s values are kept on the sheet “{backup}”. Scores, explanations and evidence are carried by criterion code; anything that has no place any more goes to the sheet “{leftovers}”, nothing is lost.',
  'upgrade.confirmYes': 'Update',
  'upgrade.confirmNo': 'Not now',
  'upgrade.cancelled': 'Not updated: the scoring sheet is as it was.',
  'upgrade.checking': 'Reading the current scoring sheet…',
  'upgrade.writing': 'Keeping a copy of the old sheet and rebuilding Chấm điểm…',
  'upgrade.done': 'Criteria set updated. Entered values carried: {carried}; documents on the Minh chứng sheet: {docs}. The old sheet is kept as “{backup}”.',
  'upgrade.doneNoDocs': 'Criteria set updated. Entered values carried: {carried}. The old sheet is kept as “{backup}”.',
  'upgrade.allCarried': 'Everything was carried.',
  'upgrade.leftovers': 'Items not carried: {count}, listed on the sheet “{sheet}”: score or enter them again on the right criterion (list below).',
  'upgrade.leftoversTitle': 'Not carried ({count}), on the sheet “{sheet}”:',
  'upgrade.renamedTitle': 'Criteria renamed, scores carried onto them; worth a look ({count}):',
  'upgrade.more': 'And more ({count}): see the sheet “{sheet}”.',
  'upgrade.failed': 'The criteria set was not updated.',

  'fail.unexpected': 'Something unexpected went wrong in the task pane. Try again; if it keeps failing, close and reopen the CCHC scoring pane.',
};

export type TextKey = Key;

const TABLES: Record<Lang, Record<Key, string>> = { vi, en };

const STORAGE_KEY = 'cchc.lang';

export function text(lang: Lang, key: TextKey, params?: Record<string, string | number>): string {
  const template = TABLES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

/** The language chosen last time; Vietnamese when nothing was stored or storage is blocked. */
export function storedLang(): Lang {
  try {
    return window.localStorage && window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Some hosts (IE11 with protected mode, sandboxed webviews) throw on any localStorage access.
    return 'vi';
  }
}

export function storeLang(lang: Lang): void {
  try {
    if (window.localStorage) window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across sessions then; the switch still works for this one.
  }
}

// Texts of the verdict on a typed score (model/verdict.ts): what the sheet's Kiểm tra column shows,
// the data validation's prompt and error, and the check's messages. Placeholders are {name}; see
// catalogue.ts. The Kiểm tra texts are written into the workbook in Vietnamese only; the English
// ones name the same verdicts for readers of the English report.

export const VERDICT_VI = {
  // The Kiểm tra column (errors start with ✗: the conditional formats and readers tell them apart).
  'verdict.sheet.valid': '✓',
  'verdict.sheet.empty': 'Chưa chấm',
  'verdict.sheet.notApplicable': 'Không áp dụng',
  'verdict.sheet.notANumber': '✗ Không phải số',
  'verdict.sheet.negative': '✗ Điểm âm',
  'verdict.sheet.overMax': '✗ Vượt điểm tối đa',
  'verdict.sheet.tooFine': '✗ Quá 2 chữ số thập phân',
  'verdict.sheet.notALevel': '✗ Không đúng mức điểm',
  'verdict.sheet.both': 'Tự chấm: {self} | Thẩm định: {appraisal}',

  // Data validation of a score cell.
  'verdict.prompt.leaf': 'Nhập điểm từ 0 đến {max}.{levels} Ghi KAD nếu không áp dụng.',
  'verdict.prompt.levels': ' Mức điểm: {levels}.',
  'verdict.prompt.extra': '{what}: nhập số từ 0 đến {max}; để trống nếu không có.',
  'verdict.errorTitle.leaf': 'Điểm không hợp lệ',
  'verdict.errorTitle.extra': '{what} không hợp lệ',
  'verdict.error.leaf': 'Điểm phải là số từ 0 đến {max} (điểm tối đa của tiêu chí này), lẻ nhiều nhất 2 chữ số thập phân, hoặc KAD nếu không áp dụng.',
  'verdict.error.extra': '{what} phải là số từ 0 đến {max} (mức tối đa của mục này), lẻ nhiều nhất 2 chữ số thập phân.',

  // Names used inside the messages.
  'verdict.column.self': 'tự chấm',
  'verdict.column.appraisal': 'thẩm định',
  'verdict.item.bonus': 'Điểm thưởng',
  'verdict.item.deduction': 'Điểm trừ',

  // The check's messages, one per verdict (and per way a value is not a number).
  'verdict.empty': 'Chưa chấm điểm {column}: nhập điểm, hoặc ghi KAD nếu tiêu chí không áp dụng.',
  'verdict.notANumber.leaf': '"{text}" không phải là điểm số: nhập một số từ 0 đến {max}, hoặc KAD nếu không áp dụng.',
  'verdict.notANumber.extra': '"{text}" không phải là số: {what} là số từ 0 đến {max}; để trống nếu không có.',
  'verdict.notApplicableExtra': 'KAD (không áp dụng) không dùng cho {what}: để trống nếu không có, hoặc nhập số từ 0 đến {max}.',
  'verdict.boolean': '"{text}" là giá trị đúng/sai, không phải điểm số: nhập một số từ 0 đến {max}.',
  'verdict.decimalComma': '"{text}" là chữ, không phải số: máy đang dùng dấu chấm thập phân, hãy gõ {meant} (hoặc đổi cài đặt vùng sang Việt Nam).',
  'verdict.decimalPoint': '"{text}" là chữ, không phải số: máy đang dùng dấu phẩy thập phân (định dạng Việt Nam), hãy gõ {meant}.',
  'verdict.date': 'Ô chứa ngày {date} — có lẽ gõ {typed} trên máy định dạng Việt Nam; hãy gõ {meant}: chọn ô, đặt lại định dạng General (Trang đầu → Số) rồi gõ lại điểm.',
  'verdict.dateTime': 'Ô chứa ngày giờ ({text}), không phải điểm số: chọn ô, đặt lại định dạng General (Trang đầu → Số) rồi nhập điểm từ 0 đến {max}.',
  'verdict.negative.leaf': 'Điểm {value} bị âm: nhập điểm từ 0 đến {max}.',
  'verdict.negative.extra': '{what} {value} bị âm: ghi số từ 0 đến {max}.',
  'verdict.negative.deduction': 'Điểm trừ {value} bị âm: ghi số điểm bị trừ, từ 0 đến {max}, không ghi dấu trừ.',
  'verdict.overMax.leaf': 'Điểm {value} vượt điểm tối đa {max}: chấm lại, từ 0 đến {max}.',
  'verdict.overMax.extra': '{what} {value} vượt mức tối đa {max}: ghi số từ 0 đến {max}.',
  'verdict.tooFine': 'Điểm {raw} lẻ quá hai chữ số thập phân: điểm chấm đến 0,01, hãy gõ lại (ví dụ {rounded}).',
  'verdict.notALevel': 'Điểm {value} không thuộc các mức cho phép ({levels}): chọn một trong các mức đó.',
} as const;

export const VERDICT_EN: Record<keyof typeof VERDICT_VI, string> = {
  'verdict.sheet.valid': '✓',
  'verdict.sheet.empty': 'Not scored',
  'verdict.sheet.notApplicable': 'Not applicable',
  'verdict.sheet.notANumber': '✗ Not a number',
  'verdict.sheet.negative': '✗ Negative',
  'verdict.sheet.overMax': '✗ Over the maximum',
  'verdict.sheet.tooFine': '✗ More than 2 decimals',
  'verdict.sheet.notALevel': '✗ Not an allowed level',
  'verdict.sheet.both': 'Self: {self} | Appraisal: {appraisal}',

  'verdict.prompt.leaf': 'Enter a score from 0 to {max}.{levels} Write KAD if it does not apply.',
  'verdict.prompt.levels': ' Levels: {levels}.',
  'verdict.prompt.extra': '{what}: enter a number from 0 to {max}; leave blank if none.',
  'verdict.errorTitle.leaf': 'Invalid score',
  'verdict.errorTitle.extra': 'Invalid {what}',
  'verdict.error.leaf': 'A score is a number from 0 to {max} (this criterion\'s maximum) with at most 2 decimals, or KAD if it does not apply.',
  'verdict.error.extra': '{what} is a number from 0 to {max} (this item\'s cap) with at most 2 decimals.',

  'verdict.column.self': 'self score',
  'verdict.column.appraisal': 'appraisal',
  'verdict.item.bonus': 'Bonus',
  'verdict.item.deduction': 'Deduction',

  'verdict.empty': 'No {column} entered: enter a score, or write KAD if the criterion does not apply.',
  'verdict.notANumber.leaf': '"{text}" is not a score: enter a number from 0 to {max}, or KAD if not applicable.',
  'verdict.notANumber.extra': '"{text}" is not a number: a {what} is a number from 0 to {max}; leave it blank if there is none.',
  'verdict.notApplicableExtra': 'KAD (not applicable) is not used for a {what}: leave it blank if there is none, or enter a number from 0 to {max}.',
  'verdict.boolean': '"{text}" is a true/false value, not a score: enter a number from 0 to {max}.',
  'verdict.decimalComma': '"{text}" is text, not a number: this computer uses the decimal point; type {meant} (or switch the regional settings to Vietnamese).',
  'verdict.decimalPoint': '"{text}" is text, not a number: this computer uses the decimal comma (Vietnamese format); type {meant}.',
  'verdict.date': 'The cell holds the date {date} — probably {typed} typed on a computer with the Vietnamese format; type {meant}: select the cell, set its format back to General (Home → Number), then type the score again.',
  'verdict.dateTime': 'The cell holds a date or time ({text}), not a score: select the cell, set its format back to General (Home → Number), then enter a score from 0 to {max}.',
  'verdict.negative.leaf': 'Score {value} is negative: enter a score from 0 to {max}.',
  'verdict.negative.extra': '{what} {value} is negative: write a number from 0 to {max}.',
  'verdict.negative.deduction': 'Deduction {value} is negative: write the points deducted, from 0 to {max}, without a minus sign.',
  'verdict.overMax.leaf': 'Score {value} exceeds the maximum {max}: score it again, from 0 to {max}.',
  'verdict.overMax.extra': '{what} {value} exceeds the cap {max}: write a number from 0 to {max}.',
  'verdict.tooFine': 'Score {raw} has more than two decimals: scores go in hundredths; type it again (e.g. {rounded}).',
  'verdict.notALevel': 'Score {value} is not one of the allowed levels ({levels}): choose one of them.',
};

// Texts of a rebuild (build --from, appraisal add, a new criteria set): why an entry went to the
// leftovers sheet instead of its place. Placeholders are {name}; see catalogue.ts.

export const REBUILD_VI = {
  'rebuild.unknownCode': 'Dòng có mã "{code}" không thuộc bộ tiêu chí.',
  'rebuild.overNewMax': 'Điểm {score} vượt điểm tối đa mới {max}: chấm lại.',
  'rebuild.criterionGone': 'Bộ tiêu chí mới không còn tiêu chí {code}.',
  'rebuild.criterionSplit': 'Tiêu chí {code} nay có tiêu chí thành phần: nhập lại điểm vào các mục con.',
  'rebuild.insertedRow': 'Dòng {row} được chèn thêm, không có mã tiêu chí.',
  'rebuild.onParentRow': 'Ghi ở dòng của {code}, một tiêu chí có mục con: hãy ghi vào mục con phù hợp.',
  'rebuild.subtotalOverwritten': 'Ô tổng của {code} đã bị ghi đè bằng giá trị; bảng mới tính lại tổng từ các mục con ({sum}).',
  'rebuild.duplicateRow': 'Dòng {row} lặp lại mã {code}; bảng mới giữ dòng {kept}.',
};

export const REBUILD_EN: Record<keyof typeof REBUILD_VI, string> = {
  'rebuild.unknownCode': 'A row with code "{code}", which is not in the criteria set.',
  'rebuild.overNewMax': 'Score {score} exceeds the new maximum {max}: score it again.',
  'rebuild.criterionGone': 'The new criteria set no longer has criterion {code}.',
  'rebuild.criterionSplit': 'Criterion {code} now has sub-criteria: enter the score on its children.',
  'rebuild.insertedRow': 'Row {row} was inserted and has no criterion code.',
  'rebuild.onParentRow': 'Written on the row of {code}, a criterion with sub-criteria: put it on the right sub-criterion.',
  'rebuild.subtotalOverwritten': 'The subtotal of {code} had been overwritten with a value; the new sheet sums its children again ({sum}).',
  'rebuild.duplicateRow': 'Row {row} repeats code {code}; the new sheet keeps row {kept}.',
};

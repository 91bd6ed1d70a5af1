// Texts about criteria sets: how a leaf is scored, where KAD may be written, bands, and the problems
// a set can have with them. Placeholders are {name}; see catalogue.ts.

export const CRITERIA_VI = {
  // Problems in a set's JSON (criteria-parse-kinds.ts).
  'criteria.onlyLeaf': 'Mục {label}: chỉ tiêu chí lá (không có mục con) mới có "{field}".',
  'criteria.scoring.shape': 'Mục {label}: "scoring" phải là {"kind": "proportional" | "count" | "deduction", ...} (đang là {got}).',
  'criteria.scoring.step': 'Mục {label}: cách chấm "{kind}" cần "step" là số điểm dương, tối đa 2 chữ số thập phân, không quá điểm tối đa {max} (đang là {got}).',
  'criteria.scoring.noStep': 'Mục {label}: cách chấm theo tỷ lệ không có "step" (điểm là tỷ lệ × điểm tối đa).',
  'criteria.scoring.withLevels': 'Mục {label}: cách chấm "{kind}" đã quy định điểm được phép, không ghi thêm "levels".',
  'criteria.scoring.figure': 'Mục {label}: "figure" phải là true hoặc false.',
  'criteria.notApplicable.shape': 'Mục {label}: "notApplicable" phải là true, false hoặc danh sách loại đơn vị ["xa", "phuong", "thi-tran"] (đang là {got}).',
  'criteria.notArising.shape': 'Mục {label}: "notArising" chỉ nhận "max" (không phát sinh thì được điểm tối đa) (đang là {got}).',
  'criteria.scoredBy.shape': 'Mục {label}: "scoredBy" phải là tên nơi chấm mục này khi thẩm định, ví dụ "Khảo sát sự hài lòng của người dân" (đang là {got}).',
  'criteria.bands.shape': '"bands" phải là danh sách {"min": chỉ số thấp nhất (%), "label": tên mức xếp loại}.',

  // How a leaf is scored, in words (criteria check, the pane, the sheet's prompts).
  'criteria.kind.levels': 'mức điểm {levels}',
  'criteria.kind.any': 'điểm từ 0 đến {max}, lẻ đến 0,01',
  'criteria.kind.proportional': 'theo tỷ lệ: điểm từ 0 đến {max}, lẻ đến 0,01',
  'criteria.kind.count': 'mỗi mục {step} điểm, tối đa {max}',
  'criteria.kind.deduction': 'từ {max} trừ {step} điểm mỗi lần, thấp nhất 0',
  'criteria.kind.figureRate': 'nhập tỷ lệ ở cột Số liệu: điểm = tỷ lệ × {max}',
  'criteria.kind.figureCount': 'nhập số mục ở cột Số liệu',
  'criteria.kind.figureDeduction': 'nhập số lần vi phạm ở cột Số liệu',
  'criteria.kind.notArising': 'không phát sinh: chấm {max} (không ghi KAD)',
  'criteria.kind.kadAll': 'được ghi KAD',
  'criteria.kind.kadFor': 'được ghi KAD với {types}',
  'criteria.kind.kadNever': 'không được ghi KAD',
  'criteria.kind.scoredBy': 'do thẩm định chấm ({by}), đơn vị không tự chấm',
  'criteria.unitType.xa': 'xã',
  'criteria.unitType.phuong': 'phường',
  'criteria.unitType.thi-tran': 'thị trấn',

  // The set's rules in brief (criteria check).
  'criteria.brief.kinds': 'Cách chấm: {kinds}.',
  'criteria.brief.kind.levels': '{n} mục theo mức điểm',
  'criteria.brief.kind.proportional': '{n} mục theo tỷ lệ',
  'criteria.brief.kind.count': '{n} mục tính theo số lượng',
  'criteria.brief.kind.deduction': '{n} mục trừ điểm theo số lần',
  'criteria.brief.kind.any': '{n} mục chấm điểm lẻ đến 0,01',
  'criteria.brief.kadListed': 'KAD chỉ được ghi ở {count} mục đã nêu; ghi ở mục khác là lỗi.',
  'criteria.brief.kadAny': 'Mục nào cũng được ghi KAD (bộ tiêu chí không giới hạn).',
  'criteria.brief.notArising': '{count} mục không phát sinh thì được điểm tối đa: chấm đủ điểm, không ghi KAD.',
  'criteria.brief.scoredBy': '{count} mục do thẩm định chấm: chỉ số tự chấm là tạm tính cho đến khi có điểm thẩm định.',
  'criteria.brief.bands': 'Xếp loại: {bands}.',
  'criteria.brief.band': '{label} từ {min}%',
  'criteria.brief.noBands': 'Bộ tiêu chí không quy định xếp loại: bảng chấm điểm không có dòng Xếp loại.',

  // The importer's doubts about a scoring text.
  'import.factorNotMax': 'cách chấm nhân tỷ lệ với {factor} điểm nhưng điểm tối đa là {max}: đã đọc là điểm = tỷ lệ × {max}, hãy đối chiếu văn bản.',
  'import.capNotMax': 'cách chấm ghi tối đa {cap} điểm nhưng cột điểm tối đa ghi {max}: đã lấy {max} làm mức trần, hãy đối chiếu văn bản.',
  'import.read': 'Dòng {row} ({label}): {what}.',

  // Bands on the sheet when there is nothing to classify yet.
  'criteria.band.unscored': 'Chưa chấm',
  'criteria.band.unappraised': 'Chưa thẩm định',
} as const;

export const CRITERIA_EN: Record<keyof typeof CRITERIA_VI, string> = {
  'criteria.onlyLeaf': 'Item {label}: only a leaf (an item without children) may have "{field}".',
  'criteria.scoring.shape': 'Item {label}: "scoring" must be {"kind": "proportional" | "count" | "deduction", ...} (got {got}).',
  'criteria.scoring.step': 'Item {label}: scoring "{kind}" needs "step", positive points with at most 2 decimals, not above the maximum {max} (got {got}).',
  'criteria.scoring.noStep': 'Item {label}: a proportional score has no "step" (points are the rate × the maximum).',
  'criteria.scoring.withLevels': 'Item {label}: scoring "{kind}" already says which scores are allowed; do not add "levels".',
  'criteria.scoring.figure': 'Item {label}: "figure" must be true or false.',
  'criteria.notApplicable.shape': 'Item {label}: "notApplicable" must be true, false or a list of unit types ["xa", "phuong", "thi-tran"] (got {got}).',
  'criteria.notArising.shape': 'Item {label}: "notArising" takes only "max" (full marks when the situation did not arise) (got {got}).',
  'criteria.scoredBy.shape': 'Item {label}: "scoredBy" must name who scores the item at appraisal, e.g. "Citizen satisfaction survey" (got {got}).',
  'criteria.bands.shape': '"bands" must be a list of {"min": the lowest index (%), "label": the band\'s name}.',

  'criteria.kind.levels': 'levels {levels}',
  'criteria.kind.any': 'any score from 0 to {max} in hundredths',
  'criteria.kind.proportional': 'proportional: any score from 0 to {max} in hundredths',
  'criteria.kind.count': '{step} points per item, up to {max}',
  'criteria.kind.deduction': '{max} less {step} points per occurrence, down to 0',
  'criteria.kind.figureRate': 'enter the rate in the Figure column: points = rate × {max}',
  'criteria.kind.figureCount': 'enter the number of items in the Figure column',
  'criteria.kind.figureDeduction': 'enter the number of occurrences in the Figure column',
  'criteria.kind.notArising': 'did not arise: score {max} (not KAD)',
  'criteria.kind.kadAll': 'may be KAD',
  'criteria.kind.kadFor': 'may be KAD for a {types}',
  'criteria.kind.kadNever': 'may not be KAD',
  'criteria.kind.scoredBy': 'scored at appraisal ({by}), not by the unit',
  'criteria.unitType.xa': 'commune (xã)',
  'criteria.unitType.phuong': 'ward (phường)',
  'criteria.unitType.thi-tran': 'township (thị trấn)',

  'criteria.brief.kinds': 'Scoring: {kinds}.',
  'criteria.brief.kind.levels': '{n} by levels',
  'criteria.brief.kind.proportional': '{n} proportional',
  'criteria.brief.kind.count': '{n} counted',
  'criteria.brief.kind.deduction': '{n} by deduction per occurrence',
  'criteria.brief.kind.any': '{n} any score in hundredths',
  'criteria.brief.kadListed': 'KAD may be written only on the {count} items that say so; anywhere else it is an error.',
  'criteria.brief.kadAny': 'Any item may be KAD (the set sets no limit).',
  'criteria.brief.notArising': '{count} items give full marks when the situation did not arise: score them in full, not KAD.',
  'criteria.brief.scoredBy': '{count} items are scored at appraisal: the self index is provisional until the appraisal scores them.',
  'criteria.brief.bands': 'Bands: {bands}.',
  'criteria.brief.band': '{label} from {min}%',
  'criteria.brief.noBands': 'The set defines no bands: the scoring sheet has no Xếp loại row.',

  'import.factorNotMax': 'the method multiplies the rate by {factor} points but the maximum is {max}: read as points = rate × {max}; compare with the document.',
  'import.capNotMax': 'the method caps at {cap} points but the maximum column says {max}: {max} taken as the cap; compare with the document.',
  'import.read': 'Row {row} ({label}): {what}.',

  'criteria.band.unscored': 'Not scored yet',
  'criteria.band.unappraised': 'Not appraised yet',
};

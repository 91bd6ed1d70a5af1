// Adding the appraisal columns (Điểm thẩm định, Ý kiến thẩm định) to a workbook the commune already
// filled: the same criteria set, unit and year, rebuilt with the columns, every entry carried by code.
// Self scores travel as they were typed, wrong ones included (the check keeps reporting those);
// nothing is judged or moved except rows whose code the set does not know, which go to the leftovers
// sheet as a rebuild always does.

import { UserError, msg } from './errors';
import { extractEntries, placeEntries, Leftover } from './entries';
import { WorkbookGrids, a1, cellAt, cellText } from './grid';
import { SHEETS } from './layout';
import { readLeftoversSheet } from './leftovers';
import { WorkbookPlan } from './plan';
import { readScoring } from './read';
import { LEFTOVERS_SHEET, buildWorkbookPlan, scoringGeometry } from './workbook';

export interface AppraisalAddition {
  plan: WorkbookPlan;
  unit: string;
  year: number;
  /** Rows (leaves, bonus and deduction items) whose entries were carried. */
  carried: number;
  /** Entries kept on the leftovers sheet: those of an earlier rebuild and rows of unknown codes. */
  leftovers: Leftover[];
  /** The first leaf's Điểm thẩm định cell on the new scoring sheet, where the appraiser starts. */
  firstAppraisalCell: string;
  /** The scoring sheet's name in the workbook; the plan's is SHEETS.scoring. */
  scoringSheet: string;
  /** Sheets people added, which the plan does not rebuild: a new file will not have them. */
  otherSheets: string[];
}

/** The plan of the workbook with the appraisal columns. Throws UserError when it cannot be done safely. */
export function planWithAppraisal(grids: WorkbookGrids): AppraisalAddition {
  const read = readScoring(grids);
  if (read.columns.appraisal !== undefined) {
    throw new UserError('appraisal-exists', msg(
      `Bảng đã có cột "Điểm thẩm định" (trang ${read.sheet.name}): không cần thêm.`,
      `The workbook already has the appraisal column (sheet ${read.sheet.name}): nothing to add.`,
    ));
  }
  if (read.duplicates.length) {
    const codes = read.duplicates.map((d) => d.code).join(', ');
    // Only the first row of a duplicated code would be carried: the other's entries would be lost.
    throw new UserError('duplicate-rows', msg(
      `Tiêu chí ${codes} xuất hiện nhiều lần trên trang ${read.sheet.name}. Hãy giữ một dòng cho mỗi tiêu chí (xem "Kiểm tra") rồi thêm cột thẩm định.`,
      `Criteria ${codes} appear more than once on sheet ${read.sheet.name}. Keep one row per criterion (see the check), then add the appraisal column.`,
    ));
  }
  const { entries, unknownRows, register } = extractEntries(read);
  const nameCol = read.columns.name;
  const oldNames: Record<string, string> = {};
  for (const u of read.unknown) oldNames[u.text] = nameCol === undefined ? '' : cellText(cellAt(read.sheet, u.row, nameCol));
  const unplaced = placeEntries(read.meta.set, {}, unknownRows, oldNames).leftovers;
  const earlier = grids.sheets.filter((s) => s.name === LEFTOVERS_SHEET)[0];
  const leftovers = (earlier ? readLeftoversSheet(earlier) : []).concat(unplaced);
  const plan = buildWorkbookPlan({
    set: read.meta.set, unit: read.meta.unit, year: read.meta.year, appraisal: true,
    entries, leftovers, evidence: register,
  });
  const rebuilt: Record<string, boolean> = { [read.sheet.name]: true, [LEFTOVERS_SHEET]: true };
  for (const sheet of plan.sheets) rebuilt[sheet.name] = true;
  const otherSheets = grids.sheets.map((s) => s.name).filter((name) => !rebuilt[name] && name !== SHEETS.meta);
  const g = scoringGeometry(read.meta.set, true);
  const firstLeaf = g.nodeRows.filter((r) => r.flat.leaf)[0];
  const firstAppraisalCell = a1(firstLeaf ? firstLeaf.row : g.firstNodeRow, g.layout.col.appraisal!);
  return { plan, unit: read.meta.unit, year: read.meta.year, firstAppraisalCell, carried: Object.keys(entries).length, leftovers, scoringSheet: read.sheet.name, otherSheets };
}

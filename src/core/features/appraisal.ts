// Adding the appraisal columns (Điểm thẩm định, Ý kiến thẩm định) to a workbook the commune already
// filled: the same criteria set, unit and year, rebuilt with the columns, every entry carried by code.
// Self scores travel as they were typed, wrong ones included (the check keeps reporting those);
// nothing is judged or moved except rows whose code the set does not know, which go to the leftovers
// sheet as a rebuild always does.

import { UserError } from '../model/errors';
import { Leftover } from '../model/entries';
import { SheetGrid, WorkbookGrids, a1 } from '../model/grid';
import { WorkbookPlan } from '../model/plan';
import { readScoring } from '../sheets/scoring/read';
import { planUpgrade } from './upgrade';
import { scoringGeometry } from '../sheets/scoring/geometry';
import { message } from '../text/catalogue';

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
  /** Sheets people added, which the plan does not rebuild: a new file gets them as values. */
  otherSheets: string[];
  /** People's own sheets under a name the plan takes, renamed ("Minh chứng (cũ)"): to copy aside first. */
  displaced: SheetGrid[];
}

/** The plan of the workbook with the appraisal columns. Throws UserError when it cannot be done safely. */
/** `district`: the body that appraises ("UBND huyện Phú Lương"), which heads and signs Tổng hợp from now on. */
export function planWithAppraisal(grids: WorkbookGrids, district?: string): AppraisalAddition {
  const read = readScoring(grids);
  if (read.columns.appraisal !== undefined) {
    throw new UserError('appraisal-exists', message('inputs.appraisal.workbookAlreadyAppraisalColumn', { name: read.sheet.name }));
  }
  if (read.duplicates.length) {
    const codes = read.duplicates.map((d) => d.code).join(', ');
    // Only the first row of a duplicated code would be carried: the other's entries would be lost.
    throw new UserError('duplicate-rows', message('inputs.appraisal.criteriaAppearMoreThan', { codes, name: read.sheet.name }));
  }
  // The same rebuild as every other (upgrade.ts), so text on subtotal rows, inserted rows without a
  // code and the leftovers of earlier rebuilds are kept exactly as they are there.
  const upgrade = planUpgrade({ grids, appraisal: true, district });
  const { plan, leftovers } = upgrade;
  const otherSheets = upgrade.otherSheets.map((s) => s.name);
  const g = scoringGeometry(read.meta.set, true);
  const firstLeaf = g.nodeRows.filter((r) => r.flat.leaf)[0];
  const firstAppraisalCell = a1(firstLeaf ? firstLeaf.row : g.firstNodeRow, g.layout.col.appraisal!);
  return { plan, displaced: upgrade.displaced, unit: read.meta.unit, year: read.meta.year, firstAppraisalCell, carried: Object.keys(upgrade.build.entries || {}).length, leftovers, scoringSheet: read.sheet.name, otherSheets };
}

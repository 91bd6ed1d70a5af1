// The Tổng hợp sheet for a workbook as it stands now. The core plans it for a freshly built scoring
// sheet; people insert rows, sort, add columns or rename the sheet afterwards. The reader knows where
// each domain row, total row and column really is, so the planned references are moved there.

import { msg, UserError } from '../model/errors';
import { a1, parseA1 } from '../model/grid';
import { SheetPlan, WorkbookPlan } from '../model/plan';
import { ScoringRead } from './scoring/read';
import { SHEETS, buildWorkbookPlan, scoringGeometry } from './workbook';

export interface SummaryRefresh {
  plan: WorkbookPlan;
  sheet: SheetPlan;
}

function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

export function refreshedSummary(read: ScoringRead): SummaryRefresh {
  const meta = read.meta;
  const appraisal = read.columns.appraisal !== undefined;
  const plan = buildWorkbookPlan({ set: meta.set, unit: meta.unit, year: meta.year, appraisal });
  const planned = plan.sheets.filter((s) => s.name === SHEETS.summary)[0];
  const g = scoringGeometry(meta.set, appraisal);

  const rowMap: Record<number, number | undefined> = {};
  for (const r of g.nodeRows) rowMap[r.row] = read.rowOf[r.flat.code];
  rowMap[g.totalRow] = read.markers.total;
  rowMap[g.applicableRow] = read.markers.applicableMax;
  rowMap[g.indexRow] = read.markers.index;
  if (g.bandRow !== null) rowMap[g.bandRow] = read.markers.band;
  for (const extra of g.extras) rowMap[extra.row] = read.markers[extra.kind];
  const colMap: Record<number, number | undefined> = {};
  for (const role of g.layout.order) colMap[g.layout.col[role] as number] = read.columns[role];

  let missing = false;
  const target = quoteSheet(read.sheet.name);
  const reference = new RegExp(quoteSheet(SHEETS.scoring).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '!(\\$?[A-Z]{1,3}\\$?\\d+)(?::(\\$?[A-Z]{1,3}\\$?\\d+))?', 'g');
  const cells = planned.cells.map((cell) => {
    if (!cell.formula) return cell;
    const moved = (address: string): string | null => {
      const at = parseA1(address);
      const row = at ? rowMap[at.row] : undefined;
      const col = at ? colMap[at.col] : undefined;
      return row === undefined || col === undefined ? null : a1(row, col);
    };
    // A range (a domain's rows, for its applicable maximum) moves both ends.
    const formula = cell.formula.replace(reference, (whole: string, address: string, end: string | undefined) => {
      const from = moved(address);
      const to = end === undefined ? '' : moved(end);
      if (from === null || to === null) {
        missing = true;
        return whole;
      }
      return target + '!' + from + (end === undefined ? '' : ':' + to);
    });
    return { ...cell, formula };
  });
  if (missing) {
    throw new UserError('summary-rows-missing', msg(
      `Trang "${read.sheet.name}" thiếu dòng lĩnh vực, dòng tổng hoặc cột mà trang Tổng hợp cần. Bấm Kiểm tra để xem dòng nào bị xóa hoặc sửa, khôi phục rồi làm lại.`,
      `Sheet "${read.sheet.name}" lacks domain rows, total rows or columns the summary needs. Run the check to see which were deleted or edited, restore them, then try again.`,
    ));
  }
  const sheet: SheetPlan = { ...planned, cells };
  // The chart reads Tổng hợp's own cells, which stand where the plan puts them: it needs no moving.
  const charts = (plan.charts || []).filter((c) => c.sheet === SHEETS.summary);
  return { plan: { sheets: [sheet], styles: plan.styles, fullCalcOnLoad: plan.fullCalcOnLoad, charts }, sheet };
}

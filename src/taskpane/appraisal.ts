// The pane's "Thêm cột thẩm định": rebuilds the open workbook's scoring sheets with the appraisal
// columns, carrying every entry (core/appraisal.ts). Takes the port, so it runs against the fake Excel
// in tests exactly as against the live workbook.

import { SHEETS } from '../core/model/layout';
import { rebuildPart } from './parts';
import { DegradedStep, WorkbookPort } from '../core/model/port';
import { readOurSheets } from './our-sheets';

export interface AppraisalColumnResult {
  /** Rows whose entries were carried. */
  carried: number;
  /** Entries kept on the leftovers sheet (rows of unknown codes, an earlier rebuild's). */
  leftovers: number;
  /** Presentation steps Excel refused (the workbook is whole without them). */
  degraded: DegradedStep[];
}

/** One write, all or nothing: if Excel refuses any of it, the workbook stays as it was. */
export async function addAppraisalColumn(port: WorkbookPort): Promise<AppraisalColumnResult> {
  const { planWithAppraisal, valuesCopySheet } = await rebuildPart();
  const addition = planWithAppraisal((await readOurSheets(port)).grids);
  // A sheet of their own under a name the plan takes goes along as a values copy under another name;
  // a scoring sheet people renamed is not replaced by the plan's: its entries now live in the new one.
  const plan = { ...addition.plan, sheets: addition.plan.sheets.concat(addition.displaced.map((s) => valuesCopySheet(s, s.name))) };
  const remove = addition.scoringSheet !== SHEETS.scoring ? [addition.scoringSheet] : [];
  const written = await port.applyPlan(plan, { remove });
  await port.select(SHEETS.scoring, addition.firstAppraisalCell);
  return { carried: addition.carried, leftovers: addition.leftovers.length, degraded: written.degraded };
}

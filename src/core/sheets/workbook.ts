// The scoring workbook as a plan: Chấm điểm, Tổng hợp and _cchc (DESIGN.md §4). Every cell, formula,
// style, validation rule and conditional format is decided here; the writers only apply it.
import { metaSheetPlan } from './meta';
import { WorkbookPlan, fitRowHeights } from '../model/plan';
import { planEvidence } from './register/plan';
import { BuildOptions, unitNames } from '../model/build-options';
import { STYLES } from './styles';
import { scoringGeometry } from './scoring/geometry';
import { Totals, columnTotals } from './scoring/totals';
import { scoringSheet } from './scoring/plan';
import { summarySheet } from './summary';
import { leftoversSheet } from './leftovers';
import { planAssignment } from './assignment/plan';
import { ColumnRole } from '../model/layout';


export function buildWorkbookPlan(opts: BuildOptions): WorkbookPlan {
  const g = scoringGeometry(opts.set, !!opts.appraisal);
  const totals: Totals = { self: columnTotals(opts.set, opts.entries, 'self', !!opts.appraisal), appraisal: columnTotals(opts.set, opts.entries, 'appraisal') };
  const register = planEvidence({ set: opts.set, unit: unitNames(opts.unit).full, year: opts.year, evidence: opts.evidence, entries: opts.entries });
  const col = g.layout.col as Record<ColumnRole, number>;
  const assignment = planAssignment({
    nodes: g.nodeRows.map((r) => r.flat), unit: unitNames(opts.unit).full, year: opts.year, people: opts.people, commonDue: opts.commonDue,
    entries: opts.entries, scoring: { rowOf: g.rowOf, ownerCol: col.owner, dueCol: col.due },
  });
  const summary = summarySheet(opts, g, totals);
  const sheets = [scoringSheet(opts, g, totals, register, assignment), summary.sheet, register.sheet, assignment.sheet];
  if (opts.leftovers && opts.leftovers.length) sheets.push(leftoversSheet(opts.leftovers));
  for (const sheet of sheets) fitRowHeights(sheet, STYLES);
  sheets.push(metaSheetPlan({ unit: unitNames(opts.unit).full, year: opts.year, set: opts.set, appraisal: !!opts.appraisal }));
  return { sheets, styles: STYLES, fullCalcOnLoad: true, charts: [summary.chart] };
}

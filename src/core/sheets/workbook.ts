// The scoring workbook as a plan: Chấm điểm, Tổng hợp and _cchc (DESIGN.md §4). Every cell, formula,
// style, validation rule and conditional format is decided here; the writers only apply it.
import { metaSheetPlan } from './meta';
import { WorkbookPlan, fitRowHeights } from '../model/plan';
import { planEvidence } from './register/plan';
import { BuildOptions } from '../model/build-options';
import { parseUnitName } from '../model/unit-name';
import { STYLES } from './styles';
import { scoringGeometry } from './scoring/geometry';
import { Totals, columnTotals } from './scoring/totals';
import { scoringPrint, scoringSheet } from './scoring/plan';
import { summaryLayoutStamp, summarySheet } from './summary';
import { leftoversSheet } from './leftovers';
import { planAssignment } from './assignment/plan';
import { ColumnRole } from '../model/layout';


export function buildWorkbookPlan(opts: BuildOptions): WorkbookPlan {
  const g = scoringGeometry(opts.set, !!opts.appraisal);
  const totals: Totals = { self: columnTotals(opts.set, opts.entries, 'self', !!opts.appraisal), appraisal: columnTotals(opts.set, opts.entries, 'appraisal') };
  const register = planEvidence({ set: opts.set, unit: parseUnitName(opts.unit).full, year: opts.year, evidence: opts.evidence, entries: opts.entries });
  const col = g.layout.col as Record<ColumnRole, number>;
  const assignment = planAssignment({
    nodes: g.nodeRows.map((r) => r.flat), unit: parseUnitName(opts.unit).full, year: opts.year, people: opts.people, commonDue: opts.commonDue,
    entries: opts.entries, scoring: { rowOf: g.rowOf, ownerCol: col.owner, dueCol: col.due },
  });
  const summary = summarySheet(opts, g, totals);
  const sheets = [scoringSheet(opts, g, totals, register, assignment), summary.sheet, register.sheet, assignment.sheet];
  if (opts.leftovers && opts.leftovers.length) sheets.push(leftoversSheet(opts.leftovers));
  for (const sheet of sheets) fitRowHeights(sheet, STYLES);
  scoringPrint(sheets[0], g, STYLES);
  sheets.push(metaSheetPlan({
    unit: parseUnitName(opts.unit).full, year: opts.year, set: opts.set, appraisal: !!opts.appraisal, previous: opts.previous,
    summaryLayout: summaryLayoutStamp(summary.sheet),
  }));
  return { sheets, styles: STYLES, fullCalcOnLoad: true, charts: summary.chart ? [summary.chart] : [] };
}

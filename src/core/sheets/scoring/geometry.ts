// Where every row of Chấm điểm stands in a freshly built workbook, decided once so every part of the
// plan (the sheet, Tổng hợp, the appraisal column) agrees.

import { CriteriaSet, FlatNode, flattenSet } from '../../model/criteria';
import { SCORING_HEADER_ROW, columnLayout, ColumnLayout } from '../../model/layout';
import { ExtraGroupRows, extraGroupRows } from './extras';
import { hasAppraisalOnly, setHasFigures } from '../../model/criteria-kinds';

export interface NodeRow {
  flat: FlatNode;
  row: number;
}

/** Rows of the scoring sheet, decided once so every part of the plan agrees. */
export interface ScoringGeometry {
  layout: ColumnLayout;
  headerRow: number;
  firstNodeRow: number;
  nodeRows: NodeRow[];
  /** The row of every code: the tree's nodes, then the bonus and deduction items. */
  rowOf: Record<string, number>;
  /** The last row of the criteria tree. */
  lastNodeRow: number;
  /** Bonus and deduction rows, between the tree and the total (extras.ts). */
  extras: ExtraGroupRows[];
  totalRow: number;
  applicableRow: number;
  indexRow: number;
  bandRow: number | null;
  lastRow: number;
  /** Some leaf is scored at appraisal: its self cell holds the appraisal's score or a note. */
  appraisalOnly: boolean;
}

export function scoringGeometry(set: CriteriaSet, appraisal: boolean): ScoringGeometry {
  const layout = columnLayout(appraisal, setHasFigures(set));
  const headerRow = SCORING_HEADER_ROW;
  const firstNodeRow = headerRow + 1;
  const flat = flattenSet(set);
  const rowOf: Record<string, number> = {};
  const nodeRows = flat.map((f, i) => {
    rowOf[f.code] = firstNodeRow + i;
    return { flat: f, row: firstNodeRow + i };
  });
  const lastNodeRow = firstNodeRow + flat.length - 1;
  const extras = extraGroupRows(set, lastNodeRow + 1);
  for (const group of extras.groups) for (const { item, row } of group.items) rowOf[item.code] = row;
  const totalRow = extras.nextRow;
  const bandRow = set.bands && set.bands.length ? totalRow + 3 : null;
  return {
    layout, headerRow, firstNodeRow, nodeRows, rowOf, lastNodeRow, extras: extras.groups, totalRow,
    applicableRow: totalRow + 1, indexRow: totalRow + 2, bandRow, lastRow: bandRow === null ? totalRow + 2 : bandRow,
    appraisalOnly: hasAppraisalOnly(set),
  };
}

// The Tỷ lệ / số lượng column: on a leaf whose points follow from a figure (criteria-kinds.ts), the unit enters
// the rate (proportional: 93%), the number of items (count) or of occurrences (deduction); the sheet
// then shows the points that figure gives beside the verdict in Kiểm tra, and the check holds the
// score to them.

import { CriteriaNode } from '../../model/criteria';
import { CellPlan, PlanValue, ValidationPlan } from '../../model/plan';
import { formatPoints } from '../../model/points';
import { text } from '../../text/catalogue';

export function takesFigure(node: Pick<CriteriaNode, 'scoring'>): boolean {
  return !!(node.scoring && node.scoring.figure);
}

export function isRate(node: Pick<CriteriaNode, 'scoring'>): boolean {
  return !!node.scoring && node.scoring.kind === 'proportional';
}

/** The cell of the Tỷ lệ / số lượng column on a leaf row: an entry where the leaf takes a figure, else blank. */
export function figureCell(node: CriteriaNode, row: number, col: number, value: PlanValue, rowStyle: string): CellPlan {
  if (!takesFigure(node)) return { row, col, value: null, style: rowStyle };
  return { row, col, value, style: isRate(node) ? 'entryRate' : 'entryCount' };
}

/** The data validation of a figure cell: a rate from 0% to 100%, or a whole number of items from 0. */
export function figureValidation(node: CriteriaNode, cell: string): ValidationPlan {
  const kind = node.scoring!.kind;
  const max = formatPoints(node.max);
  if (kind === 'proportional') {
    return {
      range: cell, type: 'decimal', min: '0', max: '1', allowBlank: true,
      prompt: { title: text('vi', 'figure.title'), text: text('vi', 'figure.prompt.rate', { max }) },
      error: { title: text('vi', 'figure.errorTitle'), text: text('vi', 'figure.error.rate') },
    };
  }
  return {
    range: cell, type: 'custom', formula: `AND(ISNUMBER(${cell}),${cell}>=0,INT(${cell})=${cell})`, allowBlank: true,
    prompt: { title: text('vi', 'figure.title'), text: text('vi', kind === 'count' ? 'figure.prompt.count' : 'figure.prompt.deduction', { step: formatPoints(node.scoring!.step), max }) },
    error: { title: text('vi', 'figure.errorTitle'), text: text('vi', 'figure.error.count') },
  };
}

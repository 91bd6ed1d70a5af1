// The Số liệu column: on a leaf whose points follow from a figure (criteria-kinds.ts), the unit enters
// the rate (proportional: 93%), the number of items (count) or of occurrences (deduction); the sheet
// then shows the points that figure gives beside the verdict in Kiểm tra, and the check holds the
// score to them.

import { CriteriaNode } from '../../model/criteria';
import { figureFormula, pointsFromFigure } from '../../model/criteria-kinds';
import { CellValue } from '../../model/grid';
import { CellPlan, PlanValue, ValidationPlan } from '../../model/plan';
import { formatPoints, parseScoreCell } from '../../model/points';
import { text } from '../../text/catalogue';

export function takesFigure(node: Pick<CriteriaNode, 'scoring'>): boolean {
  return !!(node.scoring && node.scoring.figure);
}

export function isRate(node: Pick<CriteriaNode, 'scoring'>): boolean {
  return !!node.scoring && node.scoring.kind === 'proportional';
}

/**
 * The Excel condition that the figure in `cell` can give points: a number, not negative, a rate not
 * over 100% (as pointsFromFigure decides in the core).
 */
export function figureUsable(node: Pick<CriteriaNode, 'scoring'>, cell: string): string {
  return isRate(node) ? `AND(ISNUMBER(${cell}),${cell}>=0,ROUND(${cell},4)<=1)` : `AND(ISNUMBER(${cell}),${cell}>=0)`;
}

/** The points the figure gives, or "" when it gives none: an Excel expression. */
export function figurePointsExpression(node: Pick<CriteriaNode, 'max' | 'scoring'>, cell: string): string | null {
  const points = figureFormula(node, cell);
  return points === null ? null : `IF(${figureUsable(node, cell)},${points},"")`;
}

/** The points a typed figure gives, as the sheet computes them; null for a blank or unusable one. */
export function figurePoints(node: Pick<CriteriaNode, 'max' | 'scoring'>, value: CellValue | undefined): number | null {
  if (!takesFigure(node)) return null;
  const p = parseScoreCell(value === undefined ? null : value);
  return p.kind === 'number' ? pointsFromFigure(node, p.value) : null;
}

/**
 * "1,86" from a points expression, the same on every machine: a number turned into text follows the
 * regional format (1.86 or 1,86), so the hundredths are put together from integers.
 */
export function pointsTextExpression(points: string): string {
  const h = `ROUND((${points})*100,0)`;
  return `INT(${h}/100)&IF(MOD(${h},100)=0,"",","&IF(MOD(${h},10)=0,MOD(${h},100)/10,RIGHT("0"&MOD(${h},100),2)))`;
}

/** The cell of the Số liệu column on a leaf row: an entry where the leaf takes a figure, else blank. */
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

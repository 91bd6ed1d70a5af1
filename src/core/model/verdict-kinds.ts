// What the criteria set says about one score cell beyond its maximum and levels (criteria-kinds.ts),
// as the verdict (verdict.ts) needs it: the steps of a counted or deducted item, whether KAD may be
// written here for this unit, whether the item is scored at appraisal, and the points the unit's
// figure gives. The verdict's rows for these kinds test, state and explain them with the helpers here.

import { CriteriaNode, CriteriaSet, UNIT_TYPES, UnitType } from './criteria';
import { allowedScores, figureFormula, fullMarksIfNotArising, isAllowedHundredths, isAppraisalOnly, mayBeNotApplicable, pointsFromFigure, stepScores } from './criteria-kinds';
import { CellValue } from './grid';
import { Message } from './errors';
import { formatPoints, parseScoreCell, pointsEqual, toHundredths } from './points';
import { TextKey, joinMessages, message, points } from '../text/catalogue';

export interface FigureSpec {
  /** The figure typed (a rate, a count), or null when blank or not a number. */
  typed: number | null;
  /** The points it gives, as the sheet computes them; null when it gives none. */
  points: number | null;
  /** The sheet's expression of those points (IF(usable, points, "")). */
  expression: string;
  rate: boolean;
  /** The figure cell, and whether something is in it (a figure that gives no points is then flagged). */
  cell: string;
  filled: boolean;
}

export interface KindsSpec {
  /** A count up to the maximum, or a deduction from it, by steps. */
  steps?: { step: number; from: 'zero' | 'max' };
  /** KAD here: an error (the set does not allow it for this unit) or a doubt (nothing arose gives full marks). */
  kad?: 'forbidden' | 'full-marks';
  /** For the message of a forbidden KAD: the unit types the set allows it for on this item, [] for none. */
  kadFor?: UnitType[];
  unitType?: UnitType;
  /** Full marks when nothing arose (the KAD message says so even when KAD is forbidden). */
  notArising?: boolean;
  /** The self score of an item scored at appraisal: who scores it. */
  appraisalOnly?: string;
  /** The unit's figure on a leaf that takes one (self column only). */
  figure?: FigureSpec;
  /** How the leaf is scored, in words, for prompts and messages. */
  words?: Message;
}

/** The figure cell's condition that it can give points (as pointsFromFigure decides in the core). */
export function figureUsable(node: Pick<CriteriaNode, 'scoring'>, cell: string): string {
  return node.scoring && node.scoring.kind === 'proportional'
    ? `AND(ISNUMBER(${cell}),${cell}>=0,ROUND(${cell},4)<=1)`
    : `AND(ISNUMBER(${cell}),${cell}>=0)`;
}

/** The points a figure cell gives, or "", as an Excel expression; null when the leaf takes no figure. */
export function figurePointsExpression(node: Pick<CriteriaNode, 'max' | 'scoring'>, cell: string): string | null {
  const formula = figureFormula(node, cell);
  // IF(AND(ISNUMBER(x),…)) would still evaluate x>=0 on text and fail: the number test comes first.
  return formula === null ? null : `IF(ISNUMBER(${cell}),IF(${figureUsable(node, cell)},${formula},""),"")`;
}

/** The points a typed figure gives, as the sheet computes them; null for a blank or unusable one. */
export function figurePoints(node: Pick<CriteriaNode, 'max' | 'scoring'>, value: CellValue | undefined): number | null {
  if (!node.scoring || !node.scoring.figure) return null;
  const p = parseScoreCell(value === undefined ? null : value);
  return p.kind === 'number' ? pointsFromFigure(node, p.value) : null;
}

/**
 * "1,86" from a points expression, the same on every machine: a number turned into text follows the
 * regional format (1.86 or 1,86), so the hundredths are put together from integers.
 */
export function pointsTextExpression(pointsExpr: string): string {
  const h = `ROUND((${pointsExpr})*100,0)`;
  return `INT(${h}/100)&IF(MOD(${h},100)=0,"",","&IF(MOD(${h},10)=0,MOD(${h},100)/10,RIGHT("0"&MOD(${h},100),2)))`;
}

export interface SpecContext {
  set: CriteriaSet;
  unitType: UnitType;
  column: 'self' | 'appraisal';
  /** The Tỷ lệ / số lượng cell of the row: what it holds and its address (self column only). */
  figure?: { value: CellValue | undefined; cell: string | null };
}

/** What the set says about a leaf's score cell in this context, or undefined when nothing beyond levels. */
export function kindsSpec(node: CriteriaNode, ctx: SpecContext): KindsSpec | undefined {
  const k: KindsSpec = {};
  const allowed = allowedScores(node);
  if (allowed.kind === 'steps') k.steps = { step: allowed.step, from: allowed.from };
  const notArising = fullMarksIfNotArising(node);
  if (!mayBeNotApplicable(ctx.set, node, ctx.unitType)) {
    k.kad = 'forbidden';
    k.kadFor = UNIT_TYPES.filter((t) => mayBeNotApplicable(ctx.set, node, t));
    k.unitType = ctx.unitType;
  } else if (notArising) k.kad = 'full-marks';
  if (notArising) k.notArising = true;
  if (ctx.column === 'self' && isAppraisalOnly(node)) k.appraisalOnly = node.scoredBy;
  if (ctx.column === 'self' && node.scoring && node.scoring.figure && ctx.figure && ctx.figure.cell) {
    const p = parseScoreCell(ctx.figure.value === undefined ? null : ctx.figure.value);
    k.figure = {
      typed: p.kind === 'number' ? p.value : null,
      points: figurePoints(node, ctx.figure.value),
      expression: figurePointsExpression(node, ctx.figure.cell)!,
      rate: node.scoring.kind === 'proportional',
      cell: ctx.figure.cell,
      filled: p.kind !== 'blank',
    };
  }
  if (node.scoring) k.words = stepWords(node);
  return Object.keys(k).length ? k : undefined;
}

function stepWords(node: CriteriaNode): Message {
  const s = node.scoring!;
  const max = points(node.max);
  if (s.kind === 'proportional') return message('criteria.kind.proportional', { max });
  return message(s.kind === 'count' ? 'criteria.kind.count' : 'criteria.kind.deduction', { step: points(s.step), max });
}

// ---------------------------------------------------------------------------------------------
// Steps

/** True when a number (from 0 to the maximum, in hundredths) is not one the steps reach. */
export function offStep(value: number, max: number, k: KindsSpec | undefined): boolean {
  if (!k || !k.steps) return false;
  return !isAllowedHundredths({ kind: 'steps', step: k.steps.step, from: k.steps.from, max }, toHundredths(value));
}

/** The same as an Excel condition on the cell (a number from 0 to the maximum in hundredths by now). */
export function offStepCondition(cell: string, max: number, k: KindsSpec | undefined): string | null {
  if (!k || !k.steps) return null;
  const h = `ROUND(${cell}*100,0)`;
  const step = toHundredths(k.steps.step);
  return k.steps.from === 'zero'
    ? `AND(MOD(${h},${step})<>0,${h}<>${toHundredths(max)})`
    : `AND(MOD(${toHundredths(max)}-${h},${step})<>0,${h}<>0)`;
}

/** The scores the steps allow, listed when few ("0; 0,25; 0,5; 0,75; 1"), else the rule in words. */
export function stepChoices(max: number, k: KindsSpec): Message {
  const list = stepScores({ kind: 'steps', step: k.steps!.step, from: k.steps!.from, max });
  if (list) return { vi: list.map((v) => formatPoints(v, 'vi')).join('; '), en: list.map((v) => formatPoints(v, 'en')).join(', ') };
  return k.words || message('criteria.kind.any', { max: points(max) });
}

export function offStepMessage(value: number, max: number, k: KindsSpec): Message {
  return message('kinds.offStep', { value: points(value), rule: k.words!, choices: stepChoices(max, k) });
}

// ---------------------------------------------------------------------------------------------
// KAD

function typeNames(types: UnitType[]): Message {
  return joinMessages(types.map((t) => message(('criteria.unitType.' + t) as TextKey)), ', ');
}

/** Why KAD may not be written here, and what to do instead. */
export function kadForbiddenMessage(max: number, k: KindsSpec): Message {
  const instead = k.notArising ? message('kinds.kad.insteadFull', { max: points(max) }) : message('kinds.kad.instead', { max: points(max) });
  const why = k.kadFor && k.kadFor.length
    ? message('kinds.kad.onlyFor', { types: typeNames(k.kadFor), unit: message(('criteria.unitType.' + k.unitType) as TextKey) })
    : message('kinds.kad.notListed');
  return { vi: `${why.vi} ${instead.vi}`, en: `${why.en} ${instead.en}` };
}

export function kadFullMarksMessage(max: number): Message {
  return message('kinds.kad.fullMarks', { max: points(max) });
}

// ---------------------------------------------------------------------------------------------
// The figure

/** True when the figure gives points and the score is another number. */
export function figureDiffers(value: number, k: KindsSpec | undefined): boolean {
  return !!k && !!k.figure && k.figure.points !== null && !pointsEqual(value, k.figure.points);
}

export function figureDiffersCondition(cell: string, k: KindsSpec | undefined): string | null {
  if (!k || !k.figure) return null;
  const p = k.figure.expression;
  return `IF(ISNUMBER(${p}),ROUND(${cell},2)<>${p},FALSE)`;
}

export function figureMessage(value: number, max: number, k: KindsSpec): Message {
  const f = k.figure!;
  const typed: Message = f.rate
    ? { vi: formatPoints(Math.round(f.typed! * 10000) / 100, 'vi') + '%', en: formatPoints(Math.round(f.typed! * 10000) / 100, 'en') + '%' }
    : { vi: String(Math.floor(f.typed! + 1e-9)), en: String(Math.floor(f.typed! + 1e-9)) };
  return message('kinds.figureDiffers', { value: points(value), typed, points: points(f.points), rule: k.words || message('criteria.kind.any', { max: points(max) }) });
}

/**
 * What Kiểm tra adds after the verdict: the points the figure gives, " (tính được 1,86)", or, when
 * something that gives none is in the figure cell (pasted past its validation: 93 for 93%, a negative
 * count, text), " (tỷ lệ/số lượng không hợp lệ)".
 */
export function figureSuffixExpression(k: KindsSpec | undefined): string | null {
  if (!k || !k.figure) return null;
  const [before, after] = message('figure.sheet.points').vi.split('{points}');
  const p = k.figure.expression;
  return `IF(ISNUMBER(${p}),"${before}"&${pointsTextExpression(p)}&"${after}",IF(TRIM(${k.figure.cell}&"")="","","${message('figure.sheet.invalid').vi}"))`;
}

export function figureSuffixText(k: KindsSpec | undefined): string {
  if (!k || !k.figure) return '';
  if (k.figure.points === null) return figureInvalid(k) ? message('figure.sheet.invalid').vi : '';
  return message('figure.sheet.points', { points: formatPoints(k.figure.points, 'vi') }).vi;
}

/** True when the figure cell holds something that gives no points. */
export function figureInvalid(k: KindsSpec | undefined): boolean {
  return !!k && !!k.figure && k.figure.filled && k.figure.points === null;
}

/** What to do about such a figure: the rate from 0% to 100%, or a whole count from 0. */
export function figureInvalidMessage(k: KindsSpec, value: CellValue | undefined): Message {
  // A number as the cell shows it: a rate cell is formatted as a percentage (93 shows as 9300%).
  const shown = (n: number, lang: 'vi' | 'en') => (k.figure!.rate ? formatPoints(Math.round(n * 10000) / 100, lang) + '%' : formatPoints(n, lang));
  const typed = value === null || value === undefined ? '' : typeof value === 'number' ? { vi: shown(value, 'vi'), en: shown(value, 'en') } : String(value);
  return message(k.figure!.rate ? 'kinds.figureInvalid.rate' : 'kinds.figureInvalid.count', { typed });
}

// How a leaf is scored, as provinces write it (DESIGN.md §3.1, extended in docs/criteria-sets.md):
// fixed levels, a proportional score, a count of items up to a cap or deductions per occurrence down
// to 0; which items may be không áp dụng (KAD) and for which unit types; items that give full marks
// when the situation did not arise; items scored at appraisal by others. Plain data and pure rules:
// the verdict on a typed score, the sheet's formulas and the check all read them from here.

import { CriteriaNode, CriteriaSet, UnitType, leavesOf } from './criteria';
import { fromHundredths, toHundredths } from './points';

/** What a leaf's score may be, as one rule. */
export type AllowedScores =
  /** The listed levels only. */
  | { kind: 'levels'; levels: number[] }
  /** Any number from 0 to the maximum in hundredths. */
  | { kind: 'any'; max: number }
  /** Multiples of `step` from 0, and the maximum (count); the maximum less multiples of `step`, and 0 (deduction). */
  | { kind: 'steps'; step: number; from: 'zero' | 'max'; max: number };

export function allowedScores(node: Pick<CriteriaNode, 'max' | 'levels' | 'scoring'>): AllowedScores {
  const s = node.scoring;
  if (s && (s.kind === 'count' || s.kind === 'deduction') && s.step !== undefined && s.step > 0) {
    return { kind: 'steps', step: s.step, from: s.kind === 'count' ? 'zero' : 'max', max: node.max };
  }
  if (node.levels && node.levels.length && !(s && s.kind === 'proportional')) return { kind: 'levels', levels: node.levels };
  return { kind: 'any', max: node.max };
}

/**
 * Whether a score in hundredths (already known to be from 0 to the maximum) is one the rule allows:
 * a count reaches the cap from 0 by steps, and the cap itself; a deduction goes down from the maximum
 * by steps, and stops at 0.
 */
export function isAllowedHundredths(allowed: AllowedScores, hundredths: number): boolean {
  if (allowed.kind === 'any') return true;
  if (allowed.kind === 'levels') return allowed.levels.some((l) => toHundredths(l) === hundredths);
  const step = toHundredths(allowed.step);
  const max = toHundredths(allowed.max);
  if (allowed.from === 'zero') return hundredths % step === 0 || hundredths === max;
  return (max - hundredths) % step === 0 || hundredths === 0;
}

/** The scores a stepped rule allows, lowest first (for messages and prompts): at most `limit` of them, else null. */
export function stepScores(allowed: AllowedScores, limit: number = 12): number[] | null {
  if (allowed.kind !== 'steps') return allowed.kind === 'levels' ? allowed.levels.slice() : null;
  const step = toHundredths(allowed.step);
  const max = toHundredths(allowed.max);
  const out: number[] = [];
  if (allowed.from === 'zero') {
    for (let h = 0; h < max; h += step) out.push(h);
    out.push(max);
  } else {
    for (let h = max; h > 0; h -= step) out.unshift(h);
    out.unshift(0);
  }
  return out.length > limit ? null : out.map(fromHundredths);
}

/**
 * The points a figure gives, in hundredths as the sheet's formula computes them (figureFormula):
 * proportional ROUND(ROUND(rate,4)×max,2); count MIN(max, INT(n)×step); deduction MAX(0, max − INT(n)×step).
 * Null when the figure cannot give points (not a number, negative, a rate over 100%).
 */
export function pointsFromFigure(node: Pick<CriteriaNode, 'max' | 'scoring'>, figure: number): number | null {
  const s = node.scoring;
  if (!s || !s.figure || typeof figure !== 'number' || !isFinite(figure) || figure < 0) return null;
  const max = toHundredths(node.max);
  if (s.kind === 'proportional') {
    // The rate to 4 decimals (hundredths of a percent), as ROUND(rate,4); then half away from zero.
    const rate = Math.round(figure * 10000);
    if (rate > 10000) return null;
    return fromHundredths(Math.floor((rate * max + 5000) / 10000));
  }
  const n = Math.floor(figure + 1e-9);
  const step = toHundredths(s.step || 0);
  if (s.kind === 'count') return fromHundredths(Math.min(max, n * step));
  return fromHundredths(Math.max(0, max - n * step));
}

/** The sheet's formula for the points of a figure in `cell` (English function names, "," separators). */
export function figureFormula(node: Pick<CriteriaNode, 'max' | 'scoring'>, cell: string): string | null {
  const s = node.scoring;
  if (!s || !s.figure) return null;
  if (s.kind === 'proportional') return `ROUND(ROUND(${cell},4)*${node.max},2)`;
  if (s.kind === 'count') return `MIN(${node.max},INT(${cell})*${s.step})`;
  return `MAX(0,${node.max}-INT(${cell})*${s.step})`;
}

/** True when some leaf of the set takes a figure: the sheet then has the Tỷ lệ / số lượng column. */
export function setHasFigures(set: CriteriaSet): boolean {
  return leavesOf(set).some((f) => !!(f.node.scoring && f.node.scoring.figure));
}

// ---------------------------------------------------------------------------------------------
// Không áp dụng

// Asked for every leaf of every check: each set (never changed once parsed) is scanned once.
const listsNotApplicable = new WeakMap<CriteriaSet, boolean>();

/** True when some leaf says whether it may be KAD: the set then lists where KAD may be written. */
export function setListsNotApplicable(set: CriteriaSet): boolean {
  let lists = listsNotApplicable.get(set);
  if (lists === undefined) {
    lists = leavesOf(set).some((f) => f.node.notApplicable === true || Array.isArray(f.node.notApplicable));
    listsNotApplicable.set(set, lists);
  }
  return lists;
}

/**
 * Whether KAD may be written on a leaf for a unit of this type. A leaf's own `notApplicable` decides
 * (true, false, or the unit types it is for); a leaf that says nothing may be KAD when no leaf of the
 * set grants it (sets written before the field keep working), and may not once the set lists them.
 */
export function mayBeNotApplicable(set: CriteriaSet, node: CriteriaNode, unitType: UnitType): boolean {
  const own = node.notApplicable;
  if (own === true || own === false) return own;
  if (Array.isArray(own)) return own.indexOf(unitType) >= 0;
  return !setListsNotApplicable(set);
}

/** True when the leaf is scored at appraisal by others (a survey, a provincial index), not by the unit. */
export function isAppraisalOnly(node: Pick<CriteriaNode, 'scoredBy'>): boolean {
  return typeof node.scoredBy === 'string' && node.scoredBy.trim() !== '';
}

/** True when some leaf of the set is scored at appraisal. */
export function hasAppraisalOnly(set: CriteriaSet): boolean {
  return leavesOf(set).some((f) => isAppraisalOnly(f.node));
}

/** True when the method gives full marks when the situation did not arise ("không phát sinh"). */
export function fullMarksIfNotArising(node: Pick<CriteriaNode, 'notArising'>): boolean {
  return node.notArising === 'max';
}

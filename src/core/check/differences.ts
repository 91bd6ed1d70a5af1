// Where the appraisal council's score differs from the commune's own: every scored item (tree leaves,
// then bonus and deduction items) whose appraisal is entered and is not the self score.

import { ParsedScore, subtractPoints, pointsEqual } from '../model/points';

export interface Difference {
  code: string;
  name: string;
  /** The entries as numbers; null when blank or marked không áp dụng (see the flags). */
  self: number | null;
  appraisal: number | null;
  /** appraisal − self when both are numbers. */
  diff: number | null;
  selfNotApplicable: boolean;
  appraisalNotApplicable: boolean;
  cells: { self?: string; appraisal?: string };
}

export interface ScoredItem {
  code: string;
  name: string;
}

/** A score as compared: a number, không áp dụng, or nothing comparable (blank, text). */
type Comparable = { kind: 'number'; value: number } | { kind: 'not-applicable' } | { kind: 'none' };

function comparable(p: ParsedScore): Comparable {
  if (p.kind === 'number') return p;
  if (p.kind === 'not-applicable') return p;
  return { kind: 'none' };
}

function same(a: Comparable, b: Comparable): boolean {
  if (a.kind === 'number' && b.kind === 'number') return pointsEqual(a.value, b.value);
  return a.kind === b.kind;
}

/**
 * The items where an appraisal is entered and differs from the self score. A blank appraisal is not
 * yet appraised, and text in either cell is an entry error reported by the checks, not a difference.
 */
export function findDifferences(
  items: ScoredItem[],
  entry: (code: string, column: 'self' | 'appraisal') => ParsedScore,
  cellOf: (code: string, column: 'self' | 'appraisal') => string | null,
): Difference[] {
  const out: Difference[] = [];
  for (const item of items) {
    const selfEntry = entry(item.code, 'self');
    const appraisalEntry = entry(item.code, 'appraisal');
    if (appraisalEntry.kind !== 'number' && appraisalEntry.kind !== 'not-applicable') continue;
    if (selfEntry.kind === 'text' || selfEntry.kind === 'decimal-comma') continue;
    const self = comparable(selfEntry);
    const appraisal = comparable(appraisalEntry);
    if (same(self, appraisal)) continue;
    const cells: Difference['cells'] = {};
    const selfCell = cellOf(item.code, 'self');
    const appraisalCell = cellOf(item.code, 'appraisal');
    if (selfCell) cells.self = selfCell;
    if (appraisalCell) cells.appraisal = appraisalCell;
    out.push({
      code: item.code,
      name: item.name,
      self: self.kind === 'number' ? self.value : null,
      appraisal: appraisal.kind === 'number' ? appraisal.value : null,
      diff: self.kind === 'number' && appraisal.kind === 'number' ? subtractPoints(appraisal.value, self.value) : null,
      selfNotApplicable: self.kind === 'not-applicable',
      appraisalNotApplicable: appraisal.kind === 'not-applicable',
      cells,
    });
  }
  return out;
}

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

/** An entry as compared: a number, không áp dụng, or blank; anything else is an entry error. */
type Comparable = Extract<ParsedScore, { kind: 'number' | 'not-applicable' | 'blank' }>;

function comparable(p: ParsedScore): p is Comparable {
  return p.kind === 'number' || p.kind === 'not-applicable' || p.kind === 'blank';
}

function same(a: Comparable, b: Comparable): boolean {
  if (a.kind === 'number' && b.kind === 'number') return pointsEqual(a.value, b.value);
  return a.kind === b.kind;
}

/**
 * The items where an appraisal is entered and differs from the self score. A blank appraisal is not
 * yet appraised, and anything but a number, KAD or a blank in either cell (text, "0,5" or "0.5" left as
 * text, TRUE, a date) is an entry error reported by the checks, not a difference.
 */
export function findDifferences(
  items: ScoredItem[],
  entry: (code: string, column: 'self' | 'appraisal') => ParsedScore,
  cellOf: (code: string, column: 'self' | 'appraisal') => string | null,
): Difference[] {
  const out: Difference[] = [];
  for (const item of items) {
    const self = entry(item.code, 'self');
    const appraisal = entry(item.code, 'appraisal');
    if (!comparable(self) || !comparable(appraisal) || appraisal.kind === 'blank' || same(self, appraisal)) continue;
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

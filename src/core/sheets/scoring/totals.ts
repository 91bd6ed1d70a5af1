// Totals, applicable maximum, index and classification of a score column, computed by the core.

import { CriteriaSet, flattenSet, setMax } from '../../model/criteria';
import { indexPercent, parseScoreCell, sumPoints, toHundredths } from '../../model/points';
import { Entries } from '../../model/entries';
import { combineTotal, extraSums, hasExtras } from './extras';

/** The classification formula for an index cell, from the set's bands (highest first). */
export function bandFormula(indexCell: string, set: CriteriaSet): string | null {
  const bands = (set.bands || []).slice().sort((a, b) => b.min - a.min);
  if (!bands.length) return null;
  let expr = '""';
  for (let i = bands.length - 1; i >= 0; i--) {
    expr = `IF(${indexCell}>=${bands[i].min},"${bands[i].label.replace(/"/g, '""')}",${expr})`;
  }
  return `IF(ISNUMBER(${indexCell}),${expr},"")`;
}

export type Totals = Record<'self' | 'appraisal', ColumnTotals>;

export interface ColumnTotals {
  byCode: Record<string, number>;
  /** Sums of the bonus and deduction items (0 when the set has none). */
  bonus: number;
  deduction: number;
  /** Domains + bonus − deduction, never below 0 (extras.ts). */
  total: number;
  applicableMax: number;
  index: number | null;
  band: string;
}

/** The core's own totals of the entries, cached in the formula cells as their results. */
export function columnTotals(set: CriteriaSet, entries: Entries | undefined, role: 'self' | 'appraisal'): ColumnTotals {
  const flat = flattenSet(set);
  const byCode: Record<string, number> = {};
  let notApplicable = 0;
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i];
    if (f.leaf) {
      const p = parseScoreCell(entries && entries[f.code] ? entries[f.code].values[role] === undefined ? null : entries[f.code].values[role]! : null);
      byCode[f.code] = p.kind === 'number' ? p.value : 0;
      if (p.kind === 'not-applicable') notApplicable += toHundredths(f.node.max);
    } else {
      byCode[f.code] = sumPoints(f.childCodes.map((c) => byCode[c]));
    }
  }
  const extras = extraSums(set, (code) => (entries && entries[code] ? entries[code].values[role] : null));
  const total = combineTotal(sumPoints(set.nodes.map((n) => byCode[n.code])), extras.bonus, extras.deduction, hasExtras(set));
  const applicableMax = (toHundredths(setMax(set)) - notApplicable) / 100;
  const index = indexPercent(total, applicableMax);
  const bands = (set.bands || []).slice().sort((a, b) => b.min - a.min);
  const band = index === null ? '' : (bands.filter((b) => index >= b.min)[0] || { label: '' }).label;
  return { byCode, bonus: extras.bonus, deduction: extras.deduction, total, applicableMax, index, band };
}
/** The band a set gives an index (bands are highest first). */
export function bandOf(bands: Array<{ min: number; label: string }> | undefined, index: number | null): string | null {
  if (!bands || !bands.length || index === null) return null;
  for (const b of bands.slice().sort((x, y) => y.min - x.min)) if (index >= b.min) return b.label;
  return null;
}


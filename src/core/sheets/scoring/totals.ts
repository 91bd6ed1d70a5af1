// Totals, applicable maximum, index and classification of a score column, computed once: the writers
// cache them as the formulas' results, the check reports them (and compares what the sheet shows with
// them), the district summary ranks on them.

import { CriteriaSet, flattenSet, setMax } from '../../model/criteria';
import { CellValue } from '../../model/grid';
import { fromHundredths, indexPercent, sumPoints, toHundredths } from '../../model/points';
import { Entries } from '../../model/entries';
import { judge, leafScore } from '../../model/verdict';
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

/** The band a set gives an index (bands are highest first); null without bands or index. */
export function bandOf(bands: Array<{ min: number; label: string }> | undefined, index: number | null): string | null {
  if (!bands || !bands.length || index === null) return null;
  for (const b of bands.slice().sort((x, y) => y.min - x.min)) if (index >= b.min) return b.label;
  return null;
}

export type Totals = Record<'self' | 'appraisal', ColumnTotals>;

export interface ColumnTotals {
  /** Every node's points: a leaf's number entry (anything else counts 0, as SUM does), a parent's sum. */
  byCode: Record<string, number>;
  /** Sums of the bonus and deduction items (0 when the set has none). */
  bonus: number;
  deduction: number;
  /** Domains + bonus − deduction, never below 0 (extras.ts). */
  total: number;
  applicableMax: number;
  index: number | null;
  /** The classification ('' without bands or index, as the sheet's formula shows it). */
  band: string;
  /** Each domain's applicable maximum (its leaves marked KAD left out) and its rate (%), for Tổng hợp. */
  domainApplicable: Record<string, number>;
  domainRate: Record<string, number | null>;
  /** Leaves: how many, and how many are left blank (neither scored nor marked KAD). */
  leaves: number;
  blank: number;
}

/** What a score cell holds, by code (undefined: no such row). */
export type ValueOf = (code: string) => CellValue | undefined;

/** The one computation of a column's totals from what its cells hold. */
export function totalsOf(set: CriteriaSet, valueOf: ValueOf): ColumnTotals {
  const flat = flattenSet(set);
  const byCode: Record<string, number> = {};
  const notApplicable: Record<string, boolean> = {};
  let leaves = 0;
  let blank = 0;
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i];
    if (f.leaf) {
      const j = judge(valueOf(f.code), leafScore(f.node));
      byCode[f.code] = j.parsed.kind === 'number' ? j.parsed.value : 0;
      notApplicable[f.code] = j.kind === 'not-applicable';
      leaves++;
      if (j.kind === 'empty') blank++;
    } else {
      byCode[f.code] = sumPoints(f.childCodes.map((c) => byCode[c]));
    }
  }
  const domainApplicable: Record<string, number> = {};
  const domainRate: Record<string, number | null> = {};
  for (const d of flat.filter((n) => n.depth === 0)) {
    let hundredths = toHundredths(d.node.max);
    for (const f of flat) if (f.leaf && f.domainCode === d.code && notApplicable[f.code]) hundredths -= toHundredths(f.node.max);
    domainApplicable[d.code] = fromHundredths(hundredths);
    domainRate[d.code] = indexPercent(byCode[d.code], domainApplicable[d.code]);
  }
  const extras = extraSums(set, (code) => valueOf(code));
  const total = combineTotal(sumPoints(set.nodes.map((n) => byCode[n.code])), extras.bonus, extras.deduction, hasExtras(set));
  const applicableMax = fromHundredths(toHundredths(setMax(set)) - set.nodes.reduce((s, n) => s + toHundredths(n.max) - toHundredths(domainApplicable[n.code]), 0));
  const index = indexPercent(total, applicableMax);
  return {
    byCode, bonus: extras.bonus, deduction: extras.deduction, total, applicableMax, index,
    band: bandOf(set.bands, index) || '', domainApplicable, domainRate, leaves, blank,
  };
}

/** The totals of the entries a plan carries, cached in the formula cells as their results. */
export function columnTotals(set: CriteriaSet, entries: Entries | undefined, role: 'self' | 'appraisal'): ColumnTotals {
  return totalsOf(set, (code) => (entries && entries[code] ? entries[code].values[role] : undefined));
}

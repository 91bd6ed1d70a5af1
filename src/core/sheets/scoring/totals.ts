// Totals, applicable maximum, index and classification of a score column, computed once: the writers
// cache them as the formulas' results, the check reports them (and compares what the sheet shows with
// them), the district summary ranks on them.

import { CriteriaSet, flattenSet, leavesOf, setMax } from '../../model/criteria';
import { isAppraisalOnly } from '../../model/criteria-kinds';
import { TextKey, text } from '../../text/catalogue';
import { Lang } from '../../model/errors';
import { CellValue } from '../../model/grid';
import { NOT_APPLICABLE_MARK, fromHundredths, indexPercent, parseScoreCell, sumPoints, toHundredths } from '../../model/points';
import { Entries } from '../../model/entries';
import { judge, leafScore } from '../../model/verdict';
import { combineTotal, extraSums, hasExtras } from './extras';

/** Where a score column stands, for its classification: its score range and how many leaves may be left blank there. */
export interface BandScope {
  column: 'self' | 'appraisal';
  /** The column's cells over the criteria tree (parents hold numbers, so only leaves can be blank). */
  range: string;
  leaves: number;
  /** The cell of the note "Tạm tính, chưa gồm …" beside the index (self column, items scored at appraisal). */
  provisional?: string;
}

/** What the classification says before every leaf is scored: nothing scored yet, or not all. */
export function bandPending(column: 'self' | 'appraisal', state: 'none' | 'some'): string {
  return text('vi', pendingKey(column, state));
}

/** A band as the report carries it (the sheet's Vietnamese), in a reader's language: the pending states translate. */
export function bandShown(band: string, lang: Lang): string {
  const provisional = text('vi', 'criteria.band.provisional');
  if (band.length > provisional.length && band.slice(-provisional.length) === provisional) {
    return band.slice(0, -provisional.length) + text(lang, 'criteria.band.provisional');
  }
  for (const column of ['self', 'appraisal'] as const) {
    for (const state of ['none', 'some'] as const) {
      if (band === bandPending(column, state)) return lang === 'vi' ? band : text('en', pendingKey(column, state));
    }
  }
  return band;
}

function pendingKey(column: 'self' | 'appraisal', state: 'none' | 'some'): TextKey {
  return column === 'self'
    ? state === 'none' ? 'criteria.band.unscored' : 'criteria.band.incomplete'
    : state === 'none' ? 'criteria.band.unappraised' : 'criteria.band.appraisalIncomplete';
}

/**
 * The classification formula for an index cell, from the set's bands (highest first). With a scope
 * (the scoring sheet) a column with no leaf scored says "Chưa chấm" / "Chưa thẩm định", and one with
 * some left blank "Chưa chấm xong" / "Chưa thẩm định xong": a band only once every leaf is scored;
 * while items scored at appraisal wait (the provisional note is not empty) the band is "Khá (tạm tính)".
 */
export function bandFormula(indexCell: string, set: CriteriaSet, scope?: BandScope): string | null {
  const bands = (set.bands || []).slice().sort((a, b) => b.min - a.min);
  if (!bands.length) return null;
  let expr = '""';
  const suffix = scope && scope.provisional ? `&IF(${scope.provisional}="","","${text('vi', 'criteria.band.provisional')}")` : '';
  for (let i = bands.length - 1; i >= 0; i--) {
    expr = `IF(${indexCell}>=${bands[i].min},"${bands[i].label.replace(/"/g, '""')}"${suffix},${expr})`;
  }
  const banded = `IF(ISNUMBER(${indexCell}),${expr},"")`;
  if (!scope) return banded;
  const blank = `SUMPRODUCT(--(TRIM(${scope.range}&"")=""))`;
  return `IF(${blank}>=${scope.leaves},"${bandPending(scope.column, 'none')}",IF(${blank}>0,"${bandPending(scope.column, 'some')}",${banded}))`;
}

/** A band while items scored at appraisal wait: "Khá (tạm tính)"; '' for none. */
function provisionalBand(band: string | null, pending: string[]): string {
  return !band ? '' : pending.length ? band + text('vi', 'criteria.band.provisional') : band;
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
  /** Leaves: how many may be scored in the column, and how many are left blank (neither scored nor marked KAD). */
  leaves: number;
  blank: number;
  /** Self column: items scored at appraisal not scored yet, left out of the applicable maximum ("tạm tính"). */
  pending: string[];
}

/** What a score cell holds, by code (undefined: no such row). */
export type ValueOf = (code: string) => CellValue | undefined;

/**
 * The one computation of a column's totals from what its cells hold. In the self column an item
 * scored at appraisal counts once its cell holds the appraisal's score; until then it is left out of
 * the applicable maximum (the index is "tạm tính") and of the leaves to score.
 */
export function totalsOf(set: CriteriaSet, valueOf: ValueOf, column: 'self' | 'appraisal' = 'self'): ColumnTotals {
  const flat = flattenSet(set);
  const byCode: Record<string, number> = {};
  const notApplicable: Record<string, boolean> = {};
  const pending: string[] = [];
  let leaves = 0;
  let blank = 0;
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i];
    if (f.leaf) {
      const j = judge(valueOf(f.code), leafScore(f.node));
      byCode[f.code] = j.parsed.kind === 'number' ? j.parsed.value : 0;
      // Any KAD leaves the maximum, as the sheet's formula does (a KAD the set forbids is an error besides).
      notApplicable[f.code] = j.parsed.kind === 'not-applicable';
      if (column === 'self' && isAppraisalOnly(f.node)) {
        // The sheet's note that the appraisal has not scored it yet (anything else is judged as typed).
        if (isAppraisalOnlyNote(valueOf(f.code))) {
          pending.unshift(f.code);
          continue;
        }
      } else leaves++;
      if (j.kind === 'empty') blank++;
    } else {
      byCode[f.code] = sumPoints(f.childCodes.map((c) => byCode[c]));
    }
  }
  const domainApplicable: Record<string, number> = {};
  const domainRate: Record<string, number | null> = {};
  for (const d of flat.filter((n) => n.depth === 0)) {
    let hundredths = toHundredths(d.node.max);
    for (const f of flat) if (f.leaf && f.domainCode === d.code && (notApplicable[f.code] || pending.indexOf(f.code) >= 0)) hundredths -= toHundredths(f.node.max);
    domainApplicable[d.code] = fromHundredths(hundredths);
    domainRate[d.code] = indexPercent(byCode[d.code], domainApplicable[d.code]);
  }
  const extras = extraSums(set, (code) => valueOf(code));
  const total = combineTotal(sumPoints(set.nodes.map((n) => byCode[n.code])), extras.bonus, extras.deduction, hasExtras(set));
  const applicableMax = fromHundredths(toHundredths(setMax(set)) - set.nodes.reduce((s, n) => s + toHundredths(n.max) - toHundredths(domainApplicable[n.code]), 0));
  const index = indexPercent(total, applicableMax);
  return {
    byCode, bonus: extras.bonus, deduction: extras.deduction, total, applicableMax, index,
    band: set.bands && set.bands.length && leaves > 0 && blank > 0 ? bandPending(column, blank >= leaves ? 'none' : 'some') : provisionalBand(bandOf(set.bands, index), pending),
    domainApplicable, domainRate, leaves, blank, pending,
  };
}

/** The totals of the entries a plan carries, cached in the formula cells as their results. */
export function columnTotals(set: CriteriaSet, entries: Entries | undefined, role: 'self' | 'appraisal', appraisalColumn = false): ColumnTotals {
  const value = (code: string, r: 'self' | 'appraisal') => (entries && entries[code] ? entries[code].values[r] : undefined);
  const appraised: Record<string, boolean> = {};
  if (role === 'self') for (const f of leavesOf(set)) if (isAppraisalOnly(f.node)) appraised[f.code] = true;
  // The self cell of an item scored at appraisal shows what the plan puts there (appraisalOnlySelf).
  return totalsOf(set, (code) => (appraised[code] ? appraisalOnlySelf(appraisalColumn ? value(code, 'appraisal') : undefined) : value(code, role)), role);
}

/** True for the note the self cell of an item scored at appraisal shows until the appraisal scores it. */
export function isAppraisalOnlyNote(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.trim().toLowerCase() === text('vi', 'kinds.cell.appraisalOnly').toLowerCase();
}

/** What the self cell of an item scored at appraisal shows: the appraisal's number, its KAD, or the note. */
export function appraisalOnlySelf(appraisal: CellValue | undefined): CellValue {
  const p = parseScoreCell(appraisal === undefined ? null : appraisal);
  if (p.kind === 'number') return p.value;
  if (p.kind === 'not-applicable') return NOT_APPLICABLE_MARK;
  return text('vi', 'kinds.cell.appraisalOnly');
}

/** The self cell's formula of an item scored at appraisal, from its appraisal cell (as appraisalOnlySelf). */
export function appraisalOnlySelfFormula(appraisalCell: string): string {
  return `IF(ISNUMBER(${appraisalCell}),${appraisalCell},IF(UPPER(TRIM(${appraisalCell}&""))="${NOT_APPLICABLE_MARK}","${NOT_APPLICABLE_MARK}","${text('vi', 'kinds.cell.appraisalOnly')}"))`;
}

// Điểm thưởng / điểm trừ (bonus / deduction): items a criteria set may define beside the tree.
//
// How they count (the index basis):
// - each item is scored from 0 to its own `max` (the cap the set gives it); a blank item counts 0;
// - a group (bonus, deduction) is the sum of its items, so it never exceeds the sum of their caps;
// - TỔNG ĐIỂM = domains + bonus − deduction, never below 0;
// - the index stays TỔNG ĐIỂM / applicable maximum × 100, where the applicable maximum is the tree's
//   alone: bonus caps do not enlarge it, so a commune with full marks and a bonus may pass 100%.
//
// On Chấm điểm each group is a row (its code cell carries ROW_MARKERS.bonus / .deduction) followed by
// one row per item (its code cell carries the item's code), between the tree and TỔNG ĐIỂM.

import { CriteriaSet, ExtraItem } from '../../model/criteria';
import { a1 } from '../../model/grid';
import { ColumnLayout, ColumnRole, ROW_MARKERS, columnSpec } from '../../model/layout';
import { CellPlan, PlanValue, ValidationPlan } from '../../model/plan';
import { extraScore } from '../../model/verdict';
import { bothCheckExpression, bothCheckText, scoreCheckExpression, scoreValidation } from '../../model/verdict-sheet';
import { formatPoints, fromHundredths, parseScoreCell, sumPoints, toHundredths } from '../../model/points';
import { Message } from '../../model/errors';
import { message } from '../../text/catalogue';

export type ExtraKind = 'bonus' | 'deduction';
export const EXTRA_KINDS: ExtraKind[] = ['bonus', 'deduction'];

export const EXTRA_NAMES: Record<ExtraKind, Message> = {
  bonus: message('sheet.extras.bonusPoints'),
  deduction: message('sheet.extras.deductions'),
};

export interface ExtraGroupRows {
  kind: ExtraKind;
  /** The group's row (its subtotal). */
  row: number;
  items: Array<{ item: ExtraItem; row: number }>;
}

/** The set's non-empty bonus and deduction lists, in that order. */
export function extraLists(set: CriteriaSet): Array<{ kind: ExtraKind; items: ExtraItem[] }> {
  return EXTRA_KINDS.map((kind) => ({ kind, items: set[kind] || [] })).filter((g) => g.items.length > 0);
}

export function hasExtras(set: CriteriaSet): boolean {
  return extraLists(set).length > 0;
}

/** Every bonus and deduction item by code, with its kind. */
export function extraItemsByCode(set: CriteriaSet): Record<string, { kind: ExtraKind; item: ExtraItem }> {
  const out: Record<string, { kind: ExtraKind; item: ExtraItem }> = {};
  for (const g of extraLists(set)) for (const item of g.items) out[item.code] = { kind: g.kind, item };
  return out;
}

/** Rows of the groups, starting at `firstRow`; returns them and the first row after them. */
export function extraGroupRows(set: CriteriaSet, firstRow: number): { groups: ExtraGroupRows[]; nextRow: number } {
  let row = firstRow;
  const groups = extraLists(set).map((g) => {
    const groupRow = row++;
    return { kind: g.kind, row: groupRow, items: g.items.map((item) => ({ item, row: row++ })) };
  });
  return { groups, nextRow: row };
}

/** TỔNG ĐIỂM with extras: the domains' SUM, plus the bonus row, minus the deduction row, at least 0. */
export function totalWithExtrasFormula(domainSum: string, col: number, groups: ExtraGroupRows[]): string {
  if (!groups.length) return domainSum;
  let expr = domainSum;
  for (const g of groups) expr += (g.kind === 'bonus' ? '+' : '-') + a1(g.row, col);
  return `MAX(0,${expr})`;
}

/** The parts of a TỔNG ĐIỂM formula with extras, or null when it does not have that shape. */
export function splitTotalFormula(formula: string): { sum: string; bonus: string | null; deduction: string | null } | null {
  const body = formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  const m = /^MAX\(0,(SUM\(.*\))(?:\+(\$?[A-Z]{1,3}\$?\d+))?(?:-(\$?[A-Z]{1,3}\$?\d+))?\)$/.exec(body);
  if (!m) return null;
  return { sum: m[1], bonus: m[2] || null, deduction: m[3] || null };
}

/**
 * Domains + bonus − deduction, never below 0, exact in hundredths. A set without bonus or deduction
 * lists has the domains' plain SUM as TỔNG ĐIỂM (totalWithExtrasFormula), which a pasted negative
 * score can take below 0: no floor then, so the core and the spreadsheet agree.
 */
export function combineTotal(domains: number, bonus: number, deduction: number, withExtras: boolean): number {
  const hundredths = toHundredths(domains) + toHundredths(bonus) - toHundredths(deduction);
  return fromHundredths(withExtras ? Math.max(0, hundredths) : hundredths);
}

/** Sum of each group's item entries (numbers only, as SUM does). */
export function extraSums(set: CriteriaSet, valueOf: (code: string) => unknown): Record<ExtraKind, number> {
  const sums: Record<ExtraKind, number> = { bonus: 0, deduction: 0 };
  for (const g of extraLists(set)) {
    sums[g.kind] = sumPoints(g.items.map((item) => {
      const p = parseScoreCell(valueOf(item.code) === undefined ? null : valueOf(item.code));
      return p.kind === 'number' ? p.value : null;
    }));
  }
  return sums;
}

export interface ExtraRowsInput {
  groups: ExtraGroupRows[];
  layout: ColumnLayout;
  scoreRoles: Array<'self' | 'appraisal'>;
  /** What was entered on an item's row, by column role. */
  entryValue(code: string, role: ColumnRole): PlanValue;
  evidenceLink(code: string): string | undefined;
  /** Cached group sums per score column. */
  groupResult(kind: ExtraKind, role: 'self' | 'appraisal'): number;
}

/** Cells and validations of the bonus and deduction rows on Chấm điểm. */
export function extraRowsPlan(input: ExtraRowsInput): { cells: CellPlan[]; validations: ValidationPlan[] } {
  const col = input.layout.col as Record<ColumnRole, number>;
  const cells: CellPlan[] = [];
  const validations: ValidationPlan[] = [];
  const put = (cell: CellPlan) => cells.push(cell);
  const textRoles: ColumnRole[] = input.layout.order.filter((r) => r === 'evidence' || r === 'note' || r === 'appraisalNote');
  // Bonus and deduction items take no figure: the Tỷ lệ / số lượng cell stays a plain, locked one.
  const figureCol = input.layout.col.figure;
  for (const g of input.groups) {
    const cap = sumPoints(g.items.map((i) => i.item.max));
    put({ row: g.row, col: col.stt, value: null, style: 'domainCenter' });
    put({ row: g.row, col: col.name, value: EXTRA_NAMES[g.kind].vi, style: 'domain' });
    put({ row: g.row, col: col.max, value: cap, style: 'domainPoints' });
    put({ row: g.row, col: col.method, style: 'domain',
      value: g.kind === 'bonus' ? `Cộng vào tổng điểm (tối đa ${formatPoints(cap)} điểm)` : `Trừ vào tổng điểm (tối đa ${formatPoints(cap)} điểm)` });
    for (const role of input.scoreRoles) {
      const itemRows = g.items.map((i) => i.row);
      const formula = `SUM(${a1(itemRows[0], col[role])}:${a1(itemRows[itemRows.length - 1], col[role])})`;
      put({ row: g.row, col: col[role], formula, result: input.groupResult(g.kind, role), style: 'domainPoints' });
    }
    for (const role of textRoles.concat(['check', 'owner', 'due'])) put({ row: g.row, col: col[role], value: null, style: 'domain' });
    if (figureCol !== undefined) put({ row: g.row, col: figureCol, value: null, style: 'domain' });
    put({ row: g.row, col: col.code, value: g.kind === 'bonus' ? ROW_MARKERS.bonus : ROW_MARKERS.deduction, style: 'codeMarker' });

    g.items.forEach(({ item, row }, i) => {
      put({ row, col: col.stt, value: String(i + 1), style: 'leafCenter' });
      put({ row, col: col.name, value: item.name, style: 'leaf' });
      put({ row, col: col.max, value: item.max, style: 'leafPoints' });
      put({ row, col: col.method, value: item.method || null, style: 'method' });
      if (figureCol !== undefined) put({ row, col: figureCol, value: null, style: 'plain' });
      for (const role of input.scoreRoles) {
        put({ row, col: col[role], value: input.entryValue(item.code, role), style: 'entryScore' });
        validations.push(scoreValidation(a1(row, col[role]), extraScore(g.kind, item), columnSpec(role).header.vi));
      }
      for (const role of textRoles) {
        const cell: CellPlan = { row, col: col[role], value: input.entryValue(item.code, role), style: 'entryText' };
        const link = role === 'evidence' ? input.evidenceLink(item.code) : undefined;
        if (link) cell.hyperlink = link;
        put(cell);
      }
      const spec = extraScore(g.kind, item);
      const checks = input.scoreRoles.map((role) => scoreCheckExpression(a1(row, col[role]), spec));
      // With both columns: "✓ | ✗ …" would hide which is which; the self result, then the appraisal's when entered.
      const formula = checks.length === 1 ? checks[0] : bothCheckExpression(a1(row, col.appraisal), checks[0], checks[1]);
      const appraised = input.scoreRoles.length > 1 ? input.entryValue(item.code, 'appraisal') : null;
      const result = bothCheckText(input.entryValue(item.code, 'self'), appraised, spec);
      put({ row, col: col.check, formula, result, style: 'check' });
      put({ row, col: col.code, value: item.code, style: 'code' });
      // Bonus and deduction items are optional: not assigned, their working cells left plain.
      put({ row, col: col.owner, value: null, style: 'plain' });
      put({ row, col: col.due, value: null, style: 'plain' });
    });
  }
  return { cells, validations };
}

// What the sheet shows is verified: every subtotal, total, applicable maximum, index and classification
// Chấm điểm and Tổng hợp show is compared with the core's own arithmetic (shown-differs), and Tổng hợp's
// formulas are guarded like Chấm điểm's (formula-altered). Only a file whose cached results a
// spreadsheet computed is compared (WorkbookGrids.calculated): a file cchc wrote and nobody has
// recalculated since is not a false alarm.

import { CriteriaSet, setMax } from '../model/criteria';
import { Message, UserError } from '../model/errors';
import { CellValue, SheetGrid, a1, cellAt, cellText, formulaAt } from '../model/grid';
import { SHEETS } from '../model/layout';
import { PlanValue, SheetPlan } from '../model/plan';
import { pointsEqual } from '../model/points';
import { sumsAlike } from '../model/verdict';
import { message, points } from '../text/catalogue';
import { SUMMARY_HEADER_ROW, refreshedSummary } from '../sheets/summary';
import { extraLists } from '../sheets/scoring/extras';
import { CheckContext, IssueColumn, Rule } from './contract';

type Column = 'self' | 'appraisal';

function same(shown: CellValue, expected: PlanValue | undefined): boolean {
  const want = expected === undefined || expected === null ? '' : expected;
  const got = shown === null ? '' : shown;
  if (typeof want === 'number' && typeof got === 'number') return pointsEqual(want, got);
  if (typeof want === 'number' || typeof got === 'number') return false;
  return cellText(got) === cellText(want);
}

function shownText(v: CellValue | PlanValue | undefined): Message {
  if (typeof v === 'number') return points(v);
  const t = v === null || v === undefined ? '' : cellText(v as CellValue);
  return t ? { vi: t, en: t } : message('rule.blank');
}

/** Codes whose points the sheet's SUM cannot match (a date or a value finer than hundredths below them). */
function untrusted(ctx: CheckContext, column: Column): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (let i = ctx.flat.length - 1; i >= 0; i--) {
    const n = ctx.flat[i];
    out[n.code] = n.leaf ? ctx.read.rowOf[n.code] !== undefined && !sumsAlike(ctx.judged(n.code, column)) : n.childCodes.some((c) => out[c]);
  }
  for (const g of extraLists(ctx.read.meta.set)) {
    out['#' + g.kind] = g.items.some((item) => ctx.read.rowOf[item.code] !== undefined && !sumsAlike(ctx.judged(item.code, column)));
  }
  out['#total'] = ctx.read.meta.set.nodes.some((n) => out[n.code]) || extraLists(ctx.read.meta.set).some((g) => out['#' + g.kind]);
  return out;
}

function reportShown(ctx: CheckContext, sheet: SheetGrid, row: number, col: number, expected: PlanValue | undefined, what: Message, column: IssueColumn, code: string | null): void {
  const shown = cellAt(sheet, row, col);
  // Nothing cached (a file written without results): nothing is claimed.
  if (shown === null || shown === '' || same(shown, expected)) return;
  const cell = a1(row, col);
  const where = sheet.name === ctx.read.sheet.name ? cell : `${sheet.name}!${cell}`;
  const advice = message(formulaAt(sheet, row, col) ? 'rule.shownStale' : 'rule.shownTyped');
  ctx.report({ severity: 'error', rule: 'shown-differs', code, column, sheet: sheet.name, cell, message: message('rule.shownDiffers', {
    where, shown: shownText(shown), what, value: shownText(expected), advice,
  }) });
}

/** Chấm điểm: each subtotal, group row, TỔNG ĐIỂM, applicable maximum, index and classification. */
function scoringShown(ctx: CheckContext): void {
  const { read } = ctx;
  const sheet = read.sheet;
  const set: CriteriaSet = read.meta.set;
  for (const column of ctx.scoreColumns) {
    const col = read.columns[column];
    if (col === undefined) continue;
    const t = ctx.totals[column];
    const skip = untrusted(ctx, column);
    for (const n of ctx.flat) {
      const row = read.rowOf[n.code];
      if (n.leaf || row === undefined || skip[n.code]) continue;
      reportShown(ctx, sheet, row, col, t.byCode[n.code], message('rule.what.subtotal', { code: n.code }), column, n.code);
    }
    for (const g of extraLists(set)) {
      const row = read.markers[g.kind];
      if (row === undefined || skip['#' + g.kind]) continue;
      reportShown(ctx, sheet, row, col, t[g.kind], message(g.kind === 'bonus' ? 'verdict.item.bonus' : 'verdict.item.deduction'), column, null);
    }
    const at = (marker: 'total' | 'applicableMax' | 'index' | 'band', expected: PlanValue, what: Message, trusted: boolean) => {
      const row = read.markers[marker];
      if (row !== undefined && trusted) reportShown(ctx, sheet, row, col, expected, what, column, null);
    };
    at('total', t.total, message('rule.what.total'), !skip['#total']);
    at('applicableMax', t.applicableMax, message('rule.what.applicable'), true);
    at('index', t.index === null ? '' : t.index, message('rule.what.index'), !skip['#total']);
    if (set.bands && set.bands.length) at('band', t.band, message('rule.what.band'), !skip['#total']);
  }
  const totalRow = read.markers.total;
  if (totalRow !== undefined && read.columns.max !== undefined) {
    reportShown(ctx, sheet, totalRow, read.columns.max, setMax(set), message('rule.what.totalMax'), 'max', null);
  }
}

/** Normalised formula text: no leading "=", no spaces outside strings, upper case outside strings. */
export function formulaKey(formula: string): string {
  return formula.replace(/^=/, '').replace(/"(?:[^"]|"")*"|[^"]+/g, (part) => (part.charAt(0) === '"' ? part : part.replace(/\s+/g, '').toUpperCase()));
}

function headerRowOf(sheet: SheetGrid, planned: SheetPlan): number | null {
  const headers = planned.cells.filter((c) => c.row === SUMMARY_HEADER_ROW && typeof c.value === 'string').slice(0, 2);
  for (let r = 0; r < Math.min(sheet.values.length, 40); r++) {
    if (headers.every((h) => cellText(cellAt(sheet, r, h.col)) === cellText(h.value as string))) return r;
  }
  return null;
}

/** Tổng hợp: the sheet as it should stand for these entries (refreshedSummary), cell by cell. */
function summaryShown(ctx: CheckContext): void {
  const sheet = ctx.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  if (!sheet) return;
  let planned: SheetPlan;
  try {
    planned = refreshedSummary(ctx.read, ctx.totals).sheet;
  } catch (e) {
    // Rows Tổng hợp needs are missing on Chấm điểm: the structure rule says which.
    if (e instanceof UserError) return;
    throw e;
  }
  const header = headerRowOf(sheet, planned);
  if (header === null) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', sheet: sheet.name, cell: null, message: message('rule.summaryMissing') });
    return;
  }
  const offset = header - SUMMARY_HEADER_ROW;
  const appraisal = ctx.read.columns.appraisal !== undefined;
  const skip = { self: untrusted(ctx, 'self'), appraisal: appraisal ? untrusted(ctx, 'appraisal') : {} as Record<string, boolean> };
  const anyUntrusted = (['self', 'appraisal'] as Column[]).some((c) => Object.keys(skip[c]).some((k) => skip[c][k]));
  const label = (row: number, col: number): Message => {
    const rowLabel = planned.cells.filter((c) => c.row === row && c.col === 1)[0];
    const head = planned.cells.filter((c) => c.row === SUMMARY_HEADER_ROW && c.col === col)[0];
    const name = rowLabel ? cellText((rowLabel.result !== undefined ? rowLabel.result : rowLabel.value) as CellValue) : '';
    const column = head ? cellText(head.value as CellValue) : '';
    return message('rule.what.summary', { row: name, column });
  };
  for (const cell of planned.cells) {
    if (!cell.formula) continue;
    const row = cell.row + offset;
    const address = a1(row, cell.col);
    const actual = formulaAt(sheet, row, cell.col);
    if (actual === null || formulaKey(actual) !== formulaKey(cell.formula)) {
      ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', sheet: sheet.name, cell: address, message: message('rule.summaryFormula', {
        cell: address, what: label(cell.row, cell.col),
        problem: actual === null ? message('rule.summaryFormula.value') : message('rule.summaryFormula.changed', { formula: actual.slice(0, 60) }),
      }) });
    }
    // Names are text the formula copies; numbers and the classification are what is signed.
    if (cell.col === 1 || anyUntrusted) continue;
    if (ctx.grids.calculated) reportShown(ctx, sheet, row, cell.col, cell.result, label(cell.row, cell.col), 'structure', null);
  }
}

export const shownRules: Rule[] = [
  {
    id: 'shown-differs',
    run(ctx) {
      if (ctx.grids.calculated) scoringShown(ctx);
      summaryShown(ctx);
    },
  },
];

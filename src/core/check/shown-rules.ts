// What the sheet shows is verified: every subtotal, total, applicable maximum, index and classification
// Chấm điểm and Tổng hợp show is compared with the core's own arithmetic (shown-differs), and Tổng hợp's
// formulas are guarded like Chấm điểm's (formula-altered). Only a file whose cached results a
// spreadsheet computed is compared (WorkbookGrids.calculated): a file cchc wrote and nobody has
// recalculated since is not a false alarm.

import { CriteriaSet, setMax } from '../model/criteria';
import { Message, UserError } from '../model/errors';
import { CellValue, SheetGrid, a1, cellAt, cellText, formulaAt } from '../model/grid';
import { formulaKey, insertRowsInFormula, ownSheetReferences, sameRows, sumFormulaRows } from '../model/formula';
import { SHEETS } from '../model/layout';
import { CellPlan, PlanValue, SheetPlan } from '../model/plan';
import { pointsEqual } from '../model/points';
import { sumsAlike } from '../model/verdict';
import { TextKey, message, points, shorten } from '../text/catalogue';
import { SUMMARY_HEADER_ROW, SummaryRefresh, comparedSummaryCells, refreshedSummary } from '../sheets/summary';
import { extraLists, hasExtras } from '../sheets/scoring/extras';
import { totalSumRows } from './extra-rules';
import { CheckContext, IssueColumn, Rule } from './contract';

type Column = 'self' | 'appraisal';

/** Whether a cell shows what is expected: the same points, or the same text (a blank expected as nothing). */
function same(shown: CellValue, expected: PlanValue | undefined): boolean {
  if (typeof expected === 'number' || typeof shown === 'number') return typeof expected === 'number' && typeof shown === 'number' && pointsEqual(expected, shown);
  return cellText(shown) === cellText(expected as CellValue);
}

function shownText(v: CellValue | PlanValue | undefined): Message {
  if (typeof v === 'number') return points(v);
  const t = cellText(v as CellValue);
  return t ? { vi: t, en: t } : message('rule.blank');
}

/**
 * Reports a cell that shows another value than `expected`; true when it did. `verified`: the cell's
 * formula was found to be the one the plan writes, so a difference is only a result not recalculated;
 * otherwise (the applicable maximum, index and classification, whose formulas are not compared) it may
 * also be a formula edited or written by an earlier version, and the advice says both.
 */
function reportShown(ctx: CheckContext, sheet: SheetGrid, row: number, col: number, expected: PlanValue | undefined, what: Message, column: IssueColumn, code: string | null, verified = true): boolean {
  const shown = cellAt(sheet, row, col);
  // Nothing cached (a file written without results): nothing is claimed.
  if (shown === null || shown === '' || same(shown, expected)) return false;
  const cell = a1(row, col);
  const where = sheet.name === ctx.read.sheet.name ? cell : `${sheet.name}!${cell}`;
  const advice = message(!formulaAt(sheet, row, col) ? 'rule.shownTyped' : verified ? 'rule.shownStale' : 'rule.shownUnverified');
  ctx.report({ severity: 'error', rule: 'shown-differs', code, column, sheet: sheet.name, cell, message: message('rule.shownDiffers', {
    where, shown: shownText(shown), what, value: shownText(expected), advice,
  }) });
  return true;
}

/** Whether a formula is a SUM of exactly these rows of its column (and nothing else). */
function sumsExactly(formula: string | null, col: number, rows: number[]): boolean {
  const covered = formula ? sumFormulaRows(formula, col) : null;
  return !!covered && sameRows(covered, rows);
}

/** TỔNG ĐIỂM's formula exactly as planned: the domains' SUM, plus the bonus row, minus the deduction row. */
function totalExact(ctx: CheckContext, formula: string | null, col: number, domainRows: number[]): boolean {
  if (!hasExtras(ctx.read.meta.set)) return sumsExactly(formula, col, domainRows);
  const rows = totalSumRows(ctx.read, formula, col);
  return !!rows && sameRows(rows, domainRows);
}

/**
 * Chấm điểm: each subtotal, group row, TỔNG ĐIỂM, applicable maximum, index and classification. A
 * sum is compared when the difference would be its own: the rows it adds are faithful (on the sheet,
 * each showing the core's figure), and its formula is exactly what it should be (then its value is
 * stale) or gone (a value was typed over it). A formula that adds the wrong rows is reported by
 * formula-altered, and what depends on it is not reported again; nor is a sum over a date or a value
 * finer than hundredths, whose SUM cannot match the core's (the entry is the error). Returns, per
 * column, whether everything the total rests on was shown right.
 */
function scoringShown(ctx: CheckContext): Record<Column, boolean> {
  const { read } = ctx;
  const sheet = read.sheet;
  const set: CriteriaSet = read.meta.set;
  const right = {} as Record<Column, boolean>;
  for (const column of ctx.scoreColumns) {
    const col = read.columns[column]!;
    const t = ctx.totals[column];
    const faithful: Record<string, boolean> = {};
    let reported = false;
    const entered = (code: string) => read.rowOf[code] !== undefined && sumsAlike(ctx.judged(code, column));
    /** Compares a sum whose rows are faithful; true when it is faithful itself (its formula exact). */
    const compare = (row: number, expected: PlanValue, what: Message, code: string | null, exact: (formula: string | null) => boolean): boolean => {
      const formula = formulaAt(sheet, row, col);
      const isExact = exact(formula);
      if (isExact || !formula) reported = reportShown(ctx, sheet, row, col, expected, what, column, code) || reported;
      return isExact;
    };
    for (let i = ctx.flat.length - 1; i >= 0; i--) {
      const n = ctx.flat[i];
      const row = read.rowOf[n.code];
      faithful[n.code] = n.leaf ? entered(n.code) : row !== undefined && n.childCodes.every((c) => faithful[c]) &&
        compare(row, t.byCode[n.code], message('rule.what.subtotal', { code: n.code }), n.code, (f) => sumsExactly(f, col, n.childCodes.map((c) => read.rowOf[c]!)));
    }
    const groups = extraLists(set).map((g) => {
      const row = read.markers[g.kind];
      return row !== undefined && g.items.every((item) => entered(item.code)) &&
        compare(row, t[g.kind], message(g.kind === 'bonus' ? 'rule.what.bonus' : 'rule.what.deduction'), null, (f) => sumsExactly(f, col, g.items.map((item) => read.rowOf[item.code]!)));
    });
    const domains = ctx.flat.filter((n) => n.depth === 0);
    const totalRow = read.markers.total;
    const totalFaithful = totalRow !== undefined && domains.every((d) => faithful[d.code]) && groups.every(Boolean) &&
      compare(totalRow, t.total, message('rule.what.total'), null, (f) => totalExact(ctx, f, col, domains.map((d) => read.rowOf[d.code]!)));
    // The applicable maximum adds the leaves' maxima; the index and the classification follow the total.
    const at = (marker: 'applicableMax' | 'index' | 'band', expected: PlanValue, what: Message) => {
      const row = read.markers[marker];
      if (row !== undefined) reported = reportShown(ctx, sheet, row, col, expected, what, column, null, false) || reported;
    };
    at('applicableMax', t.applicableMax, message('rule.what.applicable'));
    if (totalFaithful) {
      at('index', t.index, message('rule.what.index'));
      at('band', t.band, message('rule.what.band'));
    }
    right[column] = totalFaithful && !reported;
  }
  const totalRow = read.markers.total;
  if (totalRow !== undefined) reportShown(ctx, sheet, totalRow, read.columns.max!, setMax(set), message('rule.what.totalMax'), 'max', null, false);
  return right;
}

function headerRowOf(sheet: SheetGrid, planned: SheetPlan): number | null {
  const headers = planned.cells.filter((c) => c.row === SUMMARY_HEADER_ROW && typeof c.value === 'string').slice(0, 2);
  for (let r = 0; r < sheet.values.length; r++) {
    if (headers.every((h) => cellText(cellAt(sheet, r, h.col)) === cellText(h.value as string))) return r;
  }
  return null;
}

/**
 * Tổng hợp: the sheet as it should stand for these entries (refreshedSummary), cell by cell. `right`:
 * per column, whether Chấm điểm showed right what Tổng hợp copies; null when the file carries no
 * results a spreadsheet computed (then only formulas are compared).
 */
function summaryShown(ctx: CheckContext, right: Record<Column, boolean> | null): void {
  const sheet = ctx.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  if (!sheet) return;
  let refresh: SummaryRefresh;
  try {
    refresh = refreshedSummary(ctx.read, { current: ctx.totals, entries: ctx.entries(), summaryGrid: sheet, comparedOnly: true });
  } catch (e) {
    // Rows Tổng hợp needs are missing on Chấm điểm: the structure rule says which.
    if (e instanceof UserError) return;
    throw e;
  }
  const planned = refresh.sheet;
  const header = headerRowOf(sheet, planned);
  if (header === null) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', sheet: sheet.name, cell: null, message: message('rule.summaryMissing') });
    return;
  }
  // A Tổng hợp cell that copies a wrong Chấm điểm cell is explained there: compared only when Chấm
  // điểm was shown right (then a difference is stale), or when its own formula is gone or changed.
  const upstreamRight = !!right && ctx.scoreColumns.every((c) => right[c]);
  const label = (row: number, col: number): Message => {
    const rowLabel = planned.cells.filter((c) => c.row === row && c.col === 1)[0];
    const head = planned.cells.filter((c) => c.row === SUMMARY_HEADER_ROW && c.col === col)[0];
    return message('rule.what.summary', { row: rowLabel ? plannedText(rowLabel) : '', column: head ? plannedText(head) : '' });
  };
  // Rows inserted or deleted above the table move it, and the references into it, as a spreadsheet
  // moves them; the lines above it (Số, ngày) are then not told apart, and are not compared.
  const offset = header - SUMMARY_HEADER_ROW;
  // Made by another version of cchc, or rows inserted, deleted or sorted inside the table: its cells
  // stand otherwise than planned, so one warning says to refresh it, and only its figures are compared.
  const outdated = ctx.read.meta.summaryLayout !== refresh.layout;
  const moved = outdated ? null : movedRow(sheet, planned, header);
  if (outdated || moved) {
    ctx.report({ severity: 'warning', rule: 'summary-outdated', code: null, column: 'structure', sheet: sheet.name, cell: moved ? a1(moved.row, 1) : null, message: moved
      ? message('rule.summaryRowsMoved', { label: shorten(moved.label, 40), row: moved.row + 1, planned: moved.planned + 1 })
      : message('rule.summaryOutdated') });
    if (upstreamRight) figuresByLabel(ctx, sheet, planned, header, label);
    return;
  }
  const wrong: Record<string, boolean> = {};
  for (const cell of comparedSummaryCells(planned)) {
    const inTable = cell.row > SUMMARY_HEADER_ROW;
    if (offset && !inTable) continue;
    const row = cell.row + offset;
    const address = a1(row, cell.col);
    const actual = formulaAt(sheet, row, cell.col);
    const formula = insertRowsInFormula(cell.formula!, SUMMARY_HEADER_ROW, offset);
    const own = actual === null || formulaKey(actual) !== formulaKey(formula);
    // A rate or a difference computed from a Tổng hợp cell already reported is explained there.
    const fromWrong = ownSheetReferences(cell.formula!).some((ref) => wrong[ref]);
    // The figures of the table are what is signed (names are text the formula copies). A value typed
    // over a formula that shows a wrong number is one issue: what it shows and what is right.
    const compared = inTable && cell.col !== 1 && !fromWrong && !!right && (own || upstreamRight);
    if (compared && reportShown(ctx, sheet, row, cell.col, cell.result, label(cell.row, cell.col), 'structure', null)) {
      wrong[a1(cell.row, cell.col)] = true;
      if (actual === null) continue;
    }
    if (!own) continue;
    const problem = (value: TextKey, changed: TextKey) => (actual === null ? message(value) : message(changed, { formula: shorten(actual) }));
    ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', sheet: sheet.name, cell: address, message: inTable
      ? message('rule.summaryFormula', { cell: address, what: label(cell.row, cell.col), problem: problem('rule.summaryFormula.value', COPY_FORMULA.test(cell.formula!) ? 'rule.summaryFormula.changed' : 'rule.summaryFormula.edited') })
      : message('rule.summaryLine', { cell: address, line: shorten(plannedText(cell), 40), problem: problem('rule.summaryLine.value', 'rule.summaryLine.changed') }) });
  }
}

function plannedText(cell: CellPlan): string {
  return cellText((cell.result !== undefined ? cell.result : cell.value) as CellValue);
}

/**
 * The first row of the table whose label stands on another row than planned (rows inserted, deleted
 * or sorted inside it), or null. A label found nowhere was edited: its cell says so.
 */
function movedRow(sheet: SheetGrid, planned: SheetPlan, header: number): { label: string; row: number; planned: number } | null {
  const offset = header - SUMMARY_HEADER_ROW;
  const rowOf = rowsByLabel(sheet, header, 1);
  for (const cell of planned.cells) {
    if (cell.col !== 1 || cell.row <= SUMMARY_HEADER_ROW || !cell.formula) continue;
    const text = plannedText(cell);
    const row = rowOf[text];
    if (row !== undefined && row !== cell.row + offset) return { label: text, row, planned: cell.row + offset };
  }
  return null;
}

/** The rows below the header by the label they show in column `col` (the topmost for a label shown twice). */
function rowsByLabel(sheet: SheetGrid, header: number, col: number): Record<string, number> {
  const rowOf: Record<string, number> = {};
  for (let r = sheet.values.length - 1; r > header; r--) {
    const text = cellText(cellAt(sheet, r, col));
    if (text) rowOf[text] = r;
  }
  return rowOf;
}

/** A formula that copies one cell of another sheet, as Tổng hợp copies Chấm điểm's figures. */
const COPY_FORMULA = /^=?'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+$/;

/**
 * The figures Tổng hợp copies from Chấm điểm (each domain's points, the total, the index, the
 * classification), whose meaning every version of cchc shares, each found by its row's label and its
 * column's header: used when the table's rows or formulas may stand otherwise than planned (made by
 * another version, rows inserted or sorted), so its cells are not compared one by one.
 */
function figuresByLabel(ctx: CheckContext, sheet: SheetGrid, planned: SheetPlan, header: number, label: (row: number, col: number) => Message): void {
  const colOf: Record<number, number> = {};
  for (const head of planned.cells) {
    if (head.row !== SUMMARY_HEADER_ROW || typeof head.value !== 'string') continue;
    const width = sheet.values[header] ? sheet.values[header].length : 0;
    for (let c = 0; c < width; c++) if (cellText(cellAt(sheet, header, c)) === head.value) colOf[head.col] = c;
  }
  // The header row was found with the labels' header in its place: colOf[1] is there.
  const rowOf = rowsByLabel(sheet, header, colOf[1]);
  for (const cell of comparedSummaryCells(planned)) {
    // Cells above the table have no row found by label, and a label copied is its own row's label.
    if (!COPY_FORMULA.test(cell.formula!)) continue;
    const rowLabel = planned.cells.filter((c) => c.row === cell.row && c.col === 1)[0];
    const row = rowLabel ? rowOf[plannedText(rowLabel)] : undefined;
    const col = colOf[cell.col];
    if (row !== undefined && col !== undefined) reportShown(ctx, sheet, row, col, cell.result, label(cell.row, cell.col), 'structure', null);
  }
}

export const shownRules: Rule[] = [
  {
    id: 'shown-differs',
    run(ctx) {
      summaryShown(ctx, ctx.grids.calculated ? scoringShown(ctx) : null);
    },
  },
];

// Checks of the bonus and deduction rows (extras.ts): their caps, and the formulas that tie the groups
// into TỔNG ĐIỂM. Their entries are judged with the tree's leaves (entry-rules.ts).
import { sameRows, sumFormulaRows } from '../model/formula';
import { ScoringRead } from '../sheets/scoring/read';
import { Message } from '../model/errors';
import { a1, cellAt, cellText, formulaAt, parseA1 } from '../model/grid';
import { ExtraKind, extraLists, splitTotalFormula } from '../sheets/scoring/extras';
import { pointsEqual } from '../model/points';
import { CheckContext, Rule } from './contract';
import { reportStretched } from './row-rules';
import { message, points, shorten } from '../text/catalogue';

const KIND_NAME: Record<ExtraKind, Message> = {
  bonus: message('rule.extra.bonus'),
  deduction: message('rule.extra.deduction'),
};

/** The caps written on the item rows, and the SUM of each group row. */
export const extraSheetRules: Rule[] = [
  {
    id: 'max-altered',
    run(ctx) {
      const { read } = ctx;
      const maxCol = read.columns.max!;
      for (const g of extraLists(read.meta.set)) {
        for (const item of g.items) {
          const row = read.rowOf[item.code];
          if (row === undefined) continue;
          const v = cellAt(read.sheet, row, maxCol);
          if (typeof v === 'number' && pointsEqual(v, item.max)) continue;
          ctx.report({ severity: 'error', rule: 'max-altered', code: item.code, column: 'max', cell: a1(row, maxCol), message: message('rule.extra.capChangedSetSays', { shown: typeof v === 'number' ? points(v) : cellText(v) || message('rule.blank'), max: points(item.max) }) });
        }
      }
    },
  },
  {
    id: 'formula-altered',
    run(ctx) {
      const { read } = ctx;
      for (const g of extraLists(read.meta.set)) {
        const row = read.markers[g.kind];
        if (row === undefined) {
          ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: null, message: message('rule.extra.rowMissingDeletedRebuild', { kind: { vi: KIND_NAME[g.kind].vi.toUpperCase(), en: KIND_NAME[g.kind].en.toUpperCase() } }) });
          continue;
        }
        const itemRows = g.items.map((i) => read.rowOf[i.code]).filter((r): r is number => r !== undefined);
        for (const column of ctx.scoreColumns) {
          const col = read.columns[column]!;
          const formula = formulaAt(read.sheet, row, col);
          const rows = formula ? sumFormulaRows(formula, col) : null;
          if (rows && sameRows(rows.filter((r) => read.codeRows[r] !== undefined), itemRows)) {
            reportStretched(ctx, column, null, a1(row, col), col, rows, message('rule.groupCell', { what: { vi: KIND_NAME[g.kind].vi.toLowerCase(), en: KIND_NAME[g.kind].en.toLowerCase() } }));
            continue;
          }
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column, cell: a1(row, col), message: message('rule.extra.subtotalLongerAddsExactly', { kind: { vi: KIND_NAME[g.kind].vi.toLowerCase(), en: KIND_NAME[g.kind].en.toLowerCase() }, row: a1(row, col) }) });
        }
      }
    },
  },
];

/**
 * The rows TỔNG ĐIỂM's SUM adds in its column, when the formula with extras keeps its planned shape
 * (MAX(0, SUM(…) + bonus row − deduction row), each reference this column's group row, a group the set
 * lacks left out); null otherwise. One reading for the formula guard and the shown-value check.
 */
export function totalSumRows(read: ScoringRead, formula: string | null, col: number): number[] | null {
  const parts = formula ? splitTotalFormula(formula) : null;
  if (!parts) return null;
  const rowOf = (ref: string | null) => {
    const at = ref ? parseA1(ref) : null;
    return at && at.col === col ? at.row : null;
  };
  const wanted = (kind: ExtraKind) => {
    const row = read.markers[kind];
    return row !== undefined && extraLists(read.meta.set).some((g) => g.kind === kind) ? row : null;
  };
  if (rowOf(parts.bonus) !== wanted('bonus') || rowOf(parts.deduction) !== wanted('deduction')) return null;
  return sumFormulaRows(parts.sum, col);
}

/**
 * TỔNG ĐIỂM when the set has extras: MAX(0, SUM(domains) + bonus row − deduction row), each reference in
 * the same column; reported when the formula lost that shape.
 */
export function checkTotalWithExtras(ctx: CheckContext, column: 'self' | 'appraisal', totalRow: number, col: number, domainRows: number[]): void {
  const { read } = ctx;
  const cell = a1(totalRow, col);
  const formula = formulaAt(read.sheet, totalRow, col);
  const rows = totalSumRows(read, formula, col);
  if (rows && sameRows(rows.filter((r) => read.codeRows[r] !== undefined), domainRows)) {
    reportStretched(ctx, column, null, cell, col, rows, message('rule.totalCell'));
    return;
  }
  ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column, cell, message: formula ? message('rule.extra.totalCellHoldsWhich', { cell, formula: shorten(formula) }) : message('rule.extra.totalCellLongerHolds', { cell }) });
}

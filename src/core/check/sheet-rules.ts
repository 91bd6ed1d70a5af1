// Rules on the sheet's structure: rows missing, duplicated or unknown, and subtotal or total formulas
// that no longer add exactly what they should (row-rules.ts: rows without a code, rows out of line).

import { Message } from '../model/errors';
import { a1, formulaAt } from '../model/grid';
import { message, shorten } from '../text/catalogue';
import { ColumnRole, columnSpec } from '../model/layout';
import { sumFormulaRows } from '../model/formula';
import { hasExtras } from '../sheets/scoring/extras';
import { checkTotalWithExtras } from './extra-rules';
import { CheckContext, Rule } from './contract';
import { reportStretched } from './row-rules';

/** Sheet rules: structure (rows missing, duplicated, unknown) and the subtotal and total formulas. */
export const sheetRules: Rule[] = [
  {
    id: 'structure',
    run(ctx) {
      const { read } = ctx;
      const codeCol = read.columns.code!;
      for (const code of read.missing) {
        ctx.report({ severity: 'error', rule: 'structure', code, column: 'structure', cell: null, message: message('rule.sheet.rowCriterionMissingDeleted', { code }) });
      }
      for (const d of read.duplicates) {
        ctx.report({ severity: 'error', rule: 'structure', code: d.code, column: 'structure', cell: a1(d.rows[1], codeCol), message: message('rule.sheet.criterionAppearsTimesRows', { code: d.code, length: d.rows.length, value: d.rows.map((r) => r + 1).join(', ') }) });
      }
      for (const u of read.unknown) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: a1(u.row, codeCol), message: message('rule.sheet.rowCodeWhichCriteria', { value: u.row + 1, text: shorten(u.text, 30) }) });
      }
      const missingColumns = (['name', 'check'] as ColumnRole[]).concat(read.meta.appraisal ? ['appraisal' as ColumnRole] : [])
        .filter((role) => read.columns[role] === undefined);
      for (const role of missingColumns) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: null, message: message('rule.sheet.columnMissingSheet', { column: columnSpec(role).header, name: read.sheet.name }) });
      }
    },
  },
  {
    id: 'formula-altered',
    run(ctx) {
      const { read } = ctx;
      const totalRow = read.markers.total;
      // Once for the sheet, not once per score column.
      if (totalRow === undefined) ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', cell: null, message: message('rule.sheet.totalRowMissingDeleted') });
      const domainRows = read.meta.set.nodes.map((n) => read.rowOf[n.code]).filter((r): r is number => r !== undefined);
      for (const column of ctx.scoreColumns) {
        const col = read.columns[column]!;
        for (const node of ctx.flat) {
          if (node.leaf) continue;
          const row = read.rowOf[node.code];
          if (row === undefined) continue;
          const childRows = node.childCodes.map((c) => read.rowOf[c]).filter((r): r is number => r !== undefined);
          checkSumFormula(ctx, column, node.code, row, col, childRows);
        }
        if (totalRow !== undefined && hasExtras(read.meta.set)) checkTotalWithExtras(ctx, column, totalRow, col, domainRows);
        else if (totalRow !== undefined) checkSumFormula(ctx, column, null, totalRow, col, domainRows);
        for (const marker of ['applicableMax', 'index'] as const) {
          const row = read.markers[marker];
          if (row === undefined || formulaAt(read.sheet, row, col)) continue;
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column, cell: a1(row, col), message: message('rule.sheet.cellLongerHoldsFormula', { row: a1(row, col), what: message(marker === 'index' ? 'rule.what.index' : 'rule.what.applicable') }) });
        }
      }
    },
  },
];

/**
 * A subtotal must SUM exactly its children's cells: another criterion's row inside it, or a child left
 * out, is an error; a range stretched over a row without a code (Excel stretches it when a row is
 * inserted inside) is reported too — an error when that row holds a number, a warning while it is empty.
 */
export function checkSumFormula(ctx: CheckContext, column: 'self' | 'appraisal', code: string | null, row: number, col: number, childRows: number[]): void {
  const { read } = ctx;
  const cell = a1(row, col);
  const formula = formulaAt(read.sheet, row, col);
  const what: Message = code ? message('rule.subtotalOf', { code }) : message('rule.totalCell');
  if (!formula) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: message('rule.sheet.longerHoldsFormulaValue', { what, cell }) });
    return;
  }
  const rows = sumFormulaRows(formula, col);
  const covered: Record<number, boolean> = {};
  const childSet: Record<number, boolean> = {};
  childRows.forEach((r) => (childSet[r] = true));
  if (rows) rows.forEach((r) => (covered[r] = true));
  const missingChild = childRows.some((r) => !covered[r]);
  const foreign = !!rows && rows.some((r) => !childSet[r] && read.codeRows[r] !== undefined);
  if (!rows || missingChild || foreign) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: message('rule.sheet.holdsWhichLongerAdds', { what, cell, formula: shorten(formula) }) });
    return;
  }
  reportStretched(ctx, column, code, cell, col, rows!, what);
}

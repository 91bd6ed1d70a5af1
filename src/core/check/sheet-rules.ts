// Rules on the sheet's structure: rows missing, duplicated or unknown, and subtotal or total formulas
// that no longer add exactly what they should (row-rules.ts: rows without a code, rows out of line).

import { Message } from '../model/errors';
import { a1, formulaAt } from '../model/grid';
import { message } from '../text/catalogue';
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
        ctx.report({ severity: 'error', rule: 'structure', code, column: 'structure', cell: null, message: {
          vi: `Thiếu dòng của tiêu chí ${code}: dòng đã bị xóa hoặc mã ở cột ẩn "Mã" đã bị sửa. Hãy khôi phục dòng (Ctrl+Z) hoặc tạo lại bảng ("cchc build --from").`,
          en: `The row of criterion ${code} is missing: it was deleted or its hidden "Code" cell was changed. Restore it (Ctrl+Z) or rebuild the workbook ("cchc build --from").`,
        } });
      }
      for (const d of read.duplicates) {
        ctx.report({ severity: 'error', rule: 'structure', code: d.code, column: 'structure', cell: a1(d.rows[1], codeCol), message: {
          vi: `Tiêu chí ${d.code} xuất hiện ${d.rows.length} lần (dòng ${d.rows.map((r) => r + 1).join(', ')}): chỉ giữ một dòng.`,
          en: `Criterion ${d.code} appears ${d.rows.length} times (rows ${d.rows.map((r) => r + 1).join(', ')}): keep only one.`,
        } });
      }
      for (const u of read.unknown) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: a1(u.row, codeCol), message: {
          vi: `Dòng ${u.row + 1} có mã "${u.text.slice(0, 30)}" không thuộc bộ tiêu chí.`,
          en: `Row ${u.row + 1} has the code "${u.text.slice(0, 30)}", which is not in the criteria set.`,
        } });
      }
      const missingColumns = (['name', 'check'] as ColumnRole[]).concat(read.meta.appraisal ? ['appraisal' as ColumnRole] : [])
        .filter((role) => read.columns[role] === undefined);
      for (const role of missingColumns) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: null, message: {
          vi: `Thiếu cột "${columnSpec(role).header.vi}" trên trang ${read.sheet.name}.`,
          en: `The "${columnSpec(role).header.en}" column is missing on sheet ${read.sheet.name}.`,
        } });
      }
    },
  },
  {
    id: 'formula-altered',
    run(ctx) {
      const { read } = ctx;
      for (const column of ctx.scoreColumns) {
        const col = read.columns[column];
        if (col === undefined) continue;
        for (const node of ctx.flat) {
          if (node.leaf) continue;
          const row = read.rowOf[node.code];
          if (row === undefined) continue;
          const childRows = node.childCodes.map((c) => read.rowOf[c]).filter((r): r is number => r !== undefined);
          checkSumFormula(ctx, column, node.code, row, col, childRows);
        }
        const totalRow = read.markers.total;
        if (totalRow === undefined) {
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', cell: null, message: {
            vi: 'Không tìm thấy dòng TỔNG ĐIỂM: dòng tổng đã bị xóa. Hãy tạo lại bảng ("cchc build --from").',
            en: 'The TOTAL row is missing: it was deleted. Rebuild the workbook ("cchc build --from").',
          } });
        } else {
          const domainRows = ctx.flat.filter((n) => n.depth === 0).map((n) => read.rowOf[n.code]).filter((r): r is number => r !== undefined);
          if (hasExtras(read.meta.set)) checkTotalWithExtras(ctx, column, totalRow, col, domainRows);
          else checkSumFormula(ctx, column, null, totalRow, col, domainRows);
        }
        for (const marker of ['applicableMax', 'index'] as const) {
          const row = read.markers[marker];
          if (row === undefined || formulaAt(read.sheet, row, col)) continue;
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column, cell: a1(row, col), message: {
            vi: `Ô ${a1(row, col)} (${marker === 'index' ? 'chỉ số' : 'điểm tối đa áp dụng'}) không còn là công thức.`,
            en: `Cell ${a1(row, col)} (${marker === 'index' ? 'index' : 'applicable maximum'}) no longer holds its formula.`,
          } });
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
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: {
      vi: `${what.vi} (${cell}) không còn là công thức (đã bị ghi đè bằng giá trị): tổng sẽ không tự cập nhật. Hãy tạo lại bảng ("cchc build --from") để khôi phục công thức.`,
      en: `${what.en} (${cell}) no longer holds a formula (a value was typed or pasted over it): it will not update. Rebuild the workbook ("cchc build --from") to restore it.`,
    } });
    return;
  }
  const rows = sumFormulaRows(formula, col);
  const covered: Record<number, boolean> = {};
  (rows || []).forEach((r) => (covered[r] = true));
  const childSet: Record<number, boolean> = {};
  childRows.forEach((r) => (childSet[r] = true));
  const missingChild = childRows.some((r) => !covered[r]);
  const foreign = (rows || []).some((r) => !childSet[r] && read.codeRows[r] !== undefined);
  if (rows === null || missingChild || foreign) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: {
      vi: `${what.vi} (${cell}) có công thức "=${formula.slice(0, 60)}" không còn cộng đúng các mục con. Hãy tạo lại bảng ("cchc build --from") để khôi phục công thức.`,
      en: `${what.en} (${cell}) holds "=${formula.slice(0, 60)}", which no longer adds exactly its children. Rebuild the workbook ("cchc build --from") to restore it.`,
    } });
    return;
  }
  reportStretched(ctx, column, code, cell, col, rows, what);
}

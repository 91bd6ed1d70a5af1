// Every row of the scoring table is accounted for, and each criterion row still says what its code
// is: rows without a code that hold something (inserted rows, rows typed above TỔNG ĐIỂM), criterion
// rows whose name and maximum no longer match their code (moved or sorted apart from the Mã column, or
// edited), and sums stretched over an inserted row.

import { Message } from '../model/errors';
import { SheetGrid, a1, cellAt, cellText, formulaAt } from '../model/grid';
import { ROW_MARKERS } from '../model/layout';
import { parseScoreCell, pointsEqual } from '../model/points';
import { sumFormulaRows } from '../model/formula';
import { joinMessages, message, points, shorten } from '../text/catalogue';
import { ScoringRead } from '../sheets/scoring/read';
import { dateShown } from '../model/verdict';
import { CheckContext, Rule } from './contract';

/** The last row of the scoring table: the lowest of the total rows, else the last criterion row. */
export function tableEnd(read: ScoringRead): number {
  let end = read.headerRow;
  for (const k of Object.keys(read.markers) as Array<keyof typeof ROW_MARKERS>) end = Math.max(end, read.markers[k] as number);
  for (const row of Object.keys(read.codeRows)) end = Math.max(end, Number(row));
  return end;
}

/** Rows between the header and the end of the table whose Mã cell is blank. */
export function codelessRows(read: ScoringRead): number[] {
  const out: number[] = [];
  const codeCol = read.columns.code!;
  const end = tableEnd(read);
  for (let r = read.headerRow + 1; r <= end; r++) if (!cellText(cellAt(read.sheet, r, codeCol))) out.push(r);
  return out;
}

/** The rows a column's SUM formulas add (subtotals, group rows, TỔNG ĐIỂM). */
export function summedRows(sheet: SheetGrid, col: number, formulaRows: number[]): Record<number, boolean> {
  const out: Record<number, boolean> = {};
  for (const row of formulaRows) {
    const formula = formulaAt(sheet, row, col);
    const sum = formula ? /SUM\(.*\)/i.exec(formula) : null;
    const rows = sum ? sumFormulaRows(sum[0], col) : null;
    if (rows) rows.forEach((r) => (out[r] = true));
  }
  return out;
}

/** Rows whose formulas sum a column: the tree's parents, the bonus and deduction rows, TỔNG ĐIỂM. */
export function sumRows(ctx: CheckContext): number[] {
  const { read } = ctx;
  const rows = ctx.flat.filter((n) => !n.leaf).map((n) => read.rowOf[n.code]).filter((r): r is number => r !== undefined);
  for (const k of ['bonus', 'deduction', 'total'] as const) if (read.markers[k] !== undefined) rows.push(read.markers[k]!);
  return rows;
}

/** A name as people read it: what the cell shows (cellText), its runs of spaces as one. */
function clean(text: string): string {
  return cellText(text).replace(/\s+/g, ' ');
}

export const rowRules: Rule[] = [
  {
    id: 'unknown-row',
    run(ctx) {
      const { read } = ctx;
      const numberRoles = (['max'] as Array<'max' | 'self' | 'appraisal'>).concat(ctx.scoreColumns);
      // The score columns' sums (the maximum column is not summed: a maximum there is counted by nobody).
      const summed: Partial<Record<'max' | 'self' | 'appraisal', Record<number, boolean>>> = {};
      const formulaRows = sumRows(ctx);
      for (const column of ctx.scoreColumns) summed[column] = summedRows(read.sheet, read.columns[column]!, formulaRows);
      // The Kiểm tra and Mã cells are the tool's own.
      const own = [read.columns.check, read.columns.code];
      for (const row of codelessRows(read)) {
        let reported = false;
        for (const role of numberRoles) {
          const col = read.columns[role]!;
          const p = parseScoreCell(cellAt(read.sheet, row, col));
          if (p.kind !== 'number' && p.kind !== 'date') continue;
          const counted = !!summed[role] && summed[role]![row];
          ctx.report({ severity: 'error', rule: 'unknown-row', code: null, column: role, cell: a1(row, col), message: message(p.kind === 'number' ? 'rule.unknownRow.number' : 'rule.unknownRow.date', {
            row: row + 1, cell: a1(row, col), value: p.kind === 'number' ? points(p.value) : dateShown(p),
            counted: message(counted ? 'rule.unknownRow.counted' : 'rule.unknownRow.lost'),
          }) });
          reported = true;
        }
        if (reported) continue;
        const values = read.sheet.values[row] || [];
        // The first cell people wrote in (no findIndex: the pane runs in Internet Explorer 11 too).
        let c = 0;
        while (c < values.length && !(cellText(values[c]) && own.indexOf(c) < 0 && !formulaAt(read.sheet, row, c))) c++;
        if (c === values.length) continue;
        ctx.report({ severity: 'warning', rule: 'unknown-row', code: null, column: 'structure', cell: a1(row, c), message: message('rule.unknownRow.text', { row: row + 1, text: shorten(cellText(values[c]), 40) }) });
      }
    },
  },
  {
    id: 'rows-out-of-line',
    run(ctx) {
      const { read } = ctx;
      const nameCol = read.columns.name;
      const maxCol = read.columns.max!;
      // The code that carries each name.
      const ownerOf: Record<string, string> = {};
      const nameOf: Record<string, string> = {};
      for (const n of ctx.flat) ownerOf[(nameOf[n.code] = clean(n.node.name))] = n.code;
      const apart: Array<{ row: number; code: string; owner: string }> = [];
      for (const node of ctx.flat) {
        const row = read.rowOf[node.code];
        if (row === undefined) continue;
        // Without a name column (reported by the structure rule) only the maximum is compared.
        const shownName = nameCol === undefined ? nameOf[node.code] : clean(cellText(cellAt(read.sheet, row, nameCol)));
        const nameOk = shownName === nameOf[node.code];
        const v = cellAt(read.sheet, row, maxCol);
        const maxOk = typeof v === 'number' && pointsEqual(v, node.node.max);
        if (nameOk && maxOk) continue;
        const owner = nameOk ? undefined : ownerOf[shownName];
        if (owner) {
          apart.push({ row, code: node.code, owner });
          continue;
        }
        if (!nameOk) {
          ctx.report({ severity: 'warning', rule: 'name-altered', code: node.code, column: 'structure', cell: a1(row, nameCol!), message: message('rule.nameAltered', { shown: shownName ? shorten(shownName) : message('rule.blank'), name: node.node.name }) });
        }
        if (!maxOk) {
          const shown: Message = typeof v === 'number' ? points(v) : cellText(v) ? { vi: cellText(v), en: cellText(v) } : message('rule.blank');
          ctx.report({ severity: 'error', rule: 'max-altered', code: node.code, column: 'max', cell: a1(row, maxCol), message: message('rule.maxAltered', { shown, max: points(node.node.max) }) });
        }
      }
      if (!apart.length) return;
      apart.sort((a, b) => a.row - b.row);
      const details = apart.slice(0, 3).map((a) => message('rule.rowOutOfLine', { row: a.row + 1, code: a.code, owner: a.owner }));
      const joined = joinMessages(apart.length > 3 ? details.concat({ vi: '…', en: '…' }) : details, '; ');
      const rows = apart.slice(0, 8).map((a) => String(a.row + 1)).join(', ') + (apart.length > 8 ? ', …' : '');
      ctx.report({ severity: 'error', rule: 'rows-out-of-line', code: null, column: 'structure', cell: a1(apart[0].row, nameCol!), message: message('rule.rowsOutOfLine', { rows, details: joined }) });
    },
  },
];

/** A SUM range that also covers rows without a code (rows inserted inside it). */
export function reportStretched(ctx: CheckContext, column: 'self' | 'appraisal', code: string | null, cell: string, col: number, rows: number[], what: Message): void {
  const { read } = ctx;
  // Criterion rows, total rows and rows of unknown codes (the structure rule's) all have a Mã.
  const stray = rows.filter((r) => !isCodedRow(ctx, r));
  if (!stray.length) return;
  const holdsNumber = stray.some((r) => typeof cellAt(read.sheet, r, col) === 'number');
  ctx.report({
    severity: holdsNumber ? 'error' : 'warning', rule: 'formula-altered', code, column, cell,
    message: message('rule.sumStretched', { what, cell, rows: stray.map((r) => r + 1).join(', ') }),
  });
}

/** A row with text in its Mã cell (an unknown code is reported by the structure rule, not here). */
function isCodedRow(ctx: CheckContext, row: number): boolean {
  return !!cellText(cellAt(ctx.read.sheet, row, ctx.read.columns.code!));
}

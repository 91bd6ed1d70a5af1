// Test helpers: a small criteria set, a built workbook as grids, and edits a person would make.

import { CriteriaSet } from '../../src/core/model/criteria';
import { CellValue, WorkbookGrids, SheetGrid } from '../../src/core/model/grid';
import { ColumnRole, SHEETS } from '../../src/core/model/layout';
import { planToGrids } from '../../src/core/model/plan';
import { buildWorkbookPlan } from '../../src/core/sheets/workbook';
import { scoringGeometry } from '../../src/core/sheets/scoring/geometry';
import { parseCriteriaSet } from '../../src/core/model/criteria-parse';

export const SMALL_SET_RAW = {
  id: 'test-set',
  title: 'Bộ tiêu chí thử',
  status: 'reference',
  nodes: [
    {
      code: '1', stt: 'I', name: 'Công tác lãnh đạo, chỉ đạo', max: 3,
      children: [
        {
          code: '1.1', stt: '1', name: 'Kế hoạch CCHC', max: 2,
          children: [
            { code: '1.1.1', stt: '1.1', name: 'Ban hành kế hoạch', max: 1, method: 'Đúng hạn: 1 điểm; chậm: 0,5 điểm', levels: [0, 0.5, 1] },
            { code: '1.1.2', stt: '1.2', name: 'Mức độ hoàn thành', max: 1, method: '100%: 1 điểm; 80%: 0,75 điểm', levels: [0, 0.25, 0.5, 0.75, 1] },
          ],
        },
        { code: '1.2', stt: '2', name: 'Báo cáo CCHC', max: 1, method: 'Đủ: 1 điểm' },
      ],
    },
    {
      code: '2', stt: 'II', name: 'Cải cách thủ tục hành chính', max: 2,
      children: [
        {
          code: '2.1', stt: '1', name: 'Công khai TTHC', max: 2,
          children: [
            { code: '2.1.1', stt: '1.1', name: 'Niêm yết', max: 0.5, levels: [0, 0.5] },
            { code: '2.1.2', stt: '1.2', name: 'Cổng dịch vụ công', max: 1.5, levels: [0, 0.5, 1, 1.5] },
          ],
        },
      ],
    },
  ],
};

export function smallSet(): CriteriaSet {
  const { set, problems } = parseCriteriaSet(JSON.parse(JSON.stringify(SMALL_SET_RAW)));
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}

export interface BuiltGrids {
  grids: WorkbookGrids;
  sheet: SheetGrid;
  rowOf: Record<string, number>;
  col: Partial<Record<ColumnRole, number>>;
  totalRow: number;
}

// Planning a workbook takes most of a small test's time; each set is planned once, and every test
// gets its own copy of the grids to edit.
const planned: Record<string, WorkbookGrids> = {};

function copyOf(grids: WorkbookGrids): WorkbookGrids {
  const rows = <T>(grid: T[][]) => grid.map((row) => (row ? row.slice() : row));
  return { ...grids, sheets: grids.sheets.map((s) => ({ ...s, values: rows(s.values), formulas: rows(s.formulas), hyperlinks: rows(s.hyperlinks), merges: s.merges.slice() })) };
}

export function builtGrids(set: CriteriaSet = smallSet(), appraisal = false): BuiltGrids {
  const key = JSON.stringify(set) + appraisal;
  if (!planned[key]) planned[key] = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal }));
  const grids = copyOf(planned[key]);
  const g = scoringGeometry(set, appraisal);
  const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
  return { grids, sheet, rowOf: g.rowOf, col: g.layout.col, totalRow: g.totalRow };
}

export function setCell(sheet: SheetGrid, row: number, col: number, value: CellValue, formula: string | null = null): void {
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) {
    while (grid.length <= row) grid.push([]);
  }
  sheet.values[row][col] = value;
  sheet.formulas[row][col] = formula;
}

/** Enters scores (or any cell content) in a score column, as a person would type them. */
export function enter(b: BuiltGrids, scores: Record<string, CellValue>, column: 'self' | 'appraisal' = 'self'): BuiltGrids {
  for (const code of Object.keys(scores)) setCell(b.sheet, b.rowOf[code], b.col[column]!, scores[code]);
  return b;
}

/** Moves one A1 reference's row as inserting a row before `at` (0-based) does: rows from `at` on go down one. */
function shiftRef(ref: string, at: number): string {
  const m = /^(\$?[A-Z]{1,3}\$?)(\d+)$/.exec(ref);
  if (!m) return ref;
  const row = Number(m[2]) - 1;
  return m[1] + String(row >= at ? row + 2 : row + 1);
}

/**
 * Inserts an empty row before row `at` (0-based) of the scoring sheet, as Excel or LibreOffice do:
 * the rows below move down, and every reference to them moves too — on the sheet itself and from
 * other sheets ('Chấm điểm'!E12) — so a SUM range that spans the new row stretches over it.
 */
export function insertRow(b: BuiltGrids, at: number): BuiltGrids {
  const scoring = b.sheet.name;
  const quoted = "'" + scoring.replace(/'/g, "''") + "'!";
  const refs = /((?:'[^']+'!)?)(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;
  for (const sheet of b.grids.sheets) {
    sheet.formulas = sheet.formulas.map((row) => (row || []).map((f) => {
      if (!f) return f;
      return f.replace(/"(?:[^"]|"")*"|[^"]+/g, (part) => (part.startsWith('"') ? part : part.replace(refs, (whole: string, prefix: string, from: string, to?: string) => {
        const here = prefix === '' ? sheet === b.sheet : prefix === quoted;
        if (!here) return whole;
        return prefix + shiftRef(from, at) + (to ? ':' + shiftRef(to, at) : '');
      })));
    }));
  }
  for (const grid of [b.sheet.values, b.sheet.formulas, b.sheet.hyperlinks] as unknown[][][]) grid.splice(at, 0, []);
  for (const code of Object.keys(b.rowOf)) if (b.rowOf[code] >= at) b.rowOf[code]++;
  if (b.totalRow >= at) b.totalRow++;
  return b;
}

// Workbooks people changed: each edit is either read correctly or reported precisely (the rule, the
// code, the cell), never a crash. Edits are applied to the grids the way Excel applies them (inserting
// a row moves the references below it), then, for what only a file shows, to real .xlsx files.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/check/check';
import { CellValue, SheetGrid, WorkbookGrids } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { recalculate } from './libreoffice';
import { smallSet } from './helpers/scoring';
import { FileReport } from '../src/core/check/report';

const SCORES: Record<string, CellValue> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 'KAD', '2.1.1': 0.5, '2.1.2': 1.5 };

/** The workbook being edited: Excel moves the references other sheets make to the edited sheet too. */
let workbook: WorkbookGrids | null = null;

function filled(): { grids: WorkbookGrids; sheet: SheetGrid } {
  const entries: Record<string, { values: { self: CellValue } }> = {};
  for (const code of Object.keys(SCORES)) entries[code] = { values: { self: SCORES[code] } };
  const grids = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries }));
  // Rows and columns inserted or deleted below move the references Tổng hợp makes to them, as in Excel.
  workbook = grids;
  return { grids, sheet: grids.sheets.filter((s) => s.name === SHEETS.scoring)[0] };
}

const BASELINE = checkWorkbook(filled().grids);

interface Ref {
  colAnchor: string;
  col: number;
  rowAnchor: string;
  row: number;
}

const REF = /(\$?)([A-Z]{1,3})(\$?)(\d+)/;

function parseRef(text: string): Ref {
  const m = REF.exec(text)!;
  let col = 0;
  for (const ch of m[2]) col = col * 26 + ch.charCodeAt(0) - 64;
  return { colAnchor: m[1], col: col - 1, rowAnchor: m[3], row: Number(m[4]) - 1 };
}

function refText(r: Ref): string {
  let name = '';
  for (let n = r.col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return r.colAnchor + name + r.rowAnchor + (r.row + 1);
}

/**
 * This sheet's references after a row or column is inserted before `at` (delta 1) or deleted at `at`
 * (delta -1), as Excel rewrites them: ranges grow or shrink, a reference to a deleted cell becomes
 * #REF!. References qualified by a sheet name point elsewhere and stay.
 */
function moveReferences(formula: string, axis: 'row' | 'col', at: number, delta: 1 | -1, edited: string | null = null): string {
  return formula.replace(/('(?:[^']|'')*'|[A-Za-z0-9_.]+)!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?|(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g,
    (whole: string, qualifier: string | undefined, qFirst: string | undefined, qLast: string | undefined, own: string | undefined, ownLast: string | undefined) => {
      // From another sheet, only references to the edited sheet move; on the edited sheet, only its own.
      const named = qualifier !== undefined && edited !== null && (qualifier === edited || qualifier === "'" + edited.replace(/'/g, "''") + "'");
      if (qualifier !== undefined && !named) return whole;
      if (qualifier === undefined && edited !== null) return whole;
      const first = named ? qFirst! : own!;
      const last = named ? qLast : ownLast;
      const prefix = named ? qualifier + '!' : '';
      const a = parseRef(first);
      const b = last ? parseRef(last) : null;
      const move = (r: Ref, end: boolean) => {
        const v = r[axis];
        if (delta === 1 && v >= at) r[axis] = v + 1;
        if (delta === -1 && (v > at || (end && v === at))) r[axis] = v - 1;
      };
      if (delta === -1 && a[axis] === at && (!b || b[axis] === at)) return '#REF!';
      move(a, false);
      if (!b) return prefix + refText(a);
      move(b, true);
      return prefix + refText(a) + ':' + refText(b);
    });
}


function allFormulas(sheet: SheetGrid, edit: (f: string, edited: string | null) => string): void {
  sheet.formulas.forEach((row) => row.forEach((f, c) => { if (f) row[c] = edit(f, null); }));
  for (const other of workbook ? workbook.sheets.filter((s) => s !== sheet) : []) {
    other.formulas.forEach((row) => (row || []).forEach((f, c) => { if (f) row[c] = edit(f, sheet.name); }));
  }
}

function insertRow(sheet: SheetGrid, at: number): void {
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) grid.splice(at, 0, []);
  allFormulas(sheet, (f, edited) => moveReferences(f, 'row', at, 1, edited));
}

function deleteRow(sheet: SheetGrid, at: number): void {
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) grid.splice(at, 1);
  allFormulas(sheet, (f, edited) => moveReferences(f, 'row', at, -1, edited));
}

function insertColumn(sheet: SheetGrid, at: number, header: string, headerRow: number): void {
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) for (const row of grid) if (row.length > at) row.splice(at, 0, null);
  sheet.values[headerRow][at] = header;
  allFormulas(sheet, (f, edited) => moveReferences(f, 'col', at, 1, edited));
}

function deleteColumn(sheet: SheetGrid, at: number): void {
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) for (const row of grid) row.splice(at, 1);
  allFormulas(sheet, (f, edited) => moveReferences(f, 'col', at, -1, edited));
}

function column(sheet: SheetGrid, header: string): number {
  for (const row of sheet.values) {
    const c = row.indexOf(header);
    if (c >= 0) return c;
  }
  throw new Error(`no column ${header}`);
}

function rowOf(sheet: SheetGrid, code: string): number {
  const c = column(sheet, 'Mã');
  return sheet.values.findIndex((r) => r[c] === code);
}

const HEADER_ROW = 7;

function rules(report: FileReport): Array<[string, string | null]> {
  return (report.issues || []).filter((i) => i.severity === 'error').map((i) => [i.rule, i.code] as [string, string | null]);
}

/** Totals and node scores as the core reads them: the part that must not change under a harmless edit. */
function scores(report: FileReport): unknown {
  return { total: { ...report.total, cells: undefined }, nodes: (report.nodes || []).map((n) => [n.code, n.self, n.notApplicable]) };
}

describe('edits that must read exactly as before', () => {
  test.each([
    { title: 'a column inserted before Điểm tối đa', edit: (s: SheetGrid) => insertColumn(s, column(s, 'Điểm tối đa'), 'Ghi chú riêng', HEADER_ROW) },
    { title: 'a column inserted before the hidden code column', edit: (s: SheetGrid) => insertColumn(s, column(s, 'Mã'), 'Người phụ trách', HEADER_ROW) },
    { title: 'the Cách chấm điểm column deleted', edit: (s: SheetGrid) => deleteColumn(s, column(s, 'Cách chấm điểm')) },
    { title: 'blank rows inserted inside the table', edit: (s: SheetGrid) => { insertRow(s, rowOf(s, '1.1.2')); insertRow(s, rowOf(s, '2.1.1')); } },
    { title: 'a row inserted inside with a note and no code', edit: (s: SheetGrid) => { const r = rowOf(s, '1.2'); insertRow(s, r); s.values[r][column(s, 'Giải trình / Ghi chú')] = 'Ghi thêm'; } },
    { title: 'rows inserted above the header', edit: (s: SheetGrid) => { insertRow(s, 2); insertRow(s, 2); } },
    { title: 'the header and table merged cells unmerged', edit: (s: SheetGrid) => { s.merges = []; } },
  ])('$title', ({ edit }) => {
    const { grids, sheet } = filled();
    edit(sheet);
    const report = checkWorkbook(grids);
    expect(report.error).toBeNull();
    expect(rules(report)).toEqual([]);
    expect(scores(report)).toEqual(scores(BASELINE));
  });

  test('the scoring and metadata sheets renamed', () => {
    const { grids, sheet } = filled();
    sheet.name = 'Cham diem (ban nop huyen)';
    // Excel renames the references other sheets make to it.
    for (const other of grids.sheets) other.formulas = other.formulas.map((row) => (row || []).map((f) => (f ? f.split("'Chấm điểm'!").join("'Cham diem (ban nop huyen)'!") : f)));
    grids.sheets.filter((s) => s.name === SHEETS.meta)[0].name = 'du lieu';
    const report = checkWorkbook(grids);
    expect(rules(report)).toEqual([]);
    expect(scores(report)).toEqual(scores(BASELINE));
  });

  test('a score cell merged with its neighbour below reads the top one; the covered leaf is blank, not an error', () => {
    const { grids, sheet } = filled();
    const self = column(sheet, 'Điểm tự chấm');
    const row = rowOf(sheet, '2.1.1');
    sheet.merges.push(`E${row + 1}:E${row + 2}`);
    sheet.values[row + 1][self] = null; // Excel keeps only the top-left value of a merge
    const report = checkWorkbook(grids);
    expect(rules(report)).toEqual([]);
    expect(report.issues!.filter((i) => i.code === '2.1.2').map((i) => i.rule)).toEqual(['missing-score']);
  });
});

describe('edits that must be reported precisely', () => {
  test('a criterion row deleted: its row is reported missing, its parent sums a deleted cell', () => {
    const { grids, sheet } = filled();
    deleteRow(sheet, rowOf(sheet, '1.2'));
    const report = checkWorkbook(grids);
    expect(rules(report)).toEqual([['formula-altered', '1'], ['structure', '1.2']]); // in tree order
    expect(report.total!.self).toBe(BASELINE.total!.self);
  });

  test('a leaf deleted from inside a range: the range shrinks, only the row is missing', () => {
    const { grids, sheet } = filled();
    deleteRow(sheet, rowOf(sheet, '1.1.2'));
    expect(rules(checkWorkbook(grids))).toEqual([['structure', '1.1.2']]);
  });

  test('a subtotal row deleted: its domain now sums a deleted cell', () => {
    const { grids, sheet } = filled();
    deleteRow(sheet, rowOf(sheet, '2.1'));
    expect(rules(checkWorkbook(grids))).toEqual(expect.arrayContaining([['structure', '2.1'], ['formula-altered', '2']]));
  });

  test('a subtotal cleared', () => {
    const { grids, sheet } = filled();
    const r = rowOf(sheet, '2.1');
    const c = column(sheet, 'Điểm tự chấm');
    sheet.values[r][c] = null;
    sheet.formulas[r][c] = null;
    const issue = checkWorkbook(grids).issues!.filter((i) => i.rule === 'formula-altered')[0];
    expect(issue).toMatchObject({ code: '2.1', cell: `E${r + 1}`, message: expect.stringMatching(/không còn là công thức/) });
  });

  test('a subtotal broken into #REF!', () => {
    const { grids, sheet } = filled();
    const r = rowOf(sheet, '1');
    const c = column(sheet, 'Điểm tự chấm');
    sheet.formulas[r][c] = 'SUM(#REF!,E13)';
    sheet.values[r][c] = '#REF!';
    const issue = checkWorkbook(grids).issues!.filter((i) => i.rule === 'formula-altered')[0];
    expect(issue).toMatchObject({ code: '1', cell: `E${r + 1}`, message: expect.stringMatching(/=SUM\(#REF!,E13\)/) });
  });

  test('a value pasted over the grand total', () => {
    const { grids, sheet } = filled();
    const r = sheet.values.findIndex((row) => row.indexOf('#TOTAL') >= 0);
    const c = column(sheet, 'Điểm tự chấm');
    sheet.formulas[r][c] = null;
    sheet.values[r][c] = 100;
    const report = checkWorkbook(grids);
    expect(rules(report)).toContainEqual(['formula-altered', null]);
    expect(report.total!.self).toBe(BASELINE.total!.self); // the core's own sum, never the pasted number
  });

  test('the Kiểm tra column deleted', () => {
    const { grids, sheet } = filled();
    deleteColumn(sheet, column(sheet, 'Kiểm tra'));
    const report = checkWorkbook(grids);
    expect(report.issues!.filter((i) => i.rule === 'structure').map((i) => i.message)).toEqual([expect.stringMatching(/Thiếu cột "Kiểm tra"/)]);
    expect(scores(report)).toEqual(scores(BASELINE));
  });

  test('the self-score or code column deleted: the sheet cannot be read, and says why', () => {
    for (const header of ['Điểm tự chấm', 'Mã']) {
      const { grids, sheet } = filled();
      deleteColumn(sheet, column(sheet, header));
      expect(checkWorkbook(grids).error).toMatch(/Không tìm thấy trang "Chấm điểm" với dòng tiêu đề/);
    }
  });
});

describe('real files', () => {
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-tolerant-'));
    file = path.join(dir, 'filled.xlsx');
    const entries: Record<string, { values: { self: CellValue } }> = {};
    for (const code of Object.keys(SCORES)) entries[code] = { values: { self: SCORES[code] } };
    await writePlanToFile(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries }), file);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('hidden rows and columns, a filter and merged cells added in a spreadsheet read as before', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    ws.getRow(HEADER_ROW + 3).hidden = true;
    ws.getColumn(4).hidden = true;
    ws.autoFilter = `A${HEADER_ROW + 1}:I${HEADER_ROW + 12}`;
    ws.mergeCells('A30:C31');
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const report = checkWorkbook(await readWorkbookGrids(edited));
    expect(rules(report)).toEqual([]);
    expect(scores(report)).toEqual(scores(BASELINE));
  });

  itIfEngine('soffice', 'a file saved by LibreOffice reads exactly as the original', async () => {
    const original = checkWorkbook(await readWorkbookGrids(file));
    const saved = checkWorkbook(await readWorkbookGrids(await recalculate(file)));
    expect(saved).toEqual(original);
  });
});

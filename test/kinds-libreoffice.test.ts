// End to end in LibreOffice (issue #14): an official-style annex with proportional, counted and
// deduction items is imported into the right kinds; the workbook is built for a commune and filled as
// a person would (typing with the Vietnamese regional format, so "1,86" is a number) and as a paste
// would (values that bypass validation), at every edge: 1,86 and 2,01 on a 2-point proportional item,
// a rate of 93%, a count over its cap and off its steps, a deduction off its steps, KAD where the set
// does not allow it for a commune, the locked cell of an item scored at appraisal. LibreOffice
// recalculates; on every score cell its Kiểm tra column and `cchc check` must say the same, and the
// totals, index and classification it shows must be the check's.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CriteriaSet, leavesOf } from '../src/core/model/criteria';
import { CellValue, SheetGrid, a1, cellAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { judge, leafScore, verdictIssue } from '../src/core/model/verdict';
import { bothCheckText } from '../src/core/model/verdict-sheet';
import { importCriteriaTable } from '../src/core/features/import/import-table';
import { checkWorkbook } from '../src/core/check/check';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { unitTypeOf } from '../src/core/model/build-options';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { describeIfEngine } from './engines';
import { UnoOp, closeEditorAfterAll, editInLibreOffice } from './helpers/uno';
import { kindsAnnexRows } from './fixtures/import/kinds-annex';
import { withBands } from './helpers/communes';
import { UPDATING_DOCS, keepForDocs } from './helpers/docs';
import { renderToPng } from './libreoffice';

/** The annex, imported as `cchc criteria import` does, with the bands a province might issue. */
function annexSet(): CriteriaSet {
  const empty = (rows: CellValue[][]) => rows.map((r) => r.map((): string | null => null));
  const rows = kindsAnnexRows();
  const result = importCriteriaTable({ name: 'Phụ lục', visibility: 'visible', values: rows, formulas: empty(rows), hyperlinks: empty(rows), merges: [] }, { id: 'phu-luc-2025' });
  if (!result.set) throw new Error(result.problems.map((p) => p.message.en).join('; '));
  return withBands(result.set, [{ min: 90, label: 'Tốt' }, { min: 70, label: 'Khá' }, { min: 0, label: 'Chưa đạt' }]);
}

/**
 * Every score cell of a recalculated workbook: what LibreOffice's Kiểm tra shows against the verdict
 * the core gives the same values, and the rule `cchc check` reports there against that verdict's.
 * Then the totals, index and classification LibreOffice shows against the check's.
 */
async function disagreements(file: string): Promise<string[]> {
  const grids = await readWorkbookGrids(file);
  const read = readScoring(grids);
  const report = checkWorkbook(grids);
  const set = read.meta.set;
  const unitType = unitTypeOf(read.meta.unit);
  const sheet: SheetGrid = read.sheet;
  const col = read.columns;
  const out: string[] = [];
  for (const leaf of leavesOf(set)) {
    const row = read.rowOf[leaf.code];
    const figure = col.figure !== undefined ? { value: cellAt(sheet, row, col.figure), cell: a1(row, col.figure) } : undefined;
    const specs = { self: leafScore(leaf.node, { set, unitType, column: 'self', figure }), appraisal: leafScore(leaf.node, { set, unitType, column: 'appraisal' }) };
    const self = cellAt(sheet, row, col.self!);
    const appraisal = col.appraisal !== undefined ? cellAt(sheet, row, col.appraisal) : null;
    const shown = cellAt(sheet, row, col.check!);
    const expected = bothCheckText(self, appraisal, specs.self, specs.appraisal);
    if (shown !== expected) out.push(`${leaf.code} ${JSON.stringify(self)}: LibreOffice's Kiểm tra ${JSON.stringify(shown)}, the verdict ${JSON.stringify(expected)}`);
    const issue = verdictIssue(judge(self, specs.self), 'self');
    const cell = a1(row, col.self!);
    const reported = (report.issues || []).filter((i) => i.cell === cell && i.column === 'self').map((i) => i.rule);
    if (JSON.stringify(reported) !== JSON.stringify(issue ? [issue.rule] : [])) out.push(`${leaf.code} ${JSON.stringify(self)}: the check reported ${JSON.stringify(reported)}, the verdict ${issue ? issue.rule : 'nothing'}`);
    // Kiểm tra says ✗ exactly where the check reports an error.
    const error = (report.issues || []).some((i) => i.cell === cell && i.severity === 'error');
    if (error !== (typeof shown === 'string' && shown.indexOf('✗') >= 0)) out.push(`${leaf.code}: Kiểm tra ${JSON.stringify(shown)} but the check ${error ? 'reports' : 'does not report'} an error`);
  }
  const shownAt = (marker: 'total' | 'applicableMax' | 'index' | 'band') => cellAt(sheet, read.markers[marker]!, col.self!);
  const t = report.total!;
  const pairs: Array<[string, CellValue, unknown]> = [['total', shownAt('total'), t.self], ['applicable maximum', shownAt('applicableMax'), t.applicableMax],
    ['index', shownAt('index'), t.index === null ? '' : t.index], ['classification', shownAt('band'), t.band]];
  for (const [what, a, b] of pairs) if (a !== b) out.push(`${what}: LibreOffice ${JSON.stringify(a)}, the check ${JSON.stringify(b)}`);
  for (const i of report.issues || []) if (i.rule === 'shown-differs') out.push(`shown-differs ${i.cell}: ${i.message}`);
  return out;
}

describeIfEngine(['soffice', 'uno'], 'an annex scored otherwise than by levels, in LibreOffice', () => {
  closeEditorAfterAll();
  let dir: string;
  let base: string;
  const set = annexSet();
  const g = scoringGeometry(set, false);
  const at = (code: string, role: 'self' | 'figure' | 'check') => a1(g.rowOf[code], g.layout.col[role]!);
  const type = (code: string, role: 'self' | 'figure', text: string, refused = false): UnoOp =>
    ({ op: 'type', sheet: SHEETS.scoring, cell: at(code, role), text, ...(refused ? { expectRefusal: true } : {}) } as UnoOp);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-kinds-'));
    base = path.join(dir, 'dong-thinh-2025.xlsx');
    await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2025 }), base);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the annex imports into the right kinds', () => {
    const leaves = leavesOf(set).map((f) => [f.code, f.node.scoring ? f.node.scoring.kind : f.node.levels ? 'levels' : 'any',
      f.node.notApplicable || null, f.node.notArising || null, f.node.scoredBy ? 'appraisal' : null]);
    expect(leaves).toEqual([
      ['1.1', 'levels', null, null, null], ['1.2', 'proportional', null, null, null], ['1.3', 'count', null, null, null],
      ['1.4', 'deduction', null, null, null], ['1.5', 'levels', null, 'max', null], ['2.1', 'levels', ['phuong', 'thi-tran'], null, null],
      ['2.2', 'any', null, null, 'appraisal'],
    ]);
  });

  test('typed as a clerk would: the validation takes exactly what the method allows', async () => {
    const out = path.join(dir, 'typed.xlsx');
    const edit = await editInLibreOffice(base, out, [
      type('1.2', 'figure', '93%'),
      type('1.2', 'self', '2,01', true), // over the 2-point maximum
      type('1.2', 'self', '1,86'),
      type('1.3', 'self', '1,25', true), // a count over its cap of 1
      type('1.3', 'self', '0,6', true), // off the 0,25 steps
      type('1.3', 'self', '0,75'),
      type('1.4', 'self', '1,75', true), // 2 less 0,5 per occurrence: never 1,75
      type('1.4', 'self', '1,5'),
      type('1.1', 'self', 'KAD', true), // the set lists where KAD goes: not here
      type('1.1', 'self', '0,5'),
      type('1.5', 'self', 'KAD', true), // nothing arose: full marks, not KAD
      type('1.5', 'self', '1'),
      type('2.1', 'self', 'KAD', true), // KAD only for wards and townships
      type('2.1', 'self', '1'),
      type('2.2', 'self', '2', true), // scored at appraisal: the cell is locked
    ], { locale: 'vi-VN' });
    const refused = edit.report.filter((r) => r.refused).map((r) => `${r.cell} ${r.refused!.reason}`);
    expect(refused).toEqual([
      `${at('1.2', 'self')} validation`, `${at('1.3', 'self')} validation`, `${at('1.3', 'self')} validation`, `${at('1.4', 'self')} validation`,
      `${at('1.1', 'self')} validation`, `${at('1.5', 'self')} validation`, `${at('2.1', 'self')} validation`, `${at('2.2', 'self')} protected`,
    ]);
    const grids = await readWorkbookGrids(out);
    const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    const shown = (code: string, role: 'self' | 'figure' | 'check') => cellAt(sheet, g.rowOf[code], g.layout.col[role]!);
    expect(['1.2', '1.3', '1.4', '1.1', '1.5', '2.1', '2.2'].map((c) => shown(c, 'self'))).toEqual([1.86, 0.75, 1.5, 0.5, 1, 1, 'Thẩm định chấm']);
    expect(shown('1.2', 'figure')).toBe(0.93);
    expect(shown('1.2', 'check')).toBe('✓ (tính được 1,86)');
    expect(shown('2.2', 'check')).toBe('Do thẩm định chấm');
    expect(await disagreements(out)).toEqual([]);
    const report = checkWorkbook(grids);
    // 8 points scored of the 10 the commune scores: the survey's 2 wait for the appraisal.
    expect(report.total).toMatchObject({ self: 6.61, applicableMax: 8, index: 82.63, provisional: ['2.2'], band: 'Khá (tạm tính)' });
    expect(cellAt(sheet, g.indexRow, g.layout.col.evidence!)).toBe('Tạm tính, chưa gồm 2.2 (do thẩm định chấm)');
    // The band of a provisional index is provisional too, as LibreOffice computes it.
    expect(cellAt(sheet, g.bandRow!, g.layout.col.self!)).toBe('Khá (tạm tính)');
    // The picture of docs/criteria-sets.md: this workbook as LibreOffice prints it (only under npm run docs).
    if (UPDATING_DOCS) {
      const pages = await renderToPng(out, dir);
      keepForDocs(pages[0].png, 'workbook-kinds.png');
    }
  }, 180000);

  test('pasted past the validation: the sheet\'s Kiểm tra and the check flag the same cells the same way', async () => {
    const out = path.join(dir, 'pasted.xlsx');
    const set = (code: string, role: 'self' | 'figure', value: number | string): UnoOp => (typeof value === 'number'
      ? { op: 'setValue', sheet: SHEETS.scoring, cell: at(code, role), value }
      : { op: 'setString', sheet: SHEETS.scoring, cell: at(code, role), text: value });
    await editInLibreOffice(base, out, [
      set('1.2', 'figure', 0.93), set('1.2', 'self', 2.01),
      set('1.3', 'self', 1.25),
      set('1.4', 'self', 1.75),
      set('1.1', 'self', 'KAD'),
      set('1.5', 'self', 'kad'),
      set('2.1', 'self', ' KAD '),
    ], { locale: 'vi-VN' });
    const grids = await readWorkbookGrids(out);
    const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    const shown = (code: string) => cellAt(sheet, g.rowOf[code], g.layout.col.check!);
    expect(['1.2', '1.3', '1.4', '1.1', '1.5', '2.1'].map(shown)).toEqual([
      '✗ Vượt điểm tối đa (tính được 1,86)', '✗ Vượt điểm tối đa', '✗ Không đúng mức điểm', '✗ Không được ghi KAD', '✗ Không được ghi KAD', '✗ Không được ghi KAD',
    ]);
    const rules = checkWorkbook(grids).issues!.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.rule}`);
    expect(rules).toEqual(['1.1 kad-not-allowed', '1.2 over-max', '1.3 over-max', '1.4 not-a-level', '1.5 kad-not-allowed', '2.1 kad-not-allowed']);
    expect(await disagreements(out)).toEqual([]);
  }, 180000);

  test('93 pasted for 93%: LibreOffice\'s Kiểm tra and the check both say the rate gives no points', async () => {
    const out = path.join(dir, 'rate-pasted.xlsx');
    await editInLibreOffice(base, out, [
      { op: 'setValue', sheet: SHEETS.scoring, cell: at('1.2', 'figure'), value: 93 },
      type('1.2', 'self', '1,86'),
    ], { locale: 'vi-VN' });
    const grids = await readWorkbookGrids(out);
    const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    expect(cellAt(sheet, g.rowOf['1.2'], g.layout.col.check!)).toBe('✓ (tỷ lệ/số lượng không hợp lệ)');
    const warnings = checkWorkbook(grids).issues!.filter((i) => i.rule === 'figure-invalid').map((i) => `${i.cell} ${i.message}`);
    expect(warnings).toEqual([`${at('1.2', 'figure')} Tỷ lệ "9300%" ở cột Tỷ lệ / số lượng không dùng được để tính điểm: nhập tỷ lệ từ 0% đến 100%, ví dụ 93% (có dấu %) hoặc 0,93.`]);
    expect(await disagreements(out)).toEqual([]);
  }, 180000);

  test('a score the rate does not give, and the same workbook in a ward', async () => {
    const out = path.join(dir, 'figure.xlsx');
    await editInLibreOffice(base, out, [
      type('1.2', 'figure', '93%'), type('1.2', 'self', '2'),
      type('1.3', 'self', '1'),
    ], { locale: 'vi-VN' });
    const grids = await readWorkbookGrids(out);
    const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    expect(cellAt(sheet, g.rowOf['1.2'], g.layout.col.check!)).toBe('✗ Khác điểm theo tỷ lệ/số lượng (tính được 1,86)');
    expect(await disagreements(out)).toEqual([]);

    const ward = path.join(dir, 'phuong.xlsx');
    await writePlanToFile(buildWorkbookPlan({ set, unit: 'Phường Hoàng Văn Thụ', year: 2025 }), ward);
    const typed = path.join(dir, 'phuong-typed.xlsx');
    await editInLibreOffice(ward, typed, [type('2.1', 'self', 'KAD'), type('1.1', 'self', 'KAD', true)], { locale: 'vi-VN' });
    const wardGrids = await readWorkbookGrids(typed);
    const wardSheet = wardGrids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    expect(cellAt(wardSheet, g.rowOf['2.1'], g.layout.col.check!)).toBe('Không áp dụng');
    expect(checkWorkbook(wardGrids).total!.applicableMax).toBe(7);
    expect(await disagreements(typed)).toEqual([]);
  }, 180000);
});

// A Tổng hợp made by another version of cchc is told apart from one people changed: _cchc keeps the
// stamp of the layout written (summaryLayoutStamp); a sheet whose stamp is not today's gets one
// summary-outdated warning instead of a formula-altered error on every cell the layout moved, and what
// it copies of Chấm điểm's figures is still compared. Every refresh writes today's stamp.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../src/core/check/check';
import { Issue } from '../src/core/check/contract';
import { CriteriaSet } from '../src/core/model/criteria';
import { SheetGrid, WorkbookGrids, a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { BuildOptions } from '../src/core/model/build-options';
import { Entries } from '../src/core/model/entries';
import { readScoring } from '../src/core/sheets/scoring/read';
import { SUMMARY_HEADER_ROW, refreshedSummary } from '../src/core/sheets/summary';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { previousFromGrids } from '../src/core/features/previous';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import ExcelJS from 'exceljs';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { Scores, entriesOf, extrasSet, withBands } from './helpers/communes';
import { smallSet } from './helpers/scoring';
import { cchc } from './helpers/cli';

// Self 1 + 0.75 + 1 + 0.5 + 1.5 = 4.75 of 5.
const FULL: Scores = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

/** Entries with a giải trình on every item, so that no missing-evidence warning stands among the issues. */
function filled(self: Scores, appraisal?: Scores): Entries {
  const entries = entriesOf(self, appraisal);
  for (const code of Object.keys(entries)) entries[code].values.note = 'Hồ sơ lưu tại bộ phận một cửa';
  return entries;
}

function built(options: Partial<BuildOptions> = {}, set: CriteriaSet = smallSet()): WorkbookGrids {
  const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, entries: filled(FULL), ...options }));
  // Saved by a spreadsheet: the plan's cached results are what it computed.
  grids.calculated = true;
  return grids;
}

const sheetOf = (grids: WorkbookGrids, name: string): SheetGrid => grids.sheets.filter((s) => s.name === name)[0];
const of = (grids: WorkbookGrids, rule: string): Issue[] => (checkWorkbook(grids).issues || []).filter((i) => i.rule === rule);

/** _cchc as an earlier version wrote it: no layout stamp (or `stamp` instead). */
function stampedAs(grids: WorkbookGrids, stamp: string | null): void {
  const meta = sheetOf(grids, SHEETS.meta);
  const row = meta.values.findIndex((r) => (r || [])[0] === 'summary.layout');
  expect(row).toBeGreaterThan(0);
  if (stamp === null) {
    for (const rows of [meta.values, meta.formulas, meta.hyperlinks] as unknown[][][]) rows.splice(row, 1);
  } else meta.values[row][1] = stamp;
}

/** Tổng hợp as an earlier layout had it: a heading row fewer above the table, another rate formula. */
function earlierLayout(grids: WorkbookGrids): void {
  const summary = sheetOf(grids, SHEETS.summary);
  for (const rows of [summary.values, summary.formulas, summary.hyperlinks] as unknown[][][]) rows.splice(3, 1);
  const firstDomain = SUMMARY_HEADER_ROW; // one row up
  const rate = summary.values[firstDomain - 1].indexOf('Tỷ lệ đạt (%)');
  expect(rate).toBeGreaterThan(0);
  summary.formulas[firstDomain][rate] = `IF(C${firstDomain + 1}>0,ROUND(D${firstDomain + 1}/C${firstDomain + 1}*100,1),"")`;
  summary.values[firstDomain][rate] = 33.3;
}

/** The Tổng hợp cell of the Điểm tự chấm column on the row labelled `label`. */
function selfCell(summary: SheetGrid, label: string): { row: number; col: number } {
  const header = summary.values.findIndex((r) => (r || []).indexOf('Điểm tự chấm') >= 0);
  const col = summary.values[header].indexOf('Điểm tự chấm');
  const row = summary.values.findIndex((r, i) => i > header && (r || [])[1] === label);
  expect(row).toBeGreaterThan(header);
  return { row, col };
}

describe('a Tổng hợp made by another version (summary-outdated)', () => {
  test('a workbook as built carries its layout stamp: its Tổng hợp is compared cell by cell, with no summary-outdated', () => {
    const grids = built();
    expect(readScoring(grids).meta.summaryLayout).toMatch(/^v1:[0-9a-f]+$/);
    const report = checkWorkbook(grids);
    expect(report.issues).toEqual([]);
    // Cell by cell: a rate formula changed on a current sheet is formula-altered.
    const summary = sheetOf(grids, SHEETS.summary);
    const rate = summary.values[SUMMARY_HEADER_ROW].indexOf('Tỷ lệ đạt (%)');
    summary.formulas[SUMMARY_HEADER_ROW + 1][rate] = '100';
    expect(of(grids, 'formula-altered').map((i) => i.cell)).toEqual([a1(SUMMARY_HEADER_ROW + 1, rate)]);
    expect(of(grids, 'summary-outdated')).toEqual([]);
  });

  test.each([
    ['no stamp (made before the stamp existed)', null],
    ['the stamp of another layout', 'v1:0'],
  ])('%s, rows moved and another rate formula: one warning that says to refresh, no formula-altered', (_title, stamp) => {
    const grids = built();
    stampedAs(grids, stamp);
    earlierLayout(grids);
    const issues = checkWorkbook(grids).issues || [];
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([['summary-outdated', 'warning']]);
    expect(issues[0]).toMatchObject({ sheet: SHEETS.summary, column: 'structure', cell: null });
    expect(issues[0].message).toContain('phiên bản cũ hơn');
    expect(issues[0].message).toContain('Cập nhật Tổng hợp');
    expect(checkWorkbook(grids, { lang: 'en' }).issues![0].message).toContain('Refresh summary');
  });

  test('a total or a domain\'s points typed over that Tổng hợp is still an error at its cell', () => {
    const grids = built();
    stampedAs(grids, null);
    earlierLayout(grids);
    const summary = sheetOf(grids, SHEETS.summary);
    const total = selfCell(summary, 'TỔNG ĐIỂM');
    summary.values[total.row][total.col] = 5;
    summary.formulas[total.row][total.col] = null;
    const domain = selfCell(summary, 'Cải cách thủ tục hành chính');
    summary.values[domain.row][domain.col] = 1;
    summary.formulas[domain.row][domain.col] = null;
    const shown = of(grids, 'shown-differs');
    expect(shown.map((i) => i.cell).sort()).toEqual([a1(total.row, total.col), a1(domain.row, domain.col)].sort());
    expect(shown.map((i) => i.message).join('\n')).toContain('hiển thị 5');
    expect(of(grids, 'summary-outdated')).toHaveLength(1);
    expect(of(grids, 'formula-altered')).toEqual([]);
  });

  test('a file never recalculated is not compared: the warning alone', () => {
    const grids = built();
    grids.calculated = false;
    stampedAs(grids, null);
    earlierLayout(grids);
    const summary = sheetOf(grids, SHEETS.summary);
    const total = selfCell(summary, 'TỔNG ĐIỂM');
    summary.values[total.row][total.col] = 5;
    expect((checkWorkbook(grids).issues || []).map((i) => i.rule)).toEqual(['summary-outdated']);
  });

  test('the pane\'s refresh writes today\'s stamp into _cchc, and the warning is gone', () => {
    const grids = built();
    stampedAs(grids, null);
    earlierLayout(grids);
    const refresh = refreshedSummary(readScoring(grids), { summaryGrid: sheetOf(grids, SHEETS.summary) });
    expect(refresh.plan.sheets.map((s) => s.name)).toEqual([SHEETS.summary, SHEETS.meta]);
    const written = planToGrids(refresh.plan);
    const after: WorkbookGrids = { sheets: grids.sheets.map((s) => written.sheets.filter((w) => w.name === s.name)[0] || s), calculated: true };
    expect(readScoring(after).meta.summaryLayout).toBe(refresh.layout);
    expect(checkWorkbook(after).issues).toEqual([]);
    // A refresh of a sheet already current leaves _cchc alone.
    expect(refreshedSummary(readScoring(after), { summaryGrid: sheetOf(after, SHEETS.summary) }).plan.sheets.map((s) => s.name)).toEqual([SHEETS.summary]);
  });

  test('what is typed in the panel, an appraisal headed by a district, bands, extras and last year\'s result leave the stamp as it was', () => {
    const lastYear = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2023, entries: entriesOf(FULL) }));
    const cases: Array<[Partial<BuildOptions>, CriteriaSet]> = [
      [{ report: { number: 5, symbol: 'BC-UBND', day: 5, month: 1, year: 2025, signer: 'Nguyễn Văn An', authority: 'KT.', recipient1: 'UBND huyện' } }, smallSet()],
      [{ appraisal: true, district: 'UBND huyện Đại Từ', entries: filled(FULL, FULL) }, smallSet()],
      [{ appraisal: true, district: 'Phòng Nội vụ huyện Đại Từ' }, smallSet()],
      [{ previous: previousFromGrids(lastYear, smallSet(), 'nam-truoc.xlsx') }, smallSet()],
      [{}, withBands(extrasSet())],
    ];
    for (const [options, set] of cases) {
      const grids = built(options, set);
      expect(of(grids, 'summary-outdated')).toEqual([]);
      // And as the refresh plans it from the workbook (the panel as typed, the district from it).
      const refresh = refreshedSummary(readScoring(grids), { summaryGrid: sheetOf(grids, SHEETS.summary) });
      expect(refresh.layout).toBe(readScoring(grids).meta.summaryLayout);
    }
  });
});

describe('through files', () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-layout-'))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('cchc check exits 0 with the warning on an earlier version\'s workbook; cchc refresh writes the stamp and the warning is gone', async () => {
    const file = path.join(dir, 'cu.xlsx');
    await writePlanToFile(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: filled(FULL) }), file);
    // As an earlier version wrote it: no stamp in _cchc, another rate formula on Tổng hợp.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const meta = wb.getWorksheet(SHEETS.meta)!;
    let stampRow = 0;
    meta.eachRow((row, n) => {
      if (row.getCell(1).value === 'summary.layout') stampRow = n;
    });
    expect(stampRow).toBeGreaterThan(0);
    meta.spliceRows(stampRow, 1);
    const summary = wb.getWorksheet(SHEETS.summary)!;
    const first = SUMMARY_HEADER_ROW + 2;
    summary.getCell(first, 5).value = { formula: `IF(C${first}>0,ROUND(D${first}/C${first}*100,1),"")` } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);

    const before = await cchc(dir, 'check', 'cu.xlsx', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out).files[0].issues.map((i: Issue) => i.rule)).toEqual(['summary-outdated']);
    const refreshed = await cchc(dir, 'refresh', 'cu.xlsx', '--out', 'moi.xlsx');
    expect(refreshed.code).toBe(0);
    expect(readScoring(await readWorkbookGrids(path.join(dir, 'moi.xlsx'))).meta.summaryLayout).toMatch(/^v1:/);
    const after = await cchc(dir, 'check', 'moi.xlsx', '--json');
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out).files[0].issues).toEqual([]);
  });
});

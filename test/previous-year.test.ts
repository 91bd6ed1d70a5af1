// This year against last year: last year's workbook (read by the CLI's exceljs reader or the pane's
// small reader, the same result) gives each domain's points and the index; Tổng hợp shows them beside
// this year's, matched by domain code, with the change, and says when the criteria sets differ. The
// comparison is kept by refreshes and rebuilds.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaSet } from '../src/core/model/criteria';
import { SHEETS } from '../src/core/model/layout';
import { WorkbookGrids } from '../src/core/model/grid';
import { planToGrids } from '../src/core/model/plan';
import { previousFromGrids } from '../src/core/features/previous';
import { planUpgrade } from '../src/core/features/upgrade';
import { readScoring } from '../src/core/sheets/scoring/read';
import { refreshedSummary } from '../src/core/sheets/summary';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { readXlsxGrids } from '../src/adapters/ooxml/read';
import { cchc } from './helpers/cli';
import { entriesOf, plausibleScores } from './helpers/communes';
import { smallSet } from './helpers/scoring';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-previous-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const LAST_YEAR = { '1.1.1': 0.5, '1.1.2': 1, '1.2': 0, '2.1.1': 0.5, '2.1.2': 1 };
const THIS_YEAR = { '1.1.1': 1, '1.1.2': 1, '1.2': 1, '2.1.1': 0.5, '2.1.2': 0.5 };

function lastYearGrids(set: CriteriaSet = smallSet()): WorkbookGrids {
  return planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2023, entries: entriesOf(LAST_YEAR) }));
}

function summaryTexts(grids: WorkbookGrids): string[][] {
  const sheet = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  return sheet.values.map((r) => r.map((v) => (v === null ? '' : String(v))));
}

describe('last year on Tổng hợp', () => {
  test('each domain\'s points last year and this year, the change, and the index', () => {
    const previous = previousFromGrids(lastYearGrids(), smallSet(), 'nam-truoc.xlsx');
    expect(previous).toMatchObject({ year: 2023, sameSet: true, basis: 'self', domains: { '1': { points: 1.5 }, '2': { points: 1.5 } } });
    const grids = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: entriesOf(THIS_YEAR), previous }));
    const rows = summaryTexts(grids);
    const heading = rows.findIndex((r) => r[0] === 'II. SO SÁNH VỚI NĂM 2023');
    expect(heading).toBeGreaterThan(0);
    const header = heading + 2;
    expect(rows[header].filter(Boolean)).toEqual(['STT', 'Lĩnh vực', 'Năm 2023', 'Năm 2024', 'Thay đổi']);
    // Domain I: 1.5 last year, 3 this year: +1.5. Domain II: 1.5 and 1: −0.5.
    expect([rows[header + 1][2], rows[header + 1][3], rows[header + 1][4]]).toEqual(['1.5', '3', '1.5']);
    expect([rows[header + 2][2], rows[header + 2][3], rows[header + 2][4]]).toEqual(['1.5', '1', '-0.5']);
    expect(rows[header + 3][1]).toBe('Chỉ số cải cách hành chính (%)');
    expect(rows.some((r) => r[0] === 'III. TỒN TẠI, HẠN CHẾ')).toBe(true);
    // This year's numbers are formulas over the table above, so they follow the scores.
    const sheet = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    expect(sheet.formulas[header + 1][3]).toMatch(/^D\d+$/);
  });

  test('a different criteria set is said so; domains are still matched by code', () => {
    const other: CriteriaSet = { ...smallSet(), id: 'tinh-khac-2023' };
    const previous = previousFromGrids(lastYearGrids(other), smallSet(), 'nam-truoc.xlsx');
    expect(previous.sameSet).toBe(false);
    const rows = summaryTexts(planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, previous })));
    expect(rows.map((r) => r.join(' ')).join('\n')).toContain('Bộ tiêu chí năm 2023 (mã tinh-khac-2023) khác bộ năm 2024');
  });

  test('kept by a refresh and a rebuild; a new one given to the refresh replaces it', () => {
    const previous = previousFromGrids(lastYearGrids(), smallSet(), 'a.xlsx');
    const grids = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, previous }));
    const summary = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const refreshed = refreshedSummary(readScoring(grids), { summaryGrid: summary });
    expect(summaryTexts(planToGrids(refreshed.plan)).some((r) => r[0] === 'II. SO SÁNH VỚI NĂM 2023')).toBe(true);
    expect(summaryTexts(planToGrids(planUpgrade({ grids }).plan)).some((r) => r[0] === 'II. SO SÁNH VỚI NĂM 2023')).toBe(true);
    const newer = { ...previous, year: 2022 };
    const replaced = refreshedSummary(readScoring(grids), { summaryGrid: summary, previous: newer });
    expect(replaced.plan.sheets.map((s) => s.name)).toEqual([SHEETS.summary, SHEETS.meta]);
    expect(readScoring({ sheets: grids.sheets.map((s) => (s.name === SHEETS.meta ? planToGrids(replaced.plan).sheets[1] : s)) }).meta.previous!.year).toBe(2022);
  });

  test('the pane\'s small reader and the CLI\'s reader give the same last year; cchc build and refresh take --previous', async () => {
    const last = path.join(dir, 'dong-thinh-2023.xlsx');
    await writePlanToFile(buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2023, entries: entriesOf(plausibleScores(defaultSet(), 4, 0.7)) }), last);
    const fromExceljs = previousFromGrids(await readWorkbookGrids(last), defaultSet(), 'x');
    const fromPane = previousFromGrids(readXlsxGrids(new Uint8Array(fs.readFileSync(last)), 'x'), defaultSet(), 'x');
    expect(fromPane).toEqual(fromExceljs);

    const built = await cchc(dir, 'build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--previous', 'dong-thinh-2023.xlsx', '--out', 'dong-thinh-2024.xlsx');
    expect(built.code).toBe(0);
    const rows = summaryTexts(await readWorkbookGrids(path.join(dir, 'dong-thinh-2024.xlsx')));
    expect(rows.some((r) => r[0] === 'II. SO SÁNH VỚI NĂM 2023')).toBe(true);

    const refreshed = await cchc(dir, 'refresh', 'dong-thinh-2024.xlsx', '--previous', 'dong-thinh-2023.xlsx', '--out', 'moi.xlsx');
    expect(refreshed.code).toBe(0);
    const refused = await cchc(dir, 'refresh', 'dong-thinh-2024.xlsx', '--previous', 'khong-co.xlsx', '--out', 'moi2.xlsx');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('khong-co.xlsx');
  }, 60000);
});

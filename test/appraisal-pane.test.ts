// The pane's "add the appraisal column" against the fake Excel, through the real Office.js adapter:
// the columns appear with their validation and formulas, every self score and note stays as typed.
// And the pane's Tổng hợp refresh over the bonus rows and the KAD-aware domain rates.

import { checkWorkbook } from '../src/core/check/check';
import { UserError } from '../src/core/model/errors';
import { a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { WorkbookPort } from '../src/core/model/port';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { addAppraisalColumn } from '../src/taskpane/appraisal';
import { ApiVersion, createFakeExcel, FakeExcel, FakeLocale } from './fake-excel';
import { extrasSet } from './helpers/communes';
import { builtGrids } from './helpers/scoring';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { refreshedSummary } from '../src/core/sheets/summary';

const LOCALES: FakeLocale[] = ['en-US', 'vi-VN'];
/** The machine the current block runs on. */
let locale: FakeLocale = 'en-US';

interface Harness {
  fake: FakeExcel;
  port: WorkbookPort;
}

function harness(api: ApiVersion = '1.13'): Harness {
  const fake = createFakeExcel({ api, locale });
  // The fake covers the part of the Excel namespace the adapter uses, not all of its types.
  return { fake, port: createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements }) };
}

const set = extrasSet();
const before = scoringGeometry(set, false);
const after = scoringGeometry(set, true);
const cell = (g: typeof before, code: string, role: 'self' | 'appraisal' | 'note') => a1(g.rowOf[code], g.layout.col[role]!);

/** Self scores as typed, an over-max one (2.1.2, max 1.5) included. */
const TYPED: Record<string, string | number> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 'KAD', '2.1.2': 2, T1: 1 };

/** A score as a person types it on the machine: "0,75" under the Vietnamese format, "0.75" under en-US. */
function asTyped(value: string | number): string {
  return typeof value === 'number' && locale === 'vi-VN' ? String(value).replace('.', ',') : String(value);
}

/** A workbook the commune built in the pane and filled by typing, as a person would. */
async function scoredWorkbook(h: Harness, scoringSheetName: string = SHEETS.scoring): Promise<void> {
  const plan = buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 });
  plan.sheets[0].name = scoringSheetName;
  await h.port.applyPlan(plan);
  for (const code of Object.keys(TYPED)) await h.fake.simulateEdit(scoringSheetName, cell(before, code, 'self'), asTyped(TYPED[code]));
  await h.fake.simulateEdit(scoringSheetName, cell(before, '1.1.1', 'note'), 'Kế hoạch 12/KH-UBND');
}

async function report(h: Harness) {
  return checkWorkbook(await h.port.readGrids((await h.port.listSheets()).map((s) => s.name)));
}

// Every scenario twice: an en-US machine, and a commune's Windows with the Vietnamese regional format.
describe.each(LOCALES)('%s', (machine) => {
  beforeAll(() => {
    locale = machine;
  });

  test('adds Điểm thẩm định and Ý kiến thẩm định beside the self score; the self scores and notes stay as typed', async () => {
    const h = harness();
    await scoredWorkbook(h);
    const old = await report(h);
    const result = await addAppraisalColumn(h.port);
    expect(result).toEqual({ carried: 5, leftovers: 0, degraded: [] });

    const header = after.headerRow;
    expect(h.fake.cell(SHEETS.scoring, a1(header, after.layout.col.appraisal!)).value).toBe('Điểm thẩm định');
    expect(h.fake.cell(SHEETS.scoring, a1(header, after.layout.col.appraisalNote!)).value).toBe('Ý kiến thẩm định');
    for (const code of Object.keys(TYPED)) expect(h.fake.cell(SHEETS.scoring, cell(after, code, 'self')).value).toBe(TYPED[code]);
    expect(h.fake.cell(SHEETS.scoring, cell(after, '1.1.1', 'note')).value).toBe('Kế hoạch 12/KH-UBND');

    // The appraisal cells: entry cells with their validation; the subtotals and the total are formulas.
    const leaf = h.fake.cell(SHEETS.scoring, cell(after, '1.1.1', 'appraisal'));
    expect(leaf.format.locked).toBe(false);
    expect(leaf.validation && leaf.validation.type).toBe('custom');
    const bonusItem = h.fake.cell(SHEETS.scoring, cell(after, 'T1', 'appraisal'));
    expect(bonusItem.validation && bonusItem.validation.type).toBe('custom');
    expect(String(bonusItem.validation && bonusItem.validation.formula1)).toContain(`${cell(after, 'T1', 'appraisal')}>1,FALSE`);
    const appraisalCol = after.layout.col.appraisal!;
    expect(h.fake.cell(SHEETS.scoring, a1(after.rowOf['1.1'], appraisalCol)).formula).toBe(`=SUM(${a1(after.rowOf['1.1.1'], appraisalCol)}:${a1(after.rowOf['1.1.2'], appraisalCol)})`);
    expect(h.fake.cell(SHEETS.scoring, a1(after.totalRow, appraisalCol)).formula).toMatch(/^=MAX\(0,SUM\(/);
    expect(h.fake.selection()).toEqual({ sheet: SHEETS.scoring, address: cell(after, '1.1.1', 'appraisal') });

    const now = await report(h);
    expect(now.nodes!.map((n) => [n.code, n.self, n.notApplicable])).toEqual(old.nodes!.map((n) => [n.code, n.self, n.notApplicable]));
    expect(now.total).toMatchObject({ self: old.total!.self, applicableMax: old.total!.applicableMax, appraisal: 0 });
    expect(now.issues!.filter((i) => i.column === 'self').map((i) => [i.rule, i.code])).toEqual(old.issues!.filter((i) => i.column === 'self').map((i) => [i.rule, i.code]));

    // The appraiser types; check sees it.
    await h.fake.simulateEdit(SHEETS.scoring, cell(after, '1.1.1', 'appraisal'), 0.5);
    expect((await report(h)).differences!.map((d) => [d.code, d.diff])).toEqual([['1.1.1', -0.5]]);
  });

  test('a scoring sheet people renamed is replaced by the new one, not left beside it', async () => {
    const h = harness();
    await scoredWorkbook(h, 'Cham diem 2024');
    await addAppraisalColumn(h.port);
    expect(h.fake.sheetNames()).toContain(SHEETS.scoring);
    expect(h.fake.sheetNames()).not.toContain('Cham diem 2024');
    expect(h.fake.cell(SHEETS.scoring, cell(after, '1.1.1', 'self')).value).toBe(1);
  });

  test('on Excel 2019 (ExcelApi 1.7, no data validation) the column is added all the same', async () => {
    const h = harness('1.7');
    await scoredWorkbook(h);
    await addAppraisalColumn(h.port);
    expect(h.fake.cell(SHEETS.scoring, a1(after.headerRow, after.layout.col.appraisal!)).value).toBe('Điểm thẩm định');
    expect(h.fake.usedApis).not.toContain('Range.dataValidation');
  });

  test('a workbook that already has the column is refused and left as it is', async () => {
    const h = harness();
    await h.port.applyPlan(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true }));
    await h.fake.simulateEdit(SHEETS.scoring, cell(after, '1.1.1', 'appraisal'), 1);
    await expect(addAppraisalColumn(h.port)).rejects.toThrow(UserError);
    expect(h.fake.cell(SHEETS.scoring, cell(after, '1.1.1', 'appraisal')).value).toBe(1);
  });

  describe("the pane's Tổng hợp refresh with bonus rows and KAD-aware rates", () => {
    test('the group rows and both ends of each domain range follow an inserted row', () => {
      const b = builtGrids(set, true);
      const g = scoringGeometry(set, true);
      const insertRow = g.rowOf['2'];
      for (const grid of [b.sheet.values, b.sheet.formulas, b.sheet.hyperlinks] as unknown[][][]) grid.splice(insertRow, 0, []);
      const formulas = refreshedSummary(readScoring(b.grids)).sheet.cells.filter((c) => c.formula).map((c) => c.formula as string);
      const ref = (row: number, col: number) => `'${SHEETS.scoring}'!${a1(row, col)}`;
      const selfCol = g.layout.col.self!;
      expect(formulas).toContain(ref(g.extras[0].row + 1, selfCol));
      expect(formulas).toContain(ref(g.extras[1].row + 1, g.layout.col.appraisal!));
      // Domain II's rate: its block moved down by one, both ends of the range with it.
      const domainTwo = formulas.filter((f) => f.indexOf(`${ref(g.rowOf['2'] + 1, g.layout.col.appraisal!)}:`) >= 0)[0];
      expect(domainTwo).toContain(`${ref(g.rowOf['2'] + 1, g.layout.col.appraisal!)}:${a1(g.lastNodeRow + 1, g.layout.col.appraisal!)}`);
    });
  });
});

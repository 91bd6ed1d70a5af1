// The pane reads only what is ours. A commune's workbook may hold a large sheet of its own; Excel on
// the web refuses to send more than 5 MB at once (the fake too). Kiểm tra and Tổng hợp (which read
// through readOurSheets), the evidence panel, the appraisal column and the criteria update read the
// scoring, summary, register, leftovers and _cchc sheets, and at most the first rows of the others
// when one of ours was renamed; and a sheet of ours too large for one answer is read in bands.

import { checkWorkbook } from '../src/core/check/check';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { WorkbookPort } from '../src/core/model/port';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { addAppraisalColumn } from '../src/taskpane/appraisal';
import { createEvidenceStore } from '../src/taskpane/evidence-store';
import { readOurSheets } from '../src/taskpane/our-sheets';
import { upgradeCriteriaSet } from '../src/taskpane/upgrade';
import { FakeExcel, createFakeExcel } from './fake-excel';
import { SMALL_SET_RAW, smallSet } from './helpers/scoring';

const BIG = 'Dân cư';

/** 300 rows × 100 columns of 200-character text: about 6 MB, more than one answer may carry. */
function bigSheet(): Record<string, string> {
  const cells: Record<string, string> = {};
  const text = 'Nguyễn Văn An, thôn Đồng Thịnh, hộ nghèo năm 2024; '.repeat(4).slice(0, 200);
  for (let r = 0; r < 300; r++) for (let c = 0; c < 100; c++) cells[a1(r, c)] = text;
  return cells;
}

const cells = bigSheet();

async function workbook(scoringName: string = SHEETS.scoring): Promise<{ fake: FakeExcel; port: WorkbookPort }> {
  const fake = createFakeExcel({ sheets: [{ name: 'Sheet1' }, { name: BIG, cells }] });
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
  await port.applyPlan(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024 }));
  if (scoringName !== SHEETS.scoring) {
    await fake.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(SHEETS.scoring).name = scoringName;
    });
  }
  fake.valueReads.length = 0;
  return { fake, port };
}

/** Cells of the big sheet the add-in read. */
function readOfBig(fake: FakeExcel): number {
  return fake.valueReads.filter((r) => r.sheet === BIG).reduce((sum, r) => sum + r.cells, 0);
}

test('the whole workbook is more than Excel on the web sends at once', async () => {
  const { port } = await workbook();
  await expect(port.readGrids([BIG, SHEETS.scoring])).resolves.toBeDefined(); // in bands, see below
  const fake = createFakeExcel({ sheets: [{ name: BIG, cells }] });
  await expect(fake.Excel.run(async (context: Excel.RequestContext) => {
    context.workbook.worksheets.getItem(BIG).getUsedRange(true).load('values');
    await context.sync();
  })).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
});

test('a sheet too large for one answer is read in bands, the same grid', async () => {
  const { fake, port } = await workbook();
  const grids = await port.readGrids([BIG]);
  expect(fake.lastRun().syncs).toBeGreaterThan(2);
  expect(grids.sheets[0].values.length).toBe(300);
  expect(grids.sheets[0].values[299][99]).toBe(cells.CV300);
});

test('Kiểm tra and Tổng hợp read our sheets only', async () => {
  const { fake, port } = await workbook();
  const ours = await readOurSheets(port);
  expect(ours.grids.sheets.map((s) => s.name)).toEqual([SHEETS.scoring, SHEETS.summary, SHEETS.evidence, SHEETS.assignment, SHEETS.meta]);
  expect(checkWorkbook(ours.grids).error).toBeNull();
  expect(readOfBig(fake)).toBe(0);
});

test('a renamed scoring sheet is found from the first rows of the others', async () => {
  const { fake, port } = await workbook('Chấm điểm năm 2024');
  const ours = await readOurSheets(port);
  expect(readScoring(ours.grids).sheet.name).toBe('Chấm điểm năm 2024');
  expect(readOfBig(fake)).toBeLessThanOrEqual(60 * 100);
});

test('the appraisal column, the criteria update and the evidence panel leave the big sheet alone', async () => {
  const appraisal = await workbook();
  await addAppraisalColumn(appraisal.port);
  expect(readOfBig(appraisal.fake)).toBe(0);

  const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  raw.id = 'test-set-2';
  const update = await workbook('Bảng điểm');
  await upgradeCriteriaSet(update.port, parseCriteriaSet(raw).set!, new Date(2025, 2, 14));
  expect(readOfBig(update.fake)).toBeLessThanOrEqual(60 * 100);
  expect(update.fake.sheetNames()).toContain(BIG);

  const evidence = await workbook();
  const store = createEvidenceStore(evidence.port);
  const added = await store.add('1.1.1', { codes: '1.1.1', number: '12/KH-UBND', date: '', summary: 'Kế hoạch', link: '' });
  expect(added).toEqual({ ok: true });
  expect(readOfBig(evidence.fake)).toBe(0);
});

// "Cập nhật bộ tiêu chí" against the fake Excel: entries carried by code, the old sheet kept as a
// values copy before anything is replaced, leftovers shown, text never turned into formulas.

import { checkWorkbook } from '../src/core/check/check';
import { CriteriaSet } from '../src/core/model/criteria';
import { Entries } from '../src/core/model/entries';
import { WorkbookGrids } from '../src/core/model/grid';
import { WorkbookPort } from '../src/core/model/port';
import { findHeader, readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { addAppraisalColumn } from '../src/taskpane/appraisal';
import { backupSheetName, upgradeCriteriaSet } from '../src/taskpane/upgrade';
import { FakeExcel, createFakeExcel, FakeLocale } from './fake-excel';
import { SMALL_SET_RAW, smallSet } from './helpers/scoring';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';
import { SHEETS } from '../src/core/model/layout';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

const LOCALES: FakeLocale[] = ['en-US', 'vi-VN'];
/** The machine the current block runs on. */
let locale: FakeLocale = 'en-US';

const ENTRIES: Entries = {
  '1.1.1': { values: { self: 1, note: '=SUM(A1:A9) là chữ, không phải công thức' } },
  '1.1.2': { values: { self: 0.5, note: '+84 912 345 678' } },
  '1.2': { values: { self: 'KAD', note: '@UBND' } },
  '2.1.2': { values: { self: 1.5, note: '-Đã niêm yết' } },
};

/** 2.1.2 lowered to 1. */
function corrected(): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  raw.id = 'test-set-2';
  const c21 = raw.nodes[1].children[0];
  c21.children[1].max = 1;
  c21.children[1].levels = [0, 0.5, 1];
  c21.max = 1.5;
  raw.nodes[1].max = 1.5;
  const { set } = parseCriteriaSet(raw);
  return set!;
}

/** 1.2 split into two sub-criteria: what was entered on it goes to the leftovers. */
function split(): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  raw.nodes[0].children[1].children = [
    { code: '1.2.1', stt: '2.1', name: 'Báo cáo quý', max: 0.5 },
    { code: '1.2.2', stt: '2.2', name: 'Báo cáo năm', max: 0.5 },
  ];
  const { set } = parseCriteriaSet(raw);
  return set!;
}

const DAY = new Date(2025, 2, 14);

async function filledWorkbook(): Promise<{ fake: FakeExcel; port: WorkbookPort }> {
  const fake = createFakeExcel({ locale });
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
  await port.applyPlan(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: ENTRIES }));
  return { fake, port };
}

async function allGrids(port: WorkbookPort): Promise<WorkbookGrids> {
  return port.readGrids((await port.listSheets()).map((s) => s.name));
}

// Every scenario twice: an en-US machine, and a commune's Windows with the Vietnamese regional format.
describe.each(LOCALES)('%s', (machine) => {
  beforeAll(() => {
    locale = machine;
  });

  test('entries go over by code; what no longer fits is kept and shown', async () => {
    const { fake, port } = await filledWorkbook();
    const before = extractEntries(readScoring(await allGrids(port))).entries;
    const result = await upgradeCriteriaSet(port, corrected(), DAY);
    expect(result.carried).toBe(7);
    expect(result.leftovers.map((l) => [l.code, l.role, l.value])).toEqual([['2.1.2', 'self', 1.5]]);

    const grids = await allGrids(port);
    const read = readScoring(grids);
    expect(read.meta.set.id).toBe('test-set-2');
    const after = extractEntries(read).entries;
    expect(after).toEqual({ ...before, '2.1.2': { values: { note: '-Đã niêm yết' } } });
    expect(checkWorkbook(grids).total!.self).toBe(1.5);
    expect(fake.selection()).toEqual({ sheet: LEFTOVERS_SHEET, address: 'A1' });
  });

  test('the old scoring sheet is kept as a values copy that the reader never mistakes for the live one', async () => {
    const { fake, port } = await filledWorkbook();
    const old = readScoring(await allGrids(port));
    const result = await upgradeCriteriaSet(port, corrected(), DAY);
    expect(result.backupSheet).toBe('Chấm điểm (cũ 2025-03-14)');

    const grids = await allGrids(port);
    const backup = grids.sheets.filter((s) => s.name === result.backupSheet)[0];
    const row = old.rowOf['2.1.2'];
    expect(backup.values[row][old.columns.self!]).toBe(1.5);
    expect(backup.values[row][old.columns.code!]).toBe('2.1.2');
    expect(backup.formulas.every((r) => r.every((f) => f === null))).toBe(true);
    expect(findHeader(backup)).toBeNull();
    expect(readScoring(grids).sheet.name).toBe(SHEETS.scoring);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining([SHEETS.scoring, result.backupSheet, LEFTOVERS_SHEET]));
  });

  test('text that starts with =, +, - or @ stays text in the new sheet, the copy and the leftovers', async () => {
    const { fake, port } = await filledWorkbook();
    const result = await upgradeCriteriaSet(port, split(), DAY);
    expect(result.leftovers.map((l) => l.value)).toEqual(['KAD', '@UBND']);
    for (const sheet of [SHEETS.scoring, result.backupSheet, LEFTOVERS_SHEET]) {
      const cells = fake.cells(sheet);
      const formulaLike = Object.keys(cells).filter((a) => typeof cells[a].value === 'string' && /^[=+\-@]/.test(cells[a].value as string));
      expect(formulaLike.length).toBeGreaterThan(0);
      for (const address of formulaLike) expect({ address, formula: cells[address].formula }).toEqual({ address, formula: null });
    }
    const read = readScoring(await allGrids(port));
    expect(extractEntries(read).entries['1.1.1'].values.note).toBe('=SUM(A1:A9) là chữ, không phải công thức');
  });

  test('a renamed scoring sheet is replaced by the new one, its content kept in the copy', async () => {
    const fake = createFakeExcel({ locale });
    const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: ENTRIES });
    plan.sheets.filter((s) => s.name === SHEETS.scoring)[0].name = 'Chấm điểm 2024';
    await port.applyPlan(plan);
    const result = await upgradeCriteriaSet(port, smallSet(), DAY);
    expect(result.leftovers).toEqual([]);
    const names = fake.sheetNames();
    expect(names).not.toContain('Chấm điểm 2024');
    expect(names).toContain(result.backupSheet);
    expect(names).not.toContain(LEFTOVERS_SHEET);
    const grids = await allGrids(port);
    expect(grids.sheets.filter((s) => findHeader(s) !== null).map((s) => s.name)).toEqual([SHEETS.scoring]);
    expect(extractEntries(readScoring(grids)).entries['1.1.1'].values.self).toBe(1);
  });

  test('a second update the same day keeps both copies', async () => {
    const { port } = await filledWorkbook();
    const first = await upgradeCriteriaSet(port, corrected(), DAY);
    const second = await upgradeCriteriaSet(port, corrected(), DAY);
    expect([first.backupSheet, second.backupSheet]).toEqual(['Chấm điểm (cũ 2025-03-14)', 'Chấm điểm (cũ 2025-03-14) 2']);
    // The leftover of the first update is listed once, carried by the second.
    expect(second.leftovers.map((l) => [l.code, l.value])).toEqual([['2.1.2', 1.5]]);
  });

  test('a workbook that is not a scoring workbook is refused before anything is written', async () => {
    const fake = createFakeExcel({ locale, sheets: [{ name: 'Sheet1', cells: { A1: 'Danh sách' } }] });
    const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
    await expect(upgradeCriteriaSet(port, corrected(), DAY)).rejects.toMatchObject({ reason: 'not-scoring' });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  test('one write, all or nothing: refused at its last cell, neither the update nor the appraisal leaves a copy, a new sheet or a deleted one', async () => {
    for (const run of ['update', 'appraisal'] as const) {
      // A renamed scoring sheet, a "Minh chứng" of their own: every kind of sheet the step adds or takes away.
      const make = async () => {
        const { fake, port } = await filledWorkbook();
        await port.deleteSheet(SHEETS.evidence);
        await fake.Excel.run(async (context: Excel.RequestContext) => {
          context.workbook.worksheets.getItem(SHEETS.scoring).name = 'Chấm điểm 2024';
          context.workbook.worksheets.add(SHEETS.evidence).getRange('A1').formulas = [['Danh sách hồ sơ']];
          await context.sync();
        });
        return { fake, port };
      };
      const step = (port: WorkbookPort) => (run === 'update' ? upgradeCriteriaSet(port, corrected(), DAY) : addAppraisalColumn(port));
      const dry = await make();
      const from = dry.fake.calls.length;
      await step(dry.port);
      const formulaCalls = dry.fake.calls.slice(from).filter((c) => c === 'Range.formulas').length;

      const { fake, port } = await make();
      const before = fake.snapshot();
      fake.rejectCall('Range.formulas', { nth: formulaCalls });
      const error = await step(port).catch((e) => e);
      expect(error.userMessage.vi).toContain('Sổ làm việc vẫn giữ nguyên như trước khi bấm.');
      expect([run, fake.snapshot()]).toEqual([run, before]);
    }
  });

  test('backup names stay within Excel’s 31 characters', () => {
    const name = backupSheetName(['Chấm điểm (cũ 2025-03-14)', 'chấm điểm (cũ 2025-03-14) 2'], DAY);
    expect(name).toBe('Chấm điểm (cũ 2025-03-14) 3');
    expect(name.length).toBeLessThanOrEqual(31);
  });

  test('a "Minh chứng" sheet of their own (not a register) is copied aside as "Minh chứng (cũ)" before the register takes its name', async () => {
    for (const run of ['update', 'appraisal'] as const) {
      const { fake, port } = await filledWorkbook();
      await port.deleteSheet(SHEETS.evidence);
      await fake.Excel.run(async (context: Excel.RequestContext) => {
        const own = context.workbook.worksheets.add(SHEETS.evidence);
        own.getRange('A1:A2').formulas = [['Danh sách hồ sơ đã nộp huyện'], ['Quyết định 15/QĐ-UBND']];
        await context.sync();
      });
      if (run === 'update') await upgradeCriteriaSet(port, corrected(), DAY);
      else await addAppraisalColumn(port);
      expect(fake.sheetNames()).toEqual(expect.arrayContaining([SHEETS.evidence, `${SHEETS.evidence} (cũ)`]));
      expect([fake.cell(`${SHEETS.evidence} (cũ)`, 'A1').value, fake.cell(`${SHEETS.evidence} (cũ)`, 'A2').value])
        .toEqual(['Danh sách hồ sơ đã nộp huyện', 'Quyết định 15/QĐ-UBND']);
      // The register now under the name is the tool's own, readable as one.
      expect(readScoring(await allGrids(port)).register).not.toBeNull();
    }
  });
});

// "Tồn tại, hạn chế" stays true to the scores: the check warns (summary-stale) once the scores moved on
// from the list Tổng hợp shows; the pane's "Cập nhật Tổng hợp" and `cchc refresh` make it again, keeping
// every entry and what was typed in the panel; the original file is untouched unless --in-place.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../src/core/check/check';
import { SHEETS } from '../src/core/model/layout';
import { CellValue, WorkbookGrids } from '../src/core/model/grid';
import { planToGrids } from '../src/core/model/plan';
import { readScoring } from '../src/core/sheets/scoring/read';
import { refreshedSummary } from '../src/core/sheets/summary';
import { readReportInputs } from '../src/core/sheets/report-inputs';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { cchc, fingerprint } from './helpers/cli';
import { entriesOf } from './helpers/communes';
import { builtGrids, enter, smallSet } from './helpers/scoring';

const stale = (grids: WorkbookGrids) => (checkWorkbook(grids).issues || []).filter((i) => i.rule === 'summary-stale');

/** The workbook with Tổng hợp made again, as the pane writes it. */
function refreshed(grids: WorkbookGrids): WorkbookGrids {
  const summary = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  const sheet = planToGrids(refreshedSummary(readScoring(grids), { summaryGrid: summary }).plan).sheets[0];
  return { sheets: grids.sheets.map((s) => (s.name === SHEETS.summary ? sheet : s)) };
}

describe('summary-stale', () => {
  test.each([
    { title: 'a new workbook, nothing scored', scores: {}, warned: false },
    { title: 'scores at the maximum only: nothing lost, nothing to list', scores: { '1.1.1': 1, '1.1.2': 1, '1.2': 1, '2.1.1': 1 }, warned: false },
    { title: 'a score below the maximum typed after the list was made', scores: { '1.1.1': 0.5 }, warned: true },
    { title: 'KAD is no loss', scores: { '1.2': 'KAD' }, warned: false },
  ])('$title', ({ scores, warned }) => {
    const b = enter(builtGrids(), scores as Record<string, CellValue>);
    const found = stale(b.grids);
    expect(found.length).toBe(warned ? 1 : 0);
    if (warned) {
      expect(found[0]).toMatchObject({ severity: 'warning', sheet: SHEETS.summary });
      expect(found[0].message).toContain('Cập nhật Tổng hợp');
      // Refreshing makes the list again: the warning goes.
      expect(stale(refreshed(b.grids))).toEqual([]);
    }
  });

  test('a list made from other scores is stale too, and a workbook from before the list is not judged', () => {
    const built = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, entries: entriesOf({ '1.1.1': 0 }) }));
    expect(stale(built)).toEqual([]);
    const scoring = readScoring(built);
    built.sheets.filter((s) => s === scoring.sheet)[0].values[scoring.rowOf['1.1.1']][scoring.columns.self!] = 1;
    expect(stale(built)).toHaveLength(1);
    const older = { sheets: built.sheets.filter((s) => s.name !== SHEETS.summary) };
    expect(stale(older)).toEqual([]);
  });
});

describe('cchc refresh', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-refresh-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Built when one score was in, then scored further in Excel: the list on Tổng hợp is out of date. */
  async function typedWorkbook(name: string): Promise<string> {
    const file = path.join(dir, name);
    const report = { number: 7, signer: 'Lê Văn Cường' };
    const before = buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: entriesOf({ '1.1.1': 1 }), report });
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: entriesOf({ '1.1.1': 0.5, '2.1.1': 0 }), report });
    plan.sheets = plan.sheets.map((s) => (s.name === SHEETS.summary ? before.sheets.filter((o) => o.name === SHEETS.summary)[0] : s));
    await writePlanToFile(plan, file);
    return file;
  }

  test('--out: a new file whose list follows the scores, every entry and the panel kept; the original untouched', async () => {
    const file = await typedWorkbook('xa.xlsx');
    const before = fingerprint(file);
    expect(stale(await readWorkbookGrids(file))).toHaveLength(1);
    const ran = await cchc(dir, 'refresh', 'xa.xlsx', '--out', 'xa-moi.xlsx');
    expect(ran.code).toBe(0);
    expect(ran.out).toContain('Tồn tại, hạn chế: 2 tiêu chí thành phần bị trừ tổng cộng 1 điểm.');
    expect(ran.out).toContain('Tệp gốc xa.xlsx không bị thay đổi.');
    expect(fingerprint(file)).toBe(before);
    const grids = await readWorkbookGrids(path.join(dir, 'xa-moi.xlsx'));
    expect(stale(grids)).toEqual([]);
    const report = checkWorkbook(grids);
    expect(report.nodes!.filter((n) => n.leaf).map((n) => [n.code, n.self])).toEqual(
      checkWorkbook(await readWorkbookGrids(file)).nodes!.filter((n) => n.leaf).map((n) => [n.code, n.self]));
    expect(readReportInputs(grids.sheets.filter((s) => s.name === SHEETS.summary)[0])).toMatchObject({ number: 7, signer: 'Lê Văn Cường' });
  });

  test('--in-place writes into the file itself', async () => {
    const file = await typedWorkbook('tai-cho.xlsx');
    const ran = await cchc(dir, 'refresh', 'tai-cho.xlsx', '--in-place');
    expect(ran.code).toBe(0);
    expect(ran.out).toContain('Đã ghi vào chính tệp tai-cho.xlsx.');
    expect(stale(await readWorkbookGrids(file))).toEqual([]);
  });

  test.each([
    { title: 'neither --out nor --in-place', args: ['xa.xlsx'], message: '--out TEP-MOI.xlsx, hoặc --in-place' },
    { title: 'both', args: ['xa.xlsx', '--out', 'b.xlsx', '--in-place'], message: 'Chọn một trong hai' },
    { title: 'an existing --out', args: ['xa.xlsx', '--out', 'xa.xlsx'], message: 'đã có; không ghi đè' },
    { title: 'not a workbook', args: ['khong-co.xlsx', '--out', 'c.xlsx'], message: 'khong-co.xlsx' },
  ])('refuses $title: exit 2, a message, nothing written', async ({ args, message }) => {
    const ran = await cchc(dir, 'refresh', ...args);
    expect(ran.code).toBe(2);
    expect(ran.err).toContain(message);
    expect(ran.err).not.toMatch(/^\s+at /m);
  });
});

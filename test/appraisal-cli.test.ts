// `cchc appraisal add` (a copy with the appraisal column, the original untouched) and what `cchc check`
// says about the appraisal: the differences, in JSON and for people.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { planWithAppraisal } from '../src/core/features/appraisal';
import { checkWorkbook } from '../src/core/check/check';
import { UserError } from '../src/core/model/errors';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { cchc, fingerprint } from './helpers/cli';
import { entriesOf, extrasSet } from './helpers/communes';
import { builtGrids, enter, setCell } from './helpers/scoring';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-appraisal-cli-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const SELF = { '1.1.1': 1.5, '1.1.2': 0.75, '1.2': 'KAD', '2.1.1': '0,5', '2.1.2': 1.5, T1: 1, D1: 0.5 };

async function filled(name: string, appraisal?: Record<string, string | number>): Promise<string> {
  const file = path.join(dir, name);
  const entries = entriesOf(SELF, appraisal);
  entries['1.1.1'].values.note = 'Kế hoạch 12/KH-UBND ngày 05/01/2024';
  entries['2.1.2'].values.evidence = 'Ảnh chụp màn hình cổng dịch vụ công';
  entries['2.1.2'].evidenceLink = 'https://dichvucong.thainguyen.gov.vn/';
  await writePlanToFile(buildWorkbookPlan({ set: extrasSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: !!appraisal, entries }), file);
  return file;
}

describe('cchc appraisal add', () => {
  test('writes a copy with the appraisal columns; every entry, wrong ones included, is as it was; the original is untouched', async () => {
    const original = await filled('dong-thinh.xlsx');
    const before = fingerprint(original);
    const ran = await cchc(dir, 'appraisal', 'add', 'dong-thinh.xlsx', '--out', 'dong-thinh-tham-dinh.xlsx');
    expect(ran.code).toBe(0);
    expect(ran.out).toContain('Đã thêm cột Điểm thẩm định: dong-thinh-tham-dinh.xlsx');
    expect(ran.out).toContain('Tệp gốc dong-thinh.xlsx không bị thay đổi.');
    expect(fingerprint(original)).toBe(before);

    const oldReport = checkWorkbook(await readWorkbookGrids(original));
    const newGrids = await readWorkbookGrids(path.join(dir, 'dong-thinh-tham-dinh.xlsx'));
    const newReport = checkWorkbook(newGrids);
    expect(newReport.nodes!.map((n) => [n.code, n.self, n.notApplicable])).toEqual(oldReport.nodes!.map((n) => [n.code, n.self, n.notApplicable]));
    expect(newReport.extras!.map((e) => [e.code, e.self])).toEqual(oldReport.extras!.map((e) => [e.code, e.self]));
    expect(newReport.total).toMatchObject({ self: oldReport.total!.self, appraisal: 0, appraisalApplicableMax: 5 });
    // The same problems, on the same self cells (the over-max 1.5 and the decimal comma are still there).
    const selfIssues = (r: typeof newReport) => r.issues!.filter((i) => i.column === 'self').map((i) => [i.rule, i.code]);
    expect(selfIssues(newReport)).toEqual(selfIssues(oldReport));
    const read = checkWorkbook(newGrids);
    expect(read.nodes!.filter((n) => n.code === '1.1.1')[0].cells.appraisal).toBe('F11');
    const scoring = newGrids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    expect(scoring.values[10][7]).toBe('Kế hoạch 12/KH-UBND ngày 05/01/2024'); // Giải trình, moved right by the appraisal column
    // The evidence register comes along once, with its link.
    const register = newGrids.sheets.filter((s) => s.name === SHEETS.evidence)[0];
    const listed = register.values.filter((row) => row.indexOf('Ảnh chụp màn hình cổng dịch vụ công') >= 0);
    expect(listed.length).toBe(1);
    expect(listed[0]).toContain('https://dichvucong.thainguyen.gov.vn/');
  });

  test('--district heads and signs Tổng hợp by the district: the appraisal result is its document', async () => {
    await filled('dong-thinh-d.xlsx');
    const ran = await cchc(dir, 'appraisal', 'add', 'dong-thinh-d.xlsx', '--out', 'dong-thinh-d-td.xlsx', '--district', 'Phòng Nội vụ huyện phú lương');
    expect(ran.code).toBe(0);
    const grids = await readWorkbookGrids(path.join(dir, 'dong-thinh-d-td.xlsx'));
    const summary = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    expect([summary.values[0][0], summary.values[1][0]]).toEqual(['UBND HUYỆN PHÚ LƯƠNG', 'PHÒNG NỘI VỤ']);
    const texts = summary.values.map((r) => r.filter((v) => typeof v === 'string').join(' | ')).join('\n');
    expect(texts).toContain('Kết quả thẩm định Chỉ số cải cách hành chính');
    expect(texts).toContain('TRƯỞNG PHÒNG');
    expect(texts).not.toMatch(/TM\. ỦY BAN NHÂN DÂN/);
  });

  test('refuses (exit 1, nothing written) a workbook that already has the column', async () => {
    await filled('da-co.xlsx', { '1.1.1': 1 });
    const ran = await cchc(dir, 'appraisal', 'add', 'da-co.xlsx', '--out', 'da-co-2.xlsx');
    expect(ran.code).toBe(1);
    expect(ran.err).toContain('đã có cột "Điểm thẩm định"');
    expect(fs.existsSync(path.join(dir, 'da-co-2.xlsx'))).toBe(false);
  });

  test('never replaces the input, nor an existing file without --force', async () => {
    const original = await filled('goc.xlsx');
    const before = fingerprint(original);
    expect((await cchc(dir, 'appraisal', 'add', 'goc.xlsx', '--out', 'goc.xlsx', '--force')).code).toBe(2);
    expect(fingerprint(original)).toBe(before);
    fs.writeFileSync(path.join(dir, 'co-san.xlsx'), 'x');
    const ran = await cchc(dir, 'appraisal', 'add', 'goc.xlsx', '--out', 'co-san.xlsx', '--lang', 'en');
    expect(ran.code).toBe(2);
    expect(ran.err).toContain('already exists');
    expect(fs.readFileSync(path.join(dir, 'co-san.xlsx'), 'utf8')).toBe('x');
  });

  test('a file that is not a scoring workbook: exit 2 with the reason', async () => {
    fs.writeFileSync(path.join(dir, 'ghi-chu.xlsx'), 'không phải excel');
    const ran = await cchc(dir, 'appraisal', 'add', 'ghi-chu.xlsx', '--out', 'x.xlsx');
    expect(ran.code).toBe(2);
    expect(ran.err).toContain('ghi-chu.xlsx');
  });
});

test('cchc appraisal add copies a sheet the commune added, as values, and says so', async () => {
  const file = path.join(dir, 'rieng.xlsx');
  const plan = buildWorkbookPlan({ set: extrasSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: entriesOf(SELF) });
  plan.sheets.push({
    name: 'Ghi chú của xã', visibility: 'visible', columns: [], rowHeights: [], merges: [], validations: [], conditionalFormats: [], protect: false,
    cells: [{ row: 0, col: 0, value: 'Người phụ trách' }, { row: 0, col: 1, value: 'Chị Hoa' }, { row: 1, col: 0, value: 'Số lượng' }, { row: 1, col: 1, formula: '2+3', result: 5 }],
  });
  await writePlanToFile(plan, file);
  const ran = await cchc(dir, 'appraisal', 'add', 'rieng.xlsx', '--out', 'rieng-tham-dinh.xlsx');
  expect(ran.code).toBe(0);
  expect(ran.out).toContain('Ghi chú của xã');
  const own = (await readWorkbookGrids(path.join(dir, 'rieng-tham-dinh.xlsx'))).sheets.filter((s) => s.name === 'Ghi chú của xã')[0];
  expect(own.values.slice(0, 2)).toEqual([['Người phụ trách', 'Chị Hoa'], ['Số lượng', 5]]);
});

describe('planWithAppraisal', () => {
  test('rows of unknown codes and an earlier leftovers sheet are carried to the leftovers sheet', () => {
    const b = enter(builtGrids(), { '1.1.1': 1 });
    setCell(b.sheet, b.rowOf['1.2'], b.col.code!, '9.9');
    setCell(b.sheet, b.rowOf['1.2'], b.col.self!, 0.5);
    b.grids.sheets.push({
      name: LEFTOVERS_SHEET, visibility: 'visible', merges: [], formulas: [], hyperlinks: [],
      values: [[], [], [], ['Mã', 'Tên tiêu chí', 'Cột', 'Giá trị cũ', 'Lý do'], ['3.4.1', 'Tiêu chí cũ', 'Điểm tự chấm', 0.75, 'Bộ tiêu chí mới không còn tiêu chí 3.4.1.']],
    });
    const addition = planWithAppraisal(b.grids);
    expect(addition.leftovers.map((l) => [l.code, l.role, l.value]).sort()).toEqual([['3.4.1', 'self', 0.75], ['9.9', 'self', 0.5]]);
    expect(addition.carried).toBe(1);
    const report = checkWorkbook(planToGrids(addition.plan));
    expect(report.total!.self).toBe(1);
  });

  test('text on a subtotal row is kept on the leftovers sheet; a score already over its maximum stays where it was typed', () => {
    const b = enter(builtGrids(), { '1.1.1': 3, '1.1.2': 0.5 });
    setCell(b.sheet, b.rowOf['1.1'], b.col.note!, 'Ghi chú cho cả tiêu chí');
    const addition = planWithAppraisal(b.grids);
    expect(addition.leftovers.map((l) => [l.code, l.role, l.value])).toEqual([['1.1', 'note', 'Ghi chú cho cả tiêu chí']]);
    const report = checkWorkbook(planToGrids(addition.plan));
    // The wrong score travels as typed, so the check keeps reporting it where it was.
    expect((report.issues || []).filter((i) => i.code === '1.1.1' && i.severity === 'error').map((i) => [i.rule, i.column])).toEqual([['over-max', 'self']]);
  });

  test('duplicated rows are refused: the second row\'s entries would be lost', () => {
    const b = enter(builtGrids(), { '1.1.1': 1, '1.2': 1 });
    setCell(b.sheet, b.rowOf['1.2'], b.col.code!, '1.1.1');
    expect(() => planWithAppraisal(b.grids)).toThrow(UserError);
  });
});

describe('cchc check and the appraisal', () => {
  test('--json lists the differences; the text output shows them with the cells', async () => {
    await filled('tham-dinh.xlsx', { '1.1.1': 1, '1.1.2': 0.5, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5, T1: 0.5, D1: 0.5 });
    const json = await cchc(dir, 'check', 'tham-dinh.xlsx', '--json');
    const report = JSON.parse(json.out).files[0];
    expect(report.differences.map((d: { code: string; diff: number | null }) => [d.code, d.diff])).toEqual([
      ['1.1.1', -0.5], ['1.1.2', -0.25], ['1.2', null], ['T1', -0.5],
    ]);
    const text = await cchc(dir, 'check', 'tham-dinh.xlsx');
    expect(text.out).toContain('Chênh lệch thẩm định / tự chấm: 4 mục');
    expect(text.out).toContain('≠ F13    1.2 Báo cáo CCHC: KAD → 1');
    expect(text.out).toContain('≠ F12    1.1.2 Mức độ hoàn thành: 0,75 → 0,5 (−0,25)');
    expect(text.out).toContain('Điểm thưởng: +1 (tự chấm), +0,5 (thẩm định)');
    const english = await cchc(dir, 'check', 'tham-dinh.xlsx', '--lang', 'en');
    expect(english.out).toContain('Appraisal differs from the self score: 4 item(s)');
  });
});

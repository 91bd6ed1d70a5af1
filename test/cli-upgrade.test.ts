// `cchc build --from OLD.xlsx [--criteria NEW.json] --out NEW.xlsx` on real files: every entry goes
// over by code, what has no place is listed with its reason, and OLD.xlsx is never touched.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Entries, EvidenceDoc } from '../src/core/model/entries';
import { SHEETS } from '../src/core/model/layout';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { recalculate } from './libreoffice';
import { STACK_FRAME, cchc, fingerprint } from './helpers/cli';
import { SMALL_SET_RAW, smallSet } from './helpers/scoring';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';

const ENTRIES: Entries = {
  '1.1.1': { values: { self: 1, appraisal: 0.5, note: '=Kế hoạch đúng hạn', appraisalNote: 'Đồng ý' } },
  '1.1.2': { values: { self: 0.75, note: '+ thêm báo cáo quý' } },
  '1.2': { values: { self: 'KAD', note: 'Không phát sinh' } },
  '2.1.1': { values: { self: 0.5 } },
  '2.1.2': { values: { self: 1.5, appraisal: 1 } },
};

const REGISTER: EvidenceDoc[] = [
  { codes: ['1.1.1'], number: '125/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch CCHC năm 2024', link: 'minh-chung/125-KH-UBND.pdf' },
];

/** 2.1.2 lowered to 1 and 2.1.1 renamed. */
const CORRECTED = (() => {
  const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  raw.id = 'test-set-2';
  const c21 = raw.nodes[1].children[0];
  c21.children[0].name = 'Niêm yết công khai tại bộ phận một cửa';
  c21.children[1].max = 1;
  c21.children[1].levels = [0, 0.5, 1];
  c21.max = 1.5;
  raw.nodes[1].max = 1.5;
  return raw;
})();

let dir: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-upgrade-'));
  await writePlanToFile(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true, entries: ENTRIES, evidence: REGISTER }), file('old.xlsx'));
  // A person adds a sheet of their own to the workbook.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file('old.xlsx'));
  const own = wb.addWorksheet('Theo dõi');
  own.getCell('A1').value = 'Việc cần làm';
  own.getCell('A2').value = '@Hoàn thiện hồ sơ';
  await wb.xlsx.writeFile(file('old.xlsx'));
  fs.writeFileSync(file('corrected.json'), JSON.stringify(CORRECTED));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function file(name: string): string {
  return path.join(dir, name);
}

async function entriesOf(name: string): Promise<{ entries: Entries; register: EvidenceDoc[]; sheets: string[]; leftovers: unknown[][] }> {
  const grids = await readWorkbookGrids(file(name));
  const { entries, register } = extractEntries(readScoring(grids));
  const leftovers = grids.sheets.filter((s) => s.name === LEFTOVERS_SHEET)[0];
  return { entries, register, sheets: grids.sheets.map((s) => s.name), leftovers: leftovers ? leftovers.values.slice(4).map((r) => r.slice(0, 4)) : [] };
}

test('a rebuild under the same set carries everything and leaves the old file untouched', async () => {
  const before = fingerprint(file('old.xlsx'));
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--out', 'new.xlsx');
  expect(ran.err).toBe('');
  expect(ran.code).toBe(0);
  expect(ran.out).toMatch(/Đã dựng lại bảng chấm điểm: new\.xlsx \(từ old\.xlsx\)/);
  expect(ran.out).toMatch(/Bộ tiêu chí: test-set \(giữ nguyên\)/);
  expect(ran.out).toMatch(/Đã chuyển 11 nội dung theo mã tiêu chí và 1 tài liệu/);
  expect(ran.out).toMatch(/Tệp cũ old\.xlsx không bị thay đổi/);
  expect(fingerprint(file('old.xlsx'))).toBe(before);

  const old = await entriesOf('old.xlsx');
  const rebuilt = await entriesOf('new.xlsx');
  expect(rebuilt.entries).toEqual(old.entries);
  expect(rebuilt.register).toEqual(REGISTER);
  expect(rebuilt.leftovers).toEqual([]);
  expect(rebuilt.sheets).toEqual(expect.arrayContaining([SHEETS.scoring, SHEETS.summary, SHEETS.evidence, 'Theo dõi']));
  const own = (await readWorkbookGrids(file('new.xlsx'))).sheets.filter((s) => s.name === 'Theo dõi')[0];
  expect(own.values).toEqual([['Việc cần làm'], ['@Hoàn thiện hồ sơ']]);
  expect(([] as Array<string | null>).concat(...own.formulas).filter((f) => f !== null)).toEqual([]);
});

test('an upgrade to a corrected set moves entries by code and lists what no longer fits', async () => {
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--criteria', 'corrected.json', '--out', 'new.xlsx');
  expect(ran.code).toBe(0);
  expect(ran.out).toMatch(/Bộ tiêu chí: test-set → test-set-2/);
  expect(ran.out).toMatch(/1 nội dung không đặt được vào bảng mới, được giữ ở trang "Mục chưa chuyển"/);
  expect(ran.out).toMatch(/2\.1\.2 · Điểm tự chấm · "1,5": Điểm 1,5 vượt điểm tối đa mới 1: chấm lại\./);
  expect(ran.out).toMatch(/2\.1\.1: "Niêm yết" → "Niêm yết công khai tại bộ phận một cửa"/);
  const rebuilt = await entriesOf('new.xlsx');
  expect(rebuilt.entries['2.1.2'].values).toEqual({ appraisal: 1 });
  expect(rebuilt.entries['1.1.1'].values).toEqual(ENTRIES['1.1.1'].values);
  expect(rebuilt.leftovers).toEqual([['2.1.2', 'Cổng dịch vụ công', 'Điểm tự chấm', 1.5]]);
});

test('English on request', async () => {
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--criteria', 'corrected.json', '--out', 'new.xlsx', '--lang', 'en');
  expect(ran.code).toBe(0);
  expect(ran.out).toMatch(/Scoring workbook rebuilt: new\.xlsx \(from old\.xlsx\)/);
  expect(ran.out).toMatch(/Score 1\.5 exceeds the new maximum 1: score it again\./);
});

test('the output may never be the old workbook, --force or not', async () => {
  const before = fingerprint(file('old.xlsx'));
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--out', 'old.xlsx', '--force');
  expect(ran.code).toBe(2);
  expect(ran.err).toMatch(/cũng là tệp đầu vào/);
  expect(ran.out + ran.err).not.toMatch(STACK_FRAME);
  expect(fingerprint(file('old.xlsx'))).toBe(before);
});

test('an existing output is not replaced without --force', async () => {
  fs.writeFileSync(file('new.xlsx'), 'giữ nguyên');
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--out', 'new.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toMatch(/đã có; không ghi đè/);
  expect(fs.readFileSync(file('new.xlsx'), 'utf8')).toBe('giữ nguyên');
});

test('the unit and year can be corrected on the way', async () => {
  const ran = await cchc(dir, 'build', '--from', 'old.xlsx', '--unit', 'Phường Tân Lập', '--year', '2025', '--out', 'new.xlsx');
  expect(ran.code).toBe(0);
  expect(ran.out).toMatch(/Đơn vị: Phường Tân Lập — năm 2025/);
  const meta = readScoring(await readWorkbookGrids(file('new.xlsx'))).meta;
  expect([meta.unit, meta.year]).toEqual(['Phường Tân Lập', 2025]);
});

itIfEngine('soffice', 'a workbook saved by LibreOffice upgrades the same as the original', async () => {
  const saved = await recalculate(file('old.xlsx'));
  fs.copyFileSync(saved, file('saved-by-libreoffice.xlsx'));
  const ran = await cchc(dir, 'build', '--from', 'saved-by-libreoffice.xlsx', '--criteria', 'corrected.json', '--out', 'new.xlsx');
  expect(ran.code).toBe(0);
  const fromOriginal = await cchc(dir, 'build', '--from', 'old.xlsx', '--criteria', 'corrected.json', '--out', 'new-from-original.xlsx');
  expect(fromOriginal.code).toBe(0);
  const a = await entriesOf('new.xlsx');
  const b = await entriesOf('new-from-original.xlsx');
  expect(a.entries).toEqual(b.entries);
  expect(a.register).toEqual(b.register);
  expect(a.leftovers).toEqual(b.leftovers);
});

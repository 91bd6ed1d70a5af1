// `cchc build`, run in-process as a user would type it.

import { Ran, cchc as runCchc } from './helpers/cli';
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { describeSet, flattenSet } from '../src/core/model/criteria';
import { SHEETS } from '../src/core/model/layout';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { SMALL_SET_RAW } from './helpers/scoring';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-build-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});


/** `cchc` run in-process in the test's folder (test/helpers/cli.ts). */
function cchc(...argv: string[]): Promise<Ran> {
  return runCchc(dir, ...argv);
}

function writeJson(name: string, data: unknown): string {
  fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return name;
}

function hash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
}

/** The values of the sheet's code column: which criteria rows the workbook has. */
async function codesIn(file: string): Promise<{ codes: string[]; headers: unknown[]; meta: unknown[][] }> {
  const grids = await readWorkbookGrids(path.join(dir, file));
  const scoring = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
  const headerRow = scoring.values.findIndex((r) => r.indexOf('Mã') >= 0);
  const codeCol = scoring.values[headerRow].indexOf('Mã');
  const codes = scoring.values.slice(headerRow + 1).map((r) => r[codeCol]).filter((v): v is string => typeof v === 'string' && !v.startsWith('#'));
  return { codes, headers: scoring.values[headerRow], meta: grids.sheets.filter((s) => s.name === SHEETS.meta)[0].values };
}

test('builds the default workbook and says what it wrote, in Vietnamese', async () => {
  const ran = await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--out', 'dong-thinh-2024.xlsx');
  expect(ran).toMatchObject({ code: 0, err: '' });
  const set = defaultSet();
  const counts = describeSet(set);
  expect(ran.out).toContain('Đã tạo bảng chấm điểm: dong-thinh-2024.xlsx');
  expect(ran.out).toContain('Đơn vị: Xã Đồng Thịnh — năm 2024');
  expect(ran.out).toContain(`Bộ tiêu chí: ${set.id} (tham khảo)`);
  expect(ran.out).toContain('! Bộ tiêu chí tham khảo');
  expect(ran.out).toContain(`${counts.domains} lĩnh vực, ${counts.criteria} tiêu chí, ${counts.leaves} mục chấm điểm; tổng 100 điểm.`);
  expect(ran.out.trim().split('\n').pop()).toBe('Mở tệp bằng Excel để chấm điểm.');
  const { codes, headers, meta } = await codesIn('dong-thinh-2024.xlsx');
  expect(codes).toEqual(flattenSet(set).map((f) => f.code));
  expect(headers).not.toContain('Điểm thẩm định');
  expect(meta).toEqual(expect.arrayContaining([['unit', 'Xã Đồng Thịnh'], ['year', 2024], ['set.id', set.id]]));
});

test('a bare place name is taken as a xã', async () => {
  const ran = await cchc('build', '--unit', '  Đồng   Thịnh ', '--year', '2024', '--out', 'a.xlsx');
  expect(ran.code).toBe(0);
  expect(ran.out).toContain('Đơn vị: Xã Đồng Thịnh — năm 2024');
});

test('--appraisal adds the appraisal columns', async () => {
  const ran = await cchc('build', '--unit', 'Phường Hoàng Văn Thụ', '--year', '2024', '--appraisal', '--out', 'hvt.xlsx');
  expect(ran.code).toBe(0);
  expect(ran.out).toContain('Có cột Điểm thẩm định');
  const { headers, meta } = await codesIn('hvt.xlsx');
  expect(headers).toEqual(expect.arrayContaining(['Điểm tự chấm', 'Điểm thẩm định', 'Ý kiến thẩm định']));
  expect(meta).toEqual(expect.arrayContaining([['appraisal', 1], ['unit', 'Phường Hoàng Văn Thụ']]));
});

test('--criteria builds from a custom set, and notes a set made for another year', async () => {
  writeJson('small.json', { ...SMALL_SET_RAW, status: 'official', year: 2025 });
  const ran = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--criteria', 'small.json', '--out', 'a.xlsx');
  expect(ran).toMatchObject({ code: 0, err: '' });
  expect(ran.out).toContain('Bộ tiêu chí: test-set (chính thức)');
  expect(ran.out).not.toContain('tham khảo');
  expect(ran.out).toContain('Lưu ý: bộ tiêu chí dành cho năm 2025, bảng chấm điểm năm 2024.');
  expect(ran.out).toContain('2 lĩnh vực, 3 tiêu chí, 5 mục chấm điểm; tổng 5 điểm.');
  const { codes } = await codesIn('a.xlsx');
  expect(codes).toEqual(['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', '2.1.1', '2.1.2']);
});

test('an inconsistent set lists every problem, writes nothing and exits 2', async () => {
  const broken = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  broken.nodes[0].max = 4; // children sum to 3
  broken.nodes[1].children[0].children[1].code = '2.1.1'; // duplicate
  writeJson('broken.json', broken);
  const ran = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--criteria', 'broken.json', '--out', 'a.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain('Bộ tiêu chí broken.json có 2 lỗi; chưa tạo tệp nào:');
  expect(ran.err).toContain('Mục 1: điểm tối đa 4 khác tổng các mục con 3.');
  expect(ran.err).toContain('Mã 2.1.1 bị trùng.');
  expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  expect(fs.readdirSync(dir)).toEqual(['broken.json']);
});

test.each([
  ['a JSON syntax error', '{ "id": "x", '],
  ['an empty file', ''],
])('%s in --criteria: a clear message and exit 2', async (_title, text) => {
  writeJson('bad.json', text);
  const ran = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--criteria', 'bad.json', '--out', 'a.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain('Tệp bad.json không phải JSON hợp lệ');
  expect(ran.err).not.toMatch(/\n\s+at /);
  expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
});

test('a missing --criteria file: exit 2', async () => {
  const ran = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--criteria', 'nowhere.json', '--out', 'a.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain('Không tìm thấy hoặc không đọc được tệp nowhere.json.');
});

test('an existing --out is left untouched without --force, replaced with it', async () => {
  fs.writeFileSync(path.join(dir, 'a.xlsx'), 'the commune\'s scored workbook');
  const before = hash('a.xlsx');
  const refused = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--out', 'a.xlsx');
  expect(refused.code).toBe(2);
  expect(refused.err).toContain('Tệp a.xlsx đã có; không ghi đè. Chọn tên khác, hoặc thêm --force để thay tệp cũ.');
  expect(hash('a.xlsx')).toBe(before);
  const forced = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--out', 'a.xlsx', '--force');
  expect(forced.code).toBe(0);
  expect((await codesIn('a.xlsx')).codes.length).toBeGreaterThan(0);
  expect(fs.readdirSync(dir)).toEqual(['a.xlsx']);
});

test('--out may never replace the criteria file it reads', async () => {
  writeJson('set.xlsx', SMALL_SET_RAW);
  const before = hash('set.xlsx');
  const ran = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--criteria', 'set.xlsx', '--out', 'set.xlsx', '--force');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain('cũng là tệp đầu vào');
  expect(hash('set.xlsx')).toBe(before);
});

test.each([
  [['--year', '1999'], '--year phải là năm đánh giá từ 2000 đến 2100'],
  [['--year', '2101'], '--year phải là năm đánh giá từ 2000 đến 2100'],
  [['--year', '24'], '(đang là "24")'],
  [['--year', '2024.5'], '--year phải là năm đánh giá'],
  [['--year', 'năm nay'], '--year phải là năm đánh giá'],
  [[], '--year phải là năm đánh giá'],
])('a bad year %j is refused: exit 2, nothing written', async (yearArgs, message) => {
  const ran = await cchc('build', '--unit', 'Xã A', ...yearArgs, '--out', 'a.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain(message);
  expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
});

test.each([
  [['--unit', '   '], 'Thiếu tên đơn vị'],
  [[], 'Thiếu tên đơn vị'],
  [['--unit', 'x'.repeat(101)], 'Tên đơn vị dài quá 100 ký tự.'],
])('a bad unit is refused: exit 2', async (unitArgs, message) => {
  const ran = await cchc('build', ...unitArgs, '--year', '2024', '--out', 'a.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.err).toContain(message);
});

test('--out must name an .xlsx file in a folder that exists', async () => {
  const missing = await cchc('build', '--unit', 'Xã A', '--year', '2024');
  expect(missing.code).toBe(2);
  expect(missing.err).toContain('Thiếu tệp ghi ra');
  const wrongType = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--out', 'a.xls');
  expect(wrongType.code).toBe(2);
  expect(wrongType.err).toContain('--out phải là tệp .xlsx (đang là a.xls).');
  const noFolder = await cchc('build', '--unit', 'Xã A', '--year', '2024', '--out', 'khong-co/a.xlsx');
  expect(noFolder.code).toBe(2);
  expect(noFolder.err).toContain('không tồn tại');
  expect(fs.readdirSync(dir)).toEqual([]);
});

test('--lang en speaks English', async () => {
  const ran = await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--appraisal', '--out', 'a.xlsx', '--lang', 'en');
  expect(ran.code).toBe(0);
  expect(ran.out).toContain('Scoring workbook written: a.xlsx');
  expect(ran.out).toContain('Unit: Xã Đồng Thịnh — year 2024');
  expect(ran.out).toContain('(reference)');
  expect(ran.out).toContain('! A reference set, not checked against the issued document: check it before use.');
  expect(ran.out).toContain('points in all.');
  expect(ran.out).toContain('With the appraisal columns');
  expect(ran.out.trim().split('\n').pop()).toBe('Open the file in Excel to score.');
  const refused = await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '1999', '--out', 'b.xlsx', '--lang', 'en');
  expect(refused.err).toContain('--year must be the assessment year, 2000 to 2100');
  const exists = await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--out', 'a.xlsx', '--lang', 'en');
  expect(exists.err).toContain('a.xlsx already exists; not overwritten. Choose another name, or add --force to replace it.');
});

test('a reader that stops early (cchc check … | head) ends the command quietly, without a stack trace', async () => {
  expect((await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--out', 'pipe.xlsx')).code).toBe(0);
  const bin = path.join(__dirname, '..', 'bin', 'cchc.js');
  // The JSON report is larger than a pipe's buffer, so the command is still writing when head leaves.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" check pipe.xlsx --json | head -c 100 >/dev/null`], { cwd: dir, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

// Workbooks for every commune in one go: the district's list of units, as a text or CSV file, one
// unit a line with its type; `cchc build --units LIST --out-dir DIR` makes a blank workbook for each.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseUnitList } from '../src/core/features/units';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { readScoring } from '../src/core/sheets/scoring/read';
import { readAssignment } from '../src/core/sheets/assignment/read';
import { cchc, STACK_FRAME } from './helpers/cli';

describe('the list of units', () => {
  test.each([
    { title: 'one unit a line, its type first', text: 'Xã Đồng Thịnh\nPhường Hoàng Văn Thụ\r\nthị trấn  Chợ Chu\n', units: ['Xã Đồng Thịnh|xa-dong-thinh-2024.xlsx', 'Phường Hoàng Văn Thụ|phuong-hoang-van-thu-2024.xlsx', 'Thị trấn Chợ Chu|thi-tran-cho-chu-2024.xlsx'] },
    { title: 'CSV with a header, a numbering column and the type apart (";" as Vietnamese Excel saves)', text: 'STT;Tên đơn vị;Loại\n1;Đồng Thịnh;xã\n2.;Chợ Chu;Thị trấn\n', units: ['Xã Đồng Thịnh|xa-dong-thinh-2024.xlsx', 'Thị trấn Chợ Chu|thi-tran-cho-chu-2024.xlsx'] },
    { title: 'the type first, a comma, quotes; blank and # lines skipped', text: '"xã","Phú Đình"\n\n# các xã vùng cao\nTT,"Chợ Chu"\n', units: ['Xã Phú Đình|xa-phu-dinh-2024.xlsx', 'Thị trấn Chợ Chu|thi-tran-cho-chu-2024.xlsx'] },
    { title: 'names written in NFD (macOS) and without diacritics alike', text: 'Xã Đồng Thịnh'.normalize('NFD') + '\nxa Dong Thinh\n', units: ['Xã Đồng Thịnh|xa-dong-thinh-2024.xlsx', 'Xã Dong Thinh|xa-dong-thinh-2024-2.xlsx'] },
  ])('$title', ({ text, units }) => {
    const parsed = parseUnitList(text, 2024);
    expect(parsed.problems).toEqual([]);
    expect(parsed.units.map((u) => `${u.unit}|${u.file}`)).toEqual(units);
  });

  test.each([
    { title: 'a name without its type', text: 'Xã Đồng Thịnh\nBảo Cường\n', problems: ['Dòng 2: "Bảo Cường" thiếu loại đơn vị.'] },
    { title: 'a unit twice', text: 'Xã Đồng Thịnh\nxã  đồng thịnh\n', problems: ['Dòng 2: Xã Đồng Thịnh đã có ở dòng 1.'] },
    { title: 'nothing in it', text: '\n# chỉ có ghi chú\n', problems: ['Danh sách không có đơn vị nào'] },
  ])('refuses $title', ({ text, problems }) => {
    expect(parseUnitList(text, 2024).problems.map((p) => p.message.vi.slice(0, problems[0].length))).toEqual(problems);
  });
});

describe('cchc build --units', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-units-'));
    // Saved from Excel as "Unicode text": UTF-16 with its byte order mark, tabs between the columns.
    fs.writeFileSync(path.join(dir, 'danh sach.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Tên\tLoại\r\nĐồng Thịnh\txã\r\nChợ Chu\tthị trấn\r\n', 'utf16le')]));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('a ready workbook for each unit, named after it, with its unit, year and the Phân công sheet', async () => {
    const r = await cchc(dir, 'build', '--units', 'danh sach.txt', '--out-dir', 'gui cac xa', '--year', '2025');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Đã tạo 2 bảng chấm điểm năm 2025 trong thư mục gui cac xa:');
    expect(fs.readdirSync(path.join(dir, 'gui cac xa')).sort()).toEqual(['thi-tran-cho-chu-2025.xlsx', 'xa-dong-thinh-2025.xlsx']);
    const grids = await readWorkbookGrids(path.join(dir, 'gui cac xa', 'thi-tran-cho-chu-2025.xlsx'));
    expect([readScoring(grids).meta.unit, readScoring(grids).meta.year]).toEqual(['Thị trấn Chợ Chu', 2025]);
    expect(readAssignment(grids)!.commonDue).toBe('25/11/2025');
    const check = await cchc(dir, 'check', path.join('gui cac xa', 'xa-dong-thinh-2025.xlsx'), '--json');
    expect(JSON.parse(check.out).files[0]).toMatchObject({ error: null, unit: 'Xã Đồng Thịnh', year: 2025 });
  });

  const refusals = [
    { title: 'files already there, without --force', argv: ['--units', 'danh sach.txt', '--out-dir', 'gui cac xa', '--year', '2025'], message: /đã có 2 tệp trùng tên/ },
    { title: 'a line without its type', argv: ['--units', 'sai.txt', '--out-dir', 'moi', '--year', '2025'], message: /Danh sách sai\.txt có 1 dòng chưa dùng được; chưa tạo tệp nào:\n {2}✗ Dòng 2: "Bảo Cường" thiếu loại đơn vị/ },
    { title: '--units with --unit', argv: ['--units', 'danh sach.txt', '--unit', 'Xã A', '--out-dir', 'moi', '--year', '2025'], message: /không dùng cả hai/ },
    { title: 'no year', argv: ['--units', 'danh sach.txt', '--out-dir', 'moi'], message: /--year phải là năm đánh giá/ },
  ];
  test.each(refusals)('refuses $title: exit 2, a message, nothing written', async ({ argv, message }) => {
    fs.writeFileSync(path.join(dir, 'sai.txt'), 'Xã Đồng Thịnh\nBảo Cường\n');
    const r = await cchc(dir, 'build', ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK_FRAME);
    expect(fs.existsSync(path.join(dir, 'moi'))).toBe(false);
  });

  test('--force replaces the files of the list', async () => {
    expect((await cchc(dir, 'build', '--units', 'danh sach.txt', '--out-dir', 'gui cac xa', '--year', '2025', '--force')).code).toBe(0);
  });
});

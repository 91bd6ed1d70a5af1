// Merging the sections' copies: the Văn phòng sends the assigned workbook by e-mail, each section fills
// its items in LibreOffice and sends its copy back, `cchc merge` takes from each copy the items of its
// section. Where copies disagree, or a copy changed an item of someone else or the assignment itself,
// the main workbook's content stays and the difference is listed, on the terminal and on a sheet. No
// input is modified; the merged workbook passes `cchc check`.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { readScoring } from '../src/core/sheets/scoring/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { a1, cellAt, cellText } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { CONFLICTS_SHEET } from '../src/core/sheets/conflicts';
import { ownerByChanges, ownerByFileName } from '../src/core/features/merge/versions';
import { DEFAULT_PEOPLE } from '../src/core/model/assignment';
import { SMALL_SET_RAW } from './helpers/scoring';
import { cchc, fingerprint, STACK_FRAME } from './helpers/cli';
import { describeIfEngine } from './engines';
import { UnoOp, closeEditorAfterAll, editInLibreOffice } from './helpers/uno';

describe('whose copy it is', () => {
  const people = DEFAULT_PEOPLE.concat([{ name: 'Nguyễn Thị Hoa', role: '' }, { name: 'Hoa', role: '' }]);
  test.each([
    { file: 'dong-thinh-2024 - Tu phap.xlsx', owner: 'Tư pháp - Hộ tịch' },
    { file: 'Bảng chấm điểm (Tư pháp - Hộ tịch).xlsx', owner: 'Tư pháp - Hộ tịch' },
    { file: 'VAN_PHONG_gui_lai.xlsx', owner: 'Văn phòng - Thống kê' },
    { file: 'nguyen-thi-hoa.xlsx', owner: 'Nguyễn Thị Hoa' },
    { file: 'dong-thinh-2024 (1).xlsx', owner: null },
    // "hoa" alone is a word of "van hoa" too: too short a name to tell by.
    { file: 'van-hoa.xlsx', owner: 'Văn hóa - Xã hội' },
  ])('$file → $owner', ({ file, owner }) => {
    expect(ownerByFileName(file, people)).toBe(owner);
  });

  test.each([
    { owners: ['A', 'A', ''], expected: 'A' },
    { owners: ['A', 'B', 'A'], expected: 'A' },
    { owners: ['A', 'B'], expected: null },
    { owners: ['', ''], expected: null },
  ])('changes of $owners → $expected', ({ owners, expected }) => {
    expect(ownerByChanges(owners)).toBe(expected);
  });
});

describeIfEngine(['soffice', 'uno'], 'cchc merge with copies filled and saved in LibreOffice', () => {
  closeEditorAfterAll();
  let dir: string;
  const file = (name: string) => path.join(dir, name);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-merge-'));
    fs.writeFileSync(file('bo.json'), JSON.stringify(SMALL_SET_RAW));
    const run = async (...argv: string[]) => expect((await cchc(dir, ...argv)).code).toBe(0);
    await run('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--criteria', 'bo.json', '--out', 'chinh.xlsx');
    await run('assign', 'chinh.xlsx', '1', '--to', 'Văn phòng - Thống kê', '--in-place');
    await run('assign', 'chinh.xlsx', '2', '--to', 'Tư pháp - Hộ tịch', '--due', '20/11/2024', '--in-place');
    // The Văn phòng keeps working in the main workbook meanwhile.
    const b = readScoring(await readWorkbookGrids(file('chinh.xlsx')));
    const cell = (code: string, role: 'self' | 'note' | 'owner') => a1(b.rowOf[code], b.columns[role]!);
    const reg = (row: number, field: keyof typeof REGISTER_COL) => a1(REGISTER_FIRST_ROW + row, REGISTER_COL[field]);
    const type = (sheet: string, at: string, text: string): UnoOp => ({ op: 'type', sheet, cell: at, text });
    const S = SHEETS.scoring;
    const E = SHEETS.evidence;
    // Tư pháp's copy, named after the section: its two items, a document with its figures; and by
    // mistake a score on an item of the Văn phòng.
    await editInLibreOffice(file('chinh.xlsx'), file('dong-thinh - Tu phap.xlsx'), [
      type(S, cell('2.1.1', 'self'), '0.5'),
      type(S, cell('2.1.2', 'self'), '1.5'),
      type(S, cell('2.1.2', 'note'), 'Cổng DVC: 95% hồ sơ trực tuyến'),
      type(E, reg(0, 'codes'), '2.1.2'),
      type(E, reg(0, 'number'), '01/BC-UBND'),
      type(E, reg(0, 'summary'), 'Báo cáo dịch vụ công trực tuyến'),
      type(E, reg(0, 'figures'), '95% hồ sơ đúng hạn'),
      type(S, cell('1.1.1', 'self'), '0'),
    ]);
    // The Văn phòng's copy, under a name that names nobody: told by the items it changed. It also
    // hands criterion 2.1 to itself, which is an assignment change.
    await editInLibreOffice(file('chinh.xlsx'), file('ban gui lai (1).xlsx'), [
      type(S, cell('1.1.1', 'self'), '1'),
      type(S, cell('1.1.2', 'self'), '0.75'),
      type(S, cell('1.2', 'self'), 'KAD'),
      type(S, cell('1.2', 'note'), 'Không phát sinh báo cáo trong năm'),
      type(S, cell('2.1', 'owner'), 'Văn phòng - Thống kê'),
    ]);
    // A second copy from Tư pháp that scores 2.1.1 differently.
    await editInLibreOffice(file('chinh.xlsx'), file('tu-phap-sua.xlsx'), [type(S, cell('2.1.1', 'self'), '0')]);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('each copy gives its section\'s items; differences stay listed, nothing overwritten; inputs untouched; the result checks', async () => {
    const inputs = ['chinh.xlsx', 'dong-thinh - Tu phap.xlsx', 'ban gui lai (1).xlsx', 'tu-phap-sua.xlsx'];
    const before = inputs.map((f) => fingerprint(file(f)));
    const r = await cchc(dir, 'merge', ...inputs, '--out', 'gop.xlsx');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Đã gộp 3 bản vào gop.xlsx.');
    expect(r.out).toContain('dong-thinh - Tu phap.xlsx: bản của Tư pháp - Hộ tịch (theo tên tệp); lấy 1 mục: 2.1.2');
    expect(r.out).toContain('ban gui lai (1).xlsx: bản của Văn phòng - Thống kê (theo các mục đã sửa); lấy 3 mục: 1.1.1, 1.1.2, 1.2');
    expect(r.out).toContain('tu-phap-sua.xlsx: bản của Tư pháp - Hộ tịch (theo tên tệp); lấy 0 mục');
    expect(inputs.map((f) => fingerprint(file(f)))).toEqual(before);

    const grids = await readWorkbookGrids(file('gop.xlsx'));
    const { entries, register } = extractEntries(readScoring(grids));
    const self = (code: string) => (entries[code] ? entries[code].values.self : undefined);
    expect(['1.1.1', '1.1.2', '1.2', '2.1.1', '2.1.2'].map(self)).toEqual([1, 0.75, 'KAD', undefined, 1.5]);
    expect(entries['2.1.2'].values.note).toBe('Cổng DVC: 95% hồ sơ trực tuyến');
    expect(register).toEqual([{ codes: ['2.1.2'], number: '01/BC-UBND', date: '', summary: 'Báo cáo dịch vụ công trực tuyến', figures: '95% hồ sơ đúng hạn', link: '' }]);
    // The assignment stays the Văn phòng's own: 2.1 is still nobody's but Tư pháp's (through domain 2).
    expect(entries['2.1'] ? entries['2.1'].values.owner : undefined).toBeUndefined();
    expect(entries['2'].values.owner).toBe('Tư pháp - Hộ tịch');

    const sheet = grids.sheets.filter((s) => s.name === CONFLICTS_SHEET)[0];
    const rows = sheet.values.slice(4).map((row) => [0, 2, 3, 4, 5].map((c) => cellText(row[c] === undefined ? null : row[c])));
    expect(rows).toEqual([
      ['1.1.1', 'Điểm tự chấm', '', 'dong-thinh - Tu phap.xlsx', '0'],
      ['2.1.1', 'Điểm tự chấm', '', 'dong-thinh - Tu phap.xlsx', '0.5'],
      ['2.1.1', 'Điểm tự chấm', '', 'tu-phap-sua.xlsx', '0'],
      ['2.1', 'Phụ trách', '', 'ban gui lai (1).xlsx', 'Văn phòng - Thống kê'],
    ]);
    expect(cellText(cellAt(sheet, 4, 6))).toMatch(/^Bản này sửa một mục được giao cho Văn phòng - Thống kê/);
    expect(cellText(cellAt(sheet, 5, 6))).toMatch(/^Các bản dong-thinh - Tu phap.xlsx, tu-phap-sua.xlsx ghi khác nhau/);

    const check = await cchc(dir, 'check', 'gop.xlsx', '--json');
    expect(check.code).toBe(0);
    expect(JSON.parse(check.out).files[0].error).toBeNull();
  });

  test('a copy sent before the main workbook was filled further: what it lacks is no change of its own', async () => {
    // gop.xlsx has the Văn phòng's items filled since the copy left; the copy is blank there.
    const r = await cchc(dir, 'merge', 'gop.xlsx', 'dong-thinh - Tu phap.xlsx', '--out', 'gop-2.xlsx');
    expect(r.code).toBe(1);
    // 2.1.1, left aside while two copies disagreed, comes now that one copy alone gives it.
    expect(r.out).toContain('lấy 1 mục: 2.1.1');
    const conflicts = r.out.split('\n').filter((l) => / · /.test(l));
    expect(conflicts.map((l) => l.trim().split(':')[0])).toEqual(['1.1.1 · Điểm tự chấm · dong-thinh - Tu phap.xlsx']);
  });

  const refusals = [
    { title: 'a copy of another commune', setup: async () => {
      await cchc(dir, 'build', '--unit', 'Xã Phú Đình', '--year', '2024', '--criteria', 'bo.json', '--out', 'phu-dinh.xlsx');
    }, argv: ['chinh.xlsx', 'phu-dinh.xlsx', '--out', 'x.xlsx'], message: /phu-dinh\.xlsx không phải bản sao của bảng chính: đó là bảng của Xã Phú Đình/ },
    { title: 'no copy', setup: async () => undefined, argv: ['chinh.xlsx', '--out', 'x.xlsx'], message: /Cần bảng chính và ít nhất một bản/ },
    { title: 'the same copy twice', setup: async () => undefined, argv: ['chinh.xlsx', 'tu-phap-sua.xlsx', 'tu-phap-sua.xlsx', '--out', 'x.xlsx'], message: /được nêu hai lần/ },
    { title: 'the output over an input', setup: async () => undefined, argv: ['chinh.xlsx', 'tu-phap-sua.xlsx', '--out', 'tu-phap-sua.xlsx'], message: /tu-phap-sua\.xlsx/ },
  ];
  test.each(refusals)('refuses $title: exit 2, a message, nothing written', async ({ setup, argv, message }) => {
    await setup();
    const before = fingerprint(file('tu-phap-sua.xlsx'));
    const r = await cchc(dir, 'merge', ...argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK_FRAME);
    expect(fs.existsSync(file('x.xlsx'))).toBe(false);
    expect(fingerprint(file('tu-phap-sua.xlsx'))).toBe(before);
  });
});

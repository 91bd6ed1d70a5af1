import * as crypto from 'crypto';
import { Ran, cchc as runCchc } from './helpers/cli';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CellValue } from '../src/core/model/grid';
import { MESSY_MERGES, messyRows } from './fixtures/import/messy-table';
import { kindsAnnexRows } from './fixtures/import/kinds-annex';
import { KINDS_SET_RAW } from './helpers/kinds';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-criteria-'));
  await writeWorkbook('messy.xlsx', messyRows(), MESSY_MERGES);
  const mismatched = messyRows();
  mismatched[20] = ['TỔNG CỘNG', null, 12];
  await writeWorkbook('wrong-total.xlsx', mismatched, MESSY_MERGES);
  await writeWorkbook('no-table.xlsx', [['Danh sách cán bộ'], ['Họ tên', 'Chức vụ']], []);
  await writeWorkbook('kinds.xlsx', kindsAnnexRows(), []);
  fs.writeFileSync(path.join(dir, 'garbage.xlsx'), 'this is not a workbook at all');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A workbook whose first sheet is a cover page without the table, as provinces often send. */
async function writeWorkbook(name: string, rows: CellValue[][], merges: string[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Hướng dẫn').addRow(['Xem phụ lục kèm theo.']);
  const ws = wb.addWorksheet('Phụ lục');
  rows.forEach((row, i) => {
    row.forEach((value, j) => {
      if (value !== null) ws.getCell(i + 1, j + 1).value = value;
    });
  });
  for (const range of merges) ws.mergeCells(range);
  await wb.xlsx.writeFile(path.join(dir, name));
}


/** `cchc` run in-process in the test's folder (test/helpers/cli.ts). */
function cchc(...argv: string[]): Promise<Ran> {
  return runCchc(dir, ...argv);
}

function hash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
}

function writeJson(name: string, data: unknown): string {
  fs.writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data, null, 2));
  return name;
}

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
}

describe('cchc criteria import', () => {
  it('imports the messy table from the first sheet that has one, prints the tree in brief, leaves the input unchanged', async () => {
    const before = hash('messy.xlsx');
    const r = await cchc('criteria', 'import', 'messy.xlsx', '--out', 'Bộ tiêu chí 2025.json', '--official');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(hash('messy.xlsx')).toBe(before);
    expect(r.out).toContain('Trang "Phụ lục", dòng tiêu đề 5.');
    expect(r.out).toContain('I CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO — 6 điểm (2 tiêu chí, 4 mục chấm điểm)');
    expect(r.out).toContain('II CẢI CÁCH THỦ TỤC HÀNH CHÍNH — 4 điểm (2 tiêu chí, 2 mục chấm điểm)');
    expect(r.out).toContain('Tổng: 2 lĩnh vực, 4 tiêu chí, 6 mục chấm điểm, 10 điểm.');
    expect(r.out).toContain('Đã ghi bộ tiêu chí vào Bộ tiêu chí 2025.json.');
    const set = readJson('Bộ tiêu chí 2025.json');
    expect(set.id).toBe('bo-tieu-chi-2025');
    expect(set.status).toBe('official');
    expect((set.nodes as unknown[]).length).toBe(2);
  });

  it('imports the sheet named by --sheet, in English with --lang en, and may overwrite its own previous output', async () => {
    await cchc('criteria', 'import', 'messy.xlsx', '--out', 'named.json');
    const r = await cchc('criteria', 'import', 'messy.xlsx', '--sheet', 'phụ lục', '--out', 'named.json', '--id', 'tn-2025', '--year', '2024', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Criteria set: BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025 (tn-2025, reference, year 2024)');
    expect(r.out).toContain('Total: 2 domains, 4 criteria, 6 scored items, 10 points.');
    expect(readJson('named.json').year).toBe(2024);
  });

  it('reads proportional, counted and deduction items and says how it read each', async () => {
    const r = await cchc('criteria', 'import', 'kinds.xlsx', '--out', 'kinds-annex.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('      2 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn — 2 điểm — theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01; nhập tỷ lệ ở cột Tỷ lệ / số lượng: điểm = tỷ lệ × 2\n');
    expect(r.out).toContain('      3 Văn bản hướng dẫn thực hiện TTHC được ban hành — 1 điểm — mỗi mục 0,25 điểm, tối đa 1\n');
    expect(r.out).toContain('      4 Hồ sơ giải quyết quá hạn — 2 điểm — từ 2 trừ 0,5 điểm mỗi lần, thấp nhất 0\n');
    expect(r.out).toContain('KAD chỉ được ghi ở 1 mục đã nêu; ghi ở mục khác là lỗi.');
    const set = readJson('kinds-annex.json') as { nodes: Array<{ children: Array<Record<string, unknown>> }> };
    expect(set.nodes[0].children[1]).toMatchObject({ code: '1.2', max: 2, scoring: { kind: 'proportional', figure: true } });
    expect(set.nodes[0].children[1]).not.toHaveProperty('levels');
    const check = await cchc('criteria', 'check', 'kinds-annex.json');
    expect(check.code).toBe(0);
  });

  it('reports a TỔNG CỘNG that does not match, writes nothing, exits 1', async () => {
    const r = await cchc('criteria', 'import', 'wrong-total.xlsx', '--out', 'wrong.json');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Dòng 21: dòng tổng cộng ghi 12 điểm nhưng các lĩnh vực cộng lại 10 điểm.');
    expect(r.out).toContain('1 lỗi: chưa ghi tệp nào.');
    expect(fs.existsSync(path.join(dir, 'wrong.json'))).toBe(false);
  });

  it('imports a CSV saved with ";" and a BOM, and a UTF-16 "Unicode text" file', async () => {
    const rows = [
      ['STT', 'Nội dung', 'Điểm tối đa', 'Cách chấm điểm'],
      ['I', 'Lãnh đạo', '2,5', ''],
      ['1', 'Kế hoạch', '2,5 điểm', 'Đúng hạn: 2,5 điểm; chậm: 1 điểm'],
      ['TỔNG CỘNG', '', '2,5', ''],
    ];
    const quoted = (f: string) => (f.indexOf(';') >= 0 ? `"${f}"` : f);
    fs.writeFileSync(path.join(dir, 'bang.csv'), '\uFEFF' + rows.map((r) => r.map(quoted).join(';')).join('\r\n') + '\r\n', 'utf8');
    const before = hash('bang.csv');
    const csv = await cchc('criteria', 'import', 'bang.csv', '--out', 'from-csv.json');
    expect(csv.code).toBe(0);
    expect(hash('bang.csv')).toBe(before);
    const leaf = (readJson('from-csv.json').nodes as Array<{ children: Array<{ max: number; levels: number[] }> }>)[0].children[0];
    expect([leaf.max, leaf.levels]).toEqual([2.5, [0, 1, 2.5]]);

    const tabbed = rows.map((r) => r.join('\t')).join('\r\n');
    fs.writeFileSync(path.join(dir, 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]));
    const utf16 = await cchc('criteria', 'import', 'unicode.txt', '--out', 'from-utf16.json');
    expect(utf16.code).toBe(0);
    expect(readJson('from-utf16.json').nodes).toEqual(readJson('from-csv.json').nodes);
  });

  it('refuses a CSV in an old Windows code page with a clear message', async () => {
    fs.writeFileSync(path.join(dir, 'ansi.csv'), Buffer.from([0x53, 0x54, 0x54, 0x3b, 0xd0, 0xe9, 0x6d, 0x0d, 0x0a]));
    const r = await cchc('criteria', 'import', 'ansi.csv', '--out', 'ansi.json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('không phải văn bản UTF-8');
  });

  const refusals: Array<{ title: string; argv: string[]; err: string }> = [
    { title: '--out equal to the input', argv: ['messy.xlsx', '--out', './messy.xlsx'], err: '--out phải là một tệp .json' },
    { title: '--out the input JSON itself', argv: ['same.json', '--out', 'same.json'], err: '--out trùng với tệp đầu vào same.json: không ghi đè tệp gốc.' },
    { title: 'a missing file', argv: ['missing.xlsx', '--out', 'x.json'], err: 'Không tìm thấy hoặc không đọc được tệp missing.xlsx.' },
    { title: 'a file that is not a workbook', argv: ['garbage.xlsx', '--out', 'x.json'], err: 'Tệp garbage.xlsx' },
    { title: 'a workbook without a criteria table', argv: ['no-table.xlsx', '--out', 'x.json'],
      err: 'Không tìm thấy bảng tiêu chí trong tệp no-table.xlsx: không trang nào ("Hướng dẫn", "Phụ lục") có dòng tiêu đề' },
    { title: 'a sheet name that does not exist', argv: ['messy.xlsx', '--sheet', 'Sheet9', '--out', 'x.json'], err: 'Tệp messy.xlsx không có trang "Sheet9". Các trang: "Hướng dẫn", "Phụ lục".' },
    { title: 'a named sheet without the table', argv: ['messy.xlsx', '--sheet', 'Hướng dẫn', '--out', 'x.json'], err: 'Không tìm thấy dòng tiêu đề của bảng tiêu chí trên trang "Hướng dẫn"' },
    { title: 'a bad --id', argv: ['messy.xlsx', '--out', 'x.json', '--id', 'bộ tiêu chí'], err: '--id chỉ gồm chữ không dấu' },
    { title: 'a bad --year', argv: ['messy.xlsx', '--out', 'x.json', '--year', '24'], err: '--year phải là một năm' },
    { title: 'an output folder that does not exist', argv: ['messy.xlsx', '--out', 'no/such/dir/x.json'], err: 'Không ghi được tệp x.json' },
  ];
  it.each(refusals.map((c) => [c.title, c] as [string, typeof c]))('exits 2 on %s, with a clear message and no stack trace', async (_title, c) => {
    writeJson('same.json', '{}');
    const before = hash('messy.xlsx');
    const r = await cchc('criteria', 'import', ...c.argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(c.err);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(hash('messy.xlsx')).toBe(before);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  it('exits 2 when --out is missing', async () => {
    const r = await cchc('criteria', 'import', 'messy.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toContain("required option '--out <set.json>' not specified");
  });
});

describe('cchc criteria check', () => {
  const bundled = path.join(__dirname, '..', 'src', 'criteria', 'thai-nguyen-xa-2024.json');

  it('passes the bundled Thái Nguyên commune set and prints every domain and criterion', async () => {
    const r = await cchc('criteria', 'check', bundled);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const set = JSON.parse(fs.readFileSync(bundled, 'utf8'));
    expect(r.out).toContain(`Bộ tiêu chí: ${set.title} (thai-nguyen-xa-2024, tham khảo, năm 2024)`);
    for (const domain of set.nodes) expect(r.out).toContain(`  ${domain.stt} ${domain.name} — `);
    expect(r.out).toContain('✓ Không phát hiện vấn đề nào.');
  });

  it('passes a set written by the importer, and describes it as JSON with --json', async () => {
    await cchc('criteria', 'import', 'messy.xlsx', '--out', 'roundtrip.json');
    const text = await cchc('criteria', 'check', 'roundtrip.json');
    expect(text.code).toBe(0);
    expect(text.out).toContain('      1 Kế hoạch cải cách hành chính — 3 điểm (2 mục chấm điểm)');
    expect(text.out).toContain('      2 Tỷ lệ hồ sơ giải quyết đúng hạn — 2 điểm\n');
    const json = await cchc('criteria', 'check', 'roundtrip.json', '--json', '--lang', 'en');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.error).toBeNull();
    expect(report.summary).toEqual({ domains: 2, criteria: 4, leaves: 6, max: 10 });
    expect(report.problems).toEqual([]);
  });

  it('explains in the brief tree how each leaf is scored, where KAD may be written, and the bands', async () => {
    const r = await cchc('criteria', 'check', writeJson('kinds.json', KINDS_SET_RAW));
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(1, 16)).toEqual([
      '  I Cải cách thủ tục hành chính — 7 điểm (5 tiêu chí, 5 mục chấm điểm)',
      '      1 Ban hành kế hoạch — 1 điểm',
      '      2 Tỷ lệ hồ sơ giải quyết đúng hạn — 2 điểm — theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01; nhập tỷ lệ ở cột Tỷ lệ / số lượng: điểm = tỷ lệ × 2',
      '      3 Tỷ lệ hồ sơ trực tuyến — 1 điểm — theo tỷ lệ: điểm từ 0 đến 1, lẻ đến 0,01',
      '      4 Văn bản hướng dẫn ban hành — 1 điểm — mỗi mục 0,25 điểm, tối đa 1; nhập số mục ở cột Tỷ lệ / số lượng',
      '      5 Hồ sơ quá hạn — 2 điểm — từ 2 trừ 0,5 điểm mỗi lần, thấp nhất 0',
      '  II Chính quyền cơ sở — 5 điểm (4 tiêu chí, 4 mục chấm điểm)',
      '      1 Giải quyết khiếu nại — 1 điểm — không phát sinh: chấm 1 (không ghi KAD)',
      '      2 Quản lý chợ — 1 điểm — được ghi KAD với phường, thị trấn',
      '      3 Sự hài lòng của người dân — 2 điểm — do thẩm định chấm (Khảo sát sự hài lòng của người dân), đơn vị không tự chấm',
      '      4 Nông thôn mới — 1 điểm — được ghi KAD',
      'Tổng: 2 lĩnh vực, 9 tiêu chí, 9 mục chấm điểm, 12 điểm.',
      'Cách chấm: 4 mục theo mức điểm, 2 mục theo tỷ lệ, 1 mục tính theo số lượng, 1 mục trừ điểm theo số lần, 1 mục chấm điểm lẻ đến 0,01.',
      'KAD chỉ được ghi ở 2 mục đã nêu; ghi ở mục khác là lỗi.',
      '1 mục không phát sinh thì được điểm tối đa: chấm đủ điểm, không ghi KAD.',
    ]);
    expect(lines.slice(16)).toEqual([
      '1 mục do thẩm định chấm: chỉ số tự chấm là tạm tính cho đến khi có điểm thẩm định.',
      'Xếp loại: Tốt từ 90%; Khá từ 70%; Chưa đạt từ 0%.',
      '✓ Không phát hiện vấn đề nào.',
      '',
    ]);
    const json = JSON.parse((await cchc('criteria', 'check', 'kinds.json', '--json', '--lang', 'en')).out);
    expect(json.rules).toEqual({
      kinds: { levels: 4, proportional: 2, count: 1, deduction: 1, any: 1 }, notApplicable: 'listed', notArising: ['2.1'], scoredBy: ['2.3'],
    });
    expect(json.outline[0].children[3]).toMatchObject({ code: '1.4', rules: '0.25 points per item, up to 1; enter the number of items in the Rate / count column' });
    expect(json.outline[0].children[0]).not.toHaveProperty('rules');
  });

  it('says so when the set has no bands and lets any item be KAD', async () => {
    const r = await cchc('criteria', 'check', bundled, '--lang', 'en');
    expect(r.out).toContain('Scoring: 89 by levels.\nAny item may be KAD (the set sets no limit).\n'
      + '6 items give full marks when the situation did not arise: score them in full, not KAD.\n'
      + 'The set defines no bands: the scoring sheet has no Xếp loại row.\n');
  });

  const leaf = (code: string, max: unknown) => ({ code, stt: code.split('.').pop(), name: `Mục ${code}`, max });
  const validSet = () => ({
    id: 'nho', title: 'Bộ nhỏ', status: 'reference',
    nodes: [{ code: '1', stt: 'I', name: 'Lãnh đạo', max: 3, children: [leaf('1.1', 1), leaf('1.2', 2)] }],
  });
  const broken: Array<{ title: string; mutate: (s: ReturnType<typeof validSet>) => void; message: string }> = [
    { title: 'duplicate codes', mutate: (s) => { s.nodes[0].children[1].code = '1.1'; }, message: 'Mã 1.1 bị trùng.' },
    { title: 'a parent max that is not the sum', mutate: (s) => { s.nodes[0].max = 4; }, message: 'Mục 1: điểm tối đa 4 khác tổng các mục con 3.' },
    { title: 'a negative max', mutate: (s) => { s.nodes[0].children[0].max = -1; }, message: 'Mục 1.1: điểm tối đa phải là số không âm' },
    { title: 'a non-numeric max', mutate: (s) => { s.nodes[0].children[0].max = '1,5'; }, message: 'Mục 1.1: điểm tối đa phải là số không âm, tối đa 2 chữ số thập phân (đang là "1,5").' },
  ];
  it('passes the small valid set', async () => {
    const r = await cchc('criteria', 'check', writeJson('valid.json', validSet()));
    expect(r.code).toBe(0);
    expect(r.out).toContain('  I Lãnh đạo — 3 điểm (2 tiêu chí, 2 mục chấm điểm)');
  });
  it.each(broken.map((c) => [c.title, c] as [string, typeof c]))('exits 1 on %s, still showing the tree', async (_title, c) => {
    const set = validSet();
    c.mutate(set);
    const r = await cchc('criteria', 'check', writeJson('broken.json', set));
    expect(r.code).toBe(1);
    expect(r.out).toContain('  I Lãnh đạo — ');
    expect(r.out).toContain(`  ✗ ${c.message}`);
  });

  it('gives the line and column of a JSON syntax error, exit 2', async () => {
    const r = await cchc('criteria', 'check', writeJson('bad.json', '{\n  "id": "x",\n  "nodes": [,]\n}'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('Tệp bad.json không phải JSON hợp lệ: lỗi ở dòng 3, cột 13.\n');
    const json = await cchc('criteria', 'check', 'bad.json', '--json', '--lang', 'en');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toEqual({ file: 'bad.json', error: 'bad.json is not valid JSON: error at line 3, column 13.' });
  });

  it('exits 2 on an empty or missing file', async () => {
    const empty = await cchc('criteria', 'check', writeJson('empty.json', ''));
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('nội dung rỗng hoặc bị cắt cụt');
    const missing = await cchc('criteria', 'check', 'nothing.json', '--lang', 'en');
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('Cannot find or read the file nothing.json.\n');
  });
});

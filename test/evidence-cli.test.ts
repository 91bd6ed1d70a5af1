// scaffold → drop files → link → check, on a real folder tree with Vietnamese names as they really
// come: NFC and NFD (macOS), spaces, long names, upper/lower case differences, system clutter.

import { Ran, cchc as runCchc } from './helpers/cli';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { evidenceFileCheck } from '../src/cli/evidence-files';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { SMALL_SET_RAW } from './helpers/scoring';
import { fillScores } from './libreoffice';
import { EvidenceDoc } from '../src/core/model/entries';
import { readRegister } from '../src/core/sheets/register/read';
import { FileReport } from '../src/core/check/report';

const NFD = (s: string) => s.normalize('NFD');
const LONG_NAME = 'Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính hằng quý, sáu tháng và năm theo quy định của Ủy ban nhân dân huyện';
const WORKBOOK = 'Bảng chấm điểm 2024.xlsx';
const LINKED = 'Bảng chấm điểm 2024-minh-chung.xlsx';
const ROOT = 'Minh chứng';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-evidence-'));
  const set = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  set.nodes[0].children[1].name = LONG_NAME; // leaf 1.2
  fs.writeFileSync(path.join(dir, 'bo tieu chi.json'), JSON.stringify(set));
  expect((await cchc('build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--criteria', 'bo tieu chi.json', '--out', WORKBOOK)).code).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `cchc` run in-process in the test's folder (test/helpers/cli.ts). */
function cchc(...argv: string[]): Promise<Ran> {
  return runCchc(dir, ...argv);
}

function hash(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, file))).digest('hex');
}

function folderOf(code: string): string {
  const name = fs.readdirSync(path.join(dir, ROOT)).filter((n) => n.split(' ')[0] === code)[0];
  return path.join(dir, ROOT, name);
}

function drop(code: string, ...names: string[]): string {
  const file = path.join(folderOf(code), ...names);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'scan of ' + names.join('/'));
  return file;
}

async function registerOf(file: string): Promise<EvidenceDoc[]> {
  return readRegister(await readWorkbookGrids(path.join(dir, file)))!.rows.map((r) => r.doc);
}

async function checkJson(file: string, ...extra: string[]): Promise<{ code: number; report: FileReport }> {
  const ran = await cchc('check', file, '--json', ...extra);
  return { code: ran.code, report: JSON.parse(ran.out).files[0] };
}

function rulesOf(report: FileReport, rule: string) {
  return (report.issues || []).filter((i) => i.rule === rule);
}

test('scaffold makes one short, Windows-safe folder per leaf, and runs again without duplicates', async () => {
  const ran = await cchc('evidence', 'scaffold', WORKBOOK, '--root', ROOT);
  expect(ran).toMatchObject({ code: 0, err: '' });
  const folders = fs.readdirSync(path.join(dir, ROOT)).sort();
  expect(folders).toEqual([
    '1.1.1 Ban hanh ke hoach', '1.1.2 Muc do hoan thanh', '1.2 Thuc hien che do bao cao dinh ky ve cong',
    '2.1.1 Niem yet', '2.1.2 Cong dich vu cong',
  ]);
  for (const f of folders) expect(f).toMatch(/^[A-Za-z0-9 .,()_-]{1,60}$/);
  expect(ran.out).toContain('Đã tạo 5 thư mục');
  expect(ran.out).toContain('cchc evidence link');

  fs.renameSync(path.join(dir, ROOT, '2.1.1 Niem yet'), path.join(dir, ROOT, '2.1.1 Anh niem yet TTHC'));
  const again = await cchc('evidence', 'scaffold', WORKBOOK, '--root', ROOT, '--lang', 'en');
  expect(again.out).toContain('5 folders were already there');
  expect(fs.readdirSync(path.join(dir, ROOT)).length).toBe(5);
});

test('link registers every dropped file once, as relative links, in a new workbook', async () => {
  drop('1.1.1', '125-KH-UBND ngay 20.12.2023 Kế hoạch CCHC năm 2024.pdf');
  drop('1.1.1', NFD('Ảnh hội nghị triển khai.jpg'));
  drop('1.2', 'Báo cáo ' + LONG_NAME.slice(0, 60) + '.pdf');
  drop('2.1.2', NFD('Tháng 1'), 'Báo cáo DVC.docx');
  drop('2.1.1', '.DS_Store');
  drop('2.1.1', '~$Kế hoạch.docx');
  drop('2.1.1', 'Thumbs.db');
  fs.writeFileSync(path.join(dir, ROOT, 'ghi chu.txt'), 'not evidence of one criterion');
  const before = hash(WORKBOOK);

  const ran = await cchc('evidence', 'link', WORKBOOK, '--root', ROOT);
  expect(ran).toMatchObject({ code: 0, err: '' });
  expect(hash(WORKBOOK)).toBe(before);
  expect(ran.out).toContain('Đã thêm 4 tài liệu');
  expect(ran.out).toContain('ghi chu.txt');
  expect(ran.out).toContain(`Đã ghi: ${LINKED}`);

  const docs = await registerOf(LINKED);
  expect(docs.map((d) => d.codes[0])).toEqual(['1.1.1', '1.1.1', '1.2', '2.1.2']);
  expect(docs[0]).toEqual({
    codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: '125-KH-UBND ngay 20.12.2023 Kế hoạch CCHC năm 2024',
    link: 'Minh chứng/1.1.1 Ban hanh ke hoach/125-KH-UBND ngay 20.12.2023 Kế hoạch CCHC năm 2024.pdf',
  });
  expect(docs[3].link).toBe('Minh chứng/2.1.2 Cong dich vu cong/Tháng 1/Báo cáo DVC.docx');

  const { code, report } = await checkJson(LINKED, '--evidence-root', ROOT);
  expect(code).toBe(0);
  expect(rulesOf(report, 'evidence-not-found')).toEqual([]);
  expect(rulesOf(report, 'bad-link')).toEqual([]);
  const evidence = (c: string) => report.nodes!.filter((n) => n.code === c)[0].evidence;
  expect([evidence('1.1.1'), evidence('1.1.2'), evidence('1.2'), evidence('2.1.2')]).toEqual([2, 0, 1, 1]);
});

test('link never duplicates, also across NFC/NFD and case, and --in-place adds only new files', async () => {
  const unchanged = hash(LINKED);
  const nothing = await cchc('evidence', 'link', LINKED, '--root', ROOT, '--in-place');
  expect(nothing.out).toContain('Không có tệp mới');
  expect(hash(LINKED)).toBe(unchanged);

  // Windows and macOS see these as the same files: neither is registered again.
  const folder = folderOf('1.1.1');
  const renamed = path.join(folder, '125-KH-UBND NGAY 20.12.2023 KẾ HOẠCH CCHC NĂM 2024.PDF'.normalize('NFD'));
  fs.renameSync(path.join(folder, '125-KH-UBND ngay 20.12.2023 Kế hoạch CCHC năm 2024.pdf'), renamed);
  drop('1.1.2', 'Báo cáo kết quả thực hiện kế hoạch.pdf');
  const ran = await cchc('evidence', 'link', LINKED, '--root', ROOT, '--in-place', '--lang', 'en');
  expect(ran).toMatchObject({ code: 0, err: '' });
  expect(ran.out).toContain('Added 1 documents');
  const docs = await registerOf(LINKED);
  expect(docs.map((d) => d.codes[0])).toEqual(['1.1.1', '1.1.1', '1.2', '2.1.2', '1.1.2']);

  // The renamed file is still found, whatever its case and normalisation on disk.
  const { report } = await checkJson(LINKED, '--evidence-root', ROOT);
  expect(rulesOf(report, 'evidence-not-found')).toEqual([]);
});

test('check reports a linked file that is gone, and points with no evidence nor giải trình', async () => {
  fs.rmSync(path.join(folderOf('2.1.2'), NFD('Tháng 1')), { recursive: true });
  await fillScores(path.join(dir, LINKED), { '1.1.1': 1, '2.1.1': 0.5 });
  const { code, report } = await checkJson(LINKED, '--evidence-root', ROOT);
  expect(code).toBe(1);
  const gone = rulesOf(report, 'evidence-not-found');
  expect(gone.map((i) => [i.code, i.sheet, i.cell])).toEqual([['2.1.2', 'Minh chứng', 'G8']]);
  expect(rulesOf(report, 'missing-evidence').map((i) => i.code)).toEqual(['2.1.1']);

  const text = await cchc('check', LINKED, '--evidence-root', ROOT);
  expect(text.out).toContain('Không tìm thấy tệp');
  // Without --evidence-root the files are not looked for.
  expect(rulesOf((await checkJson(LINKED)).report, 'evidence-not-found')).toEqual([]);
});

test('the file check never looks outside the evidence root', () => {
  fs.writeFileSync(path.join(dir, 'bang-luong.xlsx'), 'not evidence');
  const exists = evidenceFileCheck(dir, path.join(dir, ROOT));
  expect(exists('bang-luong.xlsx')).toBe('outside-root');
  expect(exists(`${ROOT}/../bang-luong.xlsx`)).toBe('outside-root');
  expect(exists(`${ROOT}/1.2 Thuc hien che do bao cao dinh ky ve cong/../../bang-luong.xlsx`)).toBe('outside-root');
  expect(exists(path.join(dir, 'bang-luong.xlsx'))).toBe('outside-root');
  expect(exists(`${ROOT.toUpperCase()}/1.1.2 MUC DO HOAN THANH/${NFD('Báo cáo kết quả thực hiện kế hoạch.pdf')}`)).toBe('found');
  expect(exists(`${ROOT}/1.1.2 Muc do hoan thanh/khong-co.pdf`)).toBe('missing');
});

test('the evidence folder copied elsewhere (the district\'s machine): --evidence-root finds the files at the same relative paths', async () => {
  const elsewhere = path.join(dir, 'tham-dinh', 'xa-dong-thinh-minh-chung');
  fs.mkdirSync(path.dirname(elsewhere), { recursive: true });
  fs.cpSync(path.join(dir, ROOT), elsewhere, { recursive: true });
  const atHome = rulesOf((await checkJson(LINKED, '--evidence-root', ROOT)).report, 'evidence-not-found').map((i) => [i.code, i.cell]);
  const { report } = await checkJson(LINKED, '--evidence-root', elsewhere);
  // The same findings as at home (the one file deleted above), none said to lie outside the folder.
  expect(rulesOf(report, 'evidence-not-found').map((i) => [i.code, i.cell])).toEqual(atHome);
  expect(rulesOf(report, 'evidence-not-found').every((i) => i.message.indexOf('ra ngoài') < 0)).toBe(true);
  // A link written on the commune's Windows machine, absolute: found under the copy too.
  const exists = evidenceFileCheck(dir, elsewhere);
  expect(exists(`C:\\Users\\ubnd\\Documents\\${ROOT}\\1.1.2 Muc do hoan thanh\\Báo cáo kết quả thực hiện kế hoạch.pdf`)).toBe('found');
  expect(exists('C:\\Users\\ubnd\\Documents\\bang-luong.xlsx')).toBe('outside-root');
});

test('clear refusals: no root, a missing root, an existing output', async () => {
  expect(await cchc('evidence', 'link', WORKBOOK)).toMatchObject({ code: 2, err: expect.stringContaining('--root') });
  expect(await cchc('check', WORKBOOK, '--evidence-root', 'khong-co')).toMatchObject({ code: 2, err: expect.stringContaining('khong-co') });
  const exists = await cchc('evidence', 'link', WORKBOOK, '--root', ROOT);
  expect(exists).toMatchObject({ code: 2, err: expect.stringContaining('--force') });
  expect(await cchc('evidence', 'link', WORKBOOK, '--root', ROOT, '--in-place', '--out', 'x.xlsx')).toMatchObject({ code: 2 });
});

test('the text report names the Minh chứng sheet for a register cell, so people look in the right place', async () => {
  fs.mkdirSync(path.join(dir, 'trống'), { recursive: true });
  const ran = await cchc('check', LINKED, '--evidence-root', 'trống');
  const lines = ran.out.split('\n').filter((l) => l.indexOf('Liên kết "') >= 0);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toMatch(/ Minh chứng![A-Z]+\d+ /);
});

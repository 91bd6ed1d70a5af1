// Small inputs people get wrong, each refused with a sentence that says what to do (issue #9, item 5):
// an unknown --lang, a spreadsheet given to `criteria check`, a one-row table given to `criteria
// import`, an evidence --root that is a file. A non-zero exit, no stack trace, nothing written.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STACK_FRAME, cchc } from './helpers/cli';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-inputs-'));
  await cchc(dir, 'build', '--unit', 'Xã A', '--year', '2024', '--out', 'xa-a.xlsx');
  fs.writeFileSync(path.join(dir, 'mot-dong.csv'), 'STT,Nội dung,Điểm tối đa\n1,Công tác chỉ đạo điều hành,10\n');
  fs.writeFileSync(path.join(dir, 'ghi-chu.txt'), 'không phải thư mục');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test.each([
  { title: 'an unknown --lang is refused, not taken for Vietnamese', argv: ['check', 'xa-a.xlsx', '--lang', 'fr'], says: '--lang phải là vi (tiếng Việt) hoặc en (tiếng Anh), đang là "fr".' },
  { title: 'an unknown --lang on build too', argv: ['build', '--unit', 'Xã B', '--year', '2024', '--out', 'xa-b.xlsx', '--lang', 'VN'], says: 'đang là "VN"', wrote: 'xa-b.xlsx' },
  { title: 'criteria check given a workbook: import it first', argv: ['criteria', 'check', 'xa-a.xlsx'], says: 'xa-a.xlsx là một bảng tiêu chí (bảng tính), chưa phải bộ tiêu chí JSON: chạy "cchc criteria import xa-a.xlsx --out xa-a.json" trước' },
  { title: 'criteria check given a CSV table: import it first', argv: ['criteria', 'check', 'mot-dong.csv'], says: 'chạy "cchc criteria import mot-dong.csv --out mot-dong.json" trước' },
  { title: 'a one-row table is not a criteria set', argv: ['criteria', 'import', 'mot-dong.csv', '--out', 'mot-dong.json'], says: 'chỉ có một dòng tiêu chí dưới dòng tiêu đề: đó không phải một bộ tiêu chí', wrote: 'mot-dong.json', code: 1 },
  { title: 'evidence scaffold --root naming a file says so', argv: ['evidence', 'scaffold', 'xa-a.xlsx', '--root', 'ghi-chu.txt'], says: 'ghi-chu.txt là một tệp, không phải thư mục' },
])('$title', async ({ argv, says, wrote, code }) => {
  const ran = await cchc(dir, ...argv);
  // 2: the input cannot be used; 1: a table read, with its problems listed (as any inconsistent table).
  expect(ran.code).toBe(code === undefined ? 2 : code);
  expect(ran.out + ran.err).toContain(says);
  expect(ran.err).not.toMatch(STACK_FRAME);
  if (wrote) expect(fs.existsSync(path.join(dir, wrote))).toBe(false);
});

test('--lang en gives the English sentence', async () => {
  const ran = await cchc(dir, 'criteria', 'check', 'xa-a.xlsx', '--lang', 'en');
  expect(ran).toMatchObject({ code: 2, err: expect.stringContaining('is a criteria table (a spreadsheet), not yet a JSON criteria set') });
});

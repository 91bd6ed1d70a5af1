// The plan's workflow on the command line, as the Văn phòng - Thống kê runs it: build, assign items to
// people and sections (`cchc assign`), the sections fill their parts, then `cchc progress` says who
// stands where; its JSON is the contract {file, unit, year, asOf, people:[…], unassigned:[…]}.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { readScoring } from '../src/core/sheets/scoring/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { readAssignment } from '../src/core/sheets/assignment/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { progressOf } from '../src/core/features/progress';
import { Entries, EvidenceDoc } from '../src/core/model/entries';
import { parseDay } from '../src/core/model/dates';
import { planToGrids } from '../src/core/model/plan';
import { DEFAULT_PEOPLE } from '../src/core/model/assignment';
import { SMALL_SET_RAW, smallSet } from './helpers/scoring';
import { cchc, fingerprint, STACK_FRAME } from './helpers/cli';
import { itIfEngine } from './engines';
import { recalculate } from './libreoffice';

let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-workflow-'));
  fs.writeFileSync(path.join(dir, 'bo.json'), JSON.stringify(SMALL_SET_RAW));
  expect((await cchc(dir, 'build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--criteria', 'bo.json', '--out', 'xa.xlsx')).code).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function assignments(file: string): Promise<Record<string, { owner?: unknown; due?: string }>> {
  const { entries } = extractEntries(readScoring(await readWorkbookGrids(path.join(dir, file))));
  const out: Record<string, { owner?: unknown; due?: string }> = {};
  for (const code of Object.keys(entries)) {
    const v = entries[code].values;
    if (v.owner === undefined && v.due === undefined) continue;
    const day = parseDay(v.due);
    out[code] = {};
    if (v.owner !== undefined) out[code].owner = v.owner;
    if (v.due !== undefined) out[code].due = day ? `${day.day}/${day.month}/${day.year}` : String(v.due);
  }
  return out;
}

describe('cchc assign', () => {
  test('assigns a domain and a criterion with a due date to a new file; the workbook given is left as it was', async () => {
    const before = fingerprint(path.join(dir, 'xa.xlsx'));
    const r = await cchc(dir, 'assign', 'xa.xlsx', '1', '--to', 'Văn phòng - Thống kê');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Đã giao 1 cho Văn phòng - Thống kê: 3 mục chấm điểm.');
    expect(r.out).toContain('Đã ghi: xa-phan-cong.xlsx');
    expect(fingerprint(path.join(dir, 'xa.xlsx'))).toBe(before);
    const r2 = await cchc(dir, 'assign', 'xa-phan-cong.xlsx', '2.1', '--to', 'Tư pháp - Hộ tịch', '--due', '10/11/2024', '--in-place');
    expect(r2.code).toBe(0);
    expect(await assignments('xa-phan-cong.xlsx')).toEqual({ '1': { owner: 'Văn phòng - Thống kê' }, '2.1': { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' } });
  });

  test('a new person joins the list with their position; assigning a branch gives way the assignments below it', async () => {
    await cchc(dir, 'assign', 'xa-phan-cong.xlsx', '1.1.2', '--to', 'Lê Văn Cường', '--role', 'Công chức Văn hóa - Xã hội', '--due', '2024-11-20', '--in-place');
    let read = readAssignment(await readWorkbookGrids(path.join(dir, 'xa-phan-cong.xlsx')))!;
    expect(read.people.slice(-1)).toEqual([{ name: 'Lê Văn Cường', role: 'Công chức Văn hóa - Xã hội' }]);
    const r = await cchc(dir, 'assign', 'xa-phan-cong.xlsx', '1.1', '--to', 'Văn phòng - Thống kê', '--due', '15/11/2024', '--in-place');
    expect(r.out).toContain('Giao riêng trước đây ở 1.1.2 (Lê Văn Cường) đã thay theo mục cấp trên.');
    expect(await assignments('xa-phan-cong.xlsx')).toEqual({
      '1': { owner: 'Văn phòng - Thống kê' }, '1.1': { owner: 'Văn phòng - Thống kê', due: '15/11/2024' }, '2.1': { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' },
    });
    // Still on the list: a person who has nothing now is not dropped.
    read = readAssignment(await readWorkbookGrids(path.join(dir, 'xa-phan-cong.xlsx')))!;
    expect(read.people.map((p) => p.name)).toContain('Lê Văn Cường');
  });

  test('--clear unassigns; --common-due moves the common date', async () => {
    await cchc(dir, 'assign', 'xa-phan-cong.xlsx', '1.1', '--clear', '--in-place');
    const r = await cchc(dir, 'assign', 'xa-phan-cong.xlsx', '--common-due', '2024-11-22', '--in-place', '--lang', 'en');
    expect(r.out).toContain('Common due date: 22/11/2024.');
    expect(await assignments('xa-phan-cong.xlsx')).toEqual({ '1': { owner: 'Văn phòng - Thống kê' }, '2.1': { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' } });
    expect(readAssignment(await readWorkbookGrids(path.join(dir, 'xa-phan-cong.xlsx')))!.commonDue).toBe('22/11/2024');
  });

  const refusals: Array<{ title: string; argv: string[]; message: RegExp }> = [
    { title: 'a code the set lacks', argv: ['9.9', '--to', 'A'], message: /không có mã 9\.9\. Xem cột Mã/ },
    { title: 'a date that is no date', argv: ['1', '--to', 'A', '--due', '31/02/2024'], message: /Hạn "31\/02\/2024" không phải một ngày/ },
    { title: 'codes without a name', argv: ['1'], message: /--to "Tư pháp - Hộ tịch"/ },
    { title: 'both --to and --clear', argv: ['1', '--to', 'A', '--clear'], message: /Chọn một trong hai: --to/ },
    { title: 'nothing asked', argv: [], message: /Chưa có gì để làm/ },
  ];
  test.each(refusals)('refuses $title: exit 2, a message saying what to do, nothing written', async ({ argv, message }) => {
    const before = fingerprint(path.join(dir, 'xa-phan-cong.xlsx'));
    const r = await cchc(dir, 'assign', 'xa-phan-cong.xlsx', ...argv, '--in-place');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK_FRAME);
    expect(fingerprint(path.join(dir, 'xa-phan-cong.xlsx'))).toBe(before);
  });
});

/** A workbook the sections filled: scores, a document on the register, a giải trình; assigned as the plan says. */
const FILLED: Entries = {
  '1.1': { values: { owner: 'Văn phòng - Thống kê' } },
  '1.1.1': { values: { self: 1, owner: 'Nguyễn Thị Hoa', due: '15/11/2024' } },
  '1.1.2': { values: { self: 0.5 } },
  '1.2': { values: { self: 'KAD', note: 'Năm 2024 không phát sinh' } },
  '2.1': { values: { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' } },
  '2.1.1': { values: { self: 0 } },
};
const REGISTER: EvidenceDoc[] = [{ codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch CCHC năm 2024', link: '' }];

describe('progress', () => {
  const person = (name: string, items: number, scored: number, evidenced: number, overdue: string[]) => ({ name, items, scored, evidenced, overdue });
  const cases = [
    {
      title: 'before any due date: nothing overdue; 1.2 is nobody\'s',
      asOf: '2024-11-09',
      people: [person('Văn phòng - Thống kê', 1, 1, 0, []), person('Tư pháp - Hộ tịch', 2, 1, 0, [])],
      unassigned: ['1.2'],
    },
    {
      title: 'after Tư pháp\'s date: its unscored item is overdue, a score of 0 needs no document',
      asOf: '2024-11-11',
      people: [person('Văn phòng - Thống kê', 1, 1, 0, []), person('Tư pháp - Hộ tịch', 2, 1, 0, ['2.1.2'])],
      unassigned: ['1.2'],
    },
    {
      title: 'after the common date: a score above 0 without document or giải trình is not complete',
      asOf: '2024-11-26',
      people: [person('Văn phòng - Thống kê', 1, 1, 0, ['1.1.2']), person('Tư pháp - Hộ tịch', 2, 1, 0, ['2.1.2'])],
      unassigned: ['1.2'],
    },
  ];
  test.each(cases)('$title', ({ asOf, people, unassigned }) => {
    const grids = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: FILLED, evidence: REGISTER }));
    const [y, m, d] = asOf.split('-').map(Number);
    const report = progressOf(readScoring(grids), { year: y, month: m, day: d });
    // The list's order: its sections, then Nguyễn Thị Hoa (named on the sheet, added to the list).
    const byName: Record<string, unknown> = {};
    for (const p of people) byName[p.name] = p;
    expect(report.people).toEqual(DEFAULT_PEOPLE.map((p) => byName[p.name] || person(p.name, 0, 0, 0, [])).concat([person('Nguyễn Thị Hoa', 1, 1, 1, [])]));
    expect(report.unassigned).toEqual(unassigned);
  });

  itIfEngine('soffice', 'cchc progress --json on a filled workbook saved by LibreOffice follows the contract exactly', async () => {
    const file = path.join(dir, 'filled.xlsx');
    await writePlanToFile(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: FILLED, evidence: REGISTER }), file);
    const saved = await recalculate(file);
    fs.copyFileSync(saved, path.join(dir, 'filled-lo.xlsx'));
    const before = fingerprint(path.join(dir, 'filled-lo.xlsx'));
    const r = await cchc(dir, 'progress', 'filled-lo.xlsx', '--as-of', '2024-11-26', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const zero = (name: string) => ({ name, items: 0, scored: 0, evidenced: 0, overdue: [] });
    expect(JSON.parse(r.out)).toEqual({
      file: 'filled-lo.xlsx', unit: 'Xã Đồng Thịnh', year: 2024, asOf: '2024-11-26',
      people: [
        { name: 'Văn phòng - Thống kê', items: 1, scored: 1, evidenced: 0, overdue: ['1.1.2'] },
        { name: 'Tư pháp - Hộ tịch', items: 2, scored: 1, evidenced: 0, overdue: ['2.1.2'] },
        zero('Tài chính - Kế toán'), zero('Địa chính - Xây dựng'), zero('Văn hóa - Xã hội'), zero('Chỉ huy trưởng Quân sự'),
        { name: 'Nguyễn Thị Hoa', items: 1, scored: 1, evidenced: 1, overdue: [] },
      ],
      unassigned: ['1.2'],
    });
    expect(fingerprint(path.join(dir, 'filled-lo.xlsx'))).toBe(before);
    const text = await cchc(dir, 'progress', 'filled-lo.xlsx', '--as-of', '2024-11-26');
    expect(text.out).toContain('Tiến độ chuẩn bị tài liệu — Xã Đồng Thịnh, năm 2024 (đến ngày 26/11/2024)');
    expect(text.out).toContain('! Tư pháp - Hộ tịch: quá hạn 2.1.2');
    expect(text.out).toContain('Chưa giao cho ai (1 mục): 1.2');
  });

  test('a bad --as-of or a file that is not a scoring workbook: exit 2 and a message', async () => {
    const bad = await cchc(dir, 'progress', 'xa.xlsx', '--as-of', '26/11/2024');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of phải là một ngày dạng YYYY-MM-DD');
    fs.writeFileSync(path.join(dir, 'note.xlsx'), 'not a workbook');
    const none = await cchc(dir, 'progress', 'note.xlsx');
    expect(none.code).toBe(2);
    expect(none.err).not.toMatch(STACK_FRAME);
  });
});

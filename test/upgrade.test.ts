// Rebuilding and upgrading a workbook carries every kind of entry by code, and keeps on the leftovers
// sheet, with its reason, whatever has no place under the new set.

import { checkWorkbook } from '../src/core/check/check';
import { CriteriaSet } from '../src/core/model/criteria';
import { Entries, EvidenceDoc } from '../src/core/model/entries';
import { CellValue, SheetGrid, WorkbookGrids, cellAt, linkAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { readScoring } from '../src/core/sheets/scoring/read';
import { UpgradeResult, planUpgrade, valuesCopySheet } from '../src/core/features/upgrade';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { SMALL_SET_RAW, setCell, smallSet } from './helpers/scoring';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

function setWith(edit: (raw: typeof SMALL_SET_RAW & { bonus?: unknown[] }) => void): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
  edit(raw);
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}

/** The small set with one bonus item, so bonus entries are carried too. */
const SET_WITH_BONUS = setWith((raw) => (raw.bonus = [{ code: 'T1', name: 'Sáng kiến được công nhận', max: 1 }]));

const REGISTER: EvidenceDoc[] = [
  { codes: ['1.1.1', '1.1.2'], number: '125/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch CCHC năm 2024', link: 'minh-chung/ke-hoach.pdf' },
  { codes: ['2.1.2'], number: '', date: '', summary: '=Ảnh chụp bảng niêm yết', link: 'https://example.org/anh.jpg' },
];

/** Every kind of entry a person makes, on a workbook with the appraisal columns. */
const ENTRIES: Entries = {
  '1.1.1': { values: { self: 0.5, appraisal: 0.5, note: '=1+1 không phải công thức', appraisalNote: '@đồng ý' } },
  '1.1.2': { values: { self: '0,5', appraisal: 0.25, note: '+84 912 345 678' } },
  '1.2': { values: { self: 'KAD', appraisal: 'KAD', note: '-Không phát sinh báo cáo' } },
  '2.1.1': { values: { self: 'đạt', appraisalNote: 'Chưa có ảnh' } },
  '2.1.2': { values: { self: 1.5, appraisal: 1 } },
  T1: { values: { self: 1, note: 'Sáng kiến 02/QĐ-UBND' } },
};

function oldWorkbook(entries: Entries = ENTRIES, set: CriteriaSet = SET_WITH_BONUS, appraisal = true): { grids: WorkbookGrids; sheet: SheetGrid } {
  const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal, entries, evidence: REGISTER }));
  return { grids, sheet: grids.sheets.filter((s) => s.name === SHEETS.scoring)[0] };
}

function reread(result: UpgradeResult): { entries: Entries; register: EvidenceDoc[]; grids: WorkbookGrids } {
  const grids = planToGrids(result.plan);
  const { entries, register } = extractEntries(readScoring(grids));
  return { entries, register, grids };
}

/** Types into the old scoring sheet as a person would: a value (and a link), the formula gone. */
function type(sheet: SheetGrid, row: number, col: number, value: CellValue, link: string | null = null): void {
  setCell(sheet, row, col, value);
  while (sheet.hyperlinks.length <= row) sheet.hyperlinks.push([]);
  sheet.hyperlinks[row][col] = link;
}

function at(grids: WorkbookGrids, code: string, role: 'self' | 'appraisal' | 'evidence' | 'note' | 'appraisalNote'): { row: number; col: number; sheet: SheetGrid } {
  const read = readScoring(grids);
  return { row: read.rowOf[code], col: read.columns[role]!, sheet: read.sheet };
}

describe('a plain rebuild carries every kind of entry', () => {
  test('scores, không áp dụng marks, text in score cells, notes, appraisal, bonus and the register all survive', () => {
    const old = oldWorkbook();
    const result = planUpgrade({ grids: old.grids });
    const back = reread(result);
    expect(back.entries).toEqual(extractEntries(readScoring(old.grids)).entries);
    expect(back.entries['1.1.1'].values).toEqual(ENTRIES['1.1.1'].values);
    expect(back.entries.T1.values).toEqual(ENTRIES.T1.values);
    expect(back.register).toEqual(REGISTER);
    expect(result.leftovers).toEqual([]);
    expect(result.carried).toBe(16);
    expect(result.evidenceDocs).toBe(2);
    expect(checkWorkbook(back.grids).total).toEqual(checkWorkbook(old.grids).total);
  });

  test('evidence typed over the register formula, with its link, joins the register', () => {
    const old = oldWorkbook();
    const cell = at(old.grids, '1.2', 'evidence');
    type(cell.sheet, cell.row, cell.col, 'Báo cáo 45/BC-UBND ngày 20/6/2024', 'minh-chung/bao-cao.pdf');
    const docs = reread(planUpgrade({ grids: old.grids })).register.filter((d) => d.codes.indexOf('1.2') >= 0);
    expect(docs).toEqual([expect.objectContaining({ number: '45/BC-UBND', summary: 'Báo cáo 45/BC-UBND ngày 20/6/2024', link: 'minh-chung/bao-cao.pdf' })]);
  });

  test('appraisal entries bring the appraisal columns even when not asked for', () => {
    const old = oldWorkbook();
    const result = planUpgrade({ grids: old.grids, appraisal: false });
    expect(result.build.appraisal).toBe(true);
    expect(readScoring(planToGrids(result.plan)).columns.appraisal).toBeDefined();
  });

  test('the appraisal columns are added on request', () => {
    const old = oldWorkbook({ '1.1.1': { values: { self: 1 } } }, smallSet(), false);
    expect(planUpgrade({ grids: old.grids }).build.appraisal).toBe(false);
    expect(readScoring(planToGrids(planUpgrade({ grids: old.grids, appraisal: true }).plan)).columns.appraisal).toBeDefined();
  });

  test('the unit and year come from the workbook unless overridden', () => {
    const old = oldWorkbook();
    expect(planUpgrade({ grids: old.grids }).build).toMatchObject({ unit: 'Xã Đồng Thịnh', year: 2024 });
    expect(planUpgrade({ grids: old.grids, unit: 'Phường Tân Lập', year: 2025 }).build).toMatchObject({ unit: 'Phường Tân Lập', year: 2025 });
  });

  test('rebuilding twice changes nothing more', () => {
    const once = planUpgrade({ grids: oldWorkbook().grids });
    const twice = planUpgrade({ grids: planToGrids(once.plan) });
    expect(twice.plan).toEqual(once.plan);
  });
});

describe('upgrading to a corrected criteria set', () => {
  // 1.1.1 lowered to 0.25 (its 0.5 no longer fits), 1.2 split into two sub-criteria, 2.1.1 removed
  // (2.1.2 renumbered 2.1.1), 2.1 renamed, a new domain 3.
  const corrected = setWith((raw) => {
    const c11 = raw.nodes[0].children[0];
    c11.children![0].max = 0.25;
    delete (c11.children![0] as { levels?: number[] }).levels;
    c11.max = 1.25;
    const c12 = raw.nodes[0].children[1] as { children?: unknown[]; max: number };
    c12.children = [
      { code: '1.2.1', stt: '2.1', name: 'Báo cáo quý', max: 0.5 },
      { code: '1.2.2', stt: '2.2', name: 'Báo cáo năm', max: 0.5 },
    ];
    raw.nodes[0].max = 2.25;
    const c21 = raw.nodes[1].children[0];
    c21.children = [{ ...c21.children![1], code: '2.1.1', stt: '1.1' }];
    c21.max = 1.5;
    c21.name = 'Công khai thủ tục hành chính';
    raw.nodes[1].max = 1.5;
    (raw.nodes as unknown[]).push({ code: '3', stt: 'III', name: 'Chuyển đổi số', max: 1, children: [{ code: '3.1', stt: '1', name: 'Hồ sơ trực tuyến', max: 1 }] });
  });

  test('entries land by code; what has no place is kept with its reason', () => {
    const old = oldWorkbook(ENTRIES, smallSet());
    const result = planUpgrade({ grids: old.grids, set: corrected });
    const rows = result.leftovers.map((l) => [l.code, l.role, l.value]);
    expect(rows).toEqual(expect.arrayContaining([
      ['1.1.1', 'self', 0.5],
      ['1.1.1', 'appraisal', 0.5],
      ['1.2', 'self', 'KAD'],
      ['1.2', 'appraisal', 'KAD'],
      ['1.2', 'note', '-Không phát sinh báo cáo'],
      ['2.1.2', 'self', 1.5],
      ['2.1.2', 'appraisal', 1],
    ]));
    expect(rows).toHaveLength(7);
    const reasons = result.leftovers.map((l) => l.reason.vi).join('\n');
    expect(reasons).toMatch(/vượt điểm tối đa mới 0,25/);
    expect(reasons).toMatch(/nay có tiêu chí thành phần/);
    expect(reasons).toMatch(/không còn tiêu chí 2\.1\.2/);

    const back = reread(result);
    // Notes stay on 1.1.1 although its score did not fit; 2.1.1's entries stay on code 2.1.1.
    expect(back.entries['1.1.1'].values).toEqual({ note: '=1+1 không phải công thức', appraisalNote: '@đồng ý' });
    expect(back.entries['2.1.1'].values).toEqual({ self: 'đạt', appraisalNote: 'Chưa có ảnh' });
    expect(back.entries['3.1']).toBeUndefined();
    expect(result.renamed).toEqual([{ code: '2.1.1', before: 'Niêm yết', after: 'Cổng dịch vụ công' }]);
  });

  test('the leftovers sheet lists every leftover with its column, old value and reason', () => {
    const result = planUpgrade({ grids: oldWorkbook(ENTRIES, smallSet()).grids, set: corrected });
    const sheet = planToGrids(result.plan).sheets.filter((s) => s.name === LEFTOVERS_SHEET)[0];
    const listed = sheet.values.slice(4).map((row) => [row[0], row[2], row[3]]);
    expect(listed).toContainEqual(['1.1.1', 'Điểm tự chấm', 0.5]);
    expect(listed).toContainEqual(['1.2', 'Giải trình / Ghi chú', '-Không phát sinh báo cáo']);
    expect(listed).toHaveLength(result.leftovers.length);
  });

  test('leftovers of an earlier upgrade are carried by the next one, link included', () => {
    const old = oldWorkbook(ENTRIES, smallSet());
    const cell = at(old.grids, '2.1.2', 'evidence');
    type(cell.sheet, cell.row, cell.col, 'Ảnh niêm yết', 'https://example.org/niem-yet.jpg');
    const first = planUpgrade({ grids: old.grids, set: corrected });
    const evidence = first.leftovers.filter((l) => l.role === 'evidence')[0];
    expect(evidence).toMatchObject({ code: '2.1.2', value: 'Ảnh niêm yết', link: 'https://example.org/niem-yet.jpg' });
    const second = planUpgrade({ grids: planToGrids(first.plan) });
    expect(second.leftovers.map((l) => [l.code, l.role, l.value, l.link, l.reason.vi]))
      .toEqual(first.leftovers.map((l) => [l.code, l.role, l.value, l.link, l.reason.vi]));
  });
});

describe('what people did to the old sheet is kept, not dropped', () => {
  test('a duplicated row with different entries, text on a subtotal row, an overwritten subtotal and a row without a code', () => {
    const old = oldWorkbook({ '1.1.1': { values: { self: 1 } }, '1.1.2': { values: { self: 0.5 } } }, smallSet(), false);
    const read = readScoring(old.grids);
    const { sheet, columns } = read;
    // A copy of the 1.1.1 row pasted below the table, scored differently.
    const copyRow = sheet.values.length + 2;
    setCell(sheet, copyRow, columns.code!, '1.1.1');
    setCell(sheet, copyRow, columns.self!, 0.75);
    setCell(sheet, copyRow, columns.note!, 'Chấm lại');
    // A note on the domain row, a number typed over the 1.1 subtotal, the 1 subtotal pasted as its own value.
    setCell(sheet, read.rowOf['1'], columns.note!, 'Ghi chú chung lĩnh vực I');
    setCell(sheet, read.rowOf['1.1'], columns.self!, 2);
    setCell(sheet, read.rowOf['1'], columns.self!, 1.5);
    // A row inserted under 1.2 with no code.
    setCell(sheet, copyRow + 1, columns.name!, 'Bổ sung: báo cáo đột xuất');
    setCell(sheet, copyRow + 1, columns.note!, 'Đã gửi ngày 3/5');

    const result = planUpgrade({ grids: old.grids });
    expect(result.leftovers.map((l) => [l.code, l.role, l.value])).toEqual([
      ['1.1.1', 'self', 0.75],
      ['1.1.1', 'note', 'Chấm lại'],
      ['1', 'note', 'Ghi chú chung lĩnh vực I'],
      ['1.1', 'self', 2],
      ['', 'note', 'Đã gửi ngày 3/5'],
    ]);
    expect(result.leftovers[4].name).toBe('Bổ sung: báo cáo đột xuất');
    expect(result.leftovers[3].reason.vi).toMatch(/tính lại tổng từ các mục con \(1,5\)/);
  });

  test('a sheet of their own named "Minh chứng" (not a register) goes along as "Minh chứng (cũ)"', () => {
    const old = oldWorkbook();
    const theirs: SheetGrid = {
      name: SHEETS.evidence, visibility: 'visible', merges: [],
      values: [['Danh sách hồ sơ đã nộp huyện'], ['Quyết định 15/QĐ-UBND']], formulas: [[null], [null]], hyperlinks: [[null], [null]],
    };
    old.grids.sheets = old.grids.sheets.filter((s) => s.name !== SHEETS.evidence).concat(theirs);
    const result = planUpgrade({ grids: old.grids });
    expect(result.plan.sheets.map((s) => s.name)).toContain(SHEETS.evidence);
    expect(result.otherSheets.map((s) => [s.name, s.values])).toEqual([[`${SHEETS.evidence} (cũ)`, theirs.values]]);
  });

  test('sheets the tool did not make are reported, and can be kept as values', () => {
    const old = oldWorkbook();
    const own: SheetGrid = {
      name: 'Ghi chú của xã', visibility: 'visible', merges: ['A1:B1'],
      values: [['=Tiêu đề', null], [1, true]], formulas: [[null, null], [null, null]], hyperlinks: [[null, null], ['https://example.org', null]],
    };
    old.grids.sheets.push(own);
    const result = planUpgrade({ grids: old.grids });
    expect(result.otherSheets.map((s) => s.name)).toEqual(['Ghi chú của xã']);
    const copy = valuesCopySheet(own, own.name);
    expect(copy.cells).toEqual([
      { row: 0, col: 0, value: '=Tiêu đề' },
      { row: 1, col: 0, value: 1, hyperlink: 'https://example.org' },
      { row: 1, col: 1, value: 'TRUE' },
    ]);
    expect(copy.merges).toEqual(['A1:B1']);
  });

  test('a workbook that is not a scoring workbook is refused with a clear message', () => {
    const old = oldWorkbook();
    old.grids.sheets = old.grids.sheets.filter((s) => s.name !== SHEETS.meta);
    expect(() => planUpgrade({ grids: old.grids })).toThrow(expect.objectContaining({ userMessage: expect.objectContaining({ vi: expect.stringMatching(/không phải bảng chấm điểm/) }) }));
  });

  test('the evidence link of a removed criterion stays on the leftovers sheet as a live link', () => {
    const old = oldWorkbook(ENTRIES, smallSet());
    const cell = at(old.grids, '2.1.2', 'evidence');
    type(cell.sheet, cell.row, cell.col, 'Ảnh', 'https://example.org/a.jpg');
    const removed = setWith((raw) => {
      const c21 = raw.nodes[1].children[0];
      c21.children = [c21.children![0]];
      c21.max = 0.5;
      raw.nodes[1].max = 0.5;
    });
    const sheet = planToGrids(planUpgrade({ grids: old.grids, set: removed }).plan).sheets.filter((s) => s.name === LEFTOVERS_SHEET)[0];
    const row = sheet.values.findIndex((r) => r[3] === 'Ảnh');
    expect(linkAt(sheet, row, 3)).toBe('https://example.org/a.jpg');
    expect(cellAt(sheet, row, 0)).toBe('2.1.2');
  });
});

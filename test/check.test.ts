import { checkWorkbook } from '../src/core/check/check';
import { flattenSet } from '../src/core/model/criteria';
import { CellValue } from '../src/core/model/grid';
import { builtGrids, enter, setCell, smallSet, BuiltGrids } from './helpers/scoring';
import { FileReport, hasErrors, issuesOf } from '../src/core/check/report';
import { insertRowsInFormula, ownSheetReferences, sumFormulaRows } from '../src/core/model/formula';
import { readScoring } from '../src/core/sheets/scoring/read';

function check(b: BuiltGrids, lang: 'vi' | 'en' = 'vi'): FileReport {
  return checkWorkbook(b.grids, { lang });
}

function rulesOf(report: FileReport, code?: string): string[] {
  return (report.issues || []).filter((i) => code === undefined || i.code === code).map((i) => i.rule);
}

const FULL: Record<string, CellValue> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

interface EntryCase {
  title: string;
  entries: Record<string, CellValue>;
  fires: Array<[string, string]>; // [rule, code]
  silent: string[]; // rules that must not fire at all
}

// Each rule: once where it must fire, once where it must stay silent.
const entryCases: EntryCase[] = [
  { title: 'over-max fires on 1.5 in a leaf of max 1', entries: { ...FULL, '1.1.1': 1.5 }, fires: [['over-max', '1.1.1']], silent: ['not-a-level', 'negative'] },
  { title: 'over-max silent on a score equal to the max', entries: FULL, fires: [], silent: ['over-max'] },
  { title: 'negative fires on -0.5', entries: { ...FULL, '2.1.2': -0.5 }, fires: [['negative', '2.1.2']], silent: ['over-max', 'not-a-level'] },
  { title: 'negative silent on 0', entries: { ...FULL, '2.1.2': 0 }, fires: [], silent: ['negative'] },
  { title: 'not-a-number fires on text', entries: { ...FULL, '1.2': 'đạt' }, fires: [['not-a-number', '1.2']], silent: [] },
  { title: 'not-a-number fires on a decimal comma with a hint', entries: { ...FULL, '1.1.2': '0,5' }, fires: [['not-a-number', '1.1.2']], silent: [] },
  { title: 'not-a-number silent on KAD and on numbers', entries: { ...FULL, '1.2': 'KAD' }, fires: [], silent: ['not-a-number', 'missing-score'] },
  { title: 'not-a-level fires on 0.3 where levels are 0, 0.5, 1', entries: { ...FULL, '1.1.1': 0.3 }, fires: [['not-a-level', '1.1.1']], silent: [] },
  { title: 'not-a-level silent on a leaf without levels', entries: { ...FULL, '1.2': 0.3 }, fires: [], silent: ['not-a-level'] },
  { title: 'missing-score warns on a blank leaf', entries: { ...FULL, '2.1.1': null }, fires: [['missing-score', '2.1.1']], silent: [] },
  { title: 'missing-score silent when everything is scored', entries: FULL, fires: [], silent: ['missing-score'] },
];

describe('entry rules', () => {
  test.each(entryCases)('$title', ({ entries, fires, silent }) => {
    const report = check(enter(builtGrids(), entries));
    expect(report.error).toBeNull();
    for (const [rule, code] of fires) expect(rulesOf(report, code)).toContain(rule);
    for (const rule of silent) expect(rulesOf(report)).not.toContain(rule);
    if (fires.length === 0) expect(hasErrors(report)).toBe(false);
  });

  test('the over-max issue carries the cell, column, sheet and a Vietnamese message', () => {
    const b = enter(builtGrids(), { ...FULL, '1.1.1': 1.5 });
    const issue = check(b).issues!.filter((i) => i.rule === 'over-max')[0];
    expect(issue).toEqual({
      severity: 'error', rule: 'over-max', code: '1.1.1', column: 'self', sheet: 'Chấm điểm',
      cell: 'E' + (b.rowOf['1.1.1'] + 1), message: 'Điểm 1,5 vượt điểm tối đa 1: chấm lại, từ 0 đến 1.', domain: '1',
    });
    expect(check(b, 'en').issues!.filter((i) => i.rule === 'over-max')[0].message).toBe('Score 1.5 exceeds the maximum 1: score it again, from 0 to 1.');
  });

  test('the decimal-comma hint tells what to type', () => {
    const report = check(enter(builtGrids(), { ...FULL, '1.1.2': '0,5' }));
    expect(report.issues!.filter((i) => i.rule === 'not-a-number')[0].message).toContain('0.5');
  });

  // A machine with the Vietnamese regional format: "0.25" stays text, and "1.5" becomes the date 1 May,
  // which the readers give as ISO text.
  test.each([
    ['0.25', '"0.25" là chữ, không phải số: máy đang dùng dấu phẩy thập phân (định dạng Việt Nam), hãy gõ 0,25.', 'type 0,25'],
    ['2025-05-01T00:00:00.000Z', 'Ô chứa ngày 01/05 — có lẽ gõ 1.5 trên máy định dạng Việt Nam; hãy gõ 1,5: chọn ô, đặt lại định dạng General', 'holds the date 01/05'],
  ])('the decimal-point hint on a decimal-comma machine: %j', (typed, vi, en) => {
    const grids = enter(builtGrids(), { ...FULL, '1.1.2': typed });
    expect(check(grids).issues!.filter((i) => i.rule === 'not-a-number')[0].message).toContain(vi);
    expect(check(grids, 'en').issues!.filter((i) => i.rule === 'not-a-number')[0].message).toContain(en);
  });
});

describe('totals and index', () => {
  test('sums are exact hundredths and the index is points over applicable maximum', () => {
    const report = check(enter(builtGrids(), { '1.1.1': 0.5, '1.1.2': 0.25, '1.2': 'KAD', '2.1.1': 0.5, '2.1.2': 1 }));
    const byCode: Record<string, { self: number | null }> = {};
    for (const n of report.nodes!) byCode[n.code] = n;
    expect(byCode['1.1'].self).toBe(0.75);
    expect(byCode['1'].self).toBe(0.75);
    expect(byCode['2'].self).toBe(1.5);
    expect(report.total!.self).toBe(2.25);
    expect(report.total!.max).toBe(5);
    expect(report.total!.applicableMax).toBe(4); // 1.2 (max 1) does not apply
    expect(report.total!.index).toBe(56.25);
    expect(report.nodes!.filter((n) => n.code === '1.2')[0].notApplicable).toBe(true);
  });

  test('every leaf KAD: nothing applies, so the index is blank (null), not NaN nor 0, and nothing is reported', () => {
    const allKad = { '1.1.1': 'KAD', '1.1.2': 'KAD', '1.2': ' kad ', '2.1.1': 'KAD', '2.1.2': 'KAD' };
    const report = check(enter(enter(builtGrids(smallSet(), true), allKad), allKad, 'appraisal'));
    expect(report.total).toMatchObject({ max: 5, applicableMax: 0, self: 0, index: null, appraisalApplicableMax: 0, appraisal: 0, appraisalIndex: null, blank: { self: 0, appraisal: 0 } });
    expect(report.nodes!.filter((n) => n.leaf).map((n) => [n.self, n.notApplicable])).toEqual(Array(5).fill([null, true]));
    expect(report.issues).toEqual([]);
  });

  test('0.1 + 0.2 is 0.3, not 0.30000000000000004', () => {
    const report = check(enter(builtGrids(), { '1.1.1': 0.1, '1.1.2': 0.2 }));
    expect(report.nodes!.filter((n) => n.code === '1.1')[0].self).toBe(0.3);
  });

  test('unscored leaves are null; the report lists every node with its cells', () => {
    const b = builtGrids();
    const report = check(b);
    const leaf = report.nodes!.filter((n) => n.code === '1.1.1')[0];
    expect(leaf.self).toBeNull();
    expect(leaf.cells).toEqual({ max: 'C' + (b.rowOf['1.1.1'] + 1), self: 'E' + (b.rowOf['1.1.1'] + 1), evidence: 'F' + (b.rowOf['1.1.1'] + 1), note: 'G' + (b.rowOf['1.1.1'] + 1) });
    expect(report.nodes!.map((n) => n.code)).toEqual(flattenSet(smallSet()).map((f) => f.code));
    expect(report.total!.cells.self).toBe('E' + (b.totalRow + 1));
  });
});

describe('sheet rules', () => {
  test('max-altered fires when a Điểm tối đa cell is edited, silent otherwise', () => {
    const b = enter(builtGrids(), FULL);
    expect(rulesOf(check(b))).not.toContain('max-altered');
    setCell(b.sheet, b.rowOf['1.1.1'], b.col.max!, 2);
    const issues = check(b).issues!.filter((i) => i.rule === 'max-altered');
    expect(issues.map((i) => i.code)).toEqual(['1.1.1']);
    expect(issues[0].column).toBe('max');
  });

  test('formula-altered fires on a value pasted over a subtotal', () => {
    const b = enter(builtGrids(), FULL);
    expect(rulesOf(check(b))).not.toContain('formula-altered');
    setCell(b.sheet, b.rowOf['1.1'], b.col.self!, 2, null);
    expect(rulesOf(check(b), '1.1')).toContain('formula-altered');
  });

  test('formula-altered fires on a subtotal that leaves out a child or adds another row', () => {
    const b = enter(builtGrids(), FULL);
    const r = (code: string) => b.rowOf[code] + 1;
    setCell(b.sheet, b.rowOf['1.1'], b.col.self!, 1, `SUM(E${r('1.1.1')})`);
    setCell(b.sheet, b.rowOf['2.1'], b.col.self!, 2, `SUM(E${r('2.1.1')}:E${r('2.1.2')},E${r('1.2')})`);
    const report = check(b);
    expect(rulesOf(report, '1.1')).toContain('formula-altered');
    expect(rulesOf(report, '2.1')).toContain('formula-altered');
  });

  test('formula-altered stays silent on an equivalent formula with $ signs', () => {
    const b = enter(builtGrids(), FULL);
    const r = (code: string) => b.rowOf[code] + 1;
    setCell(b.sheet, b.rowOf['1.1'], b.col.self!, 1.75, `SUM($E$${r('1.1.1')},E${r('1.1.2')})`);
    expect(rulesOf(check(b))).not.toContain('formula-altered');
  });

  test('structure fires on a deleted row, a duplicated code and an unknown code', () => {
    const b = enter(builtGrids(), FULL);
    const codeCol = b.col.code!;
    setCell(b.sheet, b.rowOf['2.1.1'], codeCol, null);
    setCell(b.sheet, b.rowOf['1.2'], codeCol, '1.1.2');
    b.sheet.values.push([]);
    setCell(b.sheet, b.sheet.values.length, codeCol, '9.9.9');
    const report = check(b);
    const structure = report.issues!.filter((i) => i.rule === 'structure');
    expect(structure.map((i) => i.code)).toEqual(expect.arrayContaining(['2.1.1', '1.2', '1.1.2', null]));
    expect(structure.some((i) => i.message.indexOf('9.9.9') >= 0)).toBe(true);
  });

  interface SheetCase {
    title: string;
    appraisal?: true;
    edit: (b: BuiltGrids) => void;
    /** [rule, code, column, cell, message] of every structure and formula-altered issue, in report order. */
    expected: Array<[string, string | null, string, string | null, string]>;
  }
  const REBUILD = 'Hãy tạo lại bảng ("cchc build --from")';
  const missingRow = (code: string): [string, string, string, null, string] =>
    ['structure', code, 'structure', null, `Thiếu dòng của tiêu chí ${code}: dòng đã bị xóa hoặc mã ở cột ẩn "Mã" đã bị sửa. Hãy khôi phục dòng (Ctrl+Z) hoặc tạo lại bảng ("cchc build --from").`];
  const headerRow = (b: BuiltGrids) => readScoring(b.grids).headerRow;
  const sheetCases: SheetCase[] = [
    {
      title: 'a criterion\'s code cleared: its row is missing, and the subtotal now adds a row of no criterion',
      edit: (b) => setCell(b.sheet, b.rowOf['2.1.1'], b.col.code!, null),
      expected: [
        ['formula-altered', '2.1', 'self', 'E15', 'Ô tổng của 2.1 (E15) cộng cả dòng 16, là dòng không thuộc tiêu chí nào (dòng chèn thêm): xóa dòng đó để công thức chỉ cộng các mục của nó.'],
        missingRow('2.1.1'),
      ],
    },
    {
      title: 'a code written twice: the rows named (as Excel numbers them), the other code missing, the sum that now adds another criterion',
      edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.code!, '1.1.2'),
      expected: [
        ['formula-altered', '1', 'self', 'E9', `Ô tổng của 1 (E9) có công thức "=SUM(E10,E13)" không còn cộng đúng các mục con. ${REBUILD} để khôi phục công thức.`],
        ['structure', '1.1.2', 'structure', 'I13', 'Tiêu chí 1.1.2 xuất hiện 2 lần (dòng 12, 13): chỉ giữ một dòng.'],
        missingRow('1.2'),
      ],
    },
    {
      title: 'a code the set does not have: its row, and the code quoted cut to 30 characters',
      edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.code!, '1.2.9 — mã do người dùng tự đặt thêm'),
      expected: [
        ['structure', null, 'structure', 'I13', 'Dòng 13 có mã "1.2.9 — mã do người dùng tự đ…" không thuộc bộ tiêu chí.'],
        missingRow('1.2'),
      ],
    },
    {
      title: 'a criterion\'s code cleared: its own sum is not looked for, its domain\'s sum now adds a row of no criterion',
      edit: (b) => setCell(b.sheet, b.rowOf['2.1'], b.col.code!, null),
      expected: [
        ['formula-altered', '2', 'self', 'E14', 'Ô tổng của 2 (E14) cộng cả dòng 15, là dòng không thuộc tiêu chí nào (dòng chèn thêm): xóa dòng đó để công thức chỉ cộng các mục của nó.'],
        missingRow('2.1'),
      ],
    },
    {
      title: 'a domain\'s code cleared: TỔNG ĐIỂM now adds a row of no criterion',
      edit: (b) => setCell(b.sheet, b.rowOf['2'], b.col.code!, null),
      expected: [
        missingRow('2'),
        ['formula-altered', null, 'self', 'E18', 'Ô TỔNG ĐIỂM (E18) cộng cả dòng 14, là dòng không thuộc tiêu chí nào (dòng chèn thêm): xóa dòng đó để công thức chỉ cộng các mục của nó.'],
      ],
    },
    {
      title: 'a workbook made before the applicable maximum row: nothing to guard there',
      edit: (b) => {
        const row = readScoring(b.grids).markers.applicableMax!;
        b.sheet.values[row] = [];
        b.sheet.formulas[row] = [];
      },
      expected: [],
    },
    {
      title: 'the name column\'s header erased',
      edit: (b) => setCell(b.sheet, headerRow(b), b.col.name!, null),
      expected: [['structure', null, 'structure', null, 'Thiếu cột "Lĩnh vực / Tiêu chí / Tiêu chí thành phần" trên trang Chấm điểm.']],
    },
    {
      title: 'the Kiểm tra column\'s header renamed',
      edit: (b) => setCell(b.sheet, headerRow(b), b.col.check!, 'Ghi chú'),
      expected: [['structure', null, 'structure', null, 'Thiếu cột "Kiểm tra" trên trang Chấm điểm.']],
    },
    {
      title: 'the appraisal column\'s header erased in a workbook made with it',
      appraisal: true,
      edit: (b) => setCell(b.sheet, headerRow(b), b.col.appraisal!, null),
      expected: [['structure', null, 'structure', null, 'Thiếu cột "Điểm thẩm định" trên trang Chấm điểm.']],
    },
    {
      title: 'the TỔNG ĐIỂM row deleted',
      edit: (b) => {
        b.sheet.values[b.totalRow] = [];
        b.sheet.formulas[b.totalRow] = [];
      },
      expected: [['formula-altered', null, 'structure', null, 'Không tìm thấy dòng TỔNG ĐIỂM: dòng tổng đã bị xóa. Hãy tạo lại bảng ("cchc build --from").']],
    },
    {
      title: 'values typed over the applicable maximum (self) and the index (appraisal): each cell named with what it was',
      appraisal: true,
      edit: (b) => {
        const m = readScoring(b.grids).markers;
        setCell(b.sheet, m.applicableMax!, b.col.self!, 5);
        setCell(b.sheet, m.index!, b.col.appraisal!, 95);
      },
      expected: [
        ['formula-altered', null, 'self', 'E19', 'Ô E19 (điểm tối đa áp dụng) không còn là công thức.'],
        ['formula-altered', null, 'appraisal', 'F20', 'Ô F20 (chỉ số) không còn là công thức.'],
      ],
    },
    {
      title: 'a value typed over a subtotal',
      edit: (b) => setCell(b.sheet, b.rowOf['1.1'], b.col.self!, 1.75),
      expected: [['formula-altered', '1.1', 'self', 'E10', `Ô tổng của 1.1 (E10) không còn là công thức (đã bị ghi đè bằng giá trị): tổng sẽ không tự cập nhật. ${REBUILD} để khôi phục công thức.`]],
    },
    {
      title: 'a value typed over TỔNG ĐIỂM',
      edit: (b) => setCell(b.sheet, b.totalRow, b.col.self!, 4.75),
      expected: [['formula-altered', null, 'self', 'E18', `Ô TỔNG ĐIỂM (E18) không còn là công thức (đã bị ghi đè bằng giá trị): tổng sẽ không tự cập nhật. ${REBUILD} để khôi phục công thức.`]],
    },
    {
      title: 'a subtotal that adds its children without SUM',
      edit: (b) => setCell(b.sheet, b.rowOf['1.1'], b.col.self!, 1.75, 'E11+E12'),
      expected: [['formula-altered', '1.1', 'self', 'E10', `Ô tổng của 1.1 (E10) có công thức "=E11+E12" không còn cộng đúng các mục con. ${REBUILD} để khôi phục công thức.`]],
    },
    {
      title: 'a long formula is quoted cut to 60 characters',
      edit: (b) => setCell(b.sheet, b.rowOf['1'], b.col.self!, 2.75, 'SUM(E10,E13)+0*LEN("một công thức rất dài do người dùng tự viết thêm vào ô")'),
      expected: [['formula-altered', '1', 'self', 'E9', `Ô tổng của 1 (E9) có công thức "=SUM(E10,E13)+0*LEN("một công thức rất dài do người dùng tự…" không còn cộng đúng các mục con. ${REBUILD} để khôi phục công thức.`]],
    },
    {
      title: 'TỔNG ĐIỂM that adds a criterion instead of its domain, in the appraisal column',
      appraisal: true,
      edit: (b) => setCell(b.sheet, b.totalRow, b.col.appraisal!, 0, 'SUM(F9,F15)'),
      expected: [['formula-altered', null, 'appraisal', 'F18', `Ô TỔNG ĐIỂM (F18) có công thức "=SUM(F9,F15)" không còn cộng đúng các mục con. ${REBUILD} để khôi phục công thức.`]],
    },
  ];

  test.each(sheetCases)('$title', ({ appraisal, edit, expected }) => {
    const b = enter(builtGrids(undefined, !!appraisal), FULL);
    edit(b);
    const found = check(b).issues!.filter((i) => i.rule === 'structure' || i.rule === 'formula-altered');
    expect(found.map((i) => [i.rule, i.code, i.column, i.cell, i.message])).toEqual(expected);
    expect(found.every((i) => i.severity === 'error')).toBe(true);
  });

  test('structure is silent on the workbook as built', () => {
    expect(rulesOf(check(builtGrids()))).not.toContain('structure');
  });
});

describe('reading workbooks people changed', () => {
  test('sorted rows still read by code', () => {
    const b = enter(builtGrids(), { ...FULL, '1.1.1': 0.5 });
    const first = b.rowOf['1.1.1'];
    const second = b.rowOf['2.1.2'];
    // Swap two leaf rows entirely (what a sort does to a row's cells).
    for (const grid of [b.sheet.values, b.sheet.formulas] as unknown[][][]) {
      const tmp = grid[first];
      grid[first] = grid[second];
      grid[second] = tmp;
    }
    const report = check(b);
    expect(report.nodes!.filter((n) => n.code === '1.1.1')[0].self).toBe(0.5);
    expect(report.nodes!.filter((n) => n.code === '2.1.2')[0].self).toBe(1.5);
  });

  test('a workbook without the _cchc sheet is refused with a clear message', () => {
    const b = builtGrids();
    b.grids.sheets = b.grids.sheets.filter((s) => s.name !== '_cchc');
    const report = check(b);
    expect(report.error).toMatch(/không phải bảng chấm điểm/);
    expect(report.nodes).toBeUndefined();
  });

  test('a renamed scoring sheet is still found', () => {
    const b = enter(builtGrids(), FULL);
    b.sheet.name = 'Cham diem 2024';
    const report = check(b);
    expect(report.error).toBeNull();
    expect(report.total!.self).toBe(4.75);
  });
});

describe('grouping for people', () => {
  test('issues are grouped by domain in tree order with counts', () => {
    const report = check(enter(builtGrids(), { '1.1.1': 2, '2.1.2': 'x' }));
    const groups = report.groups!;
    expect(groups.map((g) => g.domain)).toEqual(['1', '2']);
    expect(groups.map((g) => issuesOf(report, g).map((i) => i.code))).toEqual([['1.1.1', '1.1.1', '1.1.2', '1.2'], ['2.1.1', '2.1.2']]);
    expect(groups[0].errors).toBe(1);
    expect(groups[0].warnings).toBe(3); // missing-score on 1.1.2 and 1.2, missing-evidence on 1.1.1
    expect(groups[1].errors).toBe(1);
  });
});

describe('sumFormulaRows', () => {
  test.each([
    { title: 'plain list', input: 'SUM(E10,E12)', expected: [9, 11] },
    { title: 'range', input: '=SUM(E10:E12)', expected: [9, 10, 11] },
    { title: 'nested groups', input: 'SUM(SUM(E10),SUM(E11:E12))', expected: [9, 10, 11] },
    { title: 'another column', input: 'SUM(F10)', expected: null },
    { title: 'not a sum', input: 'E10+E11', expected: null },
    { title: 'arithmetic inside', input: 'SUM(E10)*2', expected: null },
  ])('$title', ({ input, expected }) => {
    expect(sumFormulaRows(input, 4)).toEqual(expected);
  });
});

// What a Tổng hợp formula reads on its own sheet: a rate computed from a cell already reported wrong
// is explained by that cell's issue, so the check must know which cells a formula reads.
describe('ownSheetReferences', () => {
  test.each([
    { title: 'cells of its own sheet, $ dropped', input: '=IF($C$10=0,"",ROUND(D10/C10*100,2))', expected: ['C10', 'D10', 'C10'] },
    { title: 'another sheet\'s cell left out', input: "='Chấm điểm'!E9", expected: [] },
    { title: 'another sheet\'s range left out, both ends', input: "=SUM('Chấm điểm'!$E$9:E23)+D12", expected: ['D12'] },
    { title: 'a quoted name with a doubled quote', input: "='Xã Đồng''s'!AB12-AB13", expected: ['AB13'] },
    { title: 'a range of its own sheet gives its two ends', input: 'SUM(D10:D12)', expected: ['D10', 'D12'] },
    { title: 'addresses inside text are text', input: '=IF(D10="","E9 trống",D10)', expected: ['D10', 'D10'] },
    { title: 'function names with digits are no cells', input: '=LOG10(D10)+ATAN2(E11,F12)', expected: ['D10', 'E11', 'F12'] },
    { title: 'lower case and wide columns', input: '=xfd1048576+d2', expected: ['XFD1048576', 'D2'] },
    { title: 'an own-sheet range right after another sheet\'s cell', input: "='Chấm điểm'!E9+SUM(D1:D2)", expected: ['D1', 'D2'] },
  ])('$title', ({ input, expected }) => {
    expect(ownSheetReferences(input)).toEqual(expected);
  });
});

// How a spreadsheet rewrites a formula when rows are inserted above a row of its own sheet: the check
// finds Tổng hợp's table moved down by a line added above it, and its formulas moved with it.
describe('insertRowsInFormula', () => {
  test.each([
    { title: 'references at and below the row move, $-anchored too', input: 'IF(D15>0,ROUND(D14/$D$15*100,2),"")', at: 10, count: 1, expected: 'IF(D16>0,ROUND(D15/$D$16*100,2),"")' },
    { title: 'references above the row stay', input: '"Số: "&TRIM($H$3&"")&D11', at: 10, count: 2, expected: '"Số: "&TRIM($H$3&"")&D13' },
    { title: 'the row itself is the first to move (0-based at, 1-based references)', input: 'D10+D11', at: 10, count: 1, expected: 'D10+D12' },
    { title: 'another sheet\'s references stay, ranges too', input: "'Chấm điểm'!E14+SUM('Chấm điểm'!C14:C17)+D13", at: 10, count: 1, expected: "'Chấm điểm'!E14+SUM('Chấm điểm'!C14:C17)+D14" },
    { title: 'text is text', input: '"D14"&D14', at: 10, count: 1, expected: '"D14"&D15' },
    { title: 'rows deleted move them up', input: 'D14/D15', at: 10, count: -1, expected: 'D13/D14' },
    { title: 'nothing inserted, nothing changed', input: 'D14', at: 0, count: 0, expected: 'D14' },
  ])('$title', ({ input, at, count, expected }) => {
    expect(insertRowsInFormula(input, at, count)).toBe(expected);
  });
});

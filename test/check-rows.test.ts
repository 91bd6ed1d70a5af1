// Every row of the scoring table is accounted for (issue #9, items 1 and 3): rows without a code that
// hold a number or text, sums stretched over inserted rows, rows moved or sorted apart from their
// codes, names and maxima edited. Edits are made on the grids as Excel makes them (insertRow moves the
// references); test/edits-libreoffice.test.ts makes the same edits in LibreOffice.

import { checkWorkbook } from '../src/core/check/check';
import { FileReport, hasErrors } from '../src/core/check/report';
import { CellValue } from '../src/core/model/grid';
import { generateSet } from './helpers/generate';
import { BuiltGrids, builtGrids, enter, insertRow, setCell } from './helpers/scoring';
import { extrasSet } from './helpers/communes';
import { CriteriaSet } from '../src/core/model/criteria';

const FULL: Record<string, CellValue> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

function scored(appraisal = false, set?: () => CriteriaSet): BuiltGrids {
  if (set) return enter(builtGrids(set(), appraisal), { ...FULL, T1: 1, T2: 0.5, D1: 0.5 });
  const b = enter(builtGrids(undefined, appraisal), FULL);
  return appraisal ? enter(b, FULL, 'appraisal') : b;
}

function issues(report: FileReport, rule: string) {
  return (report.issues || []).filter((i) => i.rule === rule);
}

interface RowCase {
  title: string;
  /** Built with the appraisal column. */
  appraisal?: true;
  edit: (b: BuiltGrids) => void;
  expected: Array<{ rule: string; severity: 'error' | 'warning'; cell?: string; column?: string; text?: string }>;
  /** Built from this set (the small test set unless given). */
  set?: () => CriteriaSet;
}

const cases: RowCase[] = [
  {
    title: 'a number on a row inserted inside a criterion\'s block is an error naming its cell, and the stretched sum too',
    edit: (b) => {
      const at = b.rowOf['1.1.2'];
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, 'Hội nghị sơ kết');
      setCell(b.sheet, at, b.col.self!, 0.5);
    },
    expected: [
      { rule: 'formula-altered', severity: 'error', cell: 'E10', text: 'cộng cả dòng 12' },
      { rule: 'unknown-row', severity: 'error', cell: 'E12', text: 'Dòng 12 không có mã tiêu chí (ô Mã trống) nhưng có số 0,5 ở ô E12: tổng trên trang tính đã cộng số này' },
    ],
  },
  {
    title: 'a number typed on a row inserted just above TỔNG ĐIỂM is counted by nobody: an error that says so',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.self!, 2);
    },
    expected: [{ rule: 'unknown-row', severity: 'error', text: 'không ô tổng nào cộng số này' }],
  },
  {
    title: 'a maximum typed on an inserted row is an error too',
    edit: (b) => {
      const at = b.rowOf['2.1.2'] + 1;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.max!, 1);
    },
    expected: [{ rule: 'unknown-row', severity: 'error', cell: "C18" }],
  },
  {
    title: 'text only on an inserted row is a warning naming the row',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, 'Ghi chú của xã');
    },
    expected: [{ rule: 'unknown-row', severity: 'warning', text: 'có nội dung "Ghi chú của xã"' }],
  },
  {
    title: 'an empty row inserted inside a block: the stretched sum is a warning while the row stays empty',
    edit: (b) => {
      insertRow(b, b.rowOf['2.1.2']);
    },
    expected: [{ rule: 'formula-altered', severity: 'warning', text: 'cộng cả dòng' }],
  },
  {
    title: 'name and maximum of two rows sorted apart from their codes: one error naming the rows, no "maximum altered"',
    edit: (b) => {
      const [a, c] = [b.rowOf['1.1.1'], b.rowOf['1.2']];
      for (const col of [b.col.stt!, b.col.name!, b.col.max!]) {
        const tmp = b.sheet.values[a][col];
        b.sheet.values[a][col] = b.sheet.values[c][col];
        b.sheet.values[c][col] = tmp;
      }
    },
    expected: [{ rule: 'rows-out-of-line', severity: 'error', text: 'Các dòng 11, 13 bị lệch khỏi mã của chúng' }],
  },
  {
    title: 'names sorted apart with equal maxima are reported too',
    edit: (b) => {
      const [a, c] = [b.rowOf['1.1.1'], b.rowOf['1.1.2']];
      const tmp = b.sheet.values[a][b.col.name!];
      b.sheet.values[a][b.col.name!] = b.sheet.values[c][b.col.name!];
      b.sheet.values[c][b.col.name!] = tmp;
    },
    expected: [{ rule: 'rows-out-of-line', severity: 'error', text: 'dòng 11 (mã 1.1.1) mang tên của mã 1.1.2' }],
  },
  {
    title: 'a name edited in place is a warning',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.name!, 'Báo cáo'),
    expected: [{ rule: 'name-altered', severity: 'warning', text: 'Tên tiêu chí đã bị sửa thành "Báo cáo"; theo bộ tiêu chí là "Báo cáo CCHC"' }],
  },
  {
    title: 'a maximum edited in place is still "maximum altered"',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.max!, 2),
    expected: [{ rule: 'max-altered', severity: 'error', text: 'Điểm tối đa đã bị sửa thành 2; theo bộ tiêu chí là 1. Hãy khôi phục số 1.' }],
  },
  {
    title: 'a maximum erased is "maximum altered" that says the cell is blank',
    edit: (b) => setCell(b.sheet, b.rowOf['1.1'], b.col.max!, null),
    expected: [{ rule: 'max-altered', severity: 'error', cell: 'C10', text: 'Điểm tối đa đã bị sửa thành (trống); theo bộ tiêu chí là 2. Hãy khôi phục số 2.' }],
  },
  {
    title: 'a maximum written as text is "maximum altered" quoting the text',
    edit: (b) => setCell(b.sheet, b.rowOf['2.1.1'], b.col.max!, 'nửa điểm'),
    expected: [{ rule: 'max-altered', severity: 'error', cell: 'C16', text: 'Điểm tối đa đã bị sửa thành nửa điểm; theo bộ tiêu chí là 0,5.' }],
  },
  {
    title: 'a name erased is a warning that says the cell is blank, at the name\'s cell',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.name!, null),
    expected: [{ rule: 'name-altered', severity: 'warning', cell: 'B13', text: 'Tên tiêu chí đã bị sửa thành "(trống)"; theo bộ tiêu chí là "Báo cáo CCHC"' }],
  },
  {
    title: 'a name and a maximum both edited in place: a warning for the name and an error for the maximum',
    edit: (b) => {
      setCell(b.sheet, b.rowOf['1.2'], b.col.name!, 'Báo cáo năm');
      setCell(b.sheet, b.rowOf['1.2'], b.col.max!, 3);
    },
    expected: [
      { rule: 'name-altered', severity: 'warning', text: '"Báo cáo năm"' },
      { rule: 'max-altered', severity: 'error', text: 'thành 3;' },
    ],
  },
  {
    title: 'a name given the name of another criterion and its own maximum kept: rows out of line',
    edit: (b) => setCell(b.sheet, b.rowOf['2.1.1'], b.col.name!, 'Cổng dịch vụ công'),
    expected: [{ rule: 'rows-out-of-line', severity: 'error', cell: 'B16', text: 'Các dòng 16 bị lệch khỏi mã của chúng (cột Mã): dòng 16 (mã 2.1.1) mang tên của mã 2.1.2.' }],
  },
  {
    title: 'four rows sorted apart: the rows all named, the first three explained, then "…"',
    edit: (b) => {
      const rows = ['1.1.1', '1.1.2', '2.1.1', '2.1.2'].map((c) => b.rowOf[c]);
      const names = rows.map((r) => b.sheet.values[r][b.col.name!]);
      rows.forEach((r, i) => (b.sheet.values[r][b.col.name!] = names[(i + 1) % 4]));
    },
    expected: [{
      rule: 'rows-out-of-line', severity: 'error', cell: 'B11',
      text: 'Các dòng 11, 12, 16, 17 bị lệch khỏi mã của chúng (cột Mã): dòng 11 (mã 1.1.1) mang tên của mã 1.1.2; dòng 12 (mã 1.1.2) mang tên của mã 2.1.1; dòng 16 (mã 2.1.1) mang tên của mã 2.1.2; …. Có lẽ',
    }],
  },
  {
    title: 'a name with its spaces doubled, or written in decomposed Unicode, is still its name',
    edit: (b) => {
      setCell(b.sheet, b.rowOf['1.2'], b.col.name!, '  Báo cáo   CCHC ');
      setCell(b.sheet, b.rowOf['2.1.1'], b.col.name!, 'Niêm yết'.normalize('NFD'));
    },
    expected: [],
  },
  {
    title: 'a date on an inserted row (1.5 typed on a Vietnamese-format Excel) is named as the date it shows',
    edit: (b) => {
      const at = b.rowOf['1.1.2'];
      insertRow(b, at);
      setCell(b.sheet, at, b.col.self!, '2024-05-01T00:00:00.000Z');
    },
    expected: [
      { rule: 'formula-altered', severity: 'warning', cell: 'E10' },
      { rule: 'unknown-row', severity: 'error', cell: 'E12', text: 'Dòng 12 không có mã tiêu chí (ô Mã trống) nhưng có ngày 01/05 ở ô E12 (có lẽ một số gõ bằng dấu chấm, như 1.5, trên máy định dạng Việt Nam): tổng trên trang tính đã cộng số này' },
    ],
  },
  {
    title: 'numbers in the maximum, self and appraisal cells of one inserted row: an error at each, no text warning',
    appraisal: true,
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, 'Việc làm thêm');
      setCell(b.sheet, at, b.col.max!, 1);
      setCell(b.sheet, at, b.col.self!, 1);
      setCell(b.sheet, at, b.col.appraisal!, 0.5);
    },
    expected: [
      { rule: 'unknown-row', severity: 'error', cell: 'C18', text: 'có số 1 ở ô C18: không ô tổng nào cộng số này' },
      { rule: 'unknown-row', severity: 'error', cell: 'E18', text: 'có số 1 ở ô E18: không ô tổng nào cộng số này' },
      { rule: 'unknown-row', severity: 'error', cell: 'F18', text: 'có số 0,5 ở ô F18: không ô tổng nào cộng số này' },
    ],
  },
  {
    title: 'a number on an inserted row inside the appraisal\'s block is counted by the appraisal\'s sums',
    appraisal: true,
    edit: (b) => {
      const at = b.rowOf['2.1.2'];
      insertRow(b, at);
      setCell(b.sheet, at, b.col.appraisal!, 0.5);
    },
    expected: [
      { rule: 'formula-altered', severity: 'warning', cell: 'E15' },
      { rule: 'formula-altered', severity: 'error', cell: 'F15', text: 'cộng cả dòng 17' },
      { rule: 'unknown-row', severity: 'error', cell: 'F17', text: 'tổng trên trang tính đã cộng số này' },
    ],
  },
  {
    title: 'text in several cells of an inserted row: one warning, at the first, cut to 40 characters ending in …',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, 'Tổ chức hội nghị tuyên truyền cải cách hành chính cho cán bộ');
      setCell(b.sheet, at, b.col.note!, 'Đã làm');
    },
    expected: [{ rule: 'unknown-row', severity: 'warning', cell: 'B18', text: 'có nội dung "Tổ chức hội nghị tuyên truyền cải cách…":' }],
  },
  {
    title: 'what a formula shows on an inserted row, and the Kiểm tra column, are not the user\'s text',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, 'Tự động', '"Tự động"');
      setCell(b.sheet, at, b.col.check!, 'Lỗi');
    },
    expected: [],
  },
  {
    title: 'a number on a row inserted between two bonus items is counted by the bonus subtotal',
    set: extrasSet,
    edit: (b) => {
      const at = b.rowOf.T2;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.self!, 0.25);
    },
    expected: [
      { rule: 'formula-altered', severity: 'error', cell: 'E18', column: 'self', text: 'Ô tổng điểm thưởng (E18) cộng cả dòng 20' },
      { rule: 'unknown-row', severity: 'error', cell: 'E20', column: 'self', text: 'tổng trên trang tính đã cộng số này' },
    ],
  },
  {
    title: 'two rows inserted in a block, a number in one: the stretched sum is an error naming both rows',
    edit: (b) => {
      const at = b.rowOf['2.1.2'];
      insertRow(b, at);
      insertRow(b, at);
      setCell(b.sheet, at + 1, b.col.self!, 0.5);
    },
    expected: [
      { rule: 'formula-altered', severity: 'error', cell: 'E15', column: 'self', text: 'Ô tổng của 2.1 (E15) cộng cả dòng 17, 18, là dòng không thuộc tiêu chí nào' },
      { rule: 'unknown-row', severity: 'error', cell: 'E18', column: 'self', text: 'Dòng 18 không có mã tiêu chí (ô Mã trống) nhưng có số 0,5 ở ô E18: tổng trên trang tính đã cộng số này nhưng bộ tiêu chí không có mục này.' },
    ],
  },
  {
    title: 'text on an inserted row: the full warning, in the structure column',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.note!, 'Đã họp');
    },
    expected: [{ rule: 'unknown-row', severity: 'warning', cell: 'G18', column: 'structure', text: 'Dòng 18 không có mã tiêu chí (ô Mã trống) nhưng có nội dung "Đã họp": ghi nội dung này vào cột Giải trình của tiêu chí liên quan, rồi xóa dòng 18.' }],
  },
  {
    title: 'a maximum typed as the text "1" is not the number 1 (SUM leaves text out): maximum altered',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.max!, '1'),
    expected: [{ rule: 'max-altered', severity: 'error', cell: 'C13', column: 'max', text: 'Điểm tối đa đã bị sửa thành 1; theo bộ tiêu chí là 1.' }],
  },
  {
    title: 'a maximum edited to 2,5 is shown as people write it',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.max!, 2.5),
    expected: [{ rule: 'max-altered', severity: 'error', text: 'thành 2,5; theo bộ tiêu chí là 1. Hãy khôi phục số 1.' }],
  },
  {
    title: 'a name edited: the warning is in the structure column, at the name\'s cell',
    edit: (b) => setCell(b.sheet, b.rowOf['2.1.1'], b.col.name!, 'Niêm yết TTHC'),
    expected: [{ rule: 'name-altered', severity: 'warning', cell: 'B16', column: 'structure', text: 'Tên tiêu chí đã bị sửa thành "Niêm yết TTHC"; theo bộ tiêu chí là "Niêm yết". Hãy khôi phục tên (bản in phải đúng tên trong bộ tiêu chí).' }],
  },
  {
    title: 'three rows sorted apart: all three explained, no "…"',
    edit: (b) => {
      const rows = ['1.1.1', '1.1.2', '1.2'].map((c) => b.rowOf[c]);
      const names = rows.map((r) => b.sheet.values[r][b.col.name!]);
      rows.forEach((r, i) => (b.sheet.values[r][b.col.name!] = names[(i + 1) % 3]));
    },
    expected: [{
      rule: 'rows-out-of-line', severity: 'error', cell: 'B11', column: 'structure',
      text: '(cột Mã): dòng 11 (mã 1.1.1) mang tên của mã 1.1.2; dòng 12 (mã 1.1.2) mang tên của mã 1.2; dòng 13 (mã 1.2) mang tên của mã 1.1.1. Có lẽ',
    }],
  },
  {
    title: 'a criterion\'s code cleared: its row holds a number no criterion owns, and its name is not "altered"',
    edit: (b) => setCell(b.sheet, b.rowOf['1.2'], b.col.code!, null),
    expected: [
      { rule: 'formula-altered', severity: 'error', cell: 'E9' },
      { rule: 'unknown-row', severity: 'error', cell: 'C13', column: 'max', text: 'có số 1 ở ô C13: không ô tổng nào cộng số này' },
      { rule: 'unknown-row', severity: 'error', cell: 'E13', column: 'self', text: 'tổng trên trang tính đã cộng số này' },
    ],
  },
  {
    title: 'without the name column, names are not compared: the maximum still is',
    edit: (b) => {
      const header = b.sheet.values.findIndex((r) => (r || [])[b.col.code!] !== undefined && (r || []).indexOf('Kiểm tra') >= 0);
      setCell(b.sheet, header, b.col.name!, null);
      setCell(b.sheet, b.rowOf['1.2'], b.col.max!, 3);
    },
    expected: [{ rule: 'max-altered', severity: 'error', cell: 'C13' }],
  },
  {
    title: 'whitespace and zero-width text left on an inserted row is nothing to report',
    edit: (b) => {
      const at = b.totalRow;
      insertRow(b, at);
      setCell(b.sheet, at, b.col.name!, '   ');
      setCell(b.sheet, at, b.col.self!, ' ');
    },
    expected: [],
  },
];

const RULES = ['unknown-row', 'rows-out-of-line', 'name-altered', 'max-altered', 'formula-altered'];

describe('rows of the scoring table', () => {
  test.each(cases)('$title', ({ edit, expected, appraisal, set }) => {
    const b = scored(!!appraisal, set);
    edit(b);
    const report = checkWorkbook(b.grids);
    const found = (report.issues || []).filter((i) => RULES.indexOf(i.rule) >= 0);
    expect(found.map((i) => [i.rule, i.severity])).toEqual(expected.map((e) => [e.rule, e.severity]));
    expected.forEach((e, k) => {
      if (e.cell) expect(found[k].cell).toBe(e.cell);
      if (e.column) expect(found[k].column).toBe(e.column);
      if (e.text) expect(found[k].message).toContain(e.text);
    });
    expect(hasErrors(report)).toBe(expected.some((e) => e.severity === 'error'));
  });

  test('nine rows sorted apart: eight row numbers, then …', () => {
    const b = enter(builtGrids(generateSet(12, 5, 2)), {});
    const codes = Object.keys(b.rowOf).filter((c) => c.split('.').length === 3 || /^\d+\.\d+$/.test(c)).slice(0, 10);
    const rows = codes.map((c) => b.rowOf[c]);
    const names = rows.map((r) => b.sheet.values[r][b.col.name!]);
    rows.forEach((r, i) => (b.sheet.values[r][b.col.name!] = names[(i + 1) % rows.length]));
    const found = issues(checkWorkbook(b.grids), 'rows-out-of-line');
    const shown = rows.slice().sort((x, y) => x - y).map((r) => r + 1);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain(`Các dòng ${shown.slice(0, 8).join(', ')}, … bị lệch`);
  });

  test('the workbook as built has no row to account for', () => {
    const report = checkWorkbook(scored().grids);
    for (const rule of RULES) expect(issues(report, rule)).toEqual([]);
  });

  test('rows below the table (notes, signatures) are the user\'s own', () => {
    const b = scored();
    const below = b.sheet.values.length + 2;
    setCell(b.sheet, below, b.col.name!, 'Người lập biểu');
    setCell(b.sheet, below, b.col.self!, 5);
    expect(issues(checkWorkbook(b.grids), 'unknown-row')).toEqual([]);
  });

  test('a row inserted inside a block is shown within its domain', () => {
    const b = scored();
    const at = b.rowOf['2.1.2'];
    insertRow(b, at);
    setCell(b.sheet, at, b.col.self!, 0.5);
    const report = checkWorkbook(b.grids);
    const issue = issues(report, 'unknown-row')[0];
    expect(issue.domain).toBe('2');
  });
});

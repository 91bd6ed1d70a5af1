// The Minh chứng register is read honestly (issue #9, item 4): every row the tool cannot use gets a
// warning naming its row and why, and a leaf left without evidence because of such a row says where
// to look. Rows are typed on the register's grid as a clerk types them.

import { checkWorkbook } from '../src/core/check/check';
import { FileReport } from '../src/core/check/report';
import { CellValue } from '../src/core/model/grid';
import { ROW_MARKERS, SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { setCell, smallSet } from './helpers/scoring';
import { extrasSet } from './helpers/communes';
import { generateSet } from './helpers/generate';
import { CriteriaSet } from '../src/core/model/criteria';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { a1 } from '../src/core/model/grid';

interface RegisterCase {
  title: string;
  codes: CellValue;
  date?: CellValue;
  /** The document's number and summary, as typed (07/KH-UBND and "Kế hoạch kiểm tra" unless given). */
  number?: CellValue;
  summary?: CellValue;
  link?: CellValue;
  /** Rows below the register's first row (0: the first). */
  at?: number;
  /** The set the workbook is built from (the small test set unless given). */
  set?: () => CriteriaSet;
  /** Each warning: the register cell it points at (the row is 5, Excel's numbering), and its words. */
  expected: Array<[string, string]>;
}

const codes = (row: number) => a1(row - 1, REGISTER_COL.codes);
const date = (row: number) => a1(row - 1, REGISTER_COL.date);

const cases: RegisterCase[] = [
  { title: 'a code the set does not have', codes: '9.9.9', expected: [[codes(5), 'Dòng 5 của trang Minh chứng ghi mã "9.9.9", không có trong bộ tiêu chí: sửa lại mã cho đúng cột Mã trên trang Chấm điểm.']] },
  { title: 'a long unknown code, quoted cut to 30 characters', codes: '1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1', expected: [[codes(5), 'ghi mã "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1…", không có']] },
  { title: 'a criterion\'s code where a sub-criterion is needed', codes: '1.1', expected: [[codes(5), 'Dòng 5 của trang Minh chứng ghi mã 1.1, là tiêu chí có tiêu chí thành phần (1.1.1, 1.1.2): ghi mã của tiêu chí thành phần mà tài liệu chứng minh.']] },
  { title: 'a domain\'s code', codes: '2', expected: [[codes(5), 'ghi mã 2, là tiêu chí có tiêu chí thành phần (2.1): ghi mã']] },
  { title: 'a criterion with more than four sub-criteria: four named, then …', codes: '1.1', set: () => generateSet(12, 3, 1), expected: [[codes(5), 'là tiêu chí có tiêu chí thành phần (1.1.1, 1.1.2, 1.1.3, 1.1.4, …)']] },
  { title: '"1,1,2" typed for 1.1.2', codes: '1,1,2', expected: [[codes(5), 'Dòng 5 của trang Minh chứng ghi mã "1,1,2": dấu phẩy tách các mã, nên đây là các mã 1; 1; 2, không phải 1.1.2. Hãy gõ 1.1.2, với dấu chấm giữa các số.']] },
  { title: '"1, 2" with a space typed for 1.2', codes: '1, 2', expected: [[codes(5), 'ghi mã "1, 2": dấu phẩy tách các mã, nên đây là các mã 1; 2, không phải 1.2. Hãy gõ 1.2']] },
  { title: '"1;2" with a semicolon means the codes 1 and 2: both are criteria with sub-criteria', codes: '1;2', expected: [[codes(5), 'ghi mã 1, là tiêu chí'], [codes(5), 'ghi mã 2, là tiêu chí']] },
  { title: '"1,1,9", where no 1.1.9 exists, is read as the codes it lists', codes: '1,1,9', expected: [[codes(5), 'ghi mã 1, là tiêu chí'], [codes(5), 'ghi mã "9", không có trong bộ tiêu chí']] },
  { title: 'no code at all', codes: null, expected: [[codes(5), 'Dòng 5 của trang Minh chứng chưa ghi mã tiêu chí, nên tài liệu "07/KH-UBND" chưa được tính cho tiêu chí nào: ghi mã tiêu chí thành phần (ví dụ 1.1.1) vào cột Mã tiêu chí.']] },
  { title: 'no code and no number: the document is named by its summary, cut to 40 characters', codes: null, number: null, summary: 'Báo cáo kết quả thực hiện công tác cải cách hành chính năm 2024', expected: [[codes(5), 'tài liệu "Báo cáo kết quả thực hiện công tác cải…" chưa được tính']] },
  { title: 'no code, only a link: the document is named by its link', codes: null, number: null, summary: null, link: 'D:\\MinhChung\\anh-hoi-nghi.jpg', expected: [[codes(5), 'tài liệu "D:\\MinhChung\\anh-hoi-nghi.jpg" chưa được tính']] },
  { title: 'an issue date that does not exist, at the date cell', codes: '1.1.1', date: '31/02/2024', expected: [[date(5), 'Dòng 5 của trang Minh chứng có ngày ban hành "31/02/2024" không có thật: sửa lại theo dạng ngày/tháng/năm (ví dụ 15/01/2024).']] },
  { title: 'an unknown code and an impossible date on one row: both said', codes: '8.8', date: '30/13/2024', expected: [[codes(5), 'ghi mã "8.8"'], [date(5), 'ngày ban hành "30/13/2024"']] },
  { title: 'two codes, one unknown', codes: '1.1.1; 7.7', expected: [[codes(5), 'ghi mã "7.7", không có trong bộ tiêu chí']] },
  { title: 'a bonus item\'s code is a code the set has', codes: 'T1', set: extrasSet, expected: [] },
  { title: '"1.1,2" is the codes 1.1 and 2, not a mistyped 1.1.2: both are criteria with sub-criteria', codes: '1.1,2', expected: [[codes(5), 'ghi mã 1.1, là tiêu chí'], [codes(5), 'ghi mã 2, là tiêu chí']] },
  { title: 'a criterion with exactly four sub-criteria: all four named, no …', codes: '1.1', set: () => fourChildren(), expected: [[codes(5), 'là tiêu chí có tiêu chí thành phần (1.1.1, 1.1.2, 1.1.3, 1.1.4): ghi mã']] },
  { title: 'a good row: nothing to say', codes: '1.1.1; 2.1.2', date: '15/01/2024', expected: [] },
];

/** The small set with a criterion of exactly four sub-criteria (1.1.1 … 1.1.4). */
function fourChildren(): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(smallSet()));
  raw.nodes[0].children[0].children = [1, 2, 3, 4].map((k) => ({ code: `1.1.${k}`, stt: `1.${k}`, name: `Nội dung ${k}`, max: 0.5 }));
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}

function withRow(c: Omit<RegisterCase, 'title' | 'expected'>): FileReport {
  const set = (c.set || smallSet)();
  const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, entries: { '1.1.1': { values: { self: 1 } } } }));
  const register = grids.sheets.filter((s) => s.name === SHEETS.evidence)[0];
  const row = REGISTER_FIRST_ROW + (c.at || 0);
  setCell(register, row, REGISTER_COL.codes, c.codes);
  setCell(register, row, REGISTER_COL.number, c.number === undefined ? '07/KH-UBND' : c.number);
  setCell(register, row, REGISTER_COL.date, c.date === undefined ? '15/01/2024' : c.date);
  setCell(register, row, REGISTER_COL.summary, c.summary === undefined ? 'Kế hoạch kiểm tra' : c.summary);
  if (c.link !== undefined) setCell(register, row, REGISTER_COL.link, c.link);
  return checkWorkbook(grids);
}

describe('Minh chứng rows the tool cannot use', () => {
  test.each(cases)('$title', ({ expected, ...row }) => {
    const report = withRow(row);
    const found = (report.issues || []).filter((i) => i.rule === 'register-row');
    expect(found.map((i) => i.cell)).toEqual(expected.map(([cell]) => cell));
    expected.forEach(([, text], k) => {
      expect(found[k]).toMatchObject({ severity: 'warning', sheet: SHEETS.evidence, column: 'evidence', code: null });
      expect(found[k].message).toContain(text);
    });
  });

  test('the criterion then said to lack evidence points to the register\'s warnings', () => {
    const report = withRow({ codes: '1,1,1' });
    const missing = (report.issues || []).filter((i) => i.rule === 'missing-evidence' && i.code === '1.1.1')[0];
    expect(missing.message).toContain('Trang Minh chứng có 1 dòng chưa dùng được (xem các cảnh báo ở đó).');
  });

  test('a bad link on a bonus item\'s row is told with the bonus items, under its code', () => {
    const report = withRow({ codes: 'T1', set: extrasSet, link: 'javascript:alert(1)' });
    const bad = (report.issues || []).filter((i) => i.rule === 'bad-link');
    expect(bad.map((i) => [i.code, i.domain, i.cell])).toEqual([['T1', ROW_MARKERS.bonus, a1(REGISTER_FIRST_ROW, REGISTER_COL.link)]]);
  });

  test('one row with two faults counts once in the hint; without unusable rows the message is the plain advice', () => {
    const report = withRow({ codes: '9.9.9', date: '31/02/2024' });
    const missing = (report.issues || []).filter((i) => i.rule === 'missing-evidence' && i.code === '1.1.1')[0];
    expect(missing.message).toContain('Trang Minh chứng có 1 dòng chưa dùng được');
    const clean = withRow({ codes: '2.1.2' });
    expect((clean.issues || []).filter((i) => i.rule === 'missing-evidence').map((i) => i.message)).toEqual([
      'Tự chấm 1 điểm nhưng chưa có tài liệu kiểm chứng (trang Minh chứng) và chưa ghi giải trình: ghi văn bản vào trang Minh chứng với mã 1.1.1, hoặc ghi giải trình.',
    ]);
  });

  test('a row backing an unknown code and a leaf: its bad link is told under the leaf\'s code, once for text and hyperlink both bad', () => {
    const set = smallSet();
    const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 }));
    const register = grids.sheets.filter((s) => s.name === SHEETS.evidence)[0];
    setCell(register, REGISTER_FIRST_ROW, REGISTER_COL.codes, '9.9.9; 1.2');
    setCell(register, REGISTER_FIRST_ROW, REGISTER_COL.link, 'javascript:alert(1)');
    register.hyperlinks[REGISTER_FIRST_ROW][REGISTER_COL.link] = 'vbscript:x';
    const bad = (checkWorkbook(grids).issues || []).filter((i) => i.rule === 'bad-link');
    expect(bad.map((i) => [i.code, i.sheet, i.cell, i.column, i.severity])).toEqual([['1.2', SHEETS.evidence, a1(REGISTER_FIRST_ROW, REGISTER_COL.link), 'evidence', 'error']]);
  });

  test('register warnings are shown with the workbook as a whole, after its own, however far down the register', () => {
    for (const at of [0, 30]) {
      const report = withRow({ codes: '9.9.9', at });
      const issue = (report.issues || []).filter((i) => i.rule === 'register-row')[0];
      expect(issue.cell).toBe(codes(REGISTER_FIRST_ROW + at + 1));
      expect(issue.domain).toBeNull();
    }
  });
});

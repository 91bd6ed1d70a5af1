// The Minh chứng register is read honestly (issue #9, item 4): every row the tool cannot use gets a
// warning naming its row and why, and a leaf left without evidence because of such a row says where
// to look. Rows are typed on the register's grid as a clerk types them.

import { checkWorkbook } from '../src/core/check/check';
import { FileReport } from '../src/core/check/report';
import { CellValue } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { setCell, smallSet } from './helpers/scoring';

interface RegisterCase {
  title: string;
  codes: CellValue;
  date?: CellValue;
  expected: string[];
}

const cases: RegisterCase[] = [
  { title: 'a code the set does not have', codes: '9.9.9', expected: ['Dòng 5 của trang Minh chứng ghi mã "9.9.9", không có trong bộ tiêu chí'] },
  { title: 'a criterion\'s code where a sub-criterion is needed', codes: '1.1', expected: ['ghi mã 1.1, là tiêu chí có tiêu chí thành phần (1.1.1, 1.1.2): ghi mã của tiêu chí thành phần'] },
  { title: '"1,1,2" typed for 1.1.2', codes: '1,1,2', expected: ['ghi mã "1,1,2": dấu phẩy tách các mã, nên đây là các mã 1; 1; 2, không phải 1.1.2. Hãy gõ 1.1.2'] },
  { title: 'no code at all', codes: null, expected: ['Dòng 5 của trang Minh chứng chưa ghi mã tiêu chí, nên tài liệu "07/KH-UBND" chưa được tính cho tiêu chí nào'] },
  { title: 'an issue date that does not exist', codes: '1.1.1', date: '31/02/2024', expected: ['có ngày ban hành "31/02/2024" không có thật'] },
  { title: 'two codes, one unknown', codes: '1.1.1; 7.7', expected: ['ghi mã "7.7", không có trong bộ tiêu chí'] },
  { title: 'a good row: nothing to say', codes: '1.1.1; 2.1.2', date: '15/01/2024', expected: [] },
];

function withRow(codes: CellValue, date: CellValue | undefined): FileReport {
  const grids = planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: { '1.1.1': { values: { self: 1 } } } }));
  const register = grids.sheets.filter((s) => s.name === SHEETS.evidence)[0];
  const row = REGISTER_FIRST_ROW;
  setCell(register, row, REGISTER_COL.codes, codes);
  setCell(register, row, REGISTER_COL.number, '07/KH-UBND');
  setCell(register, row, REGISTER_COL.date, date === undefined ? '15/01/2024' : date);
  setCell(register, row, REGISTER_COL.summary, 'Kế hoạch kiểm tra');
  return checkWorkbook(grids);
}

describe('Minh chứng rows the tool cannot use', () => {
  test.each(cases)('$title', ({ codes, date, expected }) => {
    const report = withRow(codes, date);
    const found = (report.issues || []).filter((i) => i.rule === 'register-row');
    expect(found.length).toBe(expected.length);
    expected.forEach((text, k) => {
      expect(found[k]).toMatchObject({ severity: 'warning', sheet: SHEETS.evidence, column: 'evidence' });
      expect(found[k].message).toContain(text);
    });
  });

  test('the criterion then said to lack evidence points to the register\'s warnings', () => {
    const report = withRow('1,1,1', undefined);
    const missing = (report.issues || []).filter((i) => i.rule === 'missing-evidence' && i.code === '1.1.1')[0];
    expect(missing.message).toContain('Trang Minh chứng có 1 dòng chưa dùng được (xem các cảnh báo ở đó).');
  });

  test('register warnings are shown with the workbook as a whole, after its own', () => {
    const report = withRow('9.9.9', undefined);
    const issue = (report.issues || []).filter((i) => i.rule === 'register-row')[0];
    expect(issue.domain).toBeNull();
  });
});

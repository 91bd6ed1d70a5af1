// The Tỷ lệ / số lượng column: where a leaf's points follow from a figure the unit enters (a rate, a number of
// items or of occurrences), the sheet has an entry cell for it beside the score, validated as a rate
// or a whole number; a rebuild carries it, and a set that no longer takes it keeps it as a leftover.

import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { planCell, planToGrids } from '../src/core/model/plan';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { SHEETS, roleOfHeader } from '../src/core/model/layout';
import { a1 } from '../src/core/model/grid';
import { readScoring } from '../src/core/sheets/scoring/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { placeEntries } from '../src/core/features/upgrade';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { figurePoints } from '../src/core/model/verdict-kinds';
import { KINDS_SET_RAW, kindsSet } from './helpers/kinds';
import { smallSet } from './helpers/scoring';

const plan = (appraisal = false) => buildWorkbookPlan({
  set: kindsSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal,
  entries: { '1.2': { values: { figure: 0.93, self: 1.86 } }, '1.4': { values: { figure: 3 } } },
});
const scoring = (p = plan()) => p.sheets.filter((s) => s.name === SHEETS.scoring)[0];

describe('the Tỷ lệ / số lượng column', () => {
  test('stands before the self score when some leaf takes a figure, and not otherwise', () => {
    const headers = (appraisal: boolean, set = kindsSet()) => {
      const g = scoringGeometry(set, appraisal);
      return g.layout.order.map((role) => planCell(scoring(buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, appraisal })), g.headerRow, g.layout.col[role]!)!.value);
    };
    expect(headers(false)).toEqual(['STT', 'Lĩnh vực / Tiêu chí / Tiêu chí thành phần', 'Điểm tối đa', 'Cách chấm điểm', 'Tỷ lệ / số lượng', 'Điểm tự chấm',
      'Tài liệu kiểm chứng', 'Giải trình / Ghi chú', 'Kiểm tra', 'Mã', 'Phụ trách', 'Hạn']);
    expect(headers(true).slice(4, 7)).toEqual(['Tỷ lệ / số lượng', 'Điểm tự chấm', 'Điểm thẩm định']);
    expect(headers(false, smallSet())).not.toContain('Tỷ lệ / số lượng');
  });

  test.each([
    { header: 'Tỷ lệ / số lượng', role: 'figure' },
    { header: 'Rate / count', role: 'figure' },
    { header: 'Số liệu chấm', role: 'figure' },
    { header: 'Tỷ lệ, số lượng', role: 'figure' },
    // The Minh chứng register's figures (#13) are another thing: such a header on Chấm điểm is not rates or counts.
    { header: 'Số liệu', role: null },
    { header: 'Số liệu cụ thể', role: null },
  ])('the header "$header" is read as $role', ({ header, role }) => {
    expect(roleOfHeader(header)).toBe(role);
  });

  const cases: Array<{ code: string; value: number | null; style: string; validation: RegExp | null }> = [
    { code: '1.2', value: 0.93, style: 'entryRate', validation: /^decimal 0\.\.1: Nhập tỷ lệ đạt được, ví dụ 93%\. Điểm theo tỷ lệ = tỷ lệ × 2/ },
    { code: '1.3', value: null, style: 'plain', validation: null },
    { code: '1.4', value: 3, style: 'entryCount', validation: /^custom AND\(ISNUMBER\(E\d+\),E\d+>=0,INT\(E\d+\)=E\d+\): Nhập số lượng \(số nguyên\)\. Mỗi đơn vị 0,25 điểm, tối đa 1/ },
    { code: '1.1', value: null, style: 'plain', validation: null },
    { code: '1', value: null, style: 'domain', validation: null },
  ];
  test.each(cases)('row $code: $style', ({ code, value, style, validation }) => {
    const g = scoringGeometry(kindsSet(), false);
    const sheet = scoring();
    const cell = planCell(sheet, g.rowOf[code], g.layout.col.figure!)!;
    expect([cell.value, cell.style]).toEqual([value, style]);
    const rule = sheet.validations.filter((v) => v.range === a1(g.rowOf[code], g.layout.col.figure!))[0];
    if (!validation) expect(rule).toBeUndefined();
    else expect(`${rule.type} ${rule.type === 'decimal' ? rule.min + '..' + rule.max : rule.formula}: ${rule.prompt!.text}`).toMatch(validation);
  });

  test('a rebuild carries the figures; a set that takes none there keeps them as leftovers', () => {
    const read = readScoring(planToGrids(plan()));
    const { entries } = extractEntries(read);
    expect([entries['1.2'].values.figure, entries['1.4'].values.figure]).toEqual([0.93, 3]);
    expect(placeEntries(kindsSet(), entries).leftovers).toEqual([]);
    const raw = JSON.parse(JSON.stringify(KINDS_SET_RAW));
    delete raw.nodes[0].children[1].scoring.figure;
    const { leftovers, placed } = placeEntries(parseCriteriaSet(raw).set!, entries);
    expect(leftovers.map((l) => [l.code, l.role, l.value, l.reason.vi])).toEqual([
      ['1.2', 'figure', 0.93, 'Theo bộ tiêu chí mới, mục 1.2 không nhận tỷ lệ / số lượng: đối chiếu rồi chấm lại nếu cần.'],
    ]);
    expect(placed['1.2'].values).toEqual({ self: 1.86 });
  });
});

describe('the points a figure gives', () => {
  const set = kindsSet();
  const leaf = (code: string) => set.nodes[0].children!.filter((n) => n.code === code)[0];
  const cases: Array<{ title: string; code: string; value: unknown; expected: number | null }> = [
    { title: '93%', code: '1.2', value: 0.93, expected: 1.86 },
    { title: 'a rate over 100%', code: '1.2', value: 1.2, expected: null },
    { title: 'a rate typed as text', code: '1.2', value: '93%', expected: null },
    { title: 'blank', code: '1.2', value: null, expected: null },
    { title: '6 items at 0,25 up to 1', code: '1.4', value: 6, expected: 1 },
    { title: 'a leaf without a figure', code: '1.3', value: 0.5, expected: null },
  ];
  test.each(cases)('$title', ({ code, value, expected }) => {
    expect(figurePoints(leaf(code), value as never)).toBe(expected);
  });

});

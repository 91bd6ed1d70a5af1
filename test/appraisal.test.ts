// The appraisal column, không áp dụng and bonus / deduction rows in the plan and in `cchc check`: rules
// firing and silent on the appraisal column, the differences list, the Tổng hợp formulas, and the
// extras' rows, validation, caps and place in the total.

import { extraScore } from '../src/core/model/verdict';
import { validationExpression } from '../src/core/model/verdict-sheet';
import { checkWorkbook } from '../src/core/check/check';
import { CellValue, a1, parseA1 } from '../src/core/model/grid';
import { ROW_MARKERS, SHEETS } from '../src/core/model/layout';
import { SUMMARY_HEADER_ROW } from '../src/core/sheets/summary';
import { planCell, planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { builtGrids, enter, setCell, smallSet, BuiltGrids } from './helpers/scoring';
import { entriesOf, extrasSet } from './helpers/communes';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { FileReport } from '../src/core/check/report';

const FULL: Record<string, CellValue> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

function appraised(self: Record<string, CellValue>, appraisal: Record<string, CellValue>, set = smallSet()): BuiltGrids {
  return enter(enter(builtGrids(set, true), self, 'self'), appraisal, 'appraisal');
}

function rulesOn(report: FileReport, column: string): Array<[string, string | null]> {
  return (report.issues || []).filter((i) => i.column === column).map((i) => [i.rule, i.code]);
}

describe('rules on the appraisal column', () => {
  const cases: Array<{ title: string; appraisal: Record<string, CellValue>; fires: Array<[string, string]> }> = [
    { title: 'over-max', appraisal: { ...FULL, '1.2': 1.5 }, fires: [['over-max', '1.2']] },
    { title: 'negative', appraisal: { ...FULL, '2.1.2': -1 }, fires: [['negative', '2.1.2']] },
    { title: 'not-a-number', appraisal: { ...FULL, '1.1.2': '0,75' }, fires: [['not-a-number', '1.1.2']] },
    { title: 'not-a-level', appraisal: { ...FULL, '1.1.1': 0.25 }, fires: [['not-a-level', '1.1.1']] },
    { title: 'missing-score once the appraisal has started', appraisal: { '1.1.1': 1 }, fires: [['missing-score', '1.1.2'], ['missing-score', '2.1.2']] },
  ];
  test.each(cases)('$title fires with column "appraisal", and the self column stays clean', ({ appraisal, fires }) => {
    const report = checkWorkbook(appraised(FULL, appraisal).grids);
    for (const f of fires) expect(rulesOn(report, 'appraisal')).toContainEqual(f);
    expect(rulesOn(report, 'self')).toEqual([]);
  });

  test('silent on a clean appraisal, on KAD, and on a column not yet started', () => {
    expect(rulesOn(checkWorkbook(appraised(FULL, { ...FULL, '1.2': 'KAD' }).grids), 'appraisal')).toEqual([]);
    expect(rulesOn(checkWorkbook(appraised(FULL, {}).grids), 'appraisal')).toEqual([]);
  });

  test('a leaf the commune marked KAD is not missing an appraisal', () => {
    const report = checkWorkbook(appraised({ ...FULL, '1.2': 'KAD' }, { '1.1.1': 1, '1.1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 }).grids);
    expect(rulesOn(report, 'appraisal')).toEqual([]);
  });

  test('the issue names the appraisal cell; totals and cells of both columns are reported', () => {
    const b = appraised(FULL, { ...FULL, '1.2': 1.5 });
    const report = checkWorkbook(b.grids);
    const issue = report.issues!.filter((i) => i.rule === 'over-max')[0];
    expect(issue.cell).toBe(a1(b.rowOf['1.2'], b.col.appraisal!));
    expect(report.total).toMatchObject({ self: 4.75, appraisal: 5.25, cells: { self: a1(b.totalRow, b.col.self!), appraisal: a1(b.totalRow, b.col.appraisal!) } });
    expect(report.nodes!.filter((n) => n.code === '1.2')[0].cells.appraisal).toBe(a1(b.rowOf['1.2'], b.col.appraisal!));
  });

  test('a subtotal of the appraisal column overwritten by a value is formula-altered on "appraisal"', () => {
    const b = appraised(FULL, FULL);
    setCell(b.sheet, b.rowOf['1.1'], b.col.appraisal!, 1.75);
    expect(rulesOn(checkWorkbook(b.grids), 'appraisal')).toEqual([['formula-altered', '1.1']]);
  });
});

describe('differences between appraisal and self score', () => {
  test('every leaf whose appraisal differs is listed with both values, the difference and the cells', () => {
    const b = appraised({ ...FULL, '1.2': 'KAD', '2.1.1': null }, { ...FULL, '1.1.1': 0.5, '1.2': 1, '2.1.1': 0.5, '2.1.2': 'KAD' });
    const report = checkWorkbook(b.grids);
    const cells = (code: string) => ({ self: a1(b.rowOf[code], b.col.self!), appraisal: a1(b.rowOf[code], b.col.appraisal!) });
    expect(report.differences).toEqual([
      { code: '1.1.1', name: 'Ban hành kế hoạch', self: 1, appraisal: 0.5, diff: -0.5, selfNotApplicable: false, appraisalNotApplicable: false, cells: cells('1.1.1') },
      { code: '1.2', name: 'Báo cáo CCHC', self: null, appraisal: 1, diff: null, selfNotApplicable: true, appraisalNotApplicable: false, cells: cells('1.2') },
      { code: '2.1.1', name: 'Niêm yết', self: null, appraisal: 0.5, diff: null, selfNotApplicable: false, appraisalNotApplicable: false, cells: cells('2.1.1') },
      { code: '2.1.2', name: 'Cổng dịch vụ công', self: 1.5, appraisal: null, diff: null, selfNotApplicable: false, appraisalNotApplicable: true, cells: cells('2.1.2') },
    ]);
  });

  test('equal scores, blank appraisals and text entries are not differences', () => {
    const report = checkWorkbook(appraised(FULL, { '1.1.1': 1, '1.1.2': 'ba phần tư', '2.1.2': 1.5 }).grids);
    expect(report.differences).toEqual([]);
  });

  // One leaf (1.2, max 1, no levels): what each column holds → whether it is a difference, and how it is listed.
  test.each([
    { title: 'a lower appraisal', self: 1, appraisal: 0.25, listed: { self: 1, appraisal: 0.25, diff: -0.75, selfNotApplicable: false, appraisalNotApplicable: false } },
    { title: 'a higher appraisal', self: 0.1, appraisal: 0.3, listed: { self: 0.1, appraisal: 0.3, diff: 0.2, selfNotApplicable: false, appraisalNotApplicable: false } },
    { title: 'the same points up to float noise', self: 0.3, appraisal: 0.1 + 0.2, listed: null },
    { title: 'an appraisal where the commune left it blank', self: null, appraisal: 0.5, listed: { self: null, appraisal: 0.5, diff: null, selfNotApplicable: false, appraisalNotApplicable: false } },
    { title: 'scored where the commune wrote KAD', self: 'KAD', appraisal: 1, listed: { self: null, appraisal: 1, diff: null, selfNotApplicable: true, appraisalNotApplicable: false } },
    { title: 'KAD where the commune scored', self: 1, appraisal: ' kad ', listed: { self: 1, appraisal: null, diff: null, selfNotApplicable: false, appraisalNotApplicable: true } },
    { title: 'KAD in both, spelled apart', self: 'KAD', appraisal: 'kad', listed: null },
    { title: 'a blank appraisal: not yet appraised', self: 1, appraisal: null, listed: null },
    { title: 'text as the appraisal', self: 1, appraisal: 'đạt', listed: null },
    { title: '"0,5" as text as the appraisal', self: 1, appraisal: '0,5', listed: null },
    { title: 'text as the self score', self: 'đạt', appraisal: 1, listed: null },
    { title: '"0,5" as text as the self score', self: '0,5', appraisal: 1, listed: null },
    { title: '"0.5" as text as the self score', self: '0.5', appraisal: 1, listed: null },
    { title: 'TRUE as the self score', self: true, appraisal: 1, listed: null },
    { title: 'a date as the self score', self: '2025-05-01T00:00:00.000Z', appraisal: 1, listed: null },
  ] as Array<{ title: string; self: CellValue; appraisal: CellValue; listed: object | null }>)('$title', ({ self, appraisal, listed }) => {
    const b = appraised({ ...FULL, '1.2': self }, { ...FULL, '1.2': appraisal });
    const cells = { self: a1(b.rowOf['1.2'], b.col.self!), appraisal: a1(b.rowOf['1.2'], b.col.appraisal!) };
    expect(checkWorkbook(b.grids).differences).toEqual(listed ? [{ code: '1.2', name: 'Báo cáo CCHC', ...listed, cells }] : []);
  });

  test('no differences key before the appraisal column exists', () => {
    expect(checkWorkbook(enter(builtGrids(), FULL).grids).differences).toBeUndefined();
  });
});

describe('Tổng hợp with the appraisal column', () => {
  const set = smallSet();
  const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, appraisal: true, entries: entriesOf({ ...FULL, '1.2': 'KAD' }, { ...FULL, '1.1.1': 0.5 }) });
  const summary = plan.sheets.filter((s) => s.name === SHEETS.summary)[0];
  const g = scoringGeometry(set, true);
  const ref = (code: string, role: 'self' | 'appraisal') => `'${SHEETS.scoring}'!${a1(g.rowOf[code], g.layout.col[role]!)}`;

  test('each domain row shows self, appraisal and their difference as formulas', () => {
    // Columns: STT · Lĩnh vực · Điểm tối đa · Điểm tự chấm · Điểm thẩm định · Chênh lệch · Tỷ lệ đạt
    const row = SUMMARY_HEADER_ROW + 1;
    expect(planCell(summary, row, 3)).toMatchObject({ formula: ref('1', 'self'), result: 1.75 });
    expect(planCell(summary, row, 4)).toMatchObject({ formula: ref('1', 'appraisal'), result: 2.25 });
    expect(planCell(summary, row, 5)).toMatchObject({ formula: `E${row + 1}-D${row + 1}`, result: 0.5 });
  });

  test("a domain's rate is over its applicable maximum: KAD leaves leave it as they leave the index", () => {
    const withKad = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, entries: entriesOf({ ...FULL, '1.2': 'KAD' }) });
    const sheet = withKad.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const rate = planCell(sheet, SUMMARY_HEADER_ROW + 1, 4)!;
    expect(rate.formula).toContain('SUMPRODUCT(--(UPPER(TRIM(');
    expect(rate.result).toBe(87.5); // 1.75 of the 2 points that apply (1.2, max 1, does not)
  });
});

describe('bonus and deduction rows', () => {
  const set = extrasSet();
  const g = scoringGeometry(set, true);
  const code = g.layout.col.code!;

  test('they stand between the tree and TỔNG ĐIỂM: a group row then one row per item', () => {
    const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, appraisal: true });
    const scoring = plan.sheets[0];
    const codes = [g.lastNodeRow + 1, g.lastNodeRow + 2, g.lastNodeRow + 3, g.lastNodeRow + 4, g.lastNodeRow + 5, g.totalRow]
      .map((row) => planCell(scoring, row, code)!.value);
    expect(codes).toEqual([ROW_MARKERS.bonus, 'T1', 'T2', ROW_MARKERS.deduction, 'D1', ROW_MARKERS.total]);
    const self = g.layout.col.self!;
    expect(planCell(scoring, g.totalRow, self)!.formula).toBe(`MAX(0,SUM(E9,E14)+${a1(g.extras[0].row, self)}-${a1(g.extras[1].row, self)})`);
    expect(planCell(scoring, g.extras[0].row, self)!.formula).toBe(`SUM(${a1(g.extras[0].row + 1, self)}:${a1(g.extras[0].row + 2, self)})`);
  });

  test('each item cell is validated from 0 to its cap, in both score columns', () => {
    const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, appraisal: true });
    const t2 = g.extras[0].items[1].row;
    const rules = plan.sheets[0].validations.filter((v) => parseA1(v.range.split(':')[0])!.row === t2);
    // The verdict table's validation for a bonus item: a number from 0 to its cap in hundredths, no KAD.
    const spec = extraScore('bonus', { max: 0.5 });
    expect(rules.map((v) => [v.range, v.type, v.formula])).toEqual([
      [a1(t2, g.layout.col.self!), 'custom', validationExpression(a1(t2, g.layout.col.self!), spec)],
      [a1(t2, g.layout.col.appraisal!), 'custom', validationExpression(a1(t2, g.layout.col.appraisal!), spec)],
    ]);
    expect(rules[0].formula).toContain(`${a1(t2, g.layout.col.self!)}>0.5`);
    expect(rules[0].formula).not.toContain('KAD');
  });

  test('the total is domains + bonus − deduction, never below 0; the index keeps the tree as its basis', () => {
    const b = enter(builtGrids(set), { ...FULL, '1.2': 'KAD', T1: 1, T2: 0.5, D1: 0.75 });
    const report = checkWorkbook(b.grids);
    expect(report.total).toMatchObject({ self: 4.5, applicableMax: 4, index: 112.5, band: 'Tốt', bonus: { self: 1.5, appraisal: null }, deduction: { self: 0.75, appraisal: null } });
    expect(report.extras!.map((e) => [e.code, e.kind, e.self])).toEqual([['T1', 'bonus', 1], ['T2', 'bonus', 0.5], ['D1', 'deduction', 0.75]]);
    expect(report.issues!.filter((i) => i.severity === 'error')).toEqual([]);
    const floor = checkWorkbook(enter(builtGrids(set), { '1.1.1': 0.5, D1: 2 }).grids);
    expect(floor.total!.self).toBe(0);
  });

  test("the plan's cached results agree with the check", () => {
    const entries = entriesOf({ ...FULL, T1: 1, D1: 2 }, { ...FULL, '1.1.1': 0, T2: 0.5 });
    const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, appraisal: true, entries });
    const report = checkWorkbook(planToGrids(plan));
    const scoring = plan.sheets[0];
    expect(planCell(scoring, g.totalRow, g.layout.col.self!)!.result).toBe(report.total!.self);
    expect(planCell(scoring, g.totalRow, g.layout.col.appraisal!)!.result).toBe(report.total!.appraisal);
    expect(report.total).toMatchObject({ self: 3.75, appraisal: 4.25 });
  });

  const extraCases: Array<{ title: string; entries: Record<string, CellValue>; fires: [string, string] | null }> = [
    { title: 'over-max fires above the cap', entries: { T2: 1 }, fires: ['over-max', 'T2'] },
    { title: 'negative fires on a deduction written with a minus sign', entries: { D1: -1 }, fires: ['negative', 'D1'] },
    { title: 'not-a-number fires on KAD', entries: { T1: 'KAD' }, fires: ['not-a-number', 'T1'] },
    { title: 'silent on a blank item (no bonus) and on the cap itself', entries: { T1: 1, T2: null, D1: 2 }, fires: null },
  ];
  test.each(extraCases)('$title', ({ entries, fires }) => {
    const report = checkWorkbook(enter(builtGrids(set), { ...FULL, ...entries }).grids);
    const errors = report.issues!.filter((i) => i.severity === 'error').map((i) => [i.rule, i.code]);
    expect(errors).toEqual(fires ? [fires] : []);
    expect(report.issues!.filter((i) => i.code && /^[TD]\d/.test(i.code) && i.rule === 'missing-score')).toEqual([]);
  });

  test('a tampered group subtotal, total or cap is reported', () => {
    const b = enter(builtGrids(set), FULL);
    const ge = scoringGeometry(set, false);
    setCell(b.sheet, ge.extras[0].row, b.col.self!, 1.5);
    setCell(b.sheet, ge.totalRow, b.col.self!, null, 'SUM(E9,E14)');
    setCell(b.sheet, ge.extras[1].items[0].row, b.col.max!, 5);
    const rules = checkWorkbook(b.grids).issues!.filter((i) => i.severity === 'error').map((i) => [i.rule, i.cell]);
    expect(rules).toEqual(expect.arrayContaining([
      ['formula-altered', a1(ge.extras[0].row, b.col.self!)],
      ['formula-altered', a1(ge.totalRow, b.col.self!)],
      ['max-altered', a1(ge.extras[1].items[0].row, b.col.max!)],
    ]));
  });

  test('a deleted bonus item row is a structure error', () => {
    const b = enter(builtGrids(set), FULL);
    const ge = scoringGeometry(set, false);
    setCell(b.sheet, ge.extras[0].items[0].row, b.col.code!, null);
    expect(checkWorkbook(b.grids).issues!.filter((i) => i.rule === 'structure').map((i) => i.code)).toContain('T1');
  });

  test('Tổng hợp has a row for each group, between the domains and TỔNG ĐIỂM', () => {
    const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024, entries: entriesOf({ T1: 1, D1: 0.5 }) });
    const summary = plan.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const ge = scoringGeometry(set, false);
    const first = SUMMARY_HEADER_ROW + 1 + set.nodes.length;
    expect([1, 3].map((col) => planCell(summary, first, col)!)).toMatchObject([{ value: 'Điểm thưởng' }, { formula: `'${SHEETS.scoring}'!${a1(ge.extras[0].row, 4)}`, result: 1 }]);
    expect([1, 3].map((col) => planCell(summary, first + 1, col)!)).toMatchObject([{ value: 'Điểm trừ' }, { formula: `'${SHEETS.scoring}'!${a1(ge.extras[1].row, 4)}`, result: 0.5 }]);
    expect(planCell(summary, first + 2, 1)!.value).toBe('TỔNG ĐIỂM');
  });
});

describe('không áp dụng', () => {
  test('only KAD (any case, spaces around) marks a leaf: the sheet explains no other word', () => {
    const report = checkWorkbook(enter(builtGrids(), { ...FULL, '1.2': ' kad ', '2.1.1': 'không áp dụng' }).grids);
    expect(report.nodes!.filter((n) => n.code === '1.2')[0].notApplicable).toBe(true);
    expect(report.issues!.filter((i) => i.code === '2.1.1').map((i) => i.rule)).toEqual(['not-a-number']);
    expect(report.total!.applicableMax).toBe(4);
  });

  test('the applicable maximum formula counts the maxima of KAD rows of the tree only', () => {
    const set = extrasSet();
    const g = scoringGeometry(set, false);
    const plan = buildWorkbookPlan({ set, unit: 'Xã A', year: 2024 });
    const formula = planCell(plan.sheets[0], g.applicableRow, g.layout.col.self!)!.formula!;
    expect(formula).toBe(`${a1(g.totalRow, 2)}-SUMPRODUCT(--(UPPER(TRIM(E9:${a1(g.lastNodeRow, 4)}&""))="KAD"),C9:${a1(g.lastNodeRow, 2)})`);
  });
});

// The report of one workbook (DESIGN.md §3.2), field by field: what `cchc check --json`, the pane and
// the district summary read. A scored and appraised workbook with bonus and deduction items, the same
// scored only by the commune, and a set without bands or extras; then the report's helpers, the order
// and groups people read issues in, the bonus and deduction rows' own rules, and the "Tồn tại, hạn
// chế" list gone stale.

import { checkWorkbook } from '../src/core/check/check';
import { FileReport, hasErrors, issueCounts, issuesOf } from '../src/core/check/report';
import { Issue } from '../src/core/check/contract';
import { CellValue } from '../src/core/model/grid';
import { ROW_MARKERS, SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readScoring } from '../src/core/sheets/scoring/read';
import { entriesOf, extrasSet } from './helpers/communes';
import { kindsSet } from './helpers/kinds';
import { BuiltGrids, SMALL_SET_RAW, builtGrids, enter, insertRow, setCell, smallSet } from './helpers/scoring';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

// Self: 1 + 0.75 + 1 + 0.5 + 1.5 = 4.75 of 5, bonus 1 + 0.5, deduction 0.5: 5.75.
const SELF: Record<string, CellValue> = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5, T1: 1, T2: 0.5, D1: 0.5 };
// Appraisal: 0.5 + 0.75 + KAD + 0.5 + blank = 1.75 of 4 applicable, bonus 1, deduction 2: 0.75.
const APPRAISAL: Record<string, CellValue> = { '1.1.1': 0.5, '1.1.2': 0.75, '1.2': 'KAD', '2.1.1': 0.5, T1: 1, D1: 2 };

function appraised(): BuiltGrids {
  const b = builtGrids(extrasSet(), true);
  enter(b, SELF);
  return enter(b, APPRAISAL, 'appraisal');
}

function of(report: FileReport, rule: string): Issue[] {
  return (report.issues || []).filter((i) => i.rule === rule);
}

describe('the report of a workbook, field by field', () => {
  test('scored, appraised, with bonus and deduction: every total, node, extra and difference', () => {
    const report = checkWorkbook(appraised().grids);
    expect(report.error).toBeNull();
    expect(report.unit).toBe('Xã Đồng Thịnh');
    expect(report.year).toBe(2024);
    expect(report.criteriaSet).toEqual({ id: 'test-set-extras', status: 'reference', title: 'Bộ tiêu chí thử' });
    expect(report.total).toEqual({
      max: 5, applicableMax: 5, self: 5.75, appraisal: 0.75, index: 115,
      cells: { self: 'E23', appraisal: 'F23' },
      band: 'Tốt',
      // 1.2 is KAD at appraisal: 4 points apply; 0.75 of 4 is 18.75 %, and 2.1.2 is not appraised yet.
      appraisalApplicableMax: 4, appraisalIndex: 18.75, appraisalBand: 'Chưa thẩm định xong',
      bonus: { self: 1.5, appraisal: 1 },
      deduction: { self: 0.5, appraisal: 2 },
      blank: { self: 0, appraisal: 1 },
      leaves: 5,
    });
    // Key order is the contract's: levels right after max, appraisal fields after the self ones.
    expect(Object.keys(report.total!)).toEqual(['max', 'applicableMax', 'self', 'appraisal', 'index', 'cells', 'band',
      'appraisalApplicableMax', 'appraisalIndex', 'appraisalBand', 'bonus', 'deduction', 'blank', 'leaves']);
    expect(report.nodes).toEqual([
      { code: '1', name: 'Công tác lãnh đạo, chỉ đạo', max: 3, self: 2.75, appraisal: 1.25, cells: { max: 'C9', self: 'E9', appraisal: 'F9' } },
      { code: '1.1', name: 'Kế hoạch CCHC', max: 2, self: 1.75, appraisal: 1.25, cells: { max: 'C10', self: 'E10', appraisal: 'F10' } },
      { code: '1.1.1', name: 'Ban hành kế hoạch', leaf: true, max: 1, levels: [0, 0.5, 1], self: 1, appraisal: 0.5, notApplicable: false, evidence: 0,
        cells: { max: 'C11', self: 'E11', appraisal: 'F11', evidence: 'G11', note: 'H11' } },
      { code: '1.1.2', name: 'Mức độ hoàn thành', leaf: true, max: 1, levels: [0, 0.25, 0.5, 0.75, 1], self: 0.75, appraisal: 0.75, notApplicable: false, evidence: 0,
        cells: { max: 'C12', self: 'E12', appraisal: 'F12', evidence: 'G12', note: 'H12' } },
      { code: '1.2', name: 'Báo cáo CCHC', leaf: true, max: 1, self: 1, appraisal: null, notApplicable: false, evidence: 0,
        cells: { max: 'C13', self: 'E13', appraisal: 'F13', evidence: 'G13', note: 'H13' } },
      { code: '2', name: 'Cải cách thủ tục hành chính', max: 2, self: 2, appraisal: 0.5, cells: { max: 'C14', self: 'E14', appraisal: 'F14' } },
      { code: '2.1', name: 'Công khai TTHC', max: 2, self: 2, appraisal: 0.5, cells: { max: 'C15', self: 'E15', appraisal: 'F15' } },
      { code: '2.1.1', name: 'Niêm yết', leaf: true, max: 0.5, levels: [0, 0.5], self: 0.5, appraisal: 0.5, notApplicable: false, evidence: 0,
        cells: { max: 'C16', self: 'E16', appraisal: 'F16', evidence: 'G16', note: 'H16' } },
      { code: '2.1.2', name: 'Cổng dịch vụ công', leaf: true, max: 1.5, levels: [0, 0.5, 1, 1.5], self: 1.5, appraisal: null, notApplicable: false, evidence: 0,
        cells: { max: 'C17', self: 'E17', appraisal: 'F17', evidence: 'G17', note: 'H17' } },
    ]);
    expect(Object.keys(report.nodes![2])).toEqual(['code', 'name', 'leaf', 'max', 'levels', 'self', 'appraisal', 'notApplicable', 'evidence', 'cells']);
    expect(report.extras).toEqual([
      { code: 'T1', kind: 'bonus', name: 'Sáng kiến cải cách hành chính', max: 1, self: 1, appraisal: 1, cells: { max: 'C19', self: 'E19', appraisal: 'F19' } },
      { code: 'T2', kind: 'bonus', name: 'Được khen thưởng', max: 0.5, self: 0.5, appraisal: null, cells: { max: 'C20', self: 'E20', appraisal: 'F20' } },
      { code: 'D1', kind: 'deduction', name: 'Bị phê bình vì chậm báo cáo', max: 2, self: 0.5, appraisal: 2, cells: { max: 'C22', self: 'E22', appraisal: 'F22' } },
    ]);
    // Only what the appraisal changed, KAD included; 2.1.2 and T2, not appraised yet, are no difference.
    expect(report.differences).toEqual([
      { code: '1.1.1', name: 'Ban hành kế hoạch', self: 1, appraisal: 0.5, diff: -0.5, selfNotApplicable: false, appraisalNotApplicable: false, cells: { self: 'E11', appraisal: 'F11' } },
      { code: '1.2', name: 'Báo cáo CCHC', self: 1, appraisal: null, diff: null, selfNotApplicable: false, appraisalNotApplicable: true, cells: { self: 'E13', appraisal: 'F13' } },
      { code: 'D1', name: 'Bị phê bình vì chậm báo cáo', self: 0.5, appraisal: 2, diff: 1.5, selfNotApplicable: false, appraisalNotApplicable: false, cells: { self: 'E22', appraisal: 'F22' } },
    ]);
    expect(of(report, 'missing-score').map((i) => [i.code, i.column, i.cell])).toEqual([['2.1.2', 'appraisal', 'F17']]);
  });

  test('scored by the commune only: no appraisal figures, no differences, the self band and blanks', () => {
    const b = enter(builtGrids(extrasSet()), { ...SELF, '2.1.2': null, '1.2': 'KAD' });
    const report = checkWorkbook(b.grids);
    // 1 + 0.75 + 0.5 = 2.25 of 4 applicable, + 1.5 − 0.5: 3.25, 81.25 %; 2.1.2 is still blank.
    expect(report.total).toEqual({
      max: 5, applicableMax: 4, self: 3.25, appraisal: null, index: 81.25,
      cells: { self: 'E23' }, band: 'Chưa chấm xong',
      bonus: { self: 1.5, appraisal: null }, deduction: { self: 0.5, appraisal: null },
      blank: { self: 1, appraisal: null }, leaves: 5,
    });
    expect(report.differences).toBeUndefined();
    expect(report.extras!.map((e) => e.cells)).toEqual([{ max: 'C19', self: 'E19' }, { max: 'C20', self: 'E20' }, { max: 'C22', self: 'E22' }]);
    expect(report.extras!.map((e) => e.appraisal)).toEqual([null, null, null]);
    const kad = report.nodes!.filter((n) => n.code === '1.2')[0];
    expect(kad).toEqual({ code: '1.2', name: 'Báo cáo CCHC', leaf: true, max: 1, self: null, appraisal: null, notApplicable: true, evidence: 0,
      cells: { max: 'C13', self: 'E13', evidence: 'F13', note: 'G13' } });
    expect(report.nodes!.filter((n) => n.code === '2.1')[0]).toEqual({ code: '2.1', name: 'Công khai TTHC', max: 2, self: 0.5, appraisal: null, cells: { max: 'C15', self: 'E15' } });
  });

  test('a set without bands or extras: no band, no bonus, no deduction, no extras in the report', () => {
    const report = checkWorkbook(enter(builtGrids(smallSet(), true), { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 }).grids);
    expect(report.total).toEqual({
      max: 5, applicableMax: 5, self: 4.75, appraisal: 0, index: 95, cells: { self: 'E18', appraisal: 'F18' },
      appraisalApplicableMax: 5, appraisalIndex: 0, blank: { self: 0, appraisal: 5 }, leaves: 5,
    });
    expect(report.extras).toBeUndefined();
    expect(report.differences).toEqual([]);
  });

  test('an item scored at appraisal, not scored yet: the self index is provisional and says which', () => {
    // 2.3 (2 points) is scored by the district's survey; its self cell holds the note until then.
    const b = builtGrids(kindsSet());
    const total = checkWorkbook(b.grids).total!;
    expect(total.provisional).toEqual(['2.3']);
    // 12 points, less 2.3's 2 while pending: 10 apply; 9 leaves less 2.3: 8 to score, none scored yet.
    expect([total.max, total.applicableMax, total.leaves, total.blank, total.band]).toEqual([12, 10, 8, { self: 8, appraisal: null }, 'Chưa chấm']);
  });

  test('every leaf KAD, with bands: nothing applies, so no index and no classification', () => {
    const b = enter(builtGrids(extrasSet()), { '1.1.1': 'KAD', '1.1.2': 'KAD', '1.2': 'KAD', '2.1.1': 'KAD', '2.1.2': 'KAD' });
    const total = checkWorkbook(b.grids).total!;
    expect([total.applicableMax, total.self, total.index, total.band, total.blank]).toEqual([0, 0, null, null, { self: 0, appraisal: null }]);
  });

  test('rows deleted: the totals still add what is left, and what has no row has no cell', () => {
    const b = appraised();
    const gone = (row: number) => {
      b.sheet.values[row] = [];
      b.sheet.formulas[row] = [];
    };
    gone(b.rowOf['1.1.1']);
    gone(b.rowOf.T2);
    gone(b.totalRow);
    const report = checkWorkbook(b.grids);
    // Self: 0.75 + 1 + 0.5 + 1.5 + bonus 1 − 0.5; appraisal: 0.75 + 0.5 + bonus 1 − 2, never below 0.
    expect([report.total!.self, report.total!.appraisal]).toEqual([4.25, 0.25]);
    expect(report.total!.cells).toEqual({});
    expect(report.nodes!.filter((n) => n.code === '1.1.1')[0]).toEqual({ code: '1.1.1', name: 'Ban hành kế hoạch', leaf: true, max: 1, levels: [0, 0.5, 1],
      self: null, appraisal: null, notApplicable: false, evidence: 0, cells: {} });
    expect(report.extras!.filter((e) => e.code === 'T2')[0]).toEqual({ code: 'T2', kind: 'bonus', name: 'Được khen thưởng', max: 0.5, self: null, appraisal: null, cells: {} });
    expect(report.total!.bonus).toEqual({ self: 1, appraisal: 1 });
    // TỔNG ĐIỂM is gone (said once for both columns); the sums over the emptied rows now add a row of no
    // item: warnings; no cap is read from a row that is gone.
    expect(of(report, 'formula-altered').map((i) => [i.cell, i.severity])).toEqual([[null, 'error'], ['E10', 'warning'], ['F10', 'warning'], ['E18', 'warning'], ['F18', 'warning']]);
    expect(of(report, 'max-altered')).toEqual([]);
    // A deleted row is no difference between the columns: its row is what is wrong (structure).
    expect(report.differences!.map((d) => d.code)).toEqual(['1.2', 'D1']);
  });

  test('a file that is not a scoring workbook: an error in the language asked, nothing else', () => {
    const b = builtGrids();
    b.grids.sheets = b.grids.sheets.filter((s) => s.name !== '_cchc');
    const vi = checkWorkbook(b.grids);
    expect(Object.keys(vi)).toEqual(['error']);
    expect(vi.error).toMatch(/[ăâđêôơư]/);
    const en = checkWorkbook(b.grids, { lang: 'en' });
    expect(en.error).not.toBe(vi.error);
    expect(hasErrors(en)).toBe(true);
  });
});

describe('what the report says in short', () => {
  const issue = (severity: 'error' | 'warning', domain: string | null): Issue =>
    ({ severity, rule: 'r', code: null, column: 'self', sheet: SHEETS.scoring, cell: null, message: 'm', domain });

  test.each([
    { title: 'no issues at all', report: { error: null } as FileReport, counts: { errors: 0, warnings: 0 }, errors: false },
    { title: 'an empty list', report: { error: null, issues: [] } as FileReport, counts: { errors: 0, warnings: 0 }, errors: false },
    { title: 'warnings only: exit 0', report: { error: null, issues: [issue('warning', '1'), issue('warning', null)] }, counts: { errors: 0, warnings: 2 }, errors: false },
    { title: 'one error among warnings: exit 1', report: { error: null, issues: [issue('warning', '1'), issue('error', '2'), issue('warning', '2')] }, counts: { errors: 1, warnings: 2 }, errors: true },
    { title: 'a file that could not be read', report: { error: 'Không đọc được tệp' } as FileReport, counts: { errors: 0, warnings: 0 }, errors: true },
  ])('$title', ({ report, counts, errors }) => {
    expect(issueCounts(report)).toEqual(counts);
    expect(hasErrors(report)).toBe(errors);
  });

  test('issuesOf gives one group\'s issues in the report\'s order, and none for a report without issues', () => {
    const a = issue('warning', '1');
    const b = issue('error', '2');
    const c = issue('error', '1');
    const report: FileReport = { error: null, issues: [a, b, c] };
    expect(issuesOf(report, { domain: '1', stt: 'I', name: '', errors: 1, warnings: 1 })).toEqual([a, c]);
    expect(issuesOf(report, { domain: null, stt: '', name: '', errors: 0, warnings: 0 })).toEqual([]);
    expect(issuesOf({ error: null }, { domain: '1', stt: 'I', name: '', errors: 0, warnings: 0 })).toEqual([]);
  });
});

describe('the order people read issues in', () => {
  function messy(): BuiltGrids {
    const b = builtGrids(extrasSet());
    // Issues raised by rules in another order than the sheet's: deduction, bonus, domain 2, domain 1.
    enter(b, { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5, T1: 1, T2: 0.5, D1: 0.5 });
    enter(b, { D1: 'x', T2: 3, '2.1.2': -1, '1.2': 7 });
    return b;
  }

  test('the workbook first, then each domain in tree order, then bonus and deduction; rows top to bottom', () => {
    const report = checkWorkbook(messy().grids);
    const errors = (report.issues || []).filter((i) => i.severity === 'error');
    expect(errors.map((i) => [i.rule, i.code, i.domain])).toEqual([
      ['over-max', '1.2', '1'],
      ['negative', '2.1.2', '2'],
      ['over-max', 'T2', ROW_MARKERS.bonus],
      ['not-a-number', 'D1', ROW_MARKERS.deduction],
    ]);
    const groups = report.groups!;
    expect(groups.map((g) => [g.stt, g.name, g.errors])).toEqual([
      ['', '', 0],
      ['I', 'Công tác lãnh đạo, chỉ đạo', 1],
      ['II', 'Cải cách thủ tục hành chính', 1],
      ['', 'Điểm thưởng', 1],
      ['', 'Điểm trừ', 1],
    ]);
    expect(groups.map((g) => g.domain)).toEqual([null, '1', '2', ROW_MARKERS.bonus, ROW_MARKERS.deduction]);
    // Every issue is in the order of the groups, and each group's counts are its issues'.
    for (const g of groups) {
      const mine = issuesOf(report, g);
      expect(g.errors).toBe(mine.filter((i) => i.severity === 'error').length);
      expect(g.warnings).toBe(mine.length - g.errors);
    }
    expect(groups.map((g) => issuesOf(report, g)).reduce((a, b) => a.concat(b), [])).toEqual(report.issues);
  });

  test('bonus items in the sheet\'s order, whichever rule spoke first: T1\'s score before T2\'s altered cap', () => {
    const b = messy();
    enter(b, { T1: 'x', T2: 0.5 });
    setCell(b.sheet, b.rowOf.T2, b.col.max!, 9);
    const report = checkWorkbook(b.grids);
    const bonus = issuesOf(report, report.groups!.filter((g) => g.domain === ROW_MARKERS.bonus)[0]).filter((i) => i.severity === 'error');
    expect(bonus.map((i) => [i.rule, i.code])).toEqual([['not-a-number', 'T1'], ['max-altered', 'T2']]);
  });

  test('group names follow the language asked', () => {
    const report = checkWorkbook(messy().grids, { lang: 'en' });
    expect(report.groups!.slice(3).map((g) => g.name)).toEqual(['Bonus', 'Deduction']);
    expect(report.groups![1].name).toBe('Công tác lãnh đạo, chỉ đạo');
  });

  test('within a domain, the sheet\'s rows top to bottom, and a row without a code right after the item above it', () => {
    const b = enter(builtGrids(), { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 });
    const at = b.rowOf['1.1.2'] + 1;
    insertRow(b, at);
    setCell(b.sheet, at, b.col.self!, 0.25);
    enter(b, { '1.2': 'x', '1.1.2': 5, '1.1.1': -1 });
    const report = checkWorkbook(b.grids);
    const domain1 = issuesOf(report, report.groups!.filter((g) => g.domain === '1')[0]).filter((i) => i.severity === 'error');
    // The inserted row stands between 1.1.2 and 1.2, outside every SUM: counted by nobody.
    expect(domain1.map((i) => [i.rule, i.code])).toEqual([
      ['negative', '1.1.1'],
      ['over-max', '1.1.2'],
      ['unknown-row', null],
      ['not-a-number', '1.2'],
    ]);
    expect(domain1[2].cell).toBe('E13');
  });

  test('issues of one item keep the order the rules run in: its score before its evidence', () => {
    const b = enter(builtGrids(), { '1.1.1': 1, '1.1.2': 0.75, '1.2': 7, '2.1.1': 0.5, '2.1.2': 1.5 });
    const report = checkWorkbook(b.grids);
    expect(report.issues!.filter((i) => i.code === '1.2').map((i) => i.rule)).toEqual(['over-max', 'missing-evidence']);
    expect(report.issues!.filter((i) => i.code === '2.1.2').map((i) => i.rule)).toEqual(['missing-evidence']);
  });

  test('rows moved apart are told right after the first moved row\'s own issues', () => {
    const b = enter(builtGrids(), { '1.1.1': 5, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 });
    const [a, c] = [b.rowOf['1.1.1'], b.rowOf['1.1.2']];
    const name = b.col.name!;
    [b.sheet.values[a][name], b.sheet.values[c][name]] = [b.sheet.values[c][name], b.sheet.values[a][name]];
    const report = checkWorkbook(b.grids);
    const domain1 = issuesOf(report, report.groups!.filter((g) => g.domain === '1')[0]).filter((i) => i.severity === 'error');
    expect(domain1.map((i) => [i.rule, i.code, i.cell])).toEqual([['over-max', '1.1.1', 'E11'], ['rows-out-of-line', null, 'B11']]);
  });

  test('issues on the register or on Tổng hợp without a criterion belong to the workbook as a whole', () => {
    const report = checkWorkbook(enter(builtGrids(extrasSet()), SELF).grids);
    const stale = of(report, 'summary-stale');
    expect(stale).toHaveLength(1);
    expect(stale[0].domain).toBeNull();
    expect(report.issues![0]).toBe(stale[0]);
  });
});

describe('the bonus and deduction rows', () => {
  function scored(): BuiltGrids {
    return enter(builtGrids(extrasSet(), true), SELF);
  }
  const markers = (b: BuiltGrids) => readScoring(b.grids).markers;

  test.each([
    { title: 'a cap raised', typed: 1.5 as CellValue, says: 'Mức tối đa đã bị sửa thành 1,5; theo bộ tiêu chí là 1.' },
    { title: 'a cap typed as the text "1" (SUM leaves text out)', typed: '1' as CellValue, says: 'Mức tối đa đã bị sửa thành 1; theo bộ tiêu chí là 1.' },
    { title: 'a cap erased', typed: null as CellValue, says: 'Mức tối đa đã bị sửa thành (trống); theo bộ tiêu chí là 1.' },
    { title: 'a cap written as text', typed: 'một' as CellValue, says: 'Mức tối đa đã bị sửa thành một; theo bộ tiêu chí là 1.' },
  ])('max-altered on $title names the item and its cell', ({ typed, says }) => {
    const b = scored();
    setCell(b.sheet, b.rowOf.T1, b.col.max!, typed);
    const found = of(checkWorkbook(b.grids), 'max-altered');
    expect(found.map((i) => [i.code, i.cell, i.column, i.severity])).toEqual([['T1', 'C19', 'max', 'error']]);
    expect(found[0].message).toBe(says);
    expect(of(checkWorkbook(b.grids, { lang: 'en' }), 'max-altered')[0].message).toMatch(/^The cap was changed to .+; the set says 1\.$/);
  });

  test('max-altered is silent on the caps as built', () => {
    expect(of(checkWorkbook(scored().grids), 'max-altered')).toEqual([]);
  });

  test('a value typed over the bonus subtotal, in each score column, is formula-altered at its cell', () => {
    const b = scored();
    const row = markers(b).bonus!;
    setCell(b.sheet, row, b.col.self!, 1.5);
    setCell(b.sheet, row, b.col.appraisal!, 1);
    const found = of(checkWorkbook(b.grids), 'formula-altered');
    expect(found.map((i) => [i.cell, i.column, i.severity])).toEqual([['E18', 'self', 'error'], ['F18', 'appraisal', 'error']]);
    expect(found[0].message).toBe('Ô tổng điểm thưởng (E18) không còn cộng đúng các mục của nó.');
    expect(of(checkWorkbook(b.grids, { lang: 'en' }), 'formula-altered')[0].message).toBe('The bonus subtotal (E18) no longer adds exactly its items.');
  });

  test('a deduction subtotal that leaves out its item, or adds a domain\'s row, is formula-altered', () => {
    const b = scored();
    const row = markers(b).deduction!;
    setCell(b.sheet, row, b.col.self!, 0, 'SUM(E20)');
    setCell(b.sheet, row, b.col.appraisal!, 0, 'SUM(F22,F14)');
    const found = of(checkWorkbook(b.grids), 'formula-altered');
    expect(found.map((i) => [i.cell, i.message])).toEqual([
      ['E21', 'Ô tổng điểm trừ (E21) không còn cộng đúng các mục của nó.'],
      ['F21', 'Ô tổng điểm trừ (F21) không còn cộng đúng các mục của nó.'],
    ]);
  });

  test('the subtotals as built, with or without $ signs, are silent', () => {
    const b = scored();
    const row = markers(b).bonus!;
    setCell(b.sheet, row, b.col.self!, 1.5, 'SUM($E$19:$E$20)');
    expect(of(checkWorkbook(b.grids), 'formula-altered')).toEqual([]);
  });

  test('a deleted deduction row is a structure error that says to rebuild', () => {
    const b = scored();
    const row = markers(b).deduction!;
    for (const grid of [b.sheet.values, b.sheet.formulas]) grid[row] = [];
    const found = of(checkWorkbook(b.grids), 'structure').filter((i) => i.code === null);
    expect(found.map((i) => [i.cell, i.column, i.severity, i.message])).toEqual([
      [null, 'structure', 'error', 'Không tìm thấy dòng ĐIỂM TRỪ: dòng đã bị xóa. Hãy tạo lại bảng ("cchc build --from").'],
    ]);
    expect(of(checkWorkbook(b.grids, { lang: 'en' }), 'structure').filter((i) => i.code === null)[0].message)
      .toBe('The DEDUCTION row is missing: it was deleted. Rebuild the workbook ("cchc build --from").');
  });

  test.each([
    { title: 'a value typed over TỔNG ĐIỂM', formula: null, says: 'Ô TỔNG ĐIỂM (E23) không còn là công thức (đã bị ghi đè bằng giá trị): tổng sẽ không tự cập nhật.' },
    { title: 'the deduction no longer taken off', formula: 'MAX(0,SUM(E9,E14)+E18)', says: 'Ô TỔNG ĐIỂM (E23) có công thức "=MAX(0,SUM(E9,E14)+E18)" không còn là tổng các lĩnh vực cộng điểm thưởng, trừ điểm trừ.' },
    { title: 'the bonus read from the other column', formula: 'MAX(0,SUM(E9,E14)+F18-E21)', says: 'không còn là tổng các lĩnh vực' },
    { title: 'the deduction read from a wrong row', formula: 'MAX(0,SUM(E9,E14)+E18-E20)', says: 'không còn là tổng các lĩnh vực' },
    { title: 'a domain left out', formula: 'MAX(0,SUM(E9)+E18-E21)', says: 'không còn là tổng các lĩnh vực' },
    { title: 'a subtotal added as a domain', formula: 'MAX(0,SUM(E9,E10,E14)+E18-E21)', says: 'không còn là tổng các lĩnh vực' },
  ])('TỔNG ĐIỂM with extras: $title is formula-altered', ({ formula, says }) => {
    const b = scored();
    setCell(b.sheet, b.totalRow, b.col.self!, 5.75, formula);
    const found = of(checkWorkbook(b.grids), 'formula-altered');
    expect(found.map((i) => [i.cell, i.column])).toEqual([['E23', 'self']]);
    expect(found[0].message).toContain(says);
  });

  test('TỔNG ĐIỂM with extras as built is silent, and so is a set with bonus items only (no deduction row)', () => {
    expect(of(checkWorkbook(scored().grids), 'formula-altered')).toEqual([]);
    const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
    raw.bonus = [{ code: 'T1', name: 'Sáng kiến', max: 1 }];
    const { set } = parseCriteriaSet(raw);
    const b = enter(builtGrids(set!), { T1: 1 });
    expect(readScoring(b.grids).markers.deduction).toBeUndefined();
    expect(of(checkWorkbook(b.grids), 'formula-altered')).toEqual([]);
    expect(checkWorkbook(b.grids).total!.bonus).toEqual({ self: 1, appraisal: null });
  });
});

describe('"Tồn tại, hạn chế" gone stale', () => {
  function built(scores: Record<string, CellValue>, appraisal?: Record<string, CellValue>) {
    const grids = planToGrids(buildWorkbookPlan({ set: extrasSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: !!appraisal, entries: entriesOf(scores, appraisal) }));
    const scoring = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    const read = readScoring(grids);
    const type = (code: string, value: CellValue, column: 'self' | 'appraisal' = 'self') => setCell(scoring, read.rowOf[code], read.columns[column]!, value);
    return { grids, type };
  }
  const stale = (report: FileReport) => of(report, 'summary-stale');

  test('the list as refreshed for these scores is silent', () => {
    expect(stale(checkWorkbook(built(SELF).grids))).toEqual([]);
  });

  test('a score changed since: one warning on Tổng hợp that says what to click before printing', () => {
    const w = built(SELF);
    w.type('1.1.2', 0.5);
    const found = stale(checkWorkbook(w.grids));
    expect(found.map((i) => [i.severity, i.sheet, i.cell, i.code, i.column])).toEqual([['warning', SHEETS.summary, null, null, 'structure']]);
    expect(found[0].message).toContain('Cập nhật Tổng hợp');
    expect(hasErrors(checkWorkbook(w.grids))).toBe(false);
  });

  test('once appraised, the list follows the appraisal, not the self scores', () => {
    const w = built(SELF, { ...SELF });
    w.type('1.1.2', 0.5, 'self');
    expect(stale(checkWorkbook(w.grids))).toEqual([]);
    w.type('1.1.2', 0.5, 'appraisal');
    expect(stale(checkWorkbook(w.grids))).toHaveLength(1);
  });

  test('a Tổng hợp made before the list existed has nothing to go stale', () => {
    const w = built(SELF);
    const summary = w.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    summary.values = summary.values.map((row) => (row || []).map((v) => (v === '#SHORTFALLS' ? null : v)));
    w.type('1.1.2', 0.5);
    expect(stale(checkWorkbook(w.grids))).toEqual([]);
  });
});

describe('blank score cells', () => {
  const missing = (report: FileReport) => of(report, 'missing-score').map((i) => [i.code, i.column, i.cell, i.severity]);

  test('an appraisal column nobody has begun is not yet in use: only the commune\'s blanks are named', () => {
    const b = enter(builtGrids(extrasSet(), true), { ...SELF, '1.2': null });
    expect(missing(checkWorkbook(b.grids))).toEqual([['1.2', 'self', 'E13', 'warning']]);
  });

  test('once the appraisal has begun, each blank appraisal cell is named, except where the commune marked KAD', () => {
    const b = enter(builtGrids(extrasSet(), true), { ...SELF, '1.2': 'KAD' });
    enter(b, { '1.1.1': 1 }, 'appraisal');
    const report = checkWorkbook(b.grids);
    expect(missing(report)).toEqual([
      ['1.1.2', 'appraisal', 'F12', 'warning'],
      ['2.1.1', 'appraisal', 'F16', 'warning'],
      ['2.1.2', 'appraisal', 'F17', 'warning'],
    ]);
    expect(report.issues!.filter((i) => i.rule === 'missing-score')[0].message).toBe('Chưa chấm điểm thẩm định: nhập điểm, hoặc ghi KAD nếu tiêu chí không áp dụng.');
  });

  test('blank bonus and deduction items are no missing score: there may be none to claim', () => {
    const b = enter(builtGrids(extrasSet(), true), { ...SELF, T1: null, T2: null, D1: null });
    enter(b, { ...SELF, T1: null, T2: null, D1: null }, 'appraisal');
    expect(missing(checkWorkbook(b.grids))).toEqual([]);
  });
});

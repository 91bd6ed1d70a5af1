// The scoring workbook of a set that says how it scores (docs/criteria-sets.md), as a clerk fills it:
// counted and deduction items, a rate beside a proportional score, KAD where the set allows it and for
// which unit type, "không phát sinh → full marks", an item scored at appraisal, and bands that wait
// for every leaf to be scored. What the sheet shows (the plan's cached results, which the formulas
// recompute: test/kinds-libreoffice.test.ts) and what `cchc check` reports agree.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CriteriaSet } from '../src/core/model/criteria';
import { Entries } from '../src/core/model/entries';
import { CellValue, WorkbookGrids, a1, cellAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { ScoringGeometry, scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { checkWorkbook } from '../src/core/check/check';
import { FileReport } from '../src/core/check/report';
import { readScoring } from '../src/core/sheets/scoring/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { placeEntries } from '../src/core/features/upgrade';
import { defaultSet } from '../src/core/model/bundled';
import { kindsSet } from './helpers/kinds';
import { entriesOf, fullScores, withBands } from './helpers/communes';
import { cchc } from './helpers/cli';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { progressOf } from '../src/core/features/progress';

interface Built {
  grids: WorkbookGrids;
  g: ScoringGeometry;
  report: FileReport;
  /** What the Chấm điểm sheet shows in a column of a code's row (a marker's row for totals). */
  shown(code: string, role: 'self' | 'appraisal' | 'check' | 'figure' | 'evidence'): CellValue;
  issues(code: string): string[];
}

function build(set: CriteriaSet, unit: string, self: Record<string, CellValue>, options: { appraisal?: Record<string, CellValue>; figures?: Record<string, CellValue> } = {}): Built {
  const entries: Entries = entriesOf(self, options.appraisal);
  for (const code of Object.keys(options.figures || {})) (entries[code] = entries[code] || { values: {} }).values.figure = options.figures![code];
  const grids = planToGrids(buildWorkbookPlan({ set, unit, year: 2025, appraisal: options.appraisal !== undefined, entries }));
  const g = scoringGeometry(set, options.appraisal !== undefined);
  const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
  const report = checkWorkbook(grids);
  const rowOf = (code: string) => (code.charAt(0) === '#' ? ({ '#INDEX': g.indexRow, '#BAND': g.bandRow, '#APPLICABLE': g.applicableRow } as Record<string, number | null>)[code]! : g.rowOf[code]);
  return {
    grids, g, report,
    shown: (code, role) => cellAt(sheet, rowOf(code), g.layout.col[role]!),
    // The verdicts on the scores (evidence and missing-score warnings aside).
    issues: (code) => (report.issues || []).filter((i) => i.code === code && !/^(missing-|evidence)/.test(i.rule)).map((i) => `${i.severity} ${i.rule} ${i.column}: ${i.message}`),
  };
}

describe('counted, deduction and proportional items', () => {
  const cases: Array<{ title: string; code: string; typed: CellValue; figure?: CellValue; check: string; issues: RegExp[] }> = [
    { title: '1,86 on a 2-point proportional item', code: '1.3', typed: 0.86, check: '✓', issues: [] },
    { title: '1,86 from a rate of 93%', code: '1.2', typed: 1.86, figure: 0.93, check: '✓ (tính được 1,86)', issues: [] },
    { title: '2,01 on a 2-point proportional item', code: '1.2', typed: 2.01, figure: 0.93, check: '✗ Vượt điểm tối đa (tính được 1,86)', issues: [/^error over-max self: Điểm 2,01 vượt điểm tối đa 2/] },
    { title: 'a score the rate does not give', code: '1.2', typed: 2, figure: 0.93, check: '✗ Khác điểm theo tỷ lệ/số lượng (tính được 1,86)', issues: [/^error figure-differs self: Điểm 2 khác điểm tính từ tỷ lệ \/ số lượng đã nhập: 93% → 1,86/] },
    // A figure pasted past its validation gives no points: the row says so, and the check says what to type.
    { title: 'a rate over 100% gives no points, and is not the score\'s fault', code: '1.2', typed: 2, figure: 1.5, check: '✓ (tỷ lệ/số lượng không hợp lệ)',
      issues: [/^warning figure-invalid self: Tỷ lệ "150%" ở cột Tỷ lệ \/ số lượng không dùng được để tính điểm: nhập tỷ lệ từ 0% đến 100%, ví dụ 93%/] },
    { title: '93 pasted for 93%', code: '1.2', typed: 1.86, figure: 93, check: '✓ (tỷ lệ/số lượng không hợp lệ)', issues: [/^warning figure-invalid self: Tỷ lệ "9300%"/] },
    { title: 'a rate as text', code: '1.2', typed: null, figure: 'chín mươi', check: 'Chưa chấm (tỷ lệ/số lượng không hợp lệ)', issues: [/^warning figure-invalid self: Tỷ lệ "chín mươi"/] },
    { title: 'a negative count', code: '1.4', typed: 0.5, figure: -2, check: '✓ (tỷ lệ/số lượng không hợp lệ)', issues: [/^warning figure-invalid self: Số lượng "-2" .* nhập số nguyên từ 0 trở lên\.$/] },
    { title: 'a blank figure says nothing', code: '1.4', typed: 0.5, figure: '  ', check: '✓', issues: [] },
    { title: 'six items at 0,25: the cap', code: '1.4', typed: 1, figure: 6, check: '✓ (tính được 1)', issues: [] },
    { title: 'a count over its cap', code: '1.4', typed: 1.25, check: '✗ Vượt điểm tối đa', issues: [/^error over-max self: Điểm 1,25 vượt điểm tối đa 1/] },
    { title: 'a count off its steps', code: '1.4', typed: 0.6, check: '✗ Không đúng mức điểm', issues: [/^error not-a-level self: Điểm 0,6 không đúng cách chấm \(mỗi mục 0,25 điểm, tối đa 1\): chọn một trong 0; 0,25; 0,5; 0,75; 1\./] },
    { title: 'two occurrences off 2', code: '1.5', typed: 1, check: '✓', issues: [] },
    { title: 'a deduction off its steps', code: '1.5', typed: 1.25, check: '✗ Không đúng mức điểm', issues: [/^error not-a-level self/] },
  ];
  test.each(cases)('$title', ({ code, typed, figure, check, issues }) => {
    const b = build(kindsSet(), 'Xã Đồng Thịnh', { [code]: typed }, { figures: figure === undefined ? {} : { [code]: figure } });
    expect(b.shown(code, 'check')).toBe(check);
    expect(b.issues(code).length).toBe(issues.length);
    issues.forEach((re, i) => expect(b.issues(code)[i]).toMatch(re));
  });
});

describe('where KAD may be written', () => {
  const cases: Array<{ title: string; set: () => CriteriaSet; unit: string; code: string; check: string; issue: RegExp | null }> = [
    { title: 'a market item in a commune: not allowed', set: kindsSet, unit: 'Xã Đồng Thịnh', code: '2.2', check: '✗ Không được ghi KAD',
      issue: /^error kad-not-allowed self: Bộ tiêu chí chỉ cho ghi KAD ở mục này với phường, thị trấn, không với xã\. Hãy chấm điểm từ 0 đến 1\.$/ },
    { title: 'the same in a ward', set: kindsSet, unit: 'Phường Hoàng Văn Thụ', code: '2.2', check: 'Không áp dụng', issue: null },
    { title: 'the same in a township', set: kindsSet, unit: 'Thị trấn Đình Cả', code: '2.2', check: 'Không áp dụng', issue: null },
    { title: 'an item the set does not list', set: kindsSet, unit: 'Phường Hoàng Văn Thụ', code: '1.1', check: '✗ Không được ghi KAD', issue: /^error kad-not-allowed self: Bộ tiêu chí không cho ghi KAD/ },
    { title: 'an item any unit may leave', set: kindsSet, unit: 'Xã Đồng Thịnh', code: '2.4', check: 'Không áp dụng', issue: null },
    { title: 'full marks when nothing arose: a warning that says which to use', set: defaultSet, unit: 'Xã Đồng Thịnh', code: '4.2.2', check: '⚠ Không phát sinh thì chấm 2, không ghi KAD',
      issue: /^warning kad-full-marks self: Mục này ghi KAD, nhưng cách chấm cho điểm tối đa khi không phát sinh: nếu không phát sinh, chấm 2 điểm thay vì KAD/ },
    { title: 'a set that says nothing about KAD: as before', set: defaultSet, unit: 'Xã Đồng Thịnh', code: '1.1.1', check: 'Không áp dụng', issue: null },
  ];
  test.each(cases)('$title', ({ set, unit, code, check, issue }) => {
    const b = build(set(), unit, { [code]: 'KAD' });
    expect(b.shown(code, 'check')).toBe(check);
    const issues = b.issues(code);
    if (issue) expect(issues).toEqual([expect.stringMatching(issue)]);
    else expect(issues).toEqual([]);
    // Allowed or not, a KAD leaves the applicable maximum on the sheet and in the check alike.
    expect(b.report.total!.applicableMax).toBe(b.shown('#APPLICABLE', 'self'));
  });
});

describe('an item scored at appraisal', () => {
  const full = () => {
    const s = fullScores(kindsSet());
    delete s['2.3'];
    return s;
  };

  test('its self cell says so, is locked, and the self index leaves it out as provisional', () => {
    const b = build(kindsSet(), 'Xã Đồng Thịnh', full());
    expect(b.shown('2.3', 'self')).toBe('Thẩm định chấm');
    expect(b.shown('2.3', 'check')).toBe('Do thẩm định chấm');
    const plan = buildWorkbookPlan({ set: kindsSet(), unit: 'Xã Đồng Thịnh', year: 2025 });
    const cell = plan.sheets[0].cells.filter((c) => c.row === b.g.rowOf['2.3'] && c.col === b.g.layout.col.self)[0];
    expect(plan.styles[cell.style!].locked).not.toBe(false);
    expect(plan.sheets[0].validations.filter((v) => v.range === a1(b.g.rowOf['2.3'], b.g.layout.col.self!))).toEqual([]);
    // 12 points in the set, 2 of them scored at appraisal: 10 applicable, all scored.
    expect(b.report.total).toMatchObject({ self: 10, applicableMax: 10, index: 100, provisional: ['2.3'], band: 'Tốt (tạm tính)' });
    expect(b.shown('#APPLICABLE', 'self')).toBe(10);
    expect(b.shown('#INDEX', 'evidence')).toBe('Tạm tính, chưa gồm 2.3 (do thẩm định chấm)');
    // The band of a provisional index is provisional too, on Chấm điểm and on Tổng hợp.
    expect(b.shown('#BAND', 'self')).toBe('Tốt (tạm tính)');
    const summary = b.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    expect(summary.values.some((row) => row[1] === 'Xếp loại' && row[3] === 'Tốt (tạm tính)')).toBe(true);
    expect((b.report.issues || []).filter((i) => i.rule === 'shown-differs')).toEqual([]);
    expect(b.issues('2.3')).toEqual([]);
  });

  test('once the appraisal scores it, the self total takes that score and the index is no longer provisional', () => {
    const b = build(kindsSet(), 'Xã Đồng Thịnh', full(), { appraisal: { '2.3': 1.5 } });
    expect(b.shown('2.3', 'self')).toBe(1.5);
    expect(b.report.total).toMatchObject({ self: 11.5, applicableMax: 12, index: 95.83, band: 'Tốt' });
    expect(b.shown('#BAND', 'self')).toBe('Tốt');
    expect(b.report.total!.provisional).toBeUndefined();
    expect(b.shown('#INDEX', 'evidence') || '').toBe('');
    expect((b.report.differences || []).map((d) => d.code)).not.toContain('2.3');
  });

  test('a rebuild does not take the note for a score; a number typed there is kept apart, never lost', () => {
    const b = build(kindsSet(), 'Xã Đồng Thịnh', full(), { appraisal: { '2.3': 1.5 } });
    const read = readScoring(b.grids);
    expect(extractEntries(read).entries['2.3'].values).toEqual({ appraisal: 1.5 });
    const typed = build(kindsSet(), 'Xã Đồng Thịnh', full());
    typed.grids.sheets[0].values[typed.g.rowOf['2.3']][typed.g.layout.col.self!] = 2;
    const { entries } = extractEntries(readScoring(typed.grids));
    expect(entries['2.3'].values).toEqual({ self: 2 });
    const { leftovers } = placeEntries(kindsSet(), entries);
    expect(leftovers.map((l) => [l.code, l.role, l.value, l.reason.vi])).toEqual([['2.3', 'self', 2,
      'Mục 2.3 do thẩm định chấm (Khảo sát sự hài lòng của người dân): ô Điểm tự chấm lấy điểm thẩm định, không nhập tay. Xóa giá trị đã nhập.']]);
  });
});

describe('an item scored at appraisal is no one\'s task in the commune', () => {
  test('progress leaves it out: not counted against the section, not overdue, not unassigned', () => {
    const self = fullScores(kindsSet());
    delete self['2.3'];
    const entries = entriesOf(self);
    entries['2'] = { values: { owner: 'Văn phòng - Thống kê', due: '10/11/2025' } };
    const grids = planToGrids(buildWorkbookPlan({ set: kindsSet(), unit: 'Xã Đồng Thịnh', year: 2025, entries }));
    const report = progressOf(readScoring(grids), { year: 2025, month: 12, day: 1 });
    const office = report.people.filter((p) => p.name === 'Văn phòng - Thống kê')[0];
    // Past the due date the others are overdue for want of evidence; the survey item never is.
    expect(office).toMatchObject({ items: 3, scored: 3, overdue: ['2.1', '2.2', '2.4'] });
    expect(report.unassigned).not.toContain('2.3');
    expect(report.unassigned).toContain('1.1');
  });
});

describe('bands belong to the set', () => {
  const banded = () => withBands(defaultSet());
  const cases: Array<{ title: string; self: (s: Record<string, CellValue>) => Record<string, CellValue>; appraisal?: (s: Record<string, CellValue>) => Record<string, CellValue>; band: string; appraisalBand?: string }> = [
    { title: 'nothing scored: Chưa chấm, not Yếu', self: () => ({}), band: 'Chưa chấm' },
    { title: 'some scored: Chưa chấm xong', self: (s) => ({ '1.1.1': s['1.1.1'] }), band: 'Chưa chấm xong' },
    { title: 'a KAD counts as scored', self: (s) => ({ ...s, '1.1.1': 'KAD' }), band: 'Tốt' },
    { title: 'everything scored: the band', self: (s) => s, band: 'Tốt' },
    { title: 'an appraisal column with nothing in it: Chưa thẩm định', self: (s) => s, appraisal: () => ({}), band: 'Tốt', appraisalBand: 'Chưa thẩm định' },
    { title: 'an appraisal begun: Chưa thẩm định xong', self: (s) => s, appraisal: (s) => ({ '2.1.1': s['2.1.1'] }), band: 'Tốt', appraisalBand: 'Chưa thẩm định xong' },
  ];
  test.each(cases)('$title', ({ self, appraisal, band, appraisalBand }) => {
    const full = fullScores(defaultSet());
    const b = build(banded(), 'Xã Đồng Thịnh', self(full), appraisal ? { appraisal: appraisal(full) } : {});
    expect(b.shown('#BAND', 'self')).toBe(band);
    expect(b.report.total!.band).toBe(band);
    if (appraisalBand) {
      expect(b.shown('#BAND', 'appraisal')).toBe(appraisalBand);
      expect(b.report.total!.appraisalBand).toBe(appraisalBand);
    }
    // Tổng hợp shows the same (its Xếp loại row copies Chấm điểm's).
    const summary = b.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    expect(summary.values.some((row) => row[1] === 'Xếp loại' && row[3] === band)).toBe(true);
    expect((b.report.issues || []).filter((i) => i.rule === 'shown-differs')).toEqual([]);
  });

  test('the band cells wrap: "Chưa thẩm định xong" and "Khá (tạm tính)" take two lines in a score column, on both sheets', () => {
    const set = banded();
    const plan = buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2025, appraisal: true });
    const g = scoringGeometry(set, true);
    const scoring = plan.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    const summary = plan.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const bandCells = scoring.cells.filter((c) => c.row === g.bandRow && (c.col === g.layout.col.self || c.col === g.layout.col.appraisal))
      .concat(summary.cells.filter((c) => c.result === 'Chưa chấm' || c.result === 'Chưa thẩm định'));
    expect(bandCells).toHaveLength(4);
    for (const c of bandCells) expect(plan.styles[c.style!].wrap).toBe(true);
  });

  test('a set without bands has no Xếp loại row, on either sheet, and no band in the report', () => {
    const b = build(defaultSet(), 'Xã Đồng Thịnh', {});
    expect(b.g.bandRow).toBeNull();
    for (const sheet of b.grids.sheets.filter((s) => s.name === SHEETS.scoring || s.name === SHEETS.summary)) {
      expect(sheet.values.some((row) => row.some((v) => typeof v === 'string' && /^xếp loại$/i.test(v)))).toBe(false);
    }
    expect(b.report.total).not.toHaveProperty('band');
  });
});

describe('cchc check says it in words', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-kinds-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the provisional self index, the band, KAD where it is not allowed — in Vietnamese and English', async () => {
    const self: Record<string, CellValue> = { ...fullScores(kindsSet()), '1.1': 'KAD' };
    delete self['2.3'];
    await writePlanToFile(buildWorkbookPlan({ set: kindsSet(), unit: 'Xã Đồng Thịnh', year: 2025, entries: entriesOf(self) }), path.join(dir, 'a.xlsx'));
    const vi = await cchc(dir, 'check', 'a.xlsx');
    expect(vi.code).toBe(1);
    expect(vi.out).toContain('Tổng điểm tự chấm: 9 / 9 (điểm tối đa áp dụng) — Chỉ số: 100% (Tạm tính, chưa gồm 2.3 (do thẩm định chấm)) — Tốt (tạm tính)');
    expect(vi.out).toContain('Bộ tiêu chí không cho ghi KAD (không áp dụng) ở mục này. Hãy chấm điểm từ 0 đến 1.');
    const en = await cchc(dir, 'check', 'a.xlsx', '--lang', 'en');
    expect(en.out).toContain('Index: 100% (Provisional: 2.3 not included yet (scored at appraisal)) — Tốt (provisional)');
    const json = JSON.parse((await cchc(dir, 'check', 'a.xlsx', '--json')).out);
    expect(json.files[0].total).toMatchObject({ self: 9, applicableMax: 9, provisional: ['2.3'], band: 'Tốt (tạm tính)' });
    expect(json.files[0].issues.filter((i: { rule: string }) => i.rule === 'kad-not-allowed').map((i: { cell: string }) => i.cell)).toEqual(['F10']);
  });

  test('a workbook not scored yet says Chưa chấm, in English Not scored yet', async () => {
    await writePlanToFile(buildWorkbookPlan({ set: withBands(defaultSet()), unit: 'Xã Đồng Thịnh', year: 2025 }), path.join(dir, 'b.xlsx'));
    expect((await cchc(dir, 'check', 'b.xlsx')).out).toMatch(/— Chỉ số: 0% — Chưa chấm\n/);
    expect((await cchc(dir, 'check', 'b.xlsx', '--lang', 'en')).out).toMatch(/— Index: 0% — Not scored yet\n/);
  });
});

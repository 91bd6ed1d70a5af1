// The district summary in the core: ranks with ties, who is set apart and why, the averages, and the
// plan of the summary workbook (formulas where a person expects them, bands, the chart's ranges).

import { checkWorkbook } from '../src/core/check/check';
import { CriteriaSet } from '../src/core/model/criteria';
import { planCell, planToGrids } from '../src/core/model/plan';
import { SummaryInput, rankUnits, summarize } from '../src/core/features/district-summary';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { Scores, entriesOf, extrasSet, fullScores } from './helpers/communes';
import { kindsSet } from './helpers/kinds';
import { smallSet } from './helpers/scoring';
import { SUMMARY_SHEETS, summaryWorkbookPlan } from '../src/core/features/district-workbook';

/** A commune's workbook checked in memory, as `cchc summary` sees it after reading the file. */
function commune(file: string, unit: string, self: Scores, options: { set?: CriteriaSet; year?: number; appraisal?: Scores } = {}): SummaryInput {
  const set = options.set || smallSet();
  const plan = buildWorkbookPlan({ set, unit, year: options.year || 2024, appraisal: !!options.appraisal, entries: entriesOf(self, options.appraisal) });
  return { file, report: { file, ...checkWorkbook(planToGrids(plan)) }, set };
}

const FULL: Scores = { '1.1.1': 1, '1.1.2': 1, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

describe('rankUnits', () => {
  const unit = (name: string, index: number) => ({ file: name + '.xlsx', unit: name, year: 2024, total: index, applicableMax: 100, index, domains: {} });
  const cases: Array<{ title: string; indexes: number[]; ranks: number[] }> = [
    { title: 'distinct', indexes: [70, 90, 80], ranks: [1, 2, 3] },
    { title: 'a tie in second place skips the next rank', indexes: [95, 80, 80, 60], ranks: [1, 2, 2, 4] },
    { title: 'a three-way tie at the top', indexes: [88.25, 88.25, 88.25, 70], ranks: [1, 1, 1, 4] },
    { title: 'hundredths decide', indexes: [80.01, 80], ranks: [1, 2] },
    { title: 'everyone equal', indexes: [50, 50], ranks: [1, 1] },
  ];
  test.each(cases)('$title', ({ indexes, ranks }) => {
    const ranked = rankUnits(indexes.map((ix, i) => unit(`Xã ${String.fromCharCode(65 + i)}`, ix)));
    expect(ranked.map((u) => u.rank)).toEqual(ranks);
    expect(ranked.map((u) => u.index)).toEqual(indexes.slice().sort((a, b) => b - a));
  });

  test('equal indexes are listed by unit name, Vietnamese order', () => {
    expect(rankUnits([unit('Xã Đồng Thịnh', 80), unit('Xã Dân Tiến', 80), unit('Xã An Khánh', 80)]).map((u) => u.unit))
      .toEqual(['Xã An Khánh', 'Xã Dân Tiến', 'Xã Đồng Thịnh']);
  });
});

describe('summarize', () => {
  const inputs: SummaryInput[] = [
    commune('a.xlsx', 'Xã An Khánh', FULL), // 5 / 5 = 100
    commune('b.xlsx', 'Xã Bình Sơn', { ...FULL, '1.2': 'KAD' }), // 4 / 4 = 100
    commune('c.xlsx', 'Phường Cam Giá', { ...FULL, '1.1.2': 0.5, '2.1.2': 1 }), // 4 / 5 = 80
    commune('d.xlsx', 'Xã Dân Tiến', { ...FULL, '1.1.1': 0.5, '2.1.1': 0.5, '2.1.2': 1 }), // 4 / 5 = 80
    commune('e.xlsx', 'Thị trấn Đại Từ', { '1.1.1': 1, '1.1.2': 0.75, '1.2': 'KAD', '2.1.1': 0.5, '2.1.2': 0.5 }), // 2.75 / 4 = 68.75
    commune('f.xlsx', 'Xã Phú Xuyên', { ...FULL, '1.1.1': 1.5 }), // over the maximum: an error
    commune('g.xlsx', 'Xã Quân Chu', FULL, { set: extrasSet() }), // another criteria set
    commune('h.xlsx', 'Xã Hà Thượng', FULL, { year: 2023 }),
    commune('i.xlsx', 'Xã An Khánh', { ...FULL, '1.2': 0 }), // a second workbook of a ranked commune
    { file: 'hong.xlsx', report: { file: 'hong.xlsx', error: 'Tệp hong.xlsx bị hỏng.' }, set: null },
    commune('j.xlsx', 'Xã Tân Linh', {}), // sent back blank: not scored, not a commune scoring 0
  ];
  const summary = summarize(inputs, 'self');

  test('ranked by index, highest first; equal indexes share a rank and the next skips', () => {
    expect(summary.units.map((u) => [u.rank, u.unit, u.index, u.total, u.applicableMax])).toEqual([
      [1, 'Xã An Khánh', 100, 5, 5],
      [1, 'Xã Bình Sơn', 100, 4, 4],
      [3, 'Phường Cam Giá', 80, 4, 5],
      [3, 'Xã Dân Tiến', 80, 4, 5],
      [5, 'Thị trấn Đại Từ', 68.75, 2.75, 4],
    ]);
    expect(summary.units[0]).toEqual({
      file: 'a.xlsx', unit: 'Xã An Khánh', year: 2024, rank: 1, total: 5, applicableMax: 5, index: 100, domains: { 1: 3, 2: 2 },
      duplicates: ['i.xlsx'], note: 'Đơn vị còn tệp i.xlsx; dùng a.xlsx vì a.xlsx được nêu trước i.xlsx và hai tệp đầy đủ như nhau: hãy bỏ tệp thừa khỏi danh sách.',
    });
  });

  test('averages per domain, of the total and of the index', () => {
    expect(summary.averages).toEqual({ domains: { 1: 2.35, 2: 1.6 }, total: 3.95, index: 85.75 });
  });

  test('every workbook not ranked is listed apart with its reason, in the order given', () => {
    expect(summary.excluded.map((e) => [e.file, e.unit])).toEqual([
      ['f.xlsx', 'Xã Phú Xuyên'], ['g.xlsx', 'Xã Quân Chu'], ['h.xlsx', 'Xã Hà Thượng'], ['i.xlsx', 'Xã An Khánh'], ['hong.xlsx', null],
      ['j.xlsx', 'Xã Tân Linh'],
    ]);
    const reasons = summary.excluded.map((e) => e.reason);
    expect(reasons[0]).toMatch(/^Có 1 lỗi \(ví dụ: E11 1\.1\.1 Điểm 1,5 vượt điểm tối đa 1: chấm lại/);
    expect(reasons[1]).toBe('Dùng bộ tiêu chí khác (test-set-extras), không phải test-set.');
    expect(reasons[2]).toBe('Bảng chấm điểm năm 2023, không phải năm 2024.');
    expect(reasons[3]).toBe('Cùng đơn vị với tệp a.xlsx; tổng hợp dùng a.xlsx vì a.xlsx được nêu trước i.xlsx và hai tệp đầy đủ như nhau: hãy bỏ tệp thừa khỏi danh sách.');
    expect(summary.excluded.map((e) => e.reasonId)).toEqual(['errors', 'other-set', 'other-year', 'duplicate', 'unreadable', 'not-scored']);
    expect(reasons[4]).toBe('Tệp hong.xlsx bị hỏng.');
    expect(reasons[5]).toBe('Bảng chưa có điểm tự chấm nào.');
    expect(summary.criteriaSet).toEqual({ id: 'test-set', title: 'Bộ tiêu chí thử' });
  });

  test('the same id with other maxima is another version of the set, never ranked with the rest', () => {
    const changed = smallSet();
    changed.nodes[1].children![0].children![1].max = 1;
    changed.nodes[1].children![0].children![1].levels = [0, 1];
    changed.nodes[1].children![0].max = 1.5;
    changed.nodes[1].max = 1.5;
    const mixed = summarize([inputs[0], inputs[2], commune('x.xlsx', 'Xã Lạ', FULL, { set: changed })], 'self', 'en');
    expect(mixed.excluded.map((e) => e.reason)).toEqual([expect.stringContaining('differs from the one the other communes use')]);
  });

  test('bands and "không phát sinh" notes change no score: workbooks that differ only there rank together', () => {
    const relabelled = smallSet();
    relabelled.bands = [{ min: 50, label: 'Đạt' }];
    relabelled.nodes[0].children![1].notArising = 'max';
    const mixed = summarize([inputs[0], inputs[2], commune('x.xlsx', 'Xã Lạ', FULL, { set: relabelled })], 'self', 'en');
    expect(mixed.excluded).toEqual([]);
    expect(mixed.units.length).toBe(3);
  });

  test('another scoring kind is another version of the set', () => {
    const proportional = smallSet();
    delete proportional.nodes[1].children![0].children![1].levels;
    proportional.nodes[1].children![0].children![1].scoring = { kind: 'proportional' };
    const mixed = summarize([inputs[0], inputs[2], commune('x.xlsx', 'Xã Lạ', FULL, { set: proportional })], 'self', 'en');
    expect(mixed.excluded.map((e) => e.unit)).toEqual(['Xã Lạ']);
  });

  test('by appraisal: appraisal scores rank; no column or nothing appraised is set apart', () => {
    const byAppraisal = summarize([
      commune('a.xlsx', 'Xã An Khánh', FULL, { appraisal: { ...FULL, '2.1.2': 0.5 } }), // 4 / 5 = 80
      commune('b.xlsx', 'Xã Bình Sơn', FULL, { appraisal: { ...FULL, '1.2': 'KAD' } }), // 4 / 4 = 100
      commune('c.xlsx', 'Phường Cam Giá', FULL, { appraisal: {} }),
      commune('d.xlsx', 'Xã Dân Tiến', FULL),
    ], 'appraisal');
    expect(byAppraisal.by).toBe('appraisal');
    expect(byAppraisal.units.map((u) => [u.rank, u.unit, u.index, u.applicableMax])).toEqual([[1, 'Xã Bình Sơn', 100, 4], [2, 'Xã An Khánh', 80, 5]]);
    expect(byAppraisal.excluded.map((e) => [e.unit, e.reason])).toEqual([
      ['Phường Cam Giá', 'Chưa nhập điểm thẩm định.'],
      ['Xã Dân Tiến', 'Chưa có cột Điểm thẩm định ("cchc appraisal add").'],
    ]);
  });

  test('bands and bonus / deduction appear when the set defines them', () => {
    const set = extrasSet();
    const withExtras = summarize([
      commune('a.xlsx', 'Xã An Khánh', { ...FULL, T1: 1, D1: 0.5 }, { set }), // 5.5 / 5 = 110
      commune('b.xlsx', 'Xã Bình Sơn', { ...FULL, '2.1.2': 0, D1: 0.5 }, { set }), // 3 / 5 = 60
    ], 'self');
    expect(withExtras.units.map((u) => [u.unit, u.total, u.index, u.bonus, u.deduction, u.band])).toEqual([
      ['Xã An Khánh', 5.5, 110, 1, 0.5, 'Tốt'],
      ['Xã Bình Sơn', 3, 60, 0, 0.5, 'Yếu'],
    ]);
  });

  test('nothing usable: no units, no averages, everything excluded', () => {
    const none = summarize([inputs[5], inputs[9]], 'self');
    expect([none.units, none.averages, none.criteriaSet, none.excluded.length]).toEqual([[], null, { id: 'test-set', title: 'Bộ tiêu chí thử' }, 2]);
  });
});

describe('only what is complete is ranked (issue #9, item 6)', () => {
  const partial = { '1.1.1': 1 }; // 1 of 5 leaves scored
  test.each([
    {
      title: 'appraised on 1 of 5 items: set apart, not ranked as if the blanks were zeros',
      by: 'appraisal' as const, allow: false,
      inputs: () => [commune('a.xlsx', 'Xã An Khánh', FULL, { appraisal: FULL }), commune('b.xlsx', 'Xã Bình Sơn', FULL, { appraisal: partial })],
      ranked: ['Xã An Khánh'], excluded: [['b.xlsx', 'appraisal-incomplete', 'Chưa thẩm định đủ: 4/5 mục trống.']],
    },
    {
      title: 'self-scored on 1 of 5 items: set apart too',
      by: 'self' as const, allow: false,
      inputs: () => [commune('a.xlsx', 'Xã An Khánh', FULL), commune('b.xlsx', 'Xã Bình Sơn', partial)],
      ranked: ['Xã An Khánh'], excluded: [['b.xlsx', 'self-incomplete', 'Chưa tự chấm đủ: 4/5 mục trống.']],
    },
    {
      title: 'KAD is an answer, not a blank',
      by: 'self' as const, allow: false,
      inputs: () => [commune('a.xlsx', 'Xã An Khánh', { ...FULL, '1.2': 'KAD' })],
      ranked: ['Xã An Khánh'], excluded: [],
    },
    {
      title: '--allow-incomplete ranks it, and its row says so',
      by: 'appraisal' as const, allow: true,
      inputs: () => [commune('a.xlsx', 'Xã An Khánh', FULL, { appraisal: FULL }), commune('b.xlsx', 'Xã Bình Sơn', FULL, { appraisal: partial })],
      ranked: ['Xã An Khánh', 'Xã Bình Sơn'], excluded: [],
    },
  ])('$title', ({ by, allow, inputs, ranked, excluded }) => {
    const summary = summarize(inputs(), by, 'vi', { allowIncomplete: allow });
    expect(summary.units.map((u) => u.unit)).toEqual(ranked);
    expect(summary.excluded.map((e) => [e.file, e.reasonId, e.reason.split(' Thẩm định đủ')[0].split(' Chấm đủ')[0]])).toEqual(excluded);
    if (allow) {
      const b = summary.units.filter((u) => u.unit === 'Xã Bình Sơn')[0];
      expect(b.incomplete).toEqual({ blank: 4, leaves: 5 });
      expect(b.note).toBe('Chưa thẩm định đủ (4/5 mục trống, tính 0 điểm).');
    }
  });

  test.each([
    {
      title: 'the complete one of two workbooks of a commune is used, and both are named',
      a: { self: partial, modified: '2024-12-20T08:00:00Z' }, b: { self: FULL, modified: '2024-12-01T08:00:00Z' },
      used: 'b.xlsx', why: 'b.xlsx đã chấm đủ, a.xlsx còn 4 mục trống',
    },
    {
      title: 'equally complete: the one saved later',
      a: { self: FULL, modified: '2024-12-01T08:00:00Z' }, b: { self: { ...FULL, '1.2': 0 }, modified: '2024-12-20T08:00:00Z' },
      used: 'b.xlsx', why: 'b.xlsx được lưu sau (20/12/2024; a.xlsx lưu 01/12/2024)',
    },
  ])('$title', ({ a, b, used, why }) => {
    const inputs = [
      { ...commune('a.xlsx', 'Xã An Khánh', a.self), modified: a.modified },
      { ...commune('b.xlsx', 'xã an khánh', b.self), modified: b.modified },
    ];
    const summary = summarize(inputs, 'self', 'vi', { allowIncomplete: true });
    expect(summary.units.map((u) => u.file)).toEqual([used]);
    expect(summary.units[0].note).toContain(why);
    const other = used === 'a.xlsx' ? 'b.xlsx' : 'a.xlsx';
    expect(summary.units[0].duplicates).toEqual([other]);
    expect(summary.excluded).toEqual([{ file: other, unit: expect.any(String), reasonId: 'duplicate', reason: `Cùng đơn vị với tệp ${used}; tổng hợp dùng ${used} vì ${why}.` }]);
  });
});

describe('the summary workbook plan', () => {
  const set = extrasSet();
  const summary = summarize([
    commune('a.xlsx', 'Xã An Khánh', { ...FULL, T1: 1 }, { set }),
    commune('b.xlsx', 'Xã Bình Sơn', { ...FULL, '1.2': 'KAD', D1: 1 }, { set }),
    commune('c.xlsx', 'Phường Cam Giá', { ...FULL, '2.1.2': 0 }, { set }),
    commune('d.xlsx', 'Xã Phú Xuyên', { ...FULL, '1.1.1': 3 }, { set }),
  ], 'self');
  const { plan } = summaryWorkbookPlan(summary, set);
  const chart = (plan.charts || [])[0];
  const ranking = plan.sheets[0];
  // Columns: Hạng · Đơn vị · I · II · Điểm thưởng · Điểm trừ · Tổng điểm · Điểm tối đa áp dụng · Chỉ số · Xếp loại · Tệp
  const at = (row: number, col: number) => planCell(ranking, row, col)!;
  const header = ranking.cells.filter((c) => c.col === 0 && c.value === 'Hạng')[0].row;
  const r = (n: number) => header + 1 + n; // 0-based rows under the header
  const x = (n: number) => r(n) + 1; // their 1-based row numbers in formulas

  test('the district\'s heading and title above the table, its signature under it', () => {
    const texts = planToGrids(plan).sheets[0].values.map((row) => row.filter((v) => typeof v === 'string').join(' | ')).join('\n');
    expect(texts).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(texts).toContain('BÁO CÁO');
    expect(texts).toMatch(/Số: +\/BC-UBND/);
    expect(texts).toContain('TM. ỦY BAN NHÂN DÂN');
  });

  test('xã and phường mixed: each type ranked apart, a row per commune with RANK, total, index and band formulas', () => {
    expect(ranking.name).toBe(SUMMARY_SHEETS.ranking);
    expect([0, 1, 2, 3, 4].map((n) => at(r(n), 0).formula ? at(r(n), 1).value : at(r(n), 0).value)).toEqual(['XÃ (2 đơn vị)', 'Xã An Khánh', 'Xã Bình Sơn', 'PHƯỜNG (1 đơn vị)', 'Phường Cam Giá']);
    expect(at(r(1), 0)).toMatchObject({ formula: `RANK(I${x(1)},$I$${x(1)}:$I$${x(2)})`, result: 1 });
    expect(at(r(4), 0)).toMatchObject({ formula: `RANK(I${x(4)},$I$${x(4)}:$I$${x(4)})`, result: 1 });
    expect(at(r(1), 6)).toMatchObject({ formula: `MAX(0,ROUND(SUM(C${x(1)}:D${x(1)})+E${x(1)}-F${x(1)},2))`, result: 6 });
    expect(at(r(1), 8)).toMatchObject({ formula: `IF(H${x(1)}>0,ROUND(G${x(1)}/H${x(1)}*100,2),"")`, result: 120 });
    expect(at(r(2), 7).value).toBe(4);
    expect(at(r(1), 9).formula).toContain('"Tốt"');
    expect(at(r(4), 9).result).toBe('Khá');
  });

  test('a unit ranked before it is fully scored, or on a provisional index, keeps the words its workbook shows', () => {
    // A formula from the index alone would say "Tốt" once a spreadsheet recalculates.
    const bandCells = (units: SummaryInput[], of: CriteriaSet) => {
      const sheet = summaryWorkbookPlan(summarize(units, 'self', 'vi', { allowIncomplete: true }), of).plan.sheets[0];
      const header = sheet.cells.filter((c) => c.value === 'Xếp loại')[0];
      return sheet.cells.filter((c) => c.col === header.col && c.row > header.row && (c.value || c.formula))
        .map((c) => (c.formula ? { formula: true, shown: c.result } : { formula: false, shown: c.value }));
    };
    expect(bandCells([commune('a.xlsx', 'Xã An Khánh', FULL, { set }), commune('b.xlsx', 'Xã Bình Sơn', { '1.1.1': 1, '1.1.2': 1, '1.2': 1 }, { set })], set)).toEqual([
      { formula: true, shown: 'Tốt' }, { formula: false, shown: 'Chưa chấm xong' },
    ]);
    const kinds = kindsSet();
    const waiting = fullScores(kinds);
    delete waiting['2.3']; // scored at appraisal: the self index is provisional
    expect(bandCells([commune('k.xlsx', 'Xã Đồng Thịnh', waiting, { set: kinds })], kinds)).toEqual([{ formula: false, shown: 'Tốt (tạm tính)' }]);
  });

  test('an AVERAGE row under the table', () => {
    expect(at(r(5), 1).value).toBe('Trung bình (3 đơn vị)');
    expect(at(r(5), 2)).toMatchObject({ formula: `ROUND(AVERAGE(C${x(0)}:C${x(4)}),2)`, result: summary.averages!.domains['1'] });
    expect(at(r(5), 8)).toMatchObject({ formula: `ROUND(AVERAGE(I${x(0)}:I${x(4)}),2)`, result: summary.averages!.index });
  });

  test('the excluded communes on their own sheet; the chart over the names and the indexes', () => {
    const excluded = plan.sheets[1];
    expect(excluded.name).toBe(SUMMARY_SHEETS.excluded);
    expect(planCell(excluded, 4, 1)!.value).toBe('Xã Phú Xuyên');
    expect(chart).toMatchObject({
      sheet: SUMMARY_SHEETS.ranking,
      categories: `'Xếp hạng'!$B$${x(0)}:$B$${x(4)}`,
      values: `'Xếp hạng'!$I$${x(0)}:$I$${x(4)}`,
      valueMax: 100,
      points: [{ label: 'Xã An Khánh', value: 120 }, { label: 'Xã Bình Sơn', value: 75 }, { label: 'Phường Cam Giá', value: 70 }],
    });
  });
});

describe('one commune, however its name was typed', () => {
  test('a workbook whose stored name reads "UBND xã đồng thịnh" is the same unit as "Xã Đồng Thịnh"', () => {
    const first = commune('a.xlsx', 'Xã Đồng Thịnh', FULL);
    const older = commune('b.xlsx', 'Xã Đồng Thịnh', FULL);
    // As an older version of the tool stored it, before names were understood.
    older.report.unit = 'UBND xã đồng thịnh';
    const summary = summarize([first, older, commune('c.xlsx', 'Thị trấn Đồng Thịnh', FULL)], 'self');
    expect(summary.units.map((u) => u.unit)).toEqual(['Thị trấn Đồng Thịnh', 'Xã Đồng Thịnh']);
    expect(summary.excluded).toEqual([expect.objectContaining({ file: 'b.xlsx', unit: 'UBND xã đồng thịnh', reasonId: 'duplicate' })]);
    expect(summary.excluded[0].reason).toContain('Cùng đơn vị với tệp a.xlsx');
  });
});

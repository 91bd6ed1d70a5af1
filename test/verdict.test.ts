// The one verdict on a typed score (src/core/model/verdict.ts), stated as behaviour: what a person
// typed → the verdict → what the Kiểm tra column shows → the rule the check reports → its message.
// The LibreOffice suites prove the sheet's formulas give the same verdicts (libreoffice-recalc,
// verdict-libreoffice); here every row of the table is pinned down without an engine.

import { CellValue } from '../src/core/model/grid';
import {
  Operands, ScoreSpec, VERDICT_KINDS, VerdictKind, checkText, extraScore, judge, kindRow, leafScore, sheetJudge, sumsAlike, verdictIssue, verdictText,
} from '../src/core/model/verdict';
import {
  bothCheckExpression, bothCheckText, colourExpression, scoreCheckExpression, scoreValidation, validationExpression,
} from '../src/core/model/verdict-sheet';
import { kindsSet } from './helpers/kinds';
import { defaultSet } from '../src/core/model/bundled';
import { leavesOf } from '../src/core/model/criteria';

const LEAF: ScoreSpec = leafScore({ max: 1, levels: [0, 0.5, 1] });
const FREE: ScoreSpec = leafScore({ max: 1.5 });
const BONUS: ScoreSpec = extraScore('bonus', { max: 1 });
const DEDUCTION: ScoreSpec = extraScore('deduction', { max: 2 });

// Leaves of a set that says how it scores them (test/helpers/kinds.ts), in a commune (xã) or a ward.
const KINDS = kindsSet();
const kindsLeaf = (code: string) => KINDS.nodes.flatMap((d) => d.children!).filter((n) => n.code === code)[0];
const inXa = (code: string, figure?: CellValue): ScoreSpec =>
  leafScore(kindsLeaf(code), { set: KINDS, unitType: 'xa', column: 'self', figure: figure === undefined ? undefined : { value: figure, cell: 'E10' } });
const COUNT = inXa('1.4'); // 0,25 per item, up to 1
const DEDUCT = inXa('1.5'); // 2 less 0,5 per occurrence
const MARKET_XA = inXa('2.2'); // KAD only for wards and townships
const MARKET_WARD = leafScore(kindsLeaf('2.2'), { set: KINDS, unitType: 'phuong', column: 'self' });
const UNLISTED = inXa('1.1'); // the set lists where KAD goes: not here
const SURVEY = inXa('2.3'); // scored at appraisal
const RATE_93 = inXa('1.2', 0.93); // 93% → 1,86
const BUNDLED = defaultSet();
const COMPLAINTS = leafScore(leavesOf(BUNDLED).filter((f) => f.code === '4.2.2')[0].node, { set: BUNDLED, unitType: 'xa', column: 'self' }); // full marks if none arose

interface Case {
  title: string;
  typed: CellValue;
  spec: ScoreSpec;
  verdict: VerdictKind;
  /** The Kiểm tra column, as the sheet's formula shows the value. */
  sheet: string;
  rule: string | null;
  severity?: 'error' | 'warning';
  /** Words the Vietnamese and the English message must contain. */
  vi?: string;
  en?: string;
}

const cases: Case[] = [
  { title: 'an empty cell is not scored yet', typed: null, spec: LEAF, verdict: 'empty', sheet: 'Chưa chấm', rule: 'missing-score', severity: 'warning', vi: 'Chưa chấm điểm tự chấm: nhập điểm, hoặc ghi KAD', en: 'No self score entered' },
  { title: 'spaces only are empty', typed: '   ', spec: LEAF, verdict: 'empty', sheet: 'Chưa chấm', rule: 'missing-score', severity: 'warning' },
  { title: 'an empty string is empty', typed: '', spec: LEAF, verdict: 'empty', sheet: 'Chưa chấm', rule: 'missing-score', severity: 'warning' },
  { title: 'an empty bonus is no bonus: nothing to say', typed: null, spec: BONUS, verdict: 'empty', sheet: '', rule: null },
  { title: 'KAD marks a leaf not applicable', typed: 'KAD', spec: LEAF, verdict: 'not-applicable', sheet: 'Không áp dụng', rule: null },
  { title: 'kad in lower case with spaces too', typed: ' kad ', spec: LEAF, verdict: 'not-applicable', sheet: 'Không áp dụng', rule: null },
  { title: '"không áp dụng" spelled out is not the marker', typed: 'không áp dụng', spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"không áp dụng" không phải là điểm số: nhập một số từ 0 đến 1, hoặc KAD', en: 'is not a score' },
  { title: 'KAD on a bonus item is not a number', typed: 'KAD', spec: BONUS, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: 'KAD (không áp dụng) không dùng cho điểm thưởng: để trống', en: 'not used for a bonus' },
  { title: 'a word is not a number', typed: 'đạt', spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"đạt" không phải là điểm số', en: '"đạt" is not a score' },
  { title: 'spaces around a word are not quoted', typed: '  đạt  ', spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"đạt" không phải là điểm số', en: '"đạt" is not a score' },
  { title: 'a sentence typed in a score cell is quoted cut to 40 characters, ending in …', typed: 'Đã ban hành kế hoạch đúng hạn và đầy đủ nội dung theo yêu cầu', spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"Đã ban hành kế hoạch đúng hạn và đầy đủ…" không phải là điểm số', en: '"Đã ban hành kế hoạch đúng hạn và đầy đủ…" is not a score' },
  { title: 'a sentence on a bonus row is quoted cut to 40 characters, ending in …, without the spaces before it', typed: '   Đã ban hành kế hoạch đúng hạn và đầy đủ nội dung', spec: BONUS, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"Đã ban hành kế hoạch đúng hạn và đầy đủ…" không phải là số: điểm thưởng là số từ 0 đến 1; để trống nếu không có.', en: '"Đã ban hành kế hoạch đúng hạn và đầy đủ…" is not a number: a bonus is a number from 0 to 1; leave it blank if there is none.' },
  { title: 'a word on a deduction row', typed: 'có', spec: DEDUCTION, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"có" không phải là số: điểm trừ là số từ 0 đến 2; để trống nếu không có.', en: 'a deduction is a number from 0 to 2' },
  { title: 'TRUE is not a score', typed: true, spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"TRUE" là giá trị đúng/sai', en: 'true/false value' },
  { title: 'FALSE is not a score', typed: false, spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"FALSE" là giá trị đúng/sai' },
  { title: '"0,5" left as text on a decimal-point machine', typed: '0,5', spec: LEAF, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"0,5" là chữ, không phải số: máy đang dùng dấu chấm thập phân, hãy gõ 0.5', en: 'type 0.5' },
  { title: '"1.5" left as text on a decimal-comma machine', typed: '1.5', spec: FREE, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"1.5" là chữ, không phải số: máy đang dùng dấu phẩy thập phân (định dạng Việt Nam), hãy gõ 1,5.', en: 'type 1,5' },
  { title: '1.5 typed on a Vietnamese machine became 1 May', typed: '2025-05-01T00:00:00.000Z', spec: FREE, verdict: 'date', sheet: '✗ Vượt điểm tối đa', rule: 'not-a-number', severity: 'error', vi: 'Ô chứa ngày 01/05 — có lẽ gõ 1.5 trên máy định dạng Việt Nam; hãy gõ 1,5', en: 'holds the date 01/05 — probably 1.5 typed' },
  { title: '12.10 became 12 October', typed: '2024-10-12T00:00:00Z', spec: FREE, verdict: 'date', sheet: '✗ Vượt điểm tối đa', rule: 'not-a-number', severity: 'error', vi: 'Ô chứa ngày 12/10 — có lẽ gõ 12.10', en: 'type 12,10' },
  { title: 'a time of day is a date too, to Excel', typed: '1899-12-30T12:00:00.000Z', spec: FREE, verdict: 'date', sheet: '✓', rule: 'not-a-number', severity: 'error', vi: 'Ô chứa ngày giờ (1899-12-30 12:00:00)', en: 'holds a date or time' },
  { title: 'a date with a time of day is told as date and time', typed: '2025-05-01T08:30:00.000Z', spec: FREE, verdict: 'date', sheet: '✗ Quá 2 chữ số thập phân', rule: 'not-a-number', severity: 'error', vi: 'Ô chứa ngày giờ (2025-05-01 08:30:00)', en: 'holds a date or time' },
  { title: 'a date and time without milliseconds is told as date and time', typed: '2025-05-01T08:30:00Z', spec: FREE, verdict: 'date', sheet: '✗ Quá 2 chữ số thập phân', rule: 'not-a-number', severity: 'error', vi: 'Ô chứa ngày giờ (2025-05-01 08:30:00), không phải điểm số', en: 'The cell holds a date or time (2025-05-01 08:30:00), not a score' },
  { title: 'a negative score', typed: -0.5, spec: FREE, verdict: 'negative', sheet: '✗ Điểm âm', rule: 'negative', severity: 'error', vi: 'Điểm -0,5 bị âm: nhập điểm từ 0 đến 1,5.', en: 'Score -0.5 is negative' },
  { title: 'a negative deduction: write it without the minus', typed: -1, spec: DEDUCTION, verdict: 'negative', sheet: '✗ Điểm âm', rule: 'negative', severity: 'error', vi: 'Điểm trừ -1 bị âm: ghi số điểm bị trừ, từ 0 đến 2, không ghi dấu trừ.', en: 'Deduction -1 is negative: write the points deducted, from 0 to 2, without a minus sign.' },
  { title: 'a negative bonus', typed: -1, spec: BONUS, verdict: 'negative', sheet: '✗ Điểm âm', rule: 'negative', severity: 'error', vi: 'Điểm thưởng -1 bị âm', en: 'Bonus -1 is negative' },
  { title: 'over the maximum', typed: 2, spec: FREE, verdict: 'over-max', sheet: '✗ Vượt điểm tối đa', rule: 'over-max', severity: 'error', vi: 'Điểm 2 vượt điểm tối đa 1,5: chấm lại, từ 0 đến 1,5.', en: 'Score 2 exceeds the maximum 1.5' },
  { title: 'one hundredth over the maximum', typed: 1.51, spec: FREE, verdict: 'over-max', sheet: '✗ Vượt điểm tối đa', rule: 'over-max', severity: 'error' },
  { title: 'a bonus over its cap', typed: 1.5, spec: BONUS, verdict: 'over-max', sheet: '✗ Vượt điểm tối đa', rule: 'over-max', severity: 'error', vi: 'Điểm thưởng 1,5 vượt mức tối đa 1', en: 'Bonus 1.5 exceeds the cap 1' },
  { title: 'finer than hundredths', typed: 0.125, spec: FREE, verdict: 'too-fine', sheet: '✗ Quá 2 chữ số thập phân', rule: 'not-a-level', severity: 'error', vi: 'Điểm 0,125 lẻ quá hai chữ số thập phân: điểm chấm đến 0,01, hãy gõ lại (ví dụ 0,13).', en: 'Score 0.125 has more than two decimals: scores go in hundredths; type it again (e.g. 0.13).' },
  { title: 'finer than hundredths and over the maximum: the sheet and the check say the same', typed: 1.501, spec: FREE, verdict: 'too-fine', sheet: '✗ Quá 2 chữ số thập phân', rule: 'not-a-level', severity: 'error' },
  { title: 'finer than hundredths on a bonus', typed: 0.333, spec: BONUS, verdict: 'too-fine', sheet: '✗ Quá 2 chữ số thập phân', rule: 'not-a-level', severity: 'error' },
  { title: 'not one of the levels', typed: 0.3, spec: LEAF, verdict: 'not-a-level', sheet: '✗ Không đúng mức điểm', rule: 'not-a-level', severity: 'error', vi: 'Điểm 0,3 không thuộc các mức cho phép (0; 0,5; 1): chọn một trong các mức đó.', en: 'Score 0.3 is not one of the allowed levels (0, 0.5, 1): choose one of them.' },
  { title: 'a spec whose list of levels is empty takes any hundredth', typed: 0.3, spec: { item: 'leaf', max: 1, levels: [] }, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'a level', typed: 0.5, spec: LEAF, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'the maximum itself', typed: 1.5, spec: FREE, verdict: 'valid', sheet: '✓', rule: null },
  { title: '0 is a score', typed: 0, spec: LEAF, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'any hundredth without levels', typed: 0.29, spec: FREE, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'a bonus within its cap', typed: 1, spec: BONUS, verdict: 'valid', sheet: '✓', rule: null },
  // The kinds a set may state (verdict-kinds.ts).
  { title: 'a count on its steps', typed: 0.75, spec: COUNT, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'a count off its steps', typed: 0.6, spec: COUNT, verdict: 'not-a-step', sheet: '✗ Không đúng mức điểm', rule: 'not-a-level', severity: 'error', vi: 'Điểm 0,6 không đúng cách chấm (mỗi mục 0,25 điểm, tối đa 1): chọn một trong 0; 0,25; 0,5; 0,75; 1.', en: 'choose one of 0, 0.25, 0.5, 0.75, 1' },
  { title: 'a count over its cap', typed: 1.25, spec: COUNT, verdict: 'over-max', sheet: '✗ Vượt điểm tối đa', rule: 'over-max', severity: 'error' },
  { title: 'a deduction on its steps', typed: 1.5, spec: DEDUCT, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'a deduction off its steps', typed: 1.75, spec: DEDUCT, verdict: 'not-a-step', sheet: '✗ Không đúng mức điểm', rule: 'not-a-level', severity: 'error', vi: '(từ 2 trừ 0,5 điểm mỗi lần, thấp nhất 0)' },
  { title: 'KAD where the set allows it only for wards and townships', typed: 'KAD', spec: MARKET_XA, verdict: 'kad-not-allowed', sheet: '✗ Không được ghi KAD', rule: 'kad-not-allowed', severity: 'error', vi: 'Bộ tiêu chí chỉ cho ghi KAD ở mục này với phường, thị trấn, không với xã. Hãy chấm điểm từ 0 đến 1.', en: 'only for a ward (phường), township (thị trấn), not for a commune (xã)' },
  { title: 'the same KAD in a ward', typed: 'KAD', spec: MARKET_WARD, verdict: 'not-applicable', sheet: 'Không áp dụng', rule: null },
  { title: 'an empty cell where KAD is allowed offers KAD', typed: null, spec: MARKET_WARD, verdict: 'empty', sheet: 'Chưa chấm', rule: 'missing-score', severity: 'warning', vi: 'Chưa chấm điểm tự chấm: nhập điểm, hoặc ghi KAD nếu tiêu chí không áp dụng.', en: 'No self score entered: enter a score, or write KAD if the criterion does not apply.' },
  { title: 'KAD where the set lists no KAD', typed: ' kad', spec: UNLISTED, verdict: 'kad-not-allowed', sheet: '✗ Không được ghi KAD', rule: 'kad-not-allowed', severity: 'error', vi: 'Bộ tiêu chí không cho ghi KAD (không áp dụng) ở mục này.' },
  { title: 'a word where KAD is not allowed does not offer KAD', typed: 'có', spec: UNLISTED, verdict: 'not-a-number', sheet: '✗ Không phải số', rule: 'not-a-number', severity: 'error', vi: '"có" không phải là điểm số: nhập một số từ 0 đến 1.', en: '"có" is not a score: enter a number from 0 to 1.' },
  { title: 'an empty cell where KAD is not allowed does not offer KAD', typed: null, spec: UNLISTED, verdict: 'empty', sheet: 'Chưa chấm', rule: 'missing-score', severity: 'warning', vi: 'Chưa chấm điểm tự chấm: nhập điểm (mục này không được ghi KAD).' },
  { title: 'KAD where nothing arising gives full marks: a warning saying which to use', typed: 'KAD', spec: COMPLAINTS, verdict: 'kad-full-marks', sheet: '⚠ Không phát sinh thì chấm 2, không ghi KAD', rule: 'kad-full-marks', severity: 'warning', vi: 'nếu không phát sinh, chấm 2 điểm thay vì KAD', en: 'score 2 instead of KAD' },
  { title: 'full marks typed where nothing arising gives full marks', typed: 2, spec: COMPLAINTS, verdict: 'valid', sheet: '✓', rule: null },
  { title: 'the self cell of an item scored at appraisal', typed: 'Thẩm định chấm', spec: SURVEY, verdict: 'appraisal-only', sheet: 'Do thẩm định chấm', rule: null },
  { title: 'a score that follows the figure: 93% × 2', typed: 1.86, spec: RATE_93, verdict: 'valid', sheet: '✓ (tính được 1,86)', rule: null },
  { title: 'a score the figure does not give', typed: 2, spec: RATE_93, verdict: 'figure-differs', sheet: '✗ Khác điểm theo tỷ lệ/số lượng (tính được 1,86)', rule: 'figure-differs', severity: 'error', vi: 'Điểm 2 khác điểm tính từ tỷ lệ / số lượng đã nhập: 93% → 1,86 (theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01). Chấm 1,86, hoặc sửa ở cột Tỷ lệ / số lượng.', en: '93% → 1.86' },
  { title: '2,01 on a 2-point proportional item', typed: 2.01, spec: RATE_93, verdict: 'over-max', sheet: '✗ Vượt điểm tối đa (tính được 1,86)', rule: 'over-max', severity: 'error' },
  { title: 'not scored yet, with the figure entered', typed: null, spec: RATE_93, verdict: 'empty', sheet: 'Chưa chấm (tính được 1,86)', rule: 'missing-score', severity: 'warning' },
];

describe('typed value → verdict → Kiểm tra → rule → message', () => {
  test.each(cases)('$title', ({ typed, spec, verdict, sheet, rule, severity, vi, en }) => {
    const j = judge(typed, spec);
    expect(j.kind).toBe(verdict);
    expect(checkText(typed, spec)).toBe(sheet);
    const issue = verdictIssue(j, 'self');
    expect(issue ? issue.rule : null).toBe(rule);
    if (issue) expect(issue.severity).toBe(severity);
    if (vi) expect(issue!.message.vi).toContain(vi);
    if (en) expect(issue!.message.en).toContain(en);
  });

  test('the sheet can tell every verdict but a date: its kind has an Excel condition wherever it holds', () => {
    for (const c of cases) {
      const j = judge(c.typed, c.spec);
      const o: Operands = { cell: 'E11', max: String(c.spec.max), levels: c.spec.levels || null };
      expect([c.title, kindRow(j.kind).condition(o, c.spec) === null]).toEqual([c.title, j.kind === 'date']);
    }
  });

  test('every kind of the table is met by some case', () => {
    expect(VERDICT_KINDS.map((k) => k.kind).filter((k) => !cases.some((c) => c.verdict === k))).toEqual([]);
  });

  test('the appraisal column is named in its own message', () => {
    expect(verdictIssue(judge(null, LEAF), 'appraisal')!.message).toEqual({
      vi: 'Chưa chấm điểm thẩm định: nhập điểm, hoặc ghi KAD nếu tiêu chí không áp dụng.',
      en: 'No appraisal entered: enter a score, or write KAD if the criterion does not apply.',
    });
  });
});

describe('the sheet sees what Excel stores', () => {
  test.each([
    { title: 'a date is its serial number: over any maximum', typed: '2025-05-01T00:00:00.000Z', spec: FREE, expected: 'over-max' },
    { title: 'noon on day 0 is 0.5: a valid number to the sheet', typed: '1899-12-30T12:00:00.000Z', spec: FREE, expected: 'valid' },
    { title: 'other values are judged alike', typed: 0.3, spec: LEAF, expected: 'not-a-level' },
  ])('$title', ({ typed, spec, expected }) => {
    expect(sheetJudge(typed, spec).kind).toBe(expected);
  });
});

describe('the formulas are written from the same table', () => {
  test('the Kiểm tra expression tries the kinds in the table\'s order, with the set\'s maximum and levels', () => {
    expect(scoreCheckExpression('E11', LEAF)).toBe(
      'IF(TRIM(E11&"")="","Chưa chấm",IF(UPPER(TRIM(E11&""))="KAD","Không áp dụng",IF(NOT(ISNUMBER(E11)),"✗ Không phải số",' +
      'IF(E11<0,"✗ Điểm âm",IF(ROUND(E11,2)<>E11,"✗ Quá 2 chữ số thập phân",IF(E11>1,"✗ Vượt điểm tối đa",' +
      'IF(ISNA(MATCH(ROUND(E11,2),{0,0.5,1},0)),"✗ Không đúng mức điểm","✓")))))))');
  });

  test('the self cell of an item scored at appraisal takes anything and shows that the appraisal scores it', () => {
    expect(scoreCheckExpression('E20', SURVEY)).toBe('"Do thẩm định chấm"');
    expect(validationExpression('E20', SURVEY)).toBe('TRUE');
    expect(colourExpression('E20', '$C20', SURVEY)).toBe('FALSE');
  });

  test('a bonus cell has no KAD and an empty Kiểm tra when empty', () => {
    expect(scoreCheckExpression('E30', BONUS)).toBe(
      'IF(TRIM(E30&"")="","",IF(NOT(ISNUMBER(E30)),"✗ Không phải số",IF(E30<0,"✗ Điểm âm",' +
      'IF(ROUND(E30,2)<>E30,"✗ Quá 2 chữ số thập phân",IF(E30>1,"✗ Vượt điểm tối đa","✓")))))');
  });

  test('validation refuses what the table refuses and lets levels through to be flagged', () => {
    expect(validationExpression('E11', LEAF)).toBe(
      'IF(TRIM(E11&"")="",TRUE,IF(UPPER(TRIM(E11&""))="KAD",TRUE,IF(NOT(ISNUMBER(E11)),FALSE,IF(E11<0,FALSE,IF(ROUND(E11,2)<>E11,FALSE,IF(E11>1,FALSE,TRUE))))))');
    expect(validationExpression('E30', BONUS)).toBe('IF(TRIM(E30&"")="",TRUE,IF(NOT(ISNUMBER(E30)),FALSE,IF(E30<0,FALSE,IF(ROUND(E30,2)<>E30,FALSE,IF(E30>1,FALSE,TRUE)))))');
  });

  test('validation refuses KAD where the set does not allow it, and counts or deductions off their steps', () => {
    expect(validationExpression('E12', COUNT)).toBe('IF(TRIM(E12&"")="",TRUE,IF(NOT(ISNUMBER(E12)),FALSE,IF(E12<0,FALSE,IF(ROUND(E12,2)<>E12,FALSE,'
      + 'IF(E12>1,FALSE,IF(AND(MOD(ROUND(E12*100,0),25)<>0,ROUND(E12*100,0)<>100),FALSE,TRUE))))))');
    expect(validationExpression('E13', DEDUCT)).toContain('IF(AND(MOD(200-ROUND(E13*100,0),50)<>0,ROUND(E13*100,0)<>0),FALSE,TRUE)');
    expect(validationExpression('E16', MARKET_WARD)).toContain('IF(UPPER(TRIM(E16&""))="KAD",TRUE');
    expect(validationExpression('E16', MARKET_XA)).not.toContain('KAD');
    // The prompt does not offer KAD where it is refused, and lists the steps.
    expect(scoreValidation('E12', COUNT, 'Điểm tự chấm').prompt!.text).toBe('Nhập điểm từ 0 đến 1. Mức điểm: 0; 0,25; 0,5; 0,75; 1.');
    expect(scoreValidation('E16', MARKET_WARD, 'Điểm tự chấm').prompt!.text).toBe('Nhập điểm từ 0 đến 1. Mức điểm: 0; 1. Ghi KAD nếu không áp dụng.');
    expect(scoreValidation('E10', RATE_93, 'Điểm tự chấm').error!.text).toBe('Điểm phải là số từ 0 đến 2 (điểm tối đa của tiêu chí này), lẻ nhiều nhất 2 chữ số thập phân. Cách chấm: theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01.');
  });

  test('every kind\'s validation formula fits Excel\'s 255 characters on row 99999', () => {
    for (const spec of [COUNT, DEDUCT, MARKET_XA, MARKET_WARD, UNLISTED, RATE_93, COMPLAINTS]) {
      expect(validationExpression('AB99999', spec).length).toBeLessThanOrEqual(255);
    }
  });

  test('every validation formula fits Excel\'s 255 characters, even on row 99999 with many levels', () => {
    const many = leafScore({ max: 10, levels: [0, 0.25, 0.5, 0.75, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
    expect(validationExpression('AB99999', many).length).toBeLessThanOrEqual(255);
  });

  test('the colour of a wrong score reads each row\'s maximum and flags only what a subtotal cannot trip', () => {
    const expected = 'IF(TRIM(E9&"")="",FALSE,IF(UPPER(TRIM(E9&""))="KAD",FALSE,IF(NOT(ISNUMBER(E9)),TRUE,IF(E9<0,TRUE,IF(ROUND(E9,2)<>E9,FALSE,IF(E9>$C9,TRUE,FALSE))))))';
    expect(colourExpression('E9', '$C9', leafScore({ max: 0 }))).toBe(expected);
    // One rule over the whole column: a leaf's levels are not in it.
    expect(colourExpression('E9', '$C9', LEAF)).toBe(expected);
  });

  test('with an appraisal: the self verdict alone until the appraisal is entered, then both', () => {
    expect(bothCheckExpression('F11', 'S', 'A')).toBe('IF(TRIM(F11&"")="",S,"Tự chấm: "&S&" | Thẩm định: "&A)');
    expect(bothCheckText(0.5, null, LEAF)).toBe('✓');
    expect(bothCheckText(0.5, ' ', LEAF)).toBe('✓');
    expect(bothCheckText(0.5, 2, LEAF)).toBe('Tự chấm: ✓ | Thẩm định: ✗ Vượt điểm tối đa');
  });

  test('the validation\'s prompt and error name the maximum and the levels', () => {
    const v = scoreValidation('E11', LEAF, 'Điểm tự chấm');
    expect(v).toMatchObject({ range: 'E11', type: 'custom', allowBlank: true, prompt: { title: 'Điểm tự chấm', text: 'Nhập điểm từ 0 đến 1. Mức điểm: 0; 0,5; 1. Ghi KAD nếu không áp dụng.' } });
    expect(v.error!.text).toContain('từ 0 đến 1 (điểm tối đa của tiêu chí này)');
    const b = scoreValidation('E30', DEDUCTION, 'Điểm tự chấm');
    expect(b.prompt!.text).toBe('Điểm trừ: nhập số từ 0 đến 2; để trống nếu không có.');
    expect(b.error!.title).toBe('Điểm trừ không hợp lệ');
  });

  test('the sheet\'s SUM means what the core\'s sum means except for dates and values finer than hundredths', () => {
    const unlike = cases.filter((c) => !sumsAlike(judge(c.typed, c.spec))).map((c) => c.verdict);
    expect(Array.from(new Set(unlike)).sort()).toEqual(['date', 'too-fine']);
  });

  test('each verdict has its Kiểm tra text, errors marked ✗', () => {
    for (const row of VERDICT_KINDS) {
      const t = verdictText(row.kind, LEAF);
      expect(t.startsWith('✗')).toBe(row.rule(LEAF) !== null && row.rule(LEAF)!.severity === 'error');
    }
  });
});

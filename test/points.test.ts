// Exact points (src/core/model/points.ts), stated as behaviour: what a cell or a criteria table holds →
// what the core makes of it. Every sum in hundredths; every parser anchored, so "x0,5y" is no "0,5".

import {
  NOT_APPLICABLE_MARK, formatPoints, fromHundredths, indexPercent, isHundredthStep, isNotApplicableText, parsePointsText,
  parseScoreCell, pointsEqual, roundPoints, subtractPoints, sumPoints, toHundredths,
} from '../src/core/model/points';

describe('what a score cell holds', () => {
  test.each([
    { title: 'nothing', input: null, expected: { kind: 'blank' } },
    { title: 'undefined', input: undefined, expected: { kind: 'blank' } },
    { title: 'an empty string', input: '', expected: { kind: 'blank' } },
    { title: 'spaces and a tab', input: ' \t ', expected: { kind: 'blank' } },
    { title: 'a number', input: 0.75, expected: { kind: 'number', value: 0.75 } },
    { title: 'zero', input: 0, expected: { kind: 'number', value: 0 } },
    { title: 'a negative number', input: -1, expected: { kind: 'number', value: -1 } },
    { title: 'infinity is not a number to score', input: Infinity, expected: { kind: 'text', text: 'Infinity' } },
    { title: 'NaN is not a number to score', input: NaN, expected: { kind: 'text', text: 'NaN' } },
    { title: 'TRUE', input: true, expected: { kind: 'boolean', text: 'TRUE' } },
    { title: 'FALSE', input: false, expected: { kind: 'boolean', text: 'FALSE' } },
    { title: 'KAD', input: 'KAD', expected: { kind: 'not-applicable' } },
    { title: 'kad with spaces', input: '  kad ', expected: { kind: 'not-applicable' } },
    { title: 'KAD. is not the marker', input: 'KAD.', expected: { kind: 'text', text: 'KAD.' } },
    { title: '"0,5" left as text', input: '0,5', expected: { kind: 'decimal-comma', text: '0,5', value: 0.5 } },
    { title: '" -1,25 " left as text', input: ' -1,25 ', expected: { kind: 'decimal-comma', text: '-1,25', value: -1.25 } },
    { title: '"1,2,3" is not a decimal comma', input: '1,2,3', expected: { kind: 'text', text: '1,2,3' } },
    { title: '"x0,5" is not a decimal comma', input: 'x0,5', expected: { kind: 'text', text: 'x0,5' } },
    { title: '"0,5x" is not a decimal comma', input: '0,5x', expected: { kind: 'text', text: '0,5x' } },
    { title: '",5" is not a decimal comma', input: ',5', expected: { kind: 'text', text: ',5' } },
    { title: '"12,75" left as text', input: '12,75', expected: { kind: 'decimal-comma', text: '12,75', value: 12.75 } },
    { title: '"10.25" left as text', input: '10.25', expected: { kind: 'decimal-point', text: '10.25', value: 10.25 } },
    { title: '"1.25" left as text', input: '1.25', expected: { kind: 'decimal-point', text: '1.25', value: 1.25 } },
    { title: '"1.2.3" is not a decimal point', input: '1.2.3', expected: { kind: 'text', text: '1.2.3' } },
    { title: '"v1.5" is not a decimal point', input: 'v1.5', expected: { kind: 'text', text: 'v1.5' } },
    { title: '"1.5đ" is not a decimal point', input: '1.5đ', expected: { kind: 'text', text: '1.5đ' } },
    { title: 'a date handed over as ISO text', input: '2025-05-01T00:00:00.000Z', expected: { kind: 'date', text: '2025-05-01T00:00:00.000Z', day: 1, month: 5 } },
    { title: 'a date without milliseconds', input: '2024-12-31T00:00:00Z', expected: { kind: 'date', text: '2024-12-31T00:00:00Z', day: 31, month: 12 } },
    { title: 'a date typed as text is text', input: '01/05/2025', expected: { kind: 'text', text: '01/05/2025' } },
    { title: 'an ISO date with text around it is text', input: 'ngày 2025-05-01T00:00:00Z', expected: { kind: 'text', text: 'ngày 2025-05-01T00:00:00Z' } },
    { title: 'a word', input: 'đạt', expected: { kind: 'text', text: 'đạt' } },
  ])('$title', ({ input, expected }) => {
    expect(parseScoreCell(input)).toEqual(expected);
  });

  test('the marker is KAD, as the sheet\'s formulas read it', () => {
    expect(NOT_APPLICABLE_MARK).toBe('KAD');
    expect([isNotApplicableText(' Kad'), isNotApplicableText('KAD x'), isNotApplicableText('không áp dụng')]).toEqual([true, false, false]);
  });
});

describe('points written in criteria tables', () => {
  test.each([
    { title: 'a number', input: 3, expected: 3 },
    { title: 'infinity', input: Infinity, expected: null },
    { title: '"2,5"', input: '2,5', expected: 2.5 },
    { title: '"2.5"', input: '2.5', expected: 2.5 },
    { title: '"2,5 điểm"', input: '2,5 điểm', expected: 2.5 },
    { title: '"12,5"', input: '12,5', expected: 12.5 },
    { title: '"2,25"', input: '2,25', expected: 2.25 },
    { title: '"10 điểm"', input: '10 điểm', expected: 10 },
    { title: '"2,5 điểm" typed in decomposed Unicode', input: '2,5 điểm'.normalize('NFD'), expected: 2.5 },
    { title: '"1 điểm"', input: '1 điểm', expected: 1 },
    { title: '"1đ"', input: '1đ', expected: 1 },
    { title: '"1 đ."', input: '1 đ.', expected: 1 },
    { title: '"3 diem" without diacritics', input: '3 diem', expected: 3 },
    { title: '"  4 ĐIỂM  "', input: '  4 ĐIỂM  ', expected: 4 },
    { title: '"điểm 1" (the unit first) is not points', input: 'điểm 1', expected: null },
    { title: '"1 điểm thưởng" is not points', input: '1 điểm thưởng', expected: null },
    { title: '"tối đa 2 điểm" is not points', input: 'tối đa 2 điểm', expected: null },
    { title: '"1-2 điểm" is not points', input: '1-2 điểm', expected: null },
    { title: '"-1" is not points', input: '-1', expected: null },
    { title: 'an empty string', input: '', expected: null },
    { title: 'a boolean', input: true, expected: null },
    { title: 'nothing', input: null, expected: null },
  ])('$title', ({ input, expected }) => {
    expect(parsePointsText(input)).toBe(expected);
  });
});

describe('exact arithmetic in hundredths', () => {
  test.each([
    { title: '0.1 + 0.2 is 0.3', input: [0.1, 0.2], expected: 0.3 },
    { title: 'blanks and non-numbers are left out, as SUM does', input: [1, null, undefined, NaN, Infinity, 0.25], expected: 1.25 },
    { title: 'text is left out, as SUM does', input: ['5', 1] as unknown as number[], expected: 1 },
    { title: 'nothing sums to 0', input: [], expected: 0 },
    { title: 'negatives count', input: [1, -0.25], expected: 0.75 },
    { title: 'each entry counts in hundredths (0.334 counts 0.33)', input: [0.333, 0.333, 0.334], expected: 0.99 },
  ])('$title', ({ input, expected }) => {
    expect(sumPoints(input)).toBe(expected);
  });

  test.each([
    { title: 'exact index', achieved: 78.75, max: 100, expected: 78.75 },
    { title: 'points over the applicable maximum', achieved: 2.25, max: 4, expected: 56.25 },
    { title: 'rounded to hundredths', achieved: 1, max: 3, expected: 33.33 },
    { title: 'a half rounds up', achieved: 0.01, max: 8, expected: 0.13 },
    { title: 'a negative half rounds away from zero, as ROUND does', achieved: -0.01, max: 8, expected: -0.13 },
    { title: 'over 100 with a bonus', achieved: 5.5, max: 5, expected: 110 },
    { title: 'zero achieved', achieved: 0, max: 5, expected: 0 },
    { title: 'a negative zero is 0', achieved: -0.00001, max: 5, expected: 0 },
    { title: 'everything not applicable: no index', achieved: 0, max: 0, expected: null },
    { title: 'a negative applicable maximum: no index', achieved: 1, max: -1, expected: null },
  ])('index: $title', ({ achieved, max, expected }) => {
    expect(indexPercent(achieved, max)).toBe(expected);
  });

  test.each([
    { title: 'toHundredths rounds halves up', check: () => toHundredths(0.125), expected: 13 },
    { title: 'fromHundredths', check: () => fromHundredths(125), expected: 1.25 },
    { title: 'roundPoints', check: () => roundPoints(1.004), expected: 1 },
    { title: 'subtractPoints', check: () => subtractPoints(0.3, 0.1), expected: 0.2 },
    { title: 'pointsEqual across float noise', check: () => pointsEqual(0.1 + 0.2, 0.3), expected: true },
    { title: 'pointsEqual tells hundredths apart', check: () => pointsEqual(0.29, 0.3), expected: false },
    { title: 'a hundredth step', check: () => isHundredthStep(0.29), expected: true },
    { title: 'not a hundredth step', check: () => isHundredthStep(0.125), expected: false },
    { title: 'infinity is no step', check: () => isHundredthStep(Infinity), expected: false },
  ])('$title', ({ check, expected }) => {
    expect(check()).toBe(expected);
  });

  test.each([
    { title: 'Vietnamese uses the decimal comma', input: 1.5, lang: 'vi' as const, expected: '1,5' },
    { title: 'English the point', input: 1.5, lang: 'en' as const, expected: '1.5' },
    { title: 'rounded to hundredths', input: 0.125, lang: 'vi' as const, expected: '0,13' },
    { title: 'whole numbers stay whole', input: 10, lang: 'vi' as const, expected: '10' },
    { title: 'nothing is empty', input: null, lang: 'vi' as const, expected: '' },
    { title: 'undefined is empty', input: undefined, lang: 'vi' as const, expected: '' },
    { title: 'a negative score', input: -0.25, lang: 'vi' as const, expected: '-0,25' },
    { title: 'NaN is empty', input: NaN, lang: 'en' as const, expected: '' },
  ])('formatPoints: $title', ({ input, lang, expected }) => {
    expect(formatPoints(input, lang)).toBe(expected);
  });

  test('formatPoints writes Vietnamese by default', () => {
    expect(formatPoints(0.5)).toBe('0,5');
  });
});

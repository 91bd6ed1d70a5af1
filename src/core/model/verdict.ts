// The verdict on a value typed into a score cell, as the sheet's Kiểm tra column and data validation
// state it.

import { ValidationPlan } from './plan';
import { NOT_APPLICABLE_MARK, formatPoints, isHundredthStep, parseScoreCell, pointsEqual, toHundredths } from './points';
import { CellValue } from './grid';

export function numberList(values: number[]): string {
  return values.map((v) => String(v)).join(',');
}

/** Messages of the Kiểm tra column; errors start with ✗ so formats and readers can tell them apart. */
export const CHECK_TEXT = {
  ok: '✓',
  blank: 'Chưa chấm',
  notApplicable: 'Không áp dụng',
  notNumber: '✗ Không phải số',
  negative: '✗ Điểm âm',
  overMax: '✗ Vượt điểm tối đa',
  notLevel: '✗ Không đúng mức điểm',
  tooFine: '✗ Quá 2 chữ số thập phân',
} as const;

/**
 * The Kiểm tra expression for one score cell. The maximum is the set's (a literal), so an edited
 * Điểm tối đa cell cannot loosen the check.
 */
export function scoreCheckExpression(cell: string, max: number, levels: number[] | undefined): string {
  const t = CHECK_TEXT;
  const levelTest = levels && levels.length
    ? `IF(ISNA(MATCH(ROUND(${cell},2),{${numberList(levels)}},0)),"${t.notLevel}","${t.ok}")`
    : `"${t.ok}"`;
  return `IF(TRIM(${cell}&"")="","${t.blank}",IF(UPPER(TRIM(${cell}&""))="${NOT_APPLICABLE_MARK}","${t.notApplicable}",` +
    `IF(NOT(ISNUMBER(${cell})),"${t.notNumber}",IF(${cell}<0,"${t.negative}",IF(ROUND(${cell},2)<>${cell},"${t.tooFine}",` +
    `IF(${cell}>${max},"${t.overMax}",${levelTest}))))))`;
}

/** The data validation of one leaf score cell: a number from 0 to the maximum, or KAD. */
export function scoreValidation(cell: string, max: number, levels: number[] | undefined, columnLabel: string): ValidationPlan {
  const levelText = levels && levels.length ? ` Mức điểm: ${levels.map((l) => formatPoints(l)).join('; ')}.` : '';
  return {
    range: cell,
    type: 'custom',
    // IF, not OR/AND: on a text ROUND gives #VALUE!, which OR and AND pass on, and a rule that errors
    // refuses the entry — KAD could not be typed at all.
    formula: `IF(ISNUMBER(${cell}),AND(${cell}>=0,${cell}<=${max},ROUND(${cell},2)=${cell}),UPPER(TRIM(${cell}&""))="${NOT_APPLICABLE_MARK}")`,
    allowBlank: true,
    prompt: {
      title: columnLabel,
      text: `Nhập điểm từ 0 đến ${formatPoints(max)}.${levelText} Ghi ${NOT_APPLICABLE_MARK} nếu không áp dụng.`.slice(0, 255),
    },
    error: {
      title: 'Điểm không hợp lệ',
      text: `Điểm phải là số từ 0 đến ${formatPoints(max)} (điểm tối đa của tiêu chí này), lẻ nhiều nhất 2 chữ số thập phân, hoặc ${NOT_APPLICABLE_MARK} nếu không áp dụng.`.slice(0, 255),
    },
  };
}

export function isBlankValue(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** What the Kiểm tra formula shows for a value: the cached result until the spreadsheet recalculates. */
export function checkText(v: CellValue | undefined, max: number, levels: number[] | undefined): string {
  const p = parseScoreCell(v === undefined ? null : v);
  if (p.kind === 'blank') return CHECK_TEXT.blank;
  if (p.kind === 'not-applicable') return CHECK_TEXT.notApplicable;
  if (p.kind !== 'number') return CHECK_TEXT.notNumber;
  if (p.value < 0) return CHECK_TEXT.negative;
  if (!isHundredthStep(p.value)) return CHECK_TEXT.tooFine;
  if (toHundredths(p.value) > toHundredths(max)) return CHECK_TEXT.overMax;
  if (levels && levels.length && !levels.some((l) => pointsEqual(l, p.value))) return CHECK_TEXT.notLevel;
  return CHECK_TEXT.ok;
}

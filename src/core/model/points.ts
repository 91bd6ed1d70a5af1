// Exact point arithmetic. Points come in steps such as 0.25 or 0.5; every sum is done in integer
// hundredths so 0.1 + 0.2 is 0.3, never 0.30000000000000004.

export function toHundredths(points: number): number {
  return Math.round(points * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** Rounds a number of points to hundredths (the precision every score and maximum carries). */
export function roundPoints(points: number): number {
  return fromHundredths(toHundredths(points));
}

export function sumPoints(values: ReadonlyArray<number | null | undefined>): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number' && isFinite(v)) total += toHundredths(v);
  return fromHundredths(total);
}

export function subtractPoints(a: number, b: number): number {
  return fromHundredths(toHundredths(a) - toHundredths(b));
}

export function pointsEqual(a: number, b: number): boolean {
  return toHundredths(a) === toHundredths(b);
}

/** True when the number is a whole number of hundredths (the finest step a score may take). */
export function isHundredthStep(points: number): boolean {
  return isFinite(points) && Math.abs(points * 100 - Math.round(points * 100)) < 1e-6;
}

/** Index (%) = achieved / applicable maximum × 100, rounded to hundredths; null when nothing applies. */
export function indexPercent(achieved: number, applicableMax: number): number | null {
  if (!(applicableMax > 0)) return null;
  const scaled = (toHundredths(achieved) * 10000) / toHundredths(applicableMax);
  // As the workbook's ROUND does: halves away from zero (Math.round takes -12.5 to -12, ROUND to -13).
  const rounded = Math.round(Math.abs(scaled)) / 100;
  return scaled < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Formats points for people: Vietnamese uses the decimal comma ("1,5"), English the point. */
export function formatPoints(points: number | null | undefined, lang: 'vi' | 'en' = 'vi'): string {
  if (typeof points !== 'number' || !isFinite(points)) return '';
  const text = String(roundPoints(points));
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export type ParsedScore =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'not-applicable' }
  /** Text that a machine with the decimal point left as text because of a decimal comma ("0,5"). */
  | { kind: 'decimal-comma'; text: string; value: number }
  /** Text that a machine with the decimal comma left as text because of a decimal point ("1.25"). */
  | { kind: 'decimal-point'; text: string; value: number }
  /**
   * A date: the cell holds a number with a date format, which both readers hand over as ISO text. A
   * Vietnamese-format Excel turns a typed "1.5" into 1 May; day and month say what was typed.
   */
  | { kind: 'date'; text: string; day: number; month: number }
  /** TRUE or FALSE. */
  | { kind: 'boolean'; text: string }
  | { kind: 'text'; text: string };

/** The marker typed into a score cell for a leaf that does not apply to this unit. */
export const NOT_APPLICABLE_MARK = 'KAD';

/**
 * KAD in any case, with spaces around it: exactly what the sheet's own formulas (Kiểm tra, the
 * applicable maximum, validation) recognise, so the workbook and the checks never disagree. Other
 * spellings ("không áp dụng", "n/a") are reported as not a number, with the hint to write KAD.
 */
export function isNotApplicableText(text: string): boolean {
  return text.trim().toUpperCase() === NOT_APPLICABLE_MARK;
}

/** A date as the readers hand it over: ISO text of the cell's serial number ("2025-05-01T00:00:00.000Z"). */
const ISO_DATE = /^\d{4}-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * Interprets whatever a score cell holds. Numbers pass; blanks and whitespace are blank; the
 * không áp dụng marker is recognised; "0,5" and "1.25" left as text and dates are told apart from
 * other text, so the messages can say what was meant (Excel does not add text, nor should a date be
 * a score).
 */
export function parseScoreCell(value: unknown): ParsedScore {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') {
    return isFinite(value) ? { kind: 'number', value } : { kind: 'text', text: String(value) };
  }
  if (typeof value === 'boolean') return { kind: 'boolean', text: value ? 'TRUE' : 'FALSE' };
  const text = String(value);
  if (text.trim() === '') return { kind: 'blank' };
  if (isNotApplicableText(text)) return { kind: 'not-applicable' };
  const t = text.trim();
  if (/^-?\d+,\d+$/.test(t)) return { kind: 'decimal-comma', text: t, value: Number(t.replace(',', '.')) };
  if (/^-?\d+\.\d+$/.test(t)) return { kind: 'decimal-point', text: t, value: Number(t) };
  const date = ISO_DATE.exec(t);
  if (date) return { kind: 'date', text: t, day: Number(date[2]), month: Number(date[1]) };
  return { kind: 'text', text };
}

/** Parses points written by people in criteria tables: "2,5", "2,5 điểm", "2.5", 3. */
export function parsePointsText(value: unknown): number | null {
  if (typeof value === 'number') return isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  // The unit and the spaces before it go together: "2,5 điểm" is "2,5".
  const t = value.normalize('NFC').trim().toLowerCase().replace(/\s*(điểm|đ|diem)\.?$/, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

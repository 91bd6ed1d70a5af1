// What goes into one cell through `range.formulas`, the language-neutral property: a formula in
// English with "," separators whatever the machine's regional format, a number as a number, and text
// that Excel would read as something else (a number, a date, a formula) behind an apostrophe.

import { CellPlan } from '../../core/model/plan';

const MONTH_OR_TIME_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|am|pm)$/i;

const ERROR_LITERAL = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/**
 * True when Excel would read this text as something else if it were typed, under any regional
 * format: a formula (= + - @), a number, date, time or percentage ("1.1", "1,5", "01/2024", "50%",
 * "Jan 5"), a boolean or an error value. Such text is written with a leading apostrophe, which Excel
 * keeps as "this is text" and does not show. Text with a real word in it ("Năm 2024", "125/KH-UBND")
 * is never reinterpreted.
 */
export function needsTextPrefix(text: string): boolean {
  if (/^[=+\-@']/.test(text)) return true;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed) || ERROR_LITERAL.test(trimmed)) return true;
  if (!/\d/.test(trimmed)) return false;
  const words = trimmed.match(/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]{2,}/g) || [];
  return words.every((w) => MONTH_OR_TIME_WORD.test(w));
}

/** The entry for one cell of a `range.formulas` block; `empty` is what an absent value becomes. */
export function formulaInput(cell: CellPlan, empty: null | ''): string | number | null {
  if (cell.formula !== undefined) return '=' + cell.formula;
  return constantInput(cell.value === undefined ? null : cell.value, empty);
}

/** A constant as `range.formulas` must get it to keep it as it is. */
export function constantInput(value: string | number | boolean | null, empty: null | ''): string | number | null {
  if (value === null) return empty;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return needsTextPrefix(value) ? "'" + value : value;
}

/** The cell's text is its value, or the link itself when it has none (as the .xlsx writer does). */
export function hyperlinkOf(cell: CellPlan): Excel.RangeHyperlink {
  const text = cell.value === undefined || cell.value === null ? cell.hyperlink! : String(cell.value);
  return { address: cell.hyperlink, textToDisplay: text };
}

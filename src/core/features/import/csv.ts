// CSV text → plain grid, for criteria tables saved from Excel as CSV. Pure: the caller decodes the
// bytes (UTF-8, or UTF-16 for Excel's "Unicode text") and hands over a string.

import { CellValue, SheetGrid } from '../../model/grid';

export const CSV_SEPARATORS = [',', ';', '\t'];

/** Records looked at when guessing the separator. */
const SAMPLE_RECORDS = 50;

/**
 * Splits CSV text into records of fields. Quoted fields may hold separators, doubled quotes and line
 * breaks; records end at CRLF, LF or a lone CR. Lenient where Excel is: a quote inside an unquoted
 * field is kept as a character, and an unterminated quote runs to the end of the text.
 */
export function splitCsvRecords(text: string, separator: string, maxRecords: number = Infinity): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let fieldStarted = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    records.push(fields);
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < text.length && records.length < maxRecords) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += ch;
      fieldStarted = true;
    }
    i++;
  }
  // The last record has no line break after it; a final line break does not start an empty record.
  if ((fieldStarted || fields.length > 0 || field !== '') && records.length < maxRecords) endRecord();
  return records;
}

/**
 * Guesses the separator: the candidate that splits the sample into the most consistent number of
 * fields (Excel pads every row to the same width), preferring more fields on a tie. Decimal commas
 * in a ";"-separated file ("2,5 điểm") therefore do not fool it.
 */
export function detectCsvSeparator(text: string): string {
  let best = CSV_SEPARATORS[0];
  let bestScore = -1;
  let bestWidth = 0;
  for (const separator of CSV_SEPARATORS) {
    const counts = splitCsvRecords(text, separator, SAMPLE_RECORDS)
      .filter((r) => r.some((f) => f.trim() !== ''))
      .map((r) => r.length);
    const frequency: Record<number, number> = {};
    let width = 0;
    for (const c of counts) {
      frequency[c] = (frequency[c] || 0) + 1;
      if (frequency[c] > (frequency[width] || 0) || (frequency[c] === frequency[width] && c > width)) width = c;
    }
    if (width < 2) continue;
    const score = frequency[width] / counts.length;
    if (score > bestScore || (score === bestScore && width > bestWidth)) {
      best = separator;
      bestScore = score;
      bestWidth = width;
    }
  }
  return best;
}

/**
 * Parses CSV text into a grid: a UTF-8 byte order mark is dropped, Excel's "sep=;" first line is
 * honoured, the separator is otherwise guessed. Fields stay text exactly as written ("1.10" keeps its
 * zero); empty fields are null.
 */
export function parseCsv(text: string, sheetName: string = 'CSV'): SheetGrid {
  let body = text.charAt(0) === '\uFEFF' ? text.slice(1) : text;
  let separator: string;
  const hint = /^sep=(.)\r?\n/i.exec(body);
  if (hint) {
    separator = hint[1];
    body = body.slice(hint[0].length);
  } else {
    separator = detectCsvSeparator(body);
  }
  const records = splitCsvRecords(body, separator);
  const values: CellValue[][] = records.map((r) => r.map((f) => (f === '' ? null : f)));
  const empty = () => values.map((r) => r.map((): string | null => null));
  return { name: sheetName, visibility: 'visible', values, formulas: empty(), hyperlinks: empty(), merges: [] };
}

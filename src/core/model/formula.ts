import { a1, columnLetter, parseA1 } from './grid';

// Reading a subtotal formula back: which rows of one column a plain SUM covers. Shared by the checks
// of the tree's subtotals (check.ts) and of the bonus and deduction rows (check-extras.ts).

const REF = /(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/g;

/** Whether two lists name the same rows (in any order, a row named twice counted once). */
export function sameRows(a: number[], b: number[]): boolean {
  const seen: Record<number, boolean> = {};
  for (const r of a) seen[r] = true;
  const other: Record<number, boolean> = {};
  for (const r of b) other[r] = true;
  return b.every((r) => seen[r]) && a.every((r) => other[r]);
}

/** Rows a SUM formula covers in one column, or null when it is not a plain SUM of that column. */
export function sumFormulaRows(formula: string, col: number): number[] | null {
  const body = formula.replace(/^=/, '').replace(/\s+/g, '').toUpperCase();
  if (!/^SUM\(/.test(body)) return null;
  // Only SUM, parentheses, commas and references of this sheet may appear.
  const rest = body.replace(REF, '').replace(/SUM\(/g, '').replace(/[(),]/g, '');
  if (rest !== '') return null;
  const rows: number[] = [];
  let m: RegExpExecArray | null;
  REF.lastIndex = 0;
  while ((m = REF.exec(body))) {
    const from = parseRef(m[1]);
    const to = m[2] ? parseRef(m[2]) : from;
    if (!from || !to || from.col !== col || to.col !== col) return null;
    for (let r = Math.min(from.row, to.row); r <= Math.max(from.row, to.row); r++) rows.push(r);
  }
  return rows;
}

function parseRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}
// ---------------------------------------------------------------------------------------------
// Reading

/** The link of a HYPERLINK("target", ...) formula someone typed into an evidence cell. */
export function hyperlinkFormulaTarget(formula: string | null): string | null {
  const m = formula ? /^=?\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(formula) : null;
  return m ? m[1].replace(/""/g, '"') : null;
}

// ---------------------------------------------------------------------------------------------
// The plan
export function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

export function formulaText(text: string): string {
  return '"' + text.replace(/"/g, '""') + '"';
}
/** References to rows of one column, consecutive rows joined into ranges: E11:E14,E17. */
export function rowRefs(col: number, rows: number[]): string[] {
  const sorted = rows.slice().sort((a, b) => a - b);
  const refs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    refs.push(i === j ? a1(sorted[i], col) : a1(sorted[i], col) + ':' + a1(sorted[j], col));
    i = j + 1;
  }
  return refs;
}

/** SUM of the references; more than 255 arguments (Excel's limit) are nested in groups. */
export function sumFormula(refs: string[]): string {
  if (refs.length === 0) return '0';
  if (refs.length <= 255) return 'SUM(' + refs.join(',') + ')';
  const groups: string[] = [];
  for (let i = 0; i < refs.length; i += 255) groups.push('SUM(' + refs.slice(i, i + 255).join(',') + ')');
  return sumFormula(groups);
}



/**
 * Moves the references a formula makes to one sheet ('Chấm điểm'!E9, 'Chấm điểm'!C9:C20) to where
 * `move` says each address now stands, on the sheet's present name. Both ends of a range move. An
 * address `move` cannot place (null) is left as it was.
 */
export function moveSheetReferences(formula: string, sheet: string, newSheet: string, move: (address: string) => string | null): string {
  const reference = new RegExp(quoteSheet(sheet).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '!(\\$?[A-Z]{1,3}\\$?\\d+)(?::(\\$?[A-Z]{1,3}\\$?\\d+))?', 'g');
  return formula.replace(reference, (whole: string, address: string, end: string | undefined) => {
    const from = move(address);
    const to = end === undefined ? '' : move(end);
    if (from === null || to === null) return whole;
    return quoteSheet(newSheet) + '!' + from + (end === undefined ? '' : ':' + to);
  });
}
/**
 * Walks the cell references of an A1 formula outside strings and quoted sheet names, and puts what
 * `each` returns in each one's place. `otherSheet`: the reference names a sheet ('Chấm điểm'!E9), or
 * ends a range that does ('Chấm điểm'!C9:C20).
 */
function eachReference(formula: string, each: (ref: RegExpExecArray, otherSheet: boolean) => string): string {
  let out = '';
  let i = 0;
  let otherSheetEnd = -1;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copy through its closing quote (doubled quotes escape).
      let j = i + 1;
      while (j < formula.length && !(formula.charAt(j) === ch && formula.charAt(j + 1) !== ch)) j += formula.charAt(j) === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula.charAt(i - 1) : '';
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/.exec(formula.slice(i));
    const after = ref ? formula.charAt(i + ref[0].length) : '';
    // A reference stands alone: not part of a name (LOG10), a function call or a number.
    if (ref && !/[A-Za-z0-9_.]/.test(before) && !/[A-Za-z0-9_(]/.test(after)) {
      const otherSheet = before === '!' || (before === ':' && otherSheetEnd === i - 1);
      out += each(ref, otherSheet);
      i += ref[0].length;
      if (otherSheet) otherSheetEnd = i;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Shifts the relative references of an A1 formula by (rows, cols); strings and $-anchored parts stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return eachReference(formula, (ref) => {
    const col = ref[1] ? ref[2] : columnLetter(parseA1(ref[2] + '1')!.col + cols);
    const row = ref[3] ? ref[4] : String(Number(ref[4]) + rows);
    return ref[1] + col + ref[3] + row;
  });
}

/**
 * A formula as a spreadsheet rewrites it when `count` rows are inserted (or, negative, deleted) above
 * the 0-based row `at` of its own sheet: its references to that row and below move, $-anchored or not;
 * references to other sheets stay.
 */
export function insertRowsInFormula(formula: string, at: number, count: number): string {
  if (count === 0) return formula;
  return eachReference(formula, (ref, otherSheet) => (otherSheet || Number(ref[4]) <= at ? ref[0] : ref[1] + ref[2] + ref[3] + String(Number(ref[4]) + count)));
}

/** The cells a formula reads on its own sheet, as A1 without $ (a range gives its two ends). */
export function ownSheetReferences(formula: string): string[] {
  const refs: string[] = [];
  eachReference(formula, (ref, otherSheet) => {
    if (!otherSheet) refs.push(ref[2].toUpperCase() + ref[4]);
    return ref[0];
  });
  return refs;
}

/** Normalised formula text: no leading "=", no spaces outside strings, upper case outside strings. */
export function formulaKey(formula: string): string {
  return formula.replace(/^=/, '').replace(/"(?:[^"]|"")*"|[^"]+/g, (part) => (part.charAt(0) === '"' ? part : part.replace(/\s+/g, '').toUpperCase()));
}

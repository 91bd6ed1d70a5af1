// Plain grids: what adapters fetch from a workbook and hand to the core. No library types here.

export type CellValue = string | number | boolean | null;

export interface SheetGrid {
  name: string;
  /** 'visible' | 'hidden' | 'veryHidden' */
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** values[r][c], 0-based; a formula cell holds its cached result (or null). Dates arrive as ISO text. */
  values: CellValue[][];
  /** formulas[r][c] without the leading "=", or null where the cell holds no formula. */
  formulas: Array<Array<string | null>>;
  /** hyperlinks[r][c]: the link target where the cell carries one. */
  hyperlinks: Array<Array<string | null>>;
  /** Merged ranges, A1 style ("A1:C1"). */
  merges: string[];
}

export interface WorkbookGrids {
  sheets: SheetGrid[];
  /**
   * True when the formulas' cached results are a spreadsheet's own, computed after the last edit
   * (Excel or LibreOffice saved the file, or the live workbook); absent or false when the file was
   * written by a tool that does not calculate (cchc writes its own results and asks for a full
   * recalculation on load). The check compares what the sheet shows only when true.
   */
  calculated?: boolean;
}

export function emptyGrid(name: string): SheetGrid {
  return { name, visibility: 'visible', values: [], formulas: [], hyperlinks: [], merges: [] };
}

export function cellAt(grid: SheetGrid, row: number, col: number): CellValue {
  const r = grid.values[row];
  if (!r) return null;
  const v = r[col];
  return v === undefined ? null : v;
}

export function formulaAt(grid: SheetGrid, row: number, col: number): string | null {
  const r = grid.formulas[row];
  return (r && r[col]) || null;
}

export function linkAt(grid: SheetGrid, row: number, col: number): string | null {
  const r = grid.hyperlinks[row];
  return (r && r[col]) || null;
}

/** Column letters from a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address from 0-based row and column. */
export function a1(row: number, col: number): string {
  return columnLetter(col) + (row + 1);
}

/** 0-based {row, col} from an A1 address ("$B$3" too). */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Text of a cell as a person reads it: trimmed, NFC, numbers as written. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return String(value).normalize('NFC').trim();
}

// The live check folds the same headers and labels after every edit: their folded forms are kept
// (short texts only, and a bounded number of them, so a sheet of long notes cannot fill memory).
// A plain object, not a Map: the pane runs in Internet Explorer 11 too. Its property names are copies
// of the texts, and the folded forms are copied the same way: a text read from a workbook is often a
// slice of the whole file's XML, which a kept slice would keep alive (a batch run grew by 1.6 MB per file).
const FOLD_MEMO_MAX_LENGTH = 160;
const FOLD_MEMO_MAX_SIZE = 4096;
let folded: Record<string, string> = Object.create(null);
let foldedCount = 0;

/** Lower-case, no diacritics, single spaces: for matching headers and names people typed. */
export function foldText(text: string): string {
  if (text.length > FOLD_MEMO_MAX_LENGTH) return foldNow(text);
  let out = folded[text];
  if (out === undefined) {
    if (foldedCount >= FOLD_MEMO_MAX_SIZE) {
      folded = Object.create(null);
      foldedCount = 0;
    }
    out = detachedCopy(foldNow(text));
    folded[text] = out;
    foldedCount++;
  }
  return out;
}

/** The same text held on its own: a property name is stored as a string of its own, never a slice. */
function detachedCopy(text: string): string {
  const holder: Record<string, true> = Object.create(null);
  holder[text] = true;
  return Object.keys(holder)[0];
}

function foldNow(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// The sheet plan: plain data that says exactly what goes in the workbook. The core decides every
// cell, style, rule and setting; the exceljs and Office.js writers only apply it.

import { CellValue, SheetGrid, WorkbookGrids, parseA1 } from './grid';
import { isDateFormat, serialToIso } from './dates';

export interface FontSpec {
  /** The face, e.g. "Times New Roman"; absent: the workbook's default (Calibri). */
  name?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RGB hex without '#', e.g. "C00000". */
  color?: string;
  underline?: boolean;
}

export interface StyleSpec {
  font?: FontSpec;
  /** Solid fill, RGB hex without '#'. */
  fill?: string;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  indent?: number;
  /** Thin border on all four sides. */
  border?: boolean;
  /** Excel number format code, e.g. "0.00". Absent: General. */
  numFmt?: string;
  /** Cells are locked unless a style says otherwise (sheet protection makes it bite). */
  locked?: boolean;
}

export type PlanValue = string | number | null;

export interface CellPlan {
  /** 0-based row and column. */
  row: number;
  col: number;
  /** A constant. Text is always written as text, even when it starts with "=", "+", "-" or "@". */
  value?: PlanValue;
  /** An English formula with "," separators, without the leading "=". */
  formula?: string;
  /** The result the core computed for the formula, cached so viewers that don't recalculate show it. */
  result?: number | string;
  /** Name of a style in WorkbookPlan.styles. */
  style?: string;
  /** http(s) URL or a file path; the cell text is `value` (or the formula result). */
  hyperlink?: string;
}

export interface ValidationPlan {
  /** One cell or a block, A1 style ("E11" or "E11:E20"). Formulas are relative to its top-left cell. */
  range: string;
  type: 'decimal' | 'custom' | 'list';
  /** decimal: bounds (formulas or numbers as text); custom: the formula; list: the items, or `source`. */
  min?: string;
  max?: string;
  formula?: string;
  items?: string[];
  /** list: an absolute reference to the cells holding the items, e.g. "'Phân công'!$B$8:$B$27". */
  source?: string;
  allowBlank: boolean;
  prompt?: { title: string; text: string };
  error: { title: string; text: string };
}

export interface ConditionalFormatPlan {
  /** A1 ranges the rule covers; the formula is relative to the first range's top-left cell. */
  ranges: string[];
  formula: string;
  style: { fill?: string; fontColor?: string; bold?: boolean };
}

export interface ColumnPlan {
  width: number;
  hidden?: boolean;
}

export interface SheetPlan {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  columns: ColumnPlan[];
  /** Row heights in points, only where they differ from the default. */
  rowHeights: Array<{ row: number; height: number }>;
  cells: CellPlan[];
  merges: string[];
  validations: ValidationPlan[];
  conditionalFormats: ConditionalFormatPlan[];
  /** Frozen panes: rows above and columns left of the split stay in view. */
  freeze?: { rows: number; cols: number };
  /** Protected without a password: a guard against slips, not a lock. */
  protect: boolean;
  print?: PrintPlan;
  /** Landscape/portrait tab colour, RGB hex. */
  tabColor?: string;
}

/** Page margins in millimetres; header and footer are the distances of their text from the edge. */
export interface PageMargins {
  top: number;
  bottom: number;
  left: number;
  right: number;
  header: number;
  footer: number;
}

/** How a sheet prints (print.ts decides the numbers; the writers only set them). */
export interface PrintPlan {
  orientation: 'portrait' | 'landscape';
  paper: 'A4';
  /** One page wide, as many pages tall as needed, the application choosing the scale. */
  fitToWidth: boolean;
  /** A fixed scale in percent, where the plan decided it (then fitToWidth is false). */
  scale?: number;
  /** Rows repeated at the top of each printed page, 0-based inclusive. */
  repeatRows?: { from: number; to: number };
  margins?: PageMargins;
  /** The rectangle that prints, A1 ("A1:G80"); the whole used range when absent. */
  area?: string;
  /** The page number, centred in the top margin from the second page on. */
  pageNumbers?: { font: string; size: number };
  /** Rows (0-based) that begin a new page: manual breaks, in ascending order. */
  breaks?: number[];
  /** Prints colours as white and text as black (Excel's "Black and white"): fills are for the screen. */
  blackAndWhite?: boolean;
  centerHorizontally?: boolean;
}

/** A clustered bar chart on one sheet of the plan (at most one per sheet). */
export interface BarChartPlan {
  sheet: string;
  title: string;
  /** Absolute references on `sheet`, e.g. "'Xếp hạng'!$B$6:$B$20". */
  categories: string;
  values: string;
  seriesName: string;
  /** The value axis's upper end (100 for percentages that cannot pass it); automatic when absent. */
  valueMax?: number;
  /** The values the references hold now, cached in the chart for viewers that do not recalculate. */
  points: Array<{ label: string; value: number }>;
  /** 0-based cells of the top-left and bottom-right corners. */
  from: { row: number; col: number };
  to: { row: number; col: number };
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  styles: Record<string, StyleSpec>;
  /** Ask the spreadsheet to recalculate every formula when the file opens. */
  fullCalcOnLoad: boolean;
  /** Charts drawn on the plan's sheets; a sheet that is replaced loses its earlier charts. */
  charts?: BarChartPlan[];
}

/** Finds a plan cell by position (tests and writers use it). */
export function planCell(sheet: SheetPlan, row: number, col: number): CellPlan | undefined {
  for (const c of sheet.cells) if (c.row === row && c.col === col) return c;
  return undefined;
}

/** The used rectangle of a sheet plan: rows × cols from A1. */
export function planExtent(sheet: SheetPlan): { rows: number; cols: number } {
  let rows = 0;
  let cols = sheet.columns.length;
  for (const c of sheet.cells) {
    if (c.row + 1 > rows) rows = c.row + 1;
    if (c.col + 1 > cols) cols = c.col + 1;
  }
  return { rows, cols };
}

/**
 * The grids a spreadsheet would hand back right after the plan is written (formula cells hold their
 * cached results). Lets the core's reader and checks be tested without any spreadsheet library.
 */
export function planToGrids(plan: WorkbookPlan): WorkbookGrids {
  return {
    sheets: plan.sheets.map((sheet) => {
      const { rows, cols } = planExtent(sheet);
      const grid: SheetGrid = { name: sheet.name, visibility: sheet.visibility, values: [], formulas: [], hyperlinks: [], merges: sheet.merges.slice() };
      for (let r = 0; r < rows; r++) {
        grid.values.push(new Array(cols).fill(null));
        grid.formulas.push(new Array(cols).fill(null));
        grid.hyperlinks.push(new Array(cols).fill(null));
      }
      for (const c of sheet.cells) {
        let value: CellValue = c.formula ? (c.result === undefined || c.result === '' ? null : c.result) : c.value === undefined ? null : c.value;
        // A number in a date format comes back from either reader as ISO text.
        const format = c.style && plan.styles[c.style] ? plan.styles[c.style].numFmt : undefined;
        if (typeof value === 'number' && format && isDateFormat(format)) value = serialToIso(value);
        grid.values[c.row][c.col] = value;
        if (c.formula) grid.formulas[c.row][c.col] = c.formula;
        if (c.hyperlink) grid.hyperlinks[c.row][c.col] = c.hyperlink;
      }
      return grid;
    }),
  };
}

/** Points per line of wrapped text at a font size (Excel's default row is 15 pt at 11 pt). */
function lineHeight(size: number): number {
  return Math.ceil(size * 1.36);
}

/**
 * Lines a text needs in a column of `width` characters (Excel width units ≈ one digit of 11 pt).
 * Estimated on the narrow side, as a row cut short hides text while a little spare height costs
 * nothing: bold letters are wider, and each indent level takes about one and a half digits.
 */
export function wrappedLines(text: string, width: number, size = 11, bold = false, indent = 0): number {
  const charsPerUnit = bold ? 1.05 : 1.15;
  const perLine = Math.max(1, Math.floor((width - 1 - indent * 1.5) * (11 / size) * charsPerUnit));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    // Break at spaces as a spreadsheet does: a word that does not fit starts a new line.
    let used = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const len = word.length;
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        count++;
        used = len;
      }
      while (used > perLine) {
        count++;
        used -= perLine;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Row heights that show every wrapped text whole. Spreadsheets do not re-fit rows when a file opens,
 * so the plan carries the heights. Explicit heights stay unless the text needs more.
 */
export function fitRowHeights(sheet: SheetPlan, styles: Record<string, StyleSpec>): void {
  const spans: Record<string, number> = {};
  for (const m of sheet.merges) {
    const [from, to] = m.split(':');
    const a = parseA1(from);
    const b = parseA1(to || from);
    if (!a || !b || a.row !== b.row) continue;
    let width = 0;
    for (let c = a.col; c <= b.col; c++) width += (sheet.columns[c] || { width: 9 }).width;
    spans[a.row + ':' + a.col] = width;
  }
  const need: Record<number, number> = {};
  for (const cell of sheet.cells) {
    const style = cell.style ? styles[cell.style] : undefined;
    if (!style || !style.wrap) continue;
    const text = typeof cell.value === 'string' ? cell.value : typeof cell.result === 'string' ? cell.result : '';
    if (!text) continue;
    const column = sheet.columns[cell.col];
    if (column && column.hidden) continue;
    const width = spans[cell.row + ':' + cell.col] || (column ? column.width : 9);
    const size = (style.font && style.font.size) || 11;
    const bold = !!(style.font && style.font.bold);
    const height = wrappedLines(text, width, size, bold, style.indent || 0) * lineHeight(size) + 2;
    if (height > (need[cell.row] || 0)) need[cell.row] = height;
  }
  const explicit: Record<number, number> = {};
  for (const h of sheet.rowHeights) explicit[h.row] = h.height;
  for (const key of Object.keys(need)) {
    const row = Number(key);
    const height = need[row];
    if (height <= 17 && explicit[row] === undefined) continue; // one line: the default height fits
    if (explicit[row] === undefined || explicit[row] < height) explicit[row] = Math.min(height, 409);
  }
  sheet.rowHeights = Object.keys(explicit).map(Number).sort((a, b) => a - b).map((row) => ({ row, height: explicit[row] }));
}

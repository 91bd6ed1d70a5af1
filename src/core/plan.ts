// The sheet plan: plain data that says exactly what goes in the workbook. The core decides every
// cell, style, rule and setting; the exceljs and Office.js writers only apply it.

import { SheetGrid, WorkbookGrids } from './grid';

export interface FontSpec {
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
  /** decimal: bounds (formulas or numbers as text); custom: the formula; list: the items. */
  min?: string;
  max?: string;
  formula?: string;
  items?: string[];
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
  print?: {
    orientation: 'portrait' | 'landscape';
    paper: 'A4';
    fitToWidth: boolean;
    /** Rows repeated at the top of each printed page, 0-based inclusive. */
    repeatRows?: { from: number; to: number };
  };
  /** Landscape/portrait tab colour, RGB hex. */
  tabColor?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  styles: Record<string, StyleSpec>;
  /** Ask the spreadsheet to recalculate every formula when the file opens. */
  fullCalcOnLoad: boolean;
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
        grid.values[c.row][c.col] = c.formula ? (c.result === undefined || c.result === '' ? null : c.result) : c.value === undefined ? null : c.value;
        if (c.formula) grid.formulas[c.row][c.col] = c.formula;
        if (c.hyperlink) grid.hyperlinks[c.row][c.col] = c.hyperlink;
      }
      return grid;
    }),
  };
}

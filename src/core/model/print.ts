// Printing decided in the core: the page of Nghị định 30/2020/NĐ-CP (A4, its margins, Times New Roman,
// page numbers in the top margin from the second page), the scale at which a sheet's printed columns
// fit the page width, every row's height made explicit, and the page breaks that keep a heading with
// the lines it heads. The writers only set what these decide.

import { columnLetter } from './grid';
import { PageMargins, PrintPlan, SheetPlan, StyleSpec } from './plan';

/** The documents' face (Unicode, black). */
export const DOCUMENT_FONT = 'Times New Roman';

/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 };

/** Margins of the decree (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm); the page number sits 10 mm from the top. */
export const DECREE_MARGINS: PageMargins = { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 };

/** The page number's face and size (13–14 pt). */
export const PAGE_NUMBER = { font: DOCUMENT_FONT, size: 13 };

/** The smallest printed text the documents allow, in points. */
export const MIN_PRINTED_SIZE = 10;

export function mmToPoints(mm: number): number {
  return (mm * 72) / 25.4;
}

/**
 * Plan widths are Excel character units. Excel draws a column of n characters n × 7 + 5 pixels wide
 * (7 px: the widest digit of Calibri 11, the workbook's default font; 5 px of padding), and a pixel
 * is 0.75 pt.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Excel's header code for a centred page number in the given face and size ("&C&\"Times New Roman,Regular\"&13&P"). */
export function pageNumberHeader(spec: { font: string; size: number }): string {
  return `&C&"${spec.font},Regular"&${spec.size}&P`;
}

/** The printable width and height of a page in points. */
export function printableSize(orientation: PrintPlan['orientation'], margins: PageMargins): { width: number; height: number } {
  const width = orientation === 'landscape' ? A4_MM.height : A4_MM.width;
  const height = orientation === 'landscape' ? A4_MM.width : A4_MM.height;
  return { width: mmToPoints(width - margins.left - margins.right), height: mmToPoints(height - margins.top - margins.bottom) };
}

/** Spreadsheets draw columns a little differently: the scale leaves this share of the width spare. */
const WIDTH_SLACK = 0.95;

/** The largest whole percent (at most 100) at which columns `from`..`to` fit the page width. */
export function fitScale(sheet: SheetPlan, from: number, to: number, orientation: PrintPlan['orientation'], margins: PageMargins): number {
  let width = 0;
  for (let c = from; c <= to; c++) {
    const column = sheet.columns[c];
    if (column && column.hidden) continue;
    width += columnWidthPoints(column ? column.width : 8.43);
  }
  const fit = (printableSize(orientation, margins).width * WIDTH_SLACK) / width;
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}

/** Points one line of text takes at a font size (Excel's default row is 15 pt at 11 pt). */
export function oneLineHeight(size: number): number {
  return Math.max(15, Math.ceil(size * 1.36) + 1);
}

/**
 * Gives every row from `from` to `to` an explicit height: the text's own where a row holds wrapped
 * text (fitRowHeights decided it), else one line of its largest font. Spreadsheets then print each
 * row exactly as tall as the page breaks below assume.
 */
export function fixRowHeights(sheet: SheetPlan, styles: Record<string, StyleSpec>, from: number, to: number): void {
  const known: Record<number, number> = {};
  for (const h of sheet.rowHeights) known[h.row] = h.height;
  const largest: Record<number, number> = {};
  for (const cell of sheet.cells) {
    if (cell.row < from || cell.row > to) continue;
    const style = cell.style ? styles[cell.style] : undefined;
    const size = (style && style.font && style.font.size) || 11;
    if (size > (largest[cell.row] || 0)) largest[cell.row] = size;
  }
  for (let row = from; row <= to; row++) {
    const line = oneLineHeight(largest[row] || 11);
    if (known[row] === undefined) known[row] = line;
    // Wrapped text: a tenth more than the estimate, as faces print a little wider in some spreadsheets.
    else if (known[row] > line + 2) known[row] = Math.min(409, Math.ceil(known[row] * 1.1));
  }
  sheet.rowHeights = Object.keys(known).map(Number).sort((a, b) => a - b).map((row) => ({ row, height: known[row] }));
}

export interface BreakInput {
  /** Height in points of each row, by 0-based row. */
  height: (row: number) => number;
  first: number;
  last: number;
  /** The page's printable height in the sheet's own points (printable height ÷ scale). */
  pageHeight: number;
  /** Rows repeated on every page after the first (their total height). */
  titleHeight: number;
  /** A row that must not end a page: a heading, the first lines of a signature block. */
  keepWithNext: (row: number) => boolean;
  /** Rows that must begin a page (a chart on a page of its own). */
  forced?: number[];
}

/** Rows may print a little taller than planned (fonts differ between spreadsheets): pages are filled to this share. */
const HEIGHT_SLACK = 0.94;

/**
 * The rows that begin each new page. Every page break is placed by the plan, before the spreadsheet
 * would place one, so a row marked keep-with-next is never the last line of a page: the break moves
 * up to the first row of its group.
 */
export function pageBreaks(input: BreakInput): number[] {
  const budget = input.pageHeight * HEIGHT_SLACK;
  const forced: Record<number, boolean> = {};
  for (const f of input.forced || []) forced[f] = true;
  const breaks: number[] = [];
  let start = input.first;
  let used = 0;
  for (let row = input.first; row <= input.last; row++) {
    const h = input.height(row);
    if (row > start && (forced[row] || used + h > budget)) {
      let at = row;
      if (!forced[row]) {
        while (at - 1 > start && input.keepWithNext(at - 1)) at--;
        // A page of headings alone would be worse than a heading at the foot of one.
        if (at - 1 === start && input.keepWithNext(start)) at = row;
      }
      breaks.push(at);
      start = at;
      used = input.titleHeight;
      for (let r = at; r < row; r++) used += input.height(r);
    }
    used += h;
  }
  return breaks;
}

/** The height of a row as the plan sets it (rows without a height: one line of 11 pt). */
export function rowHeightOf(sheet: SheetPlan): (row: number) => number {
  const heights: Record<number, number> = {};
  for (const h of sheet.rowHeights) heights[h.row] = h.height;
  return (row) => (heights[row] === undefined ? oneLineHeight(11) : heights[row]);
}

/**
 * The print setup of a document sheet: A4 at the decree's margins, page numbers from the second page,
 * the printed columns at the scale that fits them, every row's height fixed and the page breaks placed.
 */
export function documentPrint(sheet: SheetPlan, styles: Record<string, StyleSpec>, options: {
  orientation: PrintPlan['orientation'];
  lastCol: number;
  /** The first printed row (rows above it are for the screen only); 0 unless said. */
  firstRow?: number;
  lastRow: number;
  repeatRows?: { from: number; to: number };
  keepWithNext: (row: number) => boolean;
  forced?: number[];
  blackAndWhite?: boolean;
}): PrintPlan {
  const margins = DECREE_MARGINS;
  fixRowHeights(sheet, styles, 0, options.lastRow);
  const scale = fitScale(sheet, 0, options.lastCol, options.orientation, margins);
  const height = rowHeightOf(sheet);
  let titleHeight = 0;
  if (options.repeatRows) for (let r = options.repeatRows.from; r <= options.repeatRows.to; r++) titleHeight += height(r);
  const breaks = pageBreaks({
    height, first: options.firstRow || 0, last: options.lastRow,
    pageHeight: printableSize(options.orientation, margins).height / (scale / 100),
    titleHeight, keepWithNext: options.keepWithNext, forced: options.forced,
  });
  const print: PrintPlan = {
    orientation: options.orientation, paper: 'A4', fitToWidth: false, scale, margins,
    area: `A${(options.firstRow || 0) + 1}:${columnLetter(options.lastCol)}${options.lastRow + 1}`,
    pageNumbers: PAGE_NUMBER, breaks,
  };
  if (options.repeatRows) print.repeatRows = options.repeatRows;
  if (options.blackAndWhite) print.blackAndWhite = true;
  return print;
}

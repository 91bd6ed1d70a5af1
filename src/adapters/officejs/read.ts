// Reading sheets back as plain grids (values, formulas, hyperlinks, merged areas): one block per sheet,
// the used range of its values, queued together and fetched in one sync; in row bands when Excel on
// the web would find the answer too large (5 MB).

import { CellValue, SheetGrid, WorkbookGrids, a1 } from '../../core/model/grid';
import { SheetInfo } from '../../core/model/port';
import { Features, VISIBILITY_FROM_EXCEL } from './host';
import { addressesWithoutSheet, withoutSheet } from './format';
import { Sync, officeErrorCode } from './run';
// exceljs's test for a date format (utils.isDateFmt), so both readers turn the same cells into dates.
import { isDateFormat, serialToIso as excelSerialToIso } from '../../core/model/dates';



/** Columns of a `firstRows` read: headers are looked for in the first 200 (core/sheets/scoring/read.ts). */
const HEAD_COLUMNS = 200;

/** How many rows a band of a banded read starts with; halved while Excel finds the answer too large. */
const BAND_ROWS = 400;

/** One block of a sheet's cells, loaded: its place, values, formulas, number formats and links. */
interface Block {
  range: Excel.Range;
  links: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

interface QueuedRead {
  sheet: Excel.Worksheet;
  /** Null object when a `firstRows` read finds nothing in those rows. */
  block: Block;
  merged: Excel.RangeAreas | null;
}

function queueBlock(range: Excel.Range, features: Features): Block {
  range.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
  // Hyperlinks are per cell in Office.js; only ExcelApi 1.9 fetches them for a whole block at once.
  return { range, links: features.api19 ? range.getCellProperties({ hyperlink: true }) : null };
}

function queueRead(context: Excel.RequestContext, name: string, features: Features, firstRows: number | undefined): QueuedRead {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.load('name,visibility');
  // Values only: cells that merely carry a format add nothing to the grid.
  const used = sheet.getUsedRange(true);
  // The first rows, and no more than the 200 columns a header is looked for in.
  const range = firstRows ? used.getIntersectionOrNullObject(sheet.getRange('A1:' + a1(firstRows - 1, HEAD_COLUMNS - 1))) : used;
  const merged = features.mergedAreas && !firstRows ? used.getMergedAreasOrNullObject() : null;
  if (merged) merged.load('address');
  return { sheet, block: queueBlock(range, features), merged };
}

/** A grid of empty cells down to `rows` × `cols`. */
function emptyGrid(name: string, visibility: string, rows: number, cols: number): SheetGrid {
  const grid: SheetGrid = { name, visibility: VISIBILITY_FROM_EXCEL[visibility] || 'visible', values: [], formulas: [], hyperlinks: [], merges: [] };
  for (let r = 0; r < rows; r++) {
    grid.values.push(new Array(cols).fill(null));
    grid.formulas.push(new Array(cols).fill(null));
    grid.hyperlinks.push(new Array(cols).fill(null));
  }
  return grid;
}

/** Puts a loaded block in its place: the same content the exceljs reader gives for the same cells. */
function place(grid: SheetGrid, block: Block): void {
  const { range } = block;
  for (let i = 0; i < range.rowCount; i++) {
    for (let j = 0; j < range.columnCount; j++) {
      const r = range.rowIndex + i;
      const c = range.columnIndex + j;
      const value = range.values[i][j] as CellValue;
      const formula = range.formulas[i][j];
      // A text cell that starts with "=" reads back with that text as its "formula" too; a real
      // formula never equals its own result.
      if (typeof formula === 'string' && formula.charAt(0) === '=' && formula !== value) grid.formulas[r][c] = formula.slice(1);
      if (value === '' || value === null || value === undefined) grid.values[r][c] = null;
      else if (typeof value === 'number' && isDateFormat(String(range.numberFormat[i][j]))) grid.values[r][c] = excelSerialToIso(value);
      else grid.values[r][c] = value;
      const link = block.links ? block.links.value[i][j].hyperlink : undefined;
      if (link && (link.address || link.documentReference)) grid.hyperlinks[r][c] = link.address || '#' + link.documentReference;
    }
  }
}

function toGrid(read: QueuedRead): SheetGrid {
  const range = read.block.range;
  if (range.isNullObject) return emptyGrid(read.sheet.name, read.sheet.visibility, 1, 1);
  const grid = emptyGrid(read.sheet.name, read.sheet.visibility, range.rowIndex + range.rowCount, range.columnIndex + range.columnCount);
  place(grid, read.block);
  grid.merges = read.merged && !read.merged.isNullObject ? addressesWithoutSheet(read.merged.address) : [];
  return grid;
}

function tooLarge(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * When all at once is more than Excel on the web will send (5 MB): each sheet's size first, then its
 * rows in bands, a band halved while the answer is still too large.
 */
async function readInBands(context: Excel.RequestContext, sync: Sync, names: string[], features: Features): Promise<SheetGrid[]> {
  const sizes = names.map((name) => {
    const sheet = context.workbook.worksheets.getItem(name);
    sheet.load('name,visibility');
    const used = sheet.getUsedRange(true);
    used.load('rowIndex,columnIndex,rowCount,columnCount');
    const merged = features.mergedAreas ? used.getMergedAreasOrNullObject() : null;
    if (merged) merged.load('address');
    return { sheet, used, merged };
  });
  await sync();
  const grids: SheetGrid[] = [];
  for (const { sheet, used, merged } of sizes) {
    const grid = emptyGrid(sheet.name, sheet.visibility, used.rowIndex + used.rowCount, used.columnIndex + used.columnCount);
    grid.merges = merged && !merged.isNullObject ? addressesWithoutSheet(merged.address) : [];
    let top = used.rowIndex;
    let rows = BAND_ROWS;
    while (top < used.rowIndex + used.rowCount) {
      const count = Math.min(rows, used.rowIndex + used.rowCount - top);
      const block = queueBlock(sheet.getRangeByIndexes(top, used.columnIndex, count, used.columnCount), features);
      try {
        await sync();
      } catch (error) {
        if (!tooLarge(error) || count === 1) throw error;
        rows = Math.ceil(count / 2);
        continue;
      }
      place(grid, block);
      top += count;
    }
    grids.push(grid);
  }
  return grids;
}

/**
 * The named sheets as grids, in one sync; when some is missing, learn which exist and read those; when
 * the answer would be too large, in bands. `firstRows`: only the first rows of each sheet (enough to
 * recognise a sheet by its header, without fetching a large sheet of someone else's).
 */
export async function readSheets(context: Excel.RequestContext, sync: Sync, names: string[], features: Features, firstRows?: number): Promise<WorkbookGrids> {
  let present = names;
  let reads = present.map((n) => queueRead(context, n, features, firstRows));
  try {
    await sync();
  } catch (error) {
    if (tooLarge(error)) return { sheets: await readInBands(context, sync, present, features), calculated: true };
    if (officeErrorCode(error) !== 'ItemNotFound') throw error;
    // Some sheet is missing: learn which exist, then read those (a workbook that is not ours).
    const all = context.workbook.worksheets;
    all.load('items/name');
    await sync();
    const existing = all.items.map((s) => s.name.toLowerCase());
    present = names.filter((n) => existing.indexOf(n.toLowerCase()) >= 0);
    reads = present.map((n) => queueRead(context, n, features, firstRows));
    if (reads.length) {
      try {
        await sync();
      } catch (again) {
        if (!tooLarge(again)) throw again;
        return { sheets: await readInBands(context, sync, present, features), calculated: true };
      }
    }
  }
  // The live workbook's values are Excel's own results (formulas a test's fake leaves uncalculated read null).
  return { sheets: reads.map(toGrid), calculated: true };
}

export async function listSheets(context: Excel.RequestContext, sync: Sync): Promise<SheetInfo[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await sync();
  return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY_FROM_EXCEL[s.visibility] || 'visible' }));
}

/** The selected cells, or null when a chart or a shape is selected. */
export async function readSelection(context: Excel.RequestContext, sync: Sync): Promise<{ sheet: string; address: string } | null> {
  const range = context.workbook.getSelectedRange();
  range.load('address');
  range.worksheet.load('name');
  try {
    await sync();
  } catch (error) {
    if (officeErrorCode(error) === 'InvalidSelection') return null;
    throw error;
  }
  return { sheet: range.worksheet.name, address: withoutSheet(range.address) };
}

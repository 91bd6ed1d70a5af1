// Reading sheets back as plain grids (values, formulas, hyperlinks, merged areas): one block per sheet,
// the used range of its values, queued together and fetched in one sync.

import { CellValue, SheetGrid, WorkbookGrids } from '../../core/model/grid';
import { SheetInfo } from '../../core/model/port';
import { Features, VISIBILITY_FROM_EXCEL } from './host';
import { addressesWithoutSheet, withoutSheet } from './format';
import { Sync, officeErrorCode } from './run';

/** exceljs's test for a date format (utils.isDateFmt), so both readers turn the same cells into dates. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

function excelSerialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString();
}


export interface QueuedRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  links: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  merged: Excel.RangeAreas | null;
}

export function queueRead(context: Excel.RequestContext, name: string, features: Features): QueuedRead {
  const sheet = context.workbook.worksheets.getItem(name);
  sheet.load('name,visibility');
  // Values only: cells that merely carry a format add nothing to the grid.
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
  // Hyperlinks are per cell in Office.js; only ExcelApi 1.9 fetches them for a whole block at once.
  const links = features.api19 ? used.getCellProperties({ hyperlink: true }) : null;
  const merged = features.mergedAreas ? used.getMergedAreasOrNullObject() : null;
  if (merged) merged.load('address');
  return { sheet, used, links, merged };
}

/** The loaded block as a SheetGrid, the same content the exceljs reader gives for the same workbook. */
export function toGrid(read: QueuedRead): SheetGrid {
  const { used } = read;
  const rows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  const values: CellValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  const hyperlinks: Array<Array<string | null>> = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array(cols).fill(null));
    formulas.push(new Array(cols).fill(null));
    hyperlinks.push(new Array(cols).fill(null));
  }
  for (let i = 0; i < used.rowCount; i++) {
    for (let j = 0; j < used.columnCount; j++) {
      const r = used.rowIndex + i;
      const c = used.columnIndex + j;
      const value = used.values[i][j] as CellValue;
      const formula = used.formulas[i][j];
      // A text cell that starts with "=" reads back with that text as its "formula" too; a real
      // formula never equals its own result.
      if (typeof formula === 'string' && formula.charAt(0) === '=' && formula !== value) formulas[r][c] = formula.slice(1);
      if (value === '' || value === null || value === undefined) values[r][c] = null;
      else if (typeof value === 'number' && isDateFormat(String(used.numberFormat[i][j]))) values[r][c] = excelSerialToIso(value);
      else values[r][c] = value;
      const link = read.links ? read.links.value[i][j].hyperlink : undefined;
      if (link && (link.address || link.documentReference)) hyperlinks[r][c] = link.address || '#' + link.documentReference;
    }
  }
  const merges = read.merged && !read.merged.isNullObject ? addressesWithoutSheet(read.merged.address) : [];
  return { name: read.sheet.name, visibility: VISIBILITY_FROM_EXCEL[read.sheet.visibility] || 'visible', values, formulas, hyperlinks, merges };
}

/** The named sheets as grids in one sync; when some is missing, learn which exist and read those. */
export async function readSheets(context: Excel.RequestContext, sync: Sync, names: string[], features: Features): Promise<WorkbookGrids> {
  let reads = names.map((n) => queueRead(context, n, features));
  try {
    await sync();
  } catch (error) {
    if (officeErrorCode(error) !== 'ItemNotFound') throw error;
    // Some sheet is missing: learn which exist, then read those (a workbook that is not ours).
    const all = context.workbook.worksheets;
    all.load('items/name');
    await sync();
    const present = all.items.map((s) => s.name.toLowerCase());
    reads = names.filter((n) => present.indexOf(n.toLowerCase()) >= 0).map((n) => queueRead(context, n, features));
    if (reads.length) await sync();
  }
  return { sheets: reads.map(toGrid) };
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

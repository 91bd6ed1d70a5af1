// exceljs adapter, reading side: a workbook file → plain grids. Never writes to the file.

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CellValue, SheetGrid, WorkbookGrids } from '../../core/model/grid';
import { UserError } from '../../core/model/errors';
import { sniffWorkbookBytes } from './sniff';
import { workbookFromParts } from './load-parts';
import { VerifiedPart } from './zip-scan';
import { message } from '../../core/text/node';

function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((t) => t.text || '').join('');
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('text' in o && 'hyperlink' in o) return plainValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/** Cells the dense grids of one sheet may span: a scoring sheet spans a few thousand. */
export const MAX_GRID_CELLS = 4000000;

/**
 * The grids are dense rectangles per row, so one value at XFD1048576 would cost millions of slots
 * from a file of a few bytes: such a sheet is refused before anything is allocated.
 */
function refuseHugeSheet(ws: ExcelJS.Worksheet): void {
  let cells = 0;
  let lastRow = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    cells += row.cellCount;
    lastRow = rowNumber;
  });
  if (cells + lastRow > MAX_GRID_CELLS) {
    throw new UserError('too-large', message('files.readGrid.sheetSpansTooFar', { name: ws.name, lastRow }));
  }
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  refuseHugeSheet(ws);
  const values: CellValue[][] = [];
  const formulas: Array<Array<string | null>> = [];
  const hyperlinks: Array<Array<string | null>> = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      // Merged slave cells repeat the master's value in exceljs; the grid keeps them empty, as Excel does.
      if (cell.isMerged && cell.master !== cell) return;
      // cell.value drops a formula's cached result when it is 0 or FALSE (exceljs copies only truthy
      // fields); cell.result keeps it.
      (values[r] = values[r] || [])[c] = plainValue(cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value);
      const f = cell.type === ExcelJS.ValueType.Formula ? cell.formula : null;
      if (f) (formulas[r] = formulas[r] || [])[c] = f.replace(/^=/, '');
      const link = cell.hyperlink || (cell.value && typeof cell.value === 'object' && 'hyperlink' in (cell.value as object)
        ? String((cell.value as { hyperlink: unknown }).hyperlink) : null);
      if (link) (hyperlinks[r] = hyperlinks[r] || [])[c] = link;
    });
  });
  // Fill holes so consumers can index freely.
  for (const grid of [values, formulas, hyperlinks] as Array<unknown[][]>) {
    for (let i = 0; i < grid.length; i++) {
      const row = grid[i] || [];
      for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
      grid[i] = row;
    }
  }
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges || {})
    .map((k) => String((ws as unknown as { _merges: Record<string, { range?: string }> })._merges[k].range || ''))
    .filter(Boolean);
  return { name: ws.name, visibility: (ws.state as SheetGrid['visibility']) || 'visible', values, formulas, hyperlinks, merges };
}

/** Loads a workbook for reading, refusing what is not an .xlsx we can safely open. */
export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  return (await loadVerified(file)).workbook;
}

/** The workbook, and the parts of the file the scan verified (each inflated once, for everything read). */
async function loadVerified(file: string): Promise<{ workbook: ExcelJS.Workbook; parts: VerifiedPart[] }> {
  const base = path.basename(file);
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new UserError('not-a-file', message('files.readGrid.folderExcelFile', { base }));
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('not-found', message('files.readGrid.findReadFile', { base }));
  }
  // The scan inflates and verifies every part; exceljs parses those parts, not the file again.
  const parts = sniffWorkbookBytes(bytes, base);
  try {
    return { workbook: await workbookFromParts(parts), parts };
  } catch {
    throw new UserError('corrupt', message('files.readGrid.damagedValidExcelXlsx', { base }));
  }
}

export async function readWorkbookGrids(file: string): Promise<WorkbookGrids> {
  const { workbook, parts } = await loadVerified(file);
  return { sheets: workbook.worksheets.map(worksheetToGrid), calculated: savedCalculated(parts) };
}

/**
 * Whether a spreadsheet calculated the file's formulas before saving it: a file that still asks for a
 * full calculation on load (fullCalcOnLoad, as cchc writes it) was not saved by one since. exceljs
 * drops the workbook's calcPr on reading, so it is read from the workbook part the scan verified.
 */
function savedCalculated(parts: VerifiedPart[]): boolean {
  const workbookXml = parts.filter((p) => p.name === 'xl/workbook.xml')[0];
  const calcPr = /<(?:\w+:)?calcPr\b[^>]*>/.exec(workbookXml && workbookXml.xml ? workbookXml.xml : '');
  return !(calcPr && /\bfullCalcOnLoad="(1|true)"/.test(calcPr[0]));
}

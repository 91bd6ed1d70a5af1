// Writes a few cells of an existing sheet (an evidence row of Minh chứng), all or nothing: the first
// sync learns the sheet's protection and what the cells hold (contents, number formats, links); the
// second lifts the protection, writes, and puts the same protection back. If Excel refuses any of it,
// the cells and the protection are put back as they were.

import { a1 } from '../../core/model/grid';
import '../../core/model/errors';
import { CellPlan, WorkbookPlan } from '../../core/model/plan';
import { Features } from './host';
import { styleFacets } from './format';
import { NotUndone, Sync, Undone } from './run';
import { constantInput, formulaInput, hyperlinkOf, needsTextPrefix } from './text';
import { message } from '../../core/text/catalogue';

interface Before {
  input: string | number | null;
  numberFormat: string;
  link: Excel.RangeHyperlink | null;
}

/** What a cell held, as `range.formulas` would take it back. */
function before(range: Excel.Range): Before {
  const formula = range.formulas[0][0];
  const value = range.values[0][0];
  const type = range.valueTypes[0][0];
  let input: Before['input'];
  // A formula never equals its own result; text that starts with "=" reads back the same both ways.
  if (typeof formula === 'string' && formula.charAt(0) === '=' && formula !== value) input = formula;
  else if (type === 'Empty') input = '';
  else if (typeof value === 'number') input = value;
  else if (typeof value === 'boolean') input = constantInput(value, '');
  else input = needsTextPrefix(String(value)) ? "'" + String(value) : String(value);
  const link = range.hyperlink;
  return { input, numberFormat: String(range.numberFormat[0][0]), link: link && (link.address || link.documentReference) ? link : null };
}

/**
 * Queues a few cells of an existing sheet, each fully restyled (it may carry an older format).
 * `ranges` are the cells' ranges with their current number format loaded.
 */
function queueCells(ranges: Excel.Range[], cells: CellPlan[], styles: WorkbookPlan['styles'], features: Features): void {
  cells.forEach((cell, i) => {
    const range = ranges[i];
    const numberFormat = cell.style !== undefined ? styles[cell.style].numFmt || 'General' : String(range.numberFormat[0][0]);
    if (cell.style !== undefined) {
      for (const facet of styleFacets(styles[cell.style], features, true)) facet.apply(range.format, { rows: false, cols: false });
    }
    // "Hyperlinks" drops the link and keeps the text and format; a cell without a link in the plan has none.
    if (!cell.hyperlink) range.clear('Hyperlinks');
    // The value goes into a General cell, where Excel reads it as applyPlan's values are read (a
    // text-formatted cell would take a formula as text); the cell's own format follows.
    range.numberFormat = [['General']];
    range.formulas = [[formulaInput(cell, '')]];
    range.numberFormat = [[numberFormat]];
    if (cell.hyperlink) range.hyperlink = hyperlinkOf(cell);
  });
}

/** Puts the cells and the protection back as they were (one sync to look, one to write). */
async function restore(context: Excel.RequestContext, sync: Sync, sheetName: string, cells: CellPlan[], was: Before[], protection: { on: boolean; options: Excel.WorksheetProtectionOptions }, features: Features): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.protection.load('protected');
  await sync();
  // Still protected: the write stopped at lifting the protection (a password), before any cell, or
  // got through to putting it back. Either way the cells need nothing.
  if (protection.on && sheet.protection.protected) {
    if (features.quietWrites) context.runtime.enableEvents = true;
    await sync();
    return;
  }
  cells.forEach((cell, i) => {
    const range = sheet.getRange(a1(cell.row, cell.col));
    range.clear('Hyperlinks');
    range.numberFormat = [['General']];
    range.formulas = [[was[i].input]];
    range.numberFormat = [[was[i].numberFormat]];
    const link = was[i].link;
    if (link) range.hyperlink = { address: link.address, documentReference: link.documentReference, textToDisplay: link.textToDisplay, screenTip: link.screenTip };
  });
  if (protection.on) sheet.protection.protect(protection.options);
  if (features.quietWrites) context.runtime.enableEvents = true;
  await sync();
}

export async function writeCellsTo(context: Excel.RequestContext, sync: Sync, sheetName: string, cells: CellPlan[], styles: WorkbookPlan['styles'], features: Features): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.protection.load('protected,options');
  const ranges = cells.map((c) => sheet.getRange(a1(c.row, c.col)).load('formulas,values,valueTypes,numberFormat,hyperlink'));
  if (features.quietWrites) context.runtime.enableEvents = false;
  try {
    await sync();
  } catch (error) {
    throw new Undone(error);
  }
  const protection = { on: sheet.protection.protected, options: sheet.protection.options };
  const was = ranges.map(before);
  try {
    // Lift a protection for the write and put the same one back, so the sheet ends as it was.
    if (protection.on) sheet.protection.unprotect();
    queueCells(ranges, cells, styles, features);
    if (protection.on) sheet.protection.protect(protection.options);
    if (features.quietWrites) context.runtime.enableEvents = true;
    await sync();
  } catch (error) {
    try {
      await restore(context, sync, sheetName, cells, was, protection, features);
    } catch (stuck) {
      const where = cells.map((c) => a1(c.row, c.col)).join(', ');
      throw new NotUndone(error, message('excel.writeCells.excelDidAllowRestoring', { where, sheetName, protectAgain: protection.on ? message('excel.writeCells.protectAgain') : '' }));
    }
    throw new Undone(error);
  }
}

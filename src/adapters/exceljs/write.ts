// exceljs adapter, writing side: applies a WorkbookPlan to an .xlsx file. It decides nothing about
// layout; every value, style, rule and setting comes from the plan (src/core/plan.ts).

import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../core/model/grid';
import { UserError } from '../../core/model/errors';
import { ensurePlanWritable } from '../../core/model/plan-guard';
import { sameFile, writeFileWhole } from '../files';
import { CellPlan, ConditionalFormatPlan, PrintPlan, SheetPlan, StyleSpec, ValidationPlan, WorkbookPlan } from '../../core/model/plan';
import { pageNumberHeader } from '../../core/model/print';
import { addBarChart } from './chart';
import { message } from '../../core/text/node';

/** OOXML paper size code of A4. */
const A4_PAPER_SIZE = 9;

/** Excel's own default font; a style that names only "bold" still needs a face and a size in styles.xml. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: 'Calibri', family: 2, size: 11 };

/**
 * exceljs leaves out of the file a column exactly this wide, taking it for its own default; Excel's
 * default is 8.43, so such a column is written a hair wider to keep the plan's width.
 */
const EXCELJS_IMPLICIT_WIDTH = 9;
const WIDTH_NUDGE = 1e-6;

function argb(rgb: string): string {
  return 'FF' + rgb.replace(/^#/, '').toUpperCase();
}

function toExcelStyle(spec: StyleSpec): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  const f = spec.font || {};
  const font: Partial<ExcelJS.Font> = { ...DEFAULT_FONT };
  // Family 1 is a serif face (Times New Roman), 2 a sans-serif one: viewers without the face pick by it.
  if (f.name !== undefined) {
    font.name = f.name;
    font.family = /times|serif/i.test(f.name) ? 1 : 2;
  }
  if (f.size !== undefined) font.size = f.size;
  if (f.bold) font.bold = true;
  if (f.italic) font.italic = true;
  if (f.underline) font.underline = true;
  if (f.color) font.color = { argb: argb(f.color) };
  style.font = font;
  if (spec.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (spec.horizontal) alignment.horizontal = spec.horizontal;
  if (spec.vertical) alignment.vertical = spec.vertical;
  if (spec.wrap) alignment.wrapText = true;
  if (spec.indent) alignment.indent = spec.indent;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (spec.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin' };
    style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (spec.numFmt) style.numFmt = spec.numFmt;
  if (spec.locked !== undefined) style.protection = { locked: spec.locked };
  return style;
}

function writeCell(ws: ExcelJS.Worksheet, cell: CellPlan, styles: Record<string, Partial<ExcelJS.Style>>): void {
  const target = ws.getCell(cell.row + 1, cell.col + 1);
  if (cell.style !== undefined) target.style = styles[cell.style];
  if (cell.formula !== undefined) {
    target.value = cell.result === undefined ? { formula: cell.formula } as ExcelJS.CellFormulaValue
      : { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    return;
  }
  const value = cell.value === undefined ? null : cell.value;
  if (cell.hyperlink) {
    target.value = { text: value === null ? cell.hyperlink : String(value), hyperlink: cell.hyperlink };
    return;
  }
  // exceljs stores every string as a shared string, so "=1+1" or "+84..." stays text.
  if (value !== null) target.value = value;
}

/**
 * Merges after the cells are written: a covered cell with a style of its own keeps it (its borders
 * draw the merged block's edges); one the plan leaves bare takes the top-left cell's, as Excel does.
 */
function mergeRange(ws: ExcelJS.Worksheet, range: string, planned: Set<string>): void {
  const [from, to] = range.split(':').map((p) => parseA1(p)!);
  ws.mergeCellsWithoutStyle(from.row + 1, from.col + 1, to.row + 1, to.col + 1);
  const master = ws.getCell(from.row + 1, from.col + 1);
  for (let r = from.row; r <= to.row; r++) {
    for (let c = from.col; c <= to.col; c++) {
      if ((r !== from.row || c !== from.col) && !planned.has(a1(r, c))) ws.getCell(r + 1, c + 1).style = master.style;
    }
  }
}

/** "E11" or "$E$11:E20" → "E11" / "E11:E20", the form exceljs keys ranges by. */
function canonicalRange(range: string): string {
  const [tl, br] = range.split(':').map((p) => parseA1(p)!);
  if (!br) return a1(tl.row, tl.col);
  return a1(Math.min(tl.row, br.row), Math.min(tl.col, br.col)) + ':' + a1(Math.max(tl.row, br.row), Math.max(tl.col, br.col));
}

/** The exceljs rule of a plan validation (the plan guard has checked it is complete and within limits). */
function toExcelValidation(v: ValidationPlan): ExcelJS.DataValidation {
  const dv: ExcelJS.DataValidation = {
    type: v.type,
    formulae: [],
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.error.title,
    error: v.error.text,
  };
  if (v.prompt) {
    dv.showInputMessage = true;
    dv.promptTitle = v.prompt.title;
    dv.prompt = v.prompt.text;
  }
  if (v.type === 'custom') {
    dv.formulae = [v.formula!];
  } else if (v.type === 'decimal') {
    if (v.min !== undefined && v.max !== undefined) {
      dv.operator = 'between';
      dv.formulae = [v.min, v.max];
    } else if (v.min !== undefined) {
      dv.operator = 'greaterThanOrEqual';
      dv.formulae = [v.min];
    } else {
      dv.operator = 'lessThanOrEqual';
      dv.formulae = [v.max!];
    }
  } else if (v.source !== undefined) {
    dv.formulae = [v.source];
  } else {
    // An inline list is one quoted text split at commas.
    dv.formulae = ['"' + v.items!.join(',') + '"'];
  }
  return dv;
}

/**
 * exceljs squeezes deep-equal validations of neighbouring cells into one block anchored at its
 * top-left, which shifts the relative references of every other cell. Each plan rule is therefore
 * stored under its own range, and tagged with it so no two rules compare equal (the tag is not
 * written to the file).
 */
function addValidations(ws: ExcelJS.Worksheet, validations: ValidationPlan[]): void {
  // exceljs keeps validations in an untyped per-sheet model keyed by address or range.
  const model = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation & { planRange: string }> } })
    .dataValidations.model;
  for (const v of validations) {
    const range = canonicalRange(v.range);
    model[range] = { ...toExcelValidation(v), planRange: range };
  }
}

function addConditionalFormats(ws: ExcelJS.Worksheet, formats: ConditionalFormatPlan[]): void {
  // Plan order is priority order: the first rule wins where two apply.
  formats.forEach((cf, i) => {
    const style: Partial<ExcelJS.Style> = {};
    // Excel reads a conditional fill from bgColor, some readers from fgColor: give both.
    if (cf.style.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(cf.style.fill) }, bgColor: { argb: argb(cf.style.fill) } };
    if (cf.style.fontColor || cf.style.bold) {
      style.font = {};
      if (cf.style.fontColor) style.font.color = { argb: argb(cf.style.fontColor) };
      if (cf.style.bold) style.font.bold = true;
    }
    ws.addConditionalFormatting({
      ref: cf.ranges.map((r) => canonicalRange(r)).join(' '),
      rules: [{ type: 'expression', formulae: [cf.formula], style, priority: i + 1 }],
    });
  });
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetPlan, styles: Record<string, Partial<ExcelJS.Style>>): void {
  const ws = wb.addWorksheet(sheet.name, { state: sheet.visibility });
  if (sheet.tabColor) ws.properties.tabColor = { argb: argb(sheet.tabColor) };
  sheet.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width === EXCELJS_IMPLICIT_WIDTH ? c.width + WIDTH_NUDGE : c.width;
    if (c.hidden) column.hidden = true;
  });
  for (const r of sheet.rowHeights) ws.getRow(r.row + 1).height = r.height;
  const planned = new Set<string>();
  for (const cell of sheet.cells) {
    writeCell(ws, cell, styles);
    planned.add(a1(cell.row, cell.col));
  }
  for (const range of sheet.merges) mergeRange(ws, range, planned);
  addValidations(ws, sheet.validations);
  addConditionalFormats(ws, sheet.conditionalFormats);
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.cols > 0)) {
    ws.views = [{
      state: 'frozen',
      xSplit: sheet.freeze.cols,
      ySplit: sheet.freeze.rows,
      topLeftCell: a1(sheet.freeze.rows, sheet.freeze.cols),
    }];
  }
  if (sheet.protect) {
    // Without a password exceljs sets the protection synchronously; the promise carries nothing.
    void ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }
  if (sheet.print) writePrint(ws, sheet.print);
}

/** Millimetres of the plan to the inches of the file. */
function inches(mm: number): number {
  return Math.round((mm / 25.4) * 10000) / 10000;
}

function writePrint(ws: ExcelJS.Worksheet, print: PrintPlan): void {
  ws.pageSetup.paperSize = A4_PAPER_SIZE;
  ws.pageSetup.orientation = print.orientation;
  if (print.fitToWidth) {
    // One page wide, as many pages tall as needed.
    ws.pageSetup.fitToPage = true;
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0;
  } else if (print.scale !== undefined) {
    ws.pageSetup.fitToPage = false;
    ws.pageSetup.scale = print.scale;
  }
  if (print.repeatRows) ws.pageSetup.printTitlesRow = `${print.repeatRows.from + 1}:${print.repeatRows.to + 1}`;
  if (print.margins) {
    const m = print.margins;
    ws.pageSetup.margins = { top: inches(m.top), bottom: inches(m.bottom), left: inches(m.left), right: inches(m.right), header: inches(m.header), footer: inches(m.footer) };
  }
  // exceljs puts a "$" before each part; the rows need one too, or the name is not an absolute area.
  if (print.area) ws.pageSetup.printArea = print.area.split(':').map((p) => p.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, '$1$$$2')).join(':');
  if (print.blackAndWhite) ws.pageSetup.blackAndWhite = true;
  if (print.centerHorizontally) ws.pageSetup.horizontalCentered = true;
  // The first page shows no number: its own (empty) header.
  if (print.pageNumbers) {
    ws.headerFooter = { differentFirst: true, oddHeader: pageNumberHeader(print.pageNumbers), firstHeader: '' };
    // Each document counts its own pages (the report from 1, its annex from 1), even printed together.
    ws.pageSetup.firstPageNumber = 1;
  }
  // exceljs records a break after a row: the row before the one that begins the page.
  for (const row of print.breaks || []) ws.getRow(row).addPageBreak();
}

export function planToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  ensurePlanWritable(plan);
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = plan.fullCalcOnLoad;
  const styles: Record<string, Partial<ExcelJS.Style>> = {};
  for (const name of Object.keys(plan.styles)) styles[name] = toExcelStyle(plan.styles[name]);
  for (const sheet of plan.sheets) writeSheet(wb, sheet, styles);
  // Excel repairs a file that opens on a hidden sheet: open on the first visible one.
  const firstVisible = plan.sheets.findIndex((s) => s.visibility === 'visible');
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: firstVisible, activeTab: firstVisible, visibility: 'visible' }];
  return wb;
}

export interface WriteOptions {
  /** Files the caller read to make this plan: the target must not be one of them. */
  inputs?: string[];
}

/** The .xlsx bytes of a plan, charts included (exceljs writes none: they are added to its output). */
export async function planToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  let bytes: Buffer = Buffer.from(await planToWorkbook(plan).xlsx.writeBuffer());
  for (const chart of plan.charts || []) bytes = await addBarChart(bytes, chart);
  return bytes;
}

/**
 * Writes the plan to `file`, replacing it if it exists (callers decide whether that is allowed),
 * whole or not at all; never over one of the files it was made from.
 */
export async function writePlanToFile(plan: WorkbookPlan, file: string, options: WriteOptions = {}): Promise<void> {
  const target = path.resolve(file);
  const base = path.basename(target);
  for (const input of options.inputs || []) {
    if (path.resolve(input) === target || sameFile(input, target)) {
      throw new UserError('output-is-input', message('files.write.outputAlsoInputFile', { base }));
    }
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new UserError('output-is-folder', message('files.write.folderGiveXlsxFile', { target }));
  }
  writeFileWhole(target, await planToXlsx(plan));
}

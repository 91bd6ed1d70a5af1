// Queues a sheet plan into a request context: values and formulas as 2-D blocks, then formats by facet,
// columns, rows, merges, links, conditional formats, validation, panes, print setup and protection.
// The caller owns the syncs (port.ts); the plan decides every cell, this only translates it.

import { a1, columnLetter } from '../../core/model/grid';
import { BarChartPlan, CellPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, WorkbookPlan, planExtent } from '../../core/model/plan';
import { Features, VISIBILITY_TO_EXCEL } from './host';
import { Sync } from './run';
import { columnWidthPoints, facetGroups, parseRect, rectAddress, runsOf, styleFacets, withoutSheet } from './format';
import { shiftFormula } from '../../core/model/formula';

const MONTH_OR_TIME_WORD = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|am|pm)$/i;

const ERROR_LITERAL = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

/**
 * True when Excel would read this text as something else if it were typed: a formula (= + - @), a
 * number, date, time or percentage ("1.1", "1,5", "01/2024", "50%", "Jan 5"), a boolean or an error
 * value. Such text is written with a leading apostrophe, which Excel keeps as "this is text" and does
 * not show. Text with a real word in it ("Năm 2024", "125/KH-UBND") is never reinterpreted.
 */
export function needsTextPrefix(text: string): boolean {
  if (/^[=+\-@']/.test(text)) return true;
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed) || ERROR_LITERAL.test(trimmed)) return true;
  if (!/\d/.test(trimmed)) return false;
  const words = trimmed.match(/[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]{2,}/g) || [];
  return words.every((w) => MONTH_OR_TIME_WORD.test(w));
}

/** The entry for one cell of a `range.formulas` block; `empty` is what an absent value becomes. */
export function formulaInput(cell: CellPlan, empty: null | ''): string | number | null {
  if (cell.formula !== undefined) return '=' + cell.formula;
  const v = cell.value;
  if (v === undefined || v === null) return empty;
  if (typeof v === 'number') return v;
  return needsTextPrefix(v) ? "'" + v : v;
}

/** The Office.js rule of a plan validation (the plan guard has checked it is complete). */
function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  // A bound is a number or a formula; Office.js takes numbers as they are and formulas with "=".
  const bound = (text: string): string | number => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : '=' + text.replace(/^=/, ''));
  if (v.type === 'custom') return { custom: { formula: '=' + v.formula!.replace(/^=/, '') } };
  if (v.type === 'list') return { list: { inCellDropDown: true, source: v.items!.join(',') } };
  if (v.min !== undefined && v.max !== undefined) {
    return { decimal: { formula1: bound(v.min), formula2: bound(v.max), operator: 'Between' } };
  }
  if (v.min !== undefined) return { decimal: { formula1: bound(v.min), operator: 'GreaterThanOrEqualTo' } };
  return { decimal: { formula1: bound(v.max!), operator: 'LessThanOrEqualTo' } };
}

function queueValidation(sheet: Excel.Worksheet, v: ValidationPlan): void {
  const dv = sheet.getRange(v.range).dataValidation;
  dv.rule = validationRule(v);
  dv.ignoreBlanks = v.allowBlank;
  if (v.prompt) dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.text };
  dv.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.text };
}

/**
 * Conditional formats. ConditionalFormatCollection.add puts the new rule on top, so rules are added
 * last first to keep the plan's order as priority. A rule over several ranges becomes one rule per
 * range, its formula moved to that range's top-left cell (Office.js ties relative references to it).
 */
function queueConditionalFormats(sheet: Excel.Worksheet, formats: ConditionalFormatPlan[]): void {
  for (let i = formats.length - 1; i >= 0; i--) {
    const cf = formats[i];
    const anchor = parseRect(cf.ranges[0]);
    for (let k = cf.ranges.length - 1; k >= 0; k--) {
      const rect = parseRect(cf.ranges[k]);
      const added = sheet.getRange(rectAddress(rect)).conditionalFormats.add('Custom');
      added.custom.rule.formula = '=' + shiftFormula(cf.formula, rect.top - anchor.top, rect.left - anchor.left);
      if (cf.style.fill) added.custom.format.fill.color = '#' + cf.style.fill;
      if (cf.style.fontColor) added.custom.format.font.color = '#' + cf.style.fontColor;
      if (cf.style.bold) added.custom.format.font.bold = true;
    }
  }
}

/** Empties an existing sheet so the plan lands on a clean slate, keeping the sheet (and references to it). */
export function queueReset(sheet: Excel.Worksheet, features: Features): void {
  sheet.protection.unprotect();
  const all = sheet.getRange();
  all.unmerge();
  all.clear('All');
  all.conditionalFormats.clearAll();
  if (features.dataValidation) all.dataValidation.clear();
  all.columnHidden = false;
  all.rowHidden = false;
  all.format.useStandardWidth = true;
  all.format.useStandardHeight = true;
  sheet.freezePanes.unfreeze();
  // "" is Excel's automatic tab colour.
  sheet.tabColor = '';
}

export function queueSheet(sheet: Excel.Worksheet, plan: SheetPlan, styles: WorkbookPlan['styles'], features: Features): void {
  const extent = planExtent(plan);
  if (extent.rows > 0 && extent.cols > 0) {
    const formulas: Array<Array<string | number | null>> = [];
    const numberFormats: Array<Array<string | null>> = [];
    for (let r = 0; r < extent.rows; r++) {
      formulas.push(new Array(extent.cols).fill(null));
      numberFormats.push(new Array(extent.cols).fill(null));
    }
    let anyFormat = false;
    for (const cell of plan.cells) {
      formulas[cell.row][cell.col] = formulaInput(cell, null);
      const numFmt = cell.style !== undefined ? styles[cell.style].numFmt : undefined;
      if (numFmt) {
        numberFormats[cell.row][cell.col] = numFmt;
        anyFormat = true;
      }
    }
    const block = sheet.getRange('A1:' + a1(extent.rows - 1, extent.cols - 1));
    // Values before formats: Excel takes a formula typed into a text-formatted ("@") cell as text.
    block.formulas = formulas;
    if (anyFormat) block.numberFormat = numberFormats;
  }

  // Rectangle by rectangle: a multi-area address ("A1:B2,C3") is read with the regional list separator
  // on Windows desktop (";" under the Vietnamese format) and refused elsewhere; one area never is.
  for (const group of facetGroups(plan.cells, styles, features)) {
    for (const rect of group.rects) group.facet.apply(sheet.getRange(rectAddress(rect)).format, { rows: rect.bottom > rect.top, cols: rect.right > rect.left });
  }

  const columns = plan.columns.map((c, index) => ({ index, key: c }));
  for (const run of runsOf(columns, (a, b) => a.width === b.width && !!a.hidden === !!b.hidden)) {
    const range = sheet.getRange(columnLetter(run.first) + ':' + columnLetter(run.last));
    range.format.columnWidth = columnWidthPoints(run.key.width);
    if (run.key.hidden) range.columnHidden = true;
  }
  const heights = plan.rowHeights.map((h) => ({ index: h.row, key: h.height }));
  for (const run of runsOf(heights, (a, b) => a === b)) {
    sheet.getRange(run.first + 1 + ':' + (run.last + 1)).format.rowHeight = run.key;
  }

  for (const merge of plan.merges) sheet.getRange(merge).merge(false);

  for (const cell of plan.cells) {
    if (!cell.hyperlink) continue;
    sheet.getRange(a1(cell.row, cell.col)).hyperlink = hyperlinkOf(cell);
  }

  queueConditionalFormats(sheet, plan.conditionalFormats);
  if (features.dataValidation) for (const v of plan.validations) queueValidation(sheet, v);

  if (plan.freeze && plan.freeze.rows > 0 && plan.freeze.cols > 0) {
    sheet.freezePanes.freezeAt('A1:' + a1(plan.freeze.rows - 1, plan.freeze.cols - 1));
  } else if (plan.freeze && plan.freeze.rows > 0) {
    sheet.freezePanes.freezeRows(plan.freeze.rows);
  } else if (plan.freeze && plan.freeze.cols > 0) {
    sheet.freezePanes.freezeColumns(plan.freeze.cols);
  }
  if (plan.tabColor) sheet.tabColor = '#' + plan.tabColor;

  if (plan.print && features.api19) {
    const page = sheet.pageLayout;
    page.orientation = plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    page.paperSize = 'A4';
    // One page wide, as many pages tall as needed (0), as the .xlsx writer sets it.
    if (plan.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.print.repeatRows) page.setPrintTitleRows(`$${plan.print.repeatRows.from + 1}:$${plan.print.repeatRows.to + 1}`);
  }

  // Last: a protected sheet refuses the writes above. Entry cells were unlocked by their style.
  if (plan.protect) sheet.protection.protect(SHEET_PROTECTION);
}

export const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * A bar chart as the .xlsx writer draws it (src/xlsx/chart.ts): ExcelApi 1.1, plus the 1.7 category
 * values and axis order the manifest's minimum already guarantees.
 */
export function queueChart(sheet: Excel.Worksheet, chart: BarChartPlan): void {
  const added = sheet.charts.add('BarClustered', sheet.getRange(withoutSheet(chart.values)), 'Columns');
  added.name = CHART_NAME_PREFIX + chart.title.slice(0, 200);
  added.title.text = chart.title;
  added.legend.visible = false;
  added.dataLabels.showValue = true;
  const series = added.series.getItemAt(0);
  series.name = chart.seriesName;
  series.setXAxisValues(sheet.getRange(withoutSheet(chart.categories)));
  added.axes.valueAxis.minimum = 0;
  if (chart.valueMax !== undefined) added.axes.valueAxis.maximum = chart.valueMax;
  // Categories top to bottom in sheet order, as in the .xlsx.
  added.axes.categoryAxis.reversePlotOrder = true;
  added.setPosition(a1(chart.from.row, chart.from.col), a1(chart.to.row, chart.to.col));
}

/** Charts the add-in made carry this prefix: replacing a sheet replaces them, and only them. */
export const CHART_NAME_PREFIX = 'CCHC: ';

/** The cell's text is its value, or the link itself when it has none (as the .xlsx writer does). */
export function hyperlinkOf(cell: CellPlan): Excel.RangeHyperlink {
  const text = cell.value === undefined || cell.value === null ? cell.hyperlink! : String(cell.value);
  return { address: cell.hyperlink, textToDisplay: text };
}



/**
 * Queues a few cells of an existing sheet, each fully restyled (it may carry an older format).
 * `ranges` are the cells' ranges with their current number format loaded.
 */
export function queueCells(ranges: Excel.Range[], cells: CellPlan[], styles: WorkbookPlan['styles'], features: Features): void {
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

/**
 * Writes a whole plan: sheets found or added (one sync), the plan queued (a second), then the charts
 * on sheets whose earlier charts are known only now (a third, when there are charts to draw or replace).
 */
export async function writePlan(context: Excel.RequestContext, sync: Sync, plan: WorkbookPlan, f: Features): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const found = plan.sheets.map((s) => worksheets.getItemOrNullObject(s.name));
  await sync();
  const sheets = plan.sheets.map((s, i) => {
    if (found[i].isNullObject) return worksheets.add(s.name);
    queueReset(found[i], f);
    return found[i];
  });
  plan.sheets.forEach((s, i) => queueSheet(sheets[i], s, plan.styles, f));
  // Show the first visible sheet before hiding others: Excel cannot hide the active sheet.
  const shown = plan.sheets.map((s) => s.visibility).indexOf('visible');
  if (shown >= 0) sheets[shown].activate();
  plan.sheets.forEach((s, i) => (sheets[i].visibility = VISIBILITY_TO_EXCEL[s.visibility]));
  // A replaced sheet's earlier charts: known only after this sync, replaced in a third.
  const earlier = plan.sheets.map((s, i) => (found[i].isNullObject ? null : found[i].charts.load('items/name')));
  await sync();

  const charts = plan.charts || [];
  const stale = earlier.map((c) => (c ? c.items.filter((item) => item.name.indexOf(CHART_NAME_PREFIX) === 0) : []));
  if (!charts.length && stale.every((list) => !list.length)) return;
  plan.sheets.forEach((s, i) => {
    const own = charts.filter((c) => c.sheet === s.name);
    if (!own.length && !stale[i].length) return;
    // Charts are objects of the sheet: its protection must be lifted to change them.
    if (s.protect) sheets[i].protection.unprotect();
    stale[i].forEach((item) => item.delete());
    own.forEach((c) => queueChart(sheets[i], c));
    if (s.protect) sheets[i].protection.protect(SHEET_PROTECTION);
  });
  await sync();
}

/** Writes a few cells of an existing sheet: learn its protection (one sync), lift it, write, put it back (a second). */
export async function writeCellsTo(context: Excel.RequestContext, sync: Sync, sheetName: string, cells: CellPlan[], styles: WorkbookPlan['styles'], f: Features): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.protection.load('protected,options');
  const ranges = cells.map((c) => sheet.getRange(a1(c.row, c.col)).load('numberFormat'));
  await sync();
  // Lift a protection for the write and put the same one back, so the sheet ends as it was.
  const wasProtected = sheet.protection.protected;
  const options = sheet.protection.options;
  if (wasProtected) sheet.protection.unprotect();
  queueCells(ranges, cells, styles, f);
  if (wasProtected) sheet.protection.protect(options);
  await sync();
}

/** The same refusal as applyPlan's guard, for the cells of writeCells. */

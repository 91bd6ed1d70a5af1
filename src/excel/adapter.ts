// Office.js adapter: applies the core's sheet plan to the live workbook and reads plain grids back.
// It decides nothing about layout. Work is queued and sent in a fixed number of round trips whatever
// the size of the set: applyPlan syncs twice (three times when the plan has charts or replaces a sheet
// that had the add-in's charts), readGrids once (three times when a named sheet is
// missing), writeCells twice (it must learn the sheet's protection before lifting it).
//
// Requirement sets: the manifest asks ExcelApi 1.7. Data validation (1.8) and the 1.9 conveniences
// (multi-area ranges, indentation, print setup, cell properties) are used only when the host says it
// has them; without them the workbook still gets its values, formulas, formats, conditional formats,
// links and protection.

import { a1, CellValue, columnLetter, parseA1, SheetGrid, WorkbookGrids } from '../core/model/grid';
import { BarChartPlan, CellPlan, ConditionalFormatPlan, SheetPlan, StyleSpec, ValidationPlan, WorkbookPlan, planExtent } from '../core/model/plan';
import { CellEdit, HostFeatures, SheetInfo, WorkbookPort } from '../core/model/port';
import { ExcelHost, ExcelRunner, OperationStats, Sync, createRunner, officeErrorCode } from './run';

export interface OfficeHost {
  /** Office.js's `Excel` namespace, or the test fake. */
  Excel: ExcelHost;
  /** `Office.context.requirements`, or the test fake's. */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Called after every operation with its number of syncs. */
  onOperation?: (stats: OperationStats) => void;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Features = HostFeatures & {
  /** ExcelApi 1.13: merged areas can be read back. */
  mergedAreas: boolean;
};

const VISIBILITY_TO_EXCEL = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

const VISIBILITY_FROM_EXCEL: Record<string, SheetInfo['visibility']> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;

const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/**
 * Plan widths are Excel character units; Office.js wants points. Excel draws a column of n characters
 * n × 7 + 5 pixels wide (7 px: the widest digit of Calibri 11, 5 px of padding), and a pixel is 0.75 pt.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

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
function formulaInput(cell: CellPlan, empty: null | ''): string | number | null {
  if (cell.formula !== undefined) return '=' + cell.formula;
  const v = cell.value;
  if (v === undefined || v === null) return empty;
  if (typeof v === 'number') return v;
  return needsTextPrefix(v) ? "'" + v : v;
}

/** Shifts the relative references of an A1 formula by (rows, cols); strings and $-anchored parts stay. */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula.charAt(i);
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: copy through its closing quote (doubled quotes escape).
      let j = i + 1;
      while (j < formula.length && !(formula.charAt(j) === ch && formula.charAt(j + 1) !== ch)) j += formula.charAt(j) === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const before = i > 0 ? formula.charAt(i - 1) : '';
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/.exec(formula.slice(i));
    const after = ref ? formula.charAt(i + ref[0].length) : '';
    // A reference stands alone: not part of a name (LOG10), a function call or a number.
    if (ref && !/[A-Za-z0-9_.]/.test(before) && !/[A-Za-z0-9_(]/.test(after)) {
      const col = ref[1] ? ref[2] : columnLetter(parseA1(ref[2] + '1')!.col + cols);
      const row = ref[3] ? ref[4] : String(Number(ref[4]) + rows);
      out += ref[1] + col + ref[3] + row;
      i += ref[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

function parseRect(range: string): Rect {
  const parts = range.split(':');
  const from = parseA1(parts[0]);
  const to = parseA1(parts[parts.length - 1]);
  if (!from || !to || parts.length > 2) throw new Error(`Plan range "${range}" is not an A1 range.`);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

function rectAddress(r: Rect): string {
  const first = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : first + ':' + a1(r.bottom, r.right);
}

/**
 * Cells as few rectangles as is simple: vertical runs per column, then neighbouring columns with the
 * same run joined. A property shared down a column of the scoring sheet becomes one rectangle.
 */
export function rectangles(cells: Array<{ row: number; col: number }>): Rect[] {
  const rowsByCol: Record<number, number[]> = {};
  for (const cell of cells) (rowsByCol[cell.col] = rowsByCol[cell.col] || []).push(cell.row);
  const colsByRun: Record<string, number[]> = {};
  const runOrder: string[] = [];
  const cols = Object.keys(rowsByCol).map(Number).sort((a, b) => a - b);
  for (const col of cols) {
    const rows = rowsByCol[col].sort((a, b) => a - b);
    let start = 0;
    for (let i = 1; i <= rows.length; i++) {
      if (i < rows.length && rows[i] <= rows[i - 1] + 1) continue;
      const key = rows[start] + ':' + rows[i - 1];
      if (!colsByRun[key]) {
        colsByRun[key] = [];
        runOrder.push(key);
      }
      colsByRun[key].push(col);
      start = i;
    }
  }
  const rects: Rect[] = [];
  for (const key of runOrder) {
    const [top, bottom] = key.split(':').map(Number);
    const runCols = colsByRun[key];
    let left = runCols[0];
    for (let i = 1; i <= runCols.length; i++) {
      if (i < runCols.length && runCols[i] === runCols[i - 1] + 1) continue;
      rects.push({ top, bottom, left, right: runCols[i - 1] });
      if (i < runCols.length) left = runCols[i];
    }
  }
  return rects;
}

/**
 * Addresses joined for worksheet.getRanges, in pieces of at most 255 characters: Office.js documents
 * no limit, and 255 is the longest range text Excel's other interfaces accept.
 */
function addressChunks(rects: Rect[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const r of rects) {
    const address = rectAddress(r);
    if (current && current.length + 1 + address.length > 255) {
      chunks.push(current);
      current = '';
    }
    current = current ? current + ',' + address : address;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** One formatting setting of a style: cells whose settings share a key can share one range. */
interface StyleFacet {
  key: string;
  /** `inner`: the range has more than one row / column, so inner border lines exist. */
  apply(format: Excel.RangeFormat, inner: { rows: boolean; cols: boolean }): void;
}

/**
 * The settings a style makes. After a sheet is cleared only those that differ from Excel's defaults
 * are needed; `complete` adds the defaults too, for a cell that may carry an older format.
 */
function styleFacets(spec: StyleSpec, features: Features, complete: boolean): StyleFacet[] {
  const facets: StyleFacet[] = [];
  const add = (key: string, apply: StyleFacet['apply']) => facets.push({ key, apply });
  const font = spec.font || {};
  const bold = !!font.bold;
  const italic = !!font.italic;
  const underline = font.underline ? 'Single' : 'None';
  const size = font.size || 11;
  const color = '#' + (font.color || '000000');
  if (bold || complete) add('bold=' + bold, (f) => (f.font.bold = bold));
  if (italic || complete) add('italic=' + italic, (f) => (f.font.italic = italic));
  if (font.underline || complete) add('underline=' + underline, (f) => (f.font.underline = underline));
  if (font.size !== undefined || complete) add('size=' + size, (f) => (f.font.size = size));
  if (font.color !== undefined || complete) add('color=' + color, (f) => (f.font.color = color));
  const fill = spec.fill;
  if (fill) add('fill=' + fill, (f) => (f.fill.color = '#' + fill));
  else if (complete) add('fill=none', (f) => f.fill.clear());
  const horizontal = spec.horizontal ? HORIZONTAL[spec.horizontal] : 'General';
  if (spec.horizontal || complete) add('horizontal=' + horizontal, (f) => (f.horizontalAlignment = horizontal));
  const vertical = spec.vertical ? VERTICAL[spec.vertical] : 'Bottom';
  if (spec.vertical || complete) add('vertical=' + vertical, (f) => (f.verticalAlignment = vertical));
  const wrap = !!spec.wrap;
  if (wrap || complete) add('wrap=' + wrap, (f) => (f.wrapText = wrap));
  // RangeFormat.indentLevel is ExcelApi 1.9; on older hosts the text simply starts at the cell edge.
  const indent = spec.indent || 0;
  if (features.api19 && (indent || complete)) add('indent=' + indent, (f) => (f.indentLevel = indent));
  if (spec.border || complete) {
    const on = !!spec.border;
    add('border=' + on, (f, inner) => {
      const items: Array<'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical'> = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
      if (inner.rows) items.push('InsideHorizontal');
      if (inner.cols) items.push('InsideVertical');
      for (const item of items) {
        const border = f.borders.getItem(item);
        border.style = on ? 'Continuous' : 'None';
        if (on) border.weight = 'Thin';
      }
    });
  }
  const locked = spec.locked !== false;
  if (!locked || complete) add('locked=' + locked, (f) => (f.protection.locked = locked));
  return facets;
}

/** The Office.js rule of a plan validation (assertWritable has checked it is complete). */
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

/** Consecutive indexes with the same key, as [first, last, key] runs. */
function runsOf<K>(items: Array<{ index: number; key: K }>, same: (a: K, b: K) => boolean): Array<{ first: number; last: number; key: K }> {
  const sorted = items.slice().sort((a, b) => a.index - b.index);
  const runs: Array<{ first: number; last: number; key: K }> = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.last === item.index - 1 && same(run.key, item.key)) run.last = item.index;
    else runs.push({ first: item.index, last: item.index, key: item.key });
  }
  return runs;
}

/** Empties an existing sheet so the plan lands on a clean slate, keeping the sheet (and references to it). */
function queueReset(sheet: Excel.Worksheet, features: Features): void {
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

/**
 * The sheet's formatting grouped by setting rather than by style name: "centred" or "thin border" runs
 * down whole columns across domain, criterion and leaf rows, so each becomes a few large ranges.
 */
function facetGroups(cells: CellPlan[], styles: WorkbookPlan['styles'], features: Features): Array<{ facet: StyleFacet; rects: Rect[] }> {
  const facetsOf: Record<string, StyleFacet[]> = {};
  const groups: Record<string, { facet: StyleFacet; cells: CellPlan[] }> = {};
  const order: string[] = [];
  for (const cell of cells) {
    if (cell.style === undefined) continue;
    const facets = facetsOf[cell.style] || (facetsOf[cell.style] = styleFacets(styles[cell.style], features, false));
    for (const facet of facets) {
      if (!groups[facet.key]) {
        groups[facet.key] = { facet, cells: [] };
        order.push(facet.key);
      }
      groups[facet.key].cells.push(cell);
    }
  }
  return order.map((key) => ({ facet: groups[key].facet, rects: rectangles(groups[key].cells) }));
}

function queueSheet(sheet: Excel.Worksheet, plan: SheetPlan, styles: WorkbookPlan['styles'], features: Features): void {
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

  for (const group of facetGroups(plan.cells, styles, features)) {
    if (features.api19) {
      const inner = { rows: group.rects.some((r) => r.bottom > r.top), cols: group.rects.some((r) => r.right > r.left) };
      for (const address of addressChunks(group.rects)) group.facet.apply(sheet.getRanges(address).format, inner);
    } else {
      for (const rect of group.rects) group.facet.apply(sheet.getRange(rectAddress(rect)).format, { rows: rect.bottom > rect.top, cols: rect.right > rect.left });
    }
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

const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/**
 * A bar chart as the .xlsx writer draws it (src/xlsx/chart.ts): ExcelApi 1.1, plus the 1.7 category
 * values and axis order the manifest's minimum already guarantees.
 */
function queueChart(sheet: Excel.Worksheet, chart: BarChartPlan): void {
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
const CHART_NAME_PREFIX = 'CCHC: ';

/** The cell's text is its value, or the link itself when it has none (as the .xlsx writer does). */
function hyperlinkOf(cell: CellPlan): Excel.RangeHyperlink {
  const text = cell.value === undefined || cell.value === null ? cell.hyperlink! : String(cell.value);
  return { address: cell.hyperlink, textToDisplay: text };
}

/** Plan defects both writers refuse, caught before anything reaches the workbook. */
function assertWritable(plan: WorkbookPlan): void {
  for (const chart of plan.charts || []) {
    if (!plan.sheets.some((s) => s.name === chart.sheet)) throw new Error(`Plan chart "${chart.title}" is on sheet "${chart.sheet}", which the plan does not write.`);
  }
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      const where = `${sheet.name}!${a1(cell.row, cell.col)}`;
      if (cell.style !== undefined && !plan.styles[cell.style]) throw new Error(`Plan cell ${where} names an unknown style "${cell.style}".`);
      if (cell.formula !== undefined && cell.hyperlink) throw new Error(`Plan cell ${where} has both a formula and a hyperlink.`);
    }
    for (const v of sheet.validations) {
      const where = `${sheet.name}!${v.range}`;
      if (v.type === 'custom' && !v.formula) throw new Error(`Plan validation ${where} is custom but has no formula.`);
      if (v.type === 'decimal' && v.min === undefined && v.max === undefined) throw new Error(`Plan validation ${where} is decimal but has neither min nor max.`);
      // An inline list is one text split at commas: an item cannot hold a comma or a quote.
      if (v.type === 'list' && (!v.items || !v.items.length || v.items.some((i) => /[,"]/.test(i)))) {
        throw new Error(`Plan validation ${where}: list items must be non-empty and free of commas and quotes.`);
      }
    }
  }
}

/** exceljs's test for a date format (utils.isDateFmt), so both readers turn the same cells into dates. */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

function excelSerialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 86400000)).toISOString();
}

/** "'Chấm điểm'!A1:C1,'Chấm điểm'!A2" → ["A1:C1", "A2"]. */
function addressesWithoutSheet(address: string): string[] {
  const out: string[] = [];
  const pattern = /(?:'(?:[^']|'')*'|[^',!]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(address)) !== null) out.push(m[1].replace(/\$/g, ''));
  return out;
}

function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

interface QueuedRead {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  links: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  merged: Excel.RangeAreas | null;
}

function queueRead(context: Excel.RequestContext, name: string, features: Features): QueuedRead {
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
function toGrid(read: QueuedRead): SheetGrid {
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

type SheetEventArgs = { worksheetId: string; address: string };

export function createExcelPort(host: OfficeHost): WorkbookPort {
  const runner: ExcelRunner = createRunner(host.Excel, host.onOperation);
  let cachedFeatures: Features | null = null;
  const features = (): Features => {
    if (!cachedFeatures) {
      const has = (version: string) => host.requirements.isSetSupported('ExcelApi', version);
      cachedFeatures = { dataValidation: has('1.8'), api19: has('1.9'), mergedAreas: has('1.13') };
    }
    return cachedFeatures;
  };

  async function readSheets(context: Excel.RequestContext, sync: Sync, names: string[]): Promise<WorkbookGrids> {
    let reads = names.map((n) => queueRead(context, n, features()));
    try {
      await sync();
    } catch (error) {
      if (officeErrorCode(error) !== 'ItemNotFound') throw error;
      // Some sheet is missing: learn which exist, then read those (a workbook that is not ours).
      const all = context.workbook.worksheets;
      all.load('items/name');
      await sync();
      const present = all.items.map((s) => s.name.toLowerCase());
      reads = names.filter((n) => present.indexOf(n.toLowerCase()) >= 0).map((n) => queueRead(context, n, features()));
      if (reads.length) await sync();
    }
    return { sheets: reads.map(toGrid) };
  }

  /** Registers a handler for edits or selection changes on every sheet; returns its remover. */
  async function subscribe(kind: 'edit' | 'selection', handler: (event: CellEdit) => void): Promise<() => Promise<void>> {
    const names: Record<string, string> = {};
    const sheetName = async (id: string): Promise<string> => {
      if (!names[id]) {
        names[id] = await runner.run('sheetName', async (context, sync) => {
          const sheet = context.workbook.worksheets.getItem(id);
          sheet.load('name');
          await sync();
          return sheet.name;
        });
      }
      return names[id];
    };
    const callback = async (args: SheetEventArgs): Promise<void> => {
      handler({ sheet: await sheetName(args.worksheetId), address: withoutSheet(args.address) });
    };
    const operation = kind === 'edit' ? 'onEdit' : 'onSelection';
    const registrations = await runner.run(operation, async (context, sync) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/id,items/name');
      const added: Array<OfficeExtension.EventHandlerResult<SheetEventArgs>> = [];
      // The workbook-wide events are ExcelApi 1.9; before that each sheet has its own (sheets added
      // later are then not watched).
      if (features().api19) added.push(kind === 'edit' ? sheets.onChanged.add(callback) : sheets.onSelectionChanged.add(callback));
      await sync();
      for (const sheet of sheets.items) names[sheet.id] = sheet.name;
      if (!features().api19) {
        for (const sheet of sheets.items) added.push(kind === 'edit' ? sheet.onChanged.add(callback) : sheet.onSelectionChanged.add(callback));
        await sync();
      }
      return added;
    });
    return async () => {
      if (!registrations.length) return;
      await runner.runIn(registrations[0].context, 'removeHandlers', async (_context, sync) => {
        for (const r of registrations) r.remove();
        await sync();
      });
    };
  }

  return {
    features: () => {
      const f = features();
      return { dataValidation: f.dataValidation, api19: f.api19 };
    },

    listSheets: () =>
      runner.run('listSheets', async (context, sync) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name,items/visibility');
        await sync();
        return sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY_FROM_EXCEL[s.visibility] || 'visible' }));
      }),

    readGrids: (sheetNames) => {
      const unique = sheetNames.filter((n, i) => sheetNames.indexOf(n) === i);
      return runner.run('readGrids', (context, sync) => readSheets(context, sync, unique));
    },

    applyPlan: async (plan) => {
      assertWritable(plan);
      return runner.run('applyPlan', async (context, sync) => {
        const f = features();
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
      });
    },

    writeCells: async (sheetName, cells, styles) => {
      for (const cell of cells) {
        if (cell.style !== undefined && !styles[cell.style]) throw new Error(`Cell ${a1(cell.row, cell.col)} names an unknown style "${cell.style}".`);
      }
      return runner.run('writeCells', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.protection.load('protected,options');
        const ranges = cells.map((c) => sheet.getRange(a1(c.row, c.col)).load('numberFormat'));
        await sync();
        // Lift a protection for the write and put the same one back, so the sheet ends as it was.
        const wasProtected = sheet.protection.protected;
        const options = sheet.protection.options;
        if (wasProtected) sheet.protection.unprotect();
        queueCells(ranges, cells, styles, features());
        if (wasProtected) sheet.protection.protect(options);
        await sync();
      });
    },

    deleteSheet: (name) =>
      runner.run('deleteSheet', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await sync();
      }),

    select: (sheetName, address) =>
      runner.run('select', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItem(sheetName);
        sheet.activate();
        sheet.getRange(address).select();
        await sync();
      }),

    selection: () =>
      runner.run('selection', async (context, sync) => {
        const range = context.workbook.getSelectedRange();
        range.load('address');
        range.worksheet.load('name');
        try {
          await sync();
        } catch (error) {
          // A chart or a shape is selected: there is no cell selection to report.
          if (officeErrorCode(error) === 'InvalidSelection') return null;
          throw error;
        }
        return { sheet: range.worksheet.name, address: withoutSheet(range.address) };
      }),

    onEdit: (handler) => subscribe('edit', handler),

    onSelection: (handler) => subscribe('selection', handler),
  };
}

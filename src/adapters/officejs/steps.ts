// A sheet plan as the steps that write it into a new, empty sheet, each with the bytes it adds to a
// request body, so the writer can pack them into requests that stay well under Excel on the web's
// 5 MB limit. Essential steps make the workbook: values and formulas (in row bands), number formats,
// cell formats, widths, heights, merges, links, conditional formats, validation. Cosmetic steps only
// present it (indentation, frozen panes, tab colour, print setup, charts): when Excel refuses one, the
// workbook is still whole, and the writer goes on without it.

import { a1, columnLetter } from '../../core/model/grid';
import { shiftFormula } from '../../core/model/formula';
import { DegradedStep } from '../../core/model/port';
import { BarChartPlan, ConditionalFormatPlan, SheetPlan, ValidationPlan, WorkbookPlan, planExtent } from '../../core/model/plan';
import { Features } from './host';
import { columnWidthPoints, facetGroups, parseRect, rectAddress, runsOf, withoutSheet } from './format';
import { formulaInput, hyperlinkOf } from './text';
import { queuePrint } from './print';

export interface Step {
  /** What the step adds to a request body, estimated on the high side. */
  bytes: number;
  queue(sheet: Excel.Worksheet): void;
}

export type CosmeticKind = DegradedStep['step'];

export interface SheetSteps {
  essential: Step[];
  cosmetic: Array<{ kind: CosmeticKind; step: Step }>;
}

/** The order cosmetic steps are tried in when they have to be tried one kind at a time. */
export const COSMETIC_KINDS: CosmeticKind[] = ['indent', 'freeze', 'tabColor', 'print', 'charts'];

/**
 * Sizes measured on the real client library (test/officejs-real.browser.test.ts): an object path
 * (a range, its format, its font...) with the action that instantiates it, and one property set or
 * method call besides its arguments. Rounded up.
 */
const PATH_BYTES = 200;
const CALL_BYTES = 120;

/** A formula band holds at most this much: half a request, so its number formats fit beside it. */
export const BAND_BYTES = 1000000;

/** UTF-8 bytes of a value written as JSON (TextEncoder is missing from Internet Explorer 11). */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value === undefined ? null : value);
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export const SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowFormatColumns: true, allowFormatRows: true };

/** Charts the add-in made carry this prefix in their name. */
export const CHART_NAME_PREFIX = 'CCHC: ';

/** Values and formulas, then number formats, in bands of rows that each fit a request comfortably. */
function contentSteps(plan: SheetPlan, styles: WorkbookPlan['styles']): Step[] {
  const { rows, cols } = planExtent(plan);
  if (rows === 0 || cols === 0) return [];
  const formulas: Array<Array<string | number | null>> = [];
  const numberFormats: Array<Array<string | null>> = [];
  for (let r = 0; r < rows; r++) {
    formulas.push(new Array(cols).fill(null));
    numberFormats.push(new Array(cols).fill(null));
  }
  for (const cell of plan.cells) {
    formulas[cell.row][cell.col] = formulaInput(cell, null);
    const numFmt = cell.style !== undefined ? styles[cell.style].numFmt : undefined;
    if (numFmt) numberFormats[cell.row][cell.col] = numFmt;
  }
  const steps: Step[] = [];
  const band = (top: number, bottom: number, bytes: number) => {
    const address = 'A' + (top + 1) + ':' + a1(bottom, cols - 1);
    const values = formulas.slice(top, bottom + 1);
    const formats = numberFormats.slice(top, bottom + 1);
    // Values before formats: Excel takes a formula typed into a text-formatted ("@") cell as text.
    steps.push({ bytes: PATH_BYTES + CALL_BYTES + bytes, queue: (sheet) => (sheet.getRange(address).formulas = values) });
    if (formats.some((row) => row.some((f) => f !== null))) {
      steps.push({ bytes: PATH_BYTES + CALL_BYTES + jsonBytes(formats), queue: (sheet) => (sheet.getRange(address).numberFormat = formats) });
    }
  };
  let top = 0;
  let bytes = 0;
  for (let r = 0; r < rows; r++) {
    const rowBytes = jsonBytes(formulas[r]) + jsonBytes(numberFormats[r]);
    if (r > top && bytes + rowBytes > BAND_BYTES) {
      band(top, r - 1, bytes);
      top = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  band(top, rows - 1, bytes);
  return steps;
}

/** The Office.js rule of a plan validation (the plan guard has checked it is complete). */
function validationRule(v: ValidationPlan): Excel.DataValidationRule {
  // A bound is a number or a formula; Office.js takes numbers as they are and formulas with "=".
  const bound = (text: string): string | number => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : '=' + text.replace(/^=/, ''));
  if (v.type === 'custom') return { custom: { formula: '=' + v.formula!.replace(/^=/, '') } };
  // The list source is always split at commas, whatever the regional list separator (office-js #2128).
  if (v.type === 'list') return { list: { inCellDropDown: true, source: v.source !== undefined ? '=' + v.source : v.items!.join(',') } };
  if (v.min !== undefined && v.max !== undefined) {
    return { decimal: { formula1: bound(v.min), formula2: bound(v.max), operator: 'Between' } };
  }
  if (v.min !== undefined) return { decimal: { formula1: bound(v.min), operator: 'GreaterThanOrEqualTo' } };
  return { decimal: { formula1: bound(v.max!), operator: 'LessThanOrEqualTo' } };
}

function validationStep(v: ValidationPlan): Step {
  const rule = validationRule(v);
  const prompt = v.prompt ? { showPrompt: true, title: v.prompt.title, message: v.prompt.text } : null;
  const errorAlert: Excel.DataValidationErrorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.text };
  return {
    bytes: 2 * PATH_BYTES + 4 * CALL_BYTES + jsonBytes(rule) + jsonBytes(prompt) + jsonBytes(errorAlert),
    queue: (sheet) => {
      const dv = sheet.getRange(v.range).dataValidation;
      dv.rule = rule;
      dv.ignoreBlanks = v.allowBlank;
      if (prompt) dv.prompt = prompt;
      dv.errorAlert = errorAlert;
    },
  };
}

/**
 * Conditional formats. ConditionalFormatCollection.add puts the new rule on top, so rules are added
 * last first to keep the plan's order as priority. A rule over several ranges becomes one rule per
 * range, its formula moved to that range's top-left cell (Office.js ties relative references to it).
 */
function conditionalFormatSteps(formats: ConditionalFormatPlan[]): Step[] {
  const steps: Step[] = [];
  for (let i = formats.length - 1; i >= 0; i--) {
    const cf = formats[i];
    const anchor = parseRect(cf.ranges[0]);
    for (let k = cf.ranges.length - 1; k >= 0; k--) {
      const rect = parseRect(cf.ranges[k]);
      const formula = '=' + shiftFormula(cf.formula, rect.top - anchor.top, rect.left - anchor.left);
      steps.push({
        bytes: 7 * PATH_BYTES + 5 * CALL_BYTES + jsonBytes(formula),
        queue: (sheet) => {
          const added = sheet.getRange(rectAddress(rect)).conditionalFormats.add('Custom');
          added.custom.rule.formula = formula;
          if (cf.style.fill) added.custom.format.fill.color = '#' + cf.style.fill;
          if (cf.style.fontColor) added.custom.format.font.color = '#' + cf.style.fontColor;
          if (cf.style.bold) added.custom.format.font.bold = true;
        },
      });
    }
  }
  return steps;
}

/**
 * A bar chart as the .xlsx writer draws it (src/adapters/exceljs/chart.ts): ExcelApi 1.1, plus the
 * 1.7 category values and axis order the manifest's minimum already guarantees.
 */
function chartStep(chart: BarChartPlan): Step {
  return {
    bytes: 14 * PATH_BYTES + 12 * CALL_BYTES + jsonBytes(chart.title) + jsonBytes(chart.seriesName),
    queue: (sheet) => {
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
    },
  };
}

function freezeStep(freeze: NonNullable<SheetPlan['freeze']>): Step {
  return {
    bytes: 2 * PATH_BYTES + CALL_BYTES,
    queue: (sheet) => {
      if (freeze.rows > 0 && freeze.cols > 0) sheet.freezePanes.freezeAt('A1:' + a1(freeze.rows - 1, freeze.cols - 1));
      else if (freeze.rows > 0) sheet.freezePanes.freezeRows(freeze.rows);
      else sheet.freezePanes.freezeColumns(freeze.cols);
    },
  };
}

function printStep(print: NonNullable<SheetPlan['print']>): Step {
  return {
    bytes: 2 * PATH_BYTES + (12 + (print.breaks || []).length) * CALL_BYTES + 400,
    queue: (sheet) => queuePrint(sheet, print),
  };
}

/** Everything a plan sheet needs, for a sheet just added (nothing to clear first). */
export function sheetSteps(plan: SheetPlan, styles: WorkbookPlan['styles'], charts: BarChartPlan[], features: Features): SheetSteps {
  const essential = contentSteps(plan, styles);
  const cosmetic: SheetSteps['cosmetic'] = [];

  // Rectangle by rectangle: a multi-area address ("A1:B2,C3") is read with the regional list separator
  // on Windows desktop (";" under the Vietnamese format) and refused elsewhere; one area never is.
  for (const group of facetGroups(plan.cells, styles, features)) {
    const borders = group.facet.key.indexOf('border=') === 0;
    for (const rect of group.rects) {
      const step: Step = {
        bytes: borders ? 14 * PATH_BYTES + 14 * CALL_BYTES : 3 * PATH_BYTES + CALL_BYTES + 60,
        queue: (sheet) => group.facet.apply(sheet.getRange(rectAddress(rect)).format, { rows: rect.bottom > rect.top, cols: rect.right > rect.left }),
      };
      if (group.facet.key.indexOf('indent=') === 0) cosmetic.push({ kind: 'indent', step });
      else essential.push(step);
    }
  }

  const columns = plan.columns.map((c, index) => ({ index, key: c }));
  for (const run of runsOf(columns, (a, b) => a.width === b.width && !!a.hidden === !!b.hidden)) {
    essential.push({
      bytes: 2 * PATH_BYTES + 2 * CALL_BYTES,
      queue: (sheet) => {
        const range = sheet.getRange(columnLetter(run.first) + ':' + columnLetter(run.last));
        range.format.columnWidth = columnWidthPoints(run.key.width);
        if (run.key.hidden) range.columnHidden = true;
      },
    });
  }
  const heights = plan.rowHeights.map((h) => ({ index: h.row, key: h.height }));
  for (const run of runsOf(heights, (a, b) => a === b)) {
    essential.push({ bytes: 2 * PATH_BYTES + CALL_BYTES, queue: (sheet) => (sheet.getRange(run.first + 1 + ':' + (run.last + 1)).format.rowHeight = run.key) });
  }
  for (const merge of plan.merges) essential.push({ bytes: PATH_BYTES + CALL_BYTES, queue: (sheet) => sheet.getRange(merge).merge(false) });
  for (const cell of plan.cells) {
    if (!cell.hyperlink) continue;
    const link = hyperlinkOf(cell);
    essential.push({ bytes: PATH_BYTES + CALL_BYTES + jsonBytes(link), queue: (sheet) => (sheet.getRange(a1(cell.row, cell.col)).hyperlink = link) });
  }
  essential.push(...conditionalFormatSteps(plan.conditionalFormats));
  if (features.dataValidation) essential.push(...plan.validations.map(validationStep));

  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.cols > 0)) cosmetic.push({ kind: 'freeze', step: freezeStep(plan.freeze) });
  const tabColor = plan.tabColor;
  if (tabColor) cosmetic.push({ kind: 'tabColor', step: { bytes: PATH_BYTES + CALL_BYTES, queue: (sheet) => (sheet.tabColor = '#' + tabColor) } });
  // Print setup is ExcelApi 1.9; before that the sheet prints with Excel's defaults.
  if (plan.print && features.api19) cosmetic.push({ kind: 'print', step: printStep(plan.print) });
  for (const chart of charts) cosmetic.push({ kind: 'charts', step: chartStep(chart) });
  return { essential, cosmetic };
}

// The one guard both writers run before anything reaches a workbook: a plan Excel would refuse,
// repair or silently truncate is refused here, with the same reason whichever writer is asked
// (HyperFormula keeps its "can I?" guards apart from the operations in the same way).

import { a1, parseA1 } from './grid';
import { CellPlan, PrintPlan, StyleSpec, WorkbookPlan } from './plan';
import { pageNumberHeader } from './print';

/** Excel declares a file damaged when a formula or a text is longer than this. */
export const CELL_LIMITS = { formula: 8192, text: 32767 };

/** Excel repairs (and strips) a validation whose titles or texts exceed these lengths. */
export const VALIDATION_LIMITS = { title: 32, prompt: 255, error: 255, formula: 255 };

/** Excel's limits on print settings and fonts. */
export const PRINT_LIMITS = { minScale: 10, maxScale: 400, breaks: 1026, header: 255, fontName: 31, maxRow: 1048575 };

/** A plan defect: a fault of the code that made the plan, never of the user's data. */
export class PlanDefect extends Error {
  constructor(message: string) {
    super(message);
    // Compiled to ES5, a subclass of Error loses its prototype; restore it so instanceof works.
    Object.setPrototypeOf(this, PlanDefect.prototype);
  }
}

function isRange(range: string): boolean {
  const parts = range.split(':');
  return parts.length <= 2 && parts.every((p) => !!parseA1(p));
}

/** A1 range as its top-left and bottom-right corners, so "$E$11:E20" and "E11:E20" compare equal. */
function canonical(range: string): string {
  const [from, to] = range.split(':').map((p) => parseA1(p)!);
  const end = to || from;
  return a1(Math.min(from.row, end.row), Math.min(from.col, end.col)) + ':' + a1(Math.max(from.row, end.row), Math.max(from.col, end.col));
}

/** "'Phân công'!$B$8:$B$27" or "$B$8:$B$27": one block, both corners anchored, the sheet quoted. */
function isListSource(source: string): boolean {
  return /^(?:'(?:[^']|'')+'!)?\$[A-Z]{1,3}\$\d{1,7}:\$[A-Z]{1,3}\$\d{1,7}$/.test(source);
}

function tooLong(text: string | undefined, limit: number): boolean {
  return text !== undefined && text.length > limit;
}

function cellDefect(where: string, cell: CellPlan, styles: Record<string, StyleSpec>): string | null {
  if (cell.style !== undefined && !styles[cell.style]) return `Plan cell ${where} names an unknown style "${cell.style}".`;
  if (cell.formula !== undefined) {
    if (cell.hyperlink) return `Plan cell ${where} has both a formula and a hyperlink (a workbook cannot keep a hyperlink on a formula cell).`;
    if (tooLong(cell.formula, CELL_LIMITS.formula)) return `Plan cell ${where}: the formula has ${cell.formula.length} characters; Excel allows ${CELL_LIMITS.formula}.`;
    return null;
  }
  const v = cell.value;
  if (typeof v === 'number' && !isFinite(v)) return `Plan cell ${where} holds ${v}, which Excel cannot store.`;
  if (typeof v === 'string' && tooLong(v, CELL_LIMITS.text)) return `Plan cell ${where}: the text has ${v.length} characters; Excel allows ${CELL_LIMITS.text}.`;
  return null;
}

/** Every defect of the cells of one sheet (the pane's writes of a few cells run this alone). */
export function cellDefects(sheet: string, cells: CellPlan[], styles: Record<string, StyleSpec>): string[] {
  const out: string[] = [];
  for (const cell of cells) {
    const defect = cellDefect(`${sheet}!${a1(cell.row, cell.col)}`, cell, styles);
    if (defect) out.push(defect);
  }
  return out;
}

/** Every defect of a plan, in the order a writer would meet them; none for a writable plan. */
export function planDefects(plan: WorkbookPlan): string[] {
  const out: string[] = [];
  if (!plan.sheets.some((s) => s.visibility === 'visible')) out.push('The plan has no visible sheet.');
  for (const sheet of plan.sheets) {
    out.push(...cellDefects(sheet.name, sheet.cells, plan.styles));
    for (const range of sheet.merges) if (!isRange(range)) out.push(`Plan merge "${range}" on ${sheet.name} is not an A1 range.`);
    const validated: Record<string, boolean> = {};
    for (const v of sheet.validations) {
      const where = `${sheet.name}!${v.range}`;
      if (!isRange(v.range)) {
        out.push(`Plan range "${v.range}" on ${sheet.name} is not an A1 range.`);
        continue;
      }
      const key = canonical(v.range);
      if (validated[key]) out.push(`Plan has two validations for ${sheet.name}!${v.range}.`);
      validated[key] = true;
      if (v.type === 'custom' && !v.formula) out.push(`Plan validation ${where} is custom but has no formula.`);
      if (v.type === 'decimal' && v.min === undefined && v.max === undefined) out.push(`Plan validation ${where} is decimal but has neither min nor max.`);
      // An inline list is one text split at commas: an item cannot hold a comma or a quote. A list
      // whose items stand in cells names them by one absolute block reference instead.
      if (v.type === 'list' && v.source !== undefined) {
        if (v.items !== undefined) out.push(`Plan validation ${where}: a list takes its items or a source, not both.`);
        else if (!isListSource(v.source)) out.push(`Plan validation ${where}: the list source "${v.source}" is not an absolute reference to one block of cells.`);
      } else if (v.type === 'list' && (!v.items || !v.items.length || v.items.some((i) => i === '' || /[,"]/.test(i)))) {
        out.push(`Plan validation ${where}: list items must be non-empty and free of commas and quotes.`);
      }
      const texts: Array<[string, string | undefined, number]> = [
        ['the error title', v.error.title, VALIDATION_LIMITS.title],
        ['the error text', v.error.text, VALIDATION_LIMITS.error],
        ['the prompt title', v.prompt && v.prompt.title, VALIDATION_LIMITS.title],
        ['the prompt text', v.prompt && v.prompt.text, VALIDATION_LIMITS.prompt],
        ['a formula', v.formula, VALIDATION_LIMITS.formula],
        ['a formula', v.min, VALIDATION_LIMITS.formula],
        ['a formula', v.max, VALIDATION_LIMITS.formula],
        ['a formula', v.items && '"' + v.items.join(',') + '"', VALIDATION_LIMITS.formula],
        ['a formula', v.source, VALIDATION_LIMITS.formula],
      ];
      for (const [what, text, limit] of texts) {
        if (tooLong(text, limit)) out.push(`Plan validation ${where}: ${what} has ${text!.length} characters; Excel allows ${limit}.`);
      }
    }
    for (const cf of sheet.conditionalFormats) {
      for (const range of cf.ranges) if (!isRange(range)) out.push(`Plan range "${range}" on ${sheet.name} is not an A1 range.`);
    }
    out.push(...printDefects(sheet.name, sheet.print));
  }
  for (const name of Object.keys(plan.styles)) {
    const font = plan.styles[name].font;
    if (font && font.name !== undefined && (!font.name || font.name.length > PRINT_LIMITS.fontName || /[",]/.test(font.name))) {
      out.push(`Plan style "${name}" names the font "${font.name}", which Excel cannot use (1 to ${PRINT_LIMITS.fontName} characters, no quote or comma).`);
    }
  }
  for (const chart of plan.charts || []) {
    if (!plan.sheets.some((s) => s.name === chart.sheet)) out.push(`Plan chart "${chart.title}" is on sheet "${chart.sheet}", which the plan does not write.`);
  }
  return out;
}

function printDefects(sheet: string, print: PrintPlan | undefined): string[] {
  const out: string[] = [];
  if (!print) return out;
  if (print.scale !== undefined && (print.fitToWidth || !(print.scale >= PRINT_LIMITS.minScale && print.scale <= PRINT_LIMITS.maxScale) || Math.round(print.scale) !== print.scale)) {
    out.push(`Plan print of ${sheet}: a scale must be a whole percent from ${PRINT_LIMITS.minScale} to ${PRINT_LIMITS.maxScale}, without fit to width.`);
  }
  if (print.area !== undefined && !isRange(print.area)) out.push(`Plan print area "${print.area}" on ${sheet} is not an A1 range.`);
  if (print.margins) {
    const m = print.margins;
    const across = print.orientation === 'landscape' ? 297 : 210;
    const down = print.orientation === 'landscape' ? 210 : 297;
    const values = [m.top, m.bottom, m.left, m.right, m.header, m.footer];
    if (values.some((v) => !(v >= 0 && isFinite(v))) || m.left + m.right >= across || m.top + m.bottom >= down || m.header >= m.top || m.footer >= m.bottom) {
      out.push(`Plan print margins of ${sheet} do not leave a page: ${JSON.stringify(m)}.`);
    }
  }
  if (print.pageNumbers) {
    const header = pageNumberHeader(print.pageNumbers);
    if (header.length > PRINT_LIMITS.header || !(print.pageNumbers.size >= 1 && print.pageNumbers.size <= 409) || /[",]/.test(print.pageNumbers.font)) {
      out.push(`Plan page numbers of ${sheet} cannot be written as an Excel header.`);
    }
  }
  const breaks = print.breaks || [];
  if (breaks.length > PRINT_LIMITS.breaks) out.push(`Plan print of ${sheet} has ${breaks.length} page breaks; Excel allows ${PRINT_LIMITS.breaks}.`);
  if (breaks.some((b, i) => Math.round(b) !== b || b < 1 || b > PRINT_LIMITS.maxRow || (i > 0 && b <= breaks[i - 1]))) {
    out.push(`Plan page breaks of ${sheet} must be rows after the first, in ascending order: ${breaks.join(', ')}.`);
  }
  return out;
}

export function isPlanWritable(plan: WorkbookPlan): boolean {
  return planDefects(plan).length === 0;
}

/** Throws the first defect of the plan; both writers call it before they write anything. */
export function ensurePlanWritable(plan: WorkbookPlan): void {
  const defects = planDefects(plan);
  if (defects.length) throw new PlanDefect(defects[0]);
}

/** The same for a few cells written into an existing sheet. */
export function ensureCellsWritable(sheet: string, cells: CellPlan[], styles: Record<string, StyleSpec>): void {
  const defects = cellDefects(sheet, cells, styles);
  if (defects.length) throw new PlanDefect(defects[0]);
}

// Rectangles and formatting of the Office.js adapter: a plan's cells grouped into as few A1
// rectangles as is simple, and each style split into facets (bold, fill, border...) so that a facet
// shared down a column is set once on a large range. Nothing here talks to Excel until a facet is applied.

import { a1, parseA1 } from '../../core/model/grid';
import { CellPlan, StyleSpec, WorkbookPlan } from '../../core/model/plan';
import { Features } from './host';
import { columnWidthPoints } from '../../core/model/print';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;

const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

/** Plan widths are Excel character units; Office.js wants points (one rule, in the core). */
export { columnWidthPoints };

export function parseRect(range: string): Rect {
  const parts = range.split(':');
  const from = parseA1(parts[0]);
  const to = parseA1(parts[parts.length - 1]);
  if (!from || !to || parts.length > 2) throw new Error(`Plan range "${range}" is not an A1 range.`);
  return { top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom: Math.max(from.row, to.row), right: Math.max(from.col, to.col) };
}

export function rectAddress(r: Rect): string {
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

/** One formatting setting of a style: cells whose settings share a key can share one range. */
export interface StyleFacet {
  key: string;
  /** `inner`: the range has more than one row / column, so inner border lines exist. */
  apply(format: Excel.RangeFormat, inner: { rows: boolean; cols: boolean }): void;
}

/**
 * The settings a style makes. After a sheet is cleared only those that differ from Excel's defaults
 * are needed; `complete` adds the defaults too, for a cell that may carry an older format.
 */
export function styleFacets(spec: StyleSpec, features: Features, complete: boolean): StyleFacet[] {
  const facets: StyleFacet[] = [];
  const add = (key: string, apply: StyleFacet['apply']) => facets.push({ key, apply });
  const font = spec.font || {};
  const bold = !!font.bold;
  const italic = !!font.italic;
  const underline = font.underline ? 'Single' : 'None';
  const size = font.size || 11;
  const color = '#' + (font.color || '000000');
  const name = font.name || 'Calibri';
  if (font.name !== undefined || complete) add('font=' + name, (f) => (f.font.name = name));
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

/** Consecutive indexes with the same key, as [first, last, key] runs. */
export function runsOf<K>(items: Array<{ index: number; key: K }>, same: (a: K, b: K) => boolean): Array<{ first: number; last: number; key: K }> {
  const sorted = items.slice().sort((a, b) => a.index - b.index);
  const runs: Array<{ first: number; last: number; key: K }> = [];
  for (const item of sorted) {
    const run = runs[runs.length - 1];
    if (run && run.last === item.index - 1 && same(run.key, item.key)) run.last = item.index;
    else runs.push({ first: item.index, last: item.index, key: item.key });
  }
  return runs;
}


/**
 * The sheet's formatting grouped by setting rather than by style name: "centred" or "thin border" runs
 * down whole columns across domain, criterion and leaf rows, so each becomes a few large ranges.
 */
export function facetGroups(cells: CellPlan[], styles: WorkbookPlan['styles'], features: Features): Array<{ facet: StyleFacet; rects: Rect[] }> {
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

export function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

/**
 * "'Chấm điểm'!A1:C1,'Chấm điểm'!A2" → ["A1:C1", "A2"], whatever separates the areas: Windows
 * desktop Excel writes them with the regional list separator (";" under the Vietnamese format).
 */
export function addressesWithoutSheet(address: string): string[] {
  const out: string[] = [];
  const pattern = /(?:'(?:[^']|'')*'|[^',;!\s]+)!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(address)) !== null) out.push(m[1].replace(/\$/g, ''));
  return out;
}

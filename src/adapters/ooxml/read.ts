// A small .xlsx reader for the task pane: the bytes of a workbook a person picked (a commune's
// workbook for the district summary, last year's workbook) → the core's plain grids, as the exceljs
// reader makes them for the CLI: values (a formula cell's cached result, dates as ISO text, errors as
// their text), formulas (shared ones translated to each cell), hyperlinks, merges, visibility.
// It reads only what the grids hold, and refuses files that would cost unbounded time or memory.

import { CellValue, SheetGrid, WorkbookGrids, parseA1 } from '../../core/model/grid';
import { UserError } from '../../core/model/errors';
import { message } from '../../core/text/catalogue';
import { useReadingTexts } from '../../core/text/reading-texts';
import { shiftFormula } from '../../core/model/formula';
import { Zip, openZip } from './unzip';

useReadingTexts();

export const READ_LIMITS = {
  /** Cells a sheet's dense grids may span, as the exceljs reader allows. */
  maxGridCells: 4000000,
  maxColumns: 16384,
};

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e.charAt(0) !== '#') return ENTITIES[e];
    const code = e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0xffff ? String.fromCharCode(0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)) : String.fromCharCode(code);
  }).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([\w:]+)\s*=\s*"([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(tag)) !== null) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** The text of every <t> inside a fragment (rich text runs joined; phonetic runs left out). */
function textOf(fragment: string): string {
  const clean = fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const pattern = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(clean)) !== null) out += m[1] ? unescapeXml(m[1]) : '';
  return out;
}

function sharedStrings(zip: Zip, base: string): string[] {
  const xml = zip.text(base + 'sharedStrings.xml');
  if (!xml) return [];
  const out: string[] = [];
  const pattern = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml)) !== null) out.push(m[1] ? textOf(m[1]) : '');
  return out;
}

/** Built-in number formats that show dates or times. */
const DATE_FORMAT_IDS: Record<number, boolean> = { 14: true, 15: true, 16: true, 17: true, 18: true, 19: true, 20: true, 21: true, 22: true, 45: true, 46: true, 47: true };

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^General$/i.test(bare);
}

/** For each cell style (the s attribute), whether it shows a date. */
function dateStyles(zip: Zip, base: string): boolean[] {
  const xml = zip.text(base + 'styles.xml');
  if (!xml) return [];
  const custom: Record<number, string> = {};
  const fmt = /<numFmt\b([^>]*)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = fmt.exec(xml)) !== null) {
    const a = attributes(m[1]);
    custom[Number(a.numFmtId)] = a.formatCode || '';
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  const xf = /<xf\b([^>]*?)(?:\/>|>)/g;
  while ((m = xf.exec(xfs[1])) !== null) {
    const id = Number(attributes(m[1]).numFmtId || 0);
    out.push(custom[id] !== undefined ? isDateFormat(custom[id]) : !!DATE_FORMAT_IDS[id]);
  }
  return out;
}

/** Excel's serial day number as an ISO instant, as the exceljs reader gives dates. */
function serialToIso(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - (date1904 ? 24107 : 25569)) * 86400000);
  const d = new Date(ms);
  return isNaN(d.getTime()) ? null : d.toISOString();
}

function relationships(zip: Zip, part: string): Record<string, { target: string; external: boolean }> {
  const slash = part.lastIndexOf('/');
  const xml = zip.text(part.slice(0, slash + 1) + '_rels/' + part.slice(slash + 1) + '.rels');
  const out: Record<string, { target: string; external: boolean }> = {};
  if (!xml) return out;
  const pattern = /<Relationship\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(xml)) !== null) {
    const a = attributes(m[1]);
    out[a.Id] = { target: a.Target, external: a.TargetMode === 'External' };
  }
  return out;
}

/** "worksheets/sheet1.xml" against "xl/" → "xl/worksheets/sheet1.xml"; "/xl/…" stays absolute. */
function resolvePart(base: string, target: string): string {
  if (target.charAt(0) === '/') return target.slice(1);
  const parts = (base + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

interface Context {
  file: string;
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

function tooWide(file: string, sheet: string): UserError {
  return new UserError('too-large', message('reading.sheetTooWide', { sheet, file }));
}

function readSheet(xml: string, name: string, visibility: SheetGrid['visibility'], links: Record<string, { target: string; external: boolean }>, ctx: Context): SheetGrid {
  const grid: SheetGrid = { name, visibility, values: [], formulas: [], hyperlinks: [], merges: [] };
  const mergePattern = /<mergeCell\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  const covered: Record<string, boolean> = {};
  while ((m = mergePattern.exec(xml)) !== null) {
    const ref = attributes(m[1]).ref;
    if (!ref) continue;
    grid.merges.push(ref);
    const [from, to] = ref.split(':').map((p) => parseA1(p));
    if (!from || !to) continue;
    if ((to.row - from.row + 1) * (to.col - from.col + 1) > READ_LIMITS.maxGridCells) throw tooWide(ctx.file, name);
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) covered[r + ':' + c] = true;
  }
  const shared: Record<string, { formula: string; row: number; col: number }> = {};
  const cellPattern = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let cells = 0;
  let lastRow = 0;
  while ((m = cellPattern.exec(xml)) !== null) {
    const a = attributes(m[1]);
    const at = a.r ? parseA1(a.r) : null;
    if (!at) continue;
    if (at.col >= READ_LIMITS.maxColumns) throw tooWide(ctx.file, name);
    const body = m[2] || '';
    const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
    let formula: string | null = null;
    if (f) {
      const fa = attributes(f[1]);
      const text = f[2] ? unescapeXml(f[2]) : '';
      if (fa.t === 'shared' && fa.si !== undefined) {
        if (text) shared[fa.si] = { formula: text, row: at.row, col: at.col };
        const master = shared[fa.si];
        formula = text || (master ? shiftFormula(master.formula, at.row - master.row, at.col - master.col) : null);
      } else {
        formula = text || null;
      }
    }
    const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body);
    const raw = v ? unescapeXml(v[1]) : null;
    let value: CellValue = null;
    if (a.t === 'inlineStr') value = textOf(body);
    else if (raw !== null) {
      if (a.t === 's') value = ctx.strings[Number(raw)] !== undefined ? ctx.strings[Number(raw)] : null;
      else if (a.t === 'str' || a.t === 'e') value = raw;
      else if (a.t === 'b') value = raw === '1' || raw === 'true';
      else {
        const n = Number(raw);
        value = !isFinite(n) ? raw : ctx.dates[Number(a.s || 0)] ? serialToIso(n, ctx.date1904) : n;
      }
    }
    // An empty cached text of a formula reads as no value, as the exceljs reader gives it.
    if (formula !== null && value === '') value = null;
    if (covered[at.row + ':' + at.col]) continue;
    if (value === null && formula === null) continue;
    cells++;
    if (at.row + 1 > lastRow) lastRow = at.row + 1;
    if (cells + lastRow > READ_LIMITS.maxGridCells) throw tooWide(ctx.file, name);
    (grid.values[at.row] = grid.values[at.row] || [])[at.col] = value;
    if (formula !== null) (grid.formulas[at.row] = grid.formulas[at.row] || [])[at.col] = formula;
  }
  const linkPattern = /<hyperlink\b([^>]*?)\/?>/g;
  while ((m = linkPattern.exec(xml)) !== null) {
    const a = attributes(m[1]);
    const rel = a['r:id'] ? links[a['r:id']] : undefined;
    const target = rel ? rel.target : a.location ? '#' + a.location : null;
    if (!target || !a.ref) continue;
    const [from, to] = a.ref.split(':').map((p) => parseA1(p));
    if (!from) continue;
    const end = to || from;
    for (let r = from.row; r <= end.row && r - from.row < 10000; r++) {
      for (let c = from.col; c <= end.col && c - from.col < 100; c++) {
        if (grid.values[r] && grid.values[r][c] !== undefined) (grid.hyperlinks[r] = grid.hyperlinks[r] || [])[c] = target;
      }
    }
  }
  // Dense rows, holes filled, as the exceljs reader hands them over.
  const rows = grid.values.length;
  for (const g of [grid.values, grid.formulas, grid.hyperlinks] as unknown[][][]) {
    for (let r = 0; r < rows; r++) {
      const row = g[r] || [];
      for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
      g[r] = row;
    }
  }
  return grid;
}

/** The grids of every sheet of an .xlsx, from its bytes. `file` names it in messages. */
export function readXlsxGrids(bytes: Uint8Array, file: string): WorkbookGrids {
  const zip = openZip(bytes, file);
  const workbookPart = 'xl/workbook.xml';
  const workbook = zip.text(workbookPart);
  if (!workbook) {
    throw new UserError('not-a-workbook', message('files.sniff.excelXlsxFile', { base: file }));
  }
  const base = 'xl/';
  const ctx: Context = { file, strings: sharedStrings(zip, base), dates: dateStyles(zip, base), date1904: /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook) };
  const rels = relationships(zip, workbookPart);
  const sheets: SheetGrid[] = [];
  const pattern = /<sheet\b([^>]*?)\/?>/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(workbook)) !== null) {
    const a = attributes(m[1]);
    const rel = rels[a['r:id']];
    if (!rel) continue;
    const part = resolvePart(base, rel.target);
    const xml = zip.text(part);
    if (xml === null) continue;
    const visibility: SheetGrid['visibility'] = a.state === 'hidden' ? 'hidden' : a.state === 'veryHidden' ? 'veryHidden' : 'visible';
    sheets.push(readSheet(xml, a.name, visibility, relationships(zip, part), ctx));
  }
  return { sheets };
}

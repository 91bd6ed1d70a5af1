// Finding an official criteria table's header: which rows and columns hold STT, the name, the maximum
// and the scoring method, however the table was pasted from Word or saved as CSV.

import { Message } from '../../model/errors';
import { CellValue, SheetGrid, cellText, foldText, parseA1 } from '../../model/grid';
import { joinMessages, message } from '../../text/catalogue';

/** Where the table stands on the sheet: 0-based rows and columns. */
export interface TableLayout {
  headerRow: number;
  firstDataRow: number;
  stt: number;
  name: number;
  max: number;
  method: number | null;
}

/** The header is looked for in this many rows from the top (title blocks are rarely longer)… */
export const HEADER_SCAN_ROWS = 60;

/** …and this many columns from the left, whatever a stray merge or format reaches. */
export const HEADER_SCAN_COLUMNS = 100;

// ---------------------------------------------------------------------------------------------
// Header
export type Role = 'stt' | 'name' | 'max' | 'method' | 'other';

/** Tested in order on folded text: columns the set does not keep come first, as they mention "điểm" too. */
export const HEADER_PATTERNS: Array<[Role, RegExp]> = [
  ['other', /tu cham|tu danh gia|tham dinh|kiem chung|minh chung|ghi chu|diem dat|ket qua/],
  ['method', /cach cham|phuong phap|huong dan|cach tinh|cach danh gia|cach thuc/],
  ['max', /^diem$|toi da|diem chuan|thang diem|so diem/],
  ['stt', /^(stt|s tt|so tt|tt|so thu tu|thu tu)$/],
  ['name', /noi dung|tieu chi|linh vuc|^ten /],
];

export function headerRole(text: string): Role | null {
  const t = foldText(text).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(t)) return role;
  return null;
}

export type Columns = Partial<Record<Role, number>>;

export function columnRoles(texts: string[]): Columns {
  const columns: Columns = {};
  texts.forEach((text, col) => {
    const role = headerRole(text);
    if (role && columns[role] === undefined) columns[role] = col;
  });
  return columns;
}

export function isCompleteHeader(c: Columns): boolean {
  return c.stt !== undefined && c.name !== undefined && c.max !== undefined;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseMerges(merges: string[]): Area[] {
  const areas: Area[] = [];
  for (const range of merges) {
    const [from, to] = range.split(':');
    const a = parseA1(from || '');
    const b = parseA1(to || '');
    if (a && b) areas.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return areas;
}

export function rowValues(grid: SheetGrid, row: number): CellValue[] {
  return grid.values[row] || [];
}

/** Header cell texts of a row; a merged cell reads its master's text (a header spanning columns). */
export function headerTexts(grid: SheetGrid, areas: Area[], row: number): string[] {
  const spanning = areas.filter((a) => a.top <= row && row <= a.bottom);
  const width = Math.min(HEADER_SCAN_COLUMNS, spanning.reduce((w, a) => Math.max(w, a.right + 1), rowValues(grid, row).length));
  const texts: string[] = [];
  for (let col = 0; col < width; col++) {
    const own = cellText(rowValues(grid, row)[col] ?? null);
    const area = own ? null : spanning.find((a) => a.left <= col && col <= a.right);
    texts.push(area ? cellText(rowValues(grid, area.top)[area.left] ?? null) : own);
  }
  return texts;
}

export function toLayout(headerRow: number, firstDataRow: number, c: Columns): TableLayout {
  return { headerRow, firstDataRow, stt: c.stt!, name: c.name!, max: c.max!, method: c.method ?? null };
}

/**
 * Finds the header row by its words (STT; Nội dung / Tiêu chí; Điểm tối đa; Cách chấm). A two-row
 * header ("Điểm" above "Tối đa | Tự chấm") is read as one when the row below holds header words only.
 */
export function findTableLayout(grid: SheetGrid): TableLayout | null {
  const areas = parseMerges(grid.merges);
  const last = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    const texts = headerTexts(grid, areas, row);
    const single = columnRoles(texts);
    if (Object.keys(single).length === 0) continue;
    const below = headerTexts(grid, areas, row + 1);
    const belowIsHeader = below.some((t, col) => t !== '' && t !== texts[col])
      && below.every((t, col) => t === '' || t === texts[col] || headerRole(t) !== null);
    if (belowIsHeader) {
      const joined = columnRoles(texts.map((t, col) => (below[col] && below[col] !== t ? t + ' ' + below[col] : t)));
      if (isCompleteHeader(joined)) return toLayout(row, row + 2, joined);
    }
    if (isCompleteHeader(single)) return toLayout(row, row + 1, single);
  }
  return null;
}

export const ROLE_NAMES: Record<'stt' | 'name' | 'max', Message> = {
  stt: message('inputs.tableHeader.roleStt'),
  name: message('inputs.tableHeader.roleName'),
  max: message('inputs.tableHeader.roleMax'),
};

/** Why no table was found on a sheet, naming the closest row when one came near. */
export function missingHeaderMessage(grid: SheetGrid): Message {
  const areas = parseMerges(grid.merges);
  let bestRow = -1;
  let bestFound: Array<'stt' | 'name' | 'max'> = [];
  const last = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    const roles = columnRoles(headerTexts(grid, areas, row));
    const found = (['stt', 'name', 'max'] as const).filter((r) => roles[r] !== undefined);
    if (found.length > bestFound.length) {
      bestRow = row;
      bestFound = found;
    }
  }
  const base = message('inputs.tableHeader.criteriaTableHeaderFound', { name: grid.name, headerScanRows: HEADER_SCAN_ROWS });
  if (bestFound.length < 2) return base;
  const missing = (['stt', 'name', 'max'] as const).filter((r) => bestFound.indexOf(r) < 0);
  return message('inputs.tableHeader.rowComesCloseBut', { base, row: bestRow + 1, missing: joinMessages(missing.map((r) => ROLE_NAMES[r]), ', ') });
}

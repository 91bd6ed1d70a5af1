// One reader: plain grids of a workbook → where each criterion's row and each column stand. Rows are
// found by the code column and columns by their header text, so sorted rows, inserted columns and
// renamed sheets still read correctly.

import { WorkbookGrids, SheetGrid, cellAt, cellText } from '../../model/grid';
import { ColumnRole, ROW_MARKERS, SHEETS, roleOfHeader } from '../../model/layout';
import { MetaResult, WorkbookMeta, isMetaGrid, readMeta } from '../meta';
import { UserError } from '../../model/errors';
import { CriteriaIndex, indexSet } from '../../model/criteria';
import { RegisterRead, readRegister } from '../register/read';
import { AssignmentRead, readAssignment } from '../assignment/read';
import { joinMessages, message } from '../../text/catalogue';

export interface ScoringRead {
  meta: WorkbookMeta;
  /** The workbook's criteria set, indexed. */
  criteria: CriteriaIndex;
  sheet: SheetGrid;
  headerRow: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** The row of each code found (its first occurrence). */
  rowOf: Record<string, number>;
  duplicates: Array<{ code: string; rows: number[] }>;
  unknown: Array<{ text: string; row: number }>;
  missing: string[];
  markers: Partial<Record<keyof typeof ROW_MARKERS, number>>;
  /** Every row that carries a criterion code (known ones), for formula checks. */
  codeRows: Record<number, string>;
  /** The Minh chứng evidence register, when the workbook has one. */
  register: RegisterRead | null;
  /** The Phân công sheet (people and the common due date), when the workbook has one. */
  assignment: AssignmentRead | null;
}

const HEADER_SCAN_ROWS = 60;

/** The header row: the first row naming at least the max, self-score and code columns. */
export function findHeader(grid: SheetGrid): { row: number; columns: Partial<Record<ColumnRole, number>> } | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = grid.values[r] || [];
    const columns: Partial<Record<ColumnRole, number>> = {};
    for (let c = 0; c < row.length && c < 200; c++) {
      const v = row[c];
      if (typeof v !== 'string') continue;
      const role = roleOfHeader(v);
      if (role && columns[role] === undefined) columns[role] = c;
    }
    if (columns.max !== undefined && columns.self !== undefined && columns.code !== undefined) return { row: r, columns };
  }
  return null;
}

function notScoring(): UserError {
  return new UserError('not-scoring', message('inputs.read.cchcScoringWorkbookCchc'));
}

/** Locates the metadata and the scoring sheet; throws UserError when this is not a scoring workbook. */
export function readScoring(grids: WorkbookGrids): ScoringRead {
  const metaGrid = grids.sheets.filter((s) => s.name === SHEETS.meta && isMetaGrid(s))[0] || grids.sheets.filter(isMetaGrid)[0];
  const metaResult: MetaResult = readMeta(metaGrid);
  if (!metaResult.ok) {
    if (metaResult.reason === 'absent') throw notScoring();
    const detail = joinMessages(metaResult.problems.slice(0, 3).map((p) => p.message), '; ');
    throw new UserError('meta-damaged', message('inputs.read.cchcSheetCriteriaSet', { detail }));
  }
  const meta = metaResult.meta;
  // The scoring sheet under its own name, else any sheet with our header (it may have been renamed).
  const candidates = [grids.sheets.filter((s) => s.name === SHEETS.scoring)[0]]
    .concat(grids.sheets.filter((s) => s.name !== SHEETS.scoring && s !== metaGrid))
    .filter((s): s is SheetGrid => !!s);
  let sheet: SheetGrid | null = null;
  let header: ReturnType<typeof findHeader> = null;
  for (const s of candidates) {
    header = findHeader(s);
    if (header) {
      sheet = s;
      break;
    }
  }
  if (!sheet || !header) {
    throw new UserError('no-scoring-sheet', message('inputs.read.findSheetHeaderRow', { scoring: SHEETS.scoring }));
  }

  const known: Record<string, boolean> = {};
  const criteria = indexSet(meta.set);
  for (const f of criteria.nodes) known[f.code] = true;
  for (const item of (meta.set.bonus || []).concat(meta.set.deduction || [])) known[item.code] = true;
  const markerOf: Record<string, keyof typeof ROW_MARKERS> = {};
  (Object.keys(ROW_MARKERS) as Array<keyof typeof ROW_MARKERS>).forEach((k) => (markerOf[ROW_MARKERS[k]] = k));

  const rowOf: Record<string, number> = {};
  const rowsOf: Record<string, number[]> = {};
  const unknown: ScoringRead['unknown'] = [];
  const markers: ScoringRead['markers'] = {};
  const codeRows: Record<number, string> = {};
  const codeCol = header.columns.code!;
  for (let r = header.row + 1; r < sheet.values.length; r++) {
    const raw = cellAt(sheet, r, codeCol);
    if (raw === null) continue;
    const text = cellText(raw);
    if (!text) continue;
    if (markerOf[text]) {
      if (markers[markerOf[text]] === undefined) markers[markerOf[text]] = r;
      continue;
    }
    if (!known[text]) {
      unknown.push({ text, row: r });
      continue;
    }
    (rowsOf[text] = rowsOf[text] || []).push(r);
    if (rowOf[text] === undefined) rowOf[text] = r;
    codeRows[r] = text;
  }
  const duplicates = Object.keys(rowsOf).filter((c) => rowsOf[c].length > 1).map((code) => ({ code, rows: rowsOf[code] }));
  const missing = Object.keys(known).filter((c) => rowOf[c] === undefined);
  return { meta, criteria, sheet, headerRow: header.row, columns: header.columns, rowOf, duplicates, unknown, missing, markers, codeRows, register: readRegister(grids), assignment: readAssignment(grids) };
}

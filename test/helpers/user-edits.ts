// Ordinary edits people make to a scoring workbook, each made in a real LibreOffice (helpers/uno.ts)
// on a freshly built workbook and saved as LibreOffice saves it: the files tests hand to `cchc check`
// to see whether it notices. Every builder finds what it edits in the built file itself, as a person
// finds it on screen: the row of each code through the core's reader (readScoring), columns by their
// header text, Tổng hợp's rows by their labels. No cell address is written down here.
//
// A builder states only what the person does; what LibreOffice then made of it (a number, a text, a
// refusal) is in the returned edit report and in the saved file, for the tests to assert.

import * as fs from 'fs';
import * as path from 'path';
import { flattenSet, FlatNode } from '../../src/core/model/criteria';
import { CellValue, SheetGrid, WorkbookGrids, a1, cellAt, formulaAt, parseA1 } from '../../src/core/model/grid';
import { ColumnRole, SHEETS, columnSpec } from '../../src/core/model/layout';
import { fromHundredths, toHundredths } from '../../src/core/model/points';
import { ScoringRead, readScoring } from '../../src/core/sheets/scoring/read';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read-grid';
import { cchc } from './cli';
import { EditResult, UnoOp, editInLibreOffice } from './uno';

export const UNIT = 'Xã Đồng Thịnh';
export const YEAR = '2024';

/** A workbook as built, read back the way the core reads it. */
export interface Built {
  file: string;
  grids: WorkbookGrids;
  scoring: ScoringRead;
}

export interface EditOptions {
  /** LibreOffice's locale for the session; it decides how typed numbers and dates parse. */
  locale?: string;
}

/** What every builder returns: the saved file and what LibreOffice did with each operation. */
export interface Edited {
  file: string;
  ops: UnoOp[];
  edit: EditResult;
}

export async function readBuilt(file: string): Promise<Built> {
  const grids = await readWorkbookGrids(file);
  return { file, grids, scoring: readScoring(grids) };
}

/** `cchc build --unit "Xã Đồng Thịnh" --year 2024 --out <dir>/<name>`, in-process, read back. */
export async function buildBase(dir: string, name = 'base.xlsx'): Promise<Built> {
  const file = path.join(dir, name);
  const ran = await cchc(dir, 'build', '--unit', UNIT, '--year', YEAR, '--out', file);
  if (ran.code !== 0) throw new Error(`cchc build exited with ${ran.code}: ${ran.err}`);
  return readBuilt(file);
}

// ---------------------------------------------------------------------------------------------
// Finding things in the built workbook

const SCORING = SHEETS.scoring;

function col(b: Built, role: ColumnRole): number {
  const c = b.scoring.columns[role];
  if (c === undefined) throw new Error(`${b.file}: no "${columnSpec(role).header.vi}" column on ${SCORING}`);
  return c;
}

function rowOf(b: Built, code: string): number {
  const r = b.scoring.rowOf[code];
  if (r === undefined) throw new Error(`${b.file}: no row with code ${code} on ${SCORING}`);
  return r;
}

/** The A1 address of a code's cell in a column of Chấm điểm. */
export function cellOf(b: Built, code: string, role: ColumnRole): string {
  return a1(rowOf(b, code), col(b, role));
}

function flat(b: Built): FlatNode[] {
  return flattenSet(b.scoring.meta.set);
}

function leaves(b: Built): FlatNode[] {
  return flat(b).filter((f) => f.leaf);
}

/** Points as a person of that locale types them: "1.5" in en-US, "1,5" in vi-VN. */
export function typedPoints(points: number, locale = 'en-US'): string {
  const text = String(fromHundredths(toHundredths(points)));
  return locale.startsWith('vi') ? text.replace('.', ',') : text;
}

function typeOp(sheet: string, cell: string, text: string, extra: Partial<UnoOp> = {}): UnoOp {
  return { op: 'type', sheet, cell, text, ...extra } as UnoOp;
}

async function run(b: Built, out: string, ops: UnoOp[], options: EditOptions): Promise<Edited> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const edit = await editInLibreOffice(b.file, out, ops, { locale: options.locale });
  return { file: out, ops, edit };
}

// ---------------------------------------------------------------------------------------------
// (a) every leaf scored with a valid entry

export interface Filled extends Edited {
  /** What each leaf holds after typing: the number, "KAD", or null where LibreOffice refused the entry. */
  scores: Record<string, number | 'KAD' | null>;
  /** Leaves whose entry LibreOffice refused (their validity rule), in order. */
  refused: string[];
  /** The sum of the numbers that landed, exact. */
  total: number;
}

/**
 * Types a valid score on every leaf, as the clerk does: the leaf's levels in turn (its maximum when it
 * has none), and KAD on the `notApplicable` codes. Whether the workbook's validity rule lets KAD in
 * is LibreOffice's call: a refused KAD is reported in `refused`, not treated as a failure.
 */
export async function fillEveryLeaf(b: Built, out: string, options: EditOptions & { notApplicable?: string[] } = {}): Promise<Filled> {
  const kad = options.notApplicable || [];
  const typed: Record<string, number | 'KAD'> = {};
  const ops: UnoOp[] = [];
  leaves(b).forEach((f, i) => {
    const levels = f.node.levels && f.node.levels.length ? f.node.levels : [f.node.max];
    const entry = kad.indexOf(f.code) >= 0 ? 'KAD' : levels[i % levels.length];
    typed[f.code] = entry;
    const cell = cellOf(b, f.code, 'self');
    ops.push(entry === 'KAD' ? typeOp(SCORING, cell, 'KAD', { mayBeRefused: true }) : typeOp(SCORING, cell, typedPoints(entry, options.locale)));
  });
  const edited = await run(b, out, ops, options);
  const scores: Filled['scores'] = {};
  const refused: string[] = [];
  let total = 0;
  leaves(b).forEach((f, i) => {
    if (edited.edit.report[i].refused) {
      refused.push(f.code);
      scores[f.code] = null;
      return;
    }
    scores[f.code] = typed[f.code];
    if (typed[f.code] !== 'KAD') total += toHundredths(typed[f.code] as number);
  });
  return { ...edited, scores, refused, total: fromHundredths(total) };
}

// ---------------------------------------------------------------------------------------------
// (b) a row inserted inside a criterion's block, (c) just above TỔNG ĐIỂM

export interface InsertedRow extends Edited {
  /** 1-based row of the inserted row in the saved file. */
  row: number;
  /** Where the person typed, in the saved file. */
  scoreCell: string;
  maxCell?: string;
  typedScore: number;
  typedMax?: number;
}

export interface InsertedInCriterion extends InsertedRow {
  criterion: string;
  /** The criterion's subtotal (Điểm tự chấm) cell, which does not move. */
  subtotalCell: string;
  /** The scores typed on the criterion's own leaves first. */
  leafScores: Record<string, number>;
}

/** The first criterion whose leaves are two or more consecutive rows. */
function criterionWithLeafBlock(b: Built): FlatNode {
  const all = flat(b);
  const found = all.filter((f) => {
    if (f.depth !== 1 || f.childCodes.length < 2) return false;
    const rows = f.childCodes.map((c) => all.filter((x) => x.code === c)[0]).filter((c) => c && c.leaf).map((c) => rowOf(b, c.code));
    return rows.length === f.childCodes.length && rows.every((r, i) => i === 0 || r === rows[i - 1] + 1);
  })[0];
  if (!found) throw new Error(`${b.file}: no criterion with two or more consecutive leaf rows`);
  return found;
}

/**
 * Unprotects Chấm điểm (Insert Rows is greyed out on the protected sheet), scores the leaves of a
 * criterion, inserts a row between its last two leaves and types a score and a maximum in it: the
 * unnamed extra line a clerk adds to claim points the set does not list.
 */
export async function insertRowInCriterion(b: Built, out: string, options: EditOptions = {}): Promise<InsertedInCriterion> {
  const criterion = criterionWithLeafBlock(b);
  const leafScores: Record<string, number> = {};
  const ops: UnoOp[] = [{ op: 'unprotect', sheet: SCORING }];
  for (const code of criterion.childCodes) {
    const node = flat(b).filter((f) => f.code === code)[0].node;
    leafScores[code] = node.max;
    ops.push(typeOp(SCORING, cellOf(b, code, 'self'), typedPoints(node.max, options.locale)));
  }
  const lastLeafRow = rowOf(b, criterion.childCodes[criterion.childCodes.length - 1]);
  const row = lastLeafRow + 1; // 1-based: the new row takes the last leaf's place
  const typedScore = 0.5;
  const typedMax = 1;
  const scoreCell = a1(row - 1, col(b, 'self'));
  const maxCell = a1(row - 1, col(b, 'max'));
  ops.push({ op: 'insertRows', sheet: SCORING, before: row, count: 1 });
  ops.push(typeOp(SCORING, scoreCell, typedPoints(typedScore, options.locale)));
  ops.push(typeOp(SCORING, maxCell, typedPoints(typedMax, options.locale)));
  const edited = await run(b, out, ops, options);
  return {
    ...edited, row, scoreCell, maxCell, typedScore, typedMax, leafScores,
    criterion: criterion.code, subtotalCell: cellOf(b, criterion.code, 'self'),
  };
}

export interface InsertedInDomain extends InsertedRow {
  domain: string;
  /** The domain's subtotal (Điểm tự chấm) cell, which does not move. */
  subtotalCell: string;
  /** The two criteria, scored, between which the row went. */
  between: [string, string];
  criterionScores: Record<string, number>;
}

/** A domain two of whose criteria are scored on their own rows (no sub-criteria), one right below the other. */
function domainWithAdjacentCriteria(b: Built): { domain: FlatNode; pair: [FlatNode, FlatNode] } {
  const all = flat(b);
  for (const domain of all.filter((f) => f.depth === 0)) {
    const children = domain.childCodes.map((c) => all.filter((x) => x.code === c)[0]);
    for (let i = 0; i + 1 < children.length; i++) {
      const [x, y] = [children[i], children[i + 1]];
      if (x.leaf && y.leaf && rowOf(b, y.code) === rowOf(b, x.code) + 1) return { domain, pair: [x, y] };
    }
  }
  throw new Error(`${b.file}: no domain with two adjacent criteria scored on their own rows`);
}

/**
 * Unprotects Chấm điểm, scores two adjacent criteria of a domain that are scored on their own rows,
 * inserts a row between them and types a score and a maximum in it: the extra line a clerk adds to a
 * domain for something the commune did. The domain's SUM range runs over both criteria, so the
 * spreadsheet stretches it over the new row.
 */
export async function insertRowInDomain(b: Built, out: string, options: EditOptions = {}): Promise<InsertedInDomain> {
  const { domain, pair } = domainWithAdjacentCriteria(b);
  const criterionScores: Record<string, number> = {};
  const ops: UnoOp[] = [{ op: 'unprotect', sheet: SCORING }];
  for (const c of pair) {
    criterionScores[c.code] = c.node.max;
    ops.push(typeOp(SCORING, cellOf(b, c.code, 'self'), typedPoints(c.node.max, options.locale)));
  }
  const row = rowOf(b, pair[1].code) + 1; // 1-based: the new row takes the second criterion's place
  const typedScore = 0.5;
  const typedMax = 1;
  const scoreCell = a1(row - 1, col(b, 'self'));
  const maxCell = a1(row - 1, col(b, 'max'));
  ops.push({ op: 'insertRows', sheet: SCORING, before: row, count: 1 });
  ops.push(typeOp(SCORING, scoreCell, typedPoints(typedScore, options.locale)));
  ops.push(typeOp(SCORING, maxCell, typedPoints(typedMax, options.locale)));
  const edited = await run(b, out, ops, options);
  return {
    ...edited, row, scoreCell, maxCell, typedScore, typedMax, criterionScores,
    domain: domain.code, subtotalCell: cellOf(b, domain.code, 'self'), between: [pair[0].code, pair[1].code],
  };
}

export interface InsertedAboveTotal extends InsertedRow {
  /** The TỔNG ĐIỂM score cell in the saved file (one row lower than built). */
  totalCell: string;
  /** The code of the row just above the inserted one (whose formats and validity rule it takes). */
  codeAbove: string;
}

/**
 * Unprotects Chấm điểm, inserts a row just above TỔNG ĐIỂM and types a score in it. LibreOffice gives
 * the new row the formats, and the validity rule, of the row above it, so the number typed is that
 * row's maximum: a larger one would be refused as it is on that row.
 */
export async function insertRowAboveTotal(b: Built, out: string, options: EditOptions = {}): Promise<InsertedAboveTotal> {
  const totalRow = b.scoring.markers.total;
  if (totalRow === undefined) throw new Error(`${b.file}: no TỔNG ĐIỂM row`);
  const codeAbove = b.scoring.codeRows[totalRow - 1];
  if (!codeAbove) throw new Error(`${b.file}: the row above TỔNG ĐIỂM carries no code`);
  const above = flat(b).filter((f) => f.code === codeAbove)[0];
  const typedScore = above ? above.node.max : 1;
  const row = totalRow + 1; // 1-based
  const scoreCell = a1(row - 1, col(b, 'self'));
  const ops: UnoOp[] = [
    { op: 'unprotect', sheet: SCORING },
    { op: 'insertRows', sheet: SCORING, before: row, count: 1 },
    typeOp(SCORING, scoreCell, typedPoints(typedScore, options.locale)),
  ];
  const edited = await run(b, out, ops, options);
  return { ...edited, row, scoreCell, typedScore, codeAbove, totalCell: a1(totalRow + 1, col(b, 'self')) };
}

// ---------------------------------------------------------------------------------------------
// (d) numbers typed over Tổng hợp's formulas

export interface SummaryCells {
  /** TỔNG ĐIỂM × Điểm tự chấm. */
  total: string;
  /** CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%) × Điểm tự chấm. */
  index: string;
  /** The first domain's row × Điểm tự chấm. */
  domain: string;
  domainCode: string;
}

function sheetNamed(grids: WorkbookGrids, name: string): SheetGrid {
  const s = grids.sheets.filter((x) => x.name === name)[0];
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Tổng hợp's cells found by their labels, and the domain row by the cell its formula reads. */
export function summaryCells(b: Built): SummaryCells {
  const sheet = sheetNamed(b.grids, SHEETS.summary);
  const selfHeader = columnSpec('self').header.vi;
  const headerRow = sheet.values.findIndex((r) => (r || []).indexOf(selfHeader) >= 0);
  if (headerRow < 0) throw new Error(`${SHEETS.summary}: no "${selfHeader}" header`);
  const selfCol = sheet.values[headerRow].indexOf(selfHeader);
  const rowLabelled = (label: string) => {
    const r = sheet.values.findIndex((row) => (row || []).some((v) => v === label));
    if (r < 0) throw new Error(`${SHEETS.summary}: no row labelled "${label}"`);
    return r;
  };
  const domainCode = b.scoring.meta.set.nodes[0].code;
  const target = `'${SCORING}'!${cellOf(b, domainCode, 'self')}`;
  let domainRow = -1;
  for (let r = headerRow + 1; r < sheet.values.length && domainRow < 0; r++) if (formulaAt(sheet, r, selfCol) === target) domainRow = r;
  if (domainRow < 0) throw new Error(`${SHEETS.summary}: no row reading ${target}`);
  return {
    total: a1(rowLabelled('TỔNG ĐIỂM'), selfCol),
    index: a1(rowLabelled('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)'), selfCol),
    domain: a1(domainRow, selfCol),
    domainCode,
  };
}

export interface TypedOverSummary extends Edited {
  cells: SummaryCells;
  typed: { total: number; index: number; domain: number };
}

/**
 * Unprotects Tổng hợp (every cell there is locked) and types numbers over the total, the index and
 * the first domain's points: the "correction" made on the page that gets signed and sent.
 */
export async function typeOverSummary(b: Built, out: string, options: EditOptions = {}): Promise<TypedOverSummary> {
  const cells = summaryCells(b);
  const typed = { total: 95.5, index: 95.5, domain: 9 };
  const ops: UnoOp[] = [
    { op: 'unprotect', sheet: SHEETS.summary },
    typeOp(SHEETS.summary, cells.total, typedPoints(typed.total, options.locale)),
    typeOp(SHEETS.summary, cells.index, typedPoints(typed.index, options.locale)),
    typeOp(SHEETS.summary, cells.domain, typedPoints(typed.domain, options.locale)),
  ];
  return { ...(await run(b, out, ops, options)), cells, typed };
}

/**
 * Unprotects Tổng hợp and inserts a row before the 1-based row `before`, typing `text` in its first
 * cell: a line added to the report above the table, or a row added inside it.
 */
export async function insertSummaryRow(b: Built, out: string, before: number, text: string, options: EditOptions = {}): Promise<Edited> {
  const ops: UnoOp[] = [
    { op: 'unprotect', sheet: SHEETS.summary },
    { op: 'insertRows', sheet: SHEETS.summary, before, count: 1 },
    typeOp(SHEETS.summary, `A${before}`, text),
  ];
  return run(b, out, ops, options);
}

// ---------------------------------------------------------------------------------------------
// (e) sorting the name and max columns of three leaf rows, not their codes

export interface SortedRow {
  code: string;
  name: string;
  max: number;
}

export interface SortedApart extends Edited {
  variant: 'equal-max' | 'different-max';
  /** 1-based rows sorted, and the range selected. */
  rows: number[];
  range: string;
  /** The rows as built, in order. */
  before: SortedRow[];
}

function leafRowsInOrder(b: Built): SortedRow[][] {
  // Runs of consecutive sheet rows that are all leaves.
  const all = leaves(b).map((f) => ({ code: f.code, name: f.node.name, max: f.node.max, row: rowOf(b, f.code) })).sort((x, y) => x.row - y.row);
  const runs: Array<Array<SortedRow & { row: number }>> = [];
  for (const l of all) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1].row === l.row - 1) last.push(l);
    else runs.push([l]);
  }
  return runs;
}

/**
 * Unprotects Chấm điểm, selects the name and Điểm tối đa cells of three consecutive leaf rows (not
 * the Mã column) and sorts them: names (and maxima) move, codes stay. 'equal-max': three leaves with
 * the same maximum, sorted by name, so only the names move. 'different-max': three leaves whose
 * maxima differ, sorted by maximum. The direction is the one that changes the order.
 */
export async function sortNamesAwayFromCodes(b: Built, out: string, variant: SortedApart['variant'], options: EditOptions = {}): Promise<SortedApart> {
  const nameCol = col(b, 'name');
  const maxCol = col(b, 'max');
  if (maxCol !== nameCol + 1) throw new Error(`${b.file}: the name and max columns are not side by side`);
  const compareNames = (x: SortedRow, y: SortedRow) => x.name.localeCompare(y.name, 'vi');
  const compareMax = (x: SortedRow, y: SortedRow) => x.max - y.max;
  const compare = variant === 'equal-max' ? compareNames : compareMax;
  let window: Array<SortedRow & { row: number }> | null = null;
  for (const run of leafRowsInOrder(b) as Array<Array<SortedRow & { row: number }>>) {
    for (let i = 0; i + 3 <= run.length && !window; i++) {
      const w = run.slice(i, i + 3);
      const equal = w.every((x) => x.max === w[0].max);
      const distinctNames = w.every((x, j) => w.findIndex((y) => y.name === x.name) === j);
      if (variant === 'equal-max' ? equal && distinctNames : !equal) window = w;
    }
    if (window) break;
  }
  if (!window) throw new Error(`${b.file}: no three consecutive leaf rows with ${variant === 'equal-max' ? 'equal' : 'different'} maxima`);
  const sortedAscending = window.slice().sort(compare);
  const ascending = sortedAscending.some((x, i) => x.code !== window![i].code);
  const rows = window.map((w) => w.row + 1);
  const range = `${a1(window[0].row, nameCol)}:${a1(window[2].row, maxCol)}`;
  const key = a1(0, variant === 'equal-max' ? nameCol : maxCol).replace(/\d+$/, '');
  const ops: UnoOp[] = [
    { op: 'unprotect', sheet: SCORING },
    { op: 'sort', sheet: SCORING, range, key, ascending },
  ];
  const before = window.map(({ code, name, max }) => ({ code, name, max }));
  return { ...(await run(b, out, ops, options)), variant, rows, range, before };
}

// ---------------------------------------------------------------------------------------------
// (f) rows typed on the Minh chứng register

export interface RegisterEntry {
  what: 'unknown-code' | 'parent-code' | 'malformed-code' | 'no-code' | 'impossible-date';
  /** 1-based row on Minh chứng. */
  row: number;
  code: string;
  number: string;
  date: string;
  summary: string;
}

export interface RegisterTyped extends Edited {
  entries: RegisterEntry[];
  /** Register columns' letters. */
  columns: { codes: string; number: string; date: string; summary: string };
}

/**
 * Types five register rows on Minh chứng (an unprotected sheet) below the header, as a clerk fills
 * it: a code the set does not have, a criterion's (parent) code, "1,4,2" for "1.4.2", a row with no
 * code, and 31/02/2024 as the issue date. Dates are typed the Vietnamese way, dd/mm/yyyy.
 */
export async function typeRegisterRows(b: Built, out: string, options: EditOptions = {}): Promise<RegisterTyped> {
  const register = b.scoring.register;
  if (!register) throw new Error(`${b.file}: no Minh chứng register`);
  const c = register.columns;
  if (c.codes === undefined || c.number === undefined || c.date === undefined || c.summary === undefined) {
    throw new Error(`${b.file}: the register lacks a code, number, date or summary column`);
  }
  const letter = (n: number) => a1(0, n).replace(/\d+$/, '');
  const columns = { codes: letter(c.codes), number: letter(c.number), date: letter(c.date), summary: letter(c.summary) };
  const parent = flat(b).filter((f) => f.depth === 1 && !f.leaf)[0];
  const firstLeaf = leaves(b)[0];
  const used = register.rows.length ? Math.max(...register.rows.map((r) => r.row)) : register.headerRow;
  const first = used + 2; // 1-based: the first empty row below the header or the last entry
  const specs: Array<Omit<RegisterEntry, 'row'>> = [
    { what: 'unknown-code', code: '9.9.9', number: '01/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch có mã không thuộc bộ tiêu chí' },
    { what: 'parent-code', code: parent.code, number: '02/KH-UBND', date: '16/01/2024', summary: 'Văn bản ghi mã tiêu chí cha' },
    { what: 'malformed-code', code: '1,4,2', number: '03/BC-UBND', date: '17/01/2024', summary: 'Mã gõ dấu phẩy thay dấu chấm' },
    { what: 'no-code', code: '', number: '04/BC-UBND', date: '18/01/2024', summary: 'Văn bản chưa ghi mã tiêu chí' },
    { what: 'impossible-date', code: firstLeaf.code, number: '05/QĐ-UBND', date: '31/02/2024', summary: 'Ngày ban hành không có thật' },
  ];
  const sheet = SHEETS.evidence;
  const ops: UnoOp[] = [];
  const entries = specs.map((spec, i) => {
    const row = first + i;
    if (spec.code) ops.push(typeOp(sheet, columns.codes + row, spec.code));
    ops.push(typeOp(sheet, columns.number + row, spec.number));
    ops.push(typeOp(sheet, columns.date + row, spec.date));
    ops.push(typeOp(sheet, columns.summary + row, spec.summary));
    return { ...spec, row };
  });
  return { ...(await run(b, out, ops, options)), entries, columns };
}

// ---------------------------------------------------------------------------------------------
// (g) "1.5" and "0,5" typed under a locale

export interface TypedDecimal {
  text: string;
  code: string;
  /** The leaf's score cell (a validity rule guards it) and its Giải trình cell (no rule). */
  scoreCell: string;
  noteCell: string;
}

export interface DecimalsTyped extends Edited {
  locale: string;
  typed: TypedDecimal[];
}

/**
 * Types "1.5" and "0,5" into the score cells of two leaves whose maximum allows the value, and the
 * same texts into their Giải trình cells, under the session's locale. Whether LibreOffice reads a
 * number or keeps text is its decision for the locale; on the score cells a text is refused by the
 * validity rule (Stop), which the report records rather than treats as a failure.
 */
export async function typeDecimals(b: Built, out: string, options: EditOptions = {}): Promise<DecimalsTyped> {
  const locale = options.locale || 'en-US';
  const pick = (min: number, not: string[]) => {
    const f = leaves(b).filter((l) => l.node.max >= min && not.indexOf(l.code) < 0)[0];
    if (!f) throw new Error(`${b.file}: no leaf with a maximum of ${min} or more`);
    return f.code;
  };
  const first = pick(1.5, []);
  const second = pick(0.5, [first]);
  const typed: TypedDecimal[] = [
    { text: '1.5', code: first, scoreCell: cellOf(b, first, 'self'), noteCell: cellOf(b, first, 'note') },
    { text: '0,5', code: second, scoreCell: cellOf(b, second, 'self'), noteCell: cellOf(b, second, 'note') },
  ];
  const ops: UnoOp[] = [];
  for (const t of typed) {
    ops.push(typeOp(SCORING, t.scoreCell, t.text, { mayBeRefused: true }));
    ops.push(typeOp(SCORING, t.noteCell, t.text));
  }
  return { ...(await run(b, out, ops, { locale })), locale, typed };
}

// ---------------------------------------------------------------------------------------------
// (h) a leaf's row deleted

export interface DeletedRow extends Edited {
  code: string;
  /** 1-based row deleted. */
  row: number;
  /** The parent's subtotal cell (above the deleted row, so it does not move). */
  subtotalCell: string;
}

/** Unprotects Chấm điểm and deletes the row of the criterion block's last leaf (found as in (b)). */
export async function deleteLeafRow(b: Built, out: string, options: EditOptions = {}): Promise<DeletedRow> {
  const criterion = criterionWithLeafBlock(b);
  const code = criterion.childCodes[criterion.childCodes.length - 1];
  const row = rowOf(b, code) + 1;
  const ops: UnoOp[] = [
    { op: 'unprotect', sheet: SCORING },
    { op: 'deleteRows', sheet: SCORING, from: row, count: 1 },
  ];
  return { ...(await run(b, out, ops, options)), code, row, subtotalCell: cellOf(b, criterion.code, 'self') };
}

/** The value a cell holds in a grid (a formula's cached result), by A1 address. */
export function valueAt(sheet: SheetGrid, address: string): CellValue {
  const p = parseA1(address);
  if (!p) throw new Error(`not an A1 address: ${address}`);
  return cellAt(sheet, p.row, p.col);
}

/** The formula of a cell (without "="), or null for a constant, by A1 address. */
export function formulaAtCell(sheet: SheetGrid, address: string): string | null {
  const p = parseA1(address);
  if (!p) throw new Error(`not an A1 address: ${address}`);
  return formulaAt(sheet, p.row, p.col);
}

/** Whether a formula's references to a column (single cells or ranges) take in a 1-based row. */
export function formulaCoversRow(formula: string, column: string, row: number): boolean {
  const refs = /\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g;
  let m: RegExpExecArray | null;
  while ((m = refs.exec(formula))) {
    const from = Number(m[2]);
    const to = m[4] ? Number(m[4]) : from;
    if ((m[1] === column || m[3] === column) && from <= row && row <= to) return true;
  }
  return false;
}

// Rebuilding a scoring workbook (a fresh layout, or a corrected criteria set) without losing anything
// a person entered. Pure: the old workbook's grids in, the new plan and an account of what moved out.
// Entries go over by criterion code (entries.ts); everything that has no place under the new set is
// kept, with its reason, on the leftovers sheet: scores above a lowered maximum, criteria that are
// gone, duplicated rows, rows inserted without a code, text typed on subtotal rows, subtotals
// overwritten with a different number, and the leftovers of earlier rebuilds. The old workbook is
// only read: the CLI writes a new file, the pane keeps a copy of the old sheet first.

import { CriteriaSet, flattenSet } from '../model/criteria';
import { Message } from '../model/errors';
import { CellValue, SheetGrid, WorkbookGrids, cellAt, cellText, foldText, formulaAt, linkAt } from '../model/grid';
import { ColumnRole, SHEETS } from '../model/layout';
import { WorkbookMeta, isMetaGrid } from '../sheets/meta';
import { CellPlan, SheetPlan, WorkbookPlan } from '../model/plan';
import { parseScoreCell, pointsEqual, toHundredths } from '../model/points';
import { ScoringRead, readScoring } from '../sheets/scoring/read';
import { ENTRY_ROLES, Entries, EntryRole, Leftover, LeafEntry, isAssignmentRole } from '../model/entries';
import { takesFigure } from '../sheets/scoring/figures';
import { message, points } from '../text/catalogue';
import { defaultDueDay } from '../model/assignment';
import { formatDay } from '../model/dates';
import { readLeftoversSheet, LEFTOVERS_SHEET } from '../sheets/leftovers';
import { buildWorkbookPlan } from '../sheets/workbook';
import { extractEntries } from '../sheets/scoring/entries';
import { extraItemsByCode } from '../sheets/scoring/extras';
import { BuildOptions, PreviousYear } from '../model/build-options';
import { columnTotals } from '../sheets/scoring/totals';
import { readReportInputs } from '../sheets/report-inputs';

export interface UpgradeRequest {
  grids: WorkbookGrids;
  /** The new criteria set; the workbook's own when absent (a plain rebuild). */
  set?: CriteriaSet;
  /** Overrides of the unit and year stored in the workbook. */
  unit?: string;
  year?: number;
  /** Asks for the appraisal columns; they come anyway when the old workbook had them. */
  appraisal?: boolean;
  /** The district that appraises, for the appraisal document's heading. */
  district?: string;
  /** Last year's result for Tổng hợp's comparison (replaces the one the workbook keeps). */
  previous?: PreviousYear;
}

export interface RenamedCriterion {
  code: string;
  before: string;
  after: string;
}

export interface UpgradeResult {
  plan: WorkbookPlan;
  build: BuildOptions;
  /** The old workbook as read: where its scoring sheet, header and columns are. */
  read: ScoringRead;
  /** The unit, year and set the old workbook held. */
  previous: WorkbookMeta;
  /** Values placed on the new scoring sheet (scores, notes, không áp dụng marks, typed evidence). */
  carried: number;
  /** Documents of the Minh chứng register carried over. */
  evidenceDocs: number;
  leftovers: Leftover[];
  /** Codes whose criterion is named differently in the new set although entries went onto it. */
  renamed: RenamedCriterion[];
  /**
   * Sheets of the old workbook the tool did not make (a person's own): the plan does not contain them.
   * One whose name the plan takes comes renamed ("Minh chứng (cũ)").
   */
  otherSheets: SheetGrid[];
  /** Those renamed ones: in a live workbook they must be copied aside before the plan overwrites them. */
  displaced: SheetGrid[];
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

function cleanValue(v: CellValue): CellValue {
  return typeof v === 'string' ? v.normalize('NFC') : v;
}

/** What a person typed on one row of the old scoring sheet, by entry column; formulas are not typing. */
function typedOnRow(read: ScoringRead, row: number): Array<{ role: EntryRole; value: CellValue; link: string | null }> {
  const out: Array<{ role: EntryRole; value: CellValue; link: string | null }> = [];
  for (const role of ENTRY_ROLES) {
    const col = read.columns[role as ColumnRole];
    if (col === undefined || formulaAt(read.sheet, row, col)) continue;
    const value = cellAt(read.sheet, row, col);
    if (!isBlank(value)) out.push({ role, value: cleanValue(value), link: linkAt(read.sheet, row, col) });
  }
  return out;
}

function leftover(code: string, name: string, role: EntryRole, value: CellValue, link: string | null, reason: Message): Leftover {
  const l: Leftover = { code, name, role, value, reason };
  if (link) l.link = link;
  return l;
}

/** Entries on the second and later rows of a duplicated code that differ from the row kept. */
function duplicateRowLeftovers(read: ScoringRead, names: Record<string, string>): Leftover[] {
  const out: Leftover[] = [];
  for (const d of read.duplicates) {
    const kept = read.rowOf[d.code];
    for (const row of d.rows) {
      if (row === kept) continue;
      for (const t of typedOnRow(read, row)) {
        const col = read.columns[t.role as ColumnRole]!;
        const same = cellAt(read.sheet, kept, col);
        if (same === t.value || (typeof same === 'string' && typeof t.value === 'string' && same.normalize('NFC') === t.value)) continue;
        out.push(leftover(d.code, names[d.code] || '', t.role, t.value, t.link, message('rebuild.duplicateRow', { row: row + 1, code: d.code, kept: kept + 1 })));
      }
    }
  }
  return out;
}

/**
 * On rows of criteria that have sub-criteria nothing is entered; text typed there anyway, and a number
 * pasted over a subtotal that differs from the sum of its children, would otherwise vanish.
 */
function parentRowLeftovers(read: ScoringRead, entries: Entries): Leftover[] {
  const out: Leftover[] = [];
  const sums = { self: columnTotals(read.meta.set, entries, 'self').byCode, appraisal: columnTotals(read.meta.set, entries, 'appraisal').byCode };
  for (const f of read.criteria.nodes) {
    const row = read.rowOf[f.code];
    if (f.leaf || row === undefined) continue;
    for (const t of typedOnRow(read, row)) {
      // Assigning a domain or a criterion is what those rows are for.
      if (isAssignmentRole(t.role)) continue;
      if (t.role === 'self' || t.role === 'appraisal') {
        const p = parseScoreCell(t.value);
        const sum = sums[t.role][f.code];
        if (p.kind === 'number' && pointsEqual(p.value, sum)) continue;
        out.push(leftover(f.code, f.node.name, t.role, t.value, null, message('rebuild.subtotalOverwritten', { code: f.code, sum: points(sum) })));
      } else {
        out.push(leftover(f.code, f.node.name, t.role, t.value, t.link, message('rebuild.onParentRow', { code: f.code })));
      }
    }
  }
  return out;
}

/** Entries on rows people inserted into the table without a code (the reader cannot place them). */
function codelessRowLeftovers(read: ScoringRead): Leftover[] {
  const out: Leftover[] = [];
  const codeCol = read.columns.code!;
  const nameCol = read.columns.name;
  for (let row = read.headerRow + 1; row < read.sheet.values.length; row++) {
    if (!isBlank(cellAt(read.sheet, row, codeCol))) continue;
    const name = nameCol === undefined ? '' : cellText(cellAt(read.sheet, row, nameCol));
    for (const t of typedOnRow(read, row)) {
      out.push(leftover('', name, t.role, t.value, t.link, message('rebuild.insertedRow', { row: row + 1 })));
    }
  }
  return out;
}

function countValues(entries: Entries): number {
  let n = 0;
  for (const code of Object.keys(entries)) {
    const e = entries[code];
    for (const role of ENTRY_ROLES) if (e.values[role] !== undefined) n++;
  }
  return n;
}

export function planUpgrade(request: UpgradeRequest): UpgradeResult {
  const read = readScoring(request.grids);
  const previous = read.meta;
  const set = request.set || previous.set;
  const { entries, unknownRows, register } = extractEntries(read);
  const oldNames: Record<string, string> = {};
  for (const f of flattenSet(previous.set)) oldNames[f.code] = f.node.name;
  for (const item of (previous.set.bonus || []).concat(previous.set.deduction || [])) oldNames[item.code] = item.name;

  const oldMax: Record<string, number> = {};
  for (const f of flattenSet(previous.set)) oldMax[f.code] = f.node.max;
  for (const item of (previous.set.bonus || []).concat(previous.set.deduction || [])) oldMax[item.code] = item.max;
  const placed = placeEntries(set, entries, unknownRows, oldNames, oldMax);
  const earlier = request.grids.sheets.filter((s) => s.name === LEFTOVERS_SHEET)[0] || null;
  const leftovers = placed.leftovers
    .concat(duplicateRowLeftovers(read, oldNames))
    .concat(parentRowLeftovers(read, entries))
    .concat(codelessRowLeftovers(read))
    .concat(earlier ? readLeftoversSheet(earlier) : []);

  const newNames: Record<string, string> = {};
  for (const f of flattenSet(set)) newNames[f.code] = f.node.name;
  const renamed = Object.keys(placed.placed)
    .filter((code) => oldNames[code] !== undefined && newNames[code] !== undefined && foldText(oldNames[code]) !== foldText(newNames[code]))
    .map((code) => ({ code, before: oldNames[code], after: newNames[code] }));

  const year = request.year || previous.year;
  const assignment = read.assignment;
  // A common due date left at the plan's default moves with the year; one the Văn phòng set stays.
  const commonDue = assignment && assignment.commonDue !== formatDay(defaultDueDay(previous.year)) ? assignment.commonDue : undefined;
  const build: BuildOptions = {
    set,
    unit: request.unit || previous.unit,
    year,
    // An appraisal column, once there, stays: dropping it would drop what the council entered.
    appraisal: !!request.appraisal || previous.appraisal || placed.needsAppraisal || read.columns.appraisal !== undefined,
    entries: placed.placed,
    leftovers,
    evidence: register,
    people: assignment ? assignment.people : undefined,
    commonDue,
  };
  // What was typed in Tổng hợp's panel (number, date, signer, Nơi nhận, the appraising district) stays.
  const report = readReportInputs(request.grids.sheets.filter((s) => s.name === SHEETS.summary)[0]);
  if (report) build.report = report;
  if (request.district) build.district = request.district;
  // Last year's result: the one given now, else the one the workbook keeps.
  const lastYear = request.previous || previous.previous;
  if (lastYear) build.previous = lastYear;
  const plan = buildWorkbookPlan(build);
  const made = [read.sheet, earlier, read.register && read.register.sheet, assignment && assignment.sheet];
  const planned = plan.sheets.map((s) => s.name);
  const own = request.grids.sheets.filter((s) => made.indexOf(s) < 0 && !isMetaGrid(s) && s.name !== SHEETS.summary);
  // A person's own sheet whose name the new workbook takes (a "Minh chứng" of their own from before
  // the register existed) goes along under another name instead of vanishing.
  const taken = request.grids.sheets.map((s) => s.name.toLowerCase()).concat(planned.map((n) => n.toLowerCase()));
  const displaced: SheetGrid[] = [];
  const otherSheets = own.map((s) => {
    if (planned.indexOf(s.name) < 0) return s;
    const renamed = { ...s, name: freeSheetName(`${s.name} (cũ)`, taken) };
    displaced.push(renamed);
    return renamed;
  });
  return {
    plan, build, read, previous, carried: countValues(placed.placed), evidenceDocs: register.length, leftovers, renamed, otherSheets, displaced,
  };
}

/** `base`, or `base 2`, `base 3` … : the first name not yet taken (compared as Excel does, ignoring case). */
function freeSheetName(base: string, taken: string[]): string {
  let name = base.slice(0, 31);
  for (let n = 2; taken.indexOf(name.toLowerCase()) >= 0; n++) name = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  taken.push(name.toLowerCase());
  return name;
}

/**
 * A sheet's values as they stand (formula results, not formulas), with its links and merged cells:
 * how a person's own sheet, or the old scoring sheet, is kept beside a rebuilt workbook. Text stays
 * text, whatever it starts with.
 */
export function valuesCopySheet(grid: SheetGrid, name: string): SheetPlan {
  const cells: CellPlan[] = [];
  let cols = 0;
  grid.values.forEach((row, r) => {
    (row || []).forEach((value, c) => {
      const link = linkAt(grid, r, c);
      if (value === null && !link) return;
      const cell: CellPlan = { row: r, col: c, value: typeof value === 'boolean' ? String(value).toUpperCase() : value };
      if (link) cell.hyperlink = link;
      cells.push(cell);
      cols = Math.max(cols, c + 1);
    });
  });
  return {
    name,
    visibility: grid.visibility === 'veryHidden' ? 'hidden' : grid.visibility,
    columns: new Array(cols).fill(null).map(() => ({ width: 14 })),
    rowHeights: [],
    cells,
    merges: grid.merges.slice(),
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}
export interface PlacedEntries {
  /** Entries that go on the new sheet, by code. */
  placed: Entries;
  leftovers: Leftover[];
  /** True when some entry is an appraisal score or note: the new sheet needs the appraisal column. */
  needsAppraisal: boolean;
}

/**
 * Decides where each entry goes under a (possibly new) criteria set: same code → same row; a code
 * the set no longer has, a former parent, or a score above a lowered maximum → leftover. A score
 * that was over its maximum already stays where it was typed, for the check to keep reporting it.
 */
export function placeEntries(
  set: CriteriaSet, entries: Entries, unknownRows: Entries = {}, oldNames: Record<string, string> = {},
  /** The old set's maxima: a score that was already over its old maximum stays on the sheet, as typed. */
  oldMax: Record<string, number> = {},
): PlacedEntries {
  const leaves: Record<string, { name: string; max: number; figure?: boolean; scoredBy?: string }> = {};
  const parents: Record<string, boolean> = {};
  for (const f of flattenSet(set)) {
    if (f.leaf) leaves[f.code] = { name: f.node.name, max: f.node.max, figure: takesFigure(f.node), scoredBy: f.node.scoredBy };
    else parents[f.code] = true;
  }
  const extras = extraItemsByCode(set);
  for (const code of Object.keys(extras)) leaves[code] = { name: extras[code].item.name, max: extras[code].item.max };
  const placed: Entries = {};
  const leftovers: Leftover[] = [];
  let needsAppraisal = false;
  const leave = (code: string, role: EntryRole, value: CellValue, reason: Message, link?: string) => {
    const l: Leftover = { code, name: (leaves[code] && leaves[code].name) || oldNames[code] || '', role, value, reason };
    if (link) l.link = link;
    leftovers.push(l);
  };

  for (const code of Object.keys(entries)) {
    const e = entries[code];
    if (e.values.appraisal !== undefined || e.values.appraisalNote !== undefined) needsAppraisal = true;
    const leaf = leaves[code];
    if (!leaf) {
      const reason: Message = parents[code]
        ? message('rebuild.criterionSplit', { code })
        : message('rebuild.criterionGone', { code });
      const kept: LeafEntry = { values: {} };
      for (const role of ENTRY_ROLES) {
        if (e.values[role] === undefined) continue;
        // A criterion's assignment stays on its row: it covers its sub-criteria.
        if (parents[code] && isAssignmentRole(role)) kept.values[role] = e.values[role];
        else leave(code, role, e.values[role]!, reason, role === 'evidence' ? e.evidenceLink : undefined);
      }
      if (Object.keys(kept.values).length) placed[code] = kept;
      continue;
    }
    const kept: LeafEntry = { values: {} };
    if (e.evidenceLink) kept.evidenceLink = e.evidenceLink;
    for (const role of ENTRY_ROLES) {
      const v = e.values[role];
      if (v === undefined) continue;
      if (role === 'self' && leaf.scoredBy) {
        leave(code, role, v, message('kinds.appraisalOnly', { code, by: leaf.scoredBy }));
        continue;
      }
      if (role === 'figure' && !leaf.figure) {
        leave(code, role, v, message('upgrade.noFigure', { code }));
        continue;
      }
      if (role === 'self' || role === 'appraisal') {
        const p = parseScoreCell(v);
        const wasWrong = oldMax[code] !== undefined && p.kind === 'number' && toHundredths(p.value) > toHundredths(oldMax[code]);
        if (p.kind === 'number' && toHundredths(p.value) > toHundredths(leaf.max) && !wasWrong) {
          leave(code, role, v, message('rebuild.overNewMax', { score: points(p.value), max: points(leaf.max) }));
          continue;
        }
      }
      kept.values[role] = v;
    }
    placed[code] = kept;
  }
  for (const code of Object.keys(unknownRows)) {
    const e = unknownRows[code];
    for (const role of ENTRY_ROLES) {
      if (e.values[role] === undefined) continue;
      leave(code, role, e.values[role]!, message('rebuild.unknownCode', { code }));
    }
  }
  return { placed, leftovers, needsAppraisal };
}



// The very hidden _cchc sheet: the criteria set, the unit and the year, so a workbook can be checked
// with no other file. Written as key/value rows, then one row per node.

import { CriteriaNode, CriteriaSet, flattenSet, CriteriaProblem } from '../model/criteria';
import { SheetGrid, cellAt, cellText } from '../model/grid';
import { CellPlan, SheetPlan } from '../model/plan';
import { SHEETS } from '../model/layout';
import { PreviousYear } from '../model/build-options';
import { parseCriteriaSet } from '../model/criteria-parse';
import { LEAF_RULE_FIELDS } from '../model/criteria-parse-kinds';
import { message } from '../text/catalogue';

export const META_MARK = 'cchc-workbook';
export const META_VERSION = 1;

export interface WorkbookMeta {
  unit: string;
  year: number;
  set: CriteriaSet;
  appraisal: boolean;
  /** Last year's result for Tổng hợp's comparison, when one was given. */
  previous?: PreviousYear;
  /**
   * The stamp of the Tổng hợp layout last written (summaryLayoutStamp); absent in workbooks made before
   * the stamp existed, whose Tổng hợp is then taken as made by another version.
   */
  summaryLayout?: string;
}

// 'rules' (added with the scoring kinds) holds a leaf's scoring, notApplicable, notArising and scoredBy
// as JSON; workbooks written before it have no such column and read as before.
const NODE_HEADER = ['code', 'stt', 'name', 'max', 'levels', 'method', 'rules'];

/** A leaf's rules beyond its levels, as the JSON of the 'rules' column ('' when it has none). */
function rulesText(n: CriteriaNode): string {
  const rules: Record<string, unknown> = {};
  for (const field of LEAF_RULE_FIELDS) if (n[field] !== undefined) rules[field] = n[field];
  return Object.keys(rules).length ? JSON.stringify(rules) : '';
}

export function metaSheetPlan(meta: WorkbookMeta): SheetPlan {
  const cells: CellPlan[] = [];
  let row = 0;
  const put = (values: Array<string | number>) => {
    values.forEach((v, col) => cells.push({ row, col, value: v }));
    row++;
  };
  const set = meta.set;
  put([META_MARK, META_VERSION]);
  put(['unit', meta.unit]);
  put(['year', meta.year]);
  put(['appraisal', meta.appraisal ? 1 : 0]);
  if (meta.previous) put(['previous', JSON.stringify(meta.previous)]);
  if (meta.summaryLayout) put(['summary.layout', meta.summaryLayout]);
  put(['set.id', set.id]);
  put(['set.title', set.title]);
  put(['set.status', set.status]);
  if (set.level) put(['set.level', set.level]);
  if (set.year !== undefined) put(['set.year', set.year]);
  if (set.note) put(['set.note', set.note]);
  if (set.basis) put(['set.basis', JSON.stringify(set.basis)]);
  if (set.bands) put(['set.bands', JSON.stringify(set.bands)]);
  if (set.bonus) put(['set.bonus', JSON.stringify(set.bonus)]);
  if (set.deduction) put(['set.deduction', JSON.stringify(set.deduction)]);
  put(['nodes', flattenSet(set).length]);
  put(NODE_HEADER);
  for (const f of flattenSet(set)) {
    const n = f.node;
    put([n.code, n.stt, n.name, n.max, n.levels ? n.levels.join(';') : '', n.method || '', rulesText(n)]);
  }
  return {
    name: SHEETS.meta,
    visibility: 'veryHidden',
    columns: [{ width: 12 }, { width: 8 }, { width: 40 }, { width: 8 }, { width: 12 }, { width: 40 }, { width: 40 }],
    rowHeights: [],
    cells,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: true,
  };
}

export type MetaResult =
  | { ok: true; meta: WorkbookMeta }
  | { ok: false; reason: 'absent' | 'damaged'; problems: CriteriaProblem[] };

/** True when the grid looks like our metadata sheet, whatever its name now. */
export function isMetaGrid(grid: SheetGrid): boolean {
  return cellText(cellAt(grid, 0, 0)) === META_MARK;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function readMeta(grid: SheetGrid | undefined): MetaResult {
  if (!grid || !isMetaGrid(grid)) return { ok: false, reason: 'absent', problems: [] };
  const keys: Record<string, unknown> = {};
  let row = 1;
  for (; row < grid.values.length; row++) {
    const key = cellText(cellAt(grid, row, 0));
    if (key === 'code') break;
    keys[key] = cellAt(grid, row, 1);
  }
  const stored = storedSet(grid, keys, row + 1);
  const yearValue = keys.year;
  const year = typeof yearValue === 'number' ? yearValue : Number(yearValue);
  if (!stored.set || !isFinite(year)) return { ok: false, reason: 'damaged', problems: stored.problems.slice() };
  const meta = withPrevious({ unit: cellText(keys.unit as never), year, set: stored.set, appraisal: Number(keys.appraisal) === 1 }, keys.previous);
  const layout = cellText(keys['summary.layout'] as never);
  if (layout) meta.summaryLayout = layout;
  return { ok: true, meta };
}

type StoredSet = { set: CriteriaSet; problems: CriteriaProblem[] } | { set: null; problems: CriteriaProblem[] };

const SET_KEYS = ['set.id', 'set.title', 'set.status', 'set.level', 'set.year', 'set.note', 'set.basis', 'set.bands', 'set.bonus', 'set.deduction'];
const NODE_COLUMNS = NODE_HEADER.length;

/**
 * The sets read lately, with the exact content of the cells they were read from. The pane checks after
 * every edit and a district summary reads hundreds of workbooks on one set: each distinct set is
 * parsed and validated once, and its readers share one (never changed) set object, so its index is
 * built once too.
 */
const recentSets: Array<{ cells: unknown[]; stored: StoredSet }> = [];
const RECENT_SETS = 4;

/** Each cell the set is read from, in reading order: the set keys' values, then the node rows. */
function forEachSetCell(grid: SheetGrid, keys: Record<string, unknown>, firstNodeRow: number, each: (value: unknown) => boolean): boolean {
  for (const k of SET_KEYS) if (!each(keys[k])) return false;
  for (let row = firstNodeRow; row < grid.values.length; row++) {
    for (let col = 0; col < NODE_COLUMNS; col++) if (!each(cellAt(grid, row, col))) return false;
  }
  return true;
}

function storedSet(grid: SheetGrid, keys: Record<string, unknown>, firstNodeRow: number): StoredSet {
  // Compared cell by cell, types included (a key row left blank, null, is not a missing one, undefined).
  for (const recent of recentSets) {
    let i = 0;
    const same = forEachSetCell(grid, keys, firstNodeRow, (v) => i < recent.cells.length && recent.cells[i++] === v);
    if (same && i === recent.cells.length) return recent.stored;
  }
  const cells: unknown[] = [];
  forEachSetCell(grid, keys, firstNodeRow, (v) => cells.push(v) > 0);
  const stored = parseStoredSet(grid, keys, firstNodeRow);
  recentSets.unshift({ cells, stored });
  if (recentSets.length > RECENT_SETS) recentSets.pop();
  return stored;
}

function parseStoredSet(grid: SheetGrid, keys: Record<string, unknown>, firstNodeRow: number): StoredSet {
  // Rebuild the tree from the flat rows: each code's parent is the code without its last part.
  const byCode: Record<string, CriteriaNode> = {};
  const roots: CriteriaNode[] = [];
  const orphans: string[] = [];
  for (let row = firstNodeRow; row < grid.values.length; row++) {
    const code = cellText(cellAt(grid, row, 0));
    if (!code) continue;
    const max = cellAt(grid, row, 3);
    const levelsText = cellText(cellAt(grid, row, 4));
    const node: CriteriaNode = {
      code,
      stt: cellText(cellAt(grid, row, 1)),
      name: cellText(cellAt(grid, row, 2)),
      max: typeof max === 'number' ? max : Number(max),
    };
    if (levelsText) node.levels = levelsText.split(';').map(Number);
    const method = cellText(cellAt(grid, row, 5));
    if (method) node.method = method;
    const rules = cellText(cellAt(grid, row, 6));
    if (rules) {
      // Malformed rules are handed to the parser as they are, which names the problem.
      const parsed = parseJson(rules);
      const fields = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { scoring: rules };
      const into = node as unknown as Record<string, unknown>;
      for (const field of LEAF_RULE_FIELDS) if (fields[field] !== undefined) into[field] = fields[field];
    }
    byCode[code] = node;
    const cut = code.lastIndexOf('.');
    if (cut < 0) roots.push(node);
    else {
      const parent = byCode[code.slice(0, cut)];
      if (!parent) orphans.push(code);
      else (parent.children = parent.children || []).push(node);
    }
  }
  const raw: Record<string, unknown> = {
    id: cellText(keys['set.id'] as never),
    title: cellText(keys['set.title'] as never),
    status: cellText(keys['set.status'] as never),
    nodes: roots,
  };
  if (keys['set.level'] !== undefined) raw.level = cellText(keys['set.level'] as never);
  if (typeof keys['set.year'] === 'number') raw.year = keys['set.year'];
  if (keys['set.note'] !== undefined) raw.note = cellText(keys['set.note'] as never);
  for (const k of ['basis', 'bands', 'bonus', 'deduction']) {
    const v = keys['set.' + k];
    if (v !== undefined && v !== null) raw[k] = parseJson(String(v));
  }
  const parsed = parseCriteriaSet(raw);
  if (!parsed.set || orphans.length) {
    const problems = parsed.problems.slice();
    for (const o of orphans) problems.push({ code: o, message: message('sheet.meta.orphan', { code: o }) });
    return { set: null, problems };
  }
  return { set: parsed.set, problems: parsed.problems };
}

/** Last year's result as stored, when it reads as one (a damaged value is left out, not fatal). */
function withPrevious(meta: WorkbookMeta, stored: unknown): WorkbookMeta {
  if (stored === undefined || stored === null) return meta;
  const p = parseJson(String(stored)) as PreviousYear | undefined;
  if (p && typeof p.year === 'number' && p.domains && typeof p.domains === 'object') meta.previous = p;
  return meta;
}

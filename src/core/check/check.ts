// Every check of DESIGN.md §3.2 on a read scoring workbook, and the report both `cchc check` and the
// pane's "Kiểm tra" show. Scores are the core's own sums of the leaf entries, never cached results.

import { flattenSet, setMax, CriteriaSet } from '../model/criteria';
import { Lang, Message, UserError, say } from '../model/errors';
import { CellValue, WorkbookGrids, a1, cellAt } from '../model/grid';
import { ColumnRole } from '../model/layout';
import { ParsedScore, sumPoints } from '../model/points';
import { Judged, ScoreSpec, extraScore, judge, leafScore } from '../model/verdict';
import { ScoringRead, readScoring } from '../sheets/scoring/read';
import { extraLists } from '../sheets/scoring/extras';
import { findDifferences } from './differences';
import { leafEvidence } from '../sheets/register/read';
import { Issue, CheckContext, CheckOptions } from './contract';
import { NodeReport, TotalReport, FileReport, ExtraReport, ExtraTotals } from './report';
import { RULES } from './registry';
import { totalsOf } from '../sheets/scoring/totals';
import { unitTypeOf } from '../model/build-options';
import { orderIssues } from './order';
import { Entries } from '../model/entries';
import { extractEntries } from '../sheets/scoring/entries';

export function checkWorkbook(grids: WorkbookGrids, options: CheckOptions = {}): FileReport {
  return checkWorkbookRead(grids, options).report;
}

/**
 * The report, and the reading it was made from (null when the workbook could not be read as a scoring
 * workbook): callers that show the report by sheet and criterion use that reading instead of reading
 * the grids again.
 */
export function checkWorkbookRead(grids: WorkbookGrids, options: CheckOptions = {}): { report: FileReport; read: ScoringRead | null } {
  const lang: Lang = options.lang || 'vi';
  let read: ScoringRead;
  try {
    read = readScoring(grids);
  } catch (e) {
    if (e instanceof UserError) return { report: { error: say(e.userMessage, lang) }, read: null };
    throw e;
  }
  return { report: checkRead(grids, read, options, lang), read };
}

function checkRead(grids: WorkbookGrids, read: ScoringRead, options: CheckOptions, lang: Lang): FileReport {
  const { meta, sheet } = read;
  const set = meta.set;
  const flat = flattenSet(set);
  const scoreColumns: Array<'self' | 'appraisal'> = read.columns.appraisal !== undefined ? ['self', 'appraisal'] : ['self'];
  // Each score cell's spec: a leaf's kind, where KAD may be written for this unit, the row's figure (self).
  const unitType = unitTypeOf(meta.unit);
  const specs: Record<'self' | 'appraisal', Record<string, ScoreSpec>> = { self: {}, appraisal: {} };
  for (const n of flat) {
    if (!n.leaf) continue;
    const row = read.rowOf[n.code];
    const figureCol = read.columns.figure;
    const figure = row !== undefined && figureCol !== undefined ? { value: cellAt(sheet, row, figureCol), cell: a1(row, figureCol) } : undefined;
    specs.self[n.code] = leafScore(n.node, { set, unitType, column: 'self', figure });
    specs.appraisal[n.code] = leafScore(n.node, { set, unitType, column: 'appraisal' });
  }
  for (const g of extraLists(set)) for (const item of g.items) specs.self[item.code] = specs.appraisal[item.code] = extraScore(g.kind, item);
  // Every rule asks for the same cells and entries, leaf by leaf: each is addressed and judged once.
  const addresses: Partial<Record<ColumnRole, Record<string, string | null>>> = {};
  const cellOf = (code: string, role: ColumnRole): string | null => {
    const known = addresses[role] || (addresses[role] = Object.create(null) as Record<string, string | null>);
    let cell = known[code];
    if (cell === undefined) {
      const row = read.rowOf[code];
      const col = read.columns[role];
      cell = known[code] = row === undefined || col === undefined ? null : a1(row, col);
    }
    return cell;
  };
  const valueOf = (code: string, column: 'self' | 'appraisal'): CellValue | undefined => {
    const row = read.rowOf[code];
    const col = read.columns[column];
    return row === undefined || col === undefined ? undefined : cellAt(sheet, row, col);
  };
  const verdicts: Record<'self' | 'appraisal', Record<string, Judged>> = { self: Object.create(null), appraisal: Object.create(null) };
  const judged = (code: string, column: 'self' | 'appraisal'): Judged => {
    const known = verdicts[column];
    return known[code] || (known[code] = judge(valueOf(code, column), specs[column][code] || leafScore({ max: 0 })));
  };
  const entry = (code: string, column: 'self' | 'appraisal'): ParsedScore => judged(code, column).parsed;
  // Scores: the core's own totals of the leaf entries (totals.ts), never the sheet's cached results.
  const totals = {
    self: totalsOf(set, (code) => valueOf(code, 'self'), 'self'),
    appraisal: totalsOf(set, (code) => valueOf(code, 'appraisal'), 'appraisal'),
  };
  let entries: Entries | undefined;
  const collected: Array<Omit<Issue, 'message' | 'domain'> & { message: Message }> = [];
  const ctx: CheckContext = {
    read, grids, totals, lang, flat, scoreColumns, entry, judged, cellOf, options,
    entries: () => entries || (entries = extractEntries(read).entries),
    report: (i) => collected.push({ severity: i.severity, rule: i.rule, code: i.code, column: i.column, sheet: i.sheet || sheet.name, cell: i.cell, message: i.message }),
  };
  for (const rule of RULES) rule.run(ctx);
  const { issues, groups } = orderIssues(read, flat, collected, lang);

  const hasAppraisal = scoreColumns.length === 2;
  const numberOf = (code: string, column: 'self' | 'appraisal'): number | null => {
    const p = entry(code, column);
    return p.kind === 'number' ? p.value : null;
  };
  const nodes: NodeReport[] = flat.map((n) => {
    const cells: NodeReport['cells'] = {};
    const put = (k: keyof NodeReport['cells'], role: ColumnRole) => {
      const c = cellOf(n.code, role);
      if (c) cells[k] = c;
    };
    put('max', 'max');
    put('self', 'self');
    if (hasAppraisal) put('appraisal', 'appraisal');
    if (!n.leaf) {
      return { code: n.code, name: n.node.name, max: n.node.max, self: totals.self.byCode[n.code], appraisal: hasAppraisal ? totals.appraisal.byCode[n.code] : null, cells };
    }
    put('evidence', 'evidence');
    put('note', 'note');
    const documents = leafEvidence(sheet, read.register, n.code, read.rowOf[n.code], read.columns.evidence);
    const evidence = documents.rows.length + documents.typed;
    const report: NodeReport = {
      code: n.code, name: n.node.name, leaf: true, max: n.node.max,
      self: numberOf(n.code, 'self'), appraisal: hasAppraisal ? numberOf(n.code, 'appraisal') : null,
      notApplicable: judged(n.code, 'self').parsed.kind === 'not-applicable', evidence, cells,
    };
    if (n.node.levels) report.levels = n.node.levels;
    return report;
  });
  // Keep the contract's key order: levels right after max.
  const ordered = nodes.map((n) => (n.leaf ? reorderLeaf(n) : n));

  const extras = reportExtras(set, numberOf, cellOf, hasAppraisal);
  const total: TotalReport = {
    max: setMax(set), applicableMax: totals.self.applicableMax, self: totals.self.total, appraisal: null, index: totals.self.index, cells: {},
  };
  // The band the sheet shows: the set's once every leaf is scored, else "Chưa chấm (xong)".
  if (set.bands) total.band = totals.self.band || null;
  if (totals.self.pending.length) total.provisional = totals.self.pending;
  const totalRow = read.markers.total;
  if (totalRow !== undefined) total.cells.self = a1(totalRow, read.columns.self!);
  if (hasAppraisal) {
    total.appraisal = totals.appraisal.total;
    total.appraisalApplicableMax = totals.appraisal.applicableMax;
    total.appraisalIndex = totals.appraisal.index;
    if (set.bands) total.appraisalBand = totals.appraisal.band || null;
    if (totalRow !== undefined) total.cells.appraisal = a1(totalRow, read.columns.appraisal!);
  }
  if (extras.totals.bonus) total.bonus = extras.totals.bonus;
  if (extras.totals.deduction) total.deduction = extras.totals.deduction;
  total.blank = { self: totals.self.blank, appraisal: hasAppraisal ? totals.appraisal.blank : null };
  total.leaves = totals.self.leaves;
  const report: FileReport = {
    error: null,
    unit: meta.unit,
    year: meta.year,
    criteriaSet: { id: set.id, status: set.status, title: set.title },
    total,
    nodes: ordered,
    issues,
    groups,
  };
  if (extras.items.length) report.extras = extras.items;
  if (hasAppraisal) {
    const scored = flat.filter((n) => n.leaf).map((n) => ({ code: n.code, name: n.node.name })).concat(extras.items);
    report.differences = findDifferences(scored.filter((i) => read.rowOf[i.code] !== undefined), entry, cellOf);
  }
  return report;
}

function reorderLeaf(n: NodeReport): NodeReport {
  const out: NodeReport = { code: n.code, name: n.name, leaf: true, max: n.max } as NodeReport;
  if (n.levels) out.levels = n.levels;
  out.self = n.self;
  out.appraisal = n.appraisal;
  out.notApplicable = n.notApplicable;
  out.evidence = n.evidence;
  out.cells = n.cells;
  return out;
}
/** The extras of a file report: each item's entries and cells, and each group's sum per column. */
export function reportExtras(
  set: CriteriaSet,
  numberOf: (code: string, column: 'self' | 'appraisal') => number | null,
  cellOf: (code: string, role: ColumnRole) => string | null,
  hasAppraisal: boolean,
): { items: ExtraReport[]; totals: ExtraTotals } {
  const items: ExtraReport[] = [];
  const totals: ExtraTotals = {};
  for (const g of extraLists(set)) {
    const reports = g.items.map((item) => {
      const cells: ExtraReport['cells'] = {};
      const roles: Array<'max' | 'self' | 'appraisal'> = hasAppraisal ? ['max', 'self', 'appraisal'] : ['max', 'self'];
      for (const role of roles) {
        const c = cellOf(item.code, role);
        if (c) cells[role] = c;
      }
      return {
        code: item.code, kind: g.kind, name: item.name, max: item.max,
        self: numberOf(item.code, 'self'), appraisal: hasAppraisal ? numberOf(item.code, 'appraisal') : null, cells,
      };
    });
    items.push(...reports);
    totals[g.kind] = {
      self: sumPoints(reports.map((r) => r.self)),
      appraisal: hasAppraisal ? sumPoints(reports.map((r) => r.appraisal)) : null,
    };
  }
  return { items, totals };
}


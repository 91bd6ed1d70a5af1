// Every check of DESIGN.md §3.2 on a read scoring workbook, and the report both `cchc check` and the
// pane's "Kiểm tra" show. Scores are the core's own sums of the leaf entries, never cached results.

import { flattenSet, setMax, CriteriaSet } from '../model/criteria';
import { Lang, UserError, say } from '../model/errors';
import { WorkbookGrids, a1, cellAt } from '../model/grid';
import { ColumnRole } from '../model/layout';
import { ParsedScore, indexPercent, parseScoreCell, sumPoints } from '../model/points';
import { ScoringRead, readScoring } from '../sheets/scoring/read';
import { combineTotal, hasExtras, extraLists } from '../sheets/scoring/extras';
import { findDifferences } from './differences';
import { leafEvidence } from '../sheets/register/read';
import { Issue, CheckContext, CheckOptions } from './contract';
import { NodeReport, TotalReport, FileReport, ExtraReport, ExtraTotals } from './report';
import { RULES } from './registry';
import { bandOf } from '../sheets/scoring/totals';

export function checkWorkbook(grids: WorkbookGrids, options: CheckOptions = {}): FileReport {
  const lang: Lang = options.lang || 'vi';
  let read: ScoringRead;
  try {
    read = readScoring(grids);
  } catch (e) {
    if (e instanceof UserError) return { error: say(e.userMessage, lang) };
    throw e;
  }
  const { meta, sheet } = read;
  const set = meta.set;
  const flat = flattenSet(set);
  const scoreColumns: Array<'self' | 'appraisal'> = read.columns.appraisal !== undefined ? ['self', 'appraisal'] : ['self'];
  const cache: Record<string, ParsedScore> = {};
  const cellOf = (code: string, role: ColumnRole): string | null => {
    const row = read.rowOf[code];
    const col = read.columns[role];
    return row === undefined || col === undefined ? null : a1(row, col);
  };
  const entry = (code: string, column: 'self' | 'appraisal'): ParsedScore => {
    const key = column + ':' + code;
    if (!cache[key]) {
      const row = read.rowOf[code];
      const col = read.columns[column];
      cache[key] = row === undefined || col === undefined ? { kind: 'blank' } : parseScoreCell(cellAt(sheet, row, col));
    }
    return cache[key];
  };
  const issues: Issue[] = [];
  const ctx: CheckContext = {
    read, grids, lang, flat, scoreColumns, entry, cellOf, options,
    report: (i) => issues.push({ severity: i.severity, rule: i.rule, code: i.code, column: i.column, sheet: i.sheet || sheet.name, cell: i.cell, message: say(i.message, lang) }),
  };
  for (const rule of RULES) rule.run(ctx);

  // Scores: the core's own sums of leaf entries (numbers only, as SUM does).
  const numberOf = (code: string, column: 'self' | 'appraisal'): number | null => {
    const p = entry(code, column);
    return p.kind === 'number' ? p.value : null;
  };
  const sums: Record<string, { self: number; appraisal: number }> = {};
  for (let i = flat.length - 1; i >= 0; i--) {
    const n = flat[i];
    if (n.leaf) continue;
    sums[n.code] = {
      self: sumPoints(n.childCodes.map((c) => (sums[c] ? sums[c].self : numberOf(c, 'self')))),
      appraisal: sumPoints(n.childCodes.map((c) => (sums[c] ? sums[c].appraisal : numberOf(c, 'appraisal')))),
    };
  }
  const hasAppraisal = scoreColumns.length === 2;
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
      return { code: n.code, name: n.node.name, max: n.node.max, self: sums[n.code].self, appraisal: hasAppraisal ? sums[n.code].appraisal : null, cells };
    }
    put('evidence', 'evidence');
    put('note', 'note');
    const documents = leafEvidence(sheet, read.register, n.code, read.rowOf[n.code], read.columns.evidence);
    const evidence = documents.rows.length + documents.typed;
    const report: NodeReport = {
      code: n.code, name: n.node.name, leaf: true, max: n.node.max,
      self: numberOf(n.code, 'self'), appraisal: hasAppraisal ? numberOf(n.code, 'appraisal') : null,
      notApplicable: entry(n.code, 'self').kind === 'not-applicable', evidence, cells,
    };
    if (n.node.levels) report.levels = n.node.levels;
    return report;
  });
  // Keep the contract's key order: levels right after max.
  const ordered = nodes.map((n) => (n.leaf ? reorderLeaf(n) : n));

  const max = setMax(set);
  const domains = flat.filter((n) => n.depth === 0);
  const naMax = (column: 'self' | 'appraisal') => sumPoints(flat.filter((n) => n.leaf && entry(n.code, column).kind === 'not-applicable').map((n) => n.node.max));
  const extras = reportExtras(set, numberOf, cellOf, hasAppraisal);
  const extraSum = (kind: 'bonus' | 'deduction', column: 'self' | 'appraisal') => (extras.totals[kind] ? extras.totals[kind]![column] || 0 : 0);
  const selfTotal = combineTotal(sumPoints(domains.map((d) => sums[d.code] ? sums[d.code].self : numberOf(d.code, 'self'))), extraSum('bonus', 'self'), extraSum('deduction', 'self'), hasExtras(set));
  const applicableMax = sumPoints([max, -naMax('self')]);
  const index = indexPercent(selfTotal, applicableMax);
  const total: TotalReport = {
    max, applicableMax, self: selfTotal, appraisal: null, index, cells: {},
  };
  if (set.bands) total.band = bandOf(set.bands, index);
  const totalRow = read.markers.total;
  if (totalRow !== undefined) total.cells.self = a1(totalRow, read.columns.self!);
  if (hasAppraisal) {
    const appraisalTotal = combineTotal(sumPoints(domains.map((d) => sums[d.code] ? sums[d.code].appraisal : numberOf(d.code, 'appraisal'))), extraSum('bonus', 'appraisal'), extraSum('deduction', 'appraisal'), hasExtras(set));
    total.appraisal = appraisalTotal;
    total.appraisalApplicableMax = sumPoints([max, -naMax('appraisal')]);
    total.appraisalIndex = indexPercent(appraisalTotal, total.appraisalApplicableMax);
    if (set.bands) total.appraisalBand = bandOf(set.bands, total.appraisalIndex);
    if (totalRow !== undefined) total.cells.appraisal = a1(totalRow, read.columns.appraisal!);
  }
  if (extras.totals.bonus) total.bonus = extras.totals.bonus;
  if (extras.totals.deduction) total.deduction = extras.totals.deduction;
  const report: FileReport = {
    error: null,
    unit: meta.unit,
    year: meta.year,
    criteriaSet: { id: set.id, status: set.status, title: set.title },
    total,
    nodes: ordered,
    issues,
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


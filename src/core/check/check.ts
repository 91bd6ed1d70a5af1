// Every check of DESIGN.md §3.2 on a read scoring workbook, and the report both `cchc check` and the
// pane's "Kiểm tra" show. Scores are the core's own sums of the leaf entries, never cached results.

import { FlatNode, flattenSet, setMax } from '../model/criteria';
import { Lang, Message, UserError, say } from '../model/errors';
import { WorkbookGrids, a1, cellAt, cellText, formulaAt } from '../model/grid';
import { ColumnRole, columnSpec } from '../model/layout';
import { ParsedScore, formatPoints, indexPercent, isHundredthStep, parseScoreCell, pointsEqual, sumPoints, toHundredths } from '../model/points';
import { ScoringRead, readScoring } from '../sheets/scoring/read';
import { sumFormulaRows } from '../model/formula';
import { combineTotal, hasExtras } from '../sheets/scoring/extras';
import { evidenceRules } from './evidence-rules';
import { ExtraReport, checkTotalWithExtras, extraEntryRules, extraSheetRules, reportExtras } from './extra-rules';
import { Difference, findDifferences } from './differences';
import { leafEvidence } from '../sheets/register/read';

export type Severity = 'error' | 'warning';
export type IssueColumn = 'self' | 'appraisal' | 'max' | 'evidence' | 'structure';

export interface Issue {
  severity: Severity;
  rule: string;
  code: string | null;
  column: IssueColumn;
  sheet: string;
  cell: string | null;
  message: string;
}

export interface NodeReport {
  code: string;
  name: string;
  leaf?: true;
  max: number;
  levels?: number[];
  self: number | null;
  appraisal: number | null;
  notApplicable?: boolean;
  evidence?: number;
  cells: Partial<Record<'max' | 'self' | 'appraisal' | 'evidence' | 'note', string>>;
}

export interface TotalReport {
  max: number;
  applicableMax: number;
  self: number | null;
  appraisal: number | null;
  index: number | null;
  /** Present once the appraisal column exists: the applicable maximum and index by appraisal. */
  appraisalApplicableMax?: number;
  appraisalIndex?: number | null;
  band?: string | null;
  appraisalBand?: string | null;
  cells: Partial<Record<'self' | 'appraisal', string>>;
  /** Present when the set defines them: each group's sum (points added, points deducted). */
  bonus?: { self: number; appraisal: number | null };
  deduction?: { self: number; appraisal: number | null };
}

export interface FileReport {
  file?: string;
  error: string | null;
  unit?: string;
  year?: number;
  criteriaSet?: { id: string; status: string; title?: string };
  total?: TotalReport;
  nodes?: NodeReport[];
  issues?: Issue[];
  /** Bonus and deduction items, when the set defines them. */
  extras?: ExtraReport[];
  /** Once the appraisal column exists: every item whose appraisal differs from the self score. */
  differences?: Difference[];
}

/** What a rule sees: the read workbook, the parsed entries, and where to report. */
export interface CheckContext {
  read: ScoringRead;
  lang: Lang;
  flat: FlatNode[];
  /** Score columns present: self, and appraisal once it exists. */
  scoreColumns: Array<'self' | 'appraisal'>;
  entry(code: string, column: 'self' | 'appraisal'): ParsedScore;
  cellOf(code: string, role: ColumnRole): string | null;
  /** Files found under --evidence-root, when given (the evidence rules use it). */
  options: CheckOptions;
  /** `sheet`: where the cell stands when it is not the scoring sheet (the Minh chứng register). */
  report(issue: Omit<Issue, 'sheet' | 'message'> & { message: Message; sheet?: string }): void;
}

export interface CheckOptions {
  lang?: Lang;
  /** Lets evidence rules ask whether a linked file exists; supplied by the CLI or left out. */
  fileExists?: (link: string) => 'found' | 'missing' | 'outside-root';
}

/** A check rule: an id, and a pure function that reports through the context. */
export interface Rule {
  id: string;
  run(ctx: CheckContext): void;
}

const f = (n: number | null | undefined) => formatPoints(n, 'vi');
const fe = (n: number | null | undefined) => formatPoints(n, 'en');

const columnName: Record<'self' | 'appraisal', Message> = {
  self: { vi: 'tự chấm', en: 'self score' },
  appraisal: { vi: 'thẩm định', en: 'appraisal' },
};

/** Entry rules on every leaf score: not-a-number, negative, over-max, not-a-level, missing-score. */
export const entryRules: Rule[] = [
  {
    id: 'not-a-number',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'decimal-comma') {
          ctx.report({ severity: 'error', rule: 'not-a-number', code: leaf.code, column, cell, message: {
            vi: `"${p.text}" là chữ, không phải số: máy đang dùng dấu chấm thập phân, hãy nhập ${p.text.replace(',', '.')} (hoặc đổi cài đặt vùng).`,
            en: `"${p.text}" is text, not a number: this computer uses the decimal point; type ${p.text.replace(',', '.')} (or change the regional settings).`,
          } });
        } else if (p.kind === 'text') {
          ctx.report({ severity: 'error', rule: 'not-a-number', code: leaf.code, column, cell, message: {
            vi: `"${p.text.slice(0, 40)}" không phải là điểm số: nhập một số từ 0 đến ${f(leaf.node.max)}, hoặc KAD nếu không áp dụng.`,
            en: `"${p.text.slice(0, 40)}" is not a score: enter a number from 0 to ${fe(leaf.node.max)}, or KAD if not applicable.`,
          } });
        }
      });
    },
  },
  {
    id: 'negative',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'number' && p.value < 0) {
          ctx.report({ severity: 'error', rule: 'negative', code: leaf.code, column, cell, message: {
            vi: `Điểm ${f(p.value)} bị âm: điểm phải từ 0 đến ${f(leaf.node.max)}.`,
            en: `Score ${fe(p.value)} is negative: it must be from 0 to ${fe(leaf.node.max)}.`,
          } });
        }
      });
    },
  },
  {
    id: 'over-max',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'number' && toHundredths(p.value) > toHundredths(leaf.node.max)) {
          ctx.report({ severity: 'error', rule: 'over-max', code: leaf.code, column, cell, message: {
            vi: `Điểm ${f(p.value)} vượt điểm tối đa ${f(leaf.node.max)}`,
            en: `Score ${fe(p.value)} exceeds the maximum ${fe(leaf.node.max)}`,
          } });
        }
      });
    },
  },
  {
    id: 'not-a-level',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        const levels = leaf.node.levels;
        if (p.kind !== 'number') return;
        if (p.value < 0 || toHundredths(p.value) > toHundredths(leaf.node.max)) return; // reported above
        if (!isHundredthStep(p.value)) {
          // Scores go in hundredths: a finer one would make the sheet's sums and ours disagree.
          const raw = String(p.value);
          ctx.report({ severity: 'error', rule: 'not-a-level', code: leaf.code, column, cell, message: {
            vi: `Điểm ${raw.replace('.', ',')} lẻ quá hai chữ số thập phân: điểm chấm đến 0,01 (ví dụ ${f(p.value)}).`,
            en: `Score ${raw} has more than two decimals: scores go in hundredths (e.g. ${fe(p.value)}).`,
          } });
          return;
        }
        if (!levels || !levels.length) return;
        if (levels.some((l) => pointsEqual(l, p.value))) return;
        ctx.report({ severity: 'error', rule: 'not-a-level', code: leaf.code, column, cell, message: {
          vi: `Điểm ${f(p.value)} không thuộc các mức cho phép (${levels.map(f).join('; ')}).`,
          en: `Score ${fe(p.value)} is not one of the allowed levels (${levels.map(fe).join(', ')}).`,
        } });
      });
    },
  },
  {
    id: 'missing-score',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind !== 'blank') return;
        // An appraisal column left entirely blank is not yet in use: warn only once it has started.
        if (column === 'appraisal' && !appraisalStarted(ctx)) return;
        if (column === 'appraisal' && ctx.entry(leaf.code, 'self').kind === 'not-applicable') return;
        ctx.report({ severity: 'warning', rule: 'missing-score', code: leaf.code, column, cell, message: {
          vi: `Chưa chấm điểm ${columnName[column].vi} (ghi KAD nếu tiêu chí không áp dụng).`,
          en: `No ${columnName[column].en} entered (write KAD if the criterion does not apply).`,
        } });
      });
    },
  },
];

function appraisalStarted(ctx: CheckContext): boolean {
  return ctx.flat.some((l) => l.leaf && ctx.read.rowOf[l.code] !== undefined && ctx.entry(l.code, 'appraisal').kind !== 'blank');
}

function forEachEntry(ctx: CheckContext, fn: (leaf: FlatNode, column: 'self' | 'appraisal', p: ParsedScore, cell: string | null) => void): void {
  for (const leaf of ctx.flat) {
    if (!leaf.leaf || ctx.read.rowOf[leaf.code] === undefined) continue;
    for (const column of ctx.scoreColumns) fn(leaf, column, ctx.entry(leaf.code, column), ctx.cellOf(leaf.code, column));
  }
}

/** Sheet rules: structure (rows missing, duplicated, unknown) and max-altered. */
export const sheetRules: Rule[] = [
  {
    id: 'structure',
    run(ctx) {
      const { read } = ctx;
      const codeCol = read.columns.code!;
      for (const code of read.missing) {
        ctx.report({ severity: 'error', rule: 'structure', code, column: 'structure', cell: null, message: {
          vi: `Thiếu dòng của tiêu chí ${code}: dòng đã bị xóa hoặc mã ở cột ẩn "Mã" đã bị sửa. Hãy khôi phục dòng (Ctrl+Z) hoặc tạo lại bảng ("cchc build --from").`,
          en: `The row of criterion ${code} is missing: it was deleted or its hidden "Code" cell was changed. Restore it (Ctrl+Z) or rebuild the workbook ("cchc build --from").`,
        } });
      }
      for (const d of read.duplicates) {
        ctx.report({ severity: 'error', rule: 'structure', code: d.code, column: 'structure', cell: a1(d.rows[1], codeCol), message: {
          vi: `Tiêu chí ${d.code} xuất hiện ${d.rows.length} lần (dòng ${d.rows.map((r) => r + 1).join(', ')}): chỉ giữ một dòng.`,
          en: `Criterion ${d.code} appears ${d.rows.length} times (rows ${d.rows.map((r) => r + 1).join(', ')}): keep only one.`,
        } });
      }
      for (const u of read.unknown) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: a1(u.row, codeCol), message: {
          vi: `Dòng ${u.row + 1} có mã "${u.text.slice(0, 30)}" không thuộc bộ tiêu chí.`,
          en: `Row ${u.row + 1} has the code "${u.text.slice(0, 30)}", which is not in the criteria set.`,
        } });
      }
      const missingColumns = (['name', 'check'] as ColumnRole[]).concat(read.meta.appraisal ? ['appraisal' as ColumnRole] : [])
        .filter((role) => read.columns[role] === undefined);
      for (const role of missingColumns) {
        ctx.report({ severity: 'error', rule: 'structure', code: null, column: 'structure', cell: null, message: {
          vi: `Thiếu cột "${columnSpec(role).header.vi}" trên trang ${read.sheet.name}.`,
          en: `The "${columnSpec(role).header.en}" column is missing on sheet ${read.sheet.name}.`,
        } });
      }
    },
  },
  {
    id: 'max-altered',
    run(ctx) {
      const maxCol = ctx.read.columns.max!;
      for (const node of ctx.flat) {
        const row = ctx.read.rowOf[node.code];
        if (row === undefined) continue;
        const v = cellAt(ctx.read.sheet, row, maxCol);
        if (typeof v === 'number' && pointsEqual(v, node.node.max)) continue;
        const shown = typeof v === 'number' ? f(v) : cellText(v) || '(trống)';
        ctx.report({ severity: 'error', rule: 'max-altered', code: node.code, column: 'max', cell: a1(row, maxCol), message: {
          vi: `Điểm tối đa đã bị sửa thành ${shown}; theo bộ tiêu chí là ${f(node.node.max)}.`,
          en: `The maximum was changed to ${typeof v === 'number' ? fe(v) : cellText(v) || '(blank)'}; the set says ${fe(node.node.max)}.`,
        } });
      }
    },
  },
  {
    id: 'formula-altered',
    run(ctx) {
      const { read } = ctx;
      for (const column of ctx.scoreColumns) {
        const col = read.columns[column];
        if (col === undefined) continue;
        for (const node of ctx.flat) {
          if (node.leaf) continue;
          const row = read.rowOf[node.code];
          if (row === undefined) continue;
          const childRows = node.childCodes.map((c) => read.rowOf[c]).filter((r): r is number => r !== undefined);
          checkSumFormula(ctx, column, node.code, row, col, childRows);
        }
        const totalRow = read.markers.total;
        if (totalRow === undefined) {
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column: 'structure', cell: null, message: {
            vi: 'Không tìm thấy dòng TỔNG ĐIỂM: dòng tổng đã bị xóa. Hãy tạo lại bảng ("cchc build --from").',
            en: 'The TOTAL row is missing: it was deleted. Rebuild the workbook ("cchc build --from").',
          } });
        } else {
          const domainRows = ctx.flat.filter((n) => n.depth === 0).map((n) => read.rowOf[n.code]).filter((r): r is number => r !== undefined);
          if (hasExtras(read.meta.set)) checkTotalWithExtras(ctx, column, totalRow, col, domainRows);
          else checkSumFormula(ctx, column, null, totalRow, col, domainRows);
        }
        for (const marker of ['applicableMax', 'index'] as const) {
          const row = read.markers[marker];
          if (row === undefined || formulaAt(read.sheet, row, col)) continue;
          ctx.report({ severity: 'error', rule: 'formula-altered', code: null, column, cell: a1(row, col), message: {
            vi: `Ô ${a1(row, col)} (${marker === 'index' ? 'chỉ số' : 'điểm tối đa áp dụng'}) không còn là công thức.`,
            en: `Cell ${a1(row, col)} (${marker === 'index' ? 'index' : 'applicable maximum'}) no longer holds its formula.`,
          } });
        }
      }
    },
  },
];

export { sumFormulaRows };

/**
 * A subtotal must SUM exactly its children's cells. Blank rows people inserted inside the range are
 * harmless; another criterion's row inside it, or a child left out, is not.
 */
function checkSumFormula(ctx: CheckContext, column: 'self' | 'appraisal', code: string | null, row: number, col: number, childRows: number[]): void {
  const { read } = ctx;
  const cell = a1(row, col);
  const formula = formulaAt(read.sheet, row, col);
  const what: Message = code ? { vi: `Ô tổng của ${code}`, en: `The subtotal of ${code}` } : { vi: 'Ô TỔNG ĐIỂM', en: 'The TOTAL cell' };
  if (!formula) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: {
      vi: `${what.vi} (${cell}) không còn là công thức (đã bị ghi đè bằng giá trị): tổng sẽ không tự cập nhật.`,
      en: `${what.en} (${cell}) no longer holds a formula (a value was typed or pasted over it): it will not update.`,
    } });
    return;
  }
  const rows = sumFormulaRows(formula, col);
  const covered: Record<number, boolean> = {};
  (rows || []).forEach((r) => (covered[r] = true));
  const childSet: Record<number, boolean> = {};
  childRows.forEach((r) => (childSet[r] = true));
  const missingChild = childRows.some((r) => !covered[r]);
  const foreign = (rows || []).some((r) => !childSet[r] && read.codeRows[r] !== undefined);
  if (rows === null || missingChild || foreign) {
    ctx.report({ severity: 'error', rule: 'formula-altered', code, column, cell, message: {
      vi: `${what.vi} (${cell}) có công thức "=${formula.slice(0, 60)}" không còn cộng đúng các mục con.`,
      en: `${what.en} (${cell}) holds "=${formula.slice(0, 60)}", which no longer adds exactly its children.`,
    } });
  }
}

/** Rules run in this order; evidence and other rules register here too. */
export const RULES: Rule[] = [...sheetRules, ...extraSheetRules, ...entryRules, ...extraEntryRules, ...evidenceRules];

/** The band a set gives an index (bands are highest first). */
export function bandOf(bands: Array<{ min: number; label: string }> | undefined, index: number | null): string | null {
  if (!bands || !bands.length || index === null) return null;
  for (const b of bands.slice().sort((x, y) => y.min - x.min)) if (index >= b.min) return b.label;
  return null;
}

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
    read, lang, flat, scoreColumns, entry, cellOf, options,
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

export interface DomainGroup {
  code: string | null;
  stt: string;
  name: string;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Issues grouped by domain in tree order (workbook-wide issues first), with counts. */
export function groupIssuesByDomain(report: FileReport, flat: FlatNode[]): DomainGroup[] {
  const groups: DomainGroup[] = [];
  const byDomain: Record<string, DomainGroup> = {};
  const general: DomainGroup = { code: null, stt: '', name: '', errors: 0, warnings: 0, issues: [] };
  const domainOf: Record<string, string> = {};
  for (const n of flat) domainOf[n.code] = n.domainCode;
  for (const n of flat.filter((x) => x.depth === 0)) {
    byDomain[n.code] = { code: n.code, stt: n.node.stt, name: n.node.name, errors: 0, warnings: 0, issues: [] };
  }
  for (const issue of report.issues || []) {
    const g = (issue.code && byDomain[domainOf[issue.code]]) || general;
    g.issues.push(issue);
    if (issue.severity === 'error') g.errors++;
    else g.warnings++;
  }
  if (general.issues.length) groups.push(general);
  for (const n of flat.filter((x) => x.depth === 0)) if (byDomain[n.code].issues.length) groups.push(byDomain[n.code]);
  return groups;
}

/** Whether the report has an error (exit status 1 in `cchc check`). */
export function hasErrors(report: FileReport): boolean {
  return !!report.error || (report.issues || []).some((i) => i.severity === 'error');
}


// The property the workbook must keep whatever set and entries it gets: every number and text the core
// put in the file (constants, and the cached result of every formula) is what a real spreadsheet
// computes, and the reader's totals equal the spreadsheet's. Generated criteria sets and entries,
// including the pasted junk validation cannot stop (text, decimal commas, over-max, negative). Shared
// by the CI test (few small cases) and `npm run bench` (many larger ones).

import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkWorkbook } from '../../src/core/check/check';
import { CriteriaNode } from '../../src/core/model/criteria';
import { Entries, EntryRole, EvidenceDoc } from '../../src/core/model/entries';
import { CellValue, WorkbookGrids, a1, cellAt } from '../../src/core/model/grid';
import { WorkbookPlan, planToGrids } from '../../src/core/model/plan';
import { sumPoints } from '../../src/core/model/points';
import { readScoring } from '../../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../../src/core/sheets/workbook';
import { readWorkbookGrids } from '../../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../../src/adapters/exceljs/write';
import { recalculateAll } from '../libreoffice';
import { BuildOptions } from '../../src/core/model/build-options';
import { parseCriteriaSet } from '../../src/core/model/criteria-parse';

export interface CaseSize {
  domains: number;
  criteria: number;
  subLeaves: number;
}

/** CI: at most 3 × 4 × 3 = 36 leaves a case. */
export const SMALL: CaseSize = { domains: 3, criteria: 4, subLeaves: 3 };
/** The bench: up to 8 × 8 × 4 = 256 leaves. */
export const LARGE: CaseSize = { domains: 8, criteria: 8, subLeaves: 4 };

/**
 * How an entry is made from the leaf's maximum; what a person might type or paste. Numbers stay on
 * the hundredths grid the design keeps points on: the core rounds each entry to hundredths, the
 * sheet does not, so a finer entry (0.125) is a known difference rather than a finding.
 */
type EntrySpec =
  | { kind: 'blank' }
  | { kind: 'within'; fraction: number }
  | { kind: 'level'; pick: number }
  | { kind: 'over'; hundredths: number }
  | { kind: 'negative'; hundredths: number }
  | { kind: 'text'; text: string };

const entrySpec: fc.Arbitrary<EntrySpec> = fc.oneof(
  { weight: 5, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((fraction) => ({ kind: 'within' as const, fraction })) },
  { weight: 2, arbitrary: fc.nat(20).map((pick) => ({ kind: 'level' as const, pick })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'blank' as const }) },
  { weight: 2, arbitrary: fc.constantFrom('KAD', 'kad', 'Kad', ' KAD ', 'không áp dụng', 'n/a').map((text) => ({ kind: 'text' as const, text })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((hundredths) => ({ kind: 'over' as const, hundredths })) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((hundredths) => ({ kind: 'negative' as const, hundredths })) },
  { weight: 1, arbitrary: fc.constantFrom('0,5', 'đạt', '1', '=1+1', '+2', '@x', ' ').map((text) => ({ kind: 'text' as const, text })) },
);

interface LeafSpec {
  hundredths: number;
  levels: number[] | null;
  self: EntrySpec;
  appraisal: EntrySpec;
  note: string | null;
}

const leafSpec: fc.Arbitrary<LeafSpec> = fc.record({
  // Maxima in hundredths, so sums like 0.33 + 0.67 exercise exact arithmetic.
  hundredths: fc.oneof(fc.integer({ min: 1, max: 12 }).map((q) => q * 25), fc.integer({ min: 1, max: 400 })),
  // Levels as fractions of the maximum, turned into points once the maximum is known.
  levels: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }), { nil: null }),
  self: entrySpec,
  appraisal: entrySpec,
  note: fc.option(fc.constantFrom('Kế hoạch 12/KH-UBND', '=SUM(A1)', '-', '@chú thích', 'Giải trình: chưa có'), { nil: null }),
});

interface CaseSpec {
  domains: LeafSpec[][][];
  bonus: LeafSpec[];
  deduction: LeafSpec[];
  bands: boolean;
  appraisal: boolean;
  unit: string;
  evidence: Array<{ leaf: number; number: string }>;
}

function caseSpec(size: CaseSize): fc.Arbitrary<CaseSpec> {
  const criterion = fc.array(leafSpec, { minLength: 1, maxLength: size.subLeaves });
  return fc.record({
    domains: fc.array(fc.array(criterion, { minLength: 1, maxLength: size.criteria }), { minLength: 1, maxLength: size.domains }),
    bonus: fc.array(leafSpec, { maxLength: 2 }),
    deduction: fc.array(leafSpec, { maxLength: 2 }),
    bands: fc.boolean(),
    appraisal: fc.boolean(),
    unit: fc.constantFrom('Xã Đồng Thịnh', 'Phường =Tân Lập', '+Thị trấn Hùng Sơn', '@Xã A'),
    evidence: fc.array(fc.record({ leaf: fc.nat(300), number: fc.constantFrom('125/KH-UBND', '', '=1/2') }), { maxLength: 3 }),
  });
}

function levelsOf(spec: LeafSpec): number[] | undefined {
  if (!spec.levels) return undefined;
  const points = spec.levels.map((p) => Math.round((spec.hundredths * p) / 100) / 100);
  return points.concat(spec.hundredths / 100).filter((v, i, all) => all.indexOf(v) === i).sort((a, b) => a - b);
}

function entryValue(spec: EntrySpec, max: number, levels: number[] | undefined): CellValue {
  switch (spec.kind) {
    case 'blank': return null;
    case 'within': return Math.round(max * 100 * spec.fraction) / 100;
    case 'level': return levels ? levels[spec.pick % levels.length] : max;
    case 'over': return Math.round(max * 100 + spec.hundredths) / 100;
    case 'negative': return -spec.hundredths / 100;
    case 'text': return spec.text;
  }
}

/** A valid set (codes by position, parent maxima the sums) and the build options with entries. */
function buildOptionsOf(spec: CaseSpec): BuildOptions {
  const entries: Entries = {};
  const leafCodes: string[] = [];
  const leafNode = (code: string, stt: string, leaf: LeafSpec): CriteriaNode => {
    const max = leaf.hundredths / 100;
    const levels = levelsOf(leaf);
    const values: Partial<Record<EntryRole, CellValue>> = {};
    const self = entryValue(leaf.self, max, levels);
    const appraisal = entryValue(leaf.appraisal, max, levels);
    if (self !== null) values.self = self;
    if (spec.appraisal && appraisal !== null) values.appraisal = appraisal;
    if (leaf.note !== null) values.note = leaf.note;
    entries[code] = { values };
    leafCodes.push(code);
    const node: CriteriaNode = { code, stt, name: `Tiêu chí ${code}`, max, method: 'Đạt: tối đa' };
    if (levels) node.levels = levels;
    return node;
  };
  const nodes: CriteriaNode[] = spec.domains.map((criteria, d) => {
    const children = criteria.map((leaves, c) => {
      const code = `${d + 1}.${c + 1}`;
      if (leaves.length === 1) return leafNode(code, String(c + 1), leaves[0]);
      const subs = leaves.map((leaf, l) => leafNode(`${code}.${l + 1}`, `${c + 1}.${l + 1}`, leaf));
      return { code, stt: String(c + 1), name: `Tiêu chí ${code}`, max: sumPoints(subs.map((s) => s.max)), children: subs };
    });
    return { code: String(d + 1), stt: String(d + 1), name: `Lĩnh vực ${d + 1}`, max: sumPoints(children.map((c) => c.max)), children };
  });
  const extra = (prefix: string, items: LeafSpec[]) => items.map((item, i) => {
    const code = prefix + (i + 1);
    const max = item.hundredths / 100;
    const self = entryValue(item.self, max, undefined);
    entries[code] = { values: self === null ? {} : { self } };
    return { code, name: `${prefix === 'T' ? 'Thưởng' : 'Trừ'} ${i + 1}`, max };
  });
  const raw: Record<string, unknown> = { id: 'property', title: 'Bộ tiêu chí sinh ngẫu nhiên', status: 'reference', nodes };
  if (spec.bonus.length) raw.bonus = extra('T', spec.bonus);
  if (spec.deduction.length) raw.deduction = extra('D', spec.deduction);
  if (spec.bands) raw.bands = [{ min: 90, label: 'Xuất sắc' }, { min: 70, label: 'Tốt' }, { min: 50, label: 'Đạt' }, { min: 0, label: 'Chưa đạt' }];
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error('generated set invalid: ' + problems.map((p) => p.message.en).join('; '));
  const evidence: EvidenceDoc[] = spec.evidence.map((e) => ({ codes: [leafCodes[e.leaf % leafCodes.length]], number: e.number, date: '', summary: 'Tài liệu', link: '' }));
  return { set, unit: spec.unit, year: 2024, appraisal: spec.appraisal, entries, evidence };
}

export function generateCases(runs: number, seed: number, size: CaseSize): BuildOptions[] {
  return fc.sample(caseSpec(size), { seed, numRuns: runs }).map(buildOptionsOf);
}

function same(core: CellValue | undefined, spreadsheet: CellValue): boolean {
  const a = core === undefined || core === '' ? null : core;
  const b = spreadsheet === '' ? null : spreadsheet;
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/**
 * Where the recalculated workbook disagrees with the core: each plan cell's constant or cached
 * formula result, then the reader's subtotals and totals against the cells it names.
 */
export function disagreements(plan: WorkbookPlan, recalculated: WorkbookGrids): string[] {
  const out: string[] = [];
  // What the core claims, as a reader would hand it back (a date as ISO text).
  const claimed = planToGrids(plan);
  for (const sheet of plan.sheets) {
    const grid = recalculated.sheets.filter((s) => s.name === sheet.name)[0];
    const mine = claimed.sheets.filter((s) => s.name === sheet.name)[0];
    if (!grid) {
      out.push(`sheet ${sheet.name} is missing`);
      continue;
    }
    for (const cell of sheet.cells) {
      if (cell.formula !== undefined && cell.result === undefined) continue; // nothing cached, nothing claimed
      const core = cellAt(mine, cell.row, cell.col);
      const got = cellAt(grid, cell.row, cell.col);
      if (!same(core, got)) {
        out.push(`${sheet.name}!${a1(cell.row, cell.col)}: core ${JSON.stringify(core)}, LibreOffice ${JSON.stringify(got)}${cell.formula ? ` (=${cell.formula.slice(0, 120)})` : ''}`);
      }
    }
  }
  const report = checkWorkbook(recalculated);
  if (report.error) return out.concat('reader: ' + report.error);
  // The check compares what the recalculated sheets show with its own arithmetic: never a difference here.
  for (const i of report.issues || []) {
    if (i.rule === 'shown-differs' || i.rule === 'formula-altered') out.push(`check ${i.rule} at ${i.sheet}!${i.cell}: ${i.message}`);
  }
  const read = readScoring(recalculated);
  const at = (address: string | undefined) => {
    const m = address ? /^([A-Z]+)(\d+)$/.exec(address) : null;
    if (!m) return undefined;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return cellAt(read.sheet, Number(m[2]) - 1, col - 1);
  };
  const expect = (what: string, core: number | null | undefined, spreadsheet: CellValue | undefined) => {
    if (!same(core === undefined ? null : core, spreadsheet === undefined ? null : spreadsheet)) {
      out.push(`reader ${what}: core ${JSON.stringify(core)}, LibreOffice ${JSON.stringify(spreadsheet)}`);
    }
  };
  for (const node of report.nodes || []) {
    if (node.leaf) continue;
    expect(`${node.code} self`, node.self, at(node.cells.self));
    if (node.cells.appraisal) expect(`${node.code} appraisal`, node.appraisal, at(node.cells.appraisal));
  }
  const total = report.total!;
  expect('total self', total.self, at(total.cells.self));
  if (total.cells.appraisal) expect('total appraisal', total.appraisal, at(total.cells.appraisal));
  const selfCol = read.columns.self!;
  if (read.markers.applicableMax !== undefined) expect('applicable max', total.applicableMax, cellAt(read.sheet, read.markers.applicableMax, selfCol));
  if (read.markers.index !== undefined) expect('index', total.index, cellAt(read.sheet, read.markers.index, selfCol));
  return out;
}

export interface PropertyOutcome {
  cases: number;
  failures: Array<{ index: number; problems: string[]; input: BuildOptions }>;
}

/**
 * Builds each case into a workbook, recalculates them all with LibreOffice (one start per batch),
 * and collects the disagreements of each.
 */
export async function runProperty(cases: BuildOptions[], dir: string, batch = 25): Promise<PropertyOutcome> {
  const failures: PropertyOutcome['failures'] = [];
  for (let start = 0; start < cases.length; start += batch) {
    const chunk = cases.slice(start, start + batch);
    const plans = chunk.map((c) => buildWorkbookPlan(c));
    const files = plans.map((_, i) => path.join(dir, `case-${start + i}.xlsx`));
    for (let i = 0; i < plans.length; i++) await writePlanToFile(plans[i], files[i]);
    const recalculated = await recalculateAll(files);
    for (let i = 0; i < plans.length; i++) {
      const problems = disagreements(plans[i], await readWorkbookGrids(recalculated[i]));
      if (problems.length) failures.push({ index: start + i, problems, input: chunk[i] });
    }
    for (const f of files.concat(recalculated)) fs.rmSync(f, { force: true });
  }
  return { cases: cases.length, failures };
}

/** A failure as people can act on it: the case number, the first disagreements, the input. */
export function describeFailures(outcome: PropertyOutcome, seed: number): string {
  return outcome.failures.map((f) => [
    `case ${f.index} of seed ${seed}: ${f.problems.length} disagreement(s)`,
    ...f.problems.slice(0, 15).map((p) => '  ' + p),
    '  entries: ' + JSON.stringify(f.input.entries),
  ].join('\n')).join('\n\n');
}

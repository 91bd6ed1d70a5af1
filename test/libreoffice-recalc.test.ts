// The workbook's formulas, recalculated by a real spreadsheet (LibreOffice), against our own exact
// arithmetic: every subtotal, the total, the applicable maximum, the index, the classification, the
// Tổng hợp sheet and the Kiểm tra column. Scores are typed into the built file as a user would.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaNode, CriteriaSet, flattenSet, leavesOf, setMax } from '../src/core/model/criteria';
import { CellValue, SheetGrid, WorkbookGrids, a1, cellAt } from '../src/core/model/grid';
import { ROW_MARKERS, SHEETS, columnSpec } from '../src/core/model/layout';
import { fromHundredths, toHundredths } from '../src/core/model/points';
import { checkWorkbook } from '../src/core/check/check';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { ScoreEntry, fillScores, recalculate } from './libreoffice';
import { checkText, leafScore, verdictText } from '../src/core/model/verdict';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { withBands } from './helpers/communes';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-recalc-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type Scores = Record<string, ScoreEntry>;

// ---------------------------------------------------------------------------------------------
// Our arithmetic, in integer hundredths, from the criteria set and the entries alone.

function isBlank(v: ScoreEntry | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** The one marker the workbook documents for không áp dụng: KAD, in any case. */
function isNotApplicable(v: ScoreEntry | undefined): boolean {
  return typeof v === 'string' && v.trim().toUpperCase() === 'KAD';
}

interface ColumnExpectation {
  /** Points of every node, in hundredths: a leaf's number entry (text counts 0), a parent's sum. */
  points: Record<string, number>;
  total: number;
  applicableMax: number;
  /** Applicable maximum of each domain, for the Tổng hợp rates. */
  domainApplicable: Record<string, number>;
  index: number | null;
  /** Leaves left blank, and how many leaves there are: the classification waits for every one. */
  blank: number;
  leaves: number;
}

function expectColumn(set: CriteriaSet, scores: Scores): ColumnExpectation {
  const flat = flattenSet(set);
  const points: Record<string, number> = {};
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i];
    const entry = scores[f.code];
    points[f.code] = f.leaf ? (typeof entry === 'number' ? toHundredths(entry) : 0) : f.childCodes.reduce((s, c) => s + points[c], 0);
  }
  const total = set.nodes.reduce((s, n) => s + points[n.code], 0);
  const domainApplicable: Record<string, number> = {};
  for (const d of set.nodes) domainApplicable[d.code] = toHundredths(d.max);
  for (const f of flat) if (f.leaf && isNotApplicable(scores[f.code])) domainApplicable[f.domainCode] -= toHundredths(f.node.max);
  const applicableMax = set.nodes.reduce((s, n) => s + domainApplicable[n.code], 0);
  const leaves = flat.filter((f) => f.leaf);
  const blank = leaves.filter((f) => isBlank(scores[f.code])).length;
  return { points, total, applicableMax, domainApplicable, index: rate(total, applicableMax), blank, leaves: leaves.length };
}

/** points / maximum × 100 rounded half up to hundredths, from hundredths: exact. */
function rate(points: number, max: number): number | null {
  if (max <= 0) return null;
  return Math.round((points * 10000) / max) / 100;
}

/** The classification: "Chưa chấm" until a leaf is scored, "Chưa chấm xong" until all are, then the set's band. */
function bandOf(set: CriteriaSet, want: ColumnExpectation, role: 'self' | 'appraisal'): string {
  if (want.blank > 0) {
    const none = want.blank >= want.leaves;
    return role === 'self' ? (none ? 'Chưa chấm' : 'Chưa chấm xong') : (none ? 'Chưa thẩm định' : 'Chưa thẩm định xong');
  }
  const index = want.index;
  if (index === null) return '';
  const band = (set.bands || []).slice().sort((a, b) => b.min - a.min).filter((b) => index >= b.min)[0];
  return band ? band.label : '';
}

/** The oracle of the Kiểm tra column: the one verdict table (model/verdict.ts), as the sheet sees a value. */
function checkOf(v: ScoreEntry | undefined, set: CriteriaSet, node: CriteriaNode, column: 'self' | 'appraisal'): string {
  return checkText(v, leafScore(node, { set, unitType: 'xa', column }));
}

// ---------------------------------------------------------------------------------------------
// The recalculated workbook, found by header texts and the hidden code column.

interface ScoringCells {
  sheet: SheetGrid;
  col: Record<'max' | 'self' | 'appraisal' | 'check', number>;
  rowOf: Record<string, number>;
}

function headerRow(sheet: SheetGrid, texts: string[]): number {
  const row = sheet.values.findIndex((r) => texts.every((t) => r.indexOf(t) >= 0));
  if (row < 0) throw new Error(`${sheet.name}: no header row with ${texts.join(', ')}`);
  return row;
}

function sheetNamed(grids: WorkbookGrids, name: string): SheetGrid {
  const sheet = grids.sheets.filter((s) => s.name === name)[0];
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function scoringCells(grids: WorkbookGrids): ScoringCells {
  const sheet = sheetNamed(grids, SHEETS.scoring);
  const header = columnSpec('code').header.vi;
  const row = headerRow(sheet, [header, columnSpec('self').header.vi]);
  const colOf = (role: 'max' | 'self' | 'appraisal' | 'check' | 'code') => sheet.values[row].indexOf(columnSpec(role).header.vi);
  const codeCol = colOf('code');
  const rowOf: Record<string, number> = {};
  for (let r = row + 1; r < sheet.values.length; r++) {
    const code = cellAt(sheet, r, codeCol);
    if (typeof code === 'string' && code) rowOf[code] = r;
  }
  return { sheet, col: { max: colOf('max'), self: colOf('self'), appraisal: colOf('appraisal'), check: colOf('check') }, rowOf };
}

/** Collects every mismatch as "where: got X, want Y", so one failure shows them all. */
class Comparison {
  readonly mismatches: string[] = [];
  constructor(private readonly sheet: SheetGrid) {}

  cell(row: number, col: number, want: CellValue, what: string): void {
    const got = cellAt(this.sheet, row, col);
    if (got !== want) this.mismatches.push(`${this.sheet.name}!${a1(row, col)} ${what}: LibreOffice ${JSON.stringify(got)}, ours ${JSON.stringify(want)}`);
  }
}

const points = (hundredths: number) => fromHundredths(hundredths);
const percentOrBlank = (v: number | null): CellValue => (v === null ? null : v);

/** Compares Chấm điểm: every node's subtotal, the total rows and the Kiểm tra text of every leaf. */
function compareScoring(set: CriteriaSet, cells: ScoringCells, self: Scores, appraisal: Scores | null): string[] {
  const cmp = new Comparison(cells.sheet);
  const columns: Array<['self' | 'appraisal', Scores]> = [['self', self]];
  if (appraisal) columns.push(['appraisal', appraisal]);
  for (const [role, scores] of columns) {
    const want = expectColumn(set, scores);
    for (const f of flattenSet(set)) {
      if (!f.leaf) cmp.cell(cells.rowOf[f.code], cells.col[role], points(want.points[f.code]), `${role} subtotal of ${f.code}`);
    }
    cmp.cell(cells.rowOf[ROW_MARKERS.total], cells.col[role], points(want.total), `${role} total`);
    cmp.cell(cells.rowOf[ROW_MARKERS.applicableMax], cells.col[role], points(want.applicableMax), `${role} applicable maximum`);
    cmp.cell(cells.rowOf[ROW_MARKERS.index], cells.col[role], percentOrBlank(want.index), `${role} index`);
    if (set.bands) cmp.cell(cells.rowOf[ROW_MARKERS.band], cells.col[role], bandOf(set, want, role), `${role} classification`);
  }
  cmp.cell(cells.rowOf[ROW_MARKERS.total], cells.col.max, setMax(set), 'total maximum');
  for (const leaf of leavesOf(set)) {
    const selfText = checkOf(self[leaf.code], set, leaf.node, 'self');
    const appraised = appraisal ? appraisal[leaf.code] : null;
    const text = appraisal && !isBlank(appraised)
      ? `Tự chấm: ${selfText} | Thẩm định: ${checkOf(appraised, set, leaf.node, 'appraisal')}`
      : selfText;
    cmp.cell(cells.rowOf[leaf.code], cells.col.check, text, `Kiểm tra of ${leaf.code}`);
  }
  return cmp.mismatches;
}

/** Compares Tổng hợp: each domain's name, maximum, points and rate, then the total rows. */
function compareSummary(set: CriteriaSet, grids: WorkbookGrids, self: Scores, appraisal: Scores | null): string[] {
  const sheet = sheetNamed(grids, SHEETS.summary);
  const cmp = new Comparison(sheet);
  const header = headerRow(sheet, ['Lĩnh vực', 'Điểm tối đa', 'Điểm tự chấm']);
  const col = (text: string) => sheet.values[header].findIndex((v) => typeof v === 'string' && v.indexOf(text) === 0);
  const c = { name: col('Lĩnh vực'), max: col('Điểm tối đa'), self: col('Điểm tự chấm'), appraisal: col('Điểm thẩm định'), diff: col('Chênh lệch'), rate: col('Tỷ lệ đạt') };
  const labelRow = (label: string) => sheet.values.findIndex((r) => r[c.name] === label);
  const mine = expectColumn(set, self);
  const theirs = appraisal ? expectColumn(set, appraisal) : null;
  // The rate follows the appraisal once it exists, as the ranking does.
  const basis = theirs || mine;
  set.nodes.forEach((domain, i) => {
    const row = header + 1 + i;
    cmp.cell(row, c.name, domain.name, `name of domain ${domain.code}`);
    cmp.cell(row, c.max, domain.max, `maximum of domain ${domain.code}`);
    cmp.cell(row, c.self, points(mine.points[domain.code]), `self points of domain ${domain.code}`);
    if (theirs) {
      cmp.cell(row, c.appraisal, points(theirs.points[domain.code]), `appraisal points of domain ${domain.code}`);
      cmp.cell(row, c.diff, points(theirs.points[domain.code] - mine.points[domain.code]), `difference of domain ${domain.code}`);
    }
    cmp.cell(row, c.rate, percentOrBlank(rate(basis.points[domain.code], basis.domainApplicable[domain.code])), `rate of domain ${domain.code}`);
  });
  const total = labelRow('TỔNG ĐIỂM');
  cmp.cell(total, c.max, setMax(set), 'total maximum');
  cmp.cell(total, c.self, points(mine.total), 'self total');
  cmp.cell(total, c.rate, percentOrBlank(basis.index), 'total rate');
  const applicable = labelRow('Điểm tối đa các tiêu chí áp dụng');
  cmp.cell(applicable, c.self, points(mine.applicableMax), 'self applicable maximum');
  const index = labelRow('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)');
  cmp.cell(index, c.self, percentOrBlank(mine.index), 'self index');
  if (theirs) {
    cmp.cell(total, c.appraisal, points(theirs.total), 'appraisal total');
    cmp.cell(total, c.diff, points(theirs.total - mine.total), 'total difference');
    cmp.cell(applicable, c.appraisal, points(theirs.applicableMax), 'appraisal applicable maximum');
    cmp.cell(index, c.appraisal, percentOrBlank(theirs.index), 'appraisal index');
    const indexDiff = mine.index === null || theirs.index === null ? null : points(toHundredths(theirs.index) - toHundredths(mine.index));
    cmp.cell(index, c.diff, indexDiff, 'index difference');
  }
  if (set.bands) {
    const band = labelRow('Xếp loại');
    cmp.cell(band, c.self, bandOf(set, mine, 'self'), 'self classification');
    if (theirs) cmp.cell(band, c.appraisal, bandOf(set, theirs, 'appraisal'), 'appraisal classification');
  }
  return cmp.mismatches;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** A score for every leaf cycling through its allowed levels, so 0.25 and 0.5 steps all occur. */
function levelScores(set: CriteriaSet, stride: number, offset: number): Scores {
  const scores: Scores = {};
  leavesOf(set).forEach((leaf, i) => {
    const levels = leaf.node.levels || [0, leaf.node.max];
    scores[leaf.code] = levels[(i * stride + offset) % levels.length];
  });
  return scores;
}

async function builtAndScored(name: string, set: CriteriaSet, self: Scores, appraisal: Scores | null): Promise<WorkbookGrids> {
  const file = path.join(dir, name);
  await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal: !!appraisal }), file);
  await fillScores(file, self, 'self');
  if (appraisal) await fillScores(file, appraisal, 'appraisal');
  return readWorkbookGrids(await recalculate(file));
}

/** Entries a commune really makes: levels, quarter points, KAD, blanks, and the usual mistakes. */
function communeScores(set: CriteriaSet): Scores {
  return {
    ...levelScores(set, 3, 1),
    '1.3.2': 0.25,
    '2.2.1': 0.25,
    '2.5.1': 0.25,
    '1.3.1': 'KAD',
    '3.1.2': 'kad',
    '1.4.1': null,
    '4.1.4': null,
    '1.1.1': 1.5, // over the maximum of 1
    '1.1.2': 0.75, // not one of 0, 0.5, 1, 1.5
    '2.1.1': 'đạt', // text
    '2.4.1': '0,5', // a decimal comma Excel kept as text
    '3.2.3': -1, // negative
  };
}

itIfEngine('soffice', 'LibreOffice really recalculates: a deliberately wrong cached result is replaced', async () => {
  const file = path.join(dir, 'stale.xlsx');
  await writePlanToFile({
    sheets: [{
      name: 'Thử', visibility: 'visible', columns: [], rowHeights: [], merges: [], validations: [], conditionalFormats: [], protect: false,
      cells: [
        { row: 0, col: 0, value: 2 },
        { row: 0, col: 1, formula: 'A1*3', result: 999 },
        { row: 0, col: 2, formula: 'IF(A1>1,"lớn","nhỏ")', result: 'sai' },
      ],
    }],
    styles: {},
    fullCalcOnLoad: true,
  }, file);
  const sheet = (await readWorkbookGrids(await recalculate(file))).sheets[0];
  expect([cellAt(sheet, 0, 1), cellAt(sheet, 0, 2)]).toEqual([6, 'lớn']);
});

itIfEngine('soffice', 'self-assessment: every subtotal, total, index, classification, Tổng hợp cell and check equals our arithmetic', async () => {
  // The bundled set has no bands: the test's own make the classification formula part of the comparison.
  const set = withBands(defaultSet());
  const self = communeScores(set);
  const grids = await builtAndScored('self.xlsx', set, self, null);
  const cells = scoringCells(grids);
  expect(compareScoring(set, cells, self, null).concat(compareSummary(set, grids, self, null))).toEqual([]);
  // The cases the Kiểm tra column exists for, spelled out.
  const check = (code: string) => cellAt(cells.sheet, cells.rowOf[code], cells.col.check);
  expect([check('1.1.1'), check('2.1.1'), check('1.1.2'), check('1.4.1'), check('2.4.1'), check('3.2.3'), check('1.3.1'), check('1.3.2')])
    .toEqual(['✗ Vượt điểm tối đa', '✗ Không phải số', '✗ Không đúng mức điểm', 'Chưa chấm', '✗ Không phải số', '✗ Điểm âm', 'Không áp dụng', '✓']);
});

itIfEngine('soffice', 'a score finer than hundredths is flagged by the sheet and by the check alike', async () => {
  const set = defaultSet();
  // 0.333 rounds to an allowed-looking 0.33; 1.001 would pass as 1 if only hundredths were compared.
  const grids = await builtAndScored('fine.xlsx', set, { ...levelScores(set, 3, 1), '1.1.1': 0.333, '1.1.2': 1.001 }, null);
  const cells = scoringCells(grids);
  const check = (code: string) => cellAt(cells.sheet, cells.rowOf[code], cells.col.check);
  expect([check('1.1.1'), check('1.1.2')]).toEqual([verdictText('too-fine', leafScore({ max: 1 })), verdictText('too-fine', leafScore({ max: 1 }))]);
  const issues = (checkWorkbook(grids).issues || []).filter((i) => (i.code === '1.1.1' || i.code === '1.1.2') && i.severity === 'error');
  expect(issues.map((i) => [i.code, i.severity, i.rule])).toEqual([['1.1.1', 'error', 'not-a-level'], ['1.1.2', 'error', 'not-a-level']]);
  expect(issues[0].message).toContain('0,333');
});

itIfEngine('soffice', 'appraisal: both columns, the differences and the combined check equal our arithmetic', async () => {
  const set = defaultSet();
  const self = { ...levelScores(set, 3, 1), '1.3.1': 'KAD', '5.1.1': null };
  const appraisal = { ...levelScores(set, 5, 2), '1.3.1': 'KAD', '2.3': 'KAD', '1.1.1': 2, '1.2': null, '3.2.2': 'x' };
  const grids = await builtAndScored('appraisal.xlsx', set, self, appraisal);
  expect(compareScoring(set, scoringCells(grids), self, appraisal).concat(compareSummary(set, grids, self, appraisal))).toEqual([]);
});

itIfEngine('soffice', 'hundredths: 0.1 + 0.2 and other tenths add up exactly', async () => {
  const leaf = (code: string, max: number) => ({ code, stt: code, name: `Mục ${code}`, max });
  const { set } = parseCriteriaSet({
    id: 'tenths', title: 'Điểm lẻ', status: 'reference',
    nodes: [
      { code: '1', stt: 'I', name: 'Một', max: 0.6, children: [leaf('1.1', 0.1), leaf('1.2', 0.2), leaf('1.3', 0.3)] },
      { code: '2', stt: 'II', name: 'Hai', max: 2.33, children: [leaf('2.1', 0.33), leaf('2.2', 1), leaf('2.3', 1)] },
    ],
  });
  const self = { '1.1': 0.1, '1.2': 0.2, '1.3': 0.3, '2.1': 0.33, '2.2': 0.07, '2.3': 0.01 };
  const grids = await builtAndScored('tenths.xlsx', set!, self, null);
  expect(compareScoring(set!, scoringCells(grids), self, null).concat(compareSummary(set!, grids, self, null))).toEqual([]);
});

itIfEngine('soffice', 'a KAD typed with spaces around it leaves the maximum, as its Kiểm tra text says', async () => {
  const set = defaultSet();
  const self = { ...levelScores(set, 3, 1), '1.3.1': ' KAD ', '3.1.2': 'KAD ' };
  const grids = await builtAndScored('kad-spaces.xlsx', set, self, null);
  expect(compareScoring(set, scoringCells(grids), self, null).concat(compareSummary(set, grids, self, null))).toEqual([]);
});

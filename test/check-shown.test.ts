// What the sheet shows is verified (issue #9, item 2), in the core and without an engine: a workbook
// as a spreadsheet saved it (cached results computed, `calculated`), then one cell shows something
// else — a stale result under an intact formula, or a value typed over the formula — on Chấm điểm or
// Tổng hợp. Each case states the issues the check gives: rule, cell, and the words of the message.
// shown-libreoffice.test.ts and edits-check-libreoffice.test.ts make such files in LibreOffice.

import { checkWorkbook } from '../src/core/check/check';
import { FileReport } from '../src/core/check/report';
import { CriteriaSet } from '../src/core/model/criteria';
import { CellValue, SheetGrid, WorkbookGrids, a1, cellAt, formulaAt } from '../src/core/model/grid';
import { SHEETS, columnSpec } from '../src/core/model/layout';
import { insertRowsInFormula } from '../src/core/model/formula';
import { SUMMARY_HEADER_ROW } from '../src/core/sheets/summary';
import { planToGrids } from '../src/core/model/plan';
import { ScoringRead, readScoring } from '../src/core/sheets/scoring/read';
import { bandFormula } from '../src/core/sheets/scoring/totals';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { Scores, entriesOf, extrasSet } from './helpers/communes';
import { setCell, smallSet } from './helpers/scoring';

// Self 1 + 0.75 + 1 + 0.5 + 1.5 = 4.75 of 5; with the extras set, bonus 1 and deduction 0.5: 5.25.
const FULL: Scores = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

interface Saved {
  grids: WorkbookGrids;
  read: ScoringRead;
  scoring: SheetGrid;
  summary: SheetGrid;
  /** Tổng hợp cells found before the edit (an edit may change what finds them). */
  found: Record<string, { row: number; col: number }>;
}

/** A workbook scored with `scores` and saved by a spreadsheet: the plan's cached results are the core's. */
function saved(set: CriteriaSet, scores: Scores, calculated = true, appraisal?: Scores): Saved {
  const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal: !!appraisal, entries: entriesOf(scores, appraisal) }));
  grids.calculated = calculated;
  const read = readScoring(grids);
  const sheet = (name: string) => grids.sheets.filter((s) => s.name === name)[0];
  return { grids, read, scoring: sheet(SHEETS.scoring), summary: sheet(SHEETS.summary), found: {} };
}

/** A row of a Chấm điểm cell: a code's, or a marker's (total, applicable maximum, index, band). */
function scoringCell(s: Saved, at: string, role: 'self' | 'appraisal' | 'max' = 'self'): { row: number; col: number } {
  const marker = s.read.markers[at as keyof ScoringRead['markers']];
  return { row: marker !== undefined ? marker : s.read.rowOf[at], col: s.read.columns[role]! };
}

/** Tổng hợp's Điểm tự chấm cell on the row labelled `label` (or whose formula reads a code's cell). */
function summaryCell(s: Saved, label: string): { row: number; col: number } {
  if (s.found[label]) return s.found[label];
  const header = columnSpec('self').header.vi;
  const headerRow = s.summary.values.findIndex((r) => (r || []).indexOf(header) >= 0);
  const col = s.summary.values[headerRow].indexOf(header);
  const code = s.read.rowOf[label];
  for (let r = headerRow + 1; r < s.summary.values.length; r++) {
    const labelled = (s.summary.values[r] || []).some((v) => v === label);
    const reads = code !== undefined && formulaAt(s.summary, r, col) === `'${SHEETS.scoring}'!${a1(code, s.read.columns.self!)}`;
    if (labelled || reads) return (s.found[label] = { row: r, col });
  }
  throw new Error(`${SHEETS.summary}: no row for ${label}`);
}

/** The cell shows `value` while its formula stays: a result not recalculated. */
function stale(sheet: SheetGrid, at: { row: number; col: number }, value: CellValue): void {
  sheet.values[at.row][at.col] = value;
}

/** Tổng hợp stamped as made by another version of cchc. */
function outdate(s: Saved): void {
  const meta = s.grids.sheets.filter((x) => x.name === SHEETS.meta)[0];
  const row = meta.values.findIndex((r) => (r || [])[0] === 'summary.layout');
  meta.values[row][1] = 'phiên bản cũ';
}

/**
 * A row inserted on Tổng hợp before the 0-based `at`, formulas rewritten as a spreadsheet rewrites
 * them (edits-check-libreoffice.test.ts makes the same edit in LibreOffice).
 */
function insertSummaryRow(s: Saved, at: number): void {
  summaryCell(s, '1');
  summaryCell(s, '2');
  summaryCell(s, 'TỔNG ĐIỂM');
  const sheet = s.summary;
  sheet.formulas = sheet.formulas.map((row) => row.map((f) => (f ? insertRowsInFormula(f, at, 1) : f)));
  for (const grid of [sheet.values, sheet.formulas, sheet.hyperlinks] as unknown[][][]) grid.splice(at, 0, []);
}

/** `value` typed over the formula. */
function typedOver(sheet: SheetGrid, at: { row: number; col: number }, value: CellValue): void {
  setCell(sheet, at.row, at.col, value, null);
}

interface Expected {
  rule: string;
  severity: 'error' | 'warning';
  /** Sheet!A1, the sheet left out for Chấm điểm. */
  cell: string;
  /** Words the Vietnamese message holds. */
  says?: string[];
  /** The column the issue is filed under: Tổng hợp's are the workbook's structure; on Chấm điểm, the self score unless said. */
  column?: string;
}

interface ShownCase {
  title: string;
  set?: () => CriteriaSet;
  scores?: Scores;
  /** Built with the appraisal column, holding these scores. */
  appraisal?: Scores;
  calculated?: boolean;
  edit: (s: Saved) => void;
  expected: (s: Saved) => Expected[];
}

const on = (s: Saved, sheet: 'scoring' | 'summary', at: { row: number; col: number }) =>
  (sheet === 'summary' ? `${SHEETS.summary}!` : '') + a1(at.row, at.col);

const cases: ShownCase[] = [
  {
    title: 'as saved: nothing to say',
    edit: () => undefined,
    expected: () => [],
  },
  {
    title: 'a subtotal whose formula is right but shows an old result: stale, recalculate',
    edit: (s) => stale(s.scoring, scoringCell(s, '1.1'), 2),
    expected: (s) => [{
      rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')),
      says: [`Ô ${on(s, 'scoring', scoringCell(s, '1.1'))} hiển thị 2 nhưng điểm của 1.1 đúng là 1,75.`, 'chưa được tính lại', 'Ctrl+Alt+F9'],
    }],
  },
  {
    title: 'a number typed over a subtotal: the formula is gone, and the sheet shows another number',
    edit: (s) => typedOver(s.scoring, scoringCell(s, '1.1'), 2),
    expected: (s) => [
      { rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')), says: ['không còn là công thức'] },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')), says: ['hiển thị 2 nhưng điểm của 1.1 đúng là 1,75', 'gõ hoặc dán đè lên công thức'] },
    ],
  },
  {
    title: 'the same number typed over a subtotal: the formula is gone, no difference to show',
    edit: (s) => typedOver(s.scoring, scoringCell(s, '1.1'), 1.75),
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')) }],
  },
  {
    title: 'a domain showing an old result',
    edit: (s) => stale(s.scoring, scoringCell(s, '2'), 1),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '2')), says: ['hiển thị 1 nhưng điểm của 2 đúng là 2'] }],
  },
  {
    title: 'TỔNG ĐIỂM showing an old result',
    edit: (s) => stale(s.scoring, scoringCell(s, 'total'), 85),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị 85 nhưng tổng điểm đúng là 4,75'] }],
  },
  {
    title: 'the applicable maximum shown wrong',
    edit: (s) => stale(s.scoring, scoringCell(s, 'applicableMax'), 4),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'applicableMax')), says: ['hiển thị 4 nhưng điểm tối đa áp dụng đúng là 5', 'nếu ô vẫn hiển thị như vậy'] }],
  },
  {
    title: 'the applicable maximum, with a leaf KAD: 4 is right',
    scores: { ...FULL, '1.2': 'KAD' },
    edit: (s) => stale(s.scoring, scoringCell(s, 'applicableMax'), 4),
    expected: () => [],
  },
  {
    title: 'the index shown wrong',
    edit: (s) => stale(s.scoring, scoringCell(s, 'index'), 100),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'index')), says: ['hiển thị 100 nhưng chỉ số đúng là 95'] }],
  },
  {
    title: 'the classification shown wrong (a set with bands)',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => stale(s.scoring, scoringCell(s, 'band'), 'Yếu'),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'band')), says: ['hiển thị Yếu nhưng xếp loại đúng là Tốt', 'Ctrl+Alt+F9', 'cchc refresh'] }],
  },
  {
    // A workbook built before bands waited for every score: its formula banded the index of a sheet
    // half scored. Recalculating keeps that band, so the advice cannot be only to recalculate.
    title: 'the classification of an earlier version\'s band formula, on a sheet not fully scored: recalculate, else rebuild',
    set: extrasSet,
    scores: { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, T1: 1, D1: 0.5 },
    edit: (s) => {
      const at = scoringCell(s, 'band');
      setCell(s.scoring, at.row, at.col, 'Yếu', bandFormula(a1(scoringCell(s, 'index').row, at.col), s.read.meta.set));
    },
    expected: (s) => [{
      rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'band')),
      says: ['hiển thị Yếu nhưng xếp loại đúng là Chưa chấm xong', 'Ctrl+Alt+F9', 'phiên bản cũ', 'cchc refresh TỆP.xlsx --in-place'],
    }],
  },
  {
    title: 'the bonus row showing an old result',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => stale(s.scoring, scoringCell(s, 'bonus'), 0),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'bonus')), says: ['hiển thị 0 nhưng điểm thưởng đúng là 1.'] }],
  },
  {
    title: 'the maximum of TỔNG ĐIỂM shown wrong',
    edit: (s) => stale(s.scoring, scoringCell(s, 'total', 'max'), 6),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', column: 'max', cell: on(s, 'scoring', scoringCell(s, 'total', 'max')), says: ['hiển thị 6 nhưng tổng điểm tối đa đúng là 5', 'nếu ô vẫn hiển thị như vậy', 'cchc refresh TỆP.xlsx --in-place'] }],
  },
  {
    title: 'a file no spreadsheet recalculated: stale results are no false alarm',
    calculated: false,
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1.1'), 2);
      stale(s.scoring, scoringCell(s, 'total'), 85);
      stale(s.summary, summaryCell(s, 'TỔNG ĐIỂM'), 85);
    },
    expected: () => [],
  },
  {
    title: 'a file without cached results: nothing is claimed',
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1.1'), null);
      stale(s.scoring, scoringCell(s, 'total'), null);
    },
    expected: () => [],
  },
  {
    title: 'a date in a leaf: the sheet\'s sums cannot match the core\'s, so they are not compared (the date is the error)',
    scores: { ...FULL, '1.1.2': '2025-05-01T00:00:00.000Z' },
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1.1'), 45778);
      stale(s.scoring, scoringCell(s, '1'), 45779);
      stale(s.scoring, scoringCell(s, 'total'), 45781);
    },
    expected: (s) => [{ rule: 'not-a-number', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1.2')), says: ['Ô chứa ngày 01/05'] }],
  },
  {
    title: 'a number typed over Tổng hợp\'s total: one issue at its cell, with both numbers and what happened',
    edit: (s) => typedOver(s.summary, summaryCell(s, 'TỔNG ĐIỂM'), 85),
    expected: (s) => [{
      rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', summaryCell(s, 'TỔNG ĐIỂM')),
      says: [`Ô ${on(s, 'summary', summaryCell(s, 'TỔNG ĐIỂM'))} hiển thị 85 nhưng TỔNG ĐIỂM (Điểm tự chấm) đúng là 4,75.`, 'gõ hoặc dán đè lên công thức'],
    }],
  },
  {
    title: 'Tổng hợp\'s total typed over with the right number: the formula is gone all the same',
    edit: (s) => typedOver(s.summary, summaryCell(s, 'TỔNG ĐIỂM'), 4.75),
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'summary', summaryCell(s, 'TỔNG ĐIỂM')), says: ['không còn là công thức'] }],
  },
  {
    title: 'a domain\'s points on Tổng hợp showing an old result',
    edit: (s) => stale(s.summary, summaryCell(s, '1'), 3),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', summaryCell(s, '1')), says: ['hiển thị 3 nhưng', 'đúng là 2,75', 'chưa được tính lại'] }],
  },
  {
    title: 'a Tổng hợp formula pointed at another cell: formula-altered at its cell',
    edit: (s) => {
      const at = summaryCell(s, '1');
      summaryCell(s, 'TỔNG ĐIỂM');
      setCell(s.summary, at.row, at.col, cellAt(s.summary, at.row, at.col), `'${SHEETS.scoring}'!${a1(s.read.rowOf['2'], s.read.columns.self!)}`);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'summary', summaryCell(s, '1')), says: ['không còn là công thức lấy từ trang Chấm điểm'] }],
  },
  {
    title: 'a subtotal stale on Chấm điểm: Tổng hợp copying it is explained there, not reported again',
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1'), 3);
      stale(s.summary, summaryCell(s, '1'), 3);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1')), says: ['hiển thị 3 nhưng điểm của 1 đúng là 2,75'] }],
  },
  {
    title: 'an appraisal subtotal showing an old result: reported in the appraisal column, the self column silent',
    appraisal: { ...FULL, '1.1.1': 0.5 },
    edit: (s) => stale(s.scoring, scoringCell(s, '1.1', 'appraisal'), 1.75),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', column: 'appraisal', cell: on(s, 'scoring', scoringCell(s, '1.1', 'appraisal')), says: ['hiển thị 1,75 nhưng điểm của 1.1 đúng là 1,25'] }],
  },
  {
    title: 'the appraisal\'s TỔNG ĐIỂM and index typed over: each cell, with what it shows and what is right',
    appraisal: { ...FULL, '2.1.2': 0.5 },
    edit: (s) => {
      typedOver(s.scoring, scoringCell(s, 'total', 'appraisal'), 4.75);
      stale(s.scoring, scoringCell(s, 'index', 'appraisal'), 95);
    },
    expected: (s) => [
      { rule: 'formula-altered', severity: 'error', column: 'appraisal', cell: on(s, 'scoring', scoringCell(s, 'total', 'appraisal')) },
      { rule: 'shown-differs', severity: 'error', column: 'appraisal', cell: on(s, 'scoring', scoringCell(s, 'total', 'appraisal')), says: ['hiển thị 4,75 nhưng tổng điểm đúng là 3,75', 'gõ hoặc dán đè'] },
    ],
  },
  {
    title: 'text typed over TỔNG ĐIỂM is quoted as it shows',
    edit: (s) => typedOver(s.scoring, scoringCell(s, 'total'), 'đạt'),
    expected: (s) => [
      { rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')) },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị đạt nhưng tổng điểm đúng là 4,75'] },
    ],
  },
  {
    title: 'a subtotal erased: the formula is gone, and a blank cell claims nothing',
    edit: (s) => typedOver(s.scoring, scoringCell(s, '1.1'), null),
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')) }],
  },
  {
    title: 'every leaf KAD: the index is blank, so an old 95 is wrong',
    scores: { '1.1.1': 'KAD', '1.1.2': 'KAD', '1.2': 'KAD', '2.1.1': 'KAD', '2.1.2': 'KAD' },
    edit: (s) => stale(s.scoring, scoringCell(s, 'index'), 95),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'index')), says: ['hiển thị 95 nhưng chỉ số đúng là (trống)'] }],
  },
  {
    title: 'a date in a bonus item: the bonus row and TỔNG ĐIỂM cannot match, so they are not compared',
    set: extrasSet,
    scores: { ...FULL, T1: '2025-01-01T00:00:00.000Z', D1: 0.5 },
    edit: (s) => {
      stale(s.scoring, scoringCell(s, 'bonus'), 45658);
      stale(s.scoring, scoringCell(s, 'total'), 45662.25);
    },
    expected: (s) => [{ rule: 'not-a-number', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'T1')) }],
  },
  {
    title: 'the deduction row showing an old result',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => stale(s.scoring, scoringCell(s, 'deduction'), 2),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'deduction')), says: ['hiển thị 2 nhưng điểm trừ đúng là 0,5.'] }],
  },
  {
    title: 'TỔNG ĐIỂM with extras showing an old result, its formula intact',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => stale(s.scoring, scoringCell(s, 'total'), 4.75),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị 4,75 nhưng tổng điểm đúng là 5,25', 'chưa được tính lại'] }],
  },
  {
    title: 'a date in a leaf of one domain: that domain and TỔNG ĐIỂM are not compared, the other domain still is',
    scores: { ...FULL, '1.1.2': '2025-05-01T00:00:00.000Z' },
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1'), 45779);
      stale(s.scoring, scoringCell(s, 'total'), 45781);
      stale(s.scoring, scoringCell(s, '2'), 1);
    },
    expected: (s) => [
      { rule: 'not-a-number', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1.2')) },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '2')), says: ['hiển thị 1 nhưng điểm của 2 đúng là 2'] },
    ],
  },
  {
    title: 'a number stored as text where a total belongs is not that number',
    edit: (s) => stale(s.scoring, scoringCell(s, 'total'), '4,75'),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị 4,75 nhưng tổng điểm đúng là 4,75'] }],
  },
  {
    title: 'the right number stored as text with a point ("4.75") is not the number either',
    edit: (s) => stale(s.scoring, scoringCell(s, 'total'), '4.75'),
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị 4.75 nhưng tổng điểm đúng là 4,75'] }],
  },
  {
    title: 'a subtotal whose cached result is an empty text claims nothing',
    edit: (s) => stale(s.scoring, scoringCell(s, '1.1'), ''),
    expected: () => [],
  },
  {
    title: 'the classification shown as it should be and a total off by float noise only pass; a bonus a tenth off does not',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => {
      stale(s.scoring, scoringCell(s, 'band'), 'Tốt');
      stale(s.scoring, scoringCell(s, 'total'), 5.25 + 1e-9);
      stale(s.scoring, scoringCell(s, 'bonus'), 0.9);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'bonus')), says: ['hiển thị 0,9 nhưng điểm thưởng đúng là 1.'] }],
  },
  {
    title: 'a domain\'s subtotal typed over on Chấm điểm: TỔNG ĐIỂM, which adds it, is not blamed again',
    edit: (s) => {
      typedOver(s.scoring, scoringCell(s, '2'), 1);
      stale(s.scoring, scoringCell(s, 'total'), 3.75);
      stale(s.scoring, scoringCell(s, 'index'), 75);
    },
    expected: (s) => [
      { rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '2')) },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '2')), says: ['hiển thị 1 nhưng điểm của 2 đúng là 2', 'gõ hoặc dán đè'] },
    ],
  },
  {
    title: 'a domain\'s points typed over on Tổng hợp: its rate, computed from them, is explained by that one issue',
    edit: (s) => {
      const points = summaryCell(s, '1');
      const headerRow = s.summary.values.findIndex((r) => (r || []).indexOf('Tỷ lệ đạt (%)') >= 0);
      const rateCol = s.summary.values[headerRow].indexOf('Tỷ lệ đạt (%)');
      typedOver(s.summary, points, 3);
      stale(s.summary, { row: points.row, col: rateCol }, 100);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', summaryCell(s, '1')), says: ['hiển thị 3 nhưng', 'đúng là 2,75', 'gõ hoặc dán đè'] }],
  },
  {
    title: 'a domain\'s rate alone shown wrong on Tổng hợp is reported at its cell',
    edit: (s) => {
      const points = summaryCell(s, '1');
      const headerRow = s.summary.values.findIndex((r) => (r || []).indexOf('Tỷ lệ đạt (%)') >= 0);
      const rateCol = s.summary.values[headerRow].indexOf('Tỷ lệ đạt (%)');
      s.found.rate = { row: points.row, col: rateCol };
      stale(s.summary, s.found.rate, 100);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', s.found.rate), says: ['hiển thị 100 nhưng', '(Tỷ lệ đạt (%)) đúng là 91,67'] }],
  },
  {
    title: 'Tổng hợp\'s table header erased: the table cannot be found, one error that says what to click',
    edit: (s) => {
      const header = s.summary.values.findIndex((r) => (r || []).indexOf(columnSpec('self').header.vi) >= 0);
      s.summary.values[header] = [];
    },
    expected: () => [{ rule: 'formula-altered', severity: 'error', cell: `${SHEETS.summary}!null`, says: ['Không tìm thấy bảng trên trang Tổng hợp', 'Cập nhật Tổng hợp'] }],
  },
  {
    title: 'a Tổng hợp made by another version: one warning to refresh it, and its copied figures still compared',
    edit: (s) => {
      outdate(s);
      stale(s.summary, summaryCell(s, '1'), 3);
    },
    expected: (s) => [
      { rule: 'summary-outdated', severity: 'warning', cell: `${SHEETS.summary}!null`, says: ['phiên bản cũ hơn', 'Cập nhật Tổng hợp'] },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', summaryCell(s, '1')), says: ['hiển thị 3 nhưng', 'đúng là 2,75'] },
    ],
  },
  {
    title: 'a subtotal whose formula leaves out a row: formula-altered says so, and its wrong figure is not blamed again',
    edit: (s) => {
      const at = scoringCell(s, '1.1');
      setCell(s.scoring, at.row, at.col, 1, `SUM(${a1(s.read.rowOf['1.1.1'], at.col)})`);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')) }],
  },
  {
    title: 'TỔNG ĐIỂM with extras whose formula leaves out a domain: formula-altered only, not its figure',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => {
      const at = scoringCell(s, 'total');
      const ref = (code: string) => a1(scoringCell(s, code).row, at.col);
      setCell(s.scoring, at.row, at.col, 3.25, `MAX(0,SUM(${ref('1')})+${ref('bonus')}-${ref('deduction')})`);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')) }],
  },
  {
    title: 'a subtotal typed over and its domain showing what it adds: the domain is not blamed for the subtotal',
    edit: (s) => {
      typedOver(s.scoring, scoringCell(s, '1.1'), 2);
      stale(s.scoring, scoringCell(s, '1'), 3);
    },
    expected: (s) => [
      { rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')) },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')), says: ['hiển thị 2 nhưng điểm của 1.1 đúng là 1,75'] },
    ],
  },
  {
    title: 'a criterion\'s code erased: the subtotal over it cannot be checked against the core\'s, so only the rows are reported',
    edit: (s) => {
      setCell(s.scoring, s.read.rowOf['1.1.2'], s.read.columns.code!, null);
      typedOver(s.scoring, scoringCell(s, '1.1'), 2);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1.1')) }],
  },
  {
    title: 'a bonus item\'s code erased: the bonus row is not compared',
    set: extrasSet,
    scores: { ...FULL, T1: 1, D1: 0.5 },
    edit: (s) => {
      setCell(s.scoring, s.read.rowOf.T1, s.read.columns.code!, null);
      typedOver(s.scoring, scoringCell(s, 'bonus'), 3);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'bonus')) }],
  },
  {
    title: 'a file no spreadsheet recalculated, a number typed over Tổng hợp\'s total: its formula is gone, nothing is claimed of results',
    calculated: false,
    edit: (s) => typedOver(s.summary, summaryCell(s, 'TỔNG ĐIỂM'), 85),
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'summary', summaryCell(s, 'TỔNG ĐIỂM')) }],
  },
  {
    title: 'a Tổng hợp of another version with its maximum and points columns the other way round: its figures are found by header and label',
    edit: (s) => {
      const at = summaryCell(s, '2');
      outdate(s);
      // Điểm tối đa and Điểm tự chấm swapped from the header down, and the domains' rows too.
      const header = s.summary.values.findIndex((r) => (r || []).indexOf(columnSpec('self').header.vi) >= 0);
      const domain1 = summaryCell(s, '1').row;
      for (const grid of [s.summary.values, s.summary.formulas] as unknown[][][]) {
        for (let r = header; r < grid.length; r++) grid[r].splice(at.col - 1, 2, grid[r][at.col], grid[r][at.col - 1]);
        grid.splice(domain1, 2, grid[at.row], grid[domain1]);
      }
      s.found.moved = { row: domain1, col: at.col - 1 };
      stale(s.summary, s.found.moved, 5);
    },
    expected: (s) => [
      { rule: 'summary-outdated', severity: 'warning', cell: `${SHEETS.summary}!null` },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', s.found.moved), says: ['hiển thị 5 nhưng', 'đúng là 2'] },
    ],
  },
  {
    title: 'a Tổng hợp of another version copying a subtotal stale on Chấm điểm: explained there, not again',
    edit: (s) => {
      outdate(s);
      stale(s.scoring, scoringCell(s, '1'), 3);
      stale(s.summary, summaryCell(s, '1'), 3);
    },
    expected: (s) => [
      { rule: 'summary-outdated', severity: 'warning', cell: `${SHEETS.summary}!null` },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, '1')), says: ['hiển thị 3 nhưng điểm của 1 đúng là 2,75'] },
    ],
  },
  {
    title: 'a line added to the report above Tổng hợp\'s table: the table is found lower and compared, the lines above are left alone',
    edit: (s) => {
      insertSummaryRow(s, SUMMARY_HEADER_ROW);
      s.found.total = { row: summaryCell(s, 'TỔNG ĐIỂM').row + 1, col: summaryCell(s, 'TỔNG ĐIỂM').col };
      stale(s.summary, s.found.total, 85);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', s.found.total), says: ['hiển thị 85 nhưng TỔNG ĐIỂM (Điểm tự chấm) đúng là 4,75'] }],
  },
  {
    title: 'a line added at the top of Tổng hợp: nothing to say',
    edit: (s) => insertSummaryRow(s, 1),
    expected: () => [],
  },
  {
    title: 'a row added inside Tổng hợp\'s table: one warning naming the row that moved, and the figures still compared by their labels',
    edit: (s) => {
      const second = summaryCell(s, '2');
      insertSummaryRow(s, second.row);
      s.found.moved = { row: second.row + 1, col: second.col };
      stale(s.summary, s.found.moved, 5);
    },
    expected: (s) => [
      { rule: 'summary-outdated', severity: 'warning', cell: on(s, 'summary', { row: s.found.moved.row, col: 1 }), says: [`dòng "Cải cách thủ tục hành chính" nay ở dòng ${s.found.moved.row + 1}, đúng ra ở dòng ${s.found.moved.row}`] },
      { rule: 'shown-differs', severity: 'error', cell: on(s, 'summary', s.found.moved), says: ['hiển thị 5 nhưng', 'đúng là 2'] },
    ],
  },
  {
    title: 'the document number typed over the "Số:" line: its formula is gone, and the message says where the number goes',
    edit: (s) => {
      s.found.line = { row: SUMMARY_HEADER_ROW - 7, col: 0 };
      typedOver(s.summary, s.found.line, 'Số: 12/BC-UBND');
    },
    expected: (s) => [{
      rule: 'formula-altered', severity: 'error', cell: on(s, 'summary', s.found.line),
      says: ['(dòng "Số:       /BC-UBND") đã bị ghi đè bằng giá trị, không còn là công thức lập sẵn', 'các ô nền vàng'],
    }],
  },
  {
    title: 'a rate\'s formula edited: formula-altered says it is not the formula the tool wrote',
    edit: (s) => {
      const at = summaryCell(s, 'TỔNG ĐIỂM');
      s.found.rate = { row: at.row, col: at.col + 1 };
      setCell(s.summary, at.row, at.col + 1, 95, `ROUND(${a1(at.row, at.col)}/5*100,2)`);
    },
    expected: (s) => [{ rule: 'formula-altered', severity: 'error', cell: on(s, 'summary', s.found.rate), says: [`có công thức "=ROUND(${a1(summaryCell(s, 'TỔNG ĐIỂM').row, summaryCell(s, 'TỔNG ĐIỂM').col)}/5*100,2)", không còn là công thức công cụ đã lập`] }],
  },
  {
    title: 'an appraisal subtotal stale on Chấm điểm, and Tổng hợp\'s appraisal copying it: explained on Chấm điểm only',
    appraisal: { ...FULL, '1.1.1': 0.5 },
    edit: (s) => {
      stale(s.scoring, scoringCell(s, '1', 'appraisal'), 3);
      const self = summaryCell(s, '1');
      const header = s.summary.values.findIndex((r) => (r || []).indexOf(columnSpec('appraisal').header.vi) >= 0);
      stale(s.summary, { row: self.row, col: s.summary.values[header].indexOf(columnSpec('appraisal').header.vi) }, 3);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', column: 'appraisal', cell: on(s, 'scoring', scoringCell(s, '1', 'appraisal')), says: ['hiển thị 3 nhưng điểm của 1 đúng là 2,25'] }],
  },
  {
    title: 'a workbook whose Tổng hợp sheet was deleted: Chấm điểm is still compared',
    edit: (s) => {
      s.grids.sheets = s.grids.sheets.filter((x) => x !== s.summary);
      stale(s.scoring, scoringCell(s, 'total'), 85);
    },
    expected: (s) => [{ rule: 'shown-differs', severity: 'error', cell: on(s, 'scoring', scoringCell(s, 'total')), says: ['hiển thị 85 nhưng tổng điểm đúng là 4,75'] }],
  },
];

function found(report: FileReport): Expected[] {
  return (report.issues || []).filter((i) => ['shown-differs', 'formula-altered', 'not-a-number', 'summary-outdated'].indexOf(i.rule) >= 0)
    .map((i) => ({ rule: i.rule, severity: i.severity, cell: (i.sheet && i.sheet !== SHEETS.scoring ? `${i.sheet}!` : '') + i.cell, says: [i.message], column: i.column }));
}

describe('what the sheet shows is what the check computes', () => {
  test.each(cases)('$title', ({ set, scores, appraisal, calculated, edit, expected }) => {
    const s = saved((set || smallSet)(), scores || FULL, calculated !== false, appraisal);
    edit(s);
    const report = { file: 'x.xlsx', ...checkWorkbook(s.grids) };
    const got = found(report);
    const want = expected(s);
    const columnOf = (e: Expected) => e.column || (e.cell.indexOf(`${SHEETS.summary}!`) === 0 ? 'structure' : 'self');
    expect(got.map((e) => ({ rule: e.rule, severity: e.severity, cell: e.cell, column: e.column })).sort(byCell))
      .toEqual(want.map((e) => ({ rule: e.rule, severity: e.severity, cell: e.cell, column: columnOf(e) })).sort(byCell));
    for (const w of want) {
      const message = got.filter((g) => g.rule === w.rule && g.cell === w.cell)[0].says![0];
      for (const words of w.says || []) expect(message).toContain(words);
    }
  });
});

function byCell(a: Expected, b: Expected): number {
  return (a.cell + a.rule).localeCompare(b.cell + b.rule);
}

// One verdict, proved on a real spreadsheet (issue #9, item 7): random values — numbers within and over
// the maximum, negatives, fractions finer than hundredths, levels and not, blanks, spaces, KAD in any
// case, words, "0,5" and "1.25" left as text, TRUE, dates — are typed into the score cells of
// generated workbooks; LibreOffice recalculates; on every cell its Kiểm tra column and `cchc check`
// must give the same verdict. The one exception is the table's own: a date is, to the sheet, the
// number Excel stores for it (sheetJudge), while the check knows it for a date.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkWorkbook } from '../src/core/check/check';
import { defaultSet } from '../src/core/model/bundled';
import { flattenSet } from '../src/core/model/criteria';
import { Entries } from '../src/core/model/entries';
import { CellValue, a1, cellAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { judge, leafScore, sheetJudge, verdictIssue, verdictText } from '../src/core/model/verdict';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { recalculateAll } from './libreoffice';

const SEED = 20241201;
const RUNS = 3;

type Typed = { kind: 'value'; value: CellValue } | { kind: 'date'; day: number; month: number };

/** What a person types or pastes into a score cell of maximum `max` with `levels`. */
function typedValue(max: number, levels: number[] | undefined): fc.Arbitrary<Typed> {
  const value = (v: fc.Arbitrary<CellValue>) => v.map((x) => ({ kind: 'value' as const, value: x }));
  const hundredths = Math.round(max * 100);
  return fc.oneof(
    { weight: 4, arbitrary: value(fc.integer({ min: 0, max: hundredths }).map((h) => h / 100)) },
    { weight: 2, arbitrary: value(fc.constantFrom(...(levels && levels.length ? levels : [0, max]))) },
    { weight: 2, arbitrary: value(fc.constantFrom(null, '', '   ', 'KAD', 'kad', ' Kad ')) },
    { weight: 1, arbitrary: value(fc.integer({ min: 1, max: 500 }).map((h) => (hundredths + h) / 100)) },
    { weight: 1, arbitrary: value(fc.integer({ min: 1, max: 300 }).map((h) => -h / 100)) },
    { weight: 1, arbitrary: value(fc.integer({ min: 1, max: hundredths * 10 }).map((t) => (t * 10 + 3) / 1000)) },
    { weight: 1, arbitrary: value(fc.constantFrom('đạt', 'không áp dụng', '0,5', '1.25', 'TRUE', '=1+1', 'n/a')) },
    { weight: 1, arbitrary: fc.record({ day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 12 }) }).map((d) => ({ kind: 'date' as const, ...d })) },
  );
}

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-verdict-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

itIfEngine('soffice', 'LibreOffice\'s Kiểm tra and cchc check give the same verdict on every score cell of generated workbooks', async () => {
  const set = defaultSet();
  const leaves = flattenSet(set).filter((f) => f.leaf);
  const runs = fc.sample(fc.tuple(...leaves.map((l) => typedValue(l.node.max, l.node.levels))), { seed: SEED, numRuns: RUNS });
  const files: string[] = [];
  for (const [r, typed] of runs.entries()) {
    const entries: Entries = {};
    typed.forEach((t, i) => {
      if (t.kind === 'value' && t.value !== null) entries[leaves[i].code] = { values: { self: t.value } };
    });
    const file = path.join(dir, `run-${r}.xlsx`);
    const plan = buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, entries });
    await writePlanToFile(plan, file);
    // Dates go in as a Vietnamese-format Excel leaves "1.5": the number of a day, with a date format.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    const read = readScoring(await readWorkbookGrids(file));
    typed.forEach((t, i) => {
      if (t.kind !== 'date') return;
      const cell = ws.getCell(a1(read.rowOf[leaves[i].code], read.columns.self!));
      cell.value = new Date(Date.UTC(2025, t.month - 1, t.day));
      // A style of its own: the writer's cells share style objects, and only this cell becomes a date.
      cell.style = { ...JSON.parse(JSON.stringify(cell.style)), numFmt: 'dd/mm' };
    });
    wb.calcProperties.fullCalcOnLoad = true;
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  const recalculated = await recalculateAll(files);
  const disagreements: string[] = [];
  let dates = 0;
  for (const file of recalculated) {
    const grids = await readWorkbookGrids(file);
    const read = readScoring(grids);
    const report = checkWorkbook(grids);
    for (const leaf of leaves) {
      const row = read.rowOf[leaf.code];
      const value = cellAt(read.sheet, row, read.columns.self!);
      // The spec as the plan made it: the bundled set's "không phát sinh" items question a KAD.
      const spec = leafScore(leaf.node, { set, unitType: 'xa', column: 'self' });
      const check = judge(value, spec);
      const sheet = sheetJudge(value, spec);
      const shown = cellAt(read.sheet, row, read.columns.check!);
      const cell = a1(row, read.columns.self!);
      const issue = verdictIssue(check, 'self');
      const reported = (report.issues || []).filter((i) => i.cell === cell && i.column === 'self').map((i) => i.rule);
      if (check.kind === 'date') dates++;
      // The sheet's verdict is the check's, but for a date (the number Excel stores for it).
      if (check.kind !== 'date' && sheet.kind !== check.kind) disagreements.push(`${basename(file)} ${cell} ${JSON.stringify(value)}: sheet ${sheet.kind}, check ${check.kind}`);
      if (shown !== verdictText(sheet.kind, spec)) disagreements.push(`${basename(file)} ${cell} ${JSON.stringify(value)}: LibreOffice shows ${JSON.stringify(shown)}, the table says ${JSON.stringify(verdictText(sheet.kind, spec))}`);
      if (JSON.stringify(reported) !== JSON.stringify(issue ? [issue.rule] : [])) disagreements.push(`${basename(file)} ${cell} ${JSON.stringify(value)}: check reported ${JSON.stringify(reported)} for ${check.kind}`);
    }
  }
  expect(disagreements).toEqual([]);
  expect(dates).toBeGreaterThan(0);
});

function basename(file: string): string {
  return path.basename(file);
}

// Text that starts with =, +, - or @ (in criteria names and methods, the set's title, unit names,
// notes) is written as text by both writers and stays text when a spreadsheet recalculates: a name
// like "=HYPERLINK(...)" must never become a live formula.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CellValue, WorkbookGrids, a1 } from '../src/core/model/grid';
import { WorkbookPlan } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { createFakeExcel } from './fake-excel';
import { recalculate } from './libreoffice';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

const HOSTILE = ['=HYPERLINK("http://example.org/x","Bấm vào")', '+1+1', '-2+3', '@SUM(1,2)', '=1+1'];

function hostilePlan(): WorkbookPlan {
  const { set, problems } = parseCriteriaSet({
    id: 'formula-text', title: HOSTILE[0], status: 'reference', basis: [HOSTILE[3]],
    nodes: [{
      code: '1', stt: '=1', name: HOSTILE[0], max: 2, children: [
        { code: '1.1', stt: '+1', name: HOSTILE[1], max: 1, method: HOSTILE[2] },
        { code: '1.2', stt: '-1', name: HOSTILE[3], max: 1, method: HOSTILE[4] },
      ],
    }],
  });
  expect(problems).toEqual([]);
  return buildWorkbookPlan({
    set: set!, unit: '=1+1', year: 2024,
    entries: { '1.1': { values: { self: 1, note: HOSTILE[4] } }, '1.2': { values: { self: '=1+1', note: HOSTILE[2] } } },
  });
}

/** Every text cell of the plan that a spreadsheet could take for a formula, with where it stands. */
function formulaLikeTexts(plan: WorkbookPlan): Array<{ sheet: string; row: number; col: number; text: string }> {
  const out: Array<{ sheet: string; row: number; col: number; text: string }> = [];
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      if (cell.formula === undefined && typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) {
        out.push({ sheet: sheet.name, row: cell.row, col: cell.col, text: cell.value });
      }
    }
  }
  return out;
}

function expectText(grids: WorkbookGrids, expected: ReturnType<typeof formulaLikeTexts>): void {
  for (const e of expected) {
    const sheet = grids.sheets.filter((s) => s.name === e.sheet)[0];
    const value: CellValue = sheet.values[e.row][e.col];
    const formula = (sheet.formulas[e.row] || [])[e.col] || null;
    expect({ ...e, value, formula }).toEqual({ ...e, value: e.text, formula: null });
  }
}

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-formula-text-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the plan has such text on every sheet kind: names, methods, notes, score cells', () => {
  const texts = formulaLikeTexts(hostilePlan());
  expect(texts.length).toBeGreaterThan(10);
  expect(texts.map((t) => t.text)).toEqual(expect.arrayContaining(HOSTILE));
});

test('the exceljs writer stores it as text', async () => {
  const plan = hostilePlan();
  const file = path.join(dir, 'hostile.xlsx');
  await writePlanToFile(plan, file);
  expectText(await readWorkbookGrids(file), formulaLikeTexts(plan));
});

itIfEngine('soffice', 'LibreOffice keeps it text on recalculation', async () => {
  const plan = hostilePlan();
  const file = path.join(dir, 'hostile-recalc.xlsx');
  await writePlanToFile(plan, file);
  expectText(await readWorkbookGrids(await recalculate(file)), formulaLikeTexts(plan));
});

test('the Office.js adapter writes it as text into the (fake) live workbook', async () => {
  const plan = hostilePlan();
  const fake = createFakeExcel();
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
  await port.applyPlan(plan);
  for (const e of formulaLikeTexts(plan)) {
    const cell = fake.cell(e.sheet, a1(e.row, e.col));
    expect({ ...e, value: cell.value, formula: cell.formula }).toEqual({ ...e, value: e.text, formula: null });
  }
  expectText(await port.readGrids(plan.sheets.map((s) => s.name)), formulaLikeTexts(plan));
});

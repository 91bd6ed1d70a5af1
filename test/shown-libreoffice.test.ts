// What the signed sheet shows is what the check computes (issue #9, item 2): a workbook recalculated
// and saved by LibreOffice shows exactly the core's totals (no shown-differs); a value typed over a
// Tổng hợp formula is reported at its cell with both numbers; a file never recalculated is no false
// alarm. Edits are made with exceljs, then LibreOffice recalculates and saves as a person's would.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/check/check';
import { FileReport } from '../src/core/check/report';
import { defaultSet } from '../src/core/model/bundled';
import { leavesOf } from '../src/core/model/criteria';
import { SHEETS } from '../src/core/model/layout';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { fillScores, recalculate } from './libreoffice';
import { formatPoints } from '../src/core/model/points';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-shown-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const set = defaultSet();
const scores: Record<string, number | string | null> = {};
leavesOf(set).forEach((leaf, i) => (scores[leaf.code] = i % 7 === 0 ? 'KAD' : (leaf.node.levels || [0, leaf.node.max])[i % 2]));

async function scoredFile(name: string): Promise<string> {
  const file = path.join(dir, name);
  await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 }), file);
  await fillScores(file, scores);
  return file;
}

function rules(report: FileReport): string[] {
  return (report.issues || []).filter((i) => i.severity === 'error').map((i) => i.rule);
}

/** The Tổng hợp cell that shows TỔNG ĐIỂM by self score. */
function summaryTotalCell(ws: ExcelJS.Worksheet): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    if (row.getCell(2).value === 'TỔNG ĐIỂM') found = row.getCell(4);
  });
  if (!found) throw new Error('no TỔNG ĐIỂM row on Tổng hợp');
  return found;
}

test('a file scored and never recalculated: its stale cached totals are no false alarm', async () => {
  const grids = await readWorkbookGrids(await scoredFile('stale.xlsx'));
  expect(grids.calculated).toBe(false);
  expect(rules(checkWorkbook(grids))).not.toContain('shown-differs');
});

itIfEngine('soffice', 'recalculated by LibreOffice: every total the sheets show is the core\'s', async () => {
  const grids = await readWorkbookGrids(await recalculate(await scoredFile('recalculated.xlsx')));
  expect(grids.calculated).toBe(true);
  const report = checkWorkbook(grids);
  expect((report.issues || []).filter((i) => i.rule === 'shown-differs' || i.rule === 'formula-altered')).toEqual([]);
});

itIfEngine('soffice', 'a value typed over Tổng hợp\'s total: one issue at its cell, with both numbers and what happened', async () => {
  const file = await recalculate(await scoredFile('typed-over.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cell = summaryTotalCell(wb.getWorksheet(SHEETS.summary)!);
  cell.value = 85;
  await wb.xlsx.writeFile(file);
  const grids = await readWorkbookGrids(await recalculate(file));
  const report = checkWorkbook(grids);
  const right = formatPoints(report.total!.self);
  const atCell = (report.issues || []).filter((i) => i.sheet === SHEETS.summary && i.cell === cell.address);
  expect(atCell.map((i) => i.rule)).toEqual(['shown-differs']);
  expect(atCell[0].message).toContain(`Ô ${SHEETS.summary}!${cell.address} hiển thị 85 nhưng TỔNG ĐIỂM (Điểm tự chấm) đúng là ${right}. Giá trị đã được gõ hoặc dán đè lên công thức`);
});

itIfEngine('soffice', 'a value typed over a domain\'s points on Chấm điểm is reported with the right points', async () => {
  const file = await recalculate(await scoredFile('domain-typed.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(SHEETS.scoring)!;
  let domainCell: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    if (row.getCell(10).value === '2' || row.getCell(9).value === '2') domainCell = row.getCell(5);
  });
  domainCell!.value = 9;
  await wb.xlsx.writeFile(file);
  const report = checkWorkbook(await readWorkbookGrids(await recalculate(file)));
  const domain = report.nodes!.filter((n) => n.code === '2')[0];
  const issue = (report.issues || []).filter((i) => i.rule === 'shown-differs' && i.code === '2')[0];
  expect(issue.message).toContain(`hiển thị 9 nhưng điểm của 2 đúng là ${formatPoints(domain.self)}`);
  expect(rules(report)).toContain('formula-altered');
});

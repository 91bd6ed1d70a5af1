// The workbook reader unzips each file once: the hostile-file scan inflates and verifies every part,
// and exceljs parses those parts (src/adapters/exceljs/load-parts.ts) instead of unzipping the file
// again. What it reads must be exactly what exceljs's own `xlsx.load` reads: the same workbook model
// (cells, styles, merges, validations, names, pictures, comments, tables) and the same grids, on our
// workbooks, on a summary with its chart, on one exceljs writes with every feature it has, and on a
// workbook LibreOffice saved. And a zip the scan cannot vouch for part by part is refused.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { loadWorkbook, readWorkbookGrids, worksheetToGrid } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { checkWorkbook } from '../src/core/check/check';
import { summarize } from '../src/core/features/district-summary';
import { summaryWorkbookPlan } from '../src/core/features/district-workbook';
import { planToGrids } from '../src/core/model/plan';
import { extrasSet, entriesOf } from './helpers/communes';
import { smallSet } from './helpers/scoring';
import { itIfEngine } from './engines';
import { recalculate } from './libreoffice';
import { cchc } from './helpers/cli';
import { unzipParts, zipParts } from './fixtures/hostile/generate';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-load-parts-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A filled scoring workbook: appraisal, notes, typed evidence, a register, bonus and deduction. */
async function scoringWorkbook(file: string): Promise<string> {
  const set = extrasSet();
  const entries = entriesOf({ '1.1.1': 1, '1.1.2': 0.75, '1.2': 'KAD', '2.1.2': '1,5', T1: 1 }, { '1.1.1': 0.5, '2.1.2': 1 });
  entries['1.1.1'].values.note = 'Kế hoạch số 12/KH-UBND ngày 10/01/2024';
  entries['2.1.1'] = { values: { evidence: 'Ảnh niêm yết\nBiên bản kiểm tra' }, evidenceLink: 'minh-chung/anh.jpg' };
  const plan = buildWorkbookPlan({
    set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true, entries,
    evidence: [
      { codes: ['1.1.1', '1.1.2'], number: '12/KH-UBND', date: '10/01/2024', summary: 'Kế hoạch CCHC năm 2024', link: 'minh-chung/12-KH.pdf' },
      { codes: ['2.1.2'], number: '', date: '', summary: 'Ảnh chụp màn hình Cổng dịch vụ công', link: 'https://dichvucong.gov.vn/' },
    ],
  });
  const out = path.join(dir, file);
  await writePlanToFile(plan, out);
  return out;
}

/** The district summary workbook: formulas, bands and a chart (drawing and chart parts). */
async function summaryWorkbook(file: string): Promise<string> {
  const set = smallSet();
  const inputs = ['Xã An Khánh', 'Xã Bình Sơn', 'Phường Cam Giá'].map((unit, i) => {
    const grids = planToGrids(buildWorkbookPlan({ set, unit, year: 2024, entries: entriesOf({ '1.1.1': 1, '1.1.2': 0.25 * i, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1 }) }));
    const name = `x${i}.xlsx`;
    return { file: name, report: { file: name, ...checkWorkbook(grids) }, set };
  });
  const summary = summarize(inputs, 'self');
  const out = path.join(dir, file);
  await writePlanToFile(summaryWorkbookPlan(summary, set).plan, out);
  return out;
}

/** Everything exceljs itself can write: pictures, notes, a table, names, rich text, dates, shared formulas. */
async function exceljsFeatures(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'UBND xã Đồng Thịnh';
  wb.company = 'UBND huyện Định Hóa';
  const ws = wb.addWorksheet('Dữ liệu', { properties: { tabColor: { argb: 'FF00B050' } }, views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [{ header: 'Mã', key: 'code', width: 10 }, { header: 'Điểm', key: 'points', width: 12 }, { header: 'Ngày', key: 'date', width: 14 }];
  for (let i = 1; i <= 30; i++) ws.addRow({ code: `1.${i}`, points: i / 4, date: new Date(Date.UTC(2024, 0, i)) });
  ws.getCell('D2').value = { formula: 'B2*2', result: 0.5 };
  ws.getCell('D3').value = { sharedFormula: 'D2', result: 1 };
  ws.getCell('E1').value = { richText: [{ text: 'Điểm ', font: { bold: true } }, { text: 'tự chấm', font: { italic: true } }] };
  ws.getCell('E2').value = { text: 'Cổng dịch vụ công', hyperlink: 'https://dichvucong.gov.vn/' };
  ws.getCell('E3').note = 'Ghi chú của người thẩm định';
  ws.getCell('F1').value = true;
  ws.getCell('F2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.mergeCells('G1:H2');
  ws.getCell('G1').value = 'Ô gộp';
  ws.getCell('B5').dataValidation = { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 10] };
  wb.definedNames.add("'Dữ liệu'!$A$1:$B$5", 'VungDiem');
  ws.addTable({ name: 'BangTong', ref: 'J1', headerRow: true, columns: [{ name: 'Đơn vị' }, { name: 'Chỉ số' }], rows: [['Xã A', 90], ['Xã B', 85.5]] });
  // A 1×1 PNG.
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
  const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'L5:M8');
  const hidden = wb.addWorksheet('Ẩn', { state: 'veryHidden' });
  hidden.getCell('A1').value = 'cchc-workbook';
  const out = path.join(dir, file);
  await wb.xlsx.writeFile(out);
  return out;
}

/** exceljs's own reading of the file, as the reader did before it fed exceljs the scanned parts. */
async function exceljsLoad(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The workbook's model without the parts of it that are functions or caches, as plain JSON. */
function modelOf(wb: ExcelJS.Workbook): unknown {
  return JSON.parse(JSON.stringify((wb as unknown as { model: unknown }).model));
}

/** Whether the file was saved by a spreadsheet that calculated it (no fullCalcOnLoad left), read by JSZip. */
async function calculatedByJSZip(file: string): Promise<boolean> {
  const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file('xl/workbook.xml')!.async('string');
  const calcPr = /<(?:\w+:)?calcPr\b[^>]*>/.exec(xml);
  return !(calcPr && /\bfullCalcOnLoad="(1|true)"/.test(calcPr[0]));
}

async function expectSameReading(file: string): Promise<void> {
  const ours = await loadWorkbook(file);
  const theirs = await exceljsLoad(file);
  expect(ours.worksheets.map((w) => w.name)).toEqual(theirs.worksheets.map((w) => w.name));
  expect(modelOf(ours)).toEqual(modelOf(theirs));
  expect(ours.worksheets.map(worksheetToGrid)).toEqual(theirs.worksheets.map(worksheetToGrid));
  const grids = await readWorkbookGrids(file);
  expect(grids.sheets).toEqual(theirs.worksheets.map(worksheetToGrid));
  expect(grids.calculated).toBe(await calculatedByJSZip(file));
}

const CASES: Array<{ title: string; make: () => Promise<string> }> = [
  { title: 'a filled scoring workbook with appraisal, register, bonus and deduction', make: () => scoringWorkbook('cham-diem.xlsx') },
  { title: 'the district summary with its chart', make: () => summaryWorkbook('tong-hop.xlsx') },
  { title: 'a workbook using every feature exceljs writes (pictures, notes, a table, names)', make: () => exceljsFeatures('exceljs.xlsx') },
  { title: 'the readable workbook of the hostile corpus', make: async () => path.join(__dirname, 'fixtures', 'hostile', 'evidence-climbing.xlsx') },
];

test.each(CASES)('$title reads exactly as exceljs reads it', async ({ make }) => {
  await expectSameReading(await make());
});

itIfEngine('soffice', 'a scoring workbook LibreOffice saved reads exactly as exceljs reads it, and as calculated', async () => {
  const saved = await recalculate(await scoringWorkbook('libreoffice.xlsx'));
  await expectSameReading(saved);
  expect((await readWorkbookGrids(saved)).calculated).toBe(true);
}, 120000);

test('a workbook cchc wrote reads as not yet calculated by a spreadsheet', async () => {
  expect((await readWorkbookGrids(await scoringWorkbook('uncalculated.xlsx'))).calculated).toBe(false);
});

const DAMAGED: Array<{ title: string; damage: (bytes: Buffer) => Buffer }> = [
  {
    // JSZip reads every record it finds; the scan would have vouched for the declared ones only.
    title: 'a directory holding more records than its end record declares',
    damage: (bytes) => {
      const copy = zipParts(unzipParts(bytes));
      const end = copy.length - 22;
      copy.writeUInt16LE(copy.readUInt16LE(end + 8) - 1, end + 8);
      copy.writeUInt16LE(copy.readUInt16LE(end + 10) - 1, end + 10);
      return copy;
    },
  },
  {
    // Which of the two a reader takes is anybody's guess.
    title: 'two parts of the same name',
    damage: (bytes) => {
      const parts = unzipParts(bytes);
      const sheet = parts.filter((p) => p.name === 'xl/worksheets/sheet1.xml')[0];
      return zipParts(parts.concat({ name: sheet.name, data: Buffer.from(sheet.data.toString('utf8').replace(/<v>1<\/v>/, '<v>0</v>'), 'utf8') }));
    },
  },
];

test.each(DAMAGED)('$title is refused as damaged, with no stack trace', async ({ damage }) => {
  const original = await scoringWorkbook('original.xlsx');
  const file = path.join(dir, 'hong.xlsx');
  fs.writeFileSync(file, damage(fs.readFileSync(original)));
  const ran = await cchc(dir, 'check', 'hong.xlsx');
  expect(ran.code).toBe(2);
  expect(ran.out).toMatch(/hong\.xlsx bị hỏng/);
  expect(ran.out + ran.err).not.toMatch(/\n\s+at /);
});

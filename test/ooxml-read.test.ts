// The pane's small .xlsx reader (src/adapters/ooxml) hands the core the same grids as the CLI's exceljs
// reader: on our workbooks as built, filled and appraised, on a workbook LibreOffice saved (shared
// strings, shared formulas, dates), and it refuses every hostile file with a message, quickly and
// without a crash. The district summary it feeds ranks and sets apart exactly as `cchc summary` does.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { CellValue, SheetGrid, WorkbookGrids } from '../src/core/model/grid';
import { UserError } from '../src/core/model/errors';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { summarize } from '../src/core/features/district-summary';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { readXlsxGrids } from '../src/adapters/ooxml/read';
import { inputOfFile } from '../src/taskpane/district-files';
import { entriesOf, plausibleScores } from './helpers/communes';
import { cchc } from './helpers/cli';
import { itIfEngine } from './engines';
import { recalculate } from './libreoffice';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-ooxml-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A grid as a list of its non-empty cells, so trailing empty cells do not count. */
function cellsOf(grid: SheetGrid): Record<string, { v: CellValue; f: string | null; h: string | null }> {
  const out: Record<string, { v: CellValue; f: string | null; h: string | null }> = {};
  const rows = Math.max(grid.values.length, grid.formulas.length);
  for (let r = 0; r < rows; r++) {
    const width = Math.max((grid.values[r] || []).length, (grid.formulas[r] || []).length);
    for (let c = 0; c < width; c++) {
      const v = (grid.values[r] || [])[c];
      const f = (grid.formulas[r] || [])[c];
      const h = (grid.hyperlinks[r] || [])[c];
      if ((v === null || v === undefined) && !f) continue;
      out[r + ':' + c] = { v: v === undefined ? null : v, f: f || null, h: h || null };
    }
  }
  return out;
}

function expectSameGrids(small: WorkbookGrids, exceljs: WorkbookGrids): void {
  expect(small.sheets.map((s) => [s.name, s.visibility])).toEqual(exceljs.sheets.map((s) => [s.name, s.visibility]));
  small.sheets.forEach((s, i) => {
    const other = exceljs.sheets[i];
    expect(s.merges.slice().sort()).toEqual(other.merges.slice().sort());
    expect(cellsOf(s)).toEqual(cellsOf(other));
  });
}

async function written(name: string, opts: Parameters<typeof buildWorkbookPlan>[0]): Promise<string> {
  const file = path.join(dir, name);
  await writePlanToFile(buildWorkbookPlan(opts), file);
  return file;
}

describe('the small reader gives the exceljs reader\'s grids', () => {
  test.each([
    { title: 'a new workbook', opts: { set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024 } },
    { title: 'a filled workbook with evidence links and a typed panel', opts: {
      set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: entriesOf(plausibleScores(defaultSet(), 3, 0.8)),
      report: { number: 5, signer: 'Nguyễn Văn An' },
      evidence: [{ codes: ['1.1.1'], number: '125/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch <CCHC> & "Một cửa"', link: 'https://example.gov.vn/a?b=1&c=2' }],
    } },
    { title: 'an appraised workbook', opts: { set: defaultSet(), unit: 'Phường Hoàng Văn Thụ', year: 2024, appraisal: true, entries: entriesOf(plausibleScores(defaultSet(), 4, 0.9), plausibleScores(defaultSet(), 5, 0.85)) } },
  ])('$title', async ({ title, opts }) => {
    const file = await written(title.replace(/\W+/g, '-') + '.xlsx', opts as Parameters<typeof buildWorkbookPlan>[0]);
    expectSameGrids(readXlsxGrids(new Uint8Array(fs.readFileSync(file)), 'x.xlsx'), await readWorkbookGrids(file));
  });

  itIfEngine('soffice', 'a workbook LibreOffice saved: shared strings, shared formulas, cached results', async () => {
    const file = await written('to-recalculate.xlsx', { set: defaultSet(), unit: 'Xã A', year: 2024, entries: entriesOf(plausibleScores(defaultSet(), 9, 0.7)) });
    const saved = await recalculate(file);
    expectSameGrids(readXlsxGrids(new Uint8Array(fs.readFileSync(saved)), 'saved.xlsx'), await readWorkbookGrids(saved));
  }, 120000);
});

describe('hostile files are refused with a message, never a crash or a hang', () => {
  const hostile = path.join(__dirname, 'fixtures', 'hostile');
  const files = fs.readdirSync(hostile).filter((f) => /\.(xlsx|xls|ods)$/.test(f));

  test.each(files)('%s', (name) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(hostile, name)));
    const started = Date.now();
    let outcome: 'refused' | 'read';
    try {
      const grids = readXlsxGrids(bytes, name);
      // A file that is an xlsx, only odd, may be read: its grids stay small.
      const cells = grids.sheets.reduce((n, s) => n + s.values.reduce((k, r) => k + r.length, 0), 0);
      expect(cells).toBeLessThan(5000000);
      outcome = 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as UserError).userMessage.vi.length).toBeGreaterThan(10);
      outcome = 'refused';
    }
    expect(['refused', 'read']).toContain(outcome);
    expect(Date.now() - started).toBeLessThan(20000);
  });

  test('the zip bombs and the truncated, password and non-xlsx files are refused', () => {
    for (const name of ['bomb-declared.xlsx', 'bomb-lying-size.xlsx', 'bomb-overlapping.xlsx', 'truncated.xlsx', 'password.xlsx', 'random-bytes.xlsx', 'legacy.xls', 'spreadsheet.ods', 'empty.xlsx']) {
      expect(() => readXlsxGrids(new Uint8Array(fs.readFileSync(path.join(hostile, name))), name)).toThrow(UserError);
    }
  });
});

describe('the district summary from files picked in the pane', () => {
  test('ranks and sets apart exactly as cchc summary does', async () => {
    const set = defaultSet();
    await written('xa-a.xlsx', { set, unit: 'Xã A', year: 2024, entries: entriesOf(plausibleScores(set, 1, 0.9)) });
    await written('xa-b.xlsx', { set, unit: 'Phường B', year: 2024, entries: entriesOf(plausibleScores(set, 2, 0.7)) });
    await written('xa-c.xlsx', { set, unit: 'Xã C', year: 2024 }); // not scored yet
    await written('xa-a-again.xlsx', { set, unit: 'UBND xã a', year: 2024, entries: entriesOf(plausibleScores(set, 3, 0.8)) });
    fs.writeFileSync(path.join(dir, 'not-a-workbook.xlsx'), 'hello');
    const names = ['xa-a.xlsx', 'xa-b.xlsx', 'xa-c.xlsx', 'xa-a-again.xlsx', 'not-a-workbook.xlsx'];
    const ran = await cchc(dir, 'summary', ...names, '--json');
    expect(ran.code).toBe(0);
    const cli = JSON.parse(ran.out);
    const inputs = [];
    // The pane gives each picked File's lastModified, as cchc summary gives each file's saved time.
    for (const name of names) inputs.push(inputOfFile(name, new Uint8Array(fs.readFileSync(path.join(dir, name))), 'vi', fs.statSync(path.join(dir, name)).mtime.toISOString()));
    const pane = summarize(inputs, 'self', 'vi');
    expect(JSON.parse(JSON.stringify(pane))).toEqual(cli);
    expect(pane.units.map((u) => u.unit)).toEqual(expect.arrayContaining(['Xã A', 'Phường B']));
    expect(pane.excluded.map((e) => e.file)).toEqual(expect.arrayContaining(['xa-c.xlsx', 'not-a-workbook.xlsx']));
  }, 60000);
});

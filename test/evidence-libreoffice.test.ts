// The register in a real spreadsheet: LibreOffice opens the written workbook, recalculates the
// Tài liệu kiểm chứng formulas (including after a person adds a register row) and saves it again with
// every hyperlink still pointing at the same file or address.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/check/check';
import { FilePath, absoluteFolder, classifyLink, pathKey, resolveFilePath } from '../src/core/model/evidence-link';
import { cellAt, formulaAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { evidenceCellText } from '../src/core/sheets/register/plan';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { smallSet } from './helpers/scoring';
import { recalculate } from './libreoffice';
import { EvidenceDoc } from '../src/core/model/entries';
import { REGISTER_COL, REGISTER_FIRST_ROW, isRegisterFormula } from '../src/core/sheets/register/columns';
import { readRegister } from '../src/core/sheets/register/read';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';

const DOCS: EvidenceDoc[] = [
  { codes: ['1.1.1', '2.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch CCHC', figures: '12/12 cuộc họp', link: 'Minh chứng/1.1.1 Ban hanh ke hoach/Kế hoạch 125 (bản ký).pdf' },
  { codes: ['1.1.1'], number: '', date: '', summary: 'Ảnh hội nghị', link: 'https://xadongthinh.sharepoint.com/sites/CCHC/Shared%20Documents/anh.jpg' },
  { codes: ['1.1', '11.1.1', '1.1.11'], number: '9/TB-UBND', date: '', summary: 'Mã gần giống: không thuộc 1.1.1', link: '' },
  { codes: ['2.1.2'], number: '01/BC-UBND', date: '05/01/2024', summary: 'Báo cáo', link: '\\\\may-chu\\CCHC\\bao cao.pdf' },
  { codes: ['1.2'], number: '', date: '', summary: 'Bản giấy lưu tại văn phòng', link: '' },
  // More documents than the cell names: five, then "…".
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ codes: ['1.1.2'], number: `${n}/TB-UBND`, date: '', summary: 'Thông báo', link: '' })),
];

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-evidence-lo-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Where a link points, seen from the workbook's folder: comparable across rewrites. */
function target(link: string, workbookDir: string, hyperlinkTarget: boolean): string {
  const c = classifyLink(link, hyperlinkTarget);
  if (!c || c.kind === 'bad') throw new Error('not a usable link: ' + link);
  if (c.kind === 'web') return c.href;
  return pathKey(resolveFilePath(absoluteFolder(workbookDir) as FilePath, c.path) as FilePath);
}

itIfEngine('soffice', 'counts and hyperlinks survive LibreOffice, and follow a row a person adds', async () => {
  const set = smallSet();
  const file = path.join(dir, 'Bảng chấm điểm.xlsx');
  await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, evidence: DOCS }), file);

  // A register row typed in the spreadsheet, with a comma and spaces between codes.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const added = REGISTER_FIRST_ROW + 40;
  wb.getWorksheet(SHEETS.evidence)!.getCell(added + 1, REGISTER_COL.codes + 1).value = '1.2 , 2.1.2';
  wb.getWorksheet(SHEETS.evidence)!.getCell(added + 1, REGISTER_COL.number + 1).value = '3/QĐ-UBND';
  await wb.xlsx.writeFile(file);

  const saved = await recalculate(file);
  const grids = await readWorkbookGrids(saved);
  const scoring = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
  const g = scoringGeometry(set, false);
  const shown = (code: string) => cellAt(scoring, g.rowOf[code], g.layout.col.evidence!);
  // Every document of the item, by number (else the start of its description) with its figures.
  expect(shown('1.1.1')).toBe('2 tài liệu: 125/KH-UBND (12/12 cuộc họp); Ảnh hội nghị');
  expect(shown('2.1.1')).toBe('1 tài liệu: 125/KH-UBND (12/12 cuộc họp)');
  expect(shown('2.1.2')).toBe('2 tài liệu: 01/BC-UBND; 3/QĐ-UBND');
  expect(shown('1.2')).toBe('2 tài liệu: Bản giấy lưu tại văn phòng; 3/QĐ-UBND');
  expect(shown('1.1.2')).toBe('7 tài liệu: 1/TB-UBND; 2/TB-UBND; 3/TB-UBND; 4/TB-UBND; 5/TB-UBND; …');
  expect(isRegisterFormula(formulaAt(scoring, g.rowOf['1.1.1'], g.layout.col.evidence!))).toBe(true);

  // The spreadsheet's count and the core's agree on every leaf, and so does the text the core caches.
  const report = checkWorkbook(grids);
  const register = readRegister(grids)!;
  for (const node of report.nodes!.filter((n) => n.leaf)) {
    const text = shown(node.code);
    expect([node.code, text ? Number(String(text).split(' ')[0]) : 0]).toEqual([node.code, node.evidence]);
    expect([node.code, text || '']).toEqual([node.code, evidenceCellText(node.code, register.rows.map((r) => r.doc))]);
  }

  expect(register.rows.map((r) => r.doc.link)).toEqual(DOCS.map((d) => d.link).concat(['']));
  expect(register.rows[0].doc.figures).toBe('12/12 cuộc họp');
  for (const [i, doc] of DOCS.entries()) {
    const row = register.rows[i];
    if (!doc.link) {
      expect(row.hyperlink).toBeNull();
      continue;
    }
    expect(row.hyperlink).not.toBeNull();
    // LibreOffice rewrites relative links for the folder it saved to: they still reach the same file.
    expect(target(row.hyperlink!, path.dirname(saved), true)).toBe(target(doc.link, dir, false));
  }
});

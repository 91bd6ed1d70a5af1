// What a commune sees when it opens or prints the workbook: no heading cut at its cell's edge, no
// wrapped name hidden by a row too short, no whole number shown as "9." by Excel.

import { CellPlan } from '../src/core/model/plan';
import { defaultSet } from '../src/core/model/bundled';
import { parseA1 } from '../src/core/model/grid';
import { SheetPlan, planCell, wrappedLines } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { STYLES } from '../src/core/sheets/styles';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { SHEETS } from '../src/core/model/layout';

function sheetOf(appraisal: boolean, name: string): SheetPlan {
  const plan = buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal });
  return plan.sheets.find((s) => s.name === name)!;
}

/** Width in Excel units of the merge starting at a cell, or of the cell's own column. */
function widthAt(sheet: SheetPlan, row: number, col: number): number {
  for (const m of sheet.merges) {
    const [from, to] = m.split(':');
    const a = parseA1(from)!;
    const b = parseA1(to || from)!;
    if (a.row === row && a.col === col) {
      let width = 0;
      for (let c = a.col; c <= b.col; c++) width += sheet.columns[c].width;
      return width;
    }
  }
  return sheet.columns[col].width;
}

describe.each([false, true])('Tổng hợp (appraisal column: %s)', (appraisal) => {
  test('every heading that does not wrap fits on one line of its merged cells', () => {
    const sheet = sheetOf(appraisal, SHEETS.summary);
    // Constants, and the lines computed from the panel (Số, the date, the signer's authority).
    const shown = (c: CellPlan) => (typeof c.value === 'string' ? c.value : typeof c.result === 'string' ? c.result : null);
    const unwrapped = sheet.cells.filter((c) => shown(c) && c.style && !STYLES[c.style].wrap && STYLES[c.style].numFmt !== ';;;');
    expect(unwrapped.map(shown)).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TM. ỦY BAN NHÂN DÂN']));
    for (const cell of unwrapped) {
      const style = STYLES[cell.style!];
      const size = (style.font && style.font.size) || 11;
      const lines = wrappedLines(shown(cell)!, widthAt(sheet, cell.row, cell.col), size, !!(style.font && style.font.bold));
      expect({ text: shown(cell), lines }).toEqual({ text: shown(cell), lines: 1 });
    }
  });

  test('the header row is tall enough for its longest wrapped heading', () => {
    const sheet = sheetOf(appraisal, SHEETS.summary);
    const header = sheet.cells.find((c) => c.value === 'Điểm tự chấm')!;
    const height = sheet.rowHeights.find((h) => h.row === header.row)!.height;
    const longest = sheet.cells.filter((c) => c.row === header.row).map((c) => wrappedLines(String(c.value), widthAt(sheet, c.row, c.col), 11, true));
    expect(height).toBeGreaterThanOrEqual(Math.max(...longest) * 15);
    if (appraisal) expect(Math.max(...longest)).toBeGreaterThanOrEqual(3); // "Chênh lệch (thẩm định − tự chấm)"
  });
});

test('a bold criterion name that wraps in Excel gets a row of two lines', () => {
  const set = defaultSet();
  const sheet = sheetOf(false, SHEETS.scoring);
  const g = scoringGeometry(set, false);
  // 57 characters in bold: one line at regular weight, two in bold (seen cut short in LibreOffice).
  const criterion = g.nodeRows.find((r) => r.flat.node.name === 'Xây dựng, ban hành và kiểm tra văn bản của HĐND, UBND xã')!;
  expect(criterion).toBeDefined();
  const height = sheet.rowHeights.find((h) => h.row === criterion.row);
  expect(height && height.height).toBeGreaterThanOrEqual(30);
});

test('points are shown in the General format, never one that leaves "9." on a whole number', () => {
  const set = defaultSet();
  const sheet = sheetOf(true, SHEETS.scoring);
  const g = scoringGeometry(set, true);
  const pointCells = g.nodeRows.map((r) => planCell(sheet, r.row, g.layout.col.max!)!);
  expect(pointCells.length).toBeGreaterThan(100);
  for (const cell of pointCells) expect(STYLES[cell.style!].numFmt || 'General').toBe('General');
  for (const style of Object.keys(STYLES)) expect({ style, numFmt: STYLES[style].numFmt }).not.toEqual({ style, numFmt: expect.stringMatching(/0\.#/) });
});

// The documents a commune signs and the district receives (Nghị định 30/2020/NĐ-CP): the built
// workbook is read back from the file and its fonts, margins, print areas, print titles, page numbers,
// page breaks, unlocked input cells and protection are checked; then LibreOffice prints it and the
// pages are read as a person would.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaSet } from '../src/core/model/criteria';
import { a1, parseA1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { WorkbookPlan, planToGrids } from '../src/core/model/plan';
import { BuildOptions } from '../src/core/model/build-options';
import { parseDistrictName, parseUnitName } from '../src/core/model/unit-name';
import { DECREE_MARGINS, MIN_PRINTED_SIZE } from '../src/core/model/print';
import { StyleSpec } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { statusNote } from '../src/core/sheets/scoring/plan';
import { readScoring } from '../src/core/sheets/scoring/read';
import { refreshedSummary } from '../src/core/sheets/summary';
import { shortfalls } from '../src/core/sheets/shortfalls';
import { InputField, panelFields, readReportInputs } from '../src/core/sheets/report-inputs';
import { planUpgrade } from '../src/core/features/upgrade';
import { planToXlsx, writePlanToFile } from '../src/adapters/exceljs/write';
import { text as catalogueText } from '../src/core/text/catalogue';
import { itIfEngine } from './engines';
import { RenderedPage, renderToPng } from './libreoffice';
import { keepForDocs } from './helpers/docs';
import { summaryAccumulator } from '../src/core/features/district-summary';
import { summaryInputOf } from '../src/core/features/district-inputs';
import { summaryWorkbookPlan } from '../src/core/features/district-workbook';
import { entriesOf, plausibleScores } from './helpers/communes';
import { smallSet } from './helpers/scoring';
import { kindsSet } from './helpers/kinds';
import { registerColumnWidths, REGISTER_COLUMNS } from '../src/core/sheets/register/columns';
import { fitScale } from '../src/core/model/print';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-documents-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A commune's filled workbook: scores, a giải trình on the items that lost points, the panel filled. */
function filled(appraisal: boolean, set: CriteriaSet = defaultSet()): BuildOptions {
  const entries = entriesOf(plausibleScores(set, 7, 0.8), appraisal ? plausibleScores(set, 11, 0.75) : undefined);
  for (const code of Object.keys(entries)) entries[code].values.note = 'Chưa đủ văn bản theo kế hoạch.';
  return {
    set, unit: 'UBND xã đồng thịnh', year: 2024, entries, appraisal, district: appraisal ? 'UBND huyện Phú Lương' : undefined,
    report: { number: 5, day: 5, month: 1, year: 2025, signer: 'Nguyễn Văn An', authority: 'KT.' },
    evidence: [
      { codes: ['1.1.1'], number: '125/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch cải cách hành chính năm 2024', link: 'minh-chung/1.1.1/KH 125-UBND ke hoach CCHC 2024.pdf' },
      { codes: ['1.1.2', '1.2'], number: '07/BC-UBND', date: '01/12/2024', summary: 'Báo cáo kết quả thực hiện kế hoạch cải cách hành chính', link: 'minh-chung/1.1.2/BC 07-UBND.pdf' },
      { codes: ['2.1.1'], number: '', date: '', summary: 'Ảnh niêm yết thủ tục hành chính tại Bộ phận Một cửa', link: 'https://dongthinh.thainguyen.gov.vn/tin-tuc/niem-yet' },
    ],
  };
}

function sheetOf(plan: WorkbookPlan, name: string) {
  return plan.sheets.filter((s) => s.name === name)[0];
}

interface FileSheet {
  ws: ExcelJS.Worksheet;
  xml: string;
  area: string | null;
  titles: string | null;
}

async function readBack(plan: WorkbookPlan): Promise<Record<string, FileSheet>> {
  const bytes = await planToXlsx(plan);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const out: Record<string, FileSheet> = {};
  for (let i = 0; i < wb.worksheets.length; i++) {
    const ws = wb.worksheets[i];
    const name = (n: string) => {
      const m = new RegExp(`<definedName name="${n}" localSheetId="${i}">([^<]*)</definedName>`).exec(workbook);
      return m ? m[1].replace(/^.*!/, '').replace(/\$/g, '') : null;
    };
    out[ws.name] = { ws, xml: await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async('string'), area: name('_xlnm.Print_Area'), titles: name('_xlnm.Print_Titles') };
  }
  return out;
}

function inArea(area: string, row: number, col: number): boolean {
  const [from, to] = area.split(':').map((p) => parseA1(p)!);
  return row >= from.row && row <= to.row && col >= from.col && col <= to.col;
}

describe.each([
  ['the commune report', false],
  ['the appraisal result', true],
])('%s, read back from the file', (_title, appraisal) => {
  const plan = buildWorkbookPlan(filled(appraisal));
  let file: Record<string, FileSheet>;
  beforeAll(async () => {
    file = await readBack(plan);
  });

  test.each([SHEETS.scoring, SHEETS.summary])('%s: A4 at the decree\'s margins, page numbers from the second page', (name) => {
    const { ws, xml } = file[name];
    expect(ws.pageSetup.paperSize).toBe(9);
    const m = ws.pageSetup.margins!;
    const mm = (inches: number) => inches * 25.4;
    expect(mm(m.top)).toBeGreaterThanOrEqual(19.9);
    expect(mm(m.top)).toBeLessThanOrEqual(25.1);
    expect(mm(m.bottom)).toBeGreaterThanOrEqual(19.9);
    expect(mm(m.bottom)).toBeLessThanOrEqual(25.1);
    expect(mm(m.left)).toBeGreaterThanOrEqual(29.9);
    expect(mm(m.left)).toBeLessThanOrEqual(35.1);
    expect(mm(m.right)).toBeGreaterThanOrEqual(14.9);
    expect(mm(m.right)).toBeLessThanOrEqual(20.1);
    expect(xml).toMatch(/<headerFooter differentFirst="1"><oddHeader>&amp;C&amp;&quot;Times New Roman,Regular&quot;&amp;1[34]&amp;P<\/oddHeader>/);
    // Each document numbers its own pages from 1, even when the workbook is printed whole.
    expect(xml).toMatch(/<pageSetup[^>]*firstPageNumber="1"[^>]*useFirstPageNumber="1"/);
  });

  test.each([SHEETS.scoring, SHEETS.summary])('%s: everything printed is Times New Roman, at least 10 pt on paper', (name) => {
    const { ws, area } = file[name];
    const sheet = sheetOf(plan, name);
    const scale = (ws.pageSetup.scale || 100) / 100;
    expect(area).not.toBeNull();
    let printed = 0;
    for (const cell of sheet.cells) {
      if (!inArea(area!, cell.row, cell.col) || (cell.value === null && !cell.formula)) continue;
      const font = ws.getCell(cell.row + 1, cell.col + 1).font;
      expect([a1(cell.row, cell.col), font.name]).toEqual([a1(cell.row, cell.col), 'Times New Roman']);
      expect([a1(cell.row, cell.col), (font.size || 11) * scale >= MIN_PRINTED_SIZE - 0.05]).toEqual([a1(cell.row, cell.col), true]);
      printed++;
    }
    expect(printed).toBeGreaterThan(50);
  });

  test('Chấm điểm: the annex prints its columns up to the notes, the header row on every page, no heading last on a page', () => {
    const { ws, area, titles } = file[SHEETS.scoring];
    const g = scoringGeometry(defaultSet(), appraisal);
    const [from, to] = area!.split(':').map((p) => parseA1(p)!);
    expect(from).toEqual({ row: 1, col: 0 }); // row 1 is the instruction to the person filling it
    expect(to.col).toBe(g.layout.col.check! - 1); // Kiểm tra and Mã stay on the screen
    expect(to.row).toBe(g.lastRow);
    expect(titles).toBe(`${g.headerRow + 1}:${g.headerRow + 1}`);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.blackAndWhite).toBe(true);
    // Cells of the printed columns carry no fill but the yellow of the entry cells (printed white).
    const fills = new Set<string>();
    for (const cell of sheetOf(plan, SHEETS.scoring).cells) {
      const fill = ws.getCell(cell.row + 1, cell.col + 1).fill as ExcelJS.FillPattern | undefined;
      if (inArea(area!, cell.row, cell.col) && fill && fill.fgColor) fills.add(String(fill.fgColor.argb));
    }
    expect([...fills]).toEqual(['FFFFF2CC']);
    // Every page break is planned, and none leaves a domain or criterion heading at a page's foot.
    const breaks = sheetOf(plan, SHEETS.scoring).print!.breaks!;
    expect(breaks.length).toBeGreaterThan(5);
    const headings = new Set(g.nodeRows.filter((r) => !r.flat.leaf).map((r) => r.row));
    expect(breaks.filter((b) => headings.has(b - 1))).toEqual([]);
    const xmlBreaks = (file[SHEETS.scoring].xml.match(/<brk id="(\d+)"/g) || []).map((b) => Number(/\d+/.exec(b)![0]));
    expect(xmlBreaks).toEqual(breaks);
  });

  test('Tổng hợp: the panel is outside the print area, its entries unlocked; everything else locked and protected', () => {
    const { ws, area } = file[SHEETS.summary];
    const sheet = sheetOf(plan, SHEETS.summary);
    expect(ws.pageSetup.orientation).toBe('portrait');
    const unlocked = sheet.cells.filter((c) => ws.getCell(c.row + 1, c.col + 1).protection?.locked === false);
    expect(unlocked.length).toBe(appraisal ? 13 : 12);
    for (const c of unlocked) expect(inArea(area!, c.row, c.col)).toBe(false);
    for (const c of sheet.cells.filter((x) => x.formula)) expect(ws.getCell(c.row + 1, c.col + 1).protection?.locked).not.toBe(false);
    expect(file[SHEETS.summary].xml).toMatch(/<sheetProtection sheet="1"/);
    // The chart sits on a page of its own, after the signature.
    const chart = (plan.charts || []).filter((c) => c.sheet === SHEETS.summary)[0];
    expect(sheet.print!.breaks).toContain(chart.from.row);
    expect(inArea(area!, chart.to.row, 0)).toBe(true);
  });

  test('Tổng hợp: the Số line, the place-date line, the signer and the Nơi nhận come from the panel', () => {
    const grid = planToGrids(plan).sheets.filter((s) => s.name === SHEETS.summary)[0];
    const texts = grid.values.map((r) => r.filter((v) => typeof v === 'string').join(' | '));
    const all = texts.join('\n');
    expect(all).toContain(`Số: 05/${appraisal ? 'BC-UBND' : 'BC-UBND'}`);
    expect(all).toContain(appraisal ? 'Phú Lương, ngày 05 tháng 01 năm 2025' : 'Đồng Thịnh, ngày 05 tháng 01 năm 2025');
    expect(all).toContain('KT. CHỦ TỊCH');
    expect(all).toContain('PHÓ CHỦ TỊCH');
    expect(all).toContain('Nguyễn Văn An');
    expect(all).toContain('II. TỒN TẠI, HẠN CHẾ');
    // The issuing body: the commune's, or once the appraisal column exists, the district's.
    expect(grid.values[0][0]).toBe('ỦY BAN NHÂN DÂN');
    expect(grid.values[1][0]).toBe(appraisal ? 'HUYỆN PHÚ LƯƠNG' : 'XÃ ĐỒNG THỊNH');
    if (appraisal) expect(all).toContain('Kết quả thẩm định Chỉ số cải cách hành chính năm 2024 của Ủy ban nhân dân xã Đồng Thịnh');
  });
});

/** The smallest size, in points on paper, of the text printed in the sheet's print area. */
function smallestPrinted(sheet: WorkbookPlan['sheets'][number], styles: Record<string, StyleSpec>): { size: number; at: string } {
  const area = sheet.print!.area!;
  const scale = sheet.print!.fitToWidth ? fitScale(sheet, 0, parseA1(area.split(':')[1])!.col, sheet.print!.orientation, DECREE_MARGINS) : sheet.print!.scale!;
  let smallest = { size: Infinity, at: '' };
  for (const cell of sheet.cells) {
    if (!inArea(area, cell.row, cell.col) || (cell.value === null && !cell.formula)) continue;
    const style = cell.style ? styles[cell.style] : undefined;
    const size = (((style && style.font && style.font.size) || 11) * scale) / 100;
    if (size < smallest.size) smallest = { size, at: a1(cell.row, cell.col) };
  }
  return smallest;
}

describe('the annex keeps 10 pt on paper whatever columns the set adds', () => {
  test.each([
    { title: 'the commune\'s annex', set: defaultSet, appraisal: false, figure: false },
    { title: 'the appraisal annex', set: defaultSet, appraisal: true, figure: false },
    { title: 'a set with rates and counts (the Tỷ lệ / số lượng column), items scored at appraisal', set: kindsSet, appraisal: false, figure: true },
    { title: 'the same set with the appraisal columns', set: kindsSet, appraisal: true, figure: true },
  ])('$title', ({ set, appraisal, figure }) => {
    const s = set();
    const plan = buildWorkbookPlan({ set: s, unit: 'Xã A', year: 2024, appraisal });
    const sheet = sheetOf(plan, SHEETS.scoring);
    const g = scoringGeometry(s, appraisal);
    expect(g.layout.col.figure !== undefined).toBe(figure);
    // The print area runs to the last note: the added column prints, Kiểm tra and Mã do not.
    expect(parseA1(sheet.print!.area!.split(':')[1])!.col).toBe(g.layout.col.check! - 1);
    const printed = smallestPrinted(sheet, plan.styles);
    expect([printed.at, printed.size >= MIN_PRINTED_SIZE - 0.05]).toEqual([printed.at, true]);
  });
});

describe('the district summary prints its chart on a page of its own', () => {
  test('a page begins where the chart does, after the signature', () => {
    const set = defaultSet();
    const accumulator = summaryAccumulator('self');
    ([['Xã An Khánh', 0.9], ['Thị trấn Đại Từ', 0.8]] as Array<[string, number]>).forEach(([unit, q], i) =>
      accumulator.add(summaryInputOf(`xa-${i}.xlsx`, planToGrids(buildWorkbookPlan({ set, unit, year: 2024, entries: entriesOf(plausibleScores(set, 30 + i, q)) })), 'vi')));
    const { summary, set: ranked } = accumulator.result();
    const plan = summaryWorkbookPlan(summary, ranked, { district: 'UBND huyện Đại Từ' }).plan;
    const chart = plan.charts![0];
    const sheet = sheetOf(plan, chart.sheet);
    expect(sheet.print!.breaks).toEqual([chart.from.row]);
    const signer = planToGrids(plan).sheets.filter((s) => s.name === chart.sheet)[0].values.findIndex((r) => r.some((v) => v === 'TM. ỦY BAN NHÂN DÂN'));
    expect(signer).toBeGreaterThan(0);
    expect(signer).toBeLessThan(chart.from.row);
  });
});

describe('Minh chứng keeps 10 pt on paper, also when the register gains a column', () => {
  test.each([
    { title: 'the register as built', added: 0 },
    { title: 'a register with one more column (as Số liệu cụ thể will be)', added: 24 },
  ])('$title', ({ added }) => {
    if (added) REGISTER_COLUMNS.splice(REGISTER_COLUMNS.length - 1, 0, { field: 'date', header: { vi: 'Thêm', en: 'More' }, width: added, aliases: [] });
    try {
      const widths = registerColumnWidths();
      expect(widths).toHaveLength(REGISTER_COLUMNS.length);
      const plan = buildWorkbookPlan({ set: defaultSet(), unit: 'Xã A', year: 2024, evidence: filled(false).evidence });
      const register = sheetOf(plan, SHEETS.evidence);
      expect(register.columns.map((c) => c.width)).toEqual(widths);
      const printed = smallestPrinted(register, plan.styles);
      expect([printed.at, printed.size >= MIN_PRINTED_SIZE - 0.05]).toEqual([printed.at, true]);
    } finally {
      if (added) REGISTER_COLUMNS.splice(REGISTER_COLUMNS.length - 2, 1);
    }
  });
});

describe('Minh chứng prints the documents filed and a few empty rows, not pages of empty borders', () => {
  test.each([
    { title: 'no document yet', docs: 0, lastRow: 4 + 15 },
    { title: 'three documents', docs: 3, lastRow: 4 + 3 + 3 },
  ])('$title', ({ docs, lastRow }) => {
    const evidence = Array.from({ length: docs }, (_v, i) => ({ codes: ['1.1.1'], number: `${i + 1}/KH-UBND`, date: '', summary: 'Kế hoạch', link: '' }));
    const register = sheetOf(buildWorkbookPlan({ set: defaultSet(), unit: 'Xã A', year: 2024, evidence }), SHEETS.evidence);
    expect(parseA1(register.print!.area!.split(':')[1])!.row + 1).toBe(lastRow);
    expect(register.print!.margins).toEqual(DECREE_MARGINS);
  });
});

describe('unit names, however typed', () => {
  test.each([
    { input: 'UBND xã Đồng Thịnh', full: 'Xã Đồng Thịnh', upper: 'XÃ ĐỒNG THỊNH', place: 'Đồng Thịnh', body: 'Ủy ban nhân dân xã Đồng Thịnh' },
    { input: 'Ủy ban nhân dân xã Đồng Thịnh', full: 'Xã Đồng Thịnh', upper: 'XÃ ĐỒNG THỊNH', place: 'Đồng Thịnh', body: 'Ủy ban nhân dân xã Đồng Thịnh' },
    { input: 'Uỷ ban nhân dân  xã   đồng thịnh', full: 'Xã Đồng Thịnh', upper: 'XÃ ĐỒNG THỊNH', place: 'Đồng Thịnh', body: 'Ủy ban nhân dân xã Đồng Thịnh' },
    { input: 'xã đồng thịnh', full: 'Xã Đồng Thịnh', upper: 'XÃ ĐỒNG THỊNH', place: 'Đồng Thịnh', body: 'Ủy ban nhân dân xã Đồng Thịnh' },
    { input: 'Đồng Thịnh', full: 'Xã Đồng Thịnh', upper: 'XÃ ĐỒNG THỊNH', place: 'Đồng Thịnh', body: 'Ủy ban nhân dân xã Đồng Thịnh' },
    { input: 'Phường Hoàng Văn Thụ', full: 'Phường Hoàng Văn Thụ', upper: 'PHƯỜNG HOÀNG VĂN THỤ', place: 'Hoàng Văn Thụ', body: 'Ủy ban nhân dân phường Hoàng Văn Thụ' },
    { input: 'Thị trấn Chợ Chu', full: 'Thị trấn Chợ Chu', upper: 'THỊ TRẤN CHỢ CHU', place: 'Chợ Chu', body: 'Ủy ban nhân dân thị trấn Chợ Chu' },
    { input: 'TT. chợ chu', full: 'Thị trấn Chợ Chu', upper: 'THỊ TRẤN CHỢ CHU', place: 'Chợ Chu', body: 'Ủy ban nhân dân thị trấn Chợ Chu' },
    { input: 'UBND phường 12', full: 'Phường 12', upper: 'PHƯỜNG 12', place: '12', body: 'Ủy ban nhân dân phường 12' },
  ])('"$input"', ({ input, full, upper, place, body }) => {
    const u = parseUnitName(input);
    expect({ full: u.full, upper: u.upper, place: u.place, body: u.body }).toEqual({ full, upper, place, body });
  });

  test('every spelling of one commune has one key; another type or place has another', () => {
    const keys = ['UBND xã Đồng Thịnh', 'xã đồng thịnh', 'Đồng Thịnh', 'XÃ ĐỒNG THỊNH', 'Ủy ban nhân dân xã Đồng Thịnh'.normalize('NFD')].map((t) => parseUnitName(t).key);
    expect(new Set(keys).size).toBe(1);
    expect(parseUnitName('Thị trấn Đồng Thịnh').key).not.toBe(keys[0]);
    expect(parseUnitName('Xã Đồng Tâm').key).not.toBe(keys[0]);
  });

  test.each([
    { input: 'UBND huyện Phú Lương', lines: ['ỦY BAN NHÂN DÂN', 'HUYỆN PHÚ LƯƠNG'], place: 'Phú Lương', sign: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], symbol: 'BC-UBND' },
    { input: 'Phòng Nội vụ huyện phú lương', lines: ['UBND HUYỆN PHÚ LƯƠNG', 'PHÒNG NỘI VỤ'], place: 'Phú Lương', sign: ['TRƯỞNG PHÒNG'], symbol: 'BC-PNV' },
    { input: 'thành phố Thái Nguyên', lines: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ THÁI NGUYÊN'], place: 'Thái Nguyên', sign: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], symbol: 'BC-UBND' },
    { input: '', lines: ['ỦY BAN NHÂN DÂN', 'HUYỆN ……………'], place: '……………', sign: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], symbol: 'BC-UBND' },
  ])('the district "$input"', ({ input, lines, place, sign, symbol }) => {
    const d = parseDistrictName(input);
    expect({ lines: [d.parentLine, d.bodyLine], place: d.place, sign: d.signTitle, symbol: d.symbol }).toEqual({ lines, place, sign, symbol });
  });

  test('the workbook built for "UBND xã Đồng Thịnh" is headed, titled and dated rightly', () => {
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'UBND xã Đồng Thịnh', year: 2024, report: { day: 5, month: 1, year: 2025 } });
    const summary = planToGrids(plan).sheets.filter((s) => s.name === SHEETS.summary)[0];
    const texts = summary.values.map((r) => r.filter((v) => typeof v === 'string').join(' | ')).join('\n');
    expect(texts).toContain('XÃ ĐỒNG THỊNH');
    expect(texts).toContain('Đồng Thịnh, ngày 05 tháng 01 năm 2025');
    expect(texts).toContain('Ủy ban nhân dân xã Đồng Thịnh báo cáo');
    expect(texts).not.toMatch(/XÃ UBND|UBND xã Đồng Thịnh, ngày/);
  });
});

describe('the reference note comes from the set', () => {
  const base = smallSet();
  test.each([
    { title: 'a reference set citing its decision', set: { ...base, status: 'reference', basis: ['Quyết định số 1234/QĐ-UBND ngày 01/02/2023 của UBND tỉnh Bắc Kạn'] }, expected: 'Bộ tiêu chí tham khảo — đối chiếu với Quyết định 1234/QĐ-UBND trước khi dùng.' },
    { title: 'a reference set with no basis', set: { ...base, status: 'reference', basis: undefined }, expected: 'Bộ tiêu chí tham khảo, chưa đối chiếu văn bản ban hành — đối chiếu trước khi dùng.' },
    { title: 'an official set', set: { ...base, status: 'official', basis: ['Quyết định 99/QĐ-UBND ngày 05/01/2024'] }, expected: 'Bộ tiêu chí chính thức theo Quyết định 99/QĐ-UBND.' },
  ])('$title', ({ set, expected }) => {
    const note = statusNote(set as CriteriaSet);
    expect(note).toBe(expected);
    expect(note).not.toContain(set.basis && set.basis[0].indexOf('4203') >= 0 ? '' : '4203');
  });
});

describe('Tồn tại, hạn chế', () => {
  test('every sub-criterion below its maximum, by domain, largest loss first, with its giải trình; KAD and blanks are not losses', () => {
    const set = smallSet();
    const entries = entriesOf({ '1.1.1': 0.5, '1.1.2': 0, '1.2': 'KAD', '2.1.1': 1 });
    entries['1.1.2'].values.note = 'Chưa ban hành kế hoạch.';
    const list = shortfalls(set, entries, 'self');
    expect(list.map((d) => ({ code: d.code, lost: d.lost, items: d.items.map((i) => [i.code, i.lost, i.note]) }))).toEqual([
      { code: '1', lost: 1.5, items: [['1.1.2', 1, 'Chưa ban hành kế hoạch.'], ['1.1.1', 0.5, '']] },
    ]);
  });
});

test('Tồn tại, hạn chế: equal losses stay in the set\'s order, each domain apart', () => {
  const entries = entriesOf({ '1.1.1': 0.5, '1.1.2': 0.5, '1.2': 0.5, '2.1.1': 0, '2.1.2': 1 });
  expect(shortfalls(smallSet(), entries, 'self').map((d) => [d.code, d.items.map((i) => i.code)])).toEqual([
    ['1', ['1.1.1', '1.1.2', '1.2']],
    ['2', ['2.1.1', '2.1.2']],
  ]);
});

describe('what a person typed in the panel survives', () => {
  const typed = { number: '12', day: 20, month: 12, year: 2024, signer: 'Trần Thị Bình', authority: 'KT.', recipient3: 'Đảng ủy xã;' };
  const grids = () => planToGrids(buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, report: typed }));

  test('the pane\'s "Cập nhật Tổng hợp"', () => {
    const g = grids();
    const refreshed = refreshedSummary(readScoring(g), { summaryGrid: g.sheets.filter((s) => s.name === SHEETS.summary)[0] });
    expect(readReportInputs(planToGrids(refreshed.plan).sheets[0])).toMatchObject(typed);
  });

  test('labels retyped (case, diacritics, spaces) or moved with their entries are still read; a label-like word elsewhere is not a label', () => {
    const g = grids();
    const summary = g.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const at = (label: string) => {
      for (let r = 0; r < summary.values.length; r++) {
        const c = (summary.values[r] || []).indexOf(label);
        if (c >= 0) return { r, c };
      }
      throw new Error(label);
    };
    const signer = at('Họ và tên người ký');
    summary.values[signer.r][signer.c] = '  ho va  ten NGUOI ky ';
    // The month's label and entry moved three rows down, past the panel's end.
    const month = at('Tháng');
    const last = summary.values.length;
    summary.values.push([], [], []);
    summary.values[last + 2][month.c] = 'Tháng';
    summary.values[last + 2][month.c + 1] = summary.values[month.r][month.c + 1];
    summary.values[month.r][month.c] = null;
    summary.values[month.r][month.c + 1] = null;
    summary.values[0].push('constructor', 'x', '__proto__', 'y');
    const read = readReportInputs(summary)!;
    expect(read).toMatchObject(typed);
    expect(Object.keys(read).filter((k) => panelFields(true).indexOf(k as InputField) < 0)).toEqual([]);
  });

  test('a rebuild (a new criteria set, the appraisal column)', () => {
    const upgrade = planUpgrade({ grids: grids(), appraisal: true, district: 'Phòng Nội vụ huyện Phú Lương' });
    const summary = planToGrids(upgrade.plan).sheets.filter((s) => s.name === SHEETS.summary)[0];
    expect(readReportInputs(summary)).toMatchObject({ ...typed, district: 'Phòng Nội vụ huyện Phú Lương' });
    expect(summary.values[0][0]).toBe('UBND HUYỆN PHÚ LƯƠNG');
    expect(summary.values[1][0]).toBe('PHÒNG NỘI VỤ');
  });
});

describe('printed by LibreOffice', () => {
  // `npm run docs` keeps every page in docs/pages/ (and the first of each document for the README).
  const keepPages = (pages: RenderedPage[], name: string) => pages.forEach((p, i) => keepForDocs(p.png, `pages/${name}-${String(i + 1).padStart(2, '0')}.png`));

  itIfEngine('soffice', 'Tổng hợp shows the Số line, the signer and the Tồn tại, hạn chế list; Chấm điểm prints without the tool\'s columns', async () => {
    const file = path.join(dir, 'commune-report.xlsx');
    await writePlanToFile(buildWorkbookPlan(filled(false)), file);
    const pages = await renderToPng(file, path.join(dir, 'png'));
    const scoring = pages.filter((p) => p.text.indexOf('Lĩnh vực / Tiêu chí / Tiêu chí thành phần') >= 0);
    const report = pages.filter((p) => /BÁO CÁO/.test(p.text) || /TỒN TẠI, HẠN CHẾ|Nơi nhận/.test(p.text) || /Tiêu chí thành phần \/ Giải trình/.test(p.text));
    expect(scoring.length).toBeGreaterThan(5);
    for (const page of scoring) {
      // Neither the Kiểm tra column (its header, its ✓) nor the Mã column's markers print.
      expect(page.text.split('\n').filter((l) => l.indexOf('Giải trình / Ghi chú') >= 0 && /Kiểm tra|Mã/.test(l))).toEqual([]);
      expect(page.text).not.toContain(catalogueText('vi', 'verdict.sheet.valid'));
      expect(page.text).not.toMatch(/#TOTAL|#INDEX/);
    }
    expect(scoring[0].text).toContain('Phụ lục');
    const text = report.map((p) => p.text).join('\n');
    expect(text).toContain('Số: 05/BC-UBND');
    expect(text).toMatch(/Đồng Thịnh, ngày 05 tháng 01 năm 2025/);
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('TỒN TẠI, HẠN CHẾ');
    expect(text).toMatch(/\b1\.1\.\d\b/);
    expect(text).not.toContain('THÔNG TIN ĐIỀN TRƯỚC KHI IN');
    // The register prints its documents, then a few rows, and no page of empty borders.
    const register = pages.filter((p) => p.text.indexOf('Số, ký hiệu văn bản') >= 0);
    expect(register).toHaveLength(1);
    expect(register[0].text).toContain('125/KH-UBND');
    keepPages(pages, 'commune-report');
    keepForDocs(scoring[0].png, 'workbook.png');
    keepForDocs(report[0].png, 'workbook-summary.png');
  }, 240000);

  itIfEngine('soffice', 'the appraisal result is headed and signed by the district', async () => {
    const file = path.join(dir, 'appraisal-report.xlsx');
    await writePlanToFile(buildWorkbookPlan(filled(true)), file);
    const pages = await renderToPng(file, path.join(dir, 'png-appraisal'));
    const report = pages.filter((p) => /BÁO CÁO/.test(p.text))[0];
    expect(report.text).toContain('HUYỆN PHÚ LƯƠNG');
    expect(report.text).toContain('Kết quả thẩm định Chỉ số cải cách hành chính năm 2024');
    expect(report.text).toMatch(/Phú Lương, ngày 05 tháng 01 năm 2025/);
    expect(report.text).not.toContain('XÃ ĐỒNG THỊNH');
    keepPages(pages, 'appraisal-report');
  }, 240000);

  itIfEngine('soffice', 'the district summary is the district\'s document: heading, title, xã and thị trấn ranked apart, signature', async () => {
    const set = defaultSet();
    const inputs = ([['Xã An Khánh', 0.9], ['Xã Bình Sơn', 0.75], ['Thị trấn Đại Từ', 0.8], ['Xã Cù Vân', 0.6]] as Array<[string, number]>).map(([unit, q], i) => {
      const grids = planToGrids(buildWorkbookPlan({ set, unit, year: 2024, entries: entriesOf(plausibleScores(set, 20 + i, q)) }));
      return summaryInputOf(`xa-${i + 1}.xlsx`, grids, 'vi');
    });
    const accumulator = summaryAccumulator('self');
    for (const input of inputs.concat([summaryInputOf('chua-cham.xlsx', planToGrids(buildWorkbookPlan({ set, unit: 'Xã Cát Nê', year: 2024 })), 'vi')])) accumulator.add(input);
    const { summary, set: ranked } = accumulator.result();
    const file = path.join(dir, 'district-summary.xlsx');
    await writePlanToFile(summaryWorkbookPlan(summary, ranked, { district: 'UBND huyện Đại Từ' }).plan, file);
    const pages = await renderToPng(file, path.join(dir, 'png-district'));
    const text = pages.map((p) => p.text).join('\n');
    expect(text).toContain('HUYỆN ĐẠI TỪ');
    expect(text).toContain('BÁO CÁO');
    expect(text).toMatch(/XÃ \(3 đơn vị\)/);
    expect(text).toMatch(/THỊ TRẤN \(1 đơn vị\)/);
    expect(text).toContain('TM. ỦY BAN NHÂN DÂN');
    expect(text).toContain('Bảng chưa có điểm tự chấm nào.');
    keepPages(pages, 'district-summary');
    keepForDocs(pages[0].png, 'district-summary.png');
  }, 240000);
});

// The plan's phân công: Phụ trách and Hạn on every row of Chấm điểm with a drop-down from the people
// kept on the Phân công sheet, a criterion's assignment covering its sub-criteria, the printable list,
// and every rebuild carrying all of it by code.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { Entries } from '../src/core/model/entries';
import { CellValue, SheetGrid, WorkbookGrids, a1, cellAt, formulaAt } from '../src/core/model/grid';
import { SHEETS, columnSpec } from '../src/core/model/layout';
import { ValidationPlan, WorkbookPlan, planCell, planToGrids } from '../src/core/model/plan';
import { planDefects } from '../src/core/model/plan-guard';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readScoring } from '../src/core/sheets/scoring/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { planUpgrade } from '../src/core/features/upgrade';
import { planWithAppraisal } from '../src/core/features/appraisal';
import { DEFAULT_PEOPLE, effectiveAssignments } from '../src/core/model/assignment';
import { flattenSet } from '../src/core/model/criteria';
import { parseDay, serialOfDay } from '../src/core/model/dates';
import { ASSIGN_COL } from '../src/core/sheets/assignment/layout';
import { readAssignment } from '../src/core/sheets/assignment/read';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';
import { checkWorkbook } from '../src/core/check/check';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { SMALL_SET_RAW, setCell, smallSet } from './helpers/scoring';
import { itIfEngine } from './engines';
import { recalculate, renderToPng } from './libreoffice';
import { keepForDocs } from './helpers/docs';
import { defaultSet } from '../src/core/model/bundled';

const ASSIGNED: Entries = {
  '1': { values: { owner: 'Văn phòng - Thống kê' } },
  '1.1.1': { values: { self: 1, owner: 'Nguyễn Thị Hoa', due: '2024-11-15T00:00:00.000Z' } },
  '1.2': { values: { due: '20/11/2024' } },
  '2.1': { values: { owner: 'Tư pháp - Hộ tịch', due: serialOfDay({ year: 2024, month: 11, day: 10 }) } },
  '2.1.2': { values: { self: 1.5, due: 'cuối tháng 11' } },
};

function plan(entries: Entries = ASSIGNED, extra: Partial<Parameters<typeof buildWorkbookPlan>[0]> = {}): WorkbookPlan {
  return buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries, ...extra });
}

function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  return grids.sheets.filter((s) => s.name === name)[0];
}

/** The list's owner and due date of each code, as the Phân công sheet shows them (cached or recalculated). */
function listed(grids: WorkbookGrids): Record<string, { owner: CellValue; due: string }> {
  const sheet = sheetOf(grids, SHEETS.assignment);
  const codes = flattenSet(smallSet()).map((f) => f.code);
  const out: Record<string, { owner: CellValue; due: string }> = {};
  for (let r = 0; r < sheet.values.length; r++) {
    const code = cellAt(sheet, r, ASSIGN_COL.first);
    if (typeof code !== 'string' || codes.indexOf(code) < 0) continue;
    const due = cellAt(sheet, r, ASSIGN_COL.due);
    const day = parseDay(due);
    out[code] = { owner: cellAt(sheet, r, ASSIGN_COL.owner) || '', due: day ? `${day.day}/${day.month}/${day.year}` : String(due) };
  }
  return out;
}

const EXPECTED_LIST = {
  '1': { owner: 'Văn phòng - Thống kê', due: '25/11/2024' },
  '1.1': { owner: 'Văn phòng - Thống kê', due: '25/11/2024' },
  '1.1.1': { owner: 'Nguyễn Thị Hoa', due: '15/11/2024' },
  '1.1.2': { owner: 'Văn phòng - Thống kê', due: '25/11/2024' },
  '1.2': { owner: 'Văn phòng - Thống kê', due: '20/11/2024' },
  '2': { owner: '', due: '25/11/2024' },
  '2.1': { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' },
  '2.1.1': { owner: 'Tư pháp - Hộ tịch', due: '10/11/2024' },
  '2.1.2': { owner: 'Tư pháp - Hộ tịch', due: 'cuối tháng 11' },
};

describe('who prepares what, by when', () => {
  const cases: Array<{ title: string; typed: Record<string, { owner?: CellValue; due?: CellValue }>; expected: Record<string, string> }> = [
    { title: 'nothing typed: nobody, the common date', typed: {}, expected: { '1.1.1': '|25/11/2024|common', '2.1.2': '|25/11/2024|common' } },
    {
      title: 'a domain covers all below it; a sub-criterion says otherwise',
      typed: { '1': { owner: 'Văn phòng - Thống kê' }, '1.1.2': { owner: ' Nguyễn  Văn An ' } },
      expected: { '1.1.1': 'Văn phòng - Thống kê|25/11/2024|common', '1.1.2': 'Nguyễn Văn An|25/11/2024|common', '1.2': 'Văn phòng - Thống kê|25/11/2024|common', '2.1.1': '|25/11/2024|common' },
    },
    {
      title: 'a criterion\'s date covers its sub-criteria; a serial, ISO text and typed text all read as dates',
      typed: { '1.1': { due: serialOfDay({ year: 2024, month: 11, day: 5 }) }, '2.1.1': { due: '2024-11-01T00:00:00.000Z' }, '2.1.2': { due: '05/11/2024' } },
      expected: { '1.1.1': '|05/11/2024|1.1', '1.1.2': '|05/11/2024|1.1', '1.2': '|25/11/2024|common', '2.1.1': '|01/11/2024|2.1.1', '2.1.2': '|05/11/2024|2.1.2' },
    },
    { title: 'a due text that is no date is kept as typed, with no date', typed: { '2': { due: 'tuần sau' } }, expected: { '2.1.1': '|tuần sau|2' } },
  ];
  test.each(cases)('$title', ({ typed, expected }) => {
    const nodes = flattenSet(smallSet());
    const effective = effectiveAssignments(nodes, (code, role) => (typed[code] ? typed[code][role] : undefined), { year: 2024, month: 11, day: 25 });
    for (const code of Object.keys(expected)) {
      const e = effective[code];
      expect({ code, got: `${e.owner}|${e.dueText}|${e.dueFrom || 'common'}` }).toEqual({ code, got: expected[code] });
    }
  });
});

describe('the workbook carries the assignment', () => {
  test('Phụ trách and Hạn stand after Mã on every row of the tree, with a drop-down from the Phân công list and a date rule', () => {
    const p = plan();
    const g = scoringGeometry(smallSet(), false);
    const scoring = p.sheets[0];
    const col = g.layout.col;
    expect([col.code! + 1, col.code! + 2]).toEqual([col.owner, col.due]);
    expect(planCell(scoring, g.headerRow, col.owner!)!.value).toBe(columnSpec('owner').header.vi);
    expect(planCell(scoring, g.rowOf['1'], col.owner!)).toMatchObject({ value: 'Văn phòng - Thống kê', style: 'entryText' });
    expect(planCell(scoring, g.rowOf['1.1.1'], col.due!)).toMatchObject({ value: serialOfDay({ year: 2024, month: 11, day: 15 }), style: 'entryDate' });
    // Text that is no date stays as typed: nothing entered is lost.
    expect(planCell(scoring, g.rowOf['2.1.2'], col.due!)!.value).toBe('cuối tháng 11');
    const rules = scoring.validations.filter((v) => v.type !== 'custom');
    const people = p.sheets.filter((s) => s.name === SHEETS.assignment)[0];
    const firstName = people.cells.filter((c) => c.col === ASSIGN_COL.name && c.value === DEFAULT_PEOPLE[0].name)[0];
    expect(rules.map((v: ValidationPlan) => [v.range, v.type, v.source || null])).toEqual([
      [`${a1(g.firstNodeRow, col.owner!)}:${a1(g.lastNodeRow, col.owner!)}`, 'list', `'${SHEETS.assignment}'!$B$${firstName.row + 1}:$B$${firstName.row + 20}`],
      [`${a1(g.firstNodeRow, col.due!)}:${a1(g.lastNodeRow, col.due!)}`, 'decimal', null],
    ]);
    expect(planDefects(p)).toEqual([]);
  });

  test('the Phân công sheet lists the usual sections, then names typed on Chấm điểm, and counts their items', () => {
    const grids = planToGrids(plan());
    const read = readAssignment(grids)!;
    expect(read.people.map((p) => p.name)).toEqual(DEFAULT_PEOPLE.map((p) => p.name).concat(['Nguyễn Thị Hoa']));
    expect(read.commonDue).toBe('25/11/2024');
    const sheet = sheetOf(grids, SHEETS.assignment);
    const count = (name: string) => {
      const row = sheet.values.findIndex((r) => r[ASSIGN_COL.name] === name);
      return cellAt(sheet, row, ASSIGN_COL.due);
    };
    expect([count('Văn phòng - Thống kê'), count('Nguyễn Thị Hoa'), count('Tư pháp - Hộ tịch'), count('Văn hóa - Xã hội')]).toEqual([2, 1, 2, 0]);
    expect(listed(grids)).toEqual(EXPECTED_LIST);
  });

  test('the list guard: a list takes items or an absolute block of cells, nothing else', () => {
    const withRule = (rule: Partial<ValidationPlan>) => {
      const p = plan({});
      p.sheets[0].validations = [{ range: 'A20', type: 'list', allowBlank: true, error: { title: 't', text: 't' }, ...rule }];
      return planDefects(p);
    };
    expect(withRule({ source: "'Phân công'!$B$8:$B$27" })).toEqual([]);
    expect(withRule({ source: 'B8:B27' })[0]).toMatch(/not an absolute reference/);
    expect(withRule({ source: "'Phân công'!$B$8:$B$27", items: ['a'] })[0]).toMatch(/not both/);
    expect(withRule({ items: ['Tư pháp, Hộ tịch'] })[0]).toMatch(/free of commas/);
  });
});

describe('rebuilds carry the assignment by code', () => {
  function built(): { grids: WorkbookGrids; sheet: SheetGrid } {
    const grids = planToGrids(plan());
    return { grids, sheet: sheetOf(grids, SHEETS.scoring) };
  }

  test('build --from: every assignment, the people list as edited and a common date set by hand', () => {
    const { grids } = built();
    const list = sheetOf(grids, SHEETS.assignment);
    const read = readAssignment(grids)!;
    // The Văn phòng renames a section, adds a person, and moves the common date.
    setCell(list, read.peopleRows.first + 1, read.columns.name, 'Tư pháp - Hộ tịch (bà Lan)');
    setCell(list, read.peopleRows.first + 9, read.columns.name, 'Trần Văn Bình');
    setCell(list, read.peopleRows.first + 9, read.columns.role, 'Công chức Văn hóa');
    const dueRow = list.values.findIndex((r) => r.some((v) => typeof v === 'string' && /^Hạn hoàn thành chung/.test(v)));
    setCell(list, dueRow, ASSIGN_COL.owner, '2024-11-22T00:00:00.000Z');
    const result = planUpgrade({ grids });
    const again = planToGrids(result.plan);
    const { entries } = extractEntries(readScoring(again));
    for (const code of Object.keys(ASSIGNED)) {
      expect({ code, owner: entries[code].values.owner, due: parseDay(entries[code].values.due) || entries[code].values.due })
        .toEqual({ code, owner: ASSIGNED[code].values.owner, due: parseDay(ASSIGNED[code].values.due) || ASSIGNED[code].values.due });
    }
    const after = readAssignment(again)!;
    expect(after.people.map((p) => p.name)).toEqual(['Văn phòng - Thống kê', 'Tư pháp - Hộ tịch (bà Lan)', 'Tài chính - Kế toán', 'Địa chính - Xây dựng',
      'Văn hóa - Xã hội', 'Chỉ huy trưởng Quân sự', 'Nguyễn Thị Hoa', 'Trần Văn Bình', 'Tư pháp - Hộ tịch']);
    expect(after.commonDue).toBe('22/11/2024');
    expect(result.leftovers).toEqual([]);
  });

  test('a new year moves the plan\'s default date; the appraisal column keeps everything', () => {
    const { grids } = built();
    expect(readAssignment(planToGrids(planUpgrade({ grids, year: 2025 }).plan))!.commonDue).toBe('25/11/2025');
    const withAppraisal = planToGrids(planWithAppraisal(grids).plan);
    expect(listed(withAppraisal)).toEqual(EXPECTED_LIST);
  });

  test('a criterion the new set no longer has: its assignment goes to the leftovers sheet, not lost', () => {
    const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
    // Domain II is now scored as a whole: its criterion 2.1 and sub-criteria are gone.
    delete raw.nodes[1].children;
    const set = parseCriteriaSet(raw).set!;
    const result = planUpgrade({ grids: built().grids, set });
    const moved = result.leftovers.filter((l) => l.code.indexOf('2.1') === 0).map((l) => [l.code, l.role]);
    expect(moved).toEqual(expect.arrayContaining([['2.1', 'owner'], ['2.1', 'due'], ['2.1.2', 'due']]));
    expect(result.plan.sheets.map((s) => s.name)).toContain(LEFTOVERS_SHEET);
  });

  test('a workbook made before the assignment (no Phụ trách, Hạn or Phân công) reads, checks and rebuilds with them', () => {
    const { grids, sheet } = built();
    const g = scoringGeometry(smallSet(), false);
    // The older layout: nothing right of Mã, no Phân công sheet.
    for (const row of sheet.values) row.splice(g.layout.col.owner!);
    for (const row of sheet.formulas) row.splice(g.layout.col.owner!);
    const older: WorkbookGrids = { sheets: grids.sheets.filter((s) => s.name !== SHEETS.assignment) };
    const read = readScoring(older);
    expect([read.columns.owner, read.columns.due, read.assignment]).toEqual([undefined, undefined, null]);
    expect(checkWorkbook(older).error).toBeNull();
    const rebuilt = planToGrids(planUpgrade({ grids: older }).plan);
    expect(readAssignment(rebuilt)!.people.map((p) => p.name)).toEqual(DEFAULT_PEOPLE.map((p) => p.name));
    expect(extractEntries(readScoring(rebuilt)).entries['1.1.1'].values).toEqual({ self: 1 });
  });
});

describe('in a real spreadsheet', () => {
  itIfEngine('soffice', 'the Phân công sheet prints on portrait A4: the list of people, then who prepares what by when', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-assign-print-'));
    try {
      const file = path.join(dir, 'phan-cong.xlsx');
      const entries: Entries = {
        '1': { values: { owner: 'Văn phòng - Thống kê' } },
        '1.1.1': { values: { owner: 'Nguyễn Thị Hoa', due: '15/11/2024' } },
        '2': { values: { owner: 'Tư pháp - Hộ tịch', due: '20/11/2024' } },
        '3': { values: { owner: 'Văn phòng - Thống kê' } },
        '6': { values: { owner: 'Tài chính - Kế toán' } },
      };
      await writePlanToFile(buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries }), file);
      const pages = (await renderToPng(file, path.join(dir, 'png'))).filter((p) => p.text.indexOf('DANH SÁCH PHÂN CÔNG') >= 0 || p.text.indexOf('PHÂN CÔNG THEO TIÊU CHÍ') >= 0);
      expect(pages.length).toBeGreaterThan(0);
      // An annex of the plan (Nghị định 30/2020, Phụ lục I): its label, title and the plan it goes with.
      expect(pages[0].text).toContain('Phụ lục');
      // The sheets print in Times New Roman, whose italics pdftotext splits inside words ("c ủa"): compared without spaces.
      const squeezed = pages[0].text.replace(/\s+/g, '');
      expect(squeezed).toContain('(KèmtheoKếhoạchsố/KH-UBNDngày..../..../2024củaỦybannhândânxãĐồngThịnh)');
      expect(squeezed).toContain('NguyễnThịHoa');
      const png = fs.readFileSync(pages[0].png);
      // A PNG's width and height stand at bytes 16 and 20: portrait, as a list attached to the plan.
      expect(png.readUInt32BE(20)).toBeGreaterThan(png.readUInt32BE(16));
      keepForDocs(pages[0].png, 'workbook-assignment.png');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  itIfEngine('soffice', 'LibreOffice computes the list and the counts as the core does, and keeps the drop-down\'s source', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-assign-'));
    try {
      const file = path.join(dir, 'phan-cong.xlsx');
      await writePlanToFile(plan(), file);
      const saved = await recalculate(file);
      const grids = await readWorkbookGrids(saved);
      // The scoring sheet (the first) keeps the list rule over the Phụ trách cells, its source on Phân công.
      const zip = await JSZip.loadAsync(fs.readFileSync(saved));
      const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
      const rule = /<dataValidation [^>]*type="list"[^>]*>\s*<formula1>([^<]*)<\/formula1>/.exec(xml);
      expect(rule && rule[1].replace(/&apos;/g, "'")).toBe(`'${SHEETS.assignment}'!$B$9:$B$28`);
      // exceljs reads a formula's text result in a date-formatted cell as an invalid date (null); the
      // core never reads table II back, only people do.
      expect(listed(grids)).toEqual({ ...EXPECTED_LIST, '2.1.2': { ...EXPECTED_LIST['2.1.2'], due: 'null' } });
      const sheet = sheetOf(grids, SHEETS.assignment);
      const hoa = sheet.values.findIndex((r) => r[ASSIGN_COL.name] === 'Nguyễn Thị Hoa');
      expect(cellAt(sheet, hoa, ASSIGN_COL.due)).toBe(1);
      expect(formulaAt(sheet, hoa, ASSIGN_COL.due)).toMatch(/^IF\(TRIM\(B\d+&""\)="","",COUNTIFS\(/);
      // The saved copy reads back with every assignment, as a rebuild needs.
      expect(extractEntries(readScoring(grids)).entries['2.1'].values.owner).toBe('Tư pháp - Hộ tịch');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

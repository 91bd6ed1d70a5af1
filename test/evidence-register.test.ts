import { checkWorkbook } from '../src/core/check/check';
import { evidenceCellFormula, evidenceCellText } from '../src/core/sheets/register/plan';
import { SheetGrid, WorkbookGrids, cellAt, columnLetter, formulaAt, linkAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { planCell, planToGrids } from '../src/core/model/plan';
import { readScoring } from '../src/core/sheets/scoring/read';
import { planUpgrade, placeEntries } from '../src/core/features/upgrade';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { BuiltGrids, builtGrids, enter, setCell, smallSet } from './helpers/scoring';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { EvidenceDoc } from '../src/core/model/entries';
import { REGISTER_COL, REGISTER_FIRST_ROW, isRegisterFormula, registerRangeOf } from '../src/core/sheets/register/columns';
import { readRegister } from '../src/core/sheets/register/read';
import { hyperlinkFormulaTarget } from '../src/core/model/formula';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { CheckOptions } from '../src/core/check/contract';
import { FileReport } from '../src/core/check/report';

const DOCS: EvidenceDoc[] = [
  { codes: ['1.1.1', '2.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch CCHC năm 2024', link: 'Minh chung/1.1.1 Ban hanh ke hoach/125-KH-UBND.pdf' },
  { codes: ['1.1.1'], number: '', date: '', summary: 'Ảnh hội nghị triển khai', link: 'https://xa.sharepoint.com/sites/cchc/anh.jpg' },
  { codes: ['2.1.2'], number: '01/BC-UBND', date: '05/01/2024', summary: 'Báo cáo dịch vụ công', link: '' },
];

function built(docs: EvidenceDoc[] = DOCS): BuiltGrids & { register: SheetGrid } {
  const set = smallSet();
  const grids = planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, evidence: docs }));
  const g = scoringGeometry(set, false);
  const sheet = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
  const register = grids.sheets.filter((s) => s.name === SHEETS.evidence)[0];
  return { grids, sheet, register, rowOf: g.rowOf, col: g.layout.col, totalRow: g.totalRow };
}

/** The register's Tệp / Đường dẫn column. */
const LINK = columnLetter(REGISTER_COL.link);

function check(grids: WorkbookGrids, options: CheckOptions = {}): FileReport {
  return checkWorkbook(grids, options);
}

function issues(report: FileReport, rule: string) {
  return (report.issues || []).filter((i) => i.rule === rule);
}

function evidenceOf(report: FileReport, code: string): number | undefined {
  return report.nodes!.filter((n) => n.code === code)[0].evidence;
}

/** A register cell as a person would type it in Excel. */
function typeInRegister(b: { register: SheetGrid }, row: number, field: keyof typeof REGISTER_COL, value: string | null, hyperlink: string | null = null): void {
  setCell(b.register, row, REGISTER_COL[field], value);
  b.register.hyperlinks[row][REGISTER_COL[field]] = hyperlink;
}

describe('the Minh chứng sheet in the plan', () => {
  test('one row per document under its header, links behind working hyperlinks', () => {
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, evidence: DOCS });
    expect(plan.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([SHEETS.scoring, SHEETS.evidence]));
    const sheet = plan.sheets.filter((s) => s.name === SHEETS.evidence)[0];
    const header = [0, 1, 2, 3, 4, 5, 6].map((c) => planCell(sheet, REGISTER_FIRST_ROW - 1, c)!.value);
    expect(header).toEqual(['STT', 'Mã tiêu chí', 'Số, ký hiệu văn bản', 'Ngày ban hành', 'Trích yếu / Mô tả', 'Số liệu cụ thể', 'Tệp / Đường dẫn']);
    const first = (c: number) => planCell(sheet, REGISTER_FIRST_ROW, c)!;
    expect(first(REGISTER_COL.codes).value).toBe('1.1.1; 2.1.1');
    expect(first(REGISTER_COL.link)).toMatchObject({ value: DOCS[0].link, hyperlink: DOCS[0].link });
    expect(planCell(sheet, REGISTER_FIRST_ROW + 1, REGISTER_COL.link)!.hyperlink).toBe(DOCS[1].link);
    expect(planCell(sheet, REGISTER_FIRST_ROW + 2, REGISTER_COL.link)!.hyperlink).toBeUndefined();
    expect(sheet.protect).toBe(false);
  });

  test('an unsafe link is kept as text but never behind a hyperlink', () => {
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, evidence: [{ ...DOCS[0], link: 'javascript:alert(1)' }] });
    const cell = planCell(plan.sheets.filter((s) => s.name === SHEETS.evidence)[0], REGISTER_FIRST_ROW, REGISTER_COL.link)!;
    expect(cell.value).toBe('javascript:alert(1)');
    expect(cell.hyperlink).toBeUndefined();
  });

  test('each leaf’s Tài liệu kiểm chứng cell is the register formula, its cached text the count and every document', () => {
    const b = built();
    const at = (code: string) => ({ value: cellAt(b.sheet, b.rowOf[code], b.col.evidence!), formula: formulaAt(b.sheet, b.rowOf[code], b.col.evidence!) });
    // A document without a number is named by the start of its description.
    expect(at('1.1.1').value).toBe('2 tài liệu: 125/KH-UBND; Ảnh hội nghị triển khai');
    expect(at('2.1.2').value).toBe('1 tài liệu: 01/BC-UBND');
    expect(at('1.2').value).toBeNull();
    expect(isRegisterFormula(at('1.1.1').formula)).toBe(true);
    expect(at('1.1.1').formula).toContain(`FIND(";1.1.1;"`);
    expect(registerRangeOf(at('1.1.1').formula)).toEqual({ first: REGISTER_FIRST_ROW, last: REGISTER_FIRST_ROW + 999 });
    expect(formulaAt(b.sheet, b.rowOf['1.1'], b.col.evidence!)).toBeNull();
  });

  test('the formula covers the register far beyond its rows, and grows with it', () => {
    const many = Array.from({ length: 700 }, (_, i) => ({ ...DOCS[2], summary: 'Văn bản ' + i }));
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã A', year: 2024, evidence: many });
    const g = scoringGeometry(smallSet(), false);
    const formula = planCell(plan.sheets[0], g.rowOf['2.1.2'], g.layout.col.evidence!)!.formula!;
    expect(registerRangeOf(formula)!.last - REGISTER_FIRST_ROW + 1).toBeGreaterThanOrEqual(1200);
    // Excel's limit on a formula's length.
    expect(evidenceCellFormula('1.1.1.1.1', { first: 4, last: 99999 }).length).toBeLessThan(8192);
  });
});

describe('the Tài liệu kiểm chứng cell names every document', () => {
  const doc = (number: string, summary = 'Văn bản', figures?: string): EvidenceDoc => ({ codes: ['1.1.1'], number, date: '', summary, link: '', ...(figures ? { figures } : {}) });
  test.each([
    { title: 'none', docs: [] as EvidenceDoc[], expected: '' },
    { title: 'one with its figures', docs: [doc('125/KH-UBND', 'Kế hoạch', '12/12 cuộc họp')], expected: '1 tài liệu: 125/KH-UBND (12/12 cuộc họp)' },
    {
      title: 'a photo without a number: the start of its description',
      docs: [doc('', 'Ảnh chụp bảng niêm yết thủ tục hành chính tại bộ phận một cửa xã, tháng 3')],
      expected: '1 tài liệu: Ảnh chụp bảng niêm yết thủ tục hành chín',
    },
    {
      title: 'seven: five named, then …',
      docs: [1, 2, 3, 4, 5, 6, 7].map((n) => doc(`${n}/TB-UBND`)),
      expected: '7 tài liệu: 1/TB-UBND; 2/TB-UBND; 3/TB-UBND; 4/TB-UBND; 5/TB-UBND; …',
    },
    { title: 'five: every one named', docs: [1, 2, 3, 4, 5].map((n) => doc(`${n}/TB-UBND`)), expected: '5 tài liệu: 1/TB-UBND; 2/TB-UBND; 3/TB-UBND; 4/TB-UBND; 5/TB-UBND' },
    { title: 'long figures: cut at 255 characters as HYPERLINK shows them', docs: [doc('1/BC-UBND', 'x', 'y'.repeat(300))], expected: ('1 tài liệu: 1/BC-UBND (' + 'y'.repeat(300)).slice(0, 255) },
  ])('$title', ({ docs, expected }) => {
    expect(evidenceCellText('1.1.1', docs)).toBe(expected);
  });
});

describe('reading the register back', () => {
  test('documents, codes split and tidied, dates from real date cells', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'codes', ' 1.2 ,1.1.2');
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'date', '2024-03-05T00:00:00.000Z');
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'link', 'Kế hoạch', '../Minh%20chung/k%E1%BA%BF.pdf');
    const reg = readRegister(b.grids)!;
    expect(reg.rows.map((r) => r.doc.codes)).toEqual([['1.1.1', '2.1.1'], ['1.1.1'], ['2.1.2'], ['1.2', '1.1.2']]);
    expect(reg.rows[3].doc.date).toBe('05/03/2024');
    expect(reg.rows[3]).toMatchObject({ row: REGISTER_FIRST_ROW + 3, hyperlink: '../Minh%20chung/k%E1%BA%BF.pdf' });
    // "Kế hoạch" is a label over the hyperlink (Insert › Link with its own text): the link is the hyperlink's.
    expect([reg.rows[3].doc.link, reg.rows[3].doc.linkText]).toEqual(['../Minh chung/kế.pdf', 'Kế hoạch']);
  });

  test('the text of a link cell is its link when it reads as a path or an address, else a label over the hyperlink', () => {
    const b = built();
    const cases: Array<[string, string, string, string | undefined]> = [
      // [text shown, hyperlink, link read, label kept]
      ['Báo cáo', 'Minh%20chung/bc.pdf', 'Minh chung/bc.pdf', 'Báo cáo'],
      ['Xem tệp', 'https://xa.sharepoint.com/a.pdf', 'https://xa.sharepoint.com/a.pdf', 'Xem tệp'],
      // A corrected path typed over the cell: Excel keeps the old hyperlink, the text is what was meant.
      ['Minh chung/moi.pdf', 'Minh%20chung/cu.pdf', 'Minh chung/moi.pdf', undefined],
      ['D:\\Ho so\\bc.pdf', 'Minh%20chung/cu.pdf', 'D:\\Ho so\\bc.pdf', undefined],
      ['bc.pdf', 'Minh%20chung/bc.pdf', 'bc.pdf', undefined],
      ['https://xa.vn/moi', 'https://xa.vn/cu', 'https://xa.vn/moi', undefined],
    ];
    cases.forEach(([text, hyperlink], i) => {
      typeInRegister(b, REGISTER_FIRST_ROW + 3 + i, 'codes', '1.2');
      typeInRegister(b, REGISTER_FIRST_ROW + 3 + i, 'link', text, hyperlink);
    });
    const docs = readRegister(b.grids)!.rows.slice(3).map((r) => r.doc);
    expect(docs.map((d) => [d.link, d.linkText])).toEqual(cases.map(([, , link, label]) => [link, label]));
    // The words people chose stay on the cell, the hyperlink under them keeps working after a rebuild.
    const rebuilt = planToGrids(planUpgrade({ grids: b.grids }).plan);
    const register = rebuilt.sheets.filter((s) => s.name === SHEETS.evidence)[0];
    expect([cellAt(register, REGISTER_FIRST_ROW + 3, REGISTER_COL.link), linkAt(register, REGISTER_FIRST_ROW + 3, REGISTER_COL.link)])
      .toEqual(['Báo cáo', 'Minh chung/bc.pdf']);
    expect(readRegister(rebuilt)!.rows.slice(3).map((r) => r.doc)).toEqual(docs);
  });

  test('a renamed register sheet is still found by its header', () => {
    const b = built();
    b.register.name = 'Tai lieu';
    expect(readRegister(b.grids)!.rows.length).toBe(3);
  });

  test('a link cell with only a hyperlink gives the decoded path', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'codes', '1.2');
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'link', null, 'Minh%20chung/B%C3%A1o%20c%C3%A1o.pdf');
    expect(readRegister(b.grids)!.rows[3].doc.link).toBe('Minh chung/Báo cáo.pdf');
  });
});

describe('nodes[].evidence', () => {
  test('counts each leaf’s documents, a document backing two criteria counted under both', () => {
    const report = check(built().grids);
    expect(evidenceOf(report, '1.1.1')).toBe(2);
    expect(evidenceOf(report, '2.1.1')).toBe(1);
    expect(evidenceOf(report, '2.1.2')).toBe(1);
    expect(evidenceOf(report, '1.2')).toBe(0);
  });

  test('a code is matched exactly: 1.1 or 11.1.1 never count for 1.1.1', () => {
    const report = check(built([{ ...DOCS[2], codes: ['1.1', '11.1.1', '1.1.11'] }]).grids);
    expect(evidenceOf(report, '1.1.1')).toBe(0);
  });

  test('rows people add, edit and delete in the register are counted as they stand', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 1, 'codes', null);
    typeInRegister(b, REGISTER_FIRST_ROW + 1, 'summary', null);
    typeInRegister(b, REGISTER_FIRST_ROW + 1, 'link', null);
    typeInRegister(b, REGISTER_FIRST_ROW + 50, 'codes', '1.2');
    typeInRegister(b, REGISTER_FIRST_ROW + 50, 'number', '7/TB-UBND');
    const report = check(b.grids);
    expect(evidenceOf(report, '1.1.1')).toBe(1);
    expect(evidenceOf(report, '1.2')).toBe(1);
  });

  test('documents typed into the evidence cell of an older workbook still count', () => {
    const b = builtGrids();
    setCell(b.sheet, b.rowOf['1.2'], b.col.evidence!, 'Báo cáo 01/BC-UBND\nBáo cáo 02/BC-UBND');
    b.grids.sheets = b.grids.sheets.filter((s) => s.name !== SHEETS.evidence);
    expect(evidenceOf(check(b.grids), '1.2')).toBe(2);
  });
});

describe('missing-evidence', () => {
  const FULL = { '1.1.1': 1, '1.1.2': 0.75, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

  test('warns on points above 0 with neither a document nor a giải trình', () => {
    const b = enter(built(), FULL);
    const found = issues(check(b.grids), 'missing-evidence');
    expect(found.map((i) => i.code)).toEqual(['1.1.2', '1.2']);
    expect(found[0]).toMatchObject({ severity: 'warning', column: 'evidence', sheet: SHEETS.scoring, cell: 'F' + (b.rowOf['1.1.2'] + 1) });
    expect(found[0].message).toMatch(/chưa có tài liệu kiểm chứng/);
  });

  test('silent with a giải trình, with 0 points, KAD, or a blank score', () => {
    const b = enter(built(), { ...FULL, '1.1.2': 0, '1.2': 'KAD', '2.1.1': null });
    expect(issues(check(b.grids), 'missing-evidence')).toEqual([]);
    const withNote = enter(built(), FULL);
    setCell(withNote.sheet, withNote.rowOf['1.1.2'], withNote.col.note!, 'Chưa ban hành do sáp nhập đơn vị');
    setCell(withNote.sheet, withNote.rowOf['1.2'], withNote.col.note!, 'Báo cáo gửi qua hệ thống, không lưu bản giấy');
    expect(issues(check(withNote.grids), 'missing-evidence')).toEqual([]);
  });
});

describe('bad-link', () => {
  test('fires on an unsafe or malformed register link, at its cell on Minh chứng', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 1, 'link', 'javascript:alert(document.cookie)');
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', 'Minh chung/bao cao?.pdf');
    const found = issues(check(b.grids), 'bad-link');
    expect(found.map((i) => [i.code, i.sheet, i.cell, i.severity])).toEqual([
      ['1.1.1', SHEETS.evidence, LINK + (REGISTER_FIRST_ROW + 2), 'error'],
      ['2.1.2', SHEETS.evidence, LINK + (REGISTER_FIRST_ROW + 3), 'error'],
    ]);
    expect(found[0].message).toMatch(/"javascript:"/);
  });

  test('fires on an unsafe hyperlink hidden behind friendly text, and on one in an old typed evidence cell', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', 'Báo cáo', 'data:text/html,<script>1</script>');
    setCell(b.sheet, b.rowOf['1.2'], b.col.evidence!, 'Quyết định 5/QĐ-UBND');
    b.sheet.hyperlinks[b.rowOf['1.2']][b.col.evidence!] = 'vbscript:x';
    const found = issues(check(b.grids), 'bad-link');
    // In tree order: 1.2's own cell before the register row that backs 2.1.2.
    expect(found.map((i) => [i.sheet, i.code])).toEqual([[SHEETS.scoring, '1.2'], [SHEETS.evidence, '2.1.2']]);
  });

  test('silent on paths, UNC paths, file URLs and https addresses', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', '\\\\may-chu\\CCHC\\bc.pdf');
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'codes', '1.2');
    typeInRegister(b, REGISTER_FIRST_ROW + 3, 'link', 'file:///C:/Minh%20chung/a.pdf');
    expect(issues(check(b.grids), 'bad-link')).toEqual([]);
  });
});

describe('evidence-not-found', () => {
  test('fires for a file link whose file is not there, or that points outside the root', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', '../../Luong/bang-luong.xlsx');
    const asked: string[] = [];
    const report = check(b.grids, {
      fileExists: (link) => {
        asked.push(link);
        return link.indexOf('..') === 0 ? 'outside-root' : 'missing';
      },
    });
    const found = issues(report, 'evidence-not-found');
    expect(found.map((i) => [i.code, i.cell])).toEqual([['1.1.1', LINK + (REGISTER_FIRST_ROW + 1)], ['2.1.2', LINK + (REGISTER_FIRST_ROW + 3)]]);
    expect(found[0].message).toMatch(/Không tìm thấy tệp/);
    expect(found[1].message).toMatch(/ngoài thư mục minh chứng/);
    // Web addresses are never looked for on disk.
    expect(asked).toEqual([DOCS[0].link, '../../Luong/bang-luong.xlsx']);
  });

  test('a long path is quoted by its end, where the file\'s name is; the full message says what happened', () => {
    const b = built();
    const long = 'D:/Minh chung/' + 'Thu muc con/'.repeat(8) + 'bao-cao-ket-qua.pdf';
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', long);
    const found = issues(check(b.grids, { fileExists: (link) => (link === long ? 'missing' : 'found') }), 'evidence-not-found');
    expect(found.map((i) => [i.code, i.cell, i.severity, i.column])).toEqual([['2.1.2', LINK + (REGISTER_FIRST_ROW + 3), 'error', 'evidence']]);
    expect(found[0].message).toBe(`Không tìm thấy tệp "…${long.slice(-79)}" trong thư mục minh chứng: tệp đã bị đổi tên, chuyển đi, hoặc chưa chép vào.`);
    expect(long.length).toBeGreaterThan(80);
  });

  test('a path exactly 80 characters long is quoted whole; outside the folder, the message says so', () => {
    const b = built();
    const path80 = 'Minh chung/' + 'x'.repeat(65) + '.pdf';
    expect(path80.length).toBe(80);
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', path80);
    const found = issues(check(b.grids, { fileExists: (link) => (link === path80 ? 'outside-root' : 'found') }), 'evidence-not-found');
    expect(found[0].message).toBe(`Liên kết "${path80}" trỏ ra ngoài thư mục minh chứng (--evidence-root): hãy chép tệp vào thư mục đó và liên kết lại.`);
  });

  test('a link cell holding only a hyperlink is looked for as the path it decodes to, once', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', null, 'Minh%20chung/b%C3%A1o%20c%C3%A1o.pdf');
    const asked: string[] = [];
    const found = issues(check(b.grids, { fileExists: (link) => (asked.push(link), link.indexOf('Minh chung/báo cáo.pdf') >= 0 ? 'missing' : 'found') }), 'evidence-not-found');
    expect(asked.filter((l) => l.indexOf('báo cáo') >= 0)).toHaveLength(1);
    expect(found.map((i) => [i.code, i.cell])).toEqual([['2.1.2', LINK + (REGISTER_FIRST_ROW + 3)]]);
  });

  test('a label over a hyperlink ("Báo cáo") is not looked for as a file: the hyperlink\'s path is', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', 'Báo cáo', 'Minh%20chung/bc.pdf');
    const asked: string[] = [];
    const fileExists = (link: string) => (asked.push(link), 'found' as const);
    expect(issues(check(b.grids, { fileExists }), 'evidence-not-found')).toEqual([]);
    expect(asked).toEqual([DOCS[0].link, 'Minh chung/bc.pdf']);
    const gone = issues(check(b.grids, { fileExists: (link) => (link === 'Minh chung/bc.pdf' ? 'missing' : 'found') }), 'evidence-not-found');
    expect(gone.map((i) => [i.code, i.cell])).toEqual([['2.1.2', LINK + (REGISTER_FIRST_ROW + 3)]]);
    expect(gone[0].message).toContain('bc.pdf');
  });

  test('an old workbook\'s typed evidence cell with a hyperlink is looked for as the path it decodes to', () => {
    const b = built();
    setCell(b.sheet, b.rowOf['1.2'], b.col.evidence!, 'Báo cáo');
    b.sheet.hyperlinks[b.rowOf['1.2']][b.col.evidence!] = 'Minh%20chung/b%C3%A1o%20c%C3%A1o.pdf';
    const asked: string[] = [];
    const found = issues(check(b.grids, { fileExists: (link) => (asked.push(link), link === 'Minh chung/báo cáo.pdf' ? 'missing' : 'found') }), 'evidence-not-found');
    expect(asked).toContain('Minh chung/báo cáo.pdf');
    expect(found.map((i) => [i.code, i.sheet, i.cell])).toEqual([['1.2', SHEETS.scoring, columnLetter(b.col.evidence!) + (b.rowOf['1.2'] + 1)]]);
  });

  test('a cell whose text and hyperlink are two missing files is one issue, for the path it shows', () => {
    const b = built();
    typeInRegister(b, REGISTER_FIRST_ROW + 2, 'link', 'Minh chung/a.pdf', 'Minh%20chung/b.pdf');
    const found = issues(check(b.grids, { fileExists: (link) => (link.indexOf('Minh chung/a.pdf') >= 0 || link.indexOf('b.pdf') >= 0 ? 'missing' : 'found') }), 'evidence-not-found');
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain('"Minh chung/a.pdf"');
  });

  test('silent when every file is found, and without --evidence-root', () => {
    const b = built();
    expect(issues(check(b.grids, { fileExists: () => 'found' }), 'evidence-not-found')).toEqual([]);
    expect(issues(check(b.grids), 'evidence-not-found')).toEqual([]);
  });
});

describe('rebuilds carry the register and migrate typed evidence', () => {
  test('figures survive a rebuild; a register made before the Số liệu cụ thể column reads, and a rebuild adds the column', () => {
    const withFigures = DOCS.map((d, i) => (i === 0 ? { ...d, figures: '98,5% hồ sơ đúng hạn' } : d));
    const b = built(withFigures);
    expect(extractEntries(readScoring(planToGrids(planUpgrade({ grids: b.grids }).plan))).register).toEqual(withFigures);
    // The older register: no Số liệu cụ thể column (the columns right of it one to the left).
    const old = built();
    for (const row of old.register.values) row.splice(REGISTER_COL.figures, 1);
    for (const row of old.register.formulas) row.splice(REGISTER_COL.figures, 1);
    for (const row of old.register.hyperlinks) row.splice(REGISTER_COL.figures, 1);
    const read = readRegister(old.grids)!;
    expect([read.columns.figures, read.rows.map((r) => r.doc)]).toEqual([undefined, DOCS]);
    const rebuilt = readRegister(planToGrids(planUpgrade({ grids: old.grids }).plan))!;
    expect([rebuilt.columns.figures, rebuilt.rows.map((r) => r.doc)]).toEqual([REGISTER_COL.figures, DOCS]);
  });

  test('register rows survive a rebuild, including rows of codes the set does not know', () => {
    const b = built([...DOCS, { codes: ['9.9.9'], number: '3/KH-UBND', date: '', summary: 'Mã cũ', link: '' }]);
    const { plan, evidenceDocs } = planUpgrade({ grids: b.grids });
    expect(evidenceDocs).toBe(4);
    const rebuilt = planToGrids(plan);
    expect(readRegister(rebuilt)!.rows.map((r) => r.doc)).toEqual(readRegister(b.grids)!.rows.map((r) => r.doc));
  });

  test('what people typed in the old evidence cells moves to the register, nothing lost, never twice', () => {
    const old = builtGrids();
    old.grids.sheets = old.grids.sheets.filter((s) => s.name !== SHEETS.evidence);
    const cell = (code: string) => [old.rowOf[code], old.col.evidence!] as const;
    setCell(old.sheet, ...cell('1.1.1'), 'Kế hoạch số 125/KH-UBND ngày 20/12/2023\nẢnh hội nghị');
    old.sheet.hyperlinks[old.rowOf['1.1.1']][old.col.evidence!] = 'Minh chung/ke-hoach.pdf';
    setCell(old.sheet, ...cell('2.1.1'), 'Ảnh hội nghị');
    setCell(old.sheet, ...cell('1.2'), 'Báo cáo', 'HYPERLINK("Minh chung/bao-cao.pdf","Báo cáo")');

    const first = planToGrids(planUpgrade({ grids: old.grids }).plan);
    const docs = readRegister(first)!.rows.map((r) => r.doc);
    expect(docs).toEqual([
      { codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch số 125/KH-UBND ngày 20/12/2023', link: 'Minh chung/ke-hoach.pdf' },
      { codes: ['1.1.1', '2.1.1'], number: '', date: '', summary: 'Ảnh hội nghị', link: '' },
      { codes: ['1.2'], number: '', date: '', summary: 'Báo cáo', link: 'Minh chung/bao-cao.pdf' },
    ]);
    const report = check(first);
    expect([evidenceOf(report, '1.1.1'), evidenceOf(report, '2.1.1'), evidenceOf(report, '1.2')]).toEqual([2, 1, 1]);

    const second = planToGrids(planUpgrade({ grids: first }).plan);
    expect(readRegister(second)!.rows.map((r) => r.doc)).toEqual(docs);
  });

  test('extractEntries hands the register on and skips the computed evidence cells', () => {
    const read = readScoring(built().grids);
    const { entries, register } = extractEntries(read);
    expect(register).toEqual(DOCS);
    expect(Object.keys(entries)).toEqual([]);
    const placed = placeEntries(read.meta.set, entries);
    expect(placed.leftovers).toEqual([]);
  });

  test('a HYPERLINK formula someone typed gives its target', () => {
    expect(hyperlinkFormulaTarget('HYPERLINK("Minh chung/a ""b"".pdf","x")')).toBe('Minh chung/a "b".pdf');
    expect(hyperlinkFormulaTarget('SUM(A1)')).toBeNull();
    expect(linkAt(built().sheet, 0, 0)).toBeNull();
  });
});

// The exceljs writer applies the plan and nothing else: every cell, style, rule and setting of the
// written file equals the plan's. Read back both with exceljs and with the project's own reader.

import { leafScore } from '../src/core/model/verdict';
import { validationExpression } from '../src/core/model/verdict-sheet';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip'; // exceljs's own zip library: lets a test look at the raw XML.
import { defaultSet } from '../src/core/model/bundled';
import { UserError } from '../src/core/model/errors';
import { leavesOf } from '../src/core/model/criteria';
import { a1, cellAt, formulaAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { CellPlan, SheetPlan, StyleSpec, WorkbookPlan, planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { planToWorkbook, writePlanToFile } from '../src/adapters/exceljs/write';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-write-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function roundTrip(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const buffer = await planToWorkbook(plan).xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  return wb;
}

async function rawXml(plan: WorkbookPlan): Promise<(part: string) => Promise<string>> {
  const zip = await JSZip.loadAsync(await planToWorkbook(plan).xlsx.writeBuffer());
  return async (part: string) => {
    const file = zip.file(part);
    if (!file) throw new Error(`no ${part} in the written file`);
    return file.async('string');
  };
}

function sheetOf(plan: WorkbookPlan, name: string): SheetPlan {
  const sheet = plan.sheets.filter((s) => s.name === name)[0];
  if (!sheet) throw new Error(`plan has no sheet ${name}`);
  return sheet;
}

/** A one-sheet plan around the given cells, for the small cases. */
function tinyPlan(cells: CellPlan[], extra: Partial<SheetPlan> = {}, styles: Record<string, StyleSpec> = {}): WorkbookPlan {
  return {
    sheets: [{
      name: 'Thử', visibility: 'visible', columns: [{ width: 12 }], rowHeights: [], cells,
      merges: [], validations: [], conditionalFormats: [], protect: false, ...extra,
    }],
    styles,
    fullCalcOnLoad: true,
  };
}

function expectStyle(cell: ExcelJS.Cell, spec: StyleSpec, where: string): void {
  const font = spec.font || {};
  expect({ where, bold: !!cell.font.bold }).toEqual({ where, bold: !!font.bold });
  expect({ where, italic: !!cell.font.italic }).toEqual({ where, italic: !!font.italic });
  expect({ where, underline: !!cell.font.underline }).toEqual({ where, underline: !!font.underline });
  expect({ where, size: cell.font.size }).toEqual({ where, size: font.size === undefined ? 11 : font.size });
  if (font.color) expect({ where, color: cell.font.color && cell.font.color.argb }).toEqual({ where, color: 'FF' + font.color });
  // exceljs reads "no fill" back as the pattern "none".
  const fill = cell.fill && (cell.fill as ExcelJS.FillPattern).pattern !== 'none' ? cell.fill as ExcelJS.FillPattern : undefined;
  if (spec.fill) {
    expect({ where, fill: fill && fill.pattern, color: fill && fill.fgColor && fill.fgColor.argb }).toEqual({ where, fill: 'solid', color: 'FF' + spec.fill });
  } else {
    expect({ where, fill: fill && fill.pattern }).toEqual({ where, fill: undefined });
  }
  const alignment = cell.alignment || {};
  expect({ where, horizontal: alignment.horizontal, vertical: alignment.vertical, wrap: !!alignment.wrapText, indent: alignment.indent || 0 })
    .toEqual({ where, horizontal: spec.horizontal, vertical: spec.vertical, wrap: !!spec.wrap, indent: spec.indent || 0 });
  const sides = ['top', 'left', 'bottom', 'right'] as const;
  expect({ where, border: sides.map((s) => (cell.border && cell.border[s] && cell.border[s]!.style) || null) })
    .toEqual({ where, border: sides.map(() => (spec.border ? 'thin' : null)) });
  expect({ where, numFmt: cell.numFmt || 'General' }).toEqual({ where, numFmt: spec.numFmt || 'General' });
  // Excel locks every cell unless its style says otherwise.
  expect({ where, locked: !(cell.protection && cell.protection.locked === false) }).toEqual({ where, locked: spec.locked !== false });
}

describe('the default workbook, read back with exceljs', () => {
  const set = defaultSet();
  const plan = buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 });
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = await roundTrip(plan);
  });

  test('has the plan\'s sheets in order, _cchc very hidden, Tổng hợp with its tab colour', () => {
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual(plan.sheets.map((s) => [s.name, s.visibility]));
    expect(wb.getWorksheet(SHEETS.meta)!.state).toBe('veryHidden');
    const summary = sheetOf(plan, SHEETS.summary);
    expect(wb.getWorksheet(SHEETS.summary)!.properties.tabColor).toEqual({ argb: 'FF' + summary.tabColor });
  });

  test('every plan cell has its value, or its formula and cached result', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (const c of sheet.cells) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        const where = `${sheet.name}!${a1(c.row, c.col)}`;
        if (cell.isMerged && cell.master !== cell) continue;
        const dated = !!c.style && /yy/.test(plan.styles[c.style].numFmt || '');
        if (c.formula !== undefined) {
          // exceljs reads an empty cached text back as no result; the file holds <v></v>, and a number
          // in a date format as a Date.
          const result = c.result === '' ? undefined : dated && typeof c.result === 'number' ? new Date(Math.round((c.result - 25569) * 86400000)) : c.result;
          expect({ where, formula: cell.formula, result: cell.result }).toEqual({ where, formula: c.formula, result });
        } else if (c.hyperlink) {
          expect({ where, value: cell.value }).toEqual({ where, value: { text: String(c.value), hyperlink: c.hyperlink } });
        } else if (typeof c.value === 'number' && dated) {
          // exceljs hands a number in a date format back as a Date (the readers give ISO text).
          expect({ where, value: cell.value }).toEqual({ where, value: new Date(Math.round((c.value - 25569) * 86400000)) });
        } else {
          expect({ where, value: cell.value }).toEqual({ where, value: c.value === undefined ? null : c.value });
        }
      }
    }
  });

  test('every plan cell has its style: font, fill, alignment, borders, number format, lock', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (const c of sheet.cells) {
        if (c.style === undefined) continue;
        expectStyle(ws.getCell(c.row + 1, c.col + 1), plan.styles[c.style], `${sheet.name}!${a1(c.row, c.col)} (${c.style})`);
      }
    }
  });

  test('entry cells are unlocked, formulas and maxima locked', () => {
    const g = scoringGeometry(set, false);
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    const col = g.layout.col;
    const leaf = g.rowOf[leavesOf(set)[0].code] + 1;
    const domain = g.rowOf[set.nodes[0].code] + 1;
    expect(ws.getCell(leaf, col.self! + 1).protection).toMatchObject({ locked: false });
    expect(ws.getCell(leaf, col.note! + 1).protection).toMatchObject({ locked: false });
    expect(ws.getCell(leaf, col.max! + 1).protection).toBeUndefined();
    expect(ws.getCell(domain, col.self! + 1).formula).toMatch(/^SUM\(/);
    expect(ws.getCell(domain, col.self! + 1).protection).toBeUndefined();
  });

  test('column widths, hidden code column and row heights', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.columns.forEach((c, i) => {
        expect({ sheet: sheet.name, col: i, width: ws.getColumn(i + 1).width }).toEqual({ sheet: sheet.name, col: i, width: expect.closeTo(c.width, 4) });
        expect({ sheet: sheet.name, col: i, hidden: !!ws.getColumn(i + 1).hidden }).toEqual({ sheet: sheet.name, col: i, hidden: !!c.hidden });
      });
      for (const r of sheet.rowHeights) expect({ sheet: sheet.name, row: r.row, height: ws.getRow(r.row + 1).height }).toEqual({ sheet: sheet.name, row: r.row, height: r.height });
    }
  });

  test('merges', () => {
    for (const sheet of plan.sheets) {
      const merges = (wb.getWorksheet(sheet.name)!.model as unknown as { merges: string[] }).merges;
      expect(merges.slice().sort()).toEqual(sheet.merges.slice().sort());
    }
  });

  test('one validation per leaf score cell, on that cell, with the leaf\'s own maximum', () => {
    const g = scoringGeometry(set, false);
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    const leaves = leavesOf(set);
    for (const leaf of leaves) {
      const address = a1(g.rowOf[leaf.code], g.layout.col.self!);
      const dv = ws.getCell(address).dataValidation;
      expect({ code: leaf.code, type: dv.type, allowBlank: dv.allowBlank, stop: dv.showErrorMessage, prompt: dv.showInputMessage })
        .toEqual({ code: leaf.code, type: 'custom', allowBlank: true, stop: true, prompt: true });
      const formula = String(dv.formulae[0]);
      expect({ code: leaf.code, own: formula.match(/\b[A-Z]+\d+\b/g)!.every((ref) => ref === address) }).toEqual({ code: leaf.code, own: true });
      // The leaf's spec as the plan makes it: the bundled set's 'không phát sinh' items question a KAD.
      expect({ code: leaf.code, formula }).toEqual({ code: leaf.code, formula: validationExpression(address, leafScore(leaf.node, { set, unitType: 'xa', column: 'self' })) });
      expect(formula).toContain(`${address}>${leaf.node.max},FALSE`);
      expect(dv.error).toContain(String(leaf.node.max).replace('.', ','));
    }
    const scores = sheetOf(plan, SHEETS.scoring).validations.filter((v) => v.type === 'custom');
    expect(scores).toHaveLength(leaves.length);
    for (const v of scores) expect(ws.getCell(v.range).dataValidation.formulae).toEqual([v.formula]);
  });

  test('conditional formats: the plan\'s ranges, formulas and colours, first rule first', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      const written = (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<ExcelJS.ExpressionRuleType> }> }).conditionalFormattings;
      expect(written.map((cf) => ({
        ref: cf.ref,
        type: cf.rules[0].type,
        formula: cf.rules[0].formulae![0],
        priority: cf.rules[0].priority,
        fill: cf.rules[0].style && cf.rules[0].style.fill ? (cf.rules[0].style.fill as ExcelJS.FillPattern).bgColor!.argb : undefined,
        font: cf.rules[0].style && cf.rules[0].style.font && cf.rules[0].style.font.color ? cf.rules[0].style.font.color.argb : undefined,
      }))).toEqual(sheet.conditionalFormats.map((cf, i) => ({
        ref: cf.ranges.join(' '),
        type: 'expression',
        formula: cf.formula,
        priority: i + 1,
        fill: cf.style.fill ? 'FF' + cf.style.fill : undefined,
        font: cf.style.fontColor ? 'FF' + cf.style.fontColor : undefined,
      })));
    }
    expect(sheetOf(plan, SHEETS.scoring).conditionalFormats.length).toBeGreaterThan(0);
  });

  test('frozen panes, protection without password, A4 print setup', () => {
    for (const sheet of plan.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      if (sheet.freeze) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows });
      }
      const protection = (ws as unknown as { sheetProtection: Record<string, unknown> | null }).sheetProtection;
      if (sheet.protect) {
        expect(protection).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
        expect(protection!.hashValue).toBeUndefined();
        expect(protection!.selectLockedCells).toBeUndefined(); // undefined: selecting is allowed
        expect(protection!.selectUnlockedCells).toBeUndefined();
      } else {
        expect(protection).toBeFalsy();
      }
      if (sheet.print) {
        expect(ws.pageSetup).toMatchObject(sheet.print.fitToWidth
          ? { paperSize: 9, orientation: sheet.print.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
          : { paperSize: 9, orientation: sheet.print.orientation, fitToPage: false, scale: sheet.print.scale });
        const repeat = sheet.print.repeatRows;
        expect(ws.pageSetup.printTitlesRow).toBe(repeat ? `${repeat.from + 1}:${repeat.to + 1}` : undefined);
      }
    }
    expect(sheetOf(plan, SHEETS.scoring).print!.repeatRows).toBeDefined();
  });

  test('the file asks for a full recalculation on load and opens on the scoring sheet', async () => {
    const xml = await rawXml(plan);
    const workbook = await xml('xl/workbook.xml');
    expect(workbook).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    expect(workbook).toMatch(/<workbookView[^>]*activeTab="0"/);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;${SHEETS.scoring}&apos;!$8:$8</definedName>`);
  });

  test('the project\'s reader gets back what the plan says a spreadsheet would hand back (cached 0 included)', async () => {
    const file = path.join(dir, 'default.xlsx');
    await writePlanToFile(plan, file);
    const grids = await readWorkbookGrids(file);
    const expected = planToGrids(plan);
    for (const want of expected.sheets) {
      const got = grids.sheets.filter((s) => s.name === want.name)[0];
      expect({ sheet: want.name, visibility: got.visibility, merges: got.merges.slice().sort() })
        .toEqual({ sheet: want.name, visibility: want.visibility, merges: want.merges.slice().sort() });
      want.values.forEach((row, r) => row.forEach((value, c) => {
        const where = `${want.name}!${a1(r, c)}`;
        const formula = want.formulas[r][c];
        expect({ where, value: cellAt(got, r, c), formula: formulaAt(got, r, c) }).toEqual({ where, value, formula });
      }));
    }
  });
});

describe('the appraisal workbook', () => {
  test('has a validation on both score cells of every leaf', async () => {
    const set = defaultSet();
    const plan = buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true });
    const wb = await roundTrip(plan);
    const g = scoringGeometry(set, true);
    const ws = wb.getWorksheet(SHEETS.scoring)!;
    for (const leaf of leavesOf(set)) {
      for (const column of [g.layout.col.self!, g.layout.col.appraisal!]) {
        const address = a1(g.rowOf[leaf.code], column);
        expect({ address, formula: ws.getCell(address).dataValidation.formulae[0] })
          .toEqual({ address, formula: validationExpression(address, leafScore(leaf.node, { set, unitType: 'xa', column: column === g.layout.col.self ? 'self' : 'appraisal' })) });
      }
    }
  });
});

describe('text stays text', () => {
  const risky = ['=1+1', '+84 912 345 678', '-5', '@SUM(A1)', '0,5', "'quoted", '=HYPERLINK("http://x","y")'];

  test.each(risky)('%s is written as a string, never as a formula', async (text) => {
    const plan = tinyPlan([{ row: 0, col: 0, value: text }]);
    const xml = await (await rawXml(plan))('xl/worksheets/sheet1.xml');
    expect(xml).toMatch(/<c r="A1"[^>]* t="s"/);
    expect(xml).not.toContain('<f>');
    const wb = await roundTrip(plan);
    expect(wb.worksheets[0].getCell('A1').value).toBe(text);
  });

  test('a unit named "=1+1" stays text in the built workbook', async () => {
    const plan = buildWorkbookPlan({ set: defaultSet(), unit: '=1+1', year: 2024 });
    const file = path.join(dir, 'formula-unit.xlsx');
    await writePlanToFile(plan, file);
    const grids = await readWorkbookGrids(file);
    const meta = grids.sheets.filter((s) => s.name === SHEETS.meta)[0];
    const unitRow = meta.values.findIndex((r) => r[0] === 'unit');
    expect(meta.values[unitRow][1]).toBe('Xã =1+1');
    expect((meta.formulas[unitRow] || [])[1] || null).toBeNull();
    const scoring = grids.sheets.filter((s) => s.name === SHEETS.scoring)[0];
    expect(scoring.values[2][0]).toBe('BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA ỦY BAN NHÂN DÂN XÃ =1+1');
    expect((scoring.formulas[2] || [])[0] || null).toBeNull();
  });
});

describe('writer details', () => {
  test('neighbouring validations with the same relative text keep their own anchors', async () => {
    // Both rules read "A1>0" but each is relative to its own cell: grouping them into A1:A2 would
    // make A2's rule test A2 instead of A1.
    const error = { title: 'Sai', text: 'Sai' };
    const plan = tinyPlan([], {
      validations: [
        { range: 'A1', type: 'custom', formula: 'A1>0', allowBlank: true, error },
        { range: 'A2', type: 'custom', formula: 'A1>0', allowBlank: true, error },
        { range: '$B$1:B3', type: 'decimal', min: '0', max: '1.5', allowBlank: true, error },
        { range: 'C1:C2', type: 'list', items: ['KAD', 'Có'], allowBlank: false, error, prompt: { title: 'Chọn', text: 'Chọn một mục' } },
      ],
    });
    const xml = await (await rawXml(plan))('xl/worksheets/sheet1.xml');
    const rules = xml.match(/<dataValidation [^>]*>.*?<\/dataValidation>/g)!;
    const bySqref = (sqref: string) => rules.filter((r) => r.indexOf(`sqref="${sqref}"`) >= 0);
    expect(rules).toHaveLength(4);
    expect(bySqref('A1')[0]).toContain('<formula1>A1&gt;0</formula1>');
    expect(bySqref('A2')[0]).toContain('<formula1>A1&gt;0</formula1>');
    expect(bySqref('B1:B3')[0]).toMatch(/type="decimal".*<formula1>0<\/formula1><formula2>1.5<\/formula2>/);
    expect(bySqref('C1:C2')[0]).toMatch(/type="list".*promptTitle="Chọn".*<formula1>&quot;KAD,Có&quot;<\/formula1>/);
    expect(xml).not.toContain('planRange');
  });

  test('a column as wide as exceljs\'s implicit default keeps its width', async () => {
    const wb = await roundTrip(tinyPlan([{ row: 0, col: 0, value: 'x' }], { columns: [{ width: 9 }, { width: 10 }] }));
    expect(wb.worksheets[0].getColumn(1).width).toBeCloseTo(9, 4);
  });

  test('a merged cell the plan leaves bare takes the top-left style; a styled one keeps its own', async () => {
    const styles: Record<string, StyleSpec> = { head: { fill: 'D9D9D9', border: true }, edge: { border: true } };
    const wb = await roundTrip(tinyPlan([
      { row: 0, col: 0, value: 'Tiêu đề', style: 'head' },
      { row: 0, col: 2, value: null, style: 'edge' },
    ], { merges: ['A1:C1'] }, styles));
    const ws = wb.worksheets[0];
    expect((ws.getCell('B1').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFD9D9D9' });
    expect(ws.getCell('C1').fill).toEqual({ type: 'pattern', pattern: 'none' });
    expect(ws.getCell('C1').border.right).toEqual({ style: 'thin' });
  });

  test('a hyperlink on a value is written; plan mistakes are reported, not written', async () => {
    const wb = await roundTrip(tinyPlan([{ row: 0, col: 0, value: '125/KH-UBND', hyperlink: 'https://example.org/125.pdf' }]));
    expect(wb.worksheets[0].getCell('A1').value).toEqual({ text: '125/KH-UBND', hyperlink: 'https://example.org/125.pdf' });
    expect(() => planToWorkbook(tinyPlan([{ row: 0, col: 0, formula: 'A2', hyperlink: 'https://example.org' }]))).toThrow(/hyperlink on a formula/);
    expect(() => planToWorkbook(tinyPlan([{ row: 0, col: 0, value: 1, style: 'nope' }]))).toThrow(/unknown style "nope"/);
    expect(() => planToWorkbook(tinyPlan([], { visibility: 'veryHidden' }))).toThrow(/no visible sheet/);
    expect(() => planToWorkbook(tinyPlan([{ row: 0, col: 0, formula: 'SUM(' + 'A2,'.repeat(3000) + 'A2)' }]))).toThrow(/Excel allows 8192/);
    expect(() => planToWorkbook(tinyPlan([{ row: 0, col: 0, value: 'x'.repeat(32768) }]))).toThrow(/Excel allows 32767/);
    const longTitle = { title: 'x'.repeat(33), text: 'Sai' };
    expect(() => planToWorkbook(tinyPlan([], { validations: [{ range: 'A1', type: 'custom', formula: 'A1>0', allowBlank: true, error: longTitle }] })))
      .toThrow(/33 characters; Excel allows 32/);
  });
});

describe('writing the file', () => {
  const plan = tinyPlan([{ row: 0, col: 0, value: 'mới' }]);

  function leftovers(): string[] {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  }

  test('replaces an existing file whole, leaving no temporary file', async () => {
    const file = path.join(dir, 'replace.xlsx');
    fs.writeFileSync(file, 'old content');
    await writePlanToFile(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0].getCell('A1').value).toBe('mới');
    expect(leftovers()).toEqual([]);
  });

  test('refuses to write over one of its inputs, by any name', async () => {
    const input = path.join(dir, 'input.xlsx');
    fs.writeFileSync(input, 'the original');
    const alias = path.join(dir, 'alias.xlsx');
    fs.symlinkSync(input, alias);
    for (const target of [input, path.join(dir, '.', 'input.xlsx'), alias]) {
      await expect(writePlanToFile(plan, target, { inputs: [input] })).rejects.toMatchObject({ reason: 'output-is-input' });
    }
    expect(fs.readFileSync(input, 'utf8')).toBe('the original');
  });

  test('a folder that does not exist, or a folder as target: a clear error and nothing written', async () => {
    const missing = path.join(dir, 'no-such-folder', 'a.xlsx');
    const error = await writePlanToFile(plan, missing).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.userMessage.vi).toContain('không tồn tại');
    await expect(writePlanToFile(plan, dir)).rejects.toMatchObject({ reason: 'output-is-folder' });
    expect(leftovers()).toEqual([]);
  });

  test('a failure part way leaves the old file as it was', async () => {
    const file = path.join(dir, 'keep.xlsx');
    fs.writeFileSync(file, 'old content');
    const broken = tinyPlan([{ row: 0, col: 0, value: 1 }, { row: 1, col: 0, value: 2, style: 'missing' }]);
    await expect(writePlanToFile(broken, file)).rejects.toThrow(/unknown style/);
    expect(fs.readFileSync(file, 'utf8')).toBe('old content');
    expect(leftovers()).toEqual([]);
  });
});


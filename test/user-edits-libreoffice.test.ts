// The LibreOffice editing harness (helpers/uno.ts, uno_edit.py) and the user-edit scenarios
// (helpers/user-edits.ts) do what they claim: each saved file, read back with exceljs, shows the edit
// as LibreOffice made it and formulas recalculated by LibreOffice. What `cchc check` makes of these
// files is not asserted here; that belongs to the tests of the check.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { flattenSet } from '../src/core/model/criteria';
import { SheetGrid, WorkbookGrids, a1, cellAt, columnLetter } from '../src/core/model/grid';
import { ROW_MARKERS, SHEETS } from '../src/core/model/layout';
import { fromHundredths, toHundredths } from '../src/core/model/points';
import { readScoring } from '../src/core/sheets/scoring/read';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { describeIfEngine } from './engines';
import { fingerprint } from './helpers/cli';
import { EditResult, closeEditorAfterAll, editInLibreOffice } from './helpers/uno';
import {
  Built, buildBase, cellOf, deleteLeafRow, fillEveryLeaf, formulaAtCell, formulaCoversRow, insertRowAboveTotal,
  insertRowInCriterion, sortNamesAwayFromCodes, summaryCells, typeDecimals, typeOverSummary, typeRegisterRows, valueAt,
} from './helpers/user-edits';

function sheetOf(grids: WorkbookGrids, name: string): SheetGrid {
  const s = grids.sheets.filter((x) => x.name === name)[0];
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** 1-based row of a code in a column of a sheet (the Mã column moves with its row). */
function rowWithText(sheet: SheetGrid, col: number, text: string): number {
  return sheet.values.findIndex((r) => (r || [])[col] === text) + 1;
}

const timings: string[] = [];
function timed(label: string, edit: EditResult): void {
  const ms = edit.ms;
  timings.push(`${label}: ${ms.start !== undefined ? `soffice start ${ms.start}, ` : ''}load ${ms.load}, ops ${ms.ops}, save ${ms.save} ms`);
}

describeIfEngine(['soffice', 'uno'], 'user edits made in LibreOffice over UNO', () => {
  closeEditorAfterAll();
  let dir: string;
  let base: Built;
  let baseFingerprint: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-user-edits-'));
    base = await buildBase(dir);
    baseFingerprint = fingerprint(base.file);
  });

  afterAll(() => {
    // One line, for whoever tunes the harness: soffice start and per-edit costs on this machine.
    if (timings.length) console.log(`LibreOffice (UNO) edits:\n  ${timings.join('\n  ')}`);
    expect(fingerprint(base.file)).toBe(baseFingerprint); // no edit ever touches its input
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('protection holds as for a person: locked cells and Insert Rows are refused until Unprotect Sheet', async () => {
    const leaf = flattenSet(base.scoring.meta.set).filter((f) => f.leaf)[0];
    const out = path.join(dir, 'protection.xlsx');
    const edit = await editInLibreOffice(base.file, out, [
      { op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'max'), text: '5', expectRefusal: true },
      { op: 'insertRows', sheet: SHEETS.scoring, before: base.scoring.rowOf[leaf.code] + 1, expectRefusal: true },
      { op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'self'), text: String(leaf.node.max) },
      { op: 'unprotect', sheet: SHEETS.scoring },
      { op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'note'), text: 'đã rà soát' },
      { op: 'protect', sheet: SHEETS.scoring },
    ]);
    timed('protection', edit);
    expect(edit.report[0].refused).toEqual({ reason: 'protected', message: 'Protected cells can not be modified.' });
    expect(edit.report[1].refused!.reason).toBe('protected');
    expect(edit.report[2]).toMatchObject({ kind: 'value', value: leaf.node.max });
    const grids = await readWorkbookGrids(out);
    const sheet = sheetOf(grids, SHEETS.scoring);
    expect(valueAt(sheet, cellOf(base, leaf.code, 'max'))).toBe(leaf.node.max);
    expect(valueAt(sheet, cellOf(base, leaf.code, 'self'))).toBe(leaf.node.max);
    expect(readScoring(grids).rowOf[leaf.code]).toBe(base.scoring.rowOf[leaf.code]);
  });

  test('a refusal the scenario did not expect fails the edit with LibreOffice\'s reason; so does a malformed operation', async () => {
    const leaf = flattenSet(base.scoring.meta.set).filter((f) => f.leaf)[0];
    const out = path.join(dir, 'refused.xlsx');
    await expect(editInLibreOffice(base.file, out, [{ op: 'type', sheet: SHEETS.summary, cell: summaryCells(base).total, text: '1' }]))
      .rejects.toThrow(/LibreOffice refused it \(protected\): Protected cells can not be modified/);
    await expect(editInLibreOffice(base.file, out, [{ op: 'type', sheet: SHEETS.scoring, cell: cellOf(base, leaf.code, 'self'), text: '7' }]))
      .rejects.toThrow(/refused it \(validation\): Điểm không hợp lệ/);
    const codes = columnLetter(base.scoring.register!.columns.codes!);
    const first = base.scoring.register!.headerRow + 2;
    await expect(editInLibreOffice(base.file, out, [{ op: 'sort', sheet: SHEETS.evidence, range: `${codes}${first}:${codes}${first + 4}`, key: codes }]))
      .rejects.toThrow(/asks whether to extend the selection/);
    await expect(editInLibreOffice(base.file, out, [{ op: 'paste' } as never])).rejects.toThrow(/unknown op 'paste'/);
    await expect(editInLibreOffice(path.join(dir, 'missing.xlsx'), out, [])).rejects.toThrow(/input file not found/);
  });

  test('(a) every leaf typed, under en-US and vi-VN: the numbers land and LibreOffice recalculates the totals', async () => {
    for (const locale of ['en-US', 'vi-VN']) {
      const filled = await fillEveryLeaf(base, path.join(dir, `filled-${locale}.xlsx`), { locale });
      timed(`(a) fill ${Object.keys(filled.scores).length} leaves ${locale}`, filled.edit);
      expect(filled.refused).toEqual([]);
      const grids = await readWorkbookGrids(filled.file);
      const sheet = sheetOf(grids, SHEETS.scoring);
      for (const code of Object.keys(filled.scores)) expect([code, valueAt(sheet, cellOf(base, code, 'self'))]).toEqual([code, filled.scores[code]]);
      const read = readScoring(grids);
      const selfCol = read.columns.self!;
      expect(cellAt(sheet, read.markers.total!, selfCol)).toBeCloseTo(filled.total, 9);
      expect(cellAt(sheet, read.markers.applicableMax!, selfCol)).toBe(100);
      expect(cellAt(sheet, read.markers.index!, selfCol)).toBeCloseTo(filled.total, 9); // out of 100
    }
  });

  test('(a) KAD typed on a leaf is accepted by the validity rule and leaves the applicable maximum', async () => {
    // The rule once was OR(UPPER(TRIM(E&""))="KAD", AND(ISNUMBER(E), …, ROUND(E,2)=E)): ROUND of a
    // text is #VALUE!, AND and OR pass the error on, and a rule that errors refuses the entry.
    const lastLeaf = flattenSet(base.scoring.meta.set).filter((f) => f.leaf).pop()!;
    const filled = await fillEveryLeaf(base, path.join(dir, 'filled-kad.xlsx'), { locale: 'vi-VN', notApplicable: [lastLeaf.code] });
    timed('(a) fill with KAD', filled.edit);
    expect(filled.refused).toEqual([]);
    const grids = await readWorkbookGrids(filled.file);
    const sheet = sheetOf(grids, SHEETS.scoring);
    expect(valueAt(sheet, cellOf(base, lastLeaf.code, 'self'))).toBe('KAD');
    const read = readScoring(grids);
    expect(cellAt(sheet, read.markers.applicableMax!, read.columns.self!)).toBeCloseTo(100 - lastLeaf.node.max, 9);
  });

  test('(b) a row inserted inside a criterion\'s block: the subtotal formula spans it and its cached value counts the typed number', async () => {
    const r = await insertRowInCriterion(base, path.join(dir, 'insert-in-criterion.xlsx'));
    timed('(b) insert in criterion', r.edit);
    expect(r.edit.report.filter((x) => x.op === 'insertRows')[0].inserted).toEqual([r.row, r.row]);
    const grids = await readWorkbookGrids(r.file);
    const sheet = sheetOf(grids, SHEETS.scoring);
    const read = readScoring(grids);
    expect(cellAt(sheet, r.row - 1, read.columns.code!)).toBeNull(); // the new row has no code
    expect(valueAt(sheet, r.scoreCell)).toBe(r.typedScore);
    expect(valueAt(sheet, r.maxCell!)).toBe(r.typedMax);
    const subtotal = formulaAtCell(sheet, r.subtotalCell)!;
    expect(formulaCoversRow(subtotal, columnLetter(read.columns.self!), r.row)).toBe(true);
    const leafSum = Object.keys(r.leafScores).reduce((s, c) => s + toHundredths(r.leafScores[c]), 0);
    expect(valueAt(sheet, r.subtotalCell)).toBeCloseTo(fromHundredths(leafSum + toHundredths(r.typedScore)), 9);
    // The leaves below the insertion moved down with their codes.
    const moved = Object.keys(r.leafScores).filter((c) => base.scoring.rowOf[c] + 1 >= r.row);
    for (const code of moved) expect(read.rowOf[code]).toBe(base.scoring.rowOf[code] + 1);
  });

  test('(c) a row inserted just above TỔNG ĐIỂM: it holds the typed number, which the total\'s formula does not take in', async () => {
    const r = await insertRowAboveTotal(base, path.join(dir, 'insert-above-total.xlsx'));
    timed('(c) insert above total', r.edit);
    const typed = r.edit.report[2];
    expect(typed).toMatchObject({ op: 'type', kind: 'value', value: r.typedScore });
    const grids = await readWorkbookGrids(r.file);
    const sheet = sheetOf(grids, SHEETS.scoring);
    const read = readScoring(grids);
    expect(valueAt(sheet, r.scoreCell)).toBe(r.typedScore);
    expect(read.markers.total).toBe(base.scoring.markers.total! + 1); // TỔNG ĐIỂM moved one row down
    expect(a1(read.markers.total!, read.columns.self!)).toBe(r.totalCell);
    expect(formulaCoversRow(formulaAtCell(sheet, r.totalCell)!, columnLetter(read.columns.self!), r.row)).toBe(false);
    expect(valueAt(sheet, r.totalCell)).toBe(0); // nothing else was scored
  });

  test('(d) numbers typed over Tổng hợp\'s total, index and a domain\'s points: those cells are constants now', async () => {
    const r = await typeOverSummary(base, path.join(dir, 'summary-typed.xlsx'));
    timed('(d) type over summary', r.edit);
    const grids = await readWorkbookGrids(r.file);
    const summary = sheetOf(grids, SHEETS.summary);
    for (const key of ['total', 'index', 'domain'] as const) {
      expect([key, formulaAtCell(summary, r.cells[key]), valueAt(summary, r.cells[key])]).toEqual([key, null, r.typed[key]]);
    }
    // Its other cells are still formulas over Chấm điểm.
    const maxBesideDomain = r.cells.domain.replace(/^[A-Z]+/, 'C');
    expect(formulaAtCell(summary, maxBesideDomain)).toMatch(/^'Chấm điểm'!/);
  });

  test('(e) the name and max columns of three leaf rows sorted apart from their codes (equal and different maxima)', async () => {
    for (const variant of ['equal-max', 'different-max'] as const) {
      const r = await sortNamesAwayFromCodes(base, path.join(dir, `sorted-${variant}.xlsx`), variant);
      timed(`(e) sort ${variant}`, r.edit);
      const grids = await readWorkbookGrids(r.file);
      const sheet = sheetOf(grids, SHEETS.scoring);
      const read = readScoring(grids);
      const after = r.rows.map((row) => ({
        code: cellAt(sheet, row - 1, read.columns.code!),
        name: cellAt(sheet, row - 1, read.columns.name!),
        max: cellAt(sheet, row - 1, read.columns.max!),
      }));
      expect(after.map((a) => a.code)).toEqual(r.before.map((b) => b.code)); // codes stay
      expect(after.map((a) => a.name).slice().sort()).toEqual(r.before.map((b) => b.name).slice().sort());
      expect(after.map((a) => a.name)).not.toEqual(r.before.map((b) => b.name)); // names moved
      if (variant === 'equal-max') {
        expect(after.map((a) => a.max)).toEqual(r.before.map((b) => b.max));
      } else {
        expect(after.map((a) => a.max)).not.toEqual(r.before.map((b) => b.max));
        // Each name kept its maximum: the pair moved together.
        for (const a of after) expect(a.max).toBe(r.before.filter((b) => b.name === a.name)[0].max);
      }
    }
  });

  test('(f) rows typed on Minh chứng: codes stay text as typed, dates as LibreOffice parsed them, 31/02/2024 stays text', async () => {
    for (const locale of ['en-US', 'vi-VN']) {
      const r = await typeRegisterRows(base, path.join(dir, `register-${locale}.xlsx`), { locale });
      timed(`(f) register rows ${locale}`, r.edit);
      const grids = await readWorkbookGrids(r.file);
      const sheet = sheetOf(grids, SHEETS.evidence);
      for (const e of r.entries) {
        expect([e.what, valueAt(sheet, r.columns.codes + e.row)]).toEqual([e.what, e.code || null]);
        expect(valueAt(sheet, r.columns.number + e.row)).toBe(e.number);
        expect(valueAt(sheet, r.columns.summary + e.row)).toBe(e.summary);
        const typedDate = r.edit.report.filter((x) => x.cell === r.columns.date + e.row)[0];
        const saved = valueAt(sheet, r.columns.date + e.row);
        if (typedDate.kind === 'value') {
          const [d, m, y] = e.date.split('/');
          expect([e.what, saved]).toEqual([e.what, `${y}-${m}-${d}T00:00:00.000Z`]);
        } else {
          expect([e.what, typedDate.kind, saved]).toEqual([e.what, 'text', e.date]);
        }
      }
      const impossible = r.entries.filter((e) => e.what === 'impossible-date')[0];
      expect(valueAt(sheet, r.columns.date + impossible.row)).toBe('31/02/2024');
    }
  });

  test('(g) "1.5" and "0,5": en-US reads 1.5, keeps "0,5" as text; vi-VN reads 0,5, keeps "1.5" as text; a score cell refuses the text', async () => {
    const expected: Record<string, Record<string, number | string>> = {
      'vi-VN': { '1.5': '1.5', '0,5': 0.5 },
      'en-US': { '1.5': 1.5, '0,5': '0,5' },
    };
    for (const locale of Object.keys(expected)) {
      const r = await typeDecimals(base, path.join(dir, `decimals-${locale}.xlsx`), { locale });
      timed(`(g) decimals ${locale}`, r.edit);
      const grids = await readWorkbookGrids(r.file);
      const sheet = sheetOf(grids, SHEETS.scoring);
      for (const t of r.typed) {
        const want = expected[locale][t.text];
        const onScore = r.edit.report.filter((x) => x.cell === t.scoreCell)[0];
        expect([locale, t.text, valueAt(sheet, t.noteCell)]).toEqual([locale, t.text, want]);
        if (typeof want === 'number') {
          expect(onScore.refused).toBeUndefined();
          expect(valueAt(sheet, t.scoreCell)).toBe(want);
        } else {
          // The validity rule (Stop) refuses a text: the cell stays as it was, empty.
          expect([locale, t.text, onScore.refused && onScore.refused.reason]).toEqual([locale, t.text, 'validation']);
          expect(valueAt(sheet, t.scoreCell)).toBeNull();
        }
      }
    }
  });

  test('(h) a leaf\'s row deleted: its code is gone and the subtotal formula closes over the gap', async () => {
    const r = await deleteLeafRow(base, path.join(dir, 'deleted-row.xlsx'));
    timed('(h) delete leaf row', r.edit);
    const grids = await readWorkbookGrids(r.file);
    const sheet = sheetOf(grids, SHEETS.scoring);
    const read = readScoring(grids);
    expect(read.missing).toEqual([r.code]);
    expect(rowWithText(sheet, read.columns.code!, r.code)).toBe(0);
    const subtotal = formulaAtCell(sheet, r.subtotalCell)!;
    expect(subtotal).not.toMatch(/#REF!/);
    expect(read.markers.total).toBe(base.scoring.markers.total! - 1);
    expect(cellAt(sheet, read.markers.total!, read.columns.code!)).toBe(ROW_MARKERS.total);
  });
});

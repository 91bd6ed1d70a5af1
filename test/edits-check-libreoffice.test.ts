// One truth (issue #9): a workbook edited in LibreOffice as people edit it — rows inserted inside a
// block or above TỔNG ĐIỂM, numbers typed over Tổng hợp, names sorted apart from their codes, a row
// deleted, decimals typed under the Vietnamese format — never passes `cchc check` with exit 0 while
// the total it prints is not the check's. Each edit is made over UNO (helpers/user-edits.ts), saved by
// LibreOffice, then checked by the CLI in-process, as a district officer would run it.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FileReport } from '../src/core/check/report';
import { SHEETS } from '../src/core/model/layout';
import { SUMMARY_HEADER_ROW } from '../src/core/sheets/summary';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { describeIfEngine } from './engines';
import { cchc } from './helpers/cli';
import { closeEditorAfterAll, editInLibreOffice } from './helpers/uno';
import {
  Built, Edited, RegisterEntry, buildBase, cellOf, deleteLeafRow, fillEveryLeaf, insertRowAboveTotal, insertRowInCriterion, insertRowInDomain,
  insertSummaryRow, sortNamesAwayFromCodes, summaryCells, typeDecimals, typeOverSummary, typeRegisterRows, valueAt,
} from './helpers/user-edits';

interface Checked {
  code: number;
  report: FileReport;
  /** What the signed Tổng hợp shows as TỔNG ĐIỂM (tự chấm), read from the saved file. */
  printed: unknown;
}

async function check(dir: string, base: Built, edited: Edited): Promise<Checked> {
  const ran = await cchc(dir, 'check', edited.file, '--json');
  const report = (JSON.parse(ran.out) as { files: FileReport[] }).files[0];
  const grids = await readWorkbookGrids(edited.file);
  const summary = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  return { code: ran.code, report, printed: valueAt(summary, summaryCells(base).total) };
}

/** The issues found on Tổng hợp. */
function summaryIssues(report: FileReport) {
  return (report.issues || []).filter((i) => i.sheet === SHEETS.summary);
}

function errorRules(report: FileReport): string[] {
  return Array.from(new Set((report.issues || []).filter((i) => i.severity === 'error').map((i) => i.rule))).sort();
}

/** The promise of the issue: exit 0 only when the printed total is the check's. */
function holdsTheTruth(c: Checked): void {
  if (c.printed !== c.report.total!.self) expect(c.code).not.toBe(0);
}

describeIfEngine(['soffice', 'uno'], 'cchc check on workbooks edited in LibreOffice', () => {
  closeEditorAfterAll();
  let dir: string;
  let base: Built;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-one-truth-'));
    base = await buildBase(dir);
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('every leaf scored: exit 0, and the printed total is the check\'s', async () => {
    const c = await check(dir, base, await fillEveryLeaf(base, path.join(dir, 'filled.xlsx')));
    expect(errorRules(c.report)).toEqual([]);
    expect(c.code).toBe(0);
    expect(c.printed).toBe(c.report.total!.self);
  });

  test('a score on a row inserted inside a criterion: the sheet counts it, the check names its cell and exits 1', async () => {
    const edited = await insertRowInCriterion(base, path.join(dir, 'inserted.xlsx'));
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    // One cause, reported where it is: the stretched sum and the row; what depends on them is not repeated.
    expect(errorRules(c.report)).toEqual(['formula-altered', 'unknown-row']);
    const unknown = (c.report.issues || []).filter((i) => i.rule === 'unknown-row' && i.severity === 'error').map((i) => i.cell);
    expect(unknown).toEqual(expect.arrayContaining([edited.scoreCell, edited.maxCell]));
    expect((c.report.issues || []).filter((i) => i.rule === 'formula-altered' && i.cell === edited.subtotalCell).map((i) => i.severity)).toEqual(['error']);
  });

  test('a score on a row inserted between two criteria of a domain: the domain\'s sum counts it, the check names both cells and exits 1', async () => {
    const edited = await insertRowInDomain(base, path.join(dir, 'inserted-domain.xlsx'));
    const c = await check(dir, base, edited);
    // The scenario is the one the issue describes: the signed total took in the extra line.
    const scored = Object.keys(edited.criterionScores).reduce((s, k) => s + edited.criterionScores[k], 0);
    expect(c.report.total!.self).toBeCloseTo(scored, 9);
    expect(c.printed).toBeCloseTo(scored + edited.typedScore, 9);
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    expect(errorRules(c.report)).toEqual(['formula-altered', 'unknown-row']);
    const unknown = (c.report.issues || []).filter((i) => i.rule === 'unknown-row' && i.severity === 'error');
    expect(unknown.map((i) => i.cell)).toEqual(expect.arrayContaining([edited.scoreCell, edited.maxCell]));
    expect(unknown.filter((i) => i.cell === edited.scoreCell)[0].message).toContain('tổng trên trang tính đã cộng số này');
    // The domain's stretched SUM is reported at the domain's cell, naming the inserted row.
    const stretched = (c.report.issues || []).filter((i) => i.rule === 'formula-altered');
    expect(stretched.map((i) => [i.cell, i.severity])).toEqual([[edited.subtotalCell, 'error']]);
    expect(stretched[0].message).toContain(`cộng cả dòng ${edited.row}`);
  });

  test('a score on a row inserted just above TỔNG ĐIỂM: counted by nobody, said so, exit 1', async () => {
    const edited = await insertRowAboveTotal(base, path.join(dir, 'above-total.xlsx'));
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    const issue = (c.report.issues || []).filter((i) => i.rule === 'unknown-row' && i.cell === edited.scoreCell)[0];
    expect(issue.message).toContain('không ô tổng nào cộng số này');
  });

  test('numbers typed over Tổng hợp\'s total, index and a domain: each reported once at its cell, exit 1', async () => {
    const edited = await typeOverSummary(base, path.join(dir, 'typed-over.xlsx'));
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
    expect(c.printed).toBe(edited.typed.total);
    expect(c.code).toBe(1);
    const typed = [edited.cells.total, edited.cells.index, edited.cells.domain];
    for (const cell of typed) {
      const rules = (c.report.issues || []).filter((i) => i.sheet === SHEETS.summary && i.cell === cell).map((i) => i.rule).sort();
      // One issue a cell: what it shows, what is right, and that a value was typed over its formula.
      expect({ cell, rules }).toEqual({ cell, rules: ['shown-differs'] });
    }
    // The rates computed from the typed cells are explained by them, not reported again.
    expect((c.report.issues || []).filter((i) => i.rule === 'shown-differs').map((i) => i.cell).sort()).toEqual(typed.slice().sort());
  });

  test.each(['equal-max', 'different-max'] as const)('names sorted apart from their codes (%s): one message naming the rows, no "maximum altered"', async (variant) => {
    const edited = await sortNamesAwayFromCodes(base, path.join(dir, `sorted-${variant}.xlsx`), variant);
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    const apart = (c.report.issues || []).filter((i) => i.rule === 'rows-out-of-line');
    expect(apart.length).toBe(1);
    expect(edited.rows.filter((row) => apart[0].message.indexOf(String(row)) >= 0).length).toBeGreaterThanOrEqual(2);
    expect(errorRules(c.report)).not.toContain('max-altered');
  });

  test.each(['en-US', 'vi-VN'])('rows typed on Minh chứng (%s) that the tool cannot use: a warning each, naming its row and why', async (locale) => {
    const edited = await typeRegisterRows(base, path.join(dir, `register-${locale}.xlsx`), { locale });
    const c = await check(dir, base, edited);
    const why: Record<RegisterEntry['what'], (e: RegisterEntry) => string> = {
      'unknown-code': (e) => `ghi mã "${e.code}", không có trong bộ tiêu chí`,
      'parent-code': (e) => `ghi mã ${e.code}, là tiêu chí có tiêu chí thành phần`,
      'malformed-code': () => 'ghi mã "1,4,2": dấu phẩy tách các mã, nên đây là các mã 1; 4; 2, không phải 1.4.2. Hãy gõ 1.4.2',
      'no-code': (e) => `chưa ghi mã tiêu chí, nên tài liệu "${e.number}" chưa được tính cho tiêu chí nào`,
      'impossible-date': (e) => `có ngày ban hành "${e.date}" không có thật`,
    };
    const warnings = (c.report.issues || []).filter((i) => i.rule === 'register-row');
    expect(warnings.map((w) => [w.severity, w.sheet])).toEqual(edited.entries.map(() => ['warning', SHEETS.evidence]));
    for (const e of edited.entries) {
      const at = warnings.filter((w) => w.message.indexOf(`Dòng ${e.row} của trang Minh chứng`) === 0);
      expect([e.what, at.length]).toEqual([e.what, 1]);
      expect(at[0].message).toContain(why[e.what](e));
    }
  });

  test('a line added to the report above Tổng hợp\'s table, or at its top: no false alarm, the table is still compared', async () => {
    const header = SUMMARY_HEADER_ROW + 1; // 1-based
    for (const [before, name] of [[header, 'above-table'], [2, 'top']] as const) {
      const c = await check(dir, base, await insertSummaryRow(base, path.join(dir, `summary-line-${name}.xlsx`), before, 'Một dòng thêm vào báo cáo'));
      expect({ before, summary: summaryIssues(c.report) }).toEqual({ before, summary: [] });
      holdsTheTruth(c);
    }
  });

  test('a row inserted inside Tổng hợp\'s table: one warning naming the row that moved, no cascade of formula errors', async () => {
    const second = summaryCells(base).domain.replace(/^[A-Z]+/, '');
    const domainRow = Number(second) + 1; // 1-based row of the second domain
    const c = await check(dir, base, await insertSummaryRow(base, path.join(dir, 'summary-row-in-table.xlsx'), domainRow, 'Ghi chú'));
    const issues = summaryIssues(c.report);
    expect(issues.map((i) => [i.rule, i.severity, i.cell])).toEqual([['summary-outdated', 'warning', `B${domainRow + 1}`]]);
    expect(issues[0].message).toContain(`nay ở dòng ${domainRow + 1}, đúng ra ở dòng ${domainRow}`);
    holdsTheTruth(c);
  });

  test('a leaf\'s row deleted: reported missing, exit 1', async () => {
    const edited = await deleteLeafRow(base, path.join(dir, 'deleted.xlsx'));
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    expect((c.report.issues || []).filter((i) => i.rule === 'structure').map((i) => i.code)).toContain(edited.code);
  });

  test('"1.5" typed under the Vietnamese format is refused by the cell\'s validity rule, as on a person\'s screen', async () => {
    const edited = await typeDecimals(base, path.join(dir, 'decimals-vi.xlsx'), { locale: 'vi-VN' });
    expect(edited.edit.report[0].refused).toMatchObject({ reason: 'validation' });
    const c = await check(dir, base, edited);
    holdsTheTruth(c);
  });

  test.each([
    { locale: 'vi-VN', pasted: '1.5', says: '"1.5" là chữ, không phải số: máy đang dùng dấu phẩy thập phân (định dạng Việt Nam), hãy gõ 1,5.' },
    { locale: 'en-US', pasted: '0,5', says: '"0,5" là chữ, không phải số: máy đang dùng dấu chấm thập phân, hãy gõ 0.5' },
  ])('"$pasted" pasted as text ($locale), which validation cannot stop: the check says what to type, exit 1', async ({ locale, pasted, says }) => {
    const code = base.scoring.criteria.nodes.filter((f) => f.leaf && f.node.max >= 1.5)[0].code;
    const cell = cellOf(base, code, 'self');
    const out = path.join(dir, `pasted-${locale}.xlsx`);
    await editInLibreOffice(base.file, out, [{ op: 'setString', sheet: SHEETS.scoring, cell, text: pasted }], { locale });
    const c = await check(dir, base, { file: out, ops: [], edit: { report: [], ms: { load: 0, ops: 0, save: 0 } } });
    holdsTheTruth(c);
    expect(c.code).toBe(1);
    const issue = (c.report.issues || []).filter((i) => i.cell === cell && i.rule === 'not-a-number')[0];
    expect(issue.message).toContain(says);
  });
});

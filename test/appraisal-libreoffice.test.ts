// LibreOffice recalculates a workbook with the appraisal column, KAD leaves and bonus / deduction rows,
// scored as a clerk and an appraiser type: every formula must land where `cchc check` puts it.
// The appraisal column is added the way a district does it, with `cchc appraisal add`.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { checkWorkbook } from '../src/core/check/check';
import { CriteriaSet, flattenSet } from '../src/core/model/criteria';
import { CellValue, SheetGrid, WorkbookGrids, a1, cellAt } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { fromHundredths, indexPercent, toHundredths } from '../src/core/model/points';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { itIfEngine } from './engines';
import { cchc } from './helpers/cli';
import { withExtras } from './helpers/communes';
import { ScoreEntry, fillScores, recalculate } from './libreoffice';
import { FileReport } from '../src/core/check/report';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-appraisal-lo-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type Scores = Record<string, ScoreEntry>;

/** Every leaf on one of its levels, a few KAD (one with spaces around it), and the extras. */
function scores(set: CriteriaSet, stride: number, kad: string[], extras: Scores): Scores {
  const out: Scores = {};
  flattenSet(set).filter((f) => f.leaf).forEach((f, i) => {
    const levels = f.node.levels || [0, f.node.max];
    out[f.code] = levels[(i * stride) % levels.length];
  });
  kad.forEach((code, i) => (out[code] = i === 0 ? ' KAD ' : 'kad'));
  return { ...out, ...extras };
}

/** Mismatches between a recalculated cell and the value check reports, as readable lines. */
class Agreement {
  readonly mismatches: string[] = [];
  constructor(private readonly sheet: SheetGrid) {}
  cell(row: number | undefined, col: number | undefined, want: CellValue | undefined, what: string): void {
    if (row === undefined || col === undefined) {
      this.mismatches.push(`${what}: no such cell`);
      return;
    }
    const got = cellAt(this.sheet, row, col);
    const same = typeof got === 'number' && typeof want === 'number' ? Math.abs(got - want) < 1e-9 : got === (want === undefined ? null : want);
    if (!same) this.mismatches.push(`${this.sheet.name}!${a1(row, col)} ${what}: LibreOffice ${JSON.stringify(got)}, check ${JSON.stringify(want)}`);
  }
}

function scoringAgreement(grids: WorkbookGrids, report: FileReport): string[] {
  const read = readScoring(grids);
  const ok = new Agreement(read.sheet);
  const total = report.total!;
  for (const column of ['self', 'appraisal'] as const) {
    const col = read.columns[column];
    for (const node of report.nodes!) if (!node.leaf) ok.cell(read.rowOf[node.code], col, node[column], `${column} subtotal of ${node.code}`);
    ok.cell(read.markers.bonus, col, total.bonus![column], `${column} bonus`);
    ok.cell(read.markers.deduction, col, total.deduction![column], `${column} deduction`);
    ok.cell(read.markers.total, col, total[column], `${column} total`);
    ok.cell(read.markers.applicableMax, col, column === 'self' ? total.applicableMax : total.appraisalApplicableMax, `${column} applicable maximum`);
    ok.cell(read.markers.index, col, column === 'self' ? total.index : total.appraisalIndex, `${column} index`);
    ok.cell(read.markers.band, col, column === 'self' ? total.band : total.appraisalBand, `${column} classification`);
  }
  return ok.mismatches;
}

/** Tổng hợp: each domain's points, difference and rate, the extras, the totals, the index and the class. */
function summaryAgreement(grids: WorkbookGrids, report: FileReport, set: CriteriaSet, appraisal: Scores): string[] {
  const sheet = grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
  const ok = new Agreement(sheet);
  const header = sheet.values.findIndex((r) => r.indexOf('Điểm thẩm định') >= 0);
  const col = (text: string) => sheet.values[header].findIndex((v) => typeof v === 'string' && v.indexOf(text) === 0);
  const c = { self: col('Điểm tự chấm'), appraisal: col('Điểm thẩm định'), diff: col('Chênh lệch'), rate: col('Tỷ lệ đạt') };
  const rowOf = (label: string) => sheet.values.findIndex((r) => r[1] === label);
  const node = (code: string) => report.nodes!.filter((n) => n.code === code)[0];
  const kad = (code: string) => typeof appraisal[code] === 'string' && String(appraisal[code]).trim().toUpperCase() === 'KAD';
  const flat = flattenSet(set);
  set.nodes.forEach((domain, i) => {
    const row = header + 1 + i;
    const n = node(domain.code);
    ok.cell(row, c.self, n.self, `self of domain ${domain.code}`);
    ok.cell(row, c.appraisal, n.appraisal, `appraisal of domain ${domain.code}`);
    ok.cell(row, c.diff, fromHundredths(toHundredths(n.appraisal!) - toHundredths(n.self!)), `difference of domain ${domain.code}`);
    // The rate follows the appraisal once it exists: points over the domain's applicable maximum.
    const applicable = fromHundredths(toHundredths(domain.max) - flat.filter((f) => f.leaf && f.domainCode === domain.code && kad(f.code)).reduce((s, f) => s + toHundredths(f.node.max), 0));
    ok.cell(row, c.rate, indexPercent(n.appraisal!, applicable), `rate of domain ${domain.code}`);
  });
  const total = report.total!;
  ok.cell(rowOf('Điểm thưởng'), c.appraisal, total.bonus!.appraisal, 'appraisal bonus');
  ok.cell(rowOf('Điểm trừ'), c.self, total.deduction!.self, 'self deduction');
  ok.cell(rowOf('TỔNG ĐIỂM'), c.self, total.self, 'self total');
  ok.cell(rowOf('TỔNG ĐIỂM'), c.appraisal, total.appraisal, 'appraisal total');
  ok.cell(rowOf('TỔNG ĐIỂM'), c.rate, total.appraisalIndex, 'total rate');
  ok.cell(rowOf('Điểm tối đa các tiêu chí áp dụng'), c.appraisal, total.appraisalApplicableMax, 'appraisal applicable maximum');
  ok.cell(rowOf('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)'), c.self, total.index, 'self index');
  ok.cell(rowOf('CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)'), c.appraisal, total.appraisalIndex, 'appraisal index');
  ok.cell(rowOf('Xếp loại'), c.appraisal, total.appraisalBand, 'appraisal classification');
  return ok.mismatches;
}

itIfEngine('soffice', 'self scores, then `cchc appraisal add`, then the appraisal: LibreOffice agrees with check on every formula', async () => {
  const set = withExtras(defaultSet());
  const self = scores(set, 3, ['1.3.1', '3.1.2'], { T1: 1, T2: 0.25, D1: 0.5 });
  const appraisal = scores(set, 5, ['1.3.1', '2.3', '4.1.1'], { T1: 0.5, D1: 2 });
  const selfFile = path.join(dir, 'tu-cham.xlsx');
  await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 }), selfFile);
  await fillScores(selfFile, self, 'self');
  const added = await cchc(dir, 'appraisal', 'add', 'tu-cham.xlsx', '--out', 'tham-dinh.xlsx');
  expect(added.code).toBe(0);
  const appraisedFile = path.join(dir, 'tham-dinh.xlsx');
  await fillScores(appraisedFile, appraisal, 'appraisal');

  const grids = await readWorkbookGrids(await recalculate(appraisedFile));
  const report = checkWorkbook(grids);
  expect(report.error).toBeNull();
  // The self column came through the rebuild untouched.
  const selfReport = checkWorkbook(await readWorkbookGrids(selfFile));
  expect(report.nodes!.map((n) => [n.code, n.self])).toEqual(selfReport.nodes!.map((n) => [n.code, n.self]));
  expect(report.total!.self).toBe(selfReport.total!.self);
  // A KAD leaf only leaves the maximum of the column it is typed in.
  expect(report.total!.applicableMax).not.toBe(report.total!.appraisalApplicableMax);
  expect(scoringAgreement(grids, report).concat(summaryAgreement(grids, report, set, appraisal))).toEqual([]);
});

itIfEngine('soffice', 'a deduction larger than the points leaves TỔNG ĐIỂM at 0 in the spreadsheet as in check', async () => {
  const set = withExtras(defaultSet());
  const file = path.join(dir, 'am.xlsx');
  await writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Tân Linh', year: 2024, appraisal: true }), file);
  await fillScores(file, { '1.1.1': 0.5, D1: 2 }, 'self');
  await fillScores(file, { '1.1.1': 1, T1: 1, D1: 1.5 }, 'appraisal');
  const grids = await readWorkbookGrids(await recalculate(file));
  const report = checkWorkbook(grids);
  expect([report.total!.self, report.total!.appraisal]).toEqual([0, 0.5]);
  expect(scoringAgreement(grids, report)).toEqual([]);
});

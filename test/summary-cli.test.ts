// `cchc summary` on a folder of generated commune workbooks with known scores: full marks, ties,
// không áp dụng, an erroneous workbook, one on another criteria set, one that is not a workbook at all.
// The JSON of DESIGN.md §3.3, the written workbook, its chart, and LibreOffice's recalculation of it.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultSet } from '../src/core/model/bundled';
import { leavesOf } from '../src/core/model/criteria';
import { cellAt, formulaAt } from '../src/core/model/grid';
import { fromHundredths, toHundredths } from '../src/core/model/points';
import { Io } from '../src/cli/io';
import { run } from '../src/cli/main';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { itIfEngine } from './engines';
import { cchc, fingerprint } from './helpers/cli';
import { Scores, extrasSet, fullScores, withBands, writeCommune } from './helpers/communes';
import { recalculate } from './libreoffice';
import { SUMMARY_SHEETS } from '../src/core/features/district-workbook';

// The bundled set has no bands: the test declares the usual four, so the ranking shows them.
const set = withBands(defaultSet());
const leaves = leavesOf(set);

/** Full marks but for the leaves zeroed and those marked KAD: the index follows by hand. */
function card(zero: string[], kad: string[] = []): Scores {
  const scores = fullScores(set);
  for (const code of zero) scores[code] = 0;
  for (const code of kad) scores[code] = 'KAD';
  return scores;
}

function maxOf(codes: string[]): number {
  return codes.reduce((s, c) => s + toHundredths(leaves.filter((l) => l.code === c)[0].node.max), 0);
}

interface Known {
  file: string;
  unit: string;
  zero: string[];
  kad: string[];
}

/** Index by hand: (100 − zeroed − KAD) / (100 − KAD) × 100, rounded to hundredths. */
function indexOf(k: Known): number {
  const applicable = 10000 - maxOf(k.kad);
  return Math.round(((applicable - maxOf(k.zero)) * 10000) / applicable) / 100;
}

// 1.1.1 and 1.2 both have a maximum of 1: zeroing either gives the same index (a tie).
const KNOWN: Known[] = [
  { file: 'an-khanh.xlsx', unit: 'Xã An Khánh', zero: [], kad: [] },
  { file: 'binh-son.xlsx', unit: 'Xã Bình Sơn', zero: ['1.1.1'], kad: [] },
  { file: 'cu-van.xlsx', unit: 'Xã Cù Vân', zero: ['1.2'], kad: [] },
  { file: 'dan-tien.xlsx', unit: 'Xã Dân Tiến', zero: [], kad: ['1.3.1', '1.3.2'] },
  { file: 'dai-tu.xlsx', unit: 'Thị trấn Đại Từ', zero: ['1.1.2', '2.1.1'], kad: ['1.2'] },
  { file: 'hoa-binh.xlsx', unit: 'Xã Hòa Bình', zero: leaves.slice(0, 10).map((l) => l.code), kad: [] },
  { file: 'la-bang.xlsx', unit: 'Xã La Bằng', zero: leaves.slice(20, 45).map((l) => l.code), kad: leaves.slice(80, 83).map((l) => l.code) },
  { file: 'my-yen.xlsx', unit: 'Xã Mỹ Yên', zero: leaves.slice(0, 30).map((l) => l.code), kad: [] },
];

let dir: string;
const inputs: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-summary-'));
  for (const k of KNOWN) inputs.push(await writeCommune(dir, { file: k.file, unit: k.unit, set, self: card(k.zero, k.kad) }));
  inputs.push(await writeCommune(dir, { file: 'phu-xuyen.xlsx', unit: 'Xã Phú Xuyên', set, self: { ...card([]), '1.1.1': 1.5 } }));
  inputs.push(await writeCommune(dir, { file: 'quan-chu.xlsx', unit: 'Xã Quân Chu', set: extrasSet(), self: { '1.1.1': 1 } }));
  fs.writeFileSync(path.join(dir, 'hong.xlsx'), 'đây không phải tệp Excel');
  inputs.push(path.join(dir, 'hong.xlsx'));
  const other = new ExcelJS.Workbook();
  other.addWorksheet('Danh sách').getCell('A1').value = 'Danh sách cán bộ';
  await other.xlsx.writeFile(path.join(dir, 'danh-sach.xlsx'));
  inputs.push(path.join(dir, 'danh-sach.xlsx'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const names = () => inputs.map((f) => path.basename(f));

/** The ranking by hand: sorted by index, then by name; ties share a rank and the next skips. */
function expectedRanking(): Array<[number, string, number]> {
  const sorted = KNOWN.map((k) => ({ unit: k.unit, index: indexOf(k) }))
    .sort((a, b) => b.index - a.index || a.unit.localeCompare(b.unit, 'vi'));
  return sorted.map((u) => [sorted.findIndex((v) => v.index === u.index) + 1, u.unit, u.index]);
}

describe('cchc summary --json', () => {
  test('units ranked by hand-computed index with shared ranks; the rest listed apart; exit 0', async () => {
    const ran = await cchc(dir, 'summary', ...names(), '--json');
    expect(ran.code).toBe(0);
    expect(ran.err).toBe('');
    const summary = JSON.parse(ran.out);
    expect(summary.by).toBe('self');
    expect(summary.criteriaSet.id).toBe('thai-nguyen-xa-2024');
    expect(summary.units.map((u: { rank: number; unit: string; index: number }) => [u.rank, u.unit, u.index])).toEqual(expectedRanking());
    // Two ties: full marks (with and without KAD) at 1, and the two communes that lost one point at 3.
    expect(summary.units.map((u: { rank: number }) => u.rank).slice(0, 4)).toEqual([1, 1, 3, 3]);
    const first = summary.units[0];
    expect(Object.keys(first)).toEqual(['file', 'unit', 'year', 'rank', 'total', 'applicableMax', 'index', 'domains', 'band']);
    expect(first).toMatchObject({ file: 'an-khanh.xlsx', year: 2024, total: 100, applicableMax: 100, index: 100, band: 'Tốt' });
    expect(Object.keys(first.domains)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    const daiTu = summary.units.filter((u: { unit: string }) => u.unit === 'Thị trấn Đại Từ')[0];
    expect(daiTu.applicableMax).toBe(fromHundredths(10000 - maxOf(['1.2'])));
    expect(summary.excluded.map((e: { file: string }) => e.file)).toEqual(['phu-xuyen.xlsx', 'quan-chu.xlsx', 'hong.xlsx', 'danh-sach.xlsx']);
    expect(summary.excluded[0].reason).toContain('vượt điểm tối đa');
    expect(summary.excluded[1].reason).toContain('bộ tiêu chí khác');
    expect(summary.excluded[2].unit).toBeNull();
    expect(summary.excluded[3].reason).toContain('không phải bảng chấm điểm');
  });

  test('exit 2 when no workbook can be used, and nothing is written', async () => {
    const ran = await cchc(dir, 'summary', 'hong.xlsx', 'danh-sach.xlsx', 'phu-xuyen.xlsx', '--out', 'khong-co.xlsx', '--json');
    expect(ran.code).toBe(2);
    expect(JSON.parse(ran.out).units).toEqual([]);
    expect(ran.err).toContain('Không có bảng chấm điểm nào dùng được');
    expect(fs.existsSync(path.join(dir, 'khong-co.xlsx'))).toBe(false);
  });

  test('wrong --by: exit 2 with the allowed values', async () => {
    const ran = await cchc(dir, 'summary', 'an-khanh.xlsx', '--by', 'tong', '--lang', 'en');
    expect(ran.code).toBe(2);
    expect(ran.err).toContain('--by must be self or appraisal');
  });
});

/** The row of the ranking table's header (under the district's heading and title). */
function headerRow(sheet: { values: unknown[][] }): number {
  return sheet.values.findIndex((r) => r[0] === 'Hạng');
}

describe('cchc summary --out', () => {
  let out: string;
  beforeAll(async () => {
    const before = inputs.map(fingerprint);
    const ran = await cchc(dir, 'summary', ...names(), '--out', 'tong-hop.xlsx');
    expect(ran.code).toBe(0);
    expect(ran.out).toContain('Đã ghi tong-hop.xlsx');
    expect(inputs.map(fingerprint)).toEqual(before);
    out = path.join(dir, 'tong-hop.xlsx');
  });

  test('the text output: the ranking table, the average and the communes set apart', async () => {
    const ran = await cchc(dir, 'summary', ...names());
    const lines = ran.out.split('\n');
    expect(lines[0]).toBe('Tổng hợp Chỉ số CCHC theo điểm tự chấm — bộ tiêu chí thai-nguyen-xa-2024, năm 2024');
    expect(lines[2]).toMatch(/^ {3}1 {2}Xã An Khánh +100 +100 {2}Tốt$/);
    expect(ran.out).toContain('Chưa xếp hạng (4):');
    expect(ran.out).toContain('  ✗ hong.xlsx: ');
  });

  /** The row of each unit on the ranking sheet, by name. */
  const rowsByUnit = (sheet: { values: unknown[][] }) => {
    const out: Record<string, number> = {};
    sheet.values.forEach((r, i) => {
      if (typeof r[1] === 'string') out[r[1]] = i;
    });
    return out;
  };

  test('the workbook: xã and the thị trấn ranked apart, a row per commune with RANK and index formulas, the averages, the excluded sheet', async () => {
    const grids = await readWorkbookGrids(out);
    const ranking = grids.sheets.filter((s) => s.name === SUMMARY_SHEETS.ranking)[0];
    const first = headerRow(ranking) + 1;
    const xa = KNOWN.filter((k) => k.unit.indexOf('Xã') === 0).length;
    // XÃ (7 đơn vị), its communes by rank, then THỊ TRẤN (1 đơn vị) and Đại Từ, ranked among its own kind.
    expect(cellAt(ranking, first, 0)).toBe(`XÃ (${xa} đơn vị)`);
    expect(formulaAt(ranking, first + 1, 0)).toBe(`RANK(M${first + 2},$M$${first + 2}:$M$${first + 1 + xa})`);
    expect(KNOWN.filter((k) => k.unit.indexOf('Xã') === 0).map((_, i) => cellAt(ranking, first + 1 + i, 1)))
      .toEqual(expectedRanking().map((r) => r[1]).filter((u) => String(u).indexOf('Xã') === 0));
    expect(cellAt(ranking, first + 1 + xa, 0)).toBe('THỊ TRẤN (1 đơn vị)');
    expect(cellAt(ranking, first + 2 + xa, 1)).toBe('Thị trấn Đại Từ');
    expect(formulaAt(ranking, first + 2 + xa, 0)).toBe(`RANK(M${first + 3 + xa},$M$${first + 3 + xa}:$M$${first + 3 + xa})`);
    const average = first + 3 + xa;
    expect(formulaAt(ranking, average, 12)).toBe(`ROUND(AVERAGE(M${first + 1}:M${average}),2)`);
    const excluded = grids.sheets.filter((s) => s.name === SUMMARY_SHEETS.excluded)[0];
    expect([4, 5, 6, 7].map((r) => cellAt(excluded, r, 2))).toEqual(['phu-xuyen.xlsx', 'quan-chu.xlsx', 'hong.xlsx', 'danh-sach.xlsx']);
  });

  test('the chart: a bar chart of the index by commune on a 0–100 axis, anchored on the ranking sheet', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:barChart><c:barDir val="bar"/>');
    const first = headerRow((await readWorkbookGrids(out)).sheets.filter((s) => s.name === SUMMARY_SHEETS.ranking)[0]) + 1;
    expect(chart).toContain(`<c:f>&apos;Xếp hạng&apos;!$M$${first + 1}:$M$${first + 2 + KNOWN.length}</c:f>`);
    expect(chart).toContain('<c:max val="100"/>');
    expect(chart).toContain('<c:v>Xã An Khánh</c:v>');
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toMatch(/<drawing r:id="rId\d+"\/>/);
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('/xl/charts/chart1.xml');
  });

  itIfEngine('soffice', 'LibreOffice opens it, keeps the chart, and its recalculation gives the same ranks (within each kind of unit), indexes and averages', async () => {
    const json = JSON.parse((await cchc(dir, 'summary', ...names(), '--json')).out);
    const recalculated = await recalculate(out);
    const zip = await JSZip.loadAsync(fs.readFileSync(recalculated));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBe(1);
    const ranking = (await readWorkbookGrids(recalculated)).sheets.filter((s) => s.name === SUMMARY_SHEETS.ranking)[0];
    const at = rowsByUnit(ranking);
    type U = { rank: number; unit: string; total: number; index: number; band: string };
    const kind = (u: string) => u.split(' ')[0] === 'Xã' ? 'xa' : 'other';
    const rankWithin = (u: U) => 1 + json.units.filter((o: U) => kind(o.unit) === kind(u.unit) && o.index > u.index).length;
    expect(json.units.map((u: U) => [cellAt(ranking, at[u.unit], 0), cellAt(ranking, at[u.unit], 10), cellAt(ranking, at[u.unit], 12), cellAt(ranking, at[u.unit], 13)]))
      .toEqual(json.units.map((u: U) => [rankWithin(u), u.total, u.index, u.band]));
    const average = at[`Trung bình (${json.units.length} đơn vị)`];
    expect([cellAt(ranking, average, 2), cellAt(ranking, average, 10), cellAt(ranking, average, 12)])
      .toEqual([json.averages.domains['1'], json.averages.total, json.averages.index]);
  });

  test('run again over *.xlsx, the earlier summary among the inputs is skipped and replaced', async () => {
    const ran = await cchc(dir, 'summary', ...names(), 'tong-hop.xlsx', '--out', 'tong-hop.xlsx', '--json');
    expect(ran.code).toBe(0);
    expect(ran.err).toContain('Bỏ qua tong-hop.xlsx');
    expect(JSON.parse(ran.out).excluded.map((e: { file: string }) => e.file)).not.toContain('tong-hop.xlsx');
  });

  test("never writes over a commune's workbook", async () => {
    const target = path.join(dir, 'an-khanh.xlsx');
    const before = fingerprint(target);
    const ran = await cchc(dir, 'summary', 'binh-son.xlsx', '--out', 'an-khanh.xlsx');
    expect(ran.code).toBe(2);
    expect(ran.err).toContain('là một bảng chấm điểm');
    expect(fingerprint(target)).toBe(before);
  });
});

describe('progress', () => {
  async function runWith(isTTY: boolean): Promise<string> {
    let err = '';
    const io: Io = { out: () => undefined, err: (s) => { err += s; }, isTTY, cwd: dir };
    expect(await run(['summary', ...names().slice(0, 3)], io)).toBe(0);
    return err;
  }

  test('a progress bar on a terminal, redrawn in place on standard error', async () => {
    const err = await runWith(true);
    expect(err).toContain('\r[');
    expect(err).toContain('] 3/3');
    expect(err).toContain('Đang đọc binh-son.xlsx');
  });

  test('none when standard error is not a terminal', async () => {
    expect(await runWith(false)).toBe('');
  });
});

describe('by appraisal', () => {
  test('ranks the appraisal scores; workbooks without them are listed apart', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'tham-dinh-'));
    await writeCommune(sub, { file: 'a.xlsx', unit: 'Xã An Khánh', set, self: card([]), appraisal: card(['1.1.1']) });
    await writeCommune(sub, { file: 'b.xlsx', unit: 'Xã Bình Sơn', set, self: card(['1.1.1']), appraisal: card([]) });
    await writeCommune(sub, { file: 'c.xlsx', unit: 'Xã Cù Vân', set, self: card([]) });
    const ran = await cchc(sub, 'summary', 'a.xlsx', 'b.xlsx', 'c.xlsx', '--by', 'appraisal', '--json');
    const summary = JSON.parse(ran.out);
    expect(summary.units.map((u: { unit: string; index: number }) => [u.unit, u.index])).toEqual([['Xã Bình Sơn', 100], ['Xã An Khánh', 99]]);
    expect(summary.excluded.map((e: { file: string }) => e.file)).toEqual(['c.xlsx']);
  });

  test('a commune appraised on 3 of 89 items is set apart with its reason; --allow-incomplete ranks it, and its row says so', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'chua-du-'));
    const three: Scores = {};
    for (const leaf of leaves.slice(0, 3)) three[leaf.code] = leaf.node.max;
    await writeCommune(sub, { file: 'a.xlsx', unit: 'Xã An Khánh', set, self: card([]), appraisal: card(['1.1.1']) });
    await writeCommune(sub, { file: 'b.xlsx', unit: 'Xã Bình Sơn', set, self: card([]), appraisal: three });
    const blanks = `${leaves.length - 3}/${leaves.length} mục trống`;

    const strict = JSON.parse((await cchc(sub, 'summary', 'a.xlsx', 'b.xlsx', '--by', 'appraisal', '--json')).out);
    expect(strict.units.map((u: { unit: string }) => u.unit)).toEqual(['Xã An Khánh']);
    expect(strict.excluded.map((e: { file: string; reasonId: string }) => [e.file, e.reasonId])).toEqual([['b.xlsx', 'appraisal-incomplete']]);
    expect(strict.excluded[0].reason).toContain(`Chưa thẩm định đủ: ${blanks}.`);

    const ran = await cchc(sub, 'summary', 'a.xlsx', 'b.xlsx', '--by', 'appraisal', '--allow-incomplete', '--out', 'tong-hop.xlsx');
    expect(ran.code).toBe(0);
    const note = `Chưa thẩm định đủ (${blanks}, tính 0 điểm).`;
    expect(ran.out).toContain(`! ${note}`);
    const ranking = (await readWorkbookGrids(path.join(sub, 'tong-hop.xlsx'))).sheets.filter((s) => s.name === SUMMARY_SHEETS.ranking)[0];
    // The header row stands under the district's heading, Số line and title: found by its texts.
    const header = ranking.values.filter((r) => (r || []).indexOf('Tệp') >= 0)[0];
    const noteCol = header.indexOf('Ghi chú');
    expect(noteCol).toBe(header.indexOf('Tệp') + 1);
    const rowOf = (unit: string) => ranking.values.findIndex((r) => (r || [])[1] === unit);
    expect(cellAt(ranking, rowOf('Xã Bình Sơn'), noteCol)).toBe(note);
    expect(cellAt(ranking, rowOf('Xã An Khánh'), noteCol)).toBeNull();
  });
});

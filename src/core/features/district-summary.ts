// The district summary (DESIGN.md §3.3): checked commune workbooks → one ranked row per commune, the
// averages, the communes set apart with their reason, and the sheet plan of tong-hop.xlsx.
//
// Which communes are ranked: those on the criteria set (same id and same scoring content) and year
// most of the readable workbooks use, with no error, not a second workbook of a commune already
// ranked, and — by appraisal — with the appraisal entered. Everything else is listed in `excluded`.
import { CriteriaSet, flattenSet } from '../model/criteria';
import { Lang, Message, say } from '../model/errors';
import { extraLists } from '../sheets/scoring/extras';
import { a1, columnLetter, foldText } from '../model/grid';
import { BarChartPlan, CellPlan, SheetPlan, WorkbookPlan } from '../model/plan';
import { formatPoints, fromHundredths, toHundredths } from '../model/points';
import { STYLES } from '../sheets/styles';
import { bandFormula } from '../sheets/scoring/totals';
import { FileReport, hasErrors } from '../check/report';

export type SummaryBasis = 'self' | 'appraisal';

/** One workbook as `cchc check` saw it, with the criteria set stored in it (null when unreadable). */
export interface SummaryInput {
  file: string;
  report: FileReport;
  set: CriteriaSet | null;
}

export interface SummaryUnit {
  file: string;
  unit: string;
  year: number;
  rank: number;
  total: number;
  applicableMax: number;
  index: number;
  domains: Record<string, number>;
  /** Present when the set defines them. */
  bonus?: number;
  deduction?: number;
  band?: string | null;
}

export interface ExcludedUnit {
  file: string;
  unit: string | null;
  reason: string;
}

export interface SummaryAverages {
  domains: Record<string, number>;
  total: number;
  index: number;
}

export interface DistrictSummary {
  by: SummaryBasis;
  criteriaSet: { id: string; title: string } | null;
  year: number | null;
  units: SummaryUnit[];
  averages: SummaryAverages | null;
  excluded: ExcludedUnit[];
}

/** What the ranking compares: codes, maxima, levels, extras and bands; titles and methods may differ. */
export function scoringFingerprint(set: CriteriaSet): string {
  const nodes = flattenSet(set).map((f) => [f.code, f.node.max, f.node.levels || null]);
  const extras = extraLists(set).map((g) => [g.kind, g.items.map((i) => [i.code, i.max])]);
  return JSON.stringify([set.id, nodes, extras, set.bands || null]);
}

const REASONS = {
  otherSet: (id: string, wanted: string): Message => ({
    vi: `Dùng bộ tiêu chí khác (${id}), không phải ${wanted}.`,
    en: `Uses another criteria set (${id}), not ${wanted}.`,
  }),
  otherVersion: (id: string): Message => ({
    vi: `Bộ tiêu chí ${id} trong tệp khác với bản các xã khác dùng (điểm tối đa, mức điểm hoặc danh mục tiêu chí khác): tạo lại bảng từ bộ tiêu chí chung.`,
    en: `The criteria set ${id} in this file differs from the one the other communes use (maxima, levels or items): rebuild it from the common set.`,
  }),
  otherYear: (year: number, wanted: number): Message => ({
    vi: `Bảng chấm điểm năm ${year}, không phải năm ${wanted}.`,
    en: `A ${year} workbook, not ${wanted}.`,
  }),
  errors: (n: number, example: string): Message => ({
    vi: `Có ${n} lỗi (ví dụ: ${example}). Sửa rồi tổng hợp lại; xem "cchc check".`,
    en: `Has ${n} error(s) (e.g. ${example}). Fix them and summarize again; see "cchc check".`,
  }),
  noAppraisalColumn: (): Message => ({
    vi: 'Chưa có cột Điểm thẩm định ("cchc appraisal add").',
    en: 'No appraisal column yet ("cchc appraisal add").',
  }),
  notAppraised: (): Message => ({ vi: 'Chưa nhập điểm thẩm định.', en: 'No appraisal score entered yet.' }),
  notScored: (): Message => ({ vi: 'Bảng chưa có điểm tự chấm nào.', en: 'No self score has been entered yet.' }),
  nothingApplies: (): Message => ({ vi: 'Không có tiêu chí nào áp dụng: không tính được chỉ số.', en: 'No item applies: the index cannot be computed.' }),
  duplicate: (file: string): Message => ({
    vi: `Cùng đơn vị với tệp ${file}, đã được xếp hạng.`,
    en: `The same unit as ${file}, which is already ranked.`,
  }),
};

function mostCommon<T>(values: T[], key: (v: T) => string): T | null {
  const counts: Record<string, number> = {};
  let best: T | null = null;
  let bestCount = 0;
  // Ties go to the value seen first, so the outcome follows the order of the files.
  for (const v of values) {
    const k = key(v);
    counts[k] = (counts[k] || 0) + 1;
    if (counts[k] > bestCount) {
      best = v;
      bestCount = counts[k];
    }
  }
  return best;
}

/** True once some appraisal is in: a score, a KAD (which lowers the applicable maximum), a bonus or deduction. */
/** Whether anything was entered in the column: a score, a bonus or deduction, or a KAD. */
function scoresEntered(report: FileReport, by: SummaryBasis): boolean {
  const total = report.total!;
  const applicableMax = by === 'self' ? total.applicableMax : total.appraisalApplicableMax;
  return (report.nodes || []).some((n) => n.leaf && n[by] !== null)
    || (report.extras || []).some((e) => e[by] !== null)
    || (applicableMax !== undefined && applicableMax !== total.max);
}

/** Sorted by index, highest first; equal indexes share a rank and the next rank skips (1, 2, 2, 4). */
export function rankUnits(units: Array<Omit<SummaryUnit, 'rank'>>): SummaryUnit[] {
  const sorted = units.slice().sort((a, b) =>
    toHundredths(b.index) - toHundredths(a.index) || a.unit.localeCompare(b.unit, 'vi') || a.file.localeCompare(b.file));
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || toHundredths(sorted[i - 1].index) !== toHundredths(u.index)) rank = i + 1;
    return { file: u.file, unit: u.unit, year: u.year, rank, ...scoresOf(u) };
  });
}

function scoresOf(u: Omit<SummaryUnit, 'rank'>): Omit<SummaryUnit, 'rank' | 'file' | 'unit' | 'year'> {
  const out: Omit<SummaryUnit, 'rank' | 'file' | 'unit' | 'year'> = { total: u.total, applicableMax: u.applicableMax, index: u.index, domains: u.domains };
  if (u.bonus !== undefined) out.bonus = u.bonus;
  if (u.deduction !== undefined) out.deduction = u.deduction;
  if (u.band !== undefined) out.band = u.band;
  return out;
}

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += toHundredths(v);
  return fromHundredths(Math.round(sum / values.length));
}

export function summarize(inputs: SummaryInput[], by: SummaryBasis, lang: Lang = 'vi'): DistrictSummary {
  const excluded: ExcludedUnit[] = [];
  const exclude = (input: SummaryInput, reason: Message | string) =>
    excluded.push({ file: input.file, unit: input.report.unit || null, reason: typeof reason === 'string' ? reason : say(reason, lang) });

  const readable = inputs.filter((i) => !i.report.error && i.set && i.report.total);
  const reference = mostCommon(readable, (i) => scoringFingerprint(i.set!));
  const fingerprint = reference ? scoringFingerprint(reference.set!) : '';
  const year = mostCommon(readable.filter((i) => scoringFingerprint(i.set!) === fingerprint), (i) => String(i.report.year));
  const wantedYear = year ? year.report.year! : null;

  const ranked: Array<Omit<SummaryUnit, 'rank'>> = [];
  const rankedUnitFile: Record<string, string> = {};
  for (const input of inputs) {
    const { report, set } = input;
    if (report.error || !set || !report.total) {
      exclude(input, report.error || { vi: 'Không đọc được bảng chấm điểm.', en: 'The scoring workbook cannot be read.' });
      continue;
    }
    if (set.id !== reference!.set!.id) {
      exclude(input, REASONS.otherSet(set.id, reference!.set!.id));
      continue;
    }
    if (scoringFingerprint(set) !== fingerprint) {
      exclude(input, REASONS.otherVersion(set.id));
      continue;
    }
    if (report.year !== wantedYear) {
      exclude(input, REASONS.otherYear(report.year!, wantedYear!));
      continue;
    }
    if (hasErrors(report)) {
      const errors = (report.issues || []).filter((i) => i.severity === 'error');
      const first = errors[0];
      exclude(input, REASONS.errors(errors.length, `${first.cell ? first.cell + ' ' : ''}${first.code ? first.code + ' ' : ''}${first.message}`.slice(0, 160)));
      continue;
    }
    const total = report.total;
    if (by === 'appraisal' && total.appraisal === null) {
      exclude(input, REASONS.noAppraisalColumn());
      continue;
    }
    if (!scoresEntered(report, by)) {
      // An empty workbook is not a commune scoring 0: it has not been scored yet.
      exclude(input, by === 'appraisal' ? REASONS.notAppraised() : REASONS.notScored());
      continue;
    }
    const index = by === 'self' ? total.index : total.appraisalIndex;
    if (index === null || index === undefined) {
      exclude(input, REASONS.nothingApplies());
      continue;
    }
    const unitKey = foldText(report.unit || '');
    if (rankedUnitFile[unitKey] !== undefined) {
      exclude(input, REASONS.duplicate(rankedUnitFile[unitKey]));
      continue;
    }
    rankedUnitFile[unitKey] = input.file;
    const domains: Record<string, number> = {};
    for (const n of report.nodes || []) if (n.code.indexOf('.') < 0) domains[n.code] = (by === 'self' ? n.self : n.appraisal) || 0;
    const unit: Omit<SummaryUnit, 'rank'> = {
      file: input.file, unit: report.unit || '', year: report.year!,
      total: (by === 'self' ? total.self : total.appraisal) || 0,
      applicableMax: by === 'self' ? total.applicableMax : total.appraisalApplicableMax!,
      index, domains,
    };
    if (total.bonus) unit.bonus = (by === 'self' ? total.bonus.self : total.bonus.appraisal) || 0;
    if (total.deduction) unit.deduction = (by === 'self' ? total.deduction.self : total.deduction.appraisal) || 0;
    if (set.bands && set.bands.length) unit.band = (by === 'self' ? total.band : total.appraisalBand) || null;
    ranked.push(unit);
  }

  const units = rankUnits(ranked);
  let averages: SummaryAverages | null = null;
  if (units.length) {
    const domainAverages: Record<string, number> = {};
    for (const code of Object.keys(units[0].domains)) domainAverages[code] = mean(units.map((u) => u.domains[code]));
    averages = { domains: domainAverages, total: mean(units.map((u) => u.total)), index: mean(units.map((u) => u.index)) };
  }
  return {
    by,
    criteriaSet: reference ? { id: reference.set!.id, title: reference.set!.title } : null,
    year: wantedYear,
    units,
    averages,
    excluded,
  };
}

/** The criteria set the summary ranks by (the reference one), for the workbook's headers and bands. */
export function summarySet(inputs: SummaryInput[], summary: DistrictSummary): CriteriaSet | null {
  const ranked = summary.units[0];
  const input = ranked ? inputs.filter((i) => i.file === ranked.file)[0] : null;
  return input ? input.set : null;
}

// ---------------------------------------------------------------------------------------------
// The workbook: Xếp hạng (the ranking, with formulas) and Chưa xếp hạng (the excluded communes).

export const SUMMARY_SHEETS = { ranking: 'Xếp hạng', excluded: 'Chưa xếp hạng' } as const;

export interface SummaryWorkbook {
  /** The ranking and the excluded communes, with the index chart in `plan.charts`. */
  plan: WorkbookPlan;
}

const SUMMARY_STYLES = {
  ...STYLES,
  rank: { font: { bold: true }, horizontal: 'center', vertical: 'middle', border: true },
  unitName: { vertical: 'middle', wrap: true, border: true },
  fileName: { font: { size: 9, color: '595959' }, vertical: 'middle', wrap: true, border: true },
} as WorkbookPlan['styles'];

const BASIS_TEXT: Record<SummaryBasis, string> = { self: 'THEO ĐIỂM TỰ CHẤM', appraisal: 'THEO ĐIỂM THẨM ĐỊNH' };

function quoted(sheet: string): string {
  return "'" + sheet.replace(/'/g, "''") + "'";
}

/**
 * The ranking sheet: a row per commune in rank order with its domain scores as values, and formulas
 * where a person expects them (TỔNG ĐIỂM, CHỈ SỐ, HẠNG by RANK, XẾP LOẠI, the AVERAGE row); then a
 * sheet of the communes set apart with their reason.
 */
export function summaryWorkbookPlan(summary: DistrictSummary, set: CriteriaSet | null): SummaryWorkbook {
  const domains = set ? set.nodes : [];
  const kinds = set ? extraLists(set).map((g) => g.kind) : [];
  const bands = !!(set && set.bands && set.bands.length);
  // Columns: Hạng · Đơn vị · domains… · [Điểm thưởng · Điểm trừ] · Tổng điểm · Điểm tối đa áp dụng · Chỉ số · [Xếp loại] · Tệp
  const cRank = 0;
  const cUnit = 1;
  const cDomain = (i: number) => 2 + i;
  const cExtra = (i: number) => 2 + domains.length + i;
  const cTotal = 2 + domains.length + kinds.length;
  const cApplicable = cTotal + 1;
  const cIndex = cTotal + 2;
  const cBand = bands ? cTotal + 3 : -1;
  const cFile = bands ? cTotal + 4 : cTotal + 3;
  const lastCol = cFile;

  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const put = (cell: CellPlan) => cells.push(cell);
  const span = (row: number, text: string, style: string) => {
    put({ row, col: 0, value: text, style });
    merges.push(a1(row, 0) + ':' + a1(row, lastCol));
  };
  span(0, `BẢNG TỔNG HỢP, XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ${summary.year ? ' NĂM ' + summary.year : ''}`, 'title');
  span(1, `${BASIS_TEXT[summary.by]}${summary.criteriaSet ? ` — Bộ tiêu chí: ${summary.criteriaSet.title} (mã ${summary.criteriaSet.id})` : ''}`, 'infoBold');
  span(2, `Chỉ số = Tổng điểm / Điểm tối đa các tiêu chí áp dụng × 100 (tiêu chí không áp dụng không tính vào điểm tối đa). ` +
    `Cùng chỉ số thì cùng hạng. ${summary.excluded.length ? `${summary.excluded.length} đơn vị chưa xếp hạng: xem trang "${SUMMARY_SHEETS.excluded}".` : ''}`, 'hint');

  const headerRow = 4;
  const headers: Array<[number, string]> = [[cRank, 'Hạng'], [cUnit, 'Đơn vị']];
  domains.forEach((d, i) => headers.push([cDomain(i), `${d.stt ? d.stt + '. ' : ''}${d.name} (${formatPoints(d.max)})`]));
  kinds.forEach((k, i) => headers.push([cExtra(i), k === 'bonus' ? 'Điểm thưởng' : 'Điểm trừ']));
  headers.push([cTotal, 'Tổng điểm'], [cApplicable, 'Điểm tối đa áp dụng'], [cIndex, 'Chỉ số (%)']);
  if (bands) headers.push([cBand, 'Xếp loại']);
  headers.push([cFile, 'Tệp']);
  for (const [col, text] of headers) put({ row: headerRow, col, value: text, style: 'sumHeader' });

  const first = headerRow + 1;
  const last = first + Math.max(summary.units.length, 1) - 1;
  const indexRange = `$${columnLetter(cIndex)}$${first + 1}:$${columnLetter(cIndex)}$${last + 1}`;
  summary.units.forEach((u, i) => {
    const row = first + i;
    put({ row, col: cRank, formula: `RANK(${a1(row, cIndex)},${indexRange})`, result: u.rank, style: 'rank' });
    put({ row, col: cUnit, value: u.unit, style: 'unitName' });
    domains.forEach((d, j) => put({ row, col: cDomain(j), value: u.domains[d.code], style: 'sumPoints' }));
    kinds.forEach((k, j) => put({ row, col: cExtra(j), value: u[k] || 0, style: 'sumPoints' }));
    let sum = domains.length ? `SUM(${a1(row, cDomain(0))}:${a1(row, cDomain(domains.length - 1))})` : '0';
    kinds.forEach((k, j) => (sum += (k === 'bonus' ? '+' : '-') + a1(row, cExtra(j))));
    put({ row, col: cTotal, formula: kinds.length ? `MAX(0,ROUND(${sum},2))` : `ROUND(${sum},2)`, result: u.total, style: 'sumPoints' });
    put({ row, col: cApplicable, value: u.applicableMax, style: 'sumPoints' });
    put({ row, col: cIndex, formula: `IF(${a1(row, cApplicable)}>0,ROUND(${a1(row, cTotal)}/${a1(row, cApplicable)}*100,2),"")`, result: u.index, style: 'sumPercent' });
    if (bands) put({ row, col: cBand, formula: bandFormula(a1(row, cIndex), set!)!, result: u.band || '', style: 'sumCenter' });
    put({ row, col: cFile, value: u.file, style: 'fileName' });
  });

  if (summary.units.length && summary.averages) {
    const row = last + 1;
    const average = (col: number) => `ROUND(AVERAGE(${a1(first, col)}:${a1(last, col)}),2)`;
    put({ row, col: cRank, value: null, style: 'totalBlank' });
    put({ row, col: cUnit, value: `Trung bình (${summary.units.length} đơn vị)`, style: 'totalLabel' });
    domains.forEach((d, j) => put({ row, col: cDomain(j), formula: average(cDomain(j)), result: summary.averages!.domains[d.code], style: 'totalPoints' }));
    kinds.forEach((k, j) => put({ row, col: cExtra(j), formula: average(cExtra(j)), result: mean(summary.units.map((u) => u[k] || 0)), style: 'totalPoints' }));
    put({ row, col: cTotal, formula: average(cTotal), result: summary.averages.total, style: 'totalPoints' });
    put({ row, col: cApplicable, value: null, style: 'totalBlank' });
    put({ row, col: cIndex, formula: average(cIndex), result: summary.averages.index, style: 'totalPercent' });
    if (bands) put({ row, col: cBand, value: null, style: 'totalBlank' });
    put({ row, col: cFile, value: null, style: 'totalBlank' });
  }

  const columns = [{ width: 7 }, { width: 26 }];
  domains.forEach(() => columns.push({ width: 13 }));
  kinds.forEach(() => columns.push({ width: 10 }));
  columns.push({ width: 10 }, { width: 11 }, { width: 10 });
  if (bands) columns.push({ width: 12 });
  columns.push({ width: 24 });

  const ranking: SheetPlan = {
    name: SUMMARY_SHEETS.ranking,
    visibility: 'visible',
    columns,
    rowHeights: [{ row: 0, height: 24 }, { row: 2, height: 30 }, { row: headerRow, height: 64 }],
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    freeze: { rows: first, cols: 2 },
    protect: false,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: headerRow, to: headerRow } },
  };

  const chartTop = last + 3;
  const chart: BarChartPlan | null = summary.units.length ? {
    sheet: SUMMARY_SHEETS.ranking,
    title: `Chỉ số cải cách hành chính (%) ${summary.by === 'self' ? 'theo điểm tự chấm' : 'theo điểm thẩm định'}`,
    categories: `${quoted(SUMMARY_SHEETS.ranking)}!$${columnLetter(cUnit)}$${first + 1}:$${columnLetter(cUnit)}$${last + 1}`,
    values: `${quoted(SUMMARY_SHEETS.ranking)}!${indexRange}`,
    seriesName: 'Chỉ số (%)',
    points: summary.units.map((u) => ({ label: u.unit, value: u.index })),
    from: { row: chartTop, col: 1 },
    // Tall enough for a readable bar per commune: a province's district has up to a few dozen.
    to: { row: chartTop + Math.max(16, Math.ceil(summary.units.length * 1.2) + 4), col: Math.min(lastCol, cDomain(0) + 7) },
  } : null;

  return { plan: { sheets: [ranking, excludedSheet(summary)], styles: SUMMARY_STYLES, fullCalcOnLoad: true, charts: chart ? [chart] : [] } };
}

function excludedSheet(summary: DistrictSummary): SheetPlan {
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: 'CÁC ĐƠN VỊ CHƯA XẾP HẠNG', style: 'title' },
    { row: 1, col: 0, value: 'Bảng của các đơn vị này chưa dùng được để xếp hạng; sửa theo lý do rồi tổng hợp lại.', style: 'hint' },
  ];
  ['STT', 'Đơn vị', 'Tệp', 'Lý do'].forEach((h, col) => cells.push({ row: 3, col, value: h, style: 'sumHeader' }));
  summary.excluded.forEach((e, i) => {
    const row = 4 + i;
    cells.push({ row, col: 0, value: i + 1, style: 'sumCenter' });
    cells.push({ row, col: 1, value: e.unit, style: 'unitName' });
    cells.push({ row, col: 2, value: e.file, style: 'fileName' });
    cells.push({ row, col: 3, value: e.reason, style: 'unitName' });
  });
  return {
    name: SUMMARY_SHEETS.excluded,
    visibility: 'visible',
    columns: [{ width: 6 }, { width: 26 }, { width: 30 }, { width: 70 }],
    rowHeights: [{ row: 0, height: 24 }],
    cells,
    merges: ['A1:D1', 'A2:D2'],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true },
    tabColor: summary.excluded.length ? 'C00000' : undefined,
  };
}

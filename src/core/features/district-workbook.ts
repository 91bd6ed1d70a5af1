// The district summary as a workbook (tong-hop.xlsx, or sheets in the open workbook): Xếp hạng, the
// ranking with formulas where a person expects them, and Chưa xếp hạng, the units set apart with their reason.

import { CriteriaSet } from '../model/criteria';
import { extraLists } from '../sheets/scoring/extras';
import { quoteSheet } from '../model/formula';
import { a1, columnLetter } from '../model/grid';
import { BarChartPlan, CellPlan, SheetPlan, WorkbookPlan, fitRowHeights } from '../model/plan';
import { formatPoints } from '../model/points';
import { STYLES } from '../sheets/styles';
import { bandFormula, bandOf } from '../sheets/scoring/totals';
import { SummaryBasis, DistrictSummary, SummaryUnit, mean, rankUnits } from './district-summary';
import { CommuneType, parseDistrictName, parseUnitName } from '../model/unit-name';
import { DECREE_MARGINS, DOCUMENT_FONT, PAGE_NUMBER } from '../model/print';
import { DocumentGrid, Writer, defaultInputs, districtIssuer, headingRows, signatureRows, titleRows } from '../sheets/document';

// ---------------------------------------------------------------------------------------------
// The workbook: Xếp hạng (the ranking, with formulas) and Chưa xếp hạng (the excluded communes).

export const SUMMARY_SHEETS = { ranking: 'Xếp hạng', excluded: 'Chưa xếp hạng' } as const;

export interface SummaryWorkbook {
  /** The ranking and the excluded communes, with the index chart in `plan.charts`. */
  plan: WorkbookPlan;
}

export const SUMMARY_STYLES = {
  ...STYLES,
  rank: { font: { name: DOCUMENT_FONT, bold: true }, horizontal: 'center', vertical: 'middle', border: true },
  unitName: { font: { name: DOCUMENT_FONT }, vertical: 'middle', wrap: true, border: true },
  fileName: { font: { name: DOCUMENT_FONT, size: 10, color: '595959' }, vertical: 'middle', wrap: true, border: true },
  groupTitle: { font: { name: DOCUMENT_FONT, bold: true }, vertical: 'middle', border: true },
} as WorkbookPlan['styles'];

export const BASIS_TEXT: Record<SummaryBasis, string> = { self: 'THEO ĐIỂM TỰ CHẤM', appraisal: 'THEO ĐIỂM THẨM ĐỊNH' };


/** The district's document around the ranking: who issues it, and when (typed later where absent). */
export interface DistrictDocument {
  /** "UBND huyện Phú Lương" or "Phòng Nội vụ huyện Phú Lương". */
  district?: string;
}

const TYPE_TITLES: Record<CommuneType, string> = { xa: 'XÃ', phuong: 'PHƯỜNG', 'thi-tran': 'THỊ TRẤN' };
const TYPE_ORDER: CommuneType[] = ['xa', 'phuong', 'thi-tran'];

/** Units by type (xã, phường, thị trấn) when the district has more than one type; else one group. */
export function unitGroups(units: SummaryUnit[]): Array<{ type: CommuneType | null; units: SummaryUnit[] }> {
  const byType: Record<string, SummaryUnit[]> = {};
  for (const u of units) (byType[parseUnitName(u.unit).type] = byType[parseUnitName(u.unit).type] || []).push(u);
  const types = TYPE_ORDER.filter((t) => byType[t]);
  if (types.length <= 1) return [{ type: null, units }];
  // Ranked within its own type: a phường is compared with the phường.
  return types.map((type) => ({ type, units: rankUnits(byType[type]) }));
}

/**
 * The ranking sheet: the district's heading, number and date lines and title; a row per commune in
 * rank order (by unit type when xã, phường and thị trấn mix) with its domain scores as values and
 * formulas where a person expects them (TỔNG ĐIỂM, CHỈ SỐ, HẠNG by RANK, XẾP LOẠI, the AVERAGE row);
 * the signature block; the chart of the index (0–100). Then a sheet of the communes set apart.
 */
export function summaryWorkbookPlan(summary: DistrictSummary, set: CriteriaSet | null, doc: DistrictDocument = {}): SummaryWorkbook {
  const domains = set ? set.nodes : [];
  const kinds = set ? extraLists(set).map((g) => g.kind) : [];
  const bands = !!(set && set.bands && set.bands.length);
  // A note on a row says what the ranking rests on: a unit ranked incomplete (--allow-incomplete), a second workbook left out.
  const notes = summary.units.some((u) => !!u.note);
  // Columns: Hạng · Đơn vị · domains… · [Điểm thưởng · Điểm trừ] · Tổng điểm · Điểm tối đa áp dụng · Chỉ số · [Xếp loại] · Tệp · [Ghi chú]
  const cRank = 0;
  const cUnit = 1;
  const cDomain = (i: number) => 2 + i;
  const cExtra = (i: number) => 2 + domains.length + i;
  const cTotal = 2 + domains.length + kinds.length;
  const cApplicable = cTotal + 1;
  const cIndex = cTotal + 2;
  const cBand = bands ? cTotal + 3 : -1;
  const cFile = bands ? cTotal + 4 : cTotal + 3;
  const cNote = notes ? cFile + 1 : -1;
  const lastCol = notes ? cNote : cFile;

  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const heights: Array<{ row: number; height: number }> = [];
  const put = (cell: CellPlan) => cells.push(cell);
  const w: Writer = {
    put, span: (row, from, to) => merges.push(a1(row, from) + ':' + a1(row, to)),
    height: (row, height) => heights.push({ row, height }), keep: () => undefined,
  };
  const span = (row: number, text: string, style: string) => {
    put({ row, col: 0, value: text, style });
    for (let c = 1; c <= lastCol; c++) put({ row, col: c, value: null, style });
    merges.push(a1(row, 0) + ':' + a1(row, lastCol));
  };
  const issuer = districtIssuer(parseDistrictName(doc.district), ['UBND tỉnh (Sở Nội vụ);', 'UBND các xã, phường, thị trấn;', '', 'Lưu: VT.']);
  const half = Math.max(2, Math.floor(lastCol / 2));
  const grid: DocumentGrid = { left: [0, half - 1], right: [half, lastCol], panel: { labelCol: lastCol + 2, firstRow: 2 } };
  const inputs = defaultInputs(issuer);
  let row = headingRows(w, grid, issuer, inputs, true) + 1;
  row = titleRows(w, row, [0, lastCol], 'BÁO CÁO',
    `Tổng hợp, xếp hạng Chỉ số cải cách hành chính các xã, phường, thị trấn${summary.year ? ' năm ' + summary.year : ''} (${BASIS_TEXT[summary.by].toLowerCase()})`);
  span(row++, summary.criteriaSet ? `Bộ tiêu chí: ${summary.criteriaSet.title} (mã ${summary.criteriaSet.id}).` : '', 'infoBold');
  span(row++, `Chỉ số = Tổng điểm / Điểm tối đa các tiêu chí áp dụng × 100 (tiêu chí không áp dụng không tính vào điểm tối đa). ` +
    `Cùng chỉ số thì cùng hạng${unitGroups(summary.units).length > 1 ? ', xếp hạng riêng xã, phường, thị trấn' : ''}. ${summary.excluded.length ? `${summary.excluded.length} đơn vị chưa xếp hạng: xem trang "${SUMMARY_SHEETS.excluded}".` : ''}`, 'hint');
  row++;

  const headerRow = row;
  const headers: Array<[number, string]> = [[cRank, 'Hạng'], [cUnit, 'Đơn vị']];
  domains.forEach((d, i) => headers.push([cDomain(i), `${d.stt ? d.stt + '. ' : ''}${d.name} (${formatPoints(d.max)})`]));
  kinds.forEach((k, i) => headers.push([cExtra(i), k === 'bonus' ? 'Điểm thưởng' : 'Điểm trừ']));
  headers.push([cTotal, 'Tổng điểm'], [cApplicable, 'Điểm tối đa áp dụng'], [cIndex, 'Chỉ số (%)']);
  if (bands) headers.push([cBand, 'Xếp loại']);
  headers.push([cFile, 'Tệp']);
  if (notes) headers.push([cNote, 'Ghi chú']);
  for (const [col, text] of headers) put({ row: headerRow, col, value: text, style: 'sumHeader' });

  const groups = unitGroups(summary.units);
  const first = headerRow + 1;
  row = first;
  const unitRows: number[] = [];
  for (const group of groups) {
    if (group.type) span(row++, `${TYPE_TITLES[group.type]} (${group.units.length} đơn vị)`, 'groupTitle');
    const top = row;
    const bottom = row + group.units.length - 1;
    const indexRange = `$${columnLetter(cIndex)}$${top + 1}:$${columnLetter(cIndex)}$${bottom + 1}`;
    for (const u of group.units) {
      unitRows.push(row);
      put({ row, col: cRank, formula: `RANK(${a1(row, cIndex)},${indexRange})`, result: u.rank, style: 'rank' });
      put({ row, col: cUnit, value: u.unit, style: 'unitName' });
      domains.forEach((d, j) => put({ row, col: cDomain(j), value: u.domains[d.code], style: 'sumPoints' }));
      kinds.forEach((k, j) => put({ row, col: cExtra(j), value: u[k] || 0, style: 'sumPoints' }));
      let sum = domains.length ? `SUM(${a1(row, cDomain(0))}:${a1(row, cDomain(domains.length - 1))})` : '0';
      kinds.forEach((k, j) => (sum += (k === 'bonus' ? '+' : '-') + a1(row, cExtra(j))));
      put({ row, col: cTotal, formula: kinds.length ? `MAX(0,ROUND(${sum},2))` : `ROUND(${sum},2)`, result: u.total, style: 'sumPoints' });
      put({ row, col: cApplicable, value: u.applicableMax, style: 'sumPoints' });
      put({ row, col: cIndex, formula: `IF(${a1(row, cApplicable)}>0,ROUND(${a1(row, cTotal)}/${a1(row, cApplicable)}*100,2),"")`, result: u.index, style: 'sumPercent' });
      // A unit ranked before it is fully scored ("Chưa chấm xong") or on a provisional index ("Khá (tạm
      // tính)") keeps the words its workbook shows: the formula from the index alone would lose them.
      if (bands) {
        if (u.band && u.band !== bandOf(set!.bands, u.index)) put({ row, col: cBand, value: u.band, style: 'sumCenter' });
        else put({ row, col: cBand, formula: bandFormula(a1(row, cIndex), set!)!, result: u.band || '', style: 'sumCenter' });
      }
      put({ row, col: cFile, value: u.file, style: 'fileName' });
      if (notes) put({ row, col: cNote, value: u.note || null, style: 'unitName' });
      row++;
    }
  }
  const last = Math.max(first, row - 1);

  if (summary.units.length && summary.averages) {
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
    if (notes) put({ row, col: cNote, value: null, style: 'totalBlank' });
    row++;
  }
  row = signatureRows(w, row + 1, grid, issuer, inputs, true);

  const columns = [{ width: 7 }, { width: 26 }];
  domains.forEach(() => columns.push({ width: 13 }));
  kinds.forEach(() => columns.push({ width: 10 }));
  columns.push({ width: 10 }, { width: 11 }, { width: 10 });
  if (bands) columns.push({ width: 20 }); // 'Chưa thẩm định xong' whole
  columns.push({ width: 24 });
  if (notes) columns.push({ width: 40 });

  const chartTop = row + 1;
  const chartBottom = chartTop + Math.max(16, Math.ceil(summary.units.length * 1.2) + 4);
  const ranking: SheetPlan = {
    name: SUMMARY_SHEETS.ranking,
    visibility: 'visible',
    columns,
    rowHeights: heights.concat([{ row: headerRow, height: 64 }]),
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    freeze: { rows: first, cols: 2 },
    protect: false,
    print: {
      orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: headerRow, to: headerRow },
      margins: DECREE_MARGINS, pageNumbers: PAGE_NUMBER, area: `A1:${columnLetter(lastCol)}${chartBottom + 1}`,
      // The chart begins a page of its own: never cut in two, never squeezed under the signature.
      breaks: summary.units.length ? [chartTop] : [],
    },
  };

  const chart: BarChartPlan | null = summary.units.length ? {
    sheet: SUMMARY_SHEETS.ranking,
    title: `Chỉ số cải cách hành chính (%) ${summary.by === 'self' ? 'theo điểm tự chấm' : 'theo điểm thẩm định'}`,
    categories: `${quoteSheet(SUMMARY_SHEETS.ranking)}!$${columnLetter(cUnit)}$${first + 1}:$${columnLetter(cUnit)}$${last + 1}`,
    values: `${quoteSheet(SUMMARY_SHEETS.ranking)}!$${columnLetter(cIndex)}$${first + 1}:$${columnLetter(cIndex)}$${last + 1}`,
    seriesName: 'Chỉ số (%)',
    // An index is a percentage: the axis ends at 100, whatever the best commune scored.
    valueMax: 100,
    points: unitRows.map((_r, i) => i).map((i) => {
      const u = groups.reduce<SummaryUnit[]>((all, g) => all.concat(g.units), [])[i];
      return { label: u.unit, value: u.index };
    }),
    from: { row: chartTop, col: 1 },
    // Tall enough for a readable bar per commune: a province's district has up to a few dozen.
    to: { row: chartBottom, col: Math.min(lastCol, cDomain(0) + 7) },
  } : null;

  // Spreadsheets do not re-fit rows on opening: notes and reasons are shown whole by the plan's heights.
  const excluded = excludedSheet(summary);
  fitRowHeights(ranking, SUMMARY_STYLES); // excludedSheet fits its own
  return { plan: { sheets: [ranking, excluded], styles: SUMMARY_STYLES, fullCalcOnLoad: true, charts: chart ? [chart] : [] } };
}

export function excludedSheet(summary: DistrictSummary): SheetPlan {
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
  const sheet: SheetPlan = {
    name: SUMMARY_SHEETS.excluded,
    visibility: 'visible',
    columns: [{ width: 6 }, { width: 26 }, { width: 30 }, { width: 70 }],
    rowHeights: [{ row: 0, height: 24 }],
    cells,
    merges: ['A1:D1', 'A2:D2'],
    validations: [],
    conditionalFormats: [],
    protect: false,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, margins: DECREE_MARGINS, pageNumbers: PAGE_NUMBER },
    tabColor: summary.excluded.length ? 'C00000' : undefined,
  };
  // Every reason whole, its row as tall as its wrapped lines: none runs over its borders.
  fitRowHeights(sheet, SUMMARY_STYLES);
  return sheet;
}

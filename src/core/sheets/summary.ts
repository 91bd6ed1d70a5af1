// The Tổng hợp sheet: the administrative heading, the domains' points by formulas that reference Chấm
// điểm, total, index, signature block and a chart; and the same sheet re-planned for a workbook people
// have edited since it was built.

import { setMax } from '../model/criteria';
import { a1, columnLetter, parseA1 } from '../model/grid';
import { ColumnRole, SHEETS } from '../model/layout';
import { BarChartPlan, CellPlan, SheetPlan, WorkbookPlan, fitRowHeights } from '../model/plan';
import { subtractPoints, sumPoints } from '../model/points';
import { domainApplicableFormula, domainBlocks } from './scoring/applicable';
import { provisionalText } from './scoring/provisional';
import { BuildOptions, unitNames } from '../model/build-options';
import { ScoringGeometry, scoringGeometry } from './scoring/geometry';
import { Totals } from './scoring/totals';
import { UserError } from '../model/errors';
import { ScoringRead } from './scoring/read';
import { STYLES } from './styles';
import { columnTotals } from './scoring/totals';
import { moveSheetReferences } from '../model/formula';
import { message } from '../text/catalogue';

/** Summary sheet columns (0-based). */
export const SUMMARY_COLUMNS = { stt: 0, name: 1, max: 2, self: 3 } as const;

/** The row of the table's header on Tổng hợp (0-based): STT · Lĩnh vực · Điểm tối đa · … */
export const SUMMARY_HEADER_ROW = 8;

export function summarySheet(opts: BuildOptions, g: ScoringGeometry, totals: Totals): { sheet: SheetPlan; chart: BarChartPlan } {
  const { set, year } = opts;
  const appraisal = !!opts.appraisal;
  const names = unitNames(opts.unit);
  const col = g.layout.col as Record<ColumnRole, number>;
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const put = (cell: CellPlan) => cells.push(cell);
  const ref = (row: number, c: number) => `'${SHEETS.scoring}'!${a1(row, c)}`;
  // Columns: STT · Lĩnh vực · Điểm tối đa · Điểm tự chấm · [Điểm thẩm định · Chênh lệch] · Tỷ lệ đạt (%)
  const cSelf = 3;
  const cAppraisal = appraisal ? 4 : -1;
  const cDiff = appraisal ? 5 : -1;
  const cPercent = appraisal ? 6 : 4;
  const lastCol = cPercent;
  const span = (row: number, from: number, to: number) => merges.push(a1(row, from) + ':' + a1(row, to));

  put({ row: 0, col: 0, value: 'ỦY BAN NHÂN DÂN', style: 'orgLeft' });
  span(0, 0, 1);
  put({ row: 1, col: 0, value: names.full.toUpperCase(), style: 'orgLeftBold' });
  span(1, 0, 1);
  put({ row: 0, col: 2, value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: 'nationBold' });
  span(0, 2, lastCol);
  put({ row: 1, col: 2, value: 'Độc lập - Tự do - Hạnh phúc', style: 'motto' });
  span(1, 2, lastCol);
  put({ row: 3, col: 2, value: `${names.place}, ngày ..... tháng ..... năm ${year}`, style: 'placeDate' });
  span(3, 2, lastCol);
  put({ row: 5, col: 0, value: `BẢNG TỔNG HỢP KẾT QUẢ ${appraisal ? 'TỰ CHẤM ĐIỂM VÀ THẨM ĐỊNH' : 'TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'} CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, style: 'title' });
  span(5, 0, lastCol);
  put({ row: 6, col: 0, value: `của Ủy ban nhân dân ${names.full.charAt(0).toLowerCase() + names.full.slice(1)}`, style: 'placeDate' });
  span(6, 0, lastCol);

  const headerRow = SUMMARY_HEADER_ROW;
  const headers: Array<[number, string]> = [[0, 'STT'], [1, 'Lĩnh vực'], [2, 'Điểm tối đa'], [cSelf, 'Điểm tự chấm']];
  if (appraisal) headers.push([cAppraisal, 'Điểm thẩm định'], [cDiff, 'Chênh lệch (thẩm định − tự chấm)']);
  headers.push([cPercent, 'Tỷ lệ đạt (%)']);
  for (const [c, text] of headers) put({ row: headerRow, col: c, value: text, style: 'sumHeader' });

  const domains = g.nodeRows.filter((r) => r.flat.depth === 0);
  const basis = appraisal ? cAppraisal : cSelf;
  const basisRole = appraisal ? 'appraisal' : 'self';
  const basisTotals = totals[basisRole];
  const blocks = domainBlocks(g.nodeRows);
  const chartPoints: BarChartPlan['points'] = [];
  let row = headerRow + 1;
  for (const d of domains) {
    put({ row, col: 0, value: d.flat.node.stt || null, style: 'sumCenter' });
    put({ row, col: 1, formula: ref(d.row, col.name), result: d.flat.node.name, style: 'sumCell' });
    put({ row, col: 2, formula: ref(d.row, col.max), result: d.flat.node.max, style: 'sumPoints' });
    put({ row, col: cSelf, formula: ref(d.row, col.self), result: totals.self.byCode[d.flat.code], style: 'sumPoints' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(d.row, col.appraisal), result: totals.appraisal.byCode[d.flat.code], style: 'sumPoints' });
      put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal.byCode[d.flat.code], totals.self.byCode[d.flat.code]), style: 'sumPoints' });
    }
    // Points over the domain's applicable maximum: its KAD leaves leave it, as they leave the index's.
    const applicable = domainApplicableFormula(`'${SHEETS.scoring}'`, blocks.filter((b) => b.code === d.flat.code)[0], col.max, col[basisRole], basisRole === 'self' && g.appraisalOnly);
    const percent = basisTotals.domainRate[d.flat.code];
    put({ row, col: cPercent, formula: `IF(${applicable}>0,ROUND(${a1(row, basis)}/(${applicable})*100,2),"")`, result: percent === null ? '' : percent, style: 'sumPercent' });
    chartPoints.push({ label: d.flat.node.name, value: percent === null ? 0 : percent });
    row++;
  }
  const domainRows = { first: headerRow + 1, last: row - 1 };
  for (const extra of g.extras) {
    put({ row, col: 0, value: null, style: 'sumCenter' });
    put({ row, col: 1, value: extra.kind === 'bonus' ? 'Điểm thưởng' : 'Điểm trừ', style: 'sumCell' });
    put({ row, col: 2, formula: ref(extra.row, col.max), result: sumPoints(extra.items.map((x) => x.item.max)), style: 'sumPoints' });
    put({ row, col: cSelf, formula: ref(extra.row, col.self), result: totals.self[extra.kind], style: 'sumPoints' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(extra.row, col.appraisal), result: totals.appraisal[extra.kind], style: 'sumPoints' });
      put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal[extra.kind], totals.self[extra.kind]), style: 'sumPoints' });
    }
    put({ row, col: cPercent, value: null, style: 'sumCenter' });
    row++;
  }
  put({ row, col: 0, value: null, style: 'totalBlank' });
  put({ row, col: 1, value: 'TỔNG ĐIỂM', style: 'totalLabel' });
  put({ row, col: 2, formula: ref(g.totalRow, col.max), result: setMax(set), style: 'totalPoints' });
  put({ row, col: cSelf, formula: ref(g.totalRow, col.self), result: totals.self.total, style: 'totalPoints' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.totalRow, col.appraisal), result: totals.appraisal.total, style: 'totalPoints' });
    put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal.total, totals.self.total), style: 'totalPoints' });
  }
  // The total's rate is the index: points over the applicable maximum on the next row.
  put({ row, col: cPercent, formula: `IF(${a1(row + 1, basis)}>0,ROUND(${a1(row, basis)}/${a1(row + 1, basis)}*100,2),"")`, result: basisTotals.index === null ? '' : basisTotals.index, style: 'totalPercent' });
  row++;
  put({ row, col: 0, value: null, style: 'totalBlank' });
  put({ row, col: 1, value: 'Điểm tối đa các tiêu chí áp dụng', style: 'totalLabel' });
  put({ row, col: 2, value: null, style: 'totalBlank' });
  put({ row, col: cSelf, formula: ref(g.applicableRow, col.self), result: totals.self.applicableMax, style: 'totalPoints' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.applicableRow, col.appraisal), result: totals.appraisal.applicableMax, style: 'totalPoints' });
    put({ row, col: cDiff, value: null, style: 'totalBlank' });
  }
  put({ row, col: cPercent, value: null, style: 'totalBlank' });
  row++;
  put({ row, col: 0, value: null, style: 'totalBlank' });
  put({ row, col: 1, value: 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)', style: 'totalLabel' });
  put({ row, col: 2, value: null, style: 'totalBlank' });
  put({ row, col: cSelf, formula: ref(g.indexRow, col.self), result: totals.self.index === null ? '' : totals.self.index, style: 'totalPercent' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.indexRow, col.appraisal), result: totals.appraisal.index === null ? '' : totals.appraisal.index, style: 'totalPercent' });
    put({ row, col: cDiff, formula: `IF(AND(ISNUMBER(${a1(row, cAppraisal)}),ISNUMBER(${a1(row, cSelf)})),${a1(row, cAppraisal)}-${a1(row, cSelf)},"")`, result: totals.appraisal.index !== null && totals.self.index !== null ? subtractPoints(totals.appraisal.index, totals.self.index) : '', style: 'totalPercent' });
  }
  // Items scored at appraisal not scored yet: the self index is provisional, as Chấm điểm says beside it.
  if (g.appraisalOnly) put({ row, col: cPercent, formula: ref(g.indexRow, col.evidence), result: provisionalText(totals.self.pending), style: 'totalNote' });
  else put({ row, col: cPercent, value: null, style: 'totalBlank' });
  row++;
  if (g.bandRow !== null) {
    put({ row, col: 0, value: null, style: 'totalBlank' });
    put({ row, col: 1, value: 'Xếp loại', style: 'totalLabel' });
    put({ row, col: 2, value: null, style: 'totalBlank' });
    put({ row, col: cSelf, formula: ref(g.bandRow, col.self), result: totals.self.band, style: 'totalBand' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(g.bandRow, col.appraisal), result: totals.appraisal.band, style: 'totalBand' });
      put({ row, col: cDiff, value: null, style: 'totalBlank' });
    }
    put({ row, col: cPercent, value: null, style: 'totalBlank' });
    row++;
  }

  row += 1;
  const signRow = row;
  put({ row: signRow, col: 0, value: 'Nơi nhận:', style: 'recipients' });
  span(signRow, 0, 1);
  ['- Phòng Nội vụ huyện;', '- Lưu: VT.'].forEach((line, i) => {
    put({ row: signRow + 1 + i, col: 0, value: line, style: 'recipientLine' });
    span(signRow + 1 + i, 0, 1);
  });
  put({ row: signRow, col: 2, value: 'TM. ỦY BAN NHÂN DÂN', style: 'signTitle' });
  span(signRow, 2, lastCol);
  put({ row: signRow + 1, col: 2, value: 'CHỦ TỊCH', style: 'signTitle' });
  span(signRow + 1, 2, lastCol);
  put({ row: signRow + 2, col: 2, value: '(Ký, ghi rõ họ tên, đóng dấu)', style: 'signHint' });
  span(signRow + 2, 2, lastCol);

  // The national motto block spans the point columns: without the appraisal pair they must be wide
  // enough for "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" (about 40 units), so the domain column narrows.
  const columns = appraisal
    ? [{ width: 6 }, { width: 46 }, { width: 11 }, { width: 11 }, { width: 11 }, { width: 14 }, { width: 11 }]
    : [{ width: 6 }, { width: 34 }, { width: 14 }, { width: 14 }, { width: 14 }];
  // % achieved per domain, below the signature: it reads the sheet's own percent column, so it
  // follows the scores wherever the workbook is recalculated.
  const own = (c: number) => `'${SHEETS.summary}'!$${columnLetter(c)}$${domainRows.first + 1}:$${columnLetter(c)}$${domainRows.last + 1}`;
  const chartTop = signRow + 4;
  const chart: BarChartPlan = {
    sheet: SHEETS.summary,
    title: `Tỷ lệ đạt (%) theo lĩnh vực — ${appraisal ? 'điểm thẩm định' : 'điểm tự chấm'}`,
    categories: own(1),
    values: own(cPercent),
    seriesName: 'Tỷ lệ đạt (%)',
    valueMax: 100,
    points: chartPoints,
    from: { row: chartTop, col: 0 },
    // Short enough to print on the same page as the table.
    to: { row: chartTop + Math.max(12, Math.ceil(domains.length * 1.5) + 3), col: lastCol + 1 },
  };
  const sheet: SheetPlan = {
    name: SHEETS.summary,
    visibility: 'visible',
    columns,
    rowHeights: [{ row: 5, height: 36 }, { row: headerRow, height: 32 }],
    cells,
    merges,
    validations: [],
    conditionalFormats: [],
    protect: true,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    tabColor: '70AD47',
  };
  return { sheet, chart };
}
export interface SummaryRefresh {
  plan: WorkbookPlan;
  sheet: SheetPlan;
}

/**
 * The Tổng hợp sheet for a workbook as it stands now. The core plans it for a freshly built scoring
 * sheet; people insert rows, sort, add columns or rename the sheet afterwards. The reader knows where
 * each domain row, total row and column really is, so the planned references are moved there.
 * `current`: the totals of the entries as they stand, cached as the results (else those of no entry).
 */
export function refreshedSummary(read: ScoringRead, current?: Totals): SummaryRefresh {
  const meta = read.meta;
  const appraisal = read.columns.appraisal !== undefined;
  const g = scoringGeometry(meta.set, appraisal);
  // The cached results: the entries' own totals when given (the check compares what the sheet shows with them).
  const totals: Totals = current || { self: columnTotals(meta.set, undefined, 'self'), appraisal: columnTotals(meta.set, undefined, 'appraisal') };
  const planned = summarySheet({ set: meta.set, unit: meta.unit, year: meta.year, appraisal }, g, totals);
  fitRowHeights(planned.sheet, STYLES);

  const rowMap: Record<number, number | undefined> = {};
  for (const r of g.nodeRows) rowMap[r.row] = read.rowOf[r.flat.code];
  rowMap[g.totalRow] = read.markers.total;
  rowMap[g.applicableRow] = read.markers.applicableMax;
  rowMap[g.indexRow] = read.markers.index;
  if (g.bandRow !== null) rowMap[g.bandRow] = read.markers.band;
  for (const extra of g.extras) rowMap[extra.row] = read.markers[extra.kind];
  const colMap: Record<number, number | undefined> = {};
  for (const role of g.layout.order) colMap[g.layout.col[role] as number] = read.columns[role];

  let missing = false;
  const moved = (address: string): string | null => {
    const at = parseA1(address);
    const row = at ? rowMap[at.row] : undefined;
    const col = at ? colMap[at.col] : undefined;
    if (row === undefined || col === undefined) missing = true;
    return row === undefined || col === undefined ? null : a1(row, col);
  };
  const cells = planned.sheet.cells.map((cell) =>
    cell.formula ? { ...cell, formula: moveSheetReferences(cell.formula, SHEETS.scoring, read.sheet.name, moved) } : cell);
  if (missing) {
    throw new UserError('summary-rows-missing', message('inputs.summary.sheetLacksDomainRows', { name: read.sheet.name }));
  }
  const sheet: SheetPlan = { ...planned.sheet, cells };
  // The chart reads Tổng hợp's own cells, which stand where the plan puts them: it needs no moving.
  return { plan: { sheets: [sheet], styles: STYLES, fullCalcOnLoad: true, charts: [planned.chart] }, sheet };
}

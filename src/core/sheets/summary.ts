// The Tổng hợp sheet: the administrative heading, the domains' points by formulas that reference Chấm
// điểm, total, index, signature block and a chart; and the same sheet re-planned for a workbook people
// have edited since it was built.

import { setMax } from '../model/criteria';
import { SheetGrid, a1, columnLetter, parseA1 } from '../model/grid';
import { ColumnRole, SHEETS } from '../model/layout';
import { BarChartPlan, CellPlan, ColumnPlan, SheetPlan, WorkbookPlan, fitRowHeights } from '../model/plan';
import { parseScoreCell, subtractPoints, sumPoints } from '../model/points';
import { domainApplicableFormula, domainBlocks } from './scoring/applicable';
import { BuildOptions, PreviousYear } from '../model/build-options';
import { metaSheetPlan } from './meta';
import { parseDistrictName, parseUnitName } from '../model/unit-name';
import { Entries } from '../model/entries';
import { documentPrint } from '../model/print';
import { DocumentGrid, Issuer, Writer, communeIssuer, defaultInputs, districtIssuer, headingRows, signatureRows, titleRows } from './document';
import { InputPanel, ReportInputs, panelFields, panelPlan, readReportInputs } from './report-inputs';
import { SHORTFALL_MARK, shortfallRows, shortfalls } from './shortfalls';
import { comparisonRows } from './comparison';
import { extractEntries } from './scoring/entries';
import { provisionalText } from './scoring/provisional';
import { ScoringGeometry, scoringGeometry } from './scoring/geometry';
import { Totals } from './scoring/totals';
import { UserError } from '../model/errors';
import { ScoringRead } from './scoring/read';
import { STYLES } from './styles';
import { columnTotals } from './scoring/totals';
import { moveSheetReferences } from '../model/formula';
import { crc32Text } from '../model/crc32';
import { message } from '../text/catalogue';

/** Summary sheet columns (0-based). */
export const SUMMARY_COLUMNS = { stt: 0, name: 1, max: 2, self: 3 } as const;

/** The row of the domain table's header (0-based); the domains follow it. */
export const SUMMARY_HEADER_ROW = 10;

/** Where Tổng hợp's input panel stands: right of the printed page (STT … Tỷ lệ đạt), after a gap. */
export function summaryPanel(appraisal: boolean): InputPanel {
  return { labelCol: (appraisal ? 6 : 4) + 2, firstRow: 2 };
}

/** The issuer of Tổng hợp: the commune, or once the appraisal column exists, the district. */
export function summaryIssuer(opts: BuildOptions): Issuer {
  const unit = parseUnitName(opts.unit);
  if (!opts.appraisal) return communeIssuer(unit);
  const typed = opts.report && opts.report.district;
  const district = opts.district || (typeof typed === 'string' ? typed : '');
  return districtIssuer(parseDistrictName(district), [unit.body + ';', 'Lưu: VT.']);
}

/**
 * Tổng hợp for these options. `complete` false: only what the check compares (comparedSummaryCells), the
 * rows above the Tồn tại, hạn chế list, with no chart, row heights or print layout.
 */
export function summarySheet(opts: BuildOptions, g: ScoringGeometry, totals: Totals, complete = true): { sheet: SheetPlan; chart: BarChartPlan | null } {
  const { set, year } = opts;
  const appraisal = !!opts.appraisal;
  const unit = parseUnitName(opts.unit);
  const issuer = summaryIssuer(opts);
  const inputs: ReportInputs = { ...defaultInputs(issuer), ...(opts.report || {}) };
  if (appraisal && opts.district) inputs.district = opts.district;
  const col = g.layout.col as Record<ColumnRole, number>;
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const heights: Record<number, number> = {};
  const keep: Record<number, boolean> = {};
  const put = (cell: CellPlan) => cells.push(cell);
  const span = (row: number, from: number, to: number) => merges.push(a1(row, from) + ':' + a1(row, to));
  const w: Writer = { put, span, height: (row, h) => (heights[row] = h), keep: (row) => (keep[row] = true) };
  const ref = (row: number, c: number) => `'${SHEETS.scoring}'!${a1(row, c)}`;
  // Columns: STT · Lĩnh vực · Điểm tối đa · Điểm tự chấm · [Điểm thẩm định · Chênh lệch] · Tỷ lệ đạt (%)
  const cSelf = 3;
  const cAppraisal = appraisal ? 4 : -1;
  const cDiff = appraisal ? 5 : -1;
  const cPercent = appraisal ? 6 : 4;
  const lastCol = cPercent;
  const panel = summaryPanel(appraisal);
  const grid: DocumentGrid = { left: [0, 1], right: [2, lastCol], panel };
  const whole: [number, number] = [0, lastCol];
  const line = (row: number, value: string, style: string) => {
    put({ row, col: 0, value, style });
    for (let c = 1; c <= lastCol; c++) put({ row, col: c, value: null, style });
    span(row, 0, lastCol);
  };

  let row = headingRows(w, grid, issuer, inputs) + 1;
  row = titleRows(w, row, whole, 'BÁO CÁO', appraisal
    ? `Kết quả thẩm định Chỉ số cải cách hành chính năm ${year} của ${unit.body}`
    : `Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year}`);
  line(row, appraisal
    ? `${issuer.body} báo cáo kết quả thẩm định Chỉ số cải cách hành chính năm ${year} của ${unit.body} theo ${set.title} như sau:`
    : `${issuer.body} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm ${year} theo ${set.title} như sau:`, 'docBody');
  row++;
  line(row, appraisal ? 'I. KẾT QUẢ THẨM ĐỊNH' : 'I. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM', 'docHeading');
  keep[row] = true;
  row++;

  const headerRow = row;
  const headers: Array<[number, string]> = [[0, 'STT'], [1, 'Lĩnh vực'], [2, 'Điểm tối đa'], [cSelf, 'Điểm tự chấm']];
  if (appraisal) headers.push([cAppraisal, 'Điểm thẩm định'], [cDiff, 'Chênh lệch (thẩm định − tự chấm)']);
  headers.push([cPercent, 'Tỷ lệ đạt (%)']);
  for (const [c, text] of headers) put({ row: headerRow, col: c, value: text, style: 'docTh' });
  keep[headerRow] = true;
  if (headerRow !== SUMMARY_HEADER_ROW) throw new Error(`Tổng hợp's table header is on row ${headerRow}, not ${SUMMARY_HEADER_ROW}.`);
  const domains = g.nodeRows.filter((r) => r.flat.depth === 0);
  const basis = appraisal ? cAppraisal : cSelf;
  const basisRole = appraisal ? 'appraisal' : 'self';
  const basisTotals = totals[basisRole];
  const blocks = domainBlocks(g.nodeRows);
  const chartPoints: BarChartPlan['points'] = [];
  row = headerRow + 1;
  for (const d of domains) {
    put({ row, col: 0, value: d.flat.node.stt || null, style: 'docCenter' });
    put({ row, col: 1, formula: ref(d.row, col.name), result: d.flat.node.name, style: 'docCell' });
    put({ row, col: 2, formula: ref(d.row, col.max), result: d.flat.node.max, style: 'docPoints' });
    put({ row, col: cSelf, formula: ref(d.row, col.self), result: totals.self.byCode[d.flat.code], style: 'docPoints' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(d.row, col.appraisal), result: totals.appraisal.byCode[d.flat.code], style: 'docPoints' });
      put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal.byCode[d.flat.code], totals.self.byCode[d.flat.code]), style: 'docPoints' });
    }
    // Points over the domain's applicable maximum: its KAD leaves leave it, as they leave the index's.
    const applicable = domainApplicableFormula(`'${SHEETS.scoring}'`, blocks.filter((b) => b.code === d.flat.code)[0], col.max, col[basisRole], basisRole === 'self' && g.appraisalOnly);
    const percent = basisTotals.domainRate[d.flat.code];
    put({ row, col: cPercent, formula: `IF(${applicable}>0,ROUND(${a1(row, basis)}/(${applicable})*100,2),"")`, result: percent === null ? '' : percent, style: 'docPercent' });
    chartPoints.push({ label: d.flat.node.name, value: percent === null ? 0 : percent });
    row++;
  }
  const domainRows = { first: headerRow + 1, last: row - 1 };
  for (const extra of g.extras) {
    put({ row, col: 0, value: null, style: 'docCenter' });
    put({ row, col: 1, value: extra.kind === 'bonus' ? 'Điểm thưởng' : 'Điểm trừ', style: 'docCell' });
    put({ row, col: 2, formula: ref(extra.row, col.max), result: sumPoints(extra.items.map((x) => x.item.max)), style: 'docPoints' });
    put({ row, col: cSelf, formula: ref(extra.row, col.self), result: totals.self[extra.kind], style: 'docPoints' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(extra.row, col.appraisal), result: totals.appraisal[extra.kind], style: 'docPoints' });
      put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal[extra.kind], totals.self[extra.kind]), style: 'docPoints' });
    }
    put({ row, col: cPercent, value: null, style: 'docCenter' });
    row++;
  }
  put({ row, col: 0, value: null, style: 'docTotalBlank' });
  put({ row, col: 1, value: 'TỔNG ĐIỂM', style: 'docTotalLabel' });
  put({ row, col: 2, formula: ref(g.totalRow, col.max), result: setMax(set), style: 'docTotalPoints' });
  put({ row, col: cSelf, formula: ref(g.totalRow, col.self), result: totals.self.total, style: 'docTotalPoints' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.totalRow, col.appraisal), result: totals.appraisal.total, style: 'docTotalPoints' });
    put({ row, col: cDiff, formula: `${a1(row, cAppraisal)}-${a1(row, cSelf)}`, result: subtractPoints(totals.appraisal.total, totals.self.total), style: 'docTotalPoints' });
  }
  // The total's rate is the index: points over the applicable maximum on the next row.
  put({ row, col: cPercent, formula: `IF(${a1(row + 1, basis)}>0,ROUND(${a1(row, basis)}/${a1(row + 1, basis)}*100,2),"")`, result: basisTotals.index === null ? '' : basisTotals.index, style: 'docTotalPercent' });
  row++;
  put({ row, col: 0, value: null, style: 'docTotalBlank' });
  put({ row, col: 1, value: 'Điểm tối đa các tiêu chí áp dụng', style: 'docTotalLabel' });
  put({ row, col: 2, value: null, style: 'docTotalBlank' });
  put({ row, col: cSelf, formula: ref(g.applicableRow, col.self), result: totals.self.applicableMax, style: 'docTotalPoints' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.applicableRow, col.appraisal), result: totals.appraisal.applicableMax, style: 'docTotalPoints' });
    put({ row, col: cDiff, value: null, style: 'docTotalBlank' });
  }
  put({ row, col: cPercent, value: null, style: 'docTotalBlank' });
  row++;
  put({ row, col: 0, value: null, style: 'docTotalBlank' });
  const indexRow = row;
  put({ row, col: 1, value: 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)', style: 'docTotalLabel' });
  put({ row, col: 2, value: null, style: 'docTotalBlank' });
  put({ row, col: cSelf, formula: ref(g.indexRow, col.self), result: totals.self.index === null ? '' : totals.self.index, style: 'docTotalPercent' });
  if (appraisal) {
    put({ row, col: cAppraisal, formula: ref(g.indexRow, col.appraisal), result: totals.appraisal.index === null ? '' : totals.appraisal.index, style: 'docTotalPercent' });
    put({ row, col: cDiff, formula: `IF(AND(ISNUMBER(${a1(row, cAppraisal)}),ISNUMBER(${a1(row, cSelf)})),${a1(row, cAppraisal)}-${a1(row, cSelf)},"")`, result: totals.appraisal.index !== null && totals.self.index !== null ? subtractPoints(totals.appraisal.index, totals.self.index) : '', style: 'docTotalPercent' });
  }
  // Items scored at appraisal not scored yet: the self index is provisional, as Chấm điểm says beside it.
  if (g.appraisalOnly) put({ row, col: cPercent, formula: ref(g.indexRow, col.evidence), result: provisionalText(totals.self.pending), style: 'docTotalNote' });
  else put({ row, col: cPercent, value: null, style: 'docTotalBlank' });
  row++;
  if (g.bandRow !== null) {
    put({ row, col: 0, value: null, style: 'docTotalBlank' });
    put({ row, col: 1, value: 'Xếp loại', style: 'docTotalLabel' });
    put({ row, col: 2, value: null, style: 'docTotalBlank' });
    put({ row, col: cSelf, formula: ref(g.bandRow, col.self), result: totals.self.band, style: 'docTotalBand' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(g.bandRow, col.appraisal), result: totals.appraisal.band, style: 'docTotalBand' });
      put({ row, col: cDiff, value: null, style: 'docTotalBlank' });
    }
    put({ row, col: cPercent, value: null, style: 'docTotalBlank' });
    row++;
  }

  row += 1;

  row += 1;
  let numeral = 'II';
  if (opts.previous) {
    const domainRow: Record<string, number> = {};
    domains.forEach((d, i) => (domainRow[d.flat.code] = domainRows.first + i));
    const now: Record<string, number | null> = {};
    for (const d of domains) now[d.flat.code] = basisTotals.byCode[d.flat.code] === undefined ? null : basisTotals.byCode[d.flat.code];
    row = comparisonRows(w, row, {
      numeral, lastCol, year, set, previous: opts.previous, domainRow, basisCol: basis, indexCell: { row: indexRow, col: basis },
      now: { domains: now, index: basisTotals.index }, basisName: appraisal ? 'điểm thẩm định' : 'điểm tự chấm',
    }) + 1;
    numeral = 'III';
  }
  // The panel stands beside the rows above: what the check compares is all planned by now.
  const { cells: panelCells, merges: panelMerges, validations } = panelPlan(panel, inputs, panelFields(appraisal));
  panelCells.forEach(put);
  merges.push(...panelMerges);
  if (!complete) {
    return { sheet: { name: SHEETS.summary, visibility: 'visible', columns: [], rowHeights: [], cells, merges, validations, conditionalFormats: [], protect: true }, chart: null };
  }
  row = shortfallRows(w, row, { numeral, lastCol, markCol: lastCol + 1, list: shortfalls(set, opts.entries, basisRole), basis: basisRole, scored: hasScores(opts.entries, basisRole) });

  row += 1;
  const signRow = row;
  row = signatureRows(w, row, grid, issuer, inputs);

  const columns: ColumnPlan[] = appraisal
    ? [{ width: 5 }, { width: 27 }, { width: 9 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 11 }]
    : [{ width: 5 }, { width: 28 }, { width: 17 }, { width: 17 }, { width: 17 }];
  // The panel: a narrow gap, its labels, its entries.
  columns.push({ width: 3 }, { width: 26 }, { width: 30 });

  // % achieved per domain, on a page of its own after the signature: it reads the sheet's own percent
  // column, so it follows the scores wherever the workbook is recalculated.
  const own = (c: number) => `'${SHEETS.summary}'!$${columnLetter(c)}$${domainRows.first + 1}:$${columnLetter(c)}$${domainRows.last + 1}`;
  const chartTop = row + 1;
  const chartRows = Math.max(22, Math.ceil(domains.length * 2) + 6);
  const chart: BarChartPlan = {
    sheet: SHEETS.summary,
    title: `Tỷ lệ đạt (%) theo lĩnh vực — ${appraisal ? 'điểm thẩm định' : 'điểm tự chấm'}`,
    categories: own(1),
    values: own(cPercent),
    seriesName: 'Tỷ lệ đạt (%)',
    valueMax: 100,
    points: chartPoints,
    from: { row: chartTop, col: 0 },
    to: { row: chartTop + chartRows, col: lastCol + 1 },
  };
  const sheet: SheetPlan = {
    name: SHEETS.summary,
    visibility: 'visible',
    columns,
    rowHeights: Object.keys(heights).map(Number).map((r) => ({ row: r, height: heights[r] })).concat([{ row: headerRow, height: appraisal ? 48 : 32 }]),
    cells,
    merges,
    validations,
    conditionalFormats: [],
    protect: true,
    tabColor: '70AD47',
  };
  fitRowHeights(sheet, STYLES);
  sheet.print = documentPrint(sheet, STYLES, {
    orientation: 'portrait', lastCol, lastRow: chartTop + chartRows,
    keepWithNext: (r) => !!keep[r] || (r >= signRow - 1 && r < signRow + 6), forced: [chartTop],
  });
  return { sheet, chart };
}

function hasScores(entries: Entries | undefined, basis: 'self' | 'appraisal'): boolean {
  return !!entries && Object.keys(entries).some((code) => parseScoreCell(entries[code].values[basis] === undefined ? null : entries[code].values[basis]!).kind !== 'blank');
}

export interface SummaryRefresh {
  plan: WorkbookPlan;
  sheet: SheetPlan;
  /** The stamp of this layout (summaryLayoutStamp), which _cchc keeps once the plan is written. */
  layout: string;
}

/**
 * The cells of Tổng hợp compared one by one with what the sheet holds: its formulas above the Tồn tại,
 * hạn chế list, whose length follows the scores of the last refresh (summary-stale judges that part).
 */
export function comparedSummaryCells(sheet: SheetPlan): CellPlan[] {
  const mark = sheet.cells.filter((c) => c.value === SHORTFALL_MARK)[0];
  return sheet.cells.filter((c) => !!c.formula && (!mark || c.row < mark.row));
}

/**
 * A stamp of Tổng hợp's layout as planned for a freshly built scoring sheet: the table's header and
 * every compared formula where it stands. _cchc keeps the stamp of the sheet written; a sheet whose
 * stamp differs from today's plan was made by another version of cchc, and is not compared cell by cell.
 */
export function summaryLayoutStamp(sheet: SheetPlan): string {
  const parts = sheet.cells.filter((c) => c.row === SUMMARY_HEADER_ROW && typeof c.value === 'string').map((c) => `${c.col}=${c.value}`);
  for (const c of comparedSummaryCells(sheet)) parts.push(`${a1(c.row, c.col)}=${c.formula}`);
  const layout = parts.join('\n');
  // The live check stamps the same layout after every edit: the last one's checksum is kept.
  if (layout !== lastStamped.layout) lastStamped = { layout, stamp: 'v1:' + crc32Text(layout).toString(16) };
  return lastStamped.stamp;
}

let lastStamped = { layout: '', stamp: '' };

/**
 * The Tổng hợp sheet for a workbook as it stands now. The core plans it for a freshly built scoring
 * sheet; people insert rows, sort, add columns or rename the sheet afterwards. The reader knows where
 * each domain row, total row and column really is, so the planned references are moved there.
 * `current`: the totals of the entries as they stand, cached as the results (else those of no entry).
 */
/** What a refresh starts from besides the workbook as read. */
export interface RefreshOptions {
  /** Tổng hợp as it stands: what was typed in its panel is kept. */
  summaryGrid?: SheetGrid;
  /**
   * Last year's result chosen now (the pane's picker, `cchc refresh --previous`); without it, the one
   * the workbook keeps, if any. A new one is written into _cchc too, so later refreshes keep it.
   */
  previous?: PreviousYear;
  /** The entries' totals when the caller has them (the check); else computed here. */
  current?: Totals;
  /** The entries when the caller has them (the check); else read here. */
  entries?: Entries;
  /** Only the cells the check compares (summarySheet's `complete` false): the plan is not to be written. */
  comparedOnly?: boolean;
}

export function refreshedSummary(read: ScoringRead, options: RefreshOptions = {}): SummaryRefresh {
  const { summaryGrid, previous } = options;
  const meta = read.meta;
  const appraisal = read.columns.appraisal !== undefined;
  const g = scoringGeometry(meta.set, appraisal);
  const entries = options.entries || extractEntries(read).entries;
  const totals: Totals = options.current || { self: columnTotals(meta.set, entries, 'self'), appraisal: columnTotals(meta.set, entries, 'appraisal') };
  const report = readReportInputs(summaryGrid, panelFields(appraisal)) || undefined;
  const planned = summarySheet({ set: meta.set, unit: meta.unit, year: meta.year, appraisal, entries, report, previous: previous || meta.previous }, g, totals, !options.comparedOnly);
  const layout = summaryLayoutStamp(planned.sheet);

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
  const sheets = [sheet];
  // _cchc keeps a new last year's result, and the stamp of the layout written now.
  if (previous || meta.summaryLayout !== layout) sheets.push(metaSheetPlan({ ...meta, previous: previous || meta.previous, summaryLayout: layout }));
  return { plan: { sheets, styles: STYLES, fullCalcOnLoad: true, charts: planned.chart ? [planned.chart] : [] }, sheet, layout };
}

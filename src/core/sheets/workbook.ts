// The scoring workbook as a plan: Chấm điểm, Tổng hợp and _cchc (DESIGN.md §4). Every cell, formula,
// style, validation rule and conditional format is decided here; the writers only apply it.

import { CriteriaSet, FlatNode, flattenSet, setMax } from '../model/criteria';
import { a1, columnLetter } from '../model/grid';
import { ColumnRole, ROW_MARKERS, SCORING_HEADER_ROW, SHEETS, columnLayout, columnSpec, ColumnLayout } from '../model/layout';
import { metaSheetPlan } from './meta';
import { BarChartPlan, CellPlan, ConditionalFormatPlan, PlanValue, SheetPlan, StyleSpec, ValidationPlan, WorkbookPlan, fitRowHeights } from '../model/plan';
import { NOT_APPLICABLE_MARK, formatPoints, indexPercent, isHundredthStep, parseScoreCell, pointsEqual, subtractPoints, sumPoints, toHundredths } from '../model/points';
import { ENTRY_ROLE_NAMES, Entries, EntryRole, LeafEntry, Leftover, EvidenceDoc, entryValue } from '../model/entries';
import { CellValue } from '../model/grid';
import { domainApplicableFormula, domainApplicableMax, domainBlocks, notApplicableMaxFormula } from './scoring/applicable';
import { EVIDENCE_STYLES, EvidencePlan, planEvidence } from './register/plan';
import { ExtraGroupRows, combineTotal, extraGroupRows, extraRowsPlan, extraSums, hasExtras, totalWithExtrasFormula } from './scoring/extras';
import { safeHyperlink } from '../model/evidence-link';

export { SHEETS } from '../model/layout';

export interface BuildOptions {
  set: CriteriaSet;
  /** "Xã Đồng Thịnh" */
  unit: string;
  year: number;
  /** Adds the Điểm thẩm định and Ý kiến thẩm định columns. */
  appraisal?: boolean;
  /** Entries carried from an earlier workbook, already placed under this set (see entries.ts). */
  entries?: Entries;
  /** Entries that could not be placed: listed on their own sheet, never dropped. */
  leftovers?: Leftover[];
  /** Rows of the Minh chứng register carried from an earlier workbook (extractEntries' `register`). */
  evidence?: EvidenceDoc[];
}

// Points use the General format: it shows 9, 2.5 and 0.25 as written, where "0.##" leaves Excel
// showing "9." on whole numbers.
export const STYLES: Record<string, StyleSpec> = {
  title: { font: { bold: true, size: 14 }, horizontal: 'center', vertical: 'middle', wrap: true },
  info: { font: { size: 11 }, horizontal: 'left', vertical: 'middle' },
  infoBold: { font: { bold: true, size: 11 }, horizontal: 'left', vertical: 'middle' },
  statusReference: { font: { bold: true, color: 'C00000' }, horizontal: 'left', vertical: 'middle', wrap: true, fill: 'FCE4D6' },
  statusOfficial: { font: { bold: true, color: '375623' }, horizontal: 'left', vertical: 'middle', wrap: true },
  hint: { font: { italic: true, size: 10, color: '595959' }, horizontal: 'left', vertical: 'middle', wrap: true },
  header: { font: { bold: true }, fill: 'D9D9D9', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  domain: { font: { bold: true }, fill: 'BDD7EE', vertical: 'top', wrap: true, border: true },
  domainCenter: { font: { bold: true }, fill: 'BDD7EE', horizontal: 'center', vertical: 'top', border: true },
  domainPoints: { font: { bold: true }, fill: 'BDD7EE', horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  criterion: { font: { bold: true }, fill: 'EDEDED', vertical: 'top', wrap: true, border: true, indent: 1 },
  criterionCenter: { font: { bold: true }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', border: true },
  criterionPoints: { font: { bold: true }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  leaf: { vertical: 'top', wrap: true, border: true, indent: 2 },
  leafCenter: { horizontal: 'center', vertical: 'top', border: true },
  leafPoints: { horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  method: { font: { size: 10 }, vertical: 'top', wrap: true, border: true },
  entryScore: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: 'General' },
  entryText: { fill: 'FFF2CC', vertical: 'top', wrap: true, border: true, locked: false },
  plain: { vertical: 'top', border: true },
  check: { font: { size: 10 }, vertical: 'top', wrap: true, border: true },
  code: { font: { size: 9, color: '595959' }, horizontal: 'center', vertical: 'top', border: true },
  // The markers of the total rows are for the reader, not for people: the format ;;; shows nothing.
  codeMarker: { font: { size: 9 }, vertical: 'top', numFmt: ';;;' },
  totalLabel: { font: { bold: true }, fill: 'F8CBAD', vertical: 'middle', border: true, horizontal: 'right' },
  totalPoints: { font: { bold: true }, fill: 'F8CBAD', horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  totalPercent: { font: { bold: true }, fill: 'F8CBAD', horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  totalBlank: { fill: 'F8CBAD', border: true },
  // Tổng hợp
  orgLeft: { font: { bold: false, size: 12 }, horizontal: 'center', vertical: 'middle' },
  orgLeftBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  nationBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  motto: { font: { bold: true, size: 12, underline: true }, horizontal: 'center', vertical: 'middle' },
  placeDate: { font: { italic: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  sumHeader: { font: { bold: true }, fill: 'D9D9D9', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  sumCell: { vertical: 'middle', wrap: true, border: true },
  sumCenter: { horizontal: 'center', vertical: 'middle', border: true },
  sumPoints: { horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  sumPercent: { horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  signTitle: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  signHint: { font: { italic: true, size: 11 }, horizontal: 'center', vertical: 'middle' },
  recipients: { font: { bold: true, italic: true, size: 11 }, horizontal: 'left', vertical: 'top' },
  recipientLine: { font: { size: 10 }, horizontal: 'left', vertical: 'top' },
  ...EVIDENCE_STYLES,
};

/** The note shown on the sheet for a set that is not the issued text. */
export const REFERENCE_NOTE = 'Bộ tiêu chí tham khảo — đối chiếu với Phụ lục Quyết định 4203/QĐ-UBND trước khi dùng';

/** "Xã Đồng Thịnh" → { full: "Xã Đồng Thịnh", place: "Đồng Thịnh" }; a bare name is taken as a xã. */
export function unitNames(unit: string): { full: string; place: string } {
  const clean = unit.normalize('NFC').replace(/\s+/g, ' ').trim();
  const m = /^(xã|phường|thị trấn)\s+(.+)$/i.exec(clean);
  if (m) return { full: m[1].charAt(0).toUpperCase() + m[1].slice(1).toLowerCase() + ' ' + m[2], place: m[2] };
  return { full: 'Xã ' + clean, place: clean };
}

/** References to rows of one column, consecutive rows joined into ranges: E11:E14,E17. */
export function rowRefs(col: number, rows: number[]): string[] {
  const sorted = rows.slice().sort((a, b) => a - b);
  const refs: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    refs.push(i === j ? a1(sorted[i], col) : a1(sorted[i], col) + ':' + a1(sorted[j], col));
    i = j + 1;
  }
  return refs;
}

/** SUM of the references; more than 255 arguments (Excel's limit) are nested in groups. */
export function sumFormula(refs: string[]): string {
  if (refs.length === 0) return '0';
  if (refs.length <= 255) return 'SUM(' + refs.join(',') + ')';
  const groups: string[] = [];
  for (let i = 0; i < refs.length; i += 255) groups.push('SUM(' + refs.slice(i, i + 255).join(',') + ')');
  return sumFormula(groups);
}

function numberList(values: number[]): string {
  return values.map((v) => String(v)).join(',');
}

/** Messages of the Kiểm tra column; errors start with ✗ so formats and readers can tell them apart. */
export const CHECK_TEXT = {
  ok: '✓',
  blank: 'Chưa chấm',
  notApplicable: 'Không áp dụng',
  notNumber: '✗ Không phải số',
  negative: '✗ Điểm âm',
  overMax: '✗ Vượt điểm tối đa',
  notLevel: '✗ Không đúng mức điểm',
  tooFine: '✗ Quá 2 chữ số thập phân',
} as const;

/**
 * The Kiểm tra expression for one score cell. The maximum is the set's (a literal), so an edited
 * Điểm tối đa cell cannot loosen the check.
 */
export function scoreCheckExpression(cell: string, max: number, levels: number[] | undefined): string {
  const t = CHECK_TEXT;
  const levelTest = levels && levels.length
    ? `IF(ISNA(MATCH(ROUND(${cell},2),{${numberList(levels)}},0)),"${t.notLevel}","${t.ok}")`
    : `"${t.ok}"`;
  return `IF(TRIM(${cell}&"")="","${t.blank}",IF(UPPER(TRIM(${cell}&""))="${NOT_APPLICABLE_MARK}","${t.notApplicable}",` +
    `IF(NOT(ISNUMBER(${cell})),"${t.notNumber}",IF(${cell}<0,"${t.negative}",IF(ROUND(${cell},2)<>${cell},"${t.tooFine}",` +
    `IF(${cell}>${max},"${t.overMax}",${levelTest}))))))`;
}

/** The data validation of one leaf score cell: a number from 0 to the maximum, or KAD. */
export function scoreValidation(cell: string, max: number, levels: number[] | undefined, columnLabel: string): ValidationPlan {
  const levelText = levels && levels.length ? ` Mức điểm: ${levels.map((l) => formatPoints(l)).join('; ')}.` : '';
  return {
    range: cell,
    type: 'custom',
    formula: `OR(UPPER(TRIM(${cell}&""))="${NOT_APPLICABLE_MARK}",AND(ISNUMBER(${cell}),${cell}>=0,${cell}<=${max},ROUND(${cell},2)=${cell}))`,
    allowBlank: true,
    prompt: {
      title: columnLabel,
      text: `Nhập điểm từ 0 đến ${formatPoints(max)}.${levelText} Ghi ${NOT_APPLICABLE_MARK} nếu không áp dụng.`.slice(0, 255),
    },
    error: {
      title: 'Điểm không hợp lệ',
      text: `Điểm phải là số từ 0 đến ${formatPoints(max)} (điểm tối đa của tiêu chí này), lẻ nhiều nhất 2 chữ số thập phân, hoặc ${NOT_APPLICABLE_MARK} nếu không áp dụng.`.slice(0, 255),
    },
  };
}

export interface NodeRow {
  flat: FlatNode;
  row: number;
}

/** Rows of the scoring sheet, decided once so every part of the plan agrees. */
export interface ScoringGeometry {
  layout: ColumnLayout;
  headerRow: number;
  firstNodeRow: number;
  nodeRows: NodeRow[];
  /** The row of every code: the tree's nodes, then the bonus and deduction items. */
  rowOf: Record<string, number>;
  /** The last row of the criteria tree. */
  lastNodeRow: number;
  /** Bonus and deduction rows, between the tree and the total (extras.ts). */
  extras: ExtraGroupRows[];
  totalRow: number;
  applicableRow: number;
  indexRow: number;
  bandRow: number | null;
  lastRow: number;
}

export function scoringGeometry(set: CriteriaSet, appraisal: boolean): ScoringGeometry {
  const layout = columnLayout(appraisal);
  const headerRow = SCORING_HEADER_ROW;
  const firstNodeRow = headerRow + 1;
  const flat = flattenSet(set);
  const rowOf: Record<string, number> = {};
  const nodeRows = flat.map((f, i) => {
    rowOf[f.code] = firstNodeRow + i;
    return { flat: f, row: firstNodeRow + i };
  });
  const lastNodeRow = firstNodeRow + flat.length - 1;
  const extras = extraGroupRows(set, lastNodeRow + 1);
  for (const group of extras.groups) for (const { item, row } of group.items) rowOf[item.code] = row;
  const totalRow = extras.nextRow;
  const bandRow = set.bands && set.bands.length ? totalRow + 3 : null;
  return {
    layout, headerRow, firstNodeRow, nodeRows, rowOf, lastNodeRow, extras: extras.groups, totalRow,
    applicableRow: totalRow + 1, indexRow: totalRow + 2, bandRow, lastRow: bandRow === null ? totalRow + 2 : bandRow,
  };
}

/** The classification formula for an index cell, from the set's bands (highest first). */
export function bandFormula(indexCell: string, set: CriteriaSet): string | null {
  const bands = (set.bands || []).slice().sort((a, b) => b.min - a.min);
  if (!bands.length) return null;
  let expr = '""';
  for (let i = bands.length - 1; i >= 0; i--) {
    expr = `IF(${indexCell}>=${bands[i].min},"${bands[i].label.replace(/"/g, '""')}",${expr})`;
  }
  return `IF(ISNUMBER(${indexCell}),${expr},"")`;
}

type Totals = Record<'self' | 'appraisal', ColumnTotals>;

function scoringSheet(opts: BuildOptions, g: ScoringGeometry, totals: Totals, register: EvidencePlan): SheetPlan {
  const { set, year } = opts;
  const appraisal = !!opts.appraisal;
  const { layout } = g;
  const col = layout.col as Record<ColumnRole, number>;
  const lastCol = layout.order.length - 1;
  const textLast = lastCol - 1; // titles and hints span the columns before the code column
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const validations: ValidationPlan[] = [];
  const names = unitNames(opts.unit);
  const put = (cell: CellPlan) => cells.push(cell);
  const mergeRow = (row: number) => merges.push(a1(row, 0) + ':' + a1(row, textLast));

  put({ row: 0, col: 0, value: `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year}`, style: 'title' });
  mergeRow(0);
  put({ row: 1, col: 0, value: `Đơn vị: Ủy ban nhân dân ${names.full.charAt(0).toLowerCase() + names.full.slice(1)}`, style: 'infoBold' });
  mergeRow(1);
  put({ row: 2, col: 0, value: `Bộ tiêu chí: ${set.title} (mã ${set.id})`, style: 'info' });
  mergeRow(2);
  put({ row: 3, col: 0, value: set.basis && set.basis.length ? 'Căn cứ: ' + set.basis.join('; ') : 'Căn cứ: (bộ tiêu chí không ghi văn bản căn cứ)', style: 'hint' });
  mergeRow(3);
  const reference = set.status !== 'official';
  put({ row: 4, col: 0, value: reference ? (set.note && set.note.indexOf('tham khảo') >= 0 ? set.note : REFERENCE_NOTE) : 'Bộ tiêu chí chính thức (đã đối chiếu văn bản ban hành).', style: reference ? 'statusReference' : 'statusOfficial' });
  mergeRow(4);
  put({
    row: 5, col: 0, style: 'hint',
    value: `Nhập điểm vào các ô nền vàng của cột "Điểm tự chấm"${appraisal ? ' và "Điểm thẩm định"' : ''}; ghi ${NOT_APPLICABLE_MARK} nếu tiêu chí không áp dụng. ` +
      `Văn bản kiểm chứng ghi ở trang ${SHEETS.evidence} (số, ký hiệu, ngày, tệp); thiếu tài liệu thì ghi giải trình. Các ô tổng là công thức, không sửa.`,
  });
  mergeRow(5);

  for (const role of layout.order) {
    put({ row: g.headerRow, col: col[role], value: columnSpec(role).header.vi, style: 'header' });
  }

  const scoreRoles: Array<'self' | 'appraisal'> = appraisal ? ['self', 'appraisal'] : ['self'];
  for (const { flat, row } of g.nodeRows) {
    const n = flat.node;
    // A tiêu chí scored directly is still a criterion: it looks like one, with entry cells of a leaf.
    const kind = flat.depth === 0 ? 'domain' : flat.depth === 1 ? 'criterion' : 'leaf';
    const center = kind + 'Center';
    const points = kind + 'Points';
    put({ row, col: col.stt, value: n.stt || null, style: center });
    put({ row, col: col.name, value: n.name, style: kind });
    put({ row, col: col.max, value: n.max, style: points });
    put({ row, col: col.method, value: n.method || null, style: flat.leaf ? 'method' : kind });
    put({ row, col: col.code, value: n.code, style: 'code' });
    if (flat.leaf) {
      const entry = (opts.entries && opts.entries[n.code]) || { values: {} };
      const valueOf = (role: EntryRole): PlanValue => entryValue(entry.values[role]);
      for (const role of scoreRoles) {
        const cell = a1(row, col[role]);
        put({ row, col: col[role], value: valueOf(role as EntryRole), style: 'entryScore' });
        validations.push(scoreValidation(cell, n.max, n.levels, columnSpec(role).header.vi));
      }
      put(register.cell(n.code, row, col.evidence));
      put({ row, col: col.note, value: valueOf('note'), style: 'entryText' });
      if (appraisal) put({ row, col: col.appraisalNote, value: valueOf('appraisalNote'), style: 'entryText' });
      const selfText = checkText(entry.values.self, n.max, n.levels);
      const checkResult = appraisal && !isBlankValue(entry.values.appraisal)
        ? `Tự chấm: ${selfText} | Thẩm định: ${checkText(entry.values.appraisal, n.max, n.levels)}`
        : selfText;
      put({ row, col: col.check, formula: leafCheckFormula(row, col, n.max, n.levels, appraisal), result: checkResult, style: 'check' });
    } else {
      const childRows = flat.childCodes.map((c) => g.rowOf[c]);
      for (const role of scoreRoles) {
        put({ row, col: col[role], formula: sumFormula(rowRefs(col[role], childRows)), result: totals[role].byCode[n.code], style: points });
      }
      put({ row, col: col.evidence, value: null, style: kind });
      put({ row, col: col.note, value: null, style: kind });
      if (appraisal) put({ row, col: col.appraisalNote, value: null, style: kind });
      put({ row, col: col.check, value: null, style: kind });
    }
  }

  const extraRows = extraRowsPlan({
    groups: g.extras, layout, scoreRoles,
    entryValue: (code, role) => entryValue(((opts.entries && opts.entries[code]) || { values: {} as LeafEntry['values'] }).values[role as EntryRole]),
    evidenceLink: (code) => (opts.entries && opts.entries[code] ? opts.entries[code].evidenceLink : undefined),
    groupResult: (kind, role) => totals[role][kind],
  });
  extraRows.cells.forEach(put);
  validations.push(...extraRows.validations);

  // Total, applicable maximum, index (and classification when the set has bands).
  const domainRows = g.nodeRows.filter((r) => r.flat.depth === 0).map((r) => r.row);
  const first = g.firstNodeRow;
  // Only the tree's rows: a KAD typed on a bonus row must not lower the applicable maximum.
  const last = g.lastNodeRow;
  const totalMax = setMax(set);
  const labelSpan = (row: number, text: string) => {
    put({ row, col: 0, value: text, style: 'totalLabel' });
    for (let c = 1; c < col.max; c++) put({ row, col: c, value: null, style: 'totalLabel' });
    merges.push(a1(row, 0) + ':' + a1(row, col.max - 1));
  };
  const blanks = (row: number, except: number[]) => {
    for (let c = col.max; c <= textLast; c++) if (except.indexOf(c) < 0) put({ row, col: c, value: null, style: 'totalBlank' });
  };
  labelSpan(g.totalRow, 'TỔNG ĐIỂM');
  put({ row: g.totalRow, col: col.max, formula: sumFormula(rowRefs(col.max, domainRows)), result: totalMax, style: 'totalPoints' });
  for (const role of scoreRoles) {
    const formula = totalWithExtrasFormula(sumFormula(rowRefs(col[role], domainRows)), col[role], g.extras);
    put({ row: g.totalRow, col: col[role], formula, result: totals[role].total, style: 'totalPoints' });
  }
  blanks(g.totalRow, [col.max].concat(scoreRoles.map((r) => col[r])));
  put({ row: g.totalRow, col: col.code, value: ROW_MARKERS.total, style: 'codeMarker' });

  labelSpan(g.applicableRow, 'ĐIỂM TỐI ĐA CÁC TIÊU CHÍ ÁP DỤNG');
  const maxRange = `${a1(first, col.max)}:${a1(last, col.max)}`;
  for (const role of scoreRoles) {
    const range = `${a1(first, col[role])}:${a1(last, col[role])}`;
    put({
      row: g.applicableRow, col: col[role],
      formula: `${a1(g.totalRow, col.max)}-${notApplicableMaxFormula(range, maxRange)}`,
      result: totals[role].applicableMax, style: 'totalPoints',
    });
  }
  blanks(g.applicableRow, scoreRoles.map((r) => col[r]));
  put({ row: g.applicableRow, col: col.code, value: ROW_MARKERS.applicableMax, style: 'codeMarker' });

  labelSpan(g.indexRow, 'CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (%)');
  for (const role of scoreRoles) {
    const total = a1(g.totalRow, col[role]);
    const applicable = a1(g.applicableRow, col[role]);
    put({
      row: g.indexRow, col: col[role],
      formula: `IF(${applicable}>0,ROUND(${total}/${applicable}*100,2),"")`,
      result: totals[role].index === null ? '' : totals[role].index!, style: 'totalPercent',
    });
  }
  blanks(g.indexRow, scoreRoles.map((r) => col[r]));
  put({ row: g.indexRow, col: col.code, value: ROW_MARKERS.index, style: 'codeMarker' });

  if (g.bandRow !== null) {
    labelSpan(g.bandRow, 'XẾP LOẠI');
    for (const role of scoreRoles) {
      put({ row: g.bandRow, col: col[role], formula: bandFormula(a1(g.indexRow, col[role]), set)!, result: totals[role].band, style: 'totalPoints' });
    }
    blanks(g.bandRow, scoreRoles.map((r) => col[r]));
    put({ row: g.bandRow, col: col.code, value: ROW_MARKERS.band, style: 'codeMarker' });
  }

  return {
    name: SHEETS.scoring,
    visibility: 'visible',
    columns: layout.order.map((role) => ({ width: columnSpec(role).width, hidden: columnSpec(role).hidden })),
    rowHeights: [{ row: 0, height: 24 }, { row: 4, height: 18 }, { row: 5, height: 30 }, { row: g.headerRow, height: 32 }],
    cells,
    merges,
    validations,
    conditionalFormats: scoringConditionalFormats(g, scoreRoles),
    freeze: { rows: g.headerRow + 1, cols: 2 },
    protect: true,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: g.headerRow, to: g.headerRow } },
  };
}

/** The row's Kiểm tra formula: the self score's check, and the appraisal's once it is entered. */
function leafCheckFormula(row: number, col: Record<ColumnRole, number>, max: number, levels: number[] | undefined, appraisal: boolean): string {
  const self = scoreCheckExpression(a1(row, col.self), max, levels);
  if (!appraisal) return self;
  const cell = a1(row, col.appraisal);
  const appraised = scoreCheckExpression(cell, max, levels);
  return `IF(TRIM(${cell}&"")="",${self},"Tự chấm: "&${self}&" | Thẩm định: "&${appraised})`;
}

/**
 * Colours that flag wrong entries even when nothing else runs (a pasted value bypasses validation).
 * One rule per column over all node rows: the formula is relative to the first row.
 */
function scoringConditionalFormats(g: ScoringGeometry, scoreRoles: ColumnRole[]): ConditionalFormatPlan[] {
  const col = g.layout.col as Record<ColumnRole, number>;
  const first = g.firstNodeRow;
  const last = g.totalRow - 1;
  const maxCell = '$' + columnLetter(col.max) + (first + 1);
  const checkCell = '$' + columnLetter(col.check) + (first + 1);
  const rules: ConditionalFormatPlan[] = [];
  for (const role of scoreRoles) {
    const c = a1(first, col[role]);
    const range = `${a1(first, col[role])}:${a1(last, col[role])}`;
    rules.push({
      ranges: [range],
      formula: `AND(TRIM(${c}&"")<>"",UPPER(TRIM(${c}&""))<>"${NOT_APPLICABLE_MARK}",OR(NOT(ISNUMBER(${c})),${c}<0,${c}>${maxCell}))`,
      style: { fill: 'FF7C80', fontColor: '9C0006', bold: true },
    });
  }
  const checkRange = `${a1(first, col.check)}:${a1(last, col.check)}`;
  rules.push({ ranges: [checkRange], formula: `LEFT(${checkCell},1)="✗"`, style: { fill: 'FFC7CE', fontColor: '9C0006', bold: true } });
  rules.push({ ranges: [checkRange], formula: `${checkCell}="${CHECK_TEXT.ok}"`, style: { fontColor: '006100' } });
  rules.push({ ranges: [checkRange], formula: `${checkCell}="${CHECK_TEXT.blank}"`, style: { fill: 'FFEB9C', fontColor: '9C5700' } });
  return rules;
}

/** Summary sheet columns (0-based). */
export const SUMMARY_COLUMNS = { stt: 0, name: 1, max: 2, self: 3 } as const;

function summarySheet(opts: BuildOptions, g: ScoringGeometry, totals: Totals): { sheet: SheetPlan; chart: BarChartPlan } {
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

  const headerRow = 8;
  const headers: Array<[number, string]> = [[0, 'STT'], [1, 'Lĩnh vực'], [2, 'Điểm tối đa'], [cSelf, 'Điểm tự chấm']];
  if (appraisal) headers.push([cAppraisal, 'Điểm thẩm định'], [cDiff, 'Chênh lệch (thẩm định − tự chấm)']);
  headers.push([cPercent, 'Tỷ lệ đạt (%)']);
  for (const [c, text] of headers) put({ row: headerRow, col: c, value: text, style: 'sumHeader' });

  const domains = g.nodeRows.filter((r) => r.flat.depth === 0);
  const basis = appraisal ? cAppraisal : cSelf;
  const basisRole = appraisal ? 'appraisal' : 'self';
  const basisTotals = totals[basisRole];
  const blocks = domainBlocks(g.nodeRows);
  const flat = g.nodeRows.map((r) => r.flat);
  const notApplicable = (code: string) => {
    const e = opts.entries && opts.entries[code];
    return !!e && parseScoreCell(e.values[basisRole] === undefined ? null : e.values[basisRole]!).kind === 'not-applicable';
  };
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
    const applicable = domainApplicableFormula(`'${SHEETS.scoring}'`, blocks.filter((b) => b.code === d.flat.code)[0], col.max, col[basisRole]);
    const percent = indexPercent(basisTotals.byCode[d.flat.code], domainApplicableMax(d.flat, flat, notApplicable));
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
  put({ row, col: cPercent, value: null, style: 'totalBlank' });
  row++;
  if (g.bandRow !== null) {
    put({ row, col: 0, value: null, style: 'totalBlank' });
    put({ row, col: 1, value: 'Xếp loại', style: 'totalLabel' });
    put({ row, col: 2, value: null, style: 'totalBlank' });
    put({ row, col: cSelf, formula: ref(g.bandRow, col.self), result: totals.self.band, style: 'totalPoints' });
    if (appraisal) {
      put({ row, col: cAppraisal, formula: ref(g.bandRow, col.appraisal), result: totals.appraisal.band, style: 'totalPoints' });
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

function isBlankValue(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/** What the Kiểm tra formula shows for a value: the cached result until the spreadsheet recalculates. */
export function checkText(v: CellValue | undefined, max: number, levels: number[] | undefined): string {
  const p = parseScoreCell(v === undefined ? null : v);
  if (p.kind === 'blank') return CHECK_TEXT.blank;
  if (p.kind === 'not-applicable') return CHECK_TEXT.notApplicable;
  if (p.kind !== 'number') return CHECK_TEXT.notNumber;
  if (p.value < 0) return CHECK_TEXT.negative;
  if (!isHundredthStep(p.value)) return CHECK_TEXT.tooFine;
  if (toHundredths(p.value) > toHundredths(max)) return CHECK_TEXT.overMax;
  if (levels && levels.length && !levels.some((l) => pointsEqual(l, p.value))) return CHECK_TEXT.notLevel;
  return CHECK_TEXT.ok;
}

export interface ColumnTotals {
  byCode: Record<string, number>;
  /** Sums of the bonus and deduction items (0 when the set has none). */
  bonus: number;
  deduction: number;
  /** Domains + bonus − deduction, never below 0 (extras.ts). */
  total: number;
  applicableMax: number;
  index: number | null;
  band: string;
}

/** The core's own totals of the entries, cached in the formula cells as their results. */
export function columnTotals(set: CriteriaSet, entries: Entries | undefined, role: 'self' | 'appraisal'): ColumnTotals {
  const flat = flattenSet(set);
  const byCode: Record<string, number> = {};
  let notApplicable = 0;
  for (let i = flat.length - 1; i >= 0; i--) {
    const f = flat[i];
    if (f.leaf) {
      const p = parseScoreCell(entries && entries[f.code] ? entries[f.code].values[role] === undefined ? null : entries[f.code].values[role]! : null);
      byCode[f.code] = p.kind === 'number' ? p.value : 0;
      if (p.kind === 'not-applicable') notApplicable += toHundredths(f.node.max);
    } else {
      byCode[f.code] = sumPoints(f.childCodes.map((c) => byCode[c]));
    }
  }
  const extras = extraSums(set, (code) => (entries && entries[code] ? entries[code].values[role] : null));
  const total = combineTotal(sumPoints(set.nodes.map((n) => byCode[n.code])), extras.bonus, extras.deduction, hasExtras(set));
  const applicableMax = (toHundredths(setMax(set)) - notApplicable) / 100;
  const index = indexPercent(total, applicableMax);
  const bands = (set.bands || []).slice().sort((a, b) => b.min - a.min);
  const band = index === null ? '' : (bands.filter((b) => index >= b.min)[0] || { label: '' }).label;
  return { byCode, bonus: extras.bonus, deduction: extras.deduction, total, applicableMax, index, band };
}

/** Name of the sheet that keeps entries a rebuild could not place. */
export const LEFTOVERS_SHEET = 'Mục chưa chuyển';

function leftoversSheet(leftovers: Leftover[]): SheetPlan {
  const cells: CellPlan[] = [];
  cells.push({ row: 0, col: 0, value: 'CÁC NỘI DUNG CHƯA CHUYỂN SANG BẢNG MỚI — xem lý do và nhập lại nếu cần', style: 'title' });
  cells.push({ row: 1, col: 0, value: 'Không nội dung nào bị xóa: mọi giá trị của bảng cũ không đặt được vào bảng mới đều được giữ ở đây.', style: 'hint' });
  const headers = ['Mã', 'Tên tiêu chí', 'Cột', 'Giá trị cũ', 'Lý do'];
  headers.forEach((h, c) => cells.push({ row: 3, col: c, value: h, style: 'header' }));
  leftovers.forEach((l, i) => {
    const row = 4 + i;
    cells.push({ row, col: 0, value: l.code, style: 'plain' });
    cells.push({ row, col: 1, value: l.name || null, style: 'leaf' });
    cells.push({ row, col: 2, value: ENTRY_ROLE_NAMES[l.role].vi, style: 'plain' });
    // A link whose scheme could run code is kept as text beside the value, never as a live link.
    const link = l.link ? safeHyperlink(l.link) : undefined;
    const old: CellPlan = { row, col: 3, value: l.link && !link ? `${l.value === null ? '' : String(l.value)} (${l.link})`.trim() : entryValue(l.value), style: 'plain' };
    if (link) old.hyperlink = link;
    cells.push(old);
    cells.push({ row, col: 4, value: l.reason.vi, style: 'leaf' });
  });
  return {
    name: LEFTOVERS_SHEET,
    visibility: 'visible',
    columns: [{ width: 10 }, { width: 44 }, { width: 18 }, { width: 30 }, { width: 50 }],
    rowHeights: [],
    cells,
    merges: ['A1:E1', 'A2:E2'],
    validations: [],
    conditionalFormats: [],
    protect: false,
    tabColor: 'C00000',
  };
}

export function buildWorkbookPlan(opts: BuildOptions): WorkbookPlan {
  const g = scoringGeometry(opts.set, !!opts.appraisal);
  const totals: Totals = { self: columnTotals(opts.set, opts.entries, 'self'), appraisal: columnTotals(opts.set, opts.entries, 'appraisal') };
  const register = planEvidence({ set: opts.set, unit: unitNames(opts.unit).full, year: opts.year, evidence: opts.evidence, entries: opts.entries });
  const summary = summarySheet(opts, g, totals);
  const sheets = [scoringSheet(opts, g, totals, register), summary.sheet, register.sheet];
  if (opts.leftovers && opts.leftovers.length) sheets.push(leftoversSheet(opts.leftovers));
  for (const sheet of sheets) fitRowHeights(sheet, STYLES);
  sheets.push(metaSheetPlan({ unit: unitNames(opts.unit).full, year: opts.year, set: opts.set, appraisal: !!opts.appraisal }));
  return { sheets, styles: STYLES, fullCalcOnLoad: true, charts: [summary.chart] };
}

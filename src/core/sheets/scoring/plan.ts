// The Chấm điểm sheet as a plan: the header block, one row per node, entry cells with their
// validation, subtotal formulas, the Kiểm tra column, and the total, applicable maximum and index rows.

import { setMax } from '../../model/criteria';
import { a1, columnLetter } from '../../model/grid';
import { ColumnRole, ROW_MARKERS, SHEETS, columnSpec, columnWidth } from '../../model/layout';
import { CellPlan, ConditionalFormatPlan, PlanValue, SheetPlan, StyleSpec, ValidationPlan } from '../../model/plan';
import { CriteriaSet } from '../../model/criteria';
import { documentPrint } from '../../model/print';
import { Issuer } from '../document';
import { InputField, inputCell } from '../report-inputs';
import { summaryIssuer, summaryPanel } from '../summary';
import { NOT_APPLICABLE_MARK } from '../../model/points';
import { EntryRole, LeafEntry, entryValue } from '../../model/entries';
import { notApplicableMaxFormula } from './applicable';
import { EvidencePlan } from '../register/plan';
import { AssignmentPlan } from '../assignment/plan';
import { extraRowsPlan, totalWithExtrasFormula } from './extras';
import { figureCell, figureValidation, takesFigure } from './figures';
import { BuildOptions, unitTypeOf } from '../../model/build-options';
import { parseUnitName } from '../../model/unit-name';
import { rowRefs, sumFormula } from '../../model/formula';
import { ScoringGeometry } from './geometry';
import { Totals, appraisalOnlySelf, appraisalOnlySelfFormula, bandFormula } from './totals';
import { hasAppraisalOnly, isAppraisalOnly, setHasFigures, setListsNotApplicable } from '../../model/criteria-kinds';
import { provisionalNote, provisionalText, scorableLeaves } from './provisional';
import { text } from '../../text/catalogue';
import { ScoreSpec, leafScore, verdictText } from '../../model/verdict';
import { bothCheckExpression, bothCheckText, colourExpression, scoreCheckExpression, scoreValidation } from '../../model/verdict-sheet';

/** The document a set says it comes from, as it is cited ("Quyết định 4203/QĐ-UBND"), if its basis names one. */
export function setSource(set: CriteriaSet): string | null {
  for (const line of set.basis || []) {
    const m = /(Quyết định|Hướng dẫn|Thông tư|Nghị định|Công văn|Kế hoạch)(?:\s+số)?\s+(\d+\/[0-9A-Za-zĐđ-]+)/.exec(line.normalize('NFC'));
    if (m) return m[1] + ' ' + m[2];
  }
  return null;
}

/** The set's status as the sheet states it: from its own note, basis and status, never a fixed decision. */
export function statusNote(set: CriteriaSet): string {
  const source = setSource(set);
  if (set.status === 'official') return source ? `Bộ tiêu chí chính thức theo ${source}.` : 'Bộ tiêu chí chính thức (đã đối chiếu văn bản ban hành).';
  if (set.note && set.note.indexOf('tham khảo') >= 0) return set.note;
  return source
    ? `Bộ tiêu chí tham khảo — đối chiếu với ${source} trước khi dùng.`
    : 'Bộ tiêu chí tham khảo, chưa đối chiếu văn bản ban hành — đối chiếu trước khi dùng.';
}

export function scoringSheet(opts: BuildOptions, g: ScoringGeometry, totals: Totals, register: EvidencePlan, assignment: AssignmentPlan): SheetPlan {
  const { set, year } = opts;
  const appraisal = !!opts.appraisal;
  const { layout } = g;
  const col = layout.col as Record<ColumnRole, number>;
  const textLast = col.code - 1; // titles and hints span the columns before the code column
  const cells: CellPlan[] = [];
  const merges: string[] = [];
  const validations: ValidationPlan[] = [];
  const names = parseUnitName(opts.unit);
  const put = (cell: CellPlan) => cells.push(cell);
  // The annex's heading spans the printed columns only (Kiểm tra and Mã do not print), so it is
  // centred on the page and never cut at the print area's edge.
  const printedLast = col.check - 1;
  const mergeRow = (row: number) => merges.push(a1(row, 0) + ':' + a1(row, row === 0 ? textLast : printedLast));

  // Row 0 is for the person filling the sheet and does not print; the annex starts on row 1.
  put({
    row: 0, col: 0, style: 'hint',
    value: `Nhập điểm vào các ô nền vàng của cột "Điểm tự chấm"${appraisal ? ' và "Điểm thẩm định"' : ''}; ghi ${NOT_APPLICABLE_MARK} nếu tiêu chí không áp dụng. ` +
      `Văn bản kiểm chứng ghi ở trang ${SHEETS.evidence} (số, ký hiệu, ngày, tệp); thiếu tài liệu thì ghi giải trình. Các ô tổng là công thức, không sửa. Cột Kiểm tra và Mã không in.` +
      // What the set adds: KAD only where it allows, the Tỷ lệ / số lượng column, items scored at appraisal.
      (setListsNotApplicable(set) ? text('vi', 'kinds.hint.kad') : '') + (setHasFigures(set) ? text('vi', 'kinds.hint.figure') : '') +
      (hasAppraisalOnly(set) ? text('vi', 'kinds.hint.appraisalOnly') : ''),
  });
  mergeRow(0);
  put({ row: 1, col: 0, value: 'Phụ lục', style: 'annexLabel' });
  mergeRow(1);
  put({ row: 2, col: 0, value: `${appraisal ? 'KẾT QUẢ THẨM ĐỊNH' : 'BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM'} CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${year} CỦA ${names.body.toUpperCase()}`, style: 'annexTitle' });
  mergeRow(2);
  const annex = annexLine(summaryIssuer(opts), appraisal);
  put({ row: 3, col: 0, formula: annex.formula, result: annex.result, style: 'annexNote' });
  mergeRow(3);
  put({ row: 4, col: 0, value: `Bộ tiêu chí: ${set.title} (mã ${set.id}). ` + (set.basis && set.basis.length ? 'Căn cứ: ' + set.basis.join('; ') : 'Bộ tiêu chí không ghi văn bản căn cứ.'), style: 'annexInfo' });
  mergeRow(4);
  const reference = set.status !== 'official';
  put({ row: 5, col: 0, value: statusNote(set), style: reference ? 'statusReference' : 'statusOfficial' });
  mergeRow(5);

  for (const role of layout.order) {
    put({ row: g.headerRow, col: col[role], value: columnSpec(role).header.vi, style: 'header' });
  }

  const scoreRoles: Array<'self' | 'appraisal'> = appraisal ? ['self', 'appraisal'] : ['self'];
  const unitType = unitTypeOf(opts.unit);
  const pendingInSelf = hasAppraisalOnly(set);
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
    // Any row can be assigned: a domain's or a criterion's assignment covers the items below it.
    assignment.cells(n.code, row).forEach(put);
    if (flat.leaf) {
      const entry = (opts.entries && opts.entries[n.code]) || { values: {} };
      const valueOf = (role: EntryRole): PlanValue => entryValue(entry.values[role]);
      if (col.figure !== undefined) {
        put(figureCell(n, row, col.figure, valueOf('figure'), 'plain'));
        if (takesFigure(n)) validations.push(figureValidation(n, a1(row, col.figure)));
      }
      // What the set says about each score cell of the row: its kind, KAD for this unit, the figure.
      const specs = {
        self: leafScore(n, { set, unitType, column: 'self', figure: col.figure !== undefined ? { value: entry.values.figure, cell: a1(row, col.figure) } : undefined }),
        appraisal: leafScore(n, { set, unitType, column: 'appraisal' }),
      };
      let selfShown = entry.values.self;
      for (const role of scoreRoles) {
        const cell = a1(row, col[role]);
        if (role === 'self' && isAppraisalOnly(n)) {
          // Nothing to type: the appraisal's score once it is entered, the note until then; locked.
          selfShown = appraisalOnlySelf(appraisal ? entry.values.appraisal : undefined);
          put(appraisal ? { row, col: col.self, formula: appraisalOnlySelfFormula(a1(row, col.appraisal)), result: selfShown as string | number, style: 'appraisalOnly' }
            : { row, col: col.self, value: selfShown as string, style: 'appraisalOnly' });
          continue;
        }
        put({ row, col: col[role], value: valueOf(role as EntryRole), style: 'entryScore' });
        validations.push(scoreValidation(cell, specs[role], columnSpec(role).header.vi));
      }
      put(register.cell(n.code, row, col.evidence));
      put({ row, col: col.note, value: valueOf('note'), style: 'entryText' });
      if (appraisal) put({ row, col: col.appraisalNote, value: valueOf('appraisalNote'), style: 'entryText' });
      const checkResult = bothCheckText(selfShown, appraisal ? entry.values.appraisal : null, specs.self, specs.appraisal);
      put({ row, col: col.check, formula: leafCheckFormula(row, col, specs.self, appraisal, specs.appraisal), result: checkResult, style: 'check' });
    } else {
      const childRows = flat.childCodes.map((c) => g.rowOf[c]);
      for (const role of scoreRoles) {
        put({ row, col: col[role], formula: sumFormula(rowRefs(col[role], childRows)), result: totals[role].byCode[n.code], style: points });
      }
      if (col.figure !== undefined) put({ row, col: col.figure, value: null, style: kind });
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
  const treeRows = (role: ColumnRole) => `${a1(g.firstNodeRow, col[role])}:${a1(g.lastNodeRow, col[role])}`;
  validations.push(assignment.ownerValidation(treeRows('owner')), assignment.dueValidation(treeRows('due')));

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
      formula: `${a1(g.totalRow, col.max)}-${notApplicableMaxFormula(range, maxRange, role === 'self' && pendingInSelf)}`,
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
  const note = provisionalNote(g, set);
  blanks(g.indexRow, scoreRoles.map((r) => col[r]).concat(note ? [col.evidence] : []));
  if (note) put({ row: g.indexRow, col: col.evidence, formula: note, result: provisionalText(totals.self.pending), style: 'totalNote' });
  put({ row: g.indexRow, col: col.code, value: ROW_MARKERS.index, style: 'codeMarker' });

  if (g.bandRow !== null) {
    labelSpan(g.bandRow, 'XẾP LOẠI');
    for (const role of scoreRoles) {
      const scope = {
        column: role, range: `${a1(first, col[role])}:${a1(last, col[role])}`, leaves: scorableLeaves(set, role),
        provisional: role === 'self' && note ? a1(g.indexRow, col.evidence) : undefined,
      };
      put({ row: g.bandRow, col: col[role], formula: bandFormula(a1(g.indexRow, col[role]), set, scope)!, result: totals[role].band, style: 'totalBand' });
    }
    blanks(g.bandRow, scoreRoles.map((r) => col[r]));
    put({ row: g.bandRow, col: col.code, value: ROW_MARKERS.band, style: 'codeMarker' });
  }

  return {
    name: SHEETS.scoring,
    visibility: 'visible',
    columns: layout.order.map((role) => ({ width: columnWidth(role, layout), hidden: columnSpec(role).hidden })),
    rowHeights: [{ row: 0, height: setListsNotApplicable(set) || setHasFigures(set) || hasAppraisalOnly(set) ? 44 : 30 }, { row: 2, height: 36 }, { row: g.headerRow, height: 48 }],
    cells,
    merges,
    validations,
    conditionalFormats: scoringConditionalFormats(g, scoreRoles),
    freeze: { rows: g.headerRow + 1, cols: 2 },
    protect: true,
  };
}

/**
 * The annex's print setup, once its rows have their heights: A4 landscape at the decree's margins,
 * the columns up to the last note (Kiểm tra and Mã stay on the screen), the header row on every page,
 * a domain or criterion heading never alone at the foot of a page, the total rows kept together.
 */
export function scoringPrint(sheet: SheetPlan, g: ScoringGeometry, styles: Record<string, StyleSpec>): void {
  const col = g.layout.col as Record<ColumnRole, number>;
  const headings: Record<number, boolean> = {};
  for (const { flat, row } of g.nodeRows) if (!flat.leaf) headings[row] = true;
  for (const extra of g.extras) headings[extra.row] = true;
  const print = documentPrint(sheet, styles, {
    // Row 0 is the instruction to the person filling the sheet: not printed, nor counted on the first page.
    orientation: 'landscape', lastCol: col.check - 1, firstRow: 1, lastRow: g.lastRow,
    repeatRows: { from: g.headerRow, to: g.headerRow },
    keepWithNext: (row) => row <= g.headerRow || !!headings[row] || (row >= g.totalRow && row < g.lastRow),
    blackAndWhite: true,
  });
  sheet.print = print;
}

/** "(Kèm theo Báo cáo số …/BC-UBND ngày … của …)": its number and date come from Tổng hợp's panel. */
function annexLine(issuer: Issuer, appraisal: boolean): { formula: string; result: string } {
  const panel = summaryPanel(appraisal);
  const r = (field: InputField) => {
    const at = inputCell(panel, field);
    return `'${SHEETS.summary}'!$${columnLetter(at.col)}$${at.row + 1}`;
  };
  const two = (field: InputField, dots: string) => `IF(ISNUMBER(${r(field)}),TEXT(${r(field)},"00"),IF(TRIM(${r(field)}&"")="","${dots}",TRIM(${r(field)}&"")))`;
  const formula = `"(Kèm theo Báo cáo số "&${two('number', '      ')}&"/"&TRIM(${r('symbol')}&"")&" ngày "&${two('day', '....')}&"/"&${two('month', '....')}&"/"&IF(TRIM(${r('year')}&"")="","......",TRIM(${r('year')}&""))&" của ${issuer.body.replace(/"/g, '""')})"`;
  return { formula, result: `(Kèm theo Báo cáo số       /${issuer.symbol} ngày ..../..../...... của ${issuer.body})` };
}

/** The row's Kiểm tra formula: the self score's check, and the appraisal's once it is entered. */
export function leafCheckFormula(row: number, col: Record<ColumnRole, number>, spec: ScoreSpec, appraisal: boolean, appraisalSpec: ScoreSpec = spec): string {
  const self = scoreCheckExpression(a1(row, col.self), spec);
  if (!appraisal) return self;
  const cell = a1(row, col.appraisal);
  return bothCheckExpression(cell, self, scoreCheckExpression(cell, appraisalSpec));
}

/**
 * Colours that flag wrong entries even when nothing else runs (a pasted value bypasses validation).
 * One rule per column over all node rows: the formula is relative to the first row.
 */
export function scoringConditionalFormats(g: ScoringGeometry, scoreRoles: ColumnRole[]): ConditionalFormatPlan[] {
  const col = g.layout.col as Record<ColumnRole, number>;
  const first = g.firstNodeRow;
  const last = g.totalRow - 1;
  const maxCell = '$' + columnLetter(col.max) + (first + 1);
  const checkCell = '$' + columnLetter(col.check) + (first + 1);
  const rules: ConditionalFormatPlan[] = [];
  // One rule per column over every row of the table (one relative formula): the maximum is read from
  // each row's Điểm tối đa cell, and the kinds that need a row's own levels are left to Kiểm tra.
  const anyLeaf = leafScore({ max: 0 });
  for (const role of scoreRoles) {
    const c = a1(first, col[role]);
    const range = `${a1(first, col[role])}:${a1(last, col[role])}`;
    const colour = colourExpression(c, maxCell, anyLeaf);
    // The note on the self cell of an item scored at appraisal is not a wrong score.
    const note = role === 'self' && g.appraisalOnly ? `AND(TRIM(${c}&"")<>"${text('vi', 'kinds.cell.appraisalOnly')}",${colour})` : colour;
    rules.push({ ranges: [range], formula: note, style: { fill: 'FF7C80', fontColor: '9C0006', bold: true } });
  }
  const checkRange = `${a1(first, col.check)}:${a1(last, col.check)}`;
  // "Tự chấm: ✓ | Thẩm định: ✗ …" is an error too: look for the mark anywhere in the text.
  rules.push({ ranges: [checkRange], formula: `ISNUMBER(FIND("✗",${checkCell}))`, style: { fill: 'FFC7CE', fontColor: '9C0006', bold: true } });
  // By their start: the points of a figure may follow ("✓ (tính được 1,86)"); "⚠" asks a question.
  const starts = (t: string) => `LEFT(${checkCell},${t.length})="${t}"`;
  rules.push({ ranges: [checkRange], formula: starts(verdictText('valid', anyLeaf)), style: { fontColor: '006100' } });
  rules.push({ ranges: [checkRange], formula: `OR(${starts(verdictText('empty', anyLeaf))},${starts('⚠')})`, style: { fill: 'FFEB9C', fontColor: '9C5700' } });
  return rules;
}

// The evidence register (sheet Minh chứng): one row per document (số/ký hiệu, ngày, trích yếu, the
// file or address), listing the leaf codes it backs. A criterion can have many documents and one
// document can back several criteria ("1.1.1; 2.3.1").
//
// Each leaf's Tài liệu kiểm chứng cell on Chấm điểm is a formula over the register, not a value the
// writer puts there: people add, sort and delete register rows in Excel with no add-in running, and
// only a formula stays right then. It counts the rows whose codes list the leaf's code exactly
// (";1.1;" never matches within ";1.1.1;"), names each of them (its number, else the start of its
// description, with its figures) and links to the first one's file with HYPERLINK, or to the register
// row itself when that document has no file. It uses only SUMPRODUCT, FIND, MATCH, INDEX, SMALL,
// LOOKUP, REPT, LEFT, MID and HYPERLINK (no TEXTJOIN, which Excel has only since 2019), so Excel
// 2010+ computes it without Ctrl+Shift+Enter, and LibreOffice too.

import { CriteriaSet, flattenSet } from '../../model/criteria';
import { cellText, columnLetter } from '../../model/grid';
import { SHEETS } from '../../model/layout';
import { CellPlan, SheetPlan } from '../../model/plan';
import { safeHyperlink } from '../../model/evidence-link';
import { findDate, findDocumentNumber, formatCodes } from '../../model/evidence-format';
import type { Entries } from '../../model/entries';
import { EvidenceDoc } from '../../model/entries';
import { RegisterField, RegisterColumn, REGISTER_COLUMNS, REGISTER_COL, registerColumnWidths, REGISTER_HEADER_ROW, REGISTER_FIRST_ROW, REGISTER_MIN_ROWS, REGISTER_MIN_DRAWN_ROWS, REGISTER_SPARE_DRAWN_ROWS, typedItems, RegisterRange } from './columns';
import { quoteSheet, formulaText } from '../../model/formula';
import { DECREE_MARGINS, PAGE_NUMBER } from '../../model/print';
// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------
// Carrying typed evidence into the register

/**
 * Evidence typed into the old Tài liệu kiểm chứng cells, as register rows: one per line, the whole
 * line kept as the description (nothing is lost), the number and date picked out where they can be.
 * The same line under several codes becomes one document backing them all.
 */
export function typedEvidenceDocs(set: CriteriaSet, entries: Entries | undefined): EvidenceDoc[] {
  const docs: EvidenceDoc[] = [];
  const byKey: Record<string, EvidenceDoc> = {};
  // Tree leaves only: bonus and deduction items keep their evidence typed in their own cells.
  const leaves = flattenSet(set).filter((f) => f.leaf && entries && entries[f.code]).map((f) => f.code);
  for (const code of leaves) {
    const entry = entries![code];
    const value = entry.values.evidence;
    const text = value === undefined || value === null ? '' : cellText(value);
    const items = typedItems(text);
    if (!items.length && entry.evidenceLink) items.push('');
    items.forEach((item, i) => {
      const link = i === 0 && entry.evidenceLink ? entry.evidenceLink : '';
      const key = item + '\u0000' + link;
      if (byKey[key]) {
        if (byKey[key].codes.indexOf(code) < 0) byKey[key].codes.push(code);
        return;
      }
      const doc: EvidenceDoc = { codes: [code], number: findDocumentNumber(item) || '', date: findDate(item) || '', summary: item, link };
      byKey[key] = doc;
      docs.push(doc);
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// The plan

/** Documents the Tài liệu kiểm chứng cell names one by one; more are counted and marked "…" (each costs ~600 characters of formula). */
export const LISTED_DOCUMENTS = 5;

/** The cell's text is cut here: Excel's HYPERLINK shows at most 255 characters. */
const LABEL_LIMIT = 255;

/** Characters of a description that stand for a document without a number. */
const SUMMARY_CHARS = 40;

/** The Tài liệu kiểm chứng formula of one leaf (see the note at the top of this file). */
export function evidenceCellFormula(code: string, range: RegisterRange): string {
  const column = (field: RegisterField) => {
    const letter = columnLetter(REGISTER_COL[field]);
    return `${quoteSheet(SHEETS.evidence)}!$${letter}$${range.first + 1}:$${letter}$${range.last + 1}`;
  };
  const codes = column('codes');
  const listed = `";"&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${codes}," ",""),",",";"),CHAR(10),";")&";"`;
  const hits = `ISNUMBER(FIND(${formulaText(';' + code + ';')},${listed}))`;
  const count = `SUMPRODUCT(--${hits})`;
  const first = `MATCH(TRUE,INDEX(${hits},0),0)`;
  const link = `INDEX(${column('link')},${first})`;
  const top = `${quoteSheet(SHEETS.evidence)}!$${columnLetter(REGISTER_COL.codes)}$${range.first + 1}`;
  const registerRow = `"#"&${formulaText(quoteSheet(SHEETS.evidence) + '!' + columnLetter(REGISTER_COL.link))}&(ROW(${top})+${first}-1)`;
  // Each document by its number (else the start of its description), with its figures. The row of the
  // k-th document listing the code is SMALL over the rows, the others pushed out of reach; SUMPRODUCT
  // and LOOKUP take arrays as they are (INDEX(…,0) does not, in LibreOffice): no Ctrl+Shift+Enter.
  const number = column('number');
  const figures = column('figures');
  const rows = `ROW(${codes})`;
  const label = `${number}&REPT(LEFT(${column('summary')},${SUMMARY_CHARS}),(${number}="")*1)&REPT(" ("&${figures}&")",(${figures}<>"")*1)`;
  const names: string[] = [];
  for (let k = 1; k <= LISTED_DOCUMENTS; k++) {
    names.push(`IF(${count}<${k},"","; "&LOOKUP(SUMPRODUCT(SMALL(${rows}+(1-${hits})*1000000,${k})),${rows},${label}))`);
  }
  const more = `IF(${count}>${LISTED_DOCUMENTS},"; …","")`;
  const text = `LEFT(${count}&" tài liệu: "&MID(${names.join('&')},3,${LABEL_LIMIT * 4})&${more},${LABEL_LIMIT})`;
  // HYPERLINK refuses addresses over 255 characters (long SharePoint links): those open the register row.
  return `IF(${count}=0,"",HYPERLINK(IF(OR(${link}="",LEN(${link})>255),${registerRow},${link}),${text}))`;
}

/** How the Tài liệu kiểm chứng cell names one document. */
export function documentLabel(doc: EvidenceDoc): string {
  const figures = doc.figures ? ` (${doc.figures})` : '';
  return (doc.number || doc.summary.slice(0, SUMMARY_CHARS)) + figures;
}

/** What the formula shows for these documents (cached until the spreadsheet recalculates). */
export function evidenceCellText(code: string, docs: EvidenceDoc[]): string {
  const backing = docs.filter((d) => d.codes.indexOf(code) >= 0);
  if (!backing.length) return '';
  const names = backing.slice(0, LISTED_DOCUMENTS).map(documentLabel).join('; ');
  return `${backing.length} tài liệu: ${names}${backing.length > LISTED_DOCUMENTS ? '; …' : ''}`.slice(0, LABEL_LIMIT);
}

/**
 * The cells of one register row; the pane writes the same cells the plan does, in the columns where
 * the register's headers stand now (`columns`, when people moved them).
 */
export function registerRowCells(row: number, doc: EvidenceDoc | null, columns: Partial<Record<RegisterColumn, number>> = REGISTER_COL): CellPlan[] {
  const d = doc || { codes: [], number: '', date: '', summary: '', figures: '', link: '' };
  const text = (v: string) => (v === '' ? null : v);
  const values: Record<RegisterField, { value: string | null; style: string }> = {
    codes: { value: text(formatCodes(d.codes)), style: 'registerCenter' },
    number: { value: text(d.number), style: 'registerText' },
    date: { value: text(d.date), style: 'registerCenter' },
    summary: { value: text(d.summary), style: 'registerText' },
    figures: { value: text(d.figures || ''), style: 'registerText' },
    link: { value: text(d.linkText || d.link), style: 'registerLink' },
  };
  const cells: CellPlan[] = [];
  const fieldCols: number[] = [];
  for (const field of Object.keys(values) as RegisterField[]) {
    const col = columns[field];
    if (col === undefined) continue;
    fieldCols.push(col);
    const cell: CellPlan = { row, col, value: values[field].value, style: values[field].style };
    const hyperlink = field === 'link' && d.link ? safeHyperlink(d.link) : undefined;
    if (hyperlink) cell.hyperlink = hyperlink;
    cells.push(cell);
  }
  if (columns.stt !== undefined && fieldCols.length) {
    const span = `${columnLetter(Math.min(...fieldCols))}${row + 1}:${columnLetter(Math.max(...fieldCols))}${row + 1}`;
    const header = `$${columnLetter(columns.stt)}$${REGISTER_HEADER_ROW + 1}`;
    const stt = `IF(COUNTA(${span})=0,"",ROW()-ROW(${header}))`;
    cells.unshift({ row, col: columns.stt, formula: stt, result: doc ? row - REGISTER_HEADER_ROW : '', style: 'registerNumber' });
  }
  return cells;
}

export interface EvidencePlan {
  docs: EvidenceDoc[];
  range: RegisterRange;
  sheet: SheetPlan;
  /** The Tài liệu kiểm chứng cell of a leaf on Chấm điểm. */
  cell(code: string, row: number, col: number): CellPlan;
}

export interface EvidencePlanInput {
  set: CriteriaSet;
  /** "Xã Đồng Thịnh" */
  unit: string;
  year: number;
  /** Register rows carried from an earlier workbook, in their order. */
  evidence?: EvidenceDoc[];
  /** Entries carried from an earlier workbook: evidence typed into their cells joins the register. */
  entries?: Entries;
}

/** Empty rows printed under the documents, to add by hand; and printed when none is filed yet. */
const PRINTED_SPARE_ROWS = 3;
const PRINTED_EMPTY_ROWS = 15;

export function planEvidence(input: EvidencePlanInput): EvidencePlan {
  const docs = (input.evidence || []).concat(typedEvidenceDocs(input.set, input.entries));
  const range: RegisterRange = { first: REGISTER_FIRST_ROW, last: REGISTER_FIRST_ROW + Math.max(REGISTER_MIN_ROWS, docs.length + 500) - 1 };
  const drawn = Math.max(REGISTER_MIN_DRAWN_ROWS, docs.length + REGISTER_SPARE_DRAWN_ROWS);
  const lastCol = REGISTER_COLUMNS.length - 1;
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: `DANH MỤC TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${input.year} — ${input.unit}`, style: 'title' },
    {
      row: 1, col: 0, style: 'registerHint',
      value: 'Mỗi dòng một văn bản, ảnh hoặc tệp. Mã tiêu chí: một hoặc nhiều mã tiêu chí thành phần (cột Mã ở trang Chấm điểm), cách nhau bằng dấu chấm phẩy (ví dụ 1.1.1; 2.3.1). ' +
        'Số, ký hiệu như 125/KH-UBND; ngày ghi dd/mm/yyyy. Tệp: đường dẫn tương đối tới thư mục minh chứng, đường dẫn mạng \\\\máy-chủ\\thư-mục, hoặc địa chỉ https:// (SharePoint, OneDrive).',
    },
    {
      row: 2, col: 0, style: 'registerHint',
      value: `Ô "Tài liệu kiểm chứng" trên trang ${SHEETS.scoring} tự đếm các dòng ở đây (đến dòng ${range.last + 1}) và mở tài liệu đầu tiên. Thiếu tài liệu thì ghi giải trình ở trang ${SHEETS.scoring}.`,
    },
  ];
  REGISTER_COLUMNS.forEach((c, col) => cells.push({ row: REGISTER_HEADER_ROW, col, value: c.header.vi, style: 'header' }));
  for (let i = 0; i < drawn; i++) cells.push(...registerRowCells(REGISTER_FIRST_ROW + i, docs[i] || null));
  const sheet: SheetPlan = {
    name: SHEETS.evidence,
    visibility: 'visible',
    columns: registerColumnWidths().map((width) => ({ width })),
    rowHeights: [{ row: 0, height: 24 }, { row: 1, height: 44 }, { row: 2, height: 30 }, { row: REGISTER_HEADER_ROW, height: 30 }],
    cells,
    merges: [0, 1, 2].map((r) => `A${r + 1}:${columnLetter(lastCol)}${r + 1}`),
    validations: [],
    conditionalFormats: [],
    freeze: { rows: REGISTER_FIRST_ROW, cols: 0 },
    // Unprotected: people insert, sort and delete register rows freely; the formulas follow.
    protect: false,
    // The title and the filed documents print, with a few empty rows to add by hand; the instructions
    // and the rest of the drawn rows do not (they made an empty bordered page).
    print: {
      orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: REGISTER_HEADER_ROW, to: REGISTER_HEADER_ROW },
      margins: DECREE_MARGINS, pageNumbers: PAGE_NUMBER,
      area: `A1:${columnLetter(lastCol)}${REGISTER_FIRST_ROW + docs.length + (docs.length ? PRINTED_SPARE_ROWS : PRINTED_EMPTY_ROWS)}`,
    },
    tabColor: '4472C4',
  };
  return {
    docs,
    range,
    sheet,
    cell: (code, row, col) => ({ row, col, formula: evidenceCellFormula(code, range), result: evidenceCellText(code, docs), style: 'evidenceCell' }),
  };
}

// The evidence register (sheet Minh chứng): one row per document (số/ký hiệu, ngày, trích yếu, the
// file or address), listing the leaf codes it backs. A criterion can have many documents and one
// document can back several criteria ("1.1.1; 2.3.1").
//
// Each leaf's Tài liệu kiểm chứng cell on Chấm điểm is a formula over the register, not a value the
// writer puts there: people add, sort and delete register rows in Excel with no add-in running, and
// only a formula stays right then. It counts the rows whose codes list the leaf's code exactly
// (";1.1;" never matches within ";1.1.1;") and links to the first one's file with HYPERLINK, or to the
// register row itself when that document has no file. It uses only SUMPRODUCT, FIND, MATCH, INDEX
// and HYPERLINK, so Excel 2010+ computes it without Ctrl+Shift+Enter, and LibreOffice too.

import { CriteriaSet, flattenSet } from '../../model/criteria';
import { Message } from '../../model/errors';
import { CellValue, SheetGrid, WorkbookGrids, cellAt, cellText, columnLetter, foldText, formulaAt, linkAt } from '../../model/grid';
import { SHEETS } from '../../model/layout';
import { CellPlan, SheetPlan, StyleSpec } from '../../model/plan';
import { classifyLink, formatFilePath } from '../../model/evidence-link';
import { dateCellText, findDate, findDocumentNumber, formatCodes, parseCodes } from '../../model/evidence-format';
import type { Entries } from '../../model/entries';

export interface EvidenceDoc {
  /** The leaf codes the document backs. */
  codes: string[];
  /** Số, ký hiệu: "125/KH-UBND"; "" for a photo or a scan without one. */
  number: string;
  /** Ngày ban hành, dd/mm/yyyy. */
  date: string;
  /** Trích yếu / mô tả. */
  summary: string;
  /** A file path (relative to the workbook's folder, absolute, UNC) or an http(s) address; "" when none. */
  link: string;
}

export type RegisterField = 'codes' | 'number' | 'date' | 'summary' | 'link';
export type RegisterColumn = 'stt' | RegisterField;

interface RegisterColumnSpec {
  field: RegisterColumn;
  header: Message;
  width: number;
  /** Other header texts (folded) people use for the column. */
  aliases: string[];
}

const REGISTER_COLUMNS: RegisterColumnSpec[] = [
  { field: 'stt', header: { vi: 'STT', en: 'No.' }, width: 6, aliases: ['tt', 'so tt'] },
  { field: 'codes', header: { vi: 'Mã tiêu chí', en: 'Criterion codes' }, width: 14, aliases: ['ma', 'ma tieu chi thanh phan', 'tieu chi'] },
  { field: 'number', header: { vi: 'Số, ký hiệu văn bản', en: 'Document number' }, width: 20, aliases: ['so, ky hieu', 'so ky hieu', 'so van ban', 'so hieu van ban'] },
  { field: 'date', header: { vi: 'Ngày ban hành', en: 'Issue date' }, width: 13, aliases: ['ngay', 'ngay van ban', 'ngay thang'] },
  { field: 'summary', header: { vi: 'Trích yếu / Mô tả', en: 'Summary / description' }, width: 48, aliases: ['trich yeu', 'mo ta', 'noi dung', 'ten tai lieu'] },
  { field: 'link', header: { vi: 'Tệp / Đường dẫn', en: 'File / link' }, width: 48, aliases: ['tep', 'duong dan', 'lien ket', 'link', 'file'] },
];

/** 0-based column of each register field as the plan writes it. */
export const REGISTER_COL: Record<RegisterColumn, number> = (() => {
  const col = {} as Record<RegisterColumn, number>;
  REGISTER_COLUMNS.forEach((c, i) => (col[c.field] = i));
  return col;
})();

export const REGISTER_HEADER_ROW = 3;
export const REGISTER_FIRST_ROW = REGISTER_HEADER_ROW + 1;
/** Rows the Chấm điểm formulas cover at least: far more than a commune files, so appending stays inside. */
const REGISTER_MIN_ROWS = 1000;
/** Empty rows drawn as table below the documents, inviting the next entry; few, as they print. */
const REGISTER_MIN_DRAWN_ROWS = 40;
const REGISTER_SPARE_DRAWN_ROWS = 30;

export function registerFieldName(field: RegisterField): Message {
  return REGISTER_COLUMNS[REGISTER_COL[field]].header;
}

export const EVIDENCE_STYLES: Record<string, StyleSpec> = {
  evidenceCell: { font: { color: '0563C1', underline: true }, vertical: 'top', wrap: true, border: true },
  registerText: { vertical: 'top', wrap: true, border: true, numFmt: '@' },
  registerCenter: { horizontal: 'center', vertical: 'top', border: true, numFmt: '@' },
  registerLink: { font: { color: '0563C1', underline: true }, vertical: 'top', wrap: true, border: true, numFmt: '@' },
  registerNumber: { horizontal: 'center', vertical: 'top', border: true },
};

// ---------------------------------------------------------------------------------------------
// Reading

export interface RegisterRow {
  /** 0-based row on the register sheet. */
  row: number;
  doc: EvidenceDoc;
  /** The link cell's own hyperlink target, when it carries one (it may differ from the text). */
  hyperlink: string | null;
}

export interface RegisterRead {
  sheet: SheetGrid;
  headerRow: number;
  columns: Partial<Record<RegisterColumn, number>>;
  rows: RegisterRow[];
}

const HEADER_SCAN_ROWS = 30;

function fieldOfHeader(text: string): RegisterColumn | null {
  const t = foldText(text);
  if (!t) return null;
  for (const c of REGISTER_COLUMNS) if (t === foldText(c.header.vi) || t === foldText(c.header.en)) return c.field;
  for (const c of REGISTER_COLUMNS) if (c.aliases.indexOf(t) >= 0) return c.field;
  return null;
}

function findRegisterHeader(grid: SheetGrid): { row: number; columns: Partial<Record<RegisterColumn, number>> } | null {
  const limit = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const columns: Partial<Record<RegisterColumn, number>> = {};
    (grid.values[r] || []).forEach((v, c) => {
      const field = typeof v === 'string' ? fieldOfHeader(v) : null;
      if (field && columns[field] === undefined) columns[field] = c;
    });
    if (columns.codes !== undefined && (columns.link !== undefined || columns.number !== undefined)) return { row: r, columns };
  }
  return null;
}

/** A hyperlink target as a person would type it: relative targets are stored percent-encoded. */
function linkFromHyperlink(target: string): string {
  const c = classifyLink(target, true);
  return c && c.kind === 'file' ? formatFilePath(c.path) : target.trim();
}

/** The register, found by its name or, when renamed, by its header; null when the workbook has none. */
export function readRegister(grids: WorkbookGrids): RegisterRead | null {
  const named = grids.sheets.filter((s) => s.name === SHEETS.evidence);
  for (const sheet of named.concat(grids.sheets.filter((s) => s.name !== SHEETS.evidence))) {
    const header = findRegisterHeader(sheet);
    if (!header) continue;
    const { columns } = header;
    const text = (row: number, field: RegisterField): CellValue => (columns[field] === undefined ? null : cellAt(sheet, row, columns[field]!));
    const rows: RegisterRow[] = [];
    for (let r = header.row + 1; r < sheet.values.length; r++) {
      const linkCol = columns.link;
      const hyperlink = linkCol === undefined ? null : linkAt(sheet, r, linkCol);
      const linkText = cellText(text(r, 'link'));
      const doc: EvidenceDoc = {
        codes: parseCodes(text(r, 'codes')),
        number: cellText(text(r, 'number')),
        date: dateCellText(text(r, 'date')),
        summary: cellText(text(r, 'summary')),
        link: linkText || (hyperlink ? linkFromHyperlink(hyperlink) : ''),
      };
      if (!doc.codes.length && !doc.number && !doc.date && !doc.summary && !doc.link) continue;
      rows.push({ row: r, doc, hyperlink });
    }
    return { sheet, headerRow: header.row, columns, rows };
  }
  return null;
}

/** Register rows that back a code, in register order. */
export function rowsForCode(register: RegisterRead | null, code: string): RegisterRow[] {
  return register ? register.rows.filter((r) => r.doc.codes.indexOf(code) >= 0) : [];
}

/** True for the Tài liệu kiểm chứng formula this module writes (whatever the register sheet is now called). */
export function isRegisterFormula(formula: string | null): boolean {
  return !!formula && /SUMPRODUCT\(--ISNUMBER\(FIND\(";/i.test(formula);
}

/** The register rows a Tài liệu kiểm chứng formula covers (0-based, inclusive), or null. */
export function registerRangeOf(formula: string | null): { first: number; last: number } | null {
  if (!isRegisterFormula(formula)) return null;
  const m = /!\$?[A-Z]{1,3}\$?(\d+):\$?[A-Z]{1,3}\$?(\d+)/.exec(formula!);
  return m ? { first: Number(m[1]) - 1, last: Number(m[2]) - 1 } : null;
}

/** The link of a HYPERLINK("target", ...) formula someone typed into an evidence cell. */
export function hyperlinkFormulaTarget(formula: string | null): string | null {
  const m = formula ? /^=?\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(formula) : null;
  return m ? m[1].replace(/""/g, '"') : null;
}

/** Documents typed straight into an evidence cell: one a line (or a "; "-separated item). */
export function countEvidence(text: string, link: string | null): number {
  return typedItems(text).length || (link ? 1 : 0);
}

function typedItems(text: string): string[] {
  return text.split(/\r?\n|;\s+/).map((s) => s.trim()).filter(Boolean);
}

export interface LeafEvidence {
  /** The register rows listing the leaf. */
  rows: RegisterRow[];
  /** Documents typed into the leaf's evidence cell itself (workbooks made before the register). */
  typed: number;
  /** The evidence cell's own hyperlink (typed cells only). */
  typedLink: string | null;
}

/** A leaf's documents: its register rows, plus whatever was typed into its evidence cell instead of the formula. */
export function leafEvidence(sheet: SheetGrid, register: RegisterRead | null, code: string, row: number | undefined, evidenceCol: number | undefined): LeafEvidence {
  const rows = rowsForCode(register, code);
  if (row === undefined || evidenceCol === undefined) return { rows, typed: 0, typedLink: null };
  const formula = formulaAt(sheet, row, evidenceCol);
  if (isRegisterFormula(formula)) return { rows, typed: 0, typedLink: null };
  const typedLink = linkAt(sheet, row, evidenceCol) || hyperlinkFormulaTarget(formula);
  return { rows, typed: countEvidence(cellText(cellAt(sheet, row, evidenceCol)), typedLink), typedLink };
}

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

function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

function formulaText(text: string): string {
  return '"' + text.replace(/"/g, '""') + '"';
}

export interface RegisterRange {
  /** 0-based first and last register rows the formulas cover. */
  first: number;
  last: number;
}

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
  const number = `INDEX(${column('number')},${first})`;
  const top = `${quoteSheet(SHEETS.evidence)}!$${columnLetter(REGISTER_COL.codes)}$${range.first + 1}`;
  const registerRow = `"#"&${formulaText(quoteSheet(SHEETS.evidence) + '!' + columnLetter(REGISTER_COL.link))}&(ROW(${top})+${first}-1)`;
  const label = `${count}&" tài liệu"&IF(${number}="","",": "&${number})`;
  // HYPERLINK refuses addresses over 255 characters (long SharePoint links): those open the register row.
  return `IF(${count}=0,"",HYPERLINK(IF(OR(${link}="",LEN(${link})>255),${registerRow},${link}),${label}))`;
}

/** What the formula shows for these documents (cached until the spreadsheet recalculates). */
export function evidenceCellText(code: string, docs: EvidenceDoc[]): string {
  const backing = docs.filter((d) => d.codes.indexOf(code) >= 0);
  if (!backing.length) return '';
  return `${backing.length} tài liệu${backing[0].number ? ': ' + backing[0].number : ''}`;
}

/** The hyperlink a plan may put on a link cell: never one whose scheme could run code. */
export function safeHyperlink(link: string): string | undefined {
  const c = classifyLink(link);
  return c && c.kind !== 'bad' ? link.trim() : undefined;
}

/**
 * The cells of one register row; the pane writes the same cells the plan does, in the columns where
 * the register's headers stand now (`columns`, when people moved them).
 */
export function registerRowCells(row: number, doc: EvidenceDoc | null, columns: Partial<Record<RegisterColumn, number>> = REGISTER_COL): CellPlan[] {
  const d = doc || { codes: [], number: '', date: '', summary: '', link: '' };
  const text = (v: string) => (v === '' ? null : v);
  const values: Record<RegisterField, { value: string | null; style: string }> = {
    codes: { value: text(formatCodes(d.codes)), style: 'registerCenter' },
    number: { value: text(d.number), style: 'registerText' },
    date: { value: text(d.date), style: 'registerCenter' },
    summary: { value: text(d.summary), style: 'registerText' },
    link: { value: text(d.link), style: 'registerLink' },
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

export function planEvidence(input: EvidencePlanInput): EvidencePlan {
  const docs = (input.evidence || []).concat(typedEvidenceDocs(input.set, input.entries));
  const range: RegisterRange = { first: REGISTER_FIRST_ROW, last: REGISTER_FIRST_ROW + Math.max(REGISTER_MIN_ROWS, docs.length + 500) - 1 };
  const drawn = Math.max(REGISTER_MIN_DRAWN_ROWS, docs.length + REGISTER_SPARE_DRAWN_ROWS);
  const lastCol = REGISTER_COLUMNS.length - 1;
  const cells: CellPlan[] = [
    { row: 0, col: 0, value: `DANH MỤC TÀI LIỆU KIỂM CHỨNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${input.year} — ${input.unit}`, style: 'title' },
    {
      row: 1, col: 0, style: 'hint',
      value: 'Mỗi dòng một văn bản, ảnh hoặc tệp. Mã tiêu chí: một hoặc nhiều mã tiêu chí thành phần (cột Mã ở trang Chấm điểm), cách nhau bằng dấu chấm phẩy (ví dụ 1.1.1; 2.3.1). ' +
        'Số, ký hiệu như 125/KH-UBND; ngày ghi dd/mm/yyyy. Tệp: đường dẫn tương đối tới thư mục minh chứng, đường dẫn mạng \\\\máy-chủ\\thư-mục, hoặc địa chỉ https:// (SharePoint, OneDrive).',
    },
    {
      row: 2, col: 0, style: 'hint',
      value: `Ô "Tài liệu kiểm chứng" trên trang ${SHEETS.scoring} tự đếm các dòng ở đây (đến dòng ${range.last + 1}) và mở tài liệu đầu tiên. Thiếu tài liệu thì ghi giải trình ở trang ${SHEETS.scoring}.`,
    },
  ];
  REGISTER_COLUMNS.forEach((c, col) => cells.push({ row: REGISTER_HEADER_ROW, col, value: c.header.vi, style: 'header' }));
  for (let i = 0; i < drawn; i++) cells.push(...registerRowCells(REGISTER_FIRST_ROW + i, docs[i] || null));
  const sheet: SheetPlan = {
    name: SHEETS.evidence,
    visibility: 'visible',
    columns: REGISTER_COLUMNS.map((c) => ({ width: c.width })),
    rowHeights: [{ row: 0, height: 24 }, { row: 1, height: 44 }, { row: 2, height: 30 }, { row: REGISTER_HEADER_ROW, height: 30 }],
    cells,
    merges: [0, 1, 2].map((r) => `A${r + 1}:${columnLetter(lastCol)}${r + 1}`),
    validations: [],
    conditionalFormats: [],
    freeze: { rows: REGISTER_FIRST_ROW, cols: 0 },
    // Unprotected: people insert, sort and delete register rows freely; the formulas follow.
    protect: false,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: REGISTER_HEADER_ROW, to: REGISTER_HEADER_ROW } },
    tabColor: '4472C4',
  };
  return {
    docs,
    range,
    sheet,
    cell: (code, row, col) => ({ row, col, formula: evidenceCellFormula(code, range), result: evidenceCellText(code, docs), style: 'evidenceCell' }),
  };
}

// The Minh chứng register's columns and rows, and how the Tài liệu kiểm chứng formulas on Chấm điểm
// are recognised: what the register's plan and its reader share.

import { Message } from '../../model/errors';

export type RegisterField = 'codes' | 'number' | 'date' | 'summary' | 'figures' | 'link';

export type RegisterColumn = 'stt' | RegisterField;

export interface RegisterColumnSpec {
  field: RegisterColumn;
  header: Message;
  width: number;
  /** Other header texts (folded) people use for the column. */
  aliases: string[];
}

export const REGISTER_COLUMNS: RegisterColumnSpec[] = [
  { field: 'stt', header: { vi: 'STT', en: 'No.' }, width: 6, aliases: ['tt', 'so tt'] },
  { field: 'codes', header: { vi: 'Mã tiêu chí', en: 'Criterion codes' }, width: 14, aliases: ['ma', 'ma tieu chi thanh phan', 'tieu chi'] },
  { field: 'number', header: { vi: 'Số, ký hiệu văn bản', en: 'Document number' }, width: 20, aliases: ['so, ky hieu', 'so ky hieu', 'so van ban', 'so hieu van ban'] },
  { field: 'date', header: { vi: 'Ngày ban hành', en: 'Issue date' }, width: 13, aliases: ['ngay', 'ngay van ban', 'ngay thang'] },
  { field: 'summary', header: { vi: 'Trích yếu / Mô tả', en: 'Summary / description' }, width: 44, aliases: ['trich yeu', 'mo ta', 'noi dung', 'ten tai lieu'] },
  // The plan: evidence gives "số liệu cụ thể", the figures behind a score (12/12 cuộc họp, 98,5% hồ sơ đúng hạn).
  { field: 'figures', header: { vi: 'Số liệu cụ thể', en: 'Figures' }, width: 24, aliases: ['so lieu', 'so lieu chung minh', 'ket qua', 'chi so'] },
  { field: 'link', header: { vi: 'Tệp / Đường dẫn', en: 'File / link' }, width: 48, aliases: ['tep', 'duong dan', 'lien ket', 'link', 'file'] },
];

/** 0-based column of each register field as the plan writes it. */
export const REGISTER_COL: Record<RegisterColumn, number> = (() => {
  const col = {} as Record<RegisterColumn, number>;
  REGISTER_COLUMNS.forEach((c, i) => (col[c.field] = i));
  return col;
})();

/**
 * The register's printed width: its columns together fit A4 landscape at the decree's margins with
 * 11-point text printing at 10 points at least. Trích yếu and the file path wrap, so they share what
 * the other columns leave (in proportion to their own widths): a column added to the register narrows
 * them, not the print.
 */
const REGISTER_PRINTED_WIDTH = 134;
const REGISTER_WRAPPING: RegisterColumn[] = ['summary', 'link'];

/** The width of each register column, in order. */
export function registerColumnWidths(): number[] {
  const wraps = (c: RegisterColumnSpec) => REGISTER_WRAPPING.indexOf(c.field) >= 0;
  let fixed = 0;
  let shared = 0;
  for (const c of REGISTER_COLUMNS) {
    if (wraps(c)) shared += c.width;
    else fixed += c.width;
  }
  return REGISTER_COLUMNS.map((c) => (wraps(c) ? Math.round((c.width * (REGISTER_PRINTED_WIDTH - fixed) / shared) * 10) / 10 : c.width));
}

export const REGISTER_HEADER_ROW = 3;

export const REGISTER_FIRST_ROW = REGISTER_HEADER_ROW + 1;

/** Rows the Chấm điểm formulas cover at least: far more than a commune files, so appending stays inside. */
export const REGISTER_MIN_ROWS = 1000;

/** Empty rows drawn as table below the documents, inviting the next entry; few, as they print. */
export const REGISTER_MIN_DRAWN_ROWS = 40;

export const REGISTER_SPARE_DRAWN_ROWS = 30;

export function registerFieldName(field: RegisterField): Message {
  return REGISTER_COLUMNS[REGISTER_COL[field]].header;
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

export function typedItems(text: string): string[] {
  return text.split(/\r?\n|;\s+/).map((s) => s.trim()).filter(Boolean);
}

export interface RegisterRange {
  /** 0-based first and last register rows the formulas cover. */
  first: number;
  last: number;
}

// Reading the Minh chứng register back: its header found by text (people move and rename columns), one
// document a row, and the documents behind each leaf.

import { CellValue, SheetGrid, WorkbookGrids, cellAt, cellText, foldText, formulaAt, linkAt } from '../../model/grid';
import { SHEETS } from '../../model/layout';
import { classifyLink, formatFilePath } from '../../model/evidence-link';
import { dateCellText, parseCodes } from '../../model/evidence-format';
import { EvidenceDoc } from '../../model/entries';
import { RegisterField, RegisterColumn, REGISTER_COLUMNS, isRegisterFormula, typedItems } from './columns';
import { hyperlinkFormulaTarget } from '../../model/formula';
import { hasOwn } from '../../model/own';

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
  /** The rows listing each code, in register order (a row once however often it lists the code). */
  rowsByCode: Record<string, RegisterRow[]>;
}

export const HEADER_SCAN_ROWS = 30;

/** Folded header texts and aliases → field, built once: the reader asks for every cell of the header rows. */
let headerFields: { exact: Record<string, RegisterColumn>; alias: Record<string, RegisterColumn> } | null = null;


export function fieldOfHeader(text: string): RegisterColumn | null {
  const t = foldText(text);
  if (!t) return null;
  if (!headerFields) {
    const exact: Record<string, RegisterColumn> = {};
    const alias: Record<string, RegisterColumn> = {};
    // The first column naming a text wins, as the scan in column order did.
    for (const c of REGISTER_COLUMNS) for (const h of [foldText(c.header.vi), foldText(c.header.en)]) if (!hasOwn(exact, h)) exact[h] = c.field;
    for (const c of REGISTER_COLUMNS) for (const a of c.aliases) if (!hasOwn(alias, a)) alias[a] = c.field;
    headerFields = { exact, alias };
  }
  if (hasOwn(headerFields.exact, t)) return headerFields.exact[t];
  if (hasOwn(headerFields.alias, t)) return headerFields.alias[t];
  return null;
}

export function findRegisterHeader(grid: SheetGrid): { row: number; columns: Partial<Record<RegisterColumn, number>> } | null {
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
export function linkFromHyperlink(target: string): string {
  const c = classifyLink(target, true);
  return c && c.kind === 'file' ? formatFilePath(c.path) : target.trim();
}

/**
 * Whether a link cell's text is a path or an address rather than a label. Text that is one wins over
 * the cell's hyperlink: Excel keeps a cell's hyperlink when a corrected path is typed over it.
 */
function looksLikeLink(text: string): boolean {
  return /[\\/:]/.test(text) || /\.[A-Za-z0-9]{1,5}$/.test(text);
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
    const fields: RegisterField[] = ['codes', 'number', 'date', 'summary', 'link'];
    const blank = (r: number) => fields.every((field) => {
      const v = text(r, field);
      return v === null || v === '';
    });
    for (let r = header.row + 1; r < sheet.values.length; r++) {
      const linkCol = columns.link;
      const hyperlink = linkCol === undefined ? null : linkAt(sheet, r, linkCol);
      // The register is drawn a thousand rows deep for appending: most rows are empty.
      if (!hyperlink && blank(r)) continue;
      const linkText = cellText(text(r, 'link'));
      const label = !!hyperlink && !!linkText && !looksLikeLink(linkText);
      const doc: EvidenceDoc = {
        codes: parseCodes(text(r, 'codes')),
        number: cellText(text(r, 'number')),
        date: dateCellText(text(r, 'date')),
        summary: cellText(text(r, 'summary')),
        link: hyperlink && (label || !linkText) ? linkFromHyperlink(hyperlink) : linkText,
      };
      if (label) doc.linkText = linkText;
      const figures = cellText(text(r, 'figures'));
      if (figures) doc.figures = figures;
      if (!doc.codes.length && !doc.number && !doc.date && !doc.summary && !doc.figures && !doc.link) continue;
      rows.push({ row: r, doc, hyperlink });
    }
    return { sheet, headerRow: header.row, columns, rows, rowsByCode: indexByCode(rows) };
  }
  return null;
}

/** Built once per reading: the check looks up every leaf, and a register can list thousands of documents. */
function indexByCode(rows: RegisterRow[]): Record<string, RegisterRow[]> {
  const byCode: Record<string, RegisterRow[]> = {};
  for (const r of rows) {
    r.doc.codes.forEach((code, i) => {
      if (r.doc.codes.indexOf(code) !== i) return;
      if (!hasOwn(byCode, code)) byCode[code] = [];
      byCode[code].push(r);
    });
  }
  return byCode;
}

/** Register rows that back a code, in register order. */
export function rowsForCode(register: RegisterRead | null, code: string): RegisterRow[] {
  return register && hasOwn(register.rowsByCode, code) ? register.rowsByCode[code].slice() : [];
}

/** Documents typed straight into an evidence cell: one a line (or a "; "-separated item). */
export function countEvidence(text: string, link: string | null): number {
  return typedItems(text).length || (link ? 1 : 0);
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

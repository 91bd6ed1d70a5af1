// The evidence of the selected leaf, read from the live workbook, and the three changes the pane makes
// to the Minh chứng register: add, edit and remove a document. Every change reads the register again
// first and refuses when the row no longer holds what the pane showed (someone edited it meanwhile),
// then writes one register row. No DOM here: tests drive it against the recording fake of Excel.

import { UserError } from '../core/model/errors';
import { registerRowCells } from '../core/sheets/register/plan';
import { DocumentInput, InputProblem, checkDocumentInput, editedDocument } from '../core/features/evidence/input';
import { cellAt, cellText, formulaAt, parseA1 } from '../core/model/grid';
import { SHEETS } from '../core/model/layout';
import { WorkbookPort } from '../core/model/port';
import { ScoringRead, readScoring } from '../core/sheets/scoring/read';
import { EvidenceDoc } from '../core/model/entries';
import { RegisterRange, registerRangeOf } from '../core/sheets/register/columns';
import { RegisterRead, RegisterRow, leafEvidence } from '../core/sheets/register/read';
import { STYLES } from '../core/sheets/styles';
import { readOurSheets } from './our-sheets';
import { message } from '../core/text/catalogue';

export interface LeafEvidenceView {
  code: string;
  stt: string;
  name: string;
  /** The register's rows listing the leaf, in register order. */
  documents: RegisterRow[];
  /** Documents typed into the evidence cell of a workbook made before the register. */
  typed: number;
  /** What the Giải trình / Ghi chú cell says. */
  note: string;
  /** False for a workbook made before the register: it must be rebuilt before documents can be added. */
  editable: boolean;
  /** True when the register has its Số liệu cụ thể column (registers made before it have none). */
  figures: boolean;
}

export type EvidenceView =
  | { kind: 'elsewhere' }
  | { kind: 'parent'; code: string; name: string }
  | { kind: 'leaf'; leaf: LeafEvidenceView };

export type ChangeResult = { ok: true } | { ok: false; problems: InputProblem[] };

export interface EvidenceStore {
  /** What the pane shows for a selection: a leaf's evidence, a parent row, or nothing of ours. */
  view(selection: { sheet: string; address: string } | null): Promise<EvidenceView>;
  add(code: string, input: DocumentInput): Promise<ChangeResult>;
  update(row: number, before: EvidenceDoc, input: DocumentInput): Promise<ChangeResult>;
  /** Takes the code off the document; a document backing no other criterion leaves the register. */
  remove(code: string, row: number, before: EvidenceDoc): Promise<void>;
}

const OUR_SHEETS = [SHEETS.scoring, SHEETS.meta, SHEETS.evidence];

/** The top row of an address such as "E11", "A11:J14" or "11:11"; null for whole columns. */
function topRow(address: string): number | null {
  const first = address.replace(/^.*!/, '').split(':')[0];
  const cell = parseA1(first);
  if (cell) return cell.row;
  const row = /^\$?(\d+)$/.exec(first);
  return row ? Number(row[1]) - 1 : null;
}

/** Duck-typed: under the ES5 target an Error subclass may lose its prototype. */
function isUserError(error: unknown): boolean {
  return !!error && !!(error as { userMessage?: unknown }).userMessage;
}

function sameDoc(a: EvidenceDoc, b: EvidenceDoc): boolean {
  return a.codes.join(';') === b.codes.join(';') && a.number === b.number && a.date === b.date && a.summary === b.summary &&
    (a.figures || '') === (b.figures || '') && a.link === b.link;
}

function changedMeanwhile(): UserError {
  return new UserError('register-changed', message('register.rowChanged'));
}

/** Why a workbook made before the register cannot take documents from the pane, and what to do. */
export const NO_REGISTER = message('register.missing');

function noRegister(): UserError {
  return new UserError('no-register', NO_REGISTER);
}

export function createEvidenceStore(port: WorkbookPort): EvidenceStore {
  /** Reads our sheets by name, or every sheet when one was renamed. */
  async function read(): Promise<{ scoring: ScoringRead }> {
    try {
      return { scoring: readScoring(await port.readGrids(OUR_SHEETS)) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { scoring: readScoring((await readOurSheets(port)).grids) };
    }
  }

  /** The register rows the Tài liệu kiểm chứng formulas cover, from any leaf's formula. */
  function coveredRange(scoring: ScoringRead): RegisterRange | null {
    const col = scoring.columns.evidence;
    if (col === undefined) return null;
    for (const code of Object.keys(scoring.rowOf)) {
      const range = registerRangeOf(formulaAt(scoring.sheet, scoring.rowOf[code], col));
      if (range) return range;
    }
    return null;
  }

  function editableRegister(scoring: ScoringRead): { register: RegisterRead; range: RegisterRange } {
    const range = coveredRange(scoring);
    if (!scoring.register || !range) throw noRegister();
    return { register: scoring.register, range };
  }

  async function write(register: RegisterRead, row: number, doc: EvidenceDoc | null): Promise<void> {
    await port.writeCells(register.sheet.name, registerRowCells(row, doc, register.columns), STYLES);
  }

  /** The register row `row` as it stands now, checked against what the pane showed. */
  async function current(row: number, before: EvidenceDoc) {
    const { scoring } = await read();
    const { register } = editableRegister(scoring);
    const found = register.rows.filter((r) => r.row === row)[0];
    if (!found || !sameDoc(found.doc, before)) throw changedMeanwhile();
    return { scoring, register };
  }

  return {
    async view(selection) {
      if (!selection) return { kind: 'elsewhere' };
      let scoring: ScoringRead;
      try {
        scoring = (await read()).scoring;
      } catch (error) {
        // Not a scoring workbook (yet): the panel has nothing to show, which is not a failure.
        if (isUserError(error)) return { kind: 'elsewhere' };
        throw error;
      }
      const row = topRow(selection.address);
      if (row === null || selection.sheet !== scoring.sheet.name) return { kind: 'elsewhere' };
      const code = scoring.codeRows[row];
      const flat = code ? scoring.criteria.nodes.filter((f) => f.code === code)[0] : undefined;
      if (!flat) return { kind: 'elsewhere' };
      if (!flat.leaf) return { kind: 'parent', code, name: flat.node.name };
      const evidence = leafEvidence(scoring.sheet, scoring.register, code, row, scoring.columns.evidence);
      const noteCol = scoring.columns.note;
      return {
        kind: 'leaf',
        leaf: {
          code, stt: flat.node.stt, name: flat.node.name, documents: evidence.rows, typed: evidence.typed,
          note: noteCol === undefined ? '' : cellText(cellAt(scoring.sheet, row, noteCol)),
          editable: !!scoring.register && coveredRange(scoring) !== null,
          figures: !!scoring.register && scoring.register.columns.figures !== undefined,
        },
      };
    },

    async add(code, input) {
      const { scoring } = await read();
      const { register, range } = editableRegister(scoring);
      const { doc, problems } = checkDocumentInput(input, scoring.meta.set);
      if (problems.length) return { ok: false, problems };
      const used: Record<number, boolean> = {};
      for (const r of register.rows) used[r.row] = true;
      let free = range.first;
      while (free <= range.last && used[free]) free++;
      if (free > range.last) {
        throw new UserError('register-full', message('register.full', { row: range.last + 1 }));
      }
      await write(register, free, doc);
      return { ok: true };
    },

    async update(row, before, input) {
      const { scoring, register } = await current(row, before);
      const { doc, problems } = checkDocumentInput(input, scoring.meta.set);
      if (problems.length) return { ok: false, problems };
      await write(register, row, editedDocument(doc, before));
      return { ok: true };
    },

    async remove(code, row, before) {
      const { register } = await current(row, before);
      const others = before.codes.filter((c) => c !== code);
      await write(register, row, others.length ? { ...before, codes: others } : null);
    },
  };
}

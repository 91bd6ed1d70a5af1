// What people entered on the scoring sheet, by criterion code: the leaf rows' entries, the rows whose
// code the set does not know (to keep as leftovers), and the Minh chứng register's documents.

import { CellValue, cellAt, formulaAt, linkAt } from '../../model/grid';
import { ColumnRole } from '../../model/layout';
import { ScoringRead } from './read';
import { extraItemsByCode } from './extras';
import { ASSIGNMENT_ROLES, ENTRY_ROLES, EntryRole, LeafEntry, Entries, EvidenceDoc } from '../../model/entries';
import { isRegisterFormula } from '../register/columns';
import { hyperlinkFormulaTarget } from '../../model/formula';
import { isAppraisalOnly } from '../../model/criteria-kinds';
import { isAppraisalOnlyNote } from './totals';

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Everything entered on leaf rows (and on rows whose code the set does not know, so they can be
 * listed as leftovers), and the assignment typed on the rows of domains and criteria. Subtotals are
 * not entries: they are recomputed. `register`: the rows of the Minh chứng sheet, to pass on as
 * BuildOptions.evidence.
 */
export function extractEntries(read: ScoringRead): { entries: Entries; unknownRows: Entries; register: EvidenceDoc[] } {
  const entries: Entries = {};
  const unknownRows: Entries = {};
  const leafCodes: Record<string, boolean> = {};
  const appraisalOnly: Record<string, boolean> = {};
  for (const f of read.criteria.nodes) if (f.leaf) leafCodes[f.code] = true;
  for (const f of read.criteria.leaves) if (isAppraisalOnly(f.node)) appraisalOnly[f.code] = true;
  // Bonus and deduction items are scored like leaves.
  for (const code of Object.keys(extraItemsByCode(read.meta.set))) leafCodes[code] = true;
  const take = (row: number, code?: string, roles: ReadonlyArray<EntryRole> = ENTRY_ROLES): LeafEntry | null => {
    const e: LeafEntry = { values: {} };
    let any = false;
    for (const role of roles) {
      const col = read.columns[role as ColumnRole];
      if (col === undefined) continue;
      const v = cellAt(read.sheet, row, col);
      if (isBlank(v)) continue;
      // The register's count formula is computed, not entered; anything else there was typed.
      if (role === 'evidence' && isRegisterFormula(formulaAt(read.sheet, row, col))) continue;
      // The self cell of an item scored at appraisal is ours (the appraisal's score or the note), not typed.
      if (role === 'self' && code && appraisalOnly[code] && (formulaAt(read.sheet, row, col) || isAppraisalOnlyNote(v))) continue;
      e.values[role] = typeof v === 'string' ? v.normalize('NFC') : v;
      any = true;
      if (role === 'evidence') {
        const link = linkAt(read.sheet, row, col) || hyperlinkFormulaTarget(formulaAt(read.sheet, row, col));
        if (link) e.evidenceLink = link;
      }
    }
    return any ? e : null;
  };
  for (const code of Object.keys(read.rowOf)) {
    const e = take(read.rowOf[code], code, leafCodes[code] ? ENTRY_ROLES : ASSIGNMENT_ROLES);
    if (e) entries[code] = e;
  }
  for (const u of read.unknown) {
    const e = take(u.row);
    if (e) unknownRows[u.text] = e;
  }
  return { entries, unknownRows, register: read.register ? read.register.rows.map((r) => r.doc) : [] };
}

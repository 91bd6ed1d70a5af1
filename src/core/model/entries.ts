// What people entered in a scoring workbook, by criterion code, and how it carries into a new plan
// (rebuilding, adding the appraisal column, upgrading the criteria set). Nothing is dropped: whatever
// cannot go in its place is returned as a leftover with the reason.

import { CriteriaSet, flattenSet } from './criteria';
import { CellValue, cellAt, formulaAt, linkAt } from './grid';
import { EvidenceDoc, hyperlinkFormulaTarget, isRegisterFormula } from '../sheets/register/plan';
import { ColumnRole } from './layout';
import { parseScoreCell, toHundredths, formatPoints } from './points';
import { ScoringRead } from '../sheets/scoring/read';
import { Message } from './errors';
import { extraItemsByCode } from '../sheets/scoring/extras';

/** The columns a person fills on a leaf row. */
export const ENTRY_ROLES = ['self', 'appraisal', 'evidence', 'note', 'appraisalNote'] as const;
export type EntryRole = (typeof ENTRY_ROLES)[number];

export interface LeafEntry {
  values: Partial<Record<EntryRole, CellValue>>;
  /** Hyperlink target of the evidence cell, when it carries one. */
  evidenceLink?: string;
}

export type Entries = Record<string, LeafEntry>;

export interface Leftover {
  code: string;
  name: string;
  role: EntryRole;
  value: CellValue;
  reason: Message;
  /** The hyperlink the old cell carried (an evidence link): kept on the leftovers sheet too. */
  link?: string;
}

function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Everything entered on leaf rows (and on rows whose code the set does not know, so they can be
 * listed as leftovers). Subtotals are not entries: they are recomputed. `register`: the rows of the
 * Minh chứng sheet, to pass on as BuildOptions.evidence.
 */
export function extractEntries(read: ScoringRead): { entries: Entries; unknownRows: Entries; register: EvidenceDoc[] } {
  const entries: Entries = {};
  const unknownRows: Entries = {};
  const leafCodes: Record<string, boolean> = {};
  for (const f of flattenSet(read.meta.set)) if (f.leaf) leafCodes[f.code] = true;
  // Bonus and deduction items are scored like leaves.
  for (const code of Object.keys(extraItemsByCode(read.meta.set))) leafCodes[code] = true;
  const take = (row: number): LeafEntry | null => {
    const e: LeafEntry = { values: {} };
    let any = false;
    for (const role of ENTRY_ROLES) {
      const col = read.columns[role as ColumnRole];
      if (col === undefined) continue;
      const v = cellAt(read.sheet, row, col);
      if (isBlank(v)) continue;
      // The register's count formula is computed, not entered; anything else there was typed.
      if (role === 'evidence' && isRegisterFormula(formulaAt(read.sheet, row, col))) continue;
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
    if (!leafCodes[code]) continue;
    const e = take(read.rowOf[code]);
    if (e) entries[code] = e;
  }
  for (const u of read.unknown) {
    const e = take(u.row);
    if (e) unknownRows[u.text] = e;
  }
  return { entries, unknownRows, register: read.register ? read.register.rows.map((r) => r.doc) : [] };
}

export interface PlacedEntries {
  /** Entries that go on the new sheet, by code. */
  placed: Entries;
  leftovers: Leftover[];
  /** True when some entry is an appraisal score or note: the new sheet needs the appraisal column. */
  needsAppraisal: boolean;
}

/**
 * Decides where each entry goes under a (possibly new) criteria set: same code → same row; a code
 * the set no longer has, a former parent, or a score above a lowered maximum → leftover. A score
 * that was over its maximum already stays where it was typed, for the check to keep reporting it.
 */
export function placeEntries(
  set: CriteriaSet, entries: Entries, unknownRows: Entries = {}, oldNames: Record<string, string> = {},
  /** The old set's maxima: a score that was already over its old maximum stays on the sheet, as typed. */
  oldMax: Record<string, number> = {},
): PlacedEntries {
  const leaves: Record<string, { name: string; max: number }> = {};
  const parents: Record<string, boolean> = {};
  for (const f of flattenSet(set)) {
    if (f.leaf) leaves[f.code] = { name: f.node.name, max: f.node.max };
    else parents[f.code] = true;
  }
  const extras = extraItemsByCode(set);
  for (const code of Object.keys(extras)) leaves[code] = { name: extras[code].item.name, max: extras[code].item.max };
  const placed: Entries = {};
  const leftovers: Leftover[] = [];
  let needsAppraisal = false;
  const leave = (code: string, role: EntryRole, value: CellValue, reason: Message, link?: string) => {
    const l: Leftover = { code, name: (leaves[code] && leaves[code].name) || oldNames[code] || '', role, value, reason };
    if (link) l.link = link;
    leftovers.push(l);
  };

  for (const code of Object.keys(entries)) {
    const e = entries[code];
    if (e.values.appraisal !== undefined || e.values.appraisalNote !== undefined) needsAppraisal = true;
    const leaf = leaves[code];
    if (!leaf) {
      const reason: Message = parents[code]
        ? { vi: `Tiêu chí ${code} nay có tiêu chí thành phần: nhập lại điểm vào các mục con.`, en: `Criterion ${code} now has sub-criteria: enter the score on its children.` }
        : { vi: `Bộ tiêu chí mới không còn tiêu chí ${code}.`, en: `The new criteria set no longer has criterion ${code}.` };
      for (const role of ENTRY_ROLES) {
        if (e.values[role] !== undefined) leave(code, role, e.values[role]!, reason, role === 'evidence' ? e.evidenceLink : undefined);
      }
      continue;
    }
    const kept: LeafEntry = { values: {} };
    if (e.evidenceLink) kept.evidenceLink = e.evidenceLink;
    for (const role of ENTRY_ROLES) {
      const v = e.values[role];
      if (v === undefined) continue;
      if (role === 'self' || role === 'appraisal') {
        const p = parseScoreCell(v);
        const wasWrong = oldMax[code] !== undefined && p.kind === 'number' && toHundredths(p.value) > toHundredths(oldMax[code]);
        if (p.kind === 'number' && toHundredths(p.value) > toHundredths(leaf.max) && !wasWrong) {
          leave(code, role, v, {
            vi: `Điểm ${formatPoints(p.value)} vượt điểm tối đa mới ${formatPoints(leaf.max)}: chấm lại.`,
            en: `Score ${formatPoints(p.value, 'en')} exceeds the new maximum ${formatPoints(leaf.max, 'en')}: score it again.`,
          });
          continue;
        }
      }
      kept.values[role] = v;
    }
    placed[code] = kept;
  }
  for (const code of Object.keys(unknownRows)) {
    const e = unknownRows[code];
    for (const role of ENTRY_ROLES) {
      if (e.values[role] === undefined) continue;
      leave(code, role, e.values[role]!, { vi: `Dòng có mã "${code}" không thuộc bộ tiêu chí.`, en: `A row with code "${code}", which is not in the criteria set.` });
    }
  }
  return { placed, leftovers, needsAppraisal };
}

/** Human names of the entry columns, for the leftovers sheet and messages. */
export const ENTRY_ROLE_NAMES: Record<EntryRole, Message> = {
  self: { vi: 'Điểm tự chấm', en: 'Self score' },
  appraisal: { vi: 'Điểm thẩm định', en: 'Appraisal score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  note: { vi: 'Giải trình / Ghi chú', en: 'Explanation / Note' },
  appraisalNote: { vi: 'Ý kiến thẩm định', en: "Appraiser's note" },
};


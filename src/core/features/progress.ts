// Tiến độ: where each person or section stands with the items assigned to them, on a given day. An
// item (a sub-criterion, or a criterion scored directly) is scored when its Điểm tự chấm holds a score
// or KAD, evidenced when the Minh chứng register (or its own cell) lists a document or it carries a
// giải trình, complete when scored and, for points above 0, evidenced (as the check's missing-evidence
// rule asks), and overdue when its due date has passed and it is not complete.

import { CellValue, a1, cellAt, cellText } from '../model/grid';
import { Day, compareDays, isoDay } from '../model/dates';
import { ItemAssignment, defaultDueDay, effectiveAssignments, personKey } from '../model/assignment';
import { parseScoreCell } from '../model/points';
import { isAppraisalOnly } from '../model/criteria-kinds';
import { ScoringRead } from '../sheets/scoring/read';
import { leafEvidence } from '../sheets/register/read';

export interface ItemProgress {
  code: string;
  stt: string;
  name: string;
  owner: string;
  /** dd/mm/yyyy, or the text typed where no date is. */
  dueText: string;
  scored: boolean;
  evidenced: boolean;
  complete: boolean;
  overdue: boolean;
  /** The item's Điểm tự chấm cell on the scoring sheet, for the pane to select. */
  cell: string | null;
}

export interface PersonProgress {
  name: string;
  items: number;
  scored: number;
  evidenced: number;
  overdue: string[];
}

/** The `cchc progress --json` document (README): one workbook. */
export interface ProgressReport {
  file?: string;
  unit: string;
  year: number;
  /** yyyy-mm-dd */
  asOf: string;
  people: PersonProgress[];
  unassigned: string[];
}

/** Every scored item of the tree with its assignment and state on `asOf`, in tree order. */
export function itemProgress(read: ScoringRead, asOf: Day): ItemProgress[] {
  const { sheet, columns } = read;
  const cell = (code: string, col: number | undefined): CellValue | undefined => {
    const row = read.rowOf[code];
    return row === undefined || col === undefined ? undefined : cellAt(sheet, row, col);
  };
  const assignment = read.assignment;
  const common = assignment ? assignment.commonDueDay : defaultDueDay(read.meta.year);
  const effective: Record<string, ItemAssignment> = effectiveAssignments(read.criteria.nodes,
    (code, role) => cell(code, columns[role]), common || defaultDueDay(read.meta.year));
  const out: ItemProgress[] = [];
  for (const f of read.criteria.leaves) {
    // An item scored at appraisal (a survey) is no one's task in the commune: never pending, never overdue.
    if (isAppraisalOnly(f.node)) continue;
    const e = effective[f.code];
    // A common due date that is no date leaves the items relying on it without one.
    const noDate = e.dueFrom === null && !common;
    const due = noDate ? null : e.due;
    const row = read.rowOf[f.code];
    const score = parseScoreCell(cell(f.code, columns.self) === undefined ? null : cell(f.code, columns.self)!);
    const scored = score.kind === 'number' || score.kind === 'not-applicable' || score.kind === 'decimal-comma';
    const evidence = leafEvidence(sheet, read.register, f.code, row, columns.evidence);
    const note = columns.note === undefined ? '' : cellText(cell(f.code, columns.note) === undefined ? null : cell(f.code, columns.note)!);
    const evidenced = evidence.rows.length + evidence.typed > 0 || note !== '';
    const needsEvidence = (score.kind === 'number' || score.kind === 'decimal-comma') && score.value > 0;
    const complete = scored && (evidenced || !needsEvidence);
    out.push({
      code: f.code, stt: f.node.stt, name: f.node.name, owner: e.owner, dueText: noDate && assignment ? assignment.commonDue : e.dueText,
      scored, evidenced, complete, overdue: !!due && compareDays(due, asOf) < 0 && !complete,
      cell: row === undefined || columns.self === undefined ? null : a1(row, columns.self),
    });
  }
  return out;
}

/** Per person or section on the list (in its order, then anyone else named on the sheet), and who has no one. */
export function progressOf(read: ScoringRead, asOf: Day): ProgressReport {
  const items = itemProgress(read, asOf);
  const people: PersonProgress[] = [];
  const byKey: Record<string, PersonProgress> = {};
  const person = (name: string): PersonProgress => {
    const key = personKey(name);
    if (!byKey[key]) {
      byKey[key] = { name, items: 0, scored: 0, evidenced: 0, overdue: [] };
      people.push(byKey[key]);
    }
    return byKey[key];
  };
  for (const p of read.assignment ? read.assignment.people : []) if (p.name) person(p.name);
  const unassigned: string[] = [];
  for (const item of items) {
    if (!item.owner) {
      unassigned.push(item.code);
      continue;
    }
    const p = person(item.owner);
    p.items++;
    if (item.scored) p.scored++;
    if (item.evidenced) p.evidenced++;
    if (item.overdue) p.overdue.push(item.code);
  }
  return { unit: read.meta.unit, year: read.meta.year, asOf: isoDay(asOf), people, unassigned };
}

// Assigning items: the one rule the CLI (`cchc assign`) and the pane (Phân công) both apply. Assigning
// a domain or a criterion gives it everything below it: the assignments typed lower down in it are
// cleared, so the whole branch goes to the one person; items can be given to someone else afterwards.

import { CriteriaIndex } from '../model/criteria';
import { CellValue } from '../model/grid';
import { Message, UserError } from '../model/errors';
import { Person, personKey, personName } from '../model/assignment';
import { Day, parseDay, parseIsoDay } from '../model/dates';
import { message } from '../text/catalogue';

export interface AssignRequest {
  /** Codes of domains, criteria or sub-criteria. */
  codes: string[];
  /** The person or section; null clears the assignment (owner and due date) of the codes. */
  owner: string | null;
  /** dd/mm/yyyy or yyyy-mm-dd; absent: due dates are left as they are. */
  due?: string;
}

/** What one row's Phụ trách and Hạn cells become: a value, null to empty the cell; absent: untouched. */
export interface AssignChange {
  code: string;
  owner?: string | null;
  due?: Day | null;
}

/** A due date given on the command line or in the pane: dd/mm/yyyy or yyyy-mm-dd. */
export function parseDueInput(text: string): Day | null {
  return parseIsoDay(text) || parseDay(text);
}

function refuse(m: Message): never {
  throw new UserError('bad-code', m);
}

/**
 * The changes of the Phụ trách and Hạn cells an assignment makes, in tree order. Throws a UserError
 * for a code the set does not have, an empty name, or a due date that is not one.
 */
export function assignmentChanges(
  criteria: CriteriaIndex, current: (code: string, role: 'owner' | 'due') => CellValue | undefined, request: AssignRequest,
): AssignChange[] {
  const unknown = request.codes.filter((c) => !criteria.node(c));
  if (!request.codes.length) refuse(message('assign.noCodes'));
  if (unknown.length) refuse(message('assign.unknownCodes', { codes: unknown.join(', ') }));
  const owner = request.owner === null ? null : personName(request.owner);
  if (owner === '') refuse(message('assign.noName'));
  let due: Day | null | undefined;
  if (request.due !== undefined) {
    due = parseDueInput(request.due);
    if (!due) refuse(message('assign.badDue', { due: request.due }));
  }
  if (owner === null) due = null;
  const chosen: Record<string, boolean> = {};
  for (const code of request.codes) chosen[code] = true;
  const within = (code: string): string | null => {
    for (let f = criteria.node(code); f; f = f.parentCode === null ? undefined : criteria.node(f.parentCode)) if (chosen[f.code]) return f.code;
    return null;
  };
  const changes: AssignChange[] = [];
  for (const f of criteria.nodes) {
    const top = within(f.code);
    if (top === null) continue;
    const change: AssignChange = { code: f.code };
    if (top === f.code) {
      change.owner = owner;
      if (due !== undefined) change.due = due;
    } else {
      // Below a chosen code: what was typed here gives way, so the branch follows its top.
      if (personName(current(f.code, 'owner'))) change.owner = null;
      const typedDue = current(f.code, 'due');
      if (due !== undefined && typedDue !== null && typedDue !== undefined && String(typedDue).trim()) change.due = null;
    }
    if (change.owner !== undefined || change.due !== undefined) changes.push(change);
  }
  return changes;
}

/** The people list with the new owner added at its end when it is not on it yet. */
export function withPerson(people: Person[], name: string | null, role = ''): Person[] {
  if (!name || people.some((p) => personKey(p.name) === personKey(name))) return people;
  return people.concat([{ name: personName(name), role }]);
}

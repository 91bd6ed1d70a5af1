// The plan's phân công: who prepares the documents of each item and by when. An assignment is typed on
// any row of Chấm điểm (Phụ trách, Hạn); a domain's or a criterion's covers the items below it unless
// one of them says otherwise, and an item with no due date of its own or above it has the workbook's
// common due date (the plan: "trước ngày 25/11" of the assessed year).

import { FlatNode } from './criteria';
import { CellValue, cellText } from './grid';
import { Day, formatDay, parseDay } from './dates';

/** A person or a section on the workbook's list (sheet Phân công). */
export interface Person {
  /** "Nguyễn Văn A" or "Tư pháp - Hộ tịch": what the Phụ trách drop-down offers. */
  name: string;
  /** Chức vụ, bộ phận: free text. */
  role: string;
}

/** The plan's deadline for the sections: 25 November of the assessed year. */
export function defaultDueDay(year: number): Day {
  return { year, month: 11, day: 25 };
}

/**
 * A new workbook's list: the commune's professional sections (công chức cấp xã, Nghị định
 * 33/2023/NĐ-CP), so the drop-down is useful at once; the Văn phòng edits it, adds people.
 */
export const DEFAULT_PEOPLE: Person[] = [
  { name: 'Văn phòng - Thống kê', role: 'Bộ phận chuyên môn' },
  { name: 'Tư pháp - Hộ tịch', role: 'Bộ phận chuyên môn' },
  { name: 'Tài chính - Kế toán', role: 'Bộ phận chuyên môn' },
  { name: 'Địa chính - Xây dựng', role: 'Bộ phận chuyên môn' },
  { name: 'Văn hóa - Xã hội', role: 'Bộ phận chuyên môn' },
  { name: 'Chỉ huy trưởng Quân sự', role: 'Bộ phận chuyên môn' },
];

/** A name as typed in a cell: trimmed, NFC, single spaces. */
export function personName(value: CellValue | undefined): string {
  return value === undefined ? '' : cellText(value).replace(/\s+/g, ' ');
}

/**
 * The key two spellings of one name share ("Tư pháp" and "tư  pháp"), as Excel's COUNTIF compares
 * them: case and spacing aside, never the diacritics ("Văn An" and "Văn Ân" are two people).
 */
export function personKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The list with every name used in the sheet that it lacks added at its end: nobody drops out. */
export function peopleWithOwners(people: Person[], owners: string[]): Person[] {
  const out = people.slice();
  const known: Record<string, boolean> = {};
  for (const p of out) if (p.name) known[personKey(p.name)] = true;
  for (const owner of owners) {
    if (!owner || known[personKey(owner)]) continue;
    known[personKey(owner)] = true;
    out.push({ name: owner, role: '' });
  }
  return out;
}

export interface ItemAssignment {
  /** The responsible person or section; "" when nobody is. */
  owner: string;
  /** The code whose row names the owner (the item's own or an ancestor's); null when nobody is. */
  ownerFrom: string | null;
  /** The due date; null when the Hạn cell holds something that is not a date. */
  due: Day | null;
  /** The due date as people read it: dd/mm/yyyy, or the text typed. */
  dueText: string;
  /** The code whose row gives the due date; null for the workbook's common due date. */
  dueFrom: string | null;
}

/**
 * The assignment every node ends up with: its own, else its nearest ancestor's, else (for the due date)
 * the common one. `valueOf` gives what a row's Phụ trách and Hạn cells hold.
 */
export function effectiveAssignments(
  nodes: FlatNode[], valueOf: (code: string, role: 'owner' | 'due') => CellValue | undefined, commonDue: Day,
): Record<string, ItemAssignment> {
  const out: Record<string, ItemAssignment> = {};
  const common: ItemAssignment = { owner: '', ownerFrom: null, due: commonDue, dueText: formatDay(commonDue), dueFrom: null };
  // Tree order puts every parent before its children.
  for (const f of nodes) {
    const above = f.parentCode !== null && out[f.parentCode] ? out[f.parentCode] : common;
    const own = personName(valueOf(f.code, 'owner'));
    const dueValue = valueOf(f.code, 'due');
    const dueTyped = dueValue === undefined || dueValue === null ? '' : cellText(dueValue);
    const item: ItemAssignment = { ...above };
    if (own) {
      item.owner = own;
      item.ownerFrom = f.code;
    }
    if (dueTyped) {
      const day = parseDay(dueValue);
      item.due = day;
      item.dueText = day ? formatDay(day) : dueTyped;
      item.dueFrom = f.code;
    }
    out[f.code] = item;
  }
  return out;
}

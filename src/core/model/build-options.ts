// What a scoring workbook is built from: the criteria set, the unit and year, and what an earlier
// workbook carries into it.

import { CriteriaSet, UnitType } from './criteria';
import { Entries, Leftover, EvidenceDoc } from './entries';
import { Person } from './assignment';

export interface BuildOptions {
  set: CriteriaSet;
  /** "Xã Đồng Thịnh" */
  unit: string;
  year: number;
  /** Adds the Điểm thẩm định and Ý kiến thẩm định columns. */
  appraisal?: boolean;
  /** Entries carried from an earlier workbook, already placed under this set (see entries.ts). */
  entries?: Entries;
  /** Entries that could not be placed: listed on their own sheet, never dropped. */
  leftovers?: Leftover[];
  /** Rows of the Minh chứng register carried from an earlier workbook (extractEntries' `register`). */
  evidence?: EvidenceDoc[];
  /** The list of people and sections on Phân công; absent: the commune's usual sections. */
  people?: Person[];
  /** The common due date, dd/mm/yyyy; absent: 25/11 of the year (assignment.ts). */
  commonDue?: string;
}

/**
 * The unit's type from its name ("Phường Hoàng Văn Thụ" → phuong); a bare name is a xã, as for
 * unitNames. Decides where the set allows KAD (criteria-kinds.ts).
 */
export function unitTypeOf(unit: string): UnitType {
  const m = /^(?:(?:ủy|uỷ) ban nhân dân\s+|ubnd\s+)?(xã|phường|thị trấn)(?:\s|$)/.exec(unit.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase());
  return !m ? 'xa' : m[1] === 'phường' ? 'phuong' : m[1] === 'thị trấn' ? 'thi-tran' : 'xa';
}

/** "Xã Đồng Thịnh" → { full: "Xã Đồng Thịnh", place: "Đồng Thịnh" }; a bare name is taken as a xã. */
export function unitNames(unit: string): { full: string; place: string } {
  const clean = unit.normalize('NFC').replace(/\s+/g, ' ').trim();
  const m = /^(xã|phường|thị trấn)\s+(.+)$/i.exec(clean);
  if (m) return { full: m[1].charAt(0).toUpperCase() + m[1].slice(1).toLowerCase() + ' ' + m[2], place: m[2] };
  return { full: 'Xã ' + clean, place: clean };
}

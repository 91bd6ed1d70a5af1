// What a scoring workbook is built from: the criteria set, the unit and year, and what an earlier
// workbook carries into it.

import { CriteriaSet, UnitType } from './criteria';
import { Entries, Leftover, EvidenceDoc } from './entries';
import { Person } from './assignment';
import { CellValue } from './grid';
import { parseUnitName } from './unit-name';

/** Last year's result, taken from last year's workbook, for Tổng hợp's comparison (matched by domain code). */
export interface PreviousYear {
  year: number;
  unit: string;
  setId: string;
  /** Whether last year's set scores the same items the same way as this year's. */
  sameSet: boolean;
  /** By domain code: its name, maximum and the points achieved (appraisal where entered, else self). */
  domains: Record<string, { name: string; max: number; points: number | null }>;
  total: number | null;
  index: number | null;
  basis: 'self' | 'appraisal';
}

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
  /** What a person typed in Tổng hợp's panel (number, date, signer, Nơi nhận…), by field: kept by rebuilds. */
  report?: Partial<Record<string, CellValue>>;
  /** The district that appraises ("UBND huyện Phú Lương", "Phòng Nội vụ huyện …"): the appraisal document's issuer. */
  district?: string;
  /** Last year's result, compared per domain on Tổng hợp; kept in _cchc so refreshes keep it. */
  previous?: PreviousYear;
  /** The list of people and sections on Phân công; absent: the commune's usual sections. */
  people?: Person[];
  /** The common due date, dd/mm/yyyy; absent: 25/11 of the year (assignment.ts). */
  commonDue?: string;
}

/**
 * The unit's type from its name ("Phường Hoàng Văn Thụ" → phuong, "UBND thị trấn Chợ Chu" → thi-tran);
 * a bare name is a xã, as parseUnitName reads it. Decides where the set allows KAD (criteria-kinds.ts).
 */
export function unitTypeOf(unit: string): UnitType {
  return parseUnitName(unit).type;
}

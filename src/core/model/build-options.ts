// What a scoring workbook is built from: the criteria set, the unit and year, and what an earlier
// workbook carries into it.

import { CriteriaSet } from './criteria';
import { Entries, Leftover, EvidenceDoc } from './entries';
import { CellValue } from './grid';

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
}


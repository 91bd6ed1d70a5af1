// What people entered in a scoring workbook, by criterion code, and how it carries into a new plan
// (rebuilding, adding the appraisal column, upgrading the criteria set). Nothing is dropped: whatever
// cannot go in its place is returned as a leftover with the reason.
import { CellValue } from './grid';
import { Message } from './errors';
import { PlanValue } from './plan';

/** The columns a person fills on a leaf row (the assignment's also on the rows of criteria and domains). */
export const ENTRY_ROLES = ['figure', 'self', 'appraisal', 'evidence', 'note', 'appraisalNote', 'owner', 'due'] as const;
export type EntryRole = (typeof ENTRY_ROLES)[number];

/** Who prepares an item and by when: entered on any row, a criterion's covering its sub-criteria. */
export const ASSIGNMENT_ROLES: EntryRole[] = ['owner', 'due'];

export function isAssignmentRole(role: EntryRole): boolean {
  return role === 'owner' || role === 'due';
}

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

/** Human names of the entry columns, for the leftovers sheet and messages. */
export const ENTRY_ROLE_NAMES: Record<EntryRole, Message> = {
  figure: { vi: 'Tỷ lệ / số lượng', en: 'Rate / count' },
  self: { vi: 'Điểm tự chấm', en: 'Self score' },
  appraisal: { vi: 'Điểm thẩm định', en: 'Appraisal score' },
  evidence: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' },
  note: { vi: 'Giải trình / Ghi chú', en: 'Explanation / Note' },
  appraisalNote: { vi: 'Ý kiến thẩm định', en: "Appraiser's note" },
  owner: { vi: 'Phụ trách', en: 'Responsible' },
  due: { vi: 'Hạn', en: 'Due' },
};
export interface EvidenceDoc {
  /** The leaf codes the document backs. */
  codes: string[];
  /** Số, ký hiệu: "125/KH-UBND"; "" for a photo or a scan without one. */
  number: string;
  /** Ngày ban hành, dd/mm/yyyy. */
  date: string;
  /** Trích yếu / mô tả. */
  summary: string;
  /** Số liệu: the figures behind the score ("12/12 cuộc họp"); absent or "" when none. */
  figures?: string;
  /** A file path (relative to the workbook's folder, absolute, UNC) or an http(s) address; "" when none. */
  link: string;
  /**
   * The words the register's link cell shows when they are a label over its hyperlink (Excel's Insert ›
   * Link with its own text: "Báo cáo" over Minh chung/bc.pdf); absent when the cell shows the link.
   */
  linkText?: string;
}
/** A carried entry as a plan value (booleans, which no score or note should be, become text). */
export function entryValue(v: CellValue | undefined): PlanValue {
  if (v === undefined || v === null) return null;
  return typeof v === 'boolean' ? String(v) : v;
}

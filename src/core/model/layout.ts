// Where things stand on the scoring sheet. The writer puts them there; the reader finds them again by
// header text and by the code column, so moved columns and sorted rows still read correctly.

import { foldText } from './grid';
import { Message } from './errors';
import { hasOwn } from './own';

export const SHEETS = { scoring: 'Chấm điểm', summary: 'Tổng hợp', meta: '_cchc', evidence: 'Minh chứng', assignment: 'Phân công' } as const;

export type ColumnRole =
  | 'stt'
  | 'name'
  | 'max'
  | 'method'
  | 'figure'
  | 'self'
  | 'appraisal'
  | 'evidence'
  | 'note'
  | 'appraisalNote'
  | 'check'
  | 'code'
  | 'owner'
  | 'due';

export interface ColumnSpec {
  role: ColumnRole;
  header: Message;
  width: number;
  hidden?: boolean;
  /** Other header texts (folded) that people or older versions use for this column. */
  aliases?: string[];
}

const COLUMN_SPECS: Record<ColumnRole, ColumnSpec> = {
  stt: { role: 'stt', header: { vi: 'STT', en: 'No.' }, width: 7, aliases: ['so tt', 'tt'] },
  name: { role: 'name', header: { vi: 'Lĩnh vực / Tiêu chí / Tiêu chí thành phần', en: 'Domain / Criterion / Sub-criterion' }, width: 48, aliases: ['noi dung', 'tieu chi', 'linh vuc, tieu chi'] },
  max: { role: 'max', header: { vi: 'Điểm tối đa', en: 'Max points' }, width: 9, aliases: ['diem chuan', 'thang diem'] },
  method: { role: 'method', header: { vi: 'Cách chấm điểm', en: 'Scoring method' }, width: 42, aliases: ['phuong phap cham', 'huong dan cham diem'] },
  // The rate or count a leaf's points follow from (criteria-kinds.ts), when the set has such leaves;
  // named apart from the register's Số liệu cụ thể (the evidence's figures), which is another thing: a
  // column headed just "Số liệu" is not read as rates or counts.
  figure: { role: 'figure', header: { vi: 'Tỷ lệ / số lượng', en: 'Rate / count' }, width: 10, aliases: ['so lieu cham', 'ty le, so luong', 'ty le/so luong'] },
  self: { role: 'self', header: { vi: 'Điểm tự chấm', en: 'Self score' }, width: 10, aliases: ['tu cham', 'diem tu danh gia', 'tu danh gia'] },
  appraisal: { role: 'appraisal', header: { vi: 'Điểm thẩm định', en: 'Appraisal score' }, width: 10, aliases: ['tham dinh'] },
  evidence: { role: 'evidence', header: { vi: 'Tài liệu kiểm chứng', en: 'Evidence' }, width: 34, aliases: ['minh chung', 'tai lieu kiem chung'] },
  note: { role: 'note', header: { vi: 'Giải trình / Ghi chú', en: 'Explanation / Note' }, width: 28, aliases: ['giai trinh', 'ghi chu'] },
  appraisalNote: { role: 'appraisalNote', header: { vi: 'Ý kiến thẩm định', en: 'Appraiser\'s note' }, width: 24, aliases: ['ghi chu tham dinh', 'y kien hoi dong tham dinh'] },
  check: { role: 'check', header: { vi: 'Kiểm tra', en: 'Check' }, width: 22 },
  // Visible: the Minh chứng register and the check's messages name sub-criteria by this code.
  code: { role: 'code', header: { vi: 'Mã', en: 'Code' }, width: 9, aliases: ['ma tieu chi', 'code'] },
  // Who prepares the item's documents and by when (the plan's phân công): working columns, right of
  // Mã so they stay out of the printed report.
  owner: { role: 'owner', header: { vi: 'Phụ trách', en: 'Responsible' }, width: 22, aliases: ['nguoi phu trach', 'bo phan phu trach', 'phan cong', 'nguoi thuc hien'] },
  due: { role: 'due', header: { vi: 'Hạn', en: 'Due' }, width: 12, aliases: ['han hoan thanh', 'thoi han', 'han nop', 'due date'] },
};

export interface ColumnLayout {
  order: ColumnRole[];
  /** 0-based column of each role present. */
  col: Partial<Record<ColumnRole, number>>;
}

/**
 * The columns of Chấm điểm, in DESIGN.md §4 order; the appraisal columns only when asked; Tỷ lệ / số lượng
 * before the self score only when some leaf takes a figure; then the assignment's Phụ trách and Hạn after Mã.
 */
export function columnLayout(appraisal: boolean, figures: boolean = false): ColumnLayout {
  const order: ColumnRole[] = appraisal
    ? ['stt', 'name', 'max', 'method', 'self', 'appraisal', 'evidence', 'note', 'appraisalNote', 'check', 'code', 'owner', 'due']
    : ['stt', 'name', 'max', 'method', 'self', 'evidence', 'note', 'check', 'code', 'owner', 'due'];
  if (figures) order.splice(order.indexOf('self'), 0, 'figure');
  const col: ColumnLayout['col'] = {};
  order.forEach((role, i) => (col[role] = i));
  return { order, col };
}

/**
 * Printed widths. The printed columns (every one before Kiểm tra) are this wide together: they fit A4
 * landscape at the decree's margins at about 92 %, where 11-point text prints at 10 points at least
 * (print.ts). The narrow columns keep their widths; the text columns share the rest in these
 * proportions, so a column added among the printed ones (a figure beside the score) narrows the text
 * columns, never the print. Kiểm tra, Mã and the working columns after them do not print.
 */
const PRINTED_WIDTH = 134;
const NARROW_WIDTHS: Partial<Record<ColumnRole, number>> = { stt: 5, max: 7, self: 8, appraisal: 8 };
const TEXT_SHARES: Record<'plain' | 'appraisal', Partial<Record<ColumnRole, number>>> = {
  plain: { name: 36, method: 33, evidence: 24, note: 21 },
  appraisal: { name: 30, method: 25, evidence: 18, note: 16, appraisalNote: 17 },
};

/** The width of a column of Chấm điểm in this layout. */
export function columnWidth(role: ColumnRole, layout: ColumnLayout): number {
  const printedLast = (layout.col.check === undefined ? layout.order.length : layout.col.check) - 1;
  const fixedWidth = (r: ColumnRole) => (NARROW_WIDTHS[r] === undefined ? COLUMN_SPECS[r].width : NARROW_WIDTHS[r]!);
  if (layout.col[role] === undefined || layout.col[role]! > printedLast) return COLUMN_SPECS[role].width;
  const shares = TEXT_SHARES[layout.col.appraisal === undefined ? 'plain' : 'appraisal'];
  if (shares[role] === undefined) return fixedWidth(role);
  let fixed = 0;
  let shared = 0;
  for (let i = 0; i <= printedLast; i++) {
    const r = layout.order[i];
    if (shares[r] === undefined) fixed += fixedWidth(r);
    else shared += shares[r]!;
  }
  return Math.round((shares[role]! * (PRINTED_WIDTH - fixed) / shared) * 10) / 10;
}

export function columnSpec(role: ColumnRole): ColumnSpec {
  return COLUMN_SPECS[role];
}

/** Folded header texts and aliases → role, built once: the reader asks for every cell of the header rows. */
let headerRoles: { exact: Record<string, ColumnRole>; alias: Record<string, ColumnRole> } | null = null;

function headerTables(): { exact: Record<string, ColumnRole>; alias: Record<string, ColumnRole> } {
  if (!headerRoles) {
    const exact: Record<string, ColumnRole> = {};
    const alias: Record<string, ColumnRole> = {};
    // The first role naming a text wins, as the scan in role order did.
    for (const role of Object.keys(COLUMN_SPECS) as ColumnRole[]) {
      const spec = COLUMN_SPECS[role];
      for (const text of [foldText(spec.header.vi), foldText(spec.header.en)]) if (!hasOwn(exact, text)) exact[text] = role;
      for (const text of spec.aliases || []) if (!hasOwn(alias, text)) alias[text] = role;
    }
    headerRoles = { exact, alias };
  }
  return headerRoles;
}


/** Which role a header text names, if any (folded comparison, Vietnamese or English). */
export function roleOfHeader(text: string): ColumnRole | null {
  const t = foldText(text);
  if (!t) return null;
  // Exact header texts first, then aliases: "Ghi chú thẩm định" must not be taken for "Ghi chú".
  const { exact, alias } = headerTables();
  if (hasOwn(exact, t)) return exact[t];
  if (hasOwn(alias, t)) return alias[t];
  return null;
}

/** Markers in the code column for the rows below the tree. */
export const ROW_MARKERS = {
  bonus: '#BONUS',
  deduction: '#DEDUCTION',
  total: '#TOTAL',
  applicableMax: '#APPLICABLE',
  index: '#INDEX',
  band: '#BAND',
} as const;

/** Rows above the header on Chấm điểm (0-based header row index). */
export const SCORING_HEADER_ROW = 7;

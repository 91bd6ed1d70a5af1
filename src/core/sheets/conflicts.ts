// The sheet a merge leaves for review: every item where the sections' copies disagreed, or a copy
// changed what was not its own, with the main workbook's value (kept) beside each copy's.

import { CellPlan, SheetPlan } from '../model/plan';
import { ENTRY_ROLE_NAMES, EntryRole } from '../model/entries';
import { Message } from '../model/errors';
import { text } from '../text/node';

export const CONFLICTS_SHEET = 'Xung đột khi gộp';

export interface ConflictRow {
  code: string;
  item: string;
  /** An entry column, or the item's documents. */
  field: EntryRole | 'documents';
  kept: string;
  part: string;
  value: string;
  reason: Message;
}

export function fieldName(field: ConflictRow['field']): Message {
  return field === 'documents' ? { vi: text('vi', 'merge.documents'), en: text('en', 'merge.documents') } : ENTRY_ROLE_NAMES[field];
}

export function conflictsSheet(rows: ConflictRow[], name = CONFLICTS_SHEET): SheetPlan {
  const cells: CellPlan[] = [];
  cells.push({ row: 0, col: 0, value: text('vi', 'sheet.conflicts.title'), style: 'title' });
  cells.push({ row: 1, col: 0, value: text('vi', 'sheet.conflicts.hint'), style: 'hint' });
  const headers = ['sheet.conflicts.code', 'sheet.conflicts.item', 'sheet.conflicts.field', 'sheet.conflicts.kept', 'sheet.conflicts.part', 'sheet.conflicts.value', 'sheet.conflicts.reason'] as const;
  headers.forEach((key, c) => cells.push({ row: 3, col: c, value: text('vi', key), style: 'header' }));
  rows.forEach((r, i) => {
    const row = 4 + i;
    const values = [r.code, r.item, fieldName(r.field).vi, r.kept, r.part, r.value, r.reason.vi];
    values.forEach((value, c) => cells.push({ row, col: c, value: value === '' ? null : value, style: c === 1 || c >= 3 ? 'registerText' : 'registerCenter' }));
  });
  return {
    name,
    visibility: 'visible',
    columns: [{ width: 9 }, { width: 36 }, { width: 18 }, { width: 26 }, { width: 22 }, { width: 26 }, { width: 44 }],
    rowHeights: [{ row: 0, height: 24 }, { row: 1, height: 30 }, { row: 3, height: 30 }],
    cells,
    merges: ['A1:G1', 'A2:G2'],
    validations: [],
    conditionalFormats: [],
    freeze: { rows: 4, cols: 0 },
    protect: false,
    print: { orientation: 'landscape', paper: 'A4', fitToWidth: true, repeatRows: { from: 3, to: 3 } },
    tabColor: 'C00000',
  };
}

// Reading back the sheet of entries an earlier rebuild could not place (workbook.ts writes it), so a
// later rebuild carries them on instead of dropping the sheet.

import { ENTRY_ROLES, ENTRY_ROLE_NAMES, EntryRole, Leftover, entryValue } from '../model/entries';
import { SheetGrid, cellAt, cellText, foldText, linkAt } from '../model/grid';
import { CellPlan, SheetPlan } from '../model/plan';
import { safeHyperlink } from '../model/evidence-link';

/** Rows of the sheet: Mã · Tên tiêu chí · Cột · Giá trị cũ · Lý do, from row 5 (0-based 4). */
const FIRST_ROW = 4;

function roleOf(text: string): EntryRole {
  const t = foldText(text);
  for (const role of ENTRY_ROLES) if (foldText(ENTRY_ROLE_NAMES[role].vi) === t || foldText(ENTRY_ROLE_NAMES[role].en) === t) return role;
  // A column name people edited: keep the value as a note rather than lose it.
  return 'note';
}

export function readLeftoversSheet(grid: SheetGrid): Leftover[] {
  const out: Leftover[] = [];
  for (let row = FIRST_ROW; row < grid.values.length; row++) {
    const value = cellAt(grid, row, 3);
    const code = cellText(cellAt(grid, row, 0));
    if (!code && (value === null || cellText(value) === '')) continue;
    const reason = cellText(cellAt(grid, row, 4));
    const leftover: Leftover = { code, name: cellText(cellAt(grid, row, 1)), role: roleOf(cellText(cellAt(grid, row, 2))), value, reason: { vi: reason, en: reason } };
    const link = linkAt(grid, row, 3);
    if (link) leftover.link = link;
    out.push(leftover);
  }
  return out;
}
/** Name of the sheet that keeps entries a rebuild could not place. */
export const LEFTOVERS_SHEET = 'Mục chưa chuyển';

export function leftoversSheet(leftovers: Leftover[]): SheetPlan {
  const cells: CellPlan[] = [];
  cells.push({ row: 0, col: 0, value: 'CÁC NỘI DUNG CHƯA CHUYỂN SANG BẢNG MỚI — xem lý do và nhập lại nếu cần', style: 'title' });
  cells.push({ row: 1, col: 0, value: 'Không nội dung nào bị xóa: mọi giá trị của bảng cũ không đặt được vào bảng mới đều được giữ ở đây.', style: 'hint' });
  const headers = ['Mã', 'Tên tiêu chí', 'Cột', 'Giá trị cũ', 'Lý do'];
  headers.forEach((h, c) => cells.push({ row: 3, col: c, value: h, style: 'header' }));
  leftovers.forEach((l, i) => {
    const row = 4 + i;
    cells.push({ row, col: 0, value: l.code, style: 'plain' });
    cells.push({ row, col: 1, value: l.name || null, style: 'leaf' });
    cells.push({ row, col: 2, value: ENTRY_ROLE_NAMES[l.role].vi, style: 'plain' });
    // A link whose scheme could run code is kept as text beside the value, never as a live link.
    const link = l.link ? safeHyperlink(l.link) : undefined;
    const old: CellPlan = { row, col: 3, value: l.link && !link ? `${l.value === null ? '' : String(l.value)} (${l.link})`.trim() : entryValue(l.value), style: 'plain' };
    if (link) old.hyperlink = link;
    cells.push(old);
    cells.push({ row, col: 4, value: l.reason.vi, style: 'leaf' });
  });
  return {
    name: LEFTOVERS_SHEET,
    visibility: 'visible',
    columns: [{ width: 10 }, { width: 44 }, { width: 18 }, { width: 30 }, { width: 50 }],
    rowHeights: [],
    cells,
    merges: ['A1:E1', 'A2:E2'],
    validations: [],
    conditionalFormats: [],
    protect: false,
    tabColor: 'C00000',
  };
}


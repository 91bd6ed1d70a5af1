// Reading back the sheet of entries an earlier rebuild could not place (workbook.ts writes it), so a
// later rebuild carries them on instead of dropping the sheet.

import { ENTRY_ROLES, ENTRY_ROLE_NAMES, EntryRole, Leftover } from '../model/entries';
import { SheetGrid, cellAt, cellText, foldText, linkAt } from '../model/grid';

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

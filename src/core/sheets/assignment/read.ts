// Reading the Phân công sheet back: the common due date and table I (people and sections), found by
// their texts wherever people moved them. Table II is formulas over Chấm điểm: never read as entries.

import { CellValue, SheetGrid, WorkbookGrids, cellAt, cellText, foldText } from '../../model/grid';
import { SHEETS } from '../../model/layout';
import { Person, personName } from '../../model/assignment';
import { Day, formatDay, parseDay } from '../../model/dates';
import { text } from '../../text/catalogue';

export interface AssignmentRead {
  sheet: SheetGrid;
  people: Person[];
  /** What the common due date's cell holds: dd/mm/yyyy for a date, else the text typed ("" when empty). */
  commonDue: string;
  commonDueDay: Day | null;
  /** 0-based rows of table I's first and last name cells, and its columns. */
  peopleRows: { first: number; last: number };
  columns: { name: number; role: number };
}

const HEADER_SCAN_ROWS = 40;

const folded = (key: Parameters<typeof text>[1]) => [foldText(text('vi', key)), foldText(text('en', key))];

function matches(value: CellValue, keys: string[]): boolean {
  return typeof value === 'string' && keys.indexOf(foldText(value).replace(/:$/, '')) >= 0;
}

/** Table I's header: the row naming the person and the role columns. */
function findPeopleHeader(grid: SheetGrid): { row: number; name: number; role: number } | null {
  const person = folded('sheet.assign.person');
  const role = folded('sheet.assign.role');
  for (let r = 0; r < Math.min(grid.values.length, HEADER_SCAN_ROWS); r++) {
    const row = grid.values[r] || [];
    let nameCol = -1;
    let roleCol = -1;
    row.forEach((v, c) => {
      if (nameCol < 0 && matches(v, person)) nameCol = c;
      else if (roleCol < 0 && matches(v, role)) roleCol = c;
    });
    if (nameCol >= 0 && roleCol >= 0) return { row: r, name: nameCol, role: roleCol };
  }
  return null;
}

/**
 * The row that starts table II (its heading or its header), below which no person is read, and the
 * last row of table I: the plan leaves one empty row before the heading.
 */
function listStart(grid: SheetGrid, from: number): { start: number; last: number } {
  const heading = folded('sheet.assign.list');
  const due = folded('sheet.assign.due');
  for (let r = from; r < grid.values.length; r++) {
    const row = grid.values[r] || [];
    if (row.some((v) => matches(v, heading))) return { start: r, last: r - 2 };
    if (row.some((v) => matches(v, due))) return { start: r, last: r - 3 };
  }
  return { start: grid.values.length, last: grid.values.length - 1 };
}

function commonDueOf(grid: SheetGrid, before: number): CellValue {
  // The label, or its first words when people shortened it ("Hạn hoàn thành chung").
  const label = folded('sheet.assign.commonDue').map((t) => t.replace(/:$/, '')).concat(['han hoan thanh chung', 'common due date']);
  for (let r = 0; r < before; r++) {
    const row = grid.values[r] || [];
    for (let c = 0; c < row.length; c++) {
      if (!matches(row[c], label)) continue;
      for (let k = c + 1; k < row.length; k++) if (cellText(row[k])) return row[k];
      return null;
    }
  }
  return null;
}

/** True for a grid holding the Phân công sheet's table I (whatever the sheet is called now). */
export function isAssignmentGrid(grid: SheetGrid): boolean {
  return findPeopleHeader(grid) !== null;
}

/** The Phân công sheet, by its name or (renamed) by its table I; null when the workbook has none. */
export function readAssignment(grids: WorkbookGrids): AssignmentRead | null {
  const named = grids.sheets.filter((s) => s.name === SHEETS.assignment);
  for (const sheet of named.concat(grids.sheets.filter((s) => s.name !== SHEETS.assignment))) {
    const header = findPeopleHeader(sheet);
    if (!header) continue;
    const end = listStart(sheet, header.row + 1);
    const people: Person[] = [];
    for (let r = header.row + 1; r < end.start; r++) {
      const name = personName(cellAt(sheet, r, header.name));
      const role = personName(cellAt(sheet, r, header.role));
      if (name || role) people.push({ name, role });
    }
    const due = commonDueOf(sheet, header.row);
    const day = parseDay(due);
    return {
      sheet, people, commonDue: day ? formatDay(day) : cellText(due), commonDueDay: day,
      peopleRows: { first: header.row + 1, last: Math.max(header.row + 1, end.last) }, columns: { name: header.name, role: header.role },
    };
  }
  return null;
}

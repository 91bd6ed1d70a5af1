// Where things stand on the Phân công sheet: the common due date, table I (people and sections, the
// source of the Phụ trách drop-down) and table II (the printable assignment by criterion). What the
// plan and the reader share; the reader finds the tables again by their header texts.

import { FlatNode } from '../../model/criteria';
import { columnLetter } from '../../model/grid';
import { SHEETS } from '../../model/layout';
import { quoteSheet } from '../../model/formula';

/** Columns (0-based): table I uses A–D as STT · name · role · count, table II as Mã · item · owner · due. */
export const ASSIGN_COL = { first: 0, name: 1, owner: 2, due: 3, leaf: 4 } as const;

/** Rows (0-based): the annex's heading (Nghị định 30: "Phụ lục", the title, "(Kèm theo Kế hoạch số …)"), then the sheet's own. */
export const ASSIGN_ROW = { annex: 0, title: 1, attached: 2, hint: 3, commonDue: 4, peopleHeading: 6, peopleHeader: 7 } as const;

/** Empty rows of table I beyond the names, for the Văn phòng to add people without inserting rows. */
export const PEOPLE_MIN_ROWS = 20;
export const PEOPLE_SPARE_ROWS = 10;

export interface AssignmentGeometry {
  peopleFirst: number;
  peopleLast: number;
  listHeading: number;
  listHeader: number;
  /** The row of each node on table II. */
  rowOf: Record<string, number>;
  listLast: number;
}

export function assignmentGeometry(nodes: FlatNode[], people: number): AssignmentGeometry {
  const peopleFirst = ASSIGN_ROW.peopleHeader + 1;
  const peopleLast = peopleFirst + Math.max(PEOPLE_MIN_ROWS, people + PEOPLE_SPARE_ROWS) - 1;
  const listHeading = peopleLast + 2;
  const listHeader = listHeading + 1;
  const rowOf: Record<string, number> = {};
  nodes.forEach((f, i) => (rowOf[f.code] = listHeader + 1 + i));
  return { peopleFirst, peopleLast, listHeading, listHeader, rowOf, listLast: listHeader + nodes.length };
}

/** The names of table I, as the Phụ trách drop-down's source: "'Phân công'!$B$8:$B$27". */
export function peopleSource(g: Pick<AssignmentGeometry, 'peopleFirst' | 'peopleLast'>): string {
  const col = columnLetter(ASSIGN_COL.name);
  return `${quoteSheet(SHEETS.assignment)}!$${col}$${g.peopleFirst + 1}:$${col}$${g.peopleLast + 1}`;
}

/** The common due date's cell on the sheet, absolute. */
export function commonDueRef(): string {
  return `$${columnLetter(ASSIGN_COL.owner)}$${ASSIGN_ROW.commonDue + 1}`;
}

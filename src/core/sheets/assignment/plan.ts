// The Phân công sheet as a plan: the common due date, table I (the people and sections the Phụ trách
// drop-down offers, each with the number of items assigned) and table II, the assignment by criterion
// to attach to the plan. Table II is formulas over the Phụ trách and Hạn cells of Chấm điểm, each row
// falling back on the row above it in the tree, so it stays right when people assign items in Excel
// with no add-in running. Also the cells and validations of those two columns on Chấm điểm.

import { FlatNode } from '../../model/criteria';
import { CellValue, a1, columnLetter } from '../../model/grid';
import { SHEETS, columnSpec } from '../../model/layout';
import { CellPlan, PlanValue, SheetPlan, ValidationPlan } from '../../model/plan';
import { Entries, entryValue } from '../../model/entries';
import { DEFAULT_PEOPLE, ItemAssignment, Person, defaultDueDay, effectiveAssignments, personKey, personName, peopleWithOwners } from '../../model/assignment';
import { Day, parseDay, serialOfDay } from '../../model/dates';
import { quoteSheet } from '../../model/formula';
import { text } from '../../text/catalogue';
import { ASSIGN_COL, ASSIGN_ROW, AssignmentGeometry, assignmentGeometry, commonDueRef, peopleSource } from './layout';

const vi = (key: Parameters<typeof text>[1], params?: Parameters<typeof text>[2]) => text('vi', key, params);

export interface AssignmentPlanInput {
  /** The tree in reading order. */
  nodes: FlatNode[];
  /** "Xã Đồng Thịnh" */
  unit: string;
  year: number;
  people?: Person[];
  /** dd/mm/yyyy, or whatever was typed in the cell; absent: 25/11 of the year. */
  commonDue?: string;
  entries?: Entries;
  /** Where each node's row and the Phụ trách and Hạn columns stand on Chấm điểm. */
  scoring: { rowOf: Record<string, number>; ownerCol: number; dueCol: number };
}

export interface AssignmentPlan {
  sheet: SheetPlan;
  geometry: AssignmentGeometry;
  people: Person[];
  /** The common due date; null when its cell holds something that is not a date. */
  commonDue: Day | null;
  /** Every node's assignment as the sheet's formulas will show it. */
  effective: Record<string, ItemAssignment>;
  /** The Phụ trách and Hạn cells of a node's row on Chấm điểm. */
  cells(code: string, row: number): CellPlan[];
  /** Their validations over a block of rows of Chấm điểm (A1, e.g. "L9:L120"). */
  ownerValidation(range: string): ValidationPlan;
  dueValidation(range: string): ValidationPlan;
}

/** A due date as a cell holds it: the serial of a date, else the text as typed (nothing is lost). */
export function dueCellValue(value: CellValue | undefined): PlanValue {
  const day = parseDay(value);
  return day ? serialOfDay(day) : entryValue(value);
}

/** Dates a due date may take: this work's years. */
const DUE_RANGE = { min: serialOfDay({ year: 2000, month: 1, day: 1 }), max: serialOfDay({ year: 2100, month: 12, day: 31 }) };

export function planAssignment(input: AssignmentPlanInput): AssignmentPlan {
  const { nodes, year } = input;
  const entries = input.entries || {};
  const valueOf = (code: string, role: 'owner' | 'due'): CellValue | undefined => (entries[code] ? entries[code].values[role] : undefined);
  const owners = nodes.map((f) => personName(valueOf(f.code, 'owner'))).filter(Boolean);
  const people = peopleWithOwners(input.people || DEFAULT_PEOPLE, owners);
  const typedDue = input.commonDue === undefined ? '' : input.commonDue.trim();
  const commonDue = typedDue ? parseDay(typedDue) : defaultDueDay(year);
  const effective = effectiveAssignments(nodes, valueOf, commonDue || defaultDueDay(year));
  if (!commonDue) {
    // Items that fall back on a common date that is not one have no due date either.
    for (const code of Object.keys(effective)) if (effective[code].dueFrom === null) effective[code] = { ...effective[code], due: null, dueText: typedDue };
  }
  const g = assignmentGeometry(nodes, people.length);
  const cells: CellPlan[] = [];
  const put = (cell: CellPlan) => cells.push(cell);
  const lastCol = ASSIGN_COL.due;
  const merges = [ASSIGN_ROW.annex, ASSIGN_ROW.title, ASSIGN_ROW.attached, ASSIGN_ROW.hint, ASSIGN_ROW.peopleHeading, g.listHeading].map((r) => `${a1(r, 0)}:${a1(r, lastCol)}`);
  merges.push(`${a1(ASSIGN_ROW.commonDue, 0)}:${a1(ASSIGN_ROW.commonDue, ASSIGN_COL.name)}`);

  put({ row: ASSIGN_ROW.annex, col: 0, value: vi('sheet.assign.annex'), style: 'assignAnnex' });
  put({ row: ASSIGN_ROW.title, col: 0, value: vi('sheet.assign.title', { year }), style: 'title' });
  put({ row: ASSIGN_ROW.attached, col: 0, value: vi('sheet.assign.attached', { year, unit: input.unit.charAt(0).toLowerCase() + input.unit.slice(1) }), style: 'attachedLine' });
  put({ row: ASSIGN_ROW.hint, col: 0, value: vi('sheet.assign.hint'), style: 'hint' });
  put({ row: ASSIGN_ROW.commonDue, col: 0, value: vi('sheet.assign.commonDue'), style: 'labelRight' });
  put({ row: ASSIGN_ROW.commonDue, col: ASSIGN_COL.owner, value: commonDue ? serialOfDay(commonDue) : typedDue, style: 'entryDate' });

  // Table I.
  put({ row: ASSIGN_ROW.peopleHeading, col: 0, value: vi('sheet.assign.people'), style: 'infoBold' });
  const peopleHeaders = ['sheet.assign.stt', 'sheet.assign.person', 'sheet.assign.role', 'sheet.assign.count'] as const;
  peopleHeaders.forEach((key, c) => put({ row: ASSIGN_ROW.peopleHeader, col: c, value: vi(key), style: 'header' }));
  const listColumn = (col: number) => `$${columnLetter(col)}$${g.listHeader + 2}:$${columnLetter(col)}$${g.listLast + 1}`;
  const counts: Record<string, number> = {};
  for (const f of nodes) {
    if (!f.leaf || !effective[f.code].owner) continue;
    const key = personKey(effective[f.code].owner);
    counts[key] = (counts[key] || 0) + 1;
  }
  for (let row = g.peopleFirst; row <= g.peopleLast; row++) {
    const person = people[row - g.peopleFirst];
    const name = a1(row, ASSIGN_COL.name);
    put({ row, col: ASSIGN_COL.first, formula: `IF(TRIM(${name}&"")="","",ROW()-ROW($A$${ASSIGN_ROW.peopleHeader + 1}))`, result: person && person.name ? row - ASSIGN_ROW.peopleHeader : '', style: 'registerNumber' });
    put({ row, col: ASSIGN_COL.name, value: person ? person.name || null : null, style: 'entryText' });
    put({ row, col: ASSIGN_COL.owner, value: person ? person.role || null : null, style: 'entryText' });
    put({
      row, col: ASSIGN_COL.due, style: 'registerNumber',
      formula: `IF(TRIM(${name}&"")="","",COUNTIFS(${listColumn(ASSIGN_COL.owner)},${name},${listColumn(ASSIGN_COL.leaf)},1))`,
      result: person && person.name ? counts[personKey(person.name)] || 0 : '',
    });
  }

  // Table II: one row per node, in tree order, each falling back on its parent's row.
  put({ row: g.listHeading, col: 0, value: vi('sheet.assign.list'), style: 'infoBold' });
  const listHeaders = ['sheet.assign.code', 'sheet.assign.item', 'sheet.assign.person', 'sheet.assign.due', 'sheet.assign.leaf'] as const;
  listHeaders.forEach((key, c) => put({ row: g.listHeader, col: c, value: vi(key), style: 'header' }));
  const scoringRef = (code: string, col: number) => `${quoteSheet(SHEETS.scoring)}!${a1(input.scoring.rowOf[code], col)}`;
  for (const f of nodes) {
    const row = g.rowOf[f.code];
    const kind = f.depth === 0 ? 'domain' : f.depth === 1 ? 'criterion' : 'leaf';
    const e = effective[f.code];
    const owner = scoringRef(f.code, input.scoring.ownerCol);
    const due = scoringRef(f.code, input.scoring.dueCol);
    const parentRow = f.parentCode === null ? null : g.rowOf[f.parentCode];
    const ownerAbove = parentRow === null ? '""' : a1(parentRow, ASSIGN_COL.owner);
    const dueAbove = parentRow === null ? commonDueRef() : a1(parentRow, ASSIGN_COL.due);
    put({ row, col: ASSIGN_COL.first, value: f.code, style: kind + 'Center' });
    put({ row, col: ASSIGN_COL.name, value: (f.node.stt ? f.node.stt + '. ' : '') + f.node.name, style: kind });
    put({ row, col: ASSIGN_COL.owner, formula: `IF(TRIM(${owner}&"")="",${ownerAbove},${owner})`, result: e.owner, style: kind });
    put({ row, col: ASSIGN_COL.due, formula: `IF(TRIM(${due}&"")="",${dueAbove},${due})`, result: e.due ? serialOfDay(e.due) : e.dueText, style: kind + 'Date' });
    put({ row, col: ASSIGN_COL.leaf, value: f.leaf ? 1 : 0, style: 'leafCenter' });
  }

  const dueExample = { year };
  const sheet: SheetPlan = {
    name: SHEETS.assignment,
    visibility: 'visible',
    columns: [{ width: 9 }, { width: 52 }, { width: 28 }, { width: 14 }, { width: 8, hidden: true }],
    rowHeights: [{ row: ASSIGN_ROW.title, height: 36 }, { row: ASSIGN_ROW.hint, height: 58 }, { row: ASSIGN_ROW.peopleHeader, height: 30 }, { row: g.listHeader, height: 30 }],
    cells,
    merges,
    validations: [{
      range: a1(ASSIGN_ROW.commonDue, ASSIGN_COL.owner), type: 'decimal', min: String(DUE_RANGE.min), max: String(DUE_RANGE.max), allowBlank: false,
      prompt: { title: vi('sheet.assign.due'), text: vi('sheet.assign.duePrompt', dueExample) },
      error: { title: vi('sheet.assign.dueErrorTitle'), text: vi('sheet.assign.dueError', dueExample) },
    }],
    conditionalFormats: [],
    // Protected: table II is formulas; the names, roles and the common due date are entry cells.
    protect: true,
    print: { orientation: 'portrait', paper: 'A4', fitToWidth: true },
    tabColor: '70AD47',
  };
  const source = peopleSource(g);
  return {
    sheet, geometry: g, people, commonDue, effective,
    cells: (code, row) => [
      { row, col: input.scoring.ownerCol, value: entryValue(valueOf(code, 'owner')), style: 'entryText' },
      { row, col: input.scoring.dueCol, value: dueCellValue(valueOf(code, 'due')), style: 'entryDate' },
    ],
    ownerValidation: (range) => ({
      range, type: 'list', source, allowBlank: true,
      prompt: { title: columnSpec('owner').header.vi, text: vi('sheet.assign.ownerPrompt') },
      error: { title: vi('sheet.assign.ownerErrorTitle'), text: vi('sheet.assign.ownerError') },
    }),
    dueValidation: (range) => ({
      range, type: 'decimal', min: String(DUE_RANGE.min), max: String(DUE_RANGE.max), allowBlank: true,
      prompt: { title: columnSpec('due').header.vi, text: vi('sheet.assign.duePrompt', dueExample) },
      error: { title: vi('sheet.assign.dueErrorTitle'), text: vi('sheet.assign.dueError', dueExample) },
    }),
  };
}

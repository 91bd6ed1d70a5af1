// Phân công & tiến độ in the pane, without the DOM: who is on the list, assigning the selected rows or
// a whole domain (the core's rule, features/assign.ts, written into the Phụ trách and Hạn cells), and
// the progress per person (features/progress.ts). Tests drive it against the recording fake of Excel.

import { AssignChange, AssignRequest, assignmentChanges, withPerson } from '../core/features/assign';
import { ItemProgress, ProgressReport, itemProgress, progressOf } from '../core/features/progress';
import { DEFAULT_PEOPLE, Person, personKey, personName } from '../core/model/assignment';
import { Day, serialOfDay } from '../core/model/dates';
import { CellPlan } from '../core/model/plan';
import { UserError } from '../core/model/errors';
import { WorkbookPort } from '../core/model/port';
import { cellAt, parseA1 } from '../core/model/grid';
import { message, useTexts } from '../core/text/catalogue';
import { ScoringRead, readScoring } from '../core/sheets/scoring/read';
import { STYLES } from '../core/sheets/styles';
import { readOurSheets } from './our-sheets';
import { ASSIGN_PANE_EN, ASSIGN_PANE_VI } from '../core/text/assign-pane';

// This view's texts come with its code (parts.ts fetches it when the view is first shown).
useTexts(ASSIGN_PANE_VI, ASSIGN_PANE_EN);

export interface AssignState {
  /** False for a workbook made before the assignment: it must be rebuilt to gain the columns. */
  ready: boolean;
  people: Person[];
  domains: Array<{ code: string; label: string }>;
  /** The common due date as the sheet shows it. */
  commonDue: string;
}

export interface Assigned {
  codes: string[];
  /** Scored items the assignment now covers. */
  items: number;
  /** The owner was not on the list and was added to it. */
  added: boolean;
}

export interface Progress {
  report: ProgressReport;
  items: ItemProgress[];
}

export interface AssignStore {
  state(): Promise<AssignState>;
  /** Assigns (owner) or unassigns (null) the rows of the current selection on Chấm điểm. */
  assignSelection(owner: string | null, due?: string): Promise<Assigned>;
  assignCodes(codes: string[], owner: string | null, due?: string): Promise<Assigned>;
  progress(asOf: Day): Promise<Progress>;
  /** Selects an item's score cell. */
  select(item: ItemProgress): Promise<void>;
}

/** The rows of an address such as "B11:D14", "11:14", or several areas ("B11,B14:C15" or with ";"). */
export function selectedRows(address: string): number[] {
  const rows: number[] = [];
  // Areas part at "," or the regional ";" (outside quoted sheet names); each may name its sheet.
  for (const area of address.split(/[,;](?=(?:[^']*'[^']*')*[^']*$)/)) {
    const [from, to] = area.replace(/^.*!/, '').split(':').map((p) => {
      const cell = parseA1(p);
      if (cell) return cell.row;
      const row = /^\$?(\d+)$/.exec(p.trim());
      return row ? Number(row[1]) - 1 : null;
    });
    if (from === null || from === undefined) continue;
    const last = to === undefined || to === null ? from : to;
    for (let r = Math.min(from, last); r <= Math.max(from, last); r++) if (rows.indexOf(r) < 0) rows.push(r);
  }
  return rows;
}

function refuse(key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]): never {
  throw new UserError('bad-code', message(key, params));
}

export function createAssignStore(port: WorkbookPort): AssignStore {
  async function read(): Promise<ScoringRead> {
    return readScoring((await readOurSheets(port)).grids);
  }

  function people(r: ScoringRead): Person[] {
    return r.assignment ? r.assignment.people : DEFAULT_PEOPLE;
  }

  async function apply(r: ScoringRead, request: AssignRequest): Promise<Assigned> {
    const { owner: ownerCol, due: dueCol } = r.columns;
    if (ownerCol === undefined || dueCol === undefined || !r.assignment) refuse('paneAssign.notReady');
    const current = (code: string, role: 'owner' | 'due') => {
      const row = r.rowOf[code];
      return row === undefined ? undefined : cellAt(r.sheet, row, role === 'owner' ? ownerCol : dueCol);
    };
    const changes: AssignChange[] = assignmentChanges(r.criteria, current, request);
    const cells: CellPlan[] = [];
    for (const c of changes) {
      const row = r.rowOf[c.code];
      if (c.owner !== undefined) cells.push({ row, col: ownerCol, value: c.owner, style: 'entryText' });
      if (c.due !== undefined) cells.push({ row, col: dueCol, value: c.due ? serialOfDay(c.due) : null, style: 'entryDate' });
    }
    if (cells.length) await port.writeCells(r.sheet.name, cells, STYLES);
    // A new name goes on the list, in its first empty row, so the drop-down offers it from now on.
    const list = r.assignment;
    const owner = request.owner === null ? null : personName(request.owner);
    let added = false;
    if (owner && withPerson(list.people, owner) !== list.people) {
      let row = list.peopleRows.first;
      while (row <= list.peopleRows.last && personName(cellAt(list.sheet, row, list.columns.name))) row++;
      if (row > list.peopleRows.last) refuse('paneAssign.listFull', { sheet: list.sheet.name });
      await port.writeCells(list.sheet.name, [{ row, col: list.columns.name, value: owner, style: 'entryText' }], STYLES);
      added = true;
    }
    const items = r.criteria.leaves.filter((f) => request.codes.some((c) => f.code === c || f.code.indexOf(c + '.') === 0)).length;
    return { codes: request.codes, items, added };
  }

  return {
    async state() {
      const r = await read();
      const ready = r.columns.owner !== undefined && r.columns.due !== undefined && !!r.assignment;
      const known: Record<string, boolean> = {};
      const list = people(r).filter((p) => {
        const key = personKey(p.name);
        if (!p.name || known[key]) return false;
        known[key] = true;
        return true;
      });
      return {
        ready,
        people: list,
        domains: r.criteria.domains.map((f) => ({ code: f.code, label: (f.node.stt ? f.node.stt + '. ' : '') + f.node.name })),
        commonDue: r.assignment ? r.assignment.commonDue : '',
      };
    },
    async assignSelection(owner, due) {
      const selection = await port.selection();
      const r = await read();
      const rows = selection && selection.sheet === r.sheet.name ? selectedRows(selection.address) : [];
      const codes = rows.map((row) => r.codeRows[row]).filter((c): c is string => !!c);
      if (!codes.length) refuse('paneAssign.noRows');
      return apply(r, { codes, owner, due });
    },
    async assignCodes(codes, owner, due) {
      return apply(await read(), { codes, owner, due });
    },
    async progress(asOf) {
      const r = await read();
      return { report: progressOf(r, asOf), items: itemProgress(r, asOf) };
    },
    async select(item) {
      if (!item.cell) return;
      const r = await read();
      await port.select(r.sheet.name, item.cell);
    },
  };
}

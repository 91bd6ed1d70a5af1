// The pane reads the add-in's own sheets, never the whole workbook: a commune's workbook may hold
// large sheets of its own (a population list, last year's accounts), and Excel on the web refuses to
// send more than 5 MB at once. Our sheets are read by name; when one is missing under its name
// (people renamed the scoring sheet or the register), the first rows of the other sheets are enough
// to find it by its header, and only that sheet is read in full.

import { WorkbookGrids } from '../core/model/grid';
import { SHEETS } from '../core/model/layout';
import { WorkbookPort } from '../core/model/port';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';
import { isMetaGrid } from '../core/sheets/meta';
import { findRegisterHeader } from '../core/sheets/register/read';
import { findHeader } from '../core/sheets/scoring/read';
import { isAssignmentGrid } from '../core/sheets/assignment/read';

/** Sheets the add-in makes, by the names it gives them. */
export const OUR_SHEETS: string[] = [SHEETS.scoring, SHEETS.summary, SHEETS.evidence, SHEETS.assignment, SHEETS.meta, LEFTOVERS_SHEET];

/** Rows a header is looked for in (as the core's readers do). */
const HEAD_ROWS = 60;

export interface OurSheets {
  /** Our sheets, in workbook order. */
  grids: WorkbookGrids;
  /** Every sheet's name, in workbook order. */
  names: string[];
}

function same(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

export async function readOurSheets(port: WorkbookPort): Promise<OurSheets> {
  const names = (await port.listSheets()).map((s) => s.name);
  const ours = names.filter((n) => OUR_SHEETS.some((o) => same(o, n)));
  const grids = ours.length ? await port.readGrids(ours) : { sheets: [] };
  const named = (name: string) => grids.sheets.filter((g) => same(g.name, name))[0];
  const meta = named(SHEETS.meta);
  const scoring = named(SHEETS.scoring);
  const register = named(SHEETS.evidence);
  const assignment = named(SHEETS.assignment);
  const need = {
    meta: !(meta && isMetaGrid(meta)),
    scoring: !(scoring && findHeader(scoring)),
    register: !(register && findRegisterHeader(register)),
    assignment: !(assignment && isAssignmentGrid(assignment)),
  };
  const others = names.filter((n) => ours.indexOf(n) < 0);
  if (!others.length || (!need.meta && !need.scoring && !need.register && !need.assignment)) return { grids, names };
  const heads = await port.readGrids(others, { firstRows: HEAD_ROWS });
  const renamed = heads.sheets
    .filter((h) => (need.meta && isMetaGrid(h)) || (need.scoring && !!findHeader(h)) || (need.register && !!findRegisterHeader(h)) ||
      (need.assignment && isAssignmentGrid(h)))
    .map((h) => h.name);
  if (!renamed.length) return { grids, names };
  const all = grids.sheets.concat((await port.readGrids(renamed)).sheets);
  const at = (name: string) => names.indexOf(name);
  return { grids: { sheets: all.sort((a, b) => at(a.name) - at(b.name)) }, names };
}

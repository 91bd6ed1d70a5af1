// Writes a workbook plan all or nothing. Office.js requests are not transactions: a request that fails
// half-way leaves its first half done. So the plan is written into new sheets beside the old ones,
// which are only renamed aside ("~Chấm điểm"), and swapped in at the end:
//
//   1. look:    which sheets exist (one sync; nothing changes);
//   2. write:   rename the plan's existing sheets aside, add the new ones, write everything essential
//               into them (one sync, more for very large sets: requests stay under 2.5 MB estimated);
//   3. present: indentation, frozen panes, tab colours, print setup, charts (one sync; when Excel
//               refuses something, each kind again on its own, and what it refuses is left out);
//   4. commit:  protect, show or hide, delete the old sheets and those in `remove`, put every sheet in
//               its place (one sync).
//
// If anything in 2 or 4 fails, `recover` looks again: if no old sheet was deleted yet, the new sheets
// go and the old ones get their names back (the workbook as it was, references between the old
// sheets intact, as they followed the renames); if commit had begun deleting, it finishes. While
// writing, the add-in's own change events are off where the host allows it (ExcelApi 1.8).

import { Message } from '../../core/model/errors';
import { PlanWriteOptions, PlanWriteResult, DegradedStep } from '../../core/model/port';
import { WorkbookPlan } from '../../core/model/plan';
import { Features, VISIBILITY_TO_EXCEL } from './host';
import { NotUndone, Sync, Undone } from './run';
import { COSMETIC_KINDS, CosmeticKind, SHEET_PROTECTION, Step, sheetSteps } from './steps';
import { message } from '../../core/text/catalogue';

/** The estimated size a request is filled to: half Excel on the web's limit, for a wide margin. */
export const REQUEST_BUDGET = 2500000;

interface SheetRecord {
  id: string;
  name: string;
}

/** An old sheet the write replaces or deletes, with its protection as it was. */
interface Doomed extends SheetRecord {
  protection: { on: boolean; options: Excel.WorksheetProtectionOptions };
}

interface Transaction {
  plan: WorkbookPlan;
  features: Features;
  /** Every sheet before the write, in order. */
  original: SheetRecord[];
  activeId: string;
  /** Old sheets of the plan's names, renamed aside until commit deletes them. */
  staged: Array<Doomed & { aside: string }>;
  /** Sheets the caller asked to delete at commit. */
  removed: Doomed[];
}

type Queued = { sheet: string; step: Step };

function doomed(t: Transaction): Doomed[] {
  return (t.staged as Doomed[]).concat(t.removed);
}

function lower(name: string): string {
  return name.toLowerCase();
}

/** "~Chấm điểm", or "~Chấm điểm 2"…: a name nobody uses, within Excel's 31 characters. */
function asideName(name: string, taken: string[]): string {
  let candidate = ('~' + name).slice(0, 31);
  for (let n = 2; taken.indexOf(lower(candidate)) >= 0; n++) candidate = ('~' + name).slice(0, 31 - String(n).length - 1) + ' ' + n;
  taken.push(lower(candidate));
  return candidate;
}

/** Steps in requests of at most `budget` estimated bytes, in order; `first` is already taken in the first. */
function pack(steps: Queued[], budget: number, first: number): Queued[][] {
  const batches: Queued[][] = [[]];
  let bytes = first;
  for (const item of steps) {
    const current = batches[batches.length - 1];
    if (current.length && bytes + item.step.bytes > budget) {
      batches.push([]);
      bytes = 0;
    }
    batches[batches.length - 1].push(item);
    bytes += item.step.bytes;
  }
  return batches;
}

/** Sheet proxies by name, one per request. */
function sheetsOf(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const made: Record<string, Excel.Worksheet> = {};
  return (name) => made[lower(name)] || (made[lower(name)] = context.workbook.worksheets.getItem(name));
}

/** The order of the sheets once the plan is in: each new sheet where the old one stood, new ones last. */
function finalOrder(t: Transaction): string[] {
  const replaced: Record<string, string> = {};
  for (const s of t.staged) replaced[s.id] = s.name;
  const removed = t.removed.map((s) => s.id);
  const order: string[] = [];
  for (const s of t.original) {
    if (removed.indexOf(s.id) >= 0) continue;
    order.push(replaced[s.id] !== undefined ? t.plan.sheets.filter((p) => lower(p.name) === lower(s.name))[0].name : s.id);
  }
  for (const p of t.plan.sheets) if (order.indexOf(p.name) < 0) order.push(p.name);
  return order;
}

/** Puts every sheet in its place: each moved in turn to its index, from the first. */
function queueOrder(context: Excel.RequestContext, order: string[]): void {
  order.forEach((key, index) => (context.workbook.worksheets.getItem(key).position = index));
}

async function stageAndWrite(context: Excel.RequestContext, sync: Sync, t: Transaction): Promise<void> {
  const book = context.workbook.worksheets;
  const charts = t.plan.charts || [];
  const essential: Queued[] = [];
  for (const p of t.plan.sheets) {
    const steps = sheetSteps(p, t.plan.styles, charts.filter((c) => c.sheet === p.name), t.features);
    for (const step of steps.essential) essential.push({ sheet: p.name, step });
  }
  // A sheet protected with a password is not the add-in's to replace: lifting the protection first
  // makes Excel refuse the request there, before anything else in it is done.
  for (const s of doomed(t)) if (s.protection.on) book.getItem(s.id).protection.unprotect();
  for (const s of t.staged) book.getItem(s.id).name = s.aside;
  const added: Record<string, Excel.Worksheet> = {};
  for (const p of t.plan.sheets) added[lower(p.name)] = book.add(p.name);
  const batches = pack(essential, REQUEST_BUDGET, 400 * (t.staged.length + t.plan.sheets.length));
  for (let i = 0; i < batches.length; i++) {
    const sheet = i === 0 ? (name: string) => added[lower(name)] : sheetsOf(context);
    for (const item of batches[i]) item.step.queue(sheet(item.sheet));
    await sync();
  }
}

/** Deletes every chart on the new sheets: a refused chart call may have left one half drawn. */
async function clearCharts(context: Excel.RequestContext, sync: Sync, sheets: string[]): Promise<void> {
  const sheet = sheetsOf(context);
  const lists = sheets.map((name) => sheet(name).charts.load('items/name'));
  await sync();
  for (const list of lists) list.items.forEach((chart) => chart.delete());
  await sync();
}

/** The presentation steps: all in one request, or, when Excel refuses one, kind by kind. */
async function present(context: Excel.RequestContext, sync: Sync, t: Transaction): Promise<DegradedStep[]> {
  const charts = t.plan.charts || [];
  const cosmetic: Array<Queued & { kind: CosmeticKind }> = [];
  for (const p of t.plan.sheets) {
    for (const c of sheetSteps(p, t.plan.styles, charts.filter((ch) => ch.sheet === p.name), t.features).cosmetic) cosmetic.push({ sheet: p.name, kind: c.kind, step: c.step });
  }
  if (!cosmetic.length) return [];
  const run = async (items: Queued[]) => {
    for (const batch of pack(items, REQUEST_BUDGET, 0)) {
      const sheet = sheetsOf(context);
      for (const item of batch) item.step.queue(sheet(item.sheet));
      await sync();
    }
  };
  const chartSheets = cosmetic.filter((c) => c.kind === 'charts').map((c) => c.sheet).filter((s, i, all) => all.indexOf(s) === i);
  try {
    await run(cosmetic);
    return [];
  } catch (error) {
    // One refused call sank the whole request: try each kind on its own, and leave out what fails.
    if (chartSheets.length) await clearCharts(context, sync, chartSheets);
    const degraded: DegradedStep[] = [];
    for (const kind of COSMETIC_KINDS) {
      const items = cosmetic.filter((c) => c.kind === kind);
      if (!items.length) continue;
      try {
        await run(items);
      } catch (refused) {
        degraded.push({ step: kind, sheets: items.map((i) => i.sheet).filter((s, i, all) => all.indexOf(s) === i) });
        if (kind === 'charts') await clearCharts(context, sync, chartSheets);
      }
    }
    return degraded;
  }
}

async function commit(context: Excel.RequestContext, sync: Sync, t: Transaction): Promise<void> {
  const sheet = sheetsOf(context);
  for (const p of t.plan.sheets) if (p.protect) sheet(p.name).protection.protect(SHEET_PROTECTION);
  // Show the first visible sheet before hiding others: Excel cannot hide the active sheet.
  const shown = t.plan.sheets.filter((p) => p.visibility === 'visible')[0];
  if (shown) sheet(shown.name).activate();
  for (const p of t.plan.sheets) sheet(p.name).visibility = VISIBILITY_TO_EXCEL[p.visibility];
  for (const s of doomed(t)) context.workbook.worksheets.getItem(s.id).delete();
  queueOrder(context, finalOrder(t));
  if (t.features.quietWrites) context.runtime.enableEvents = true;
  await sync();
}

/** After a failure: back to the workbook as it was, or, if commit had begun deleting, through to the end. */
async function recover(context: Excel.RequestContext, sync: Sync, t: Transaction): Promise<'back' | 'forward'> {
  const book = context.workbook.worksheets;
  book.load('items/id,items/name');
  await sync();
  const present: Record<string, string> = {};
  for (const s of book.items) present[s.id] = s.name;
  const ids = doomed(t).map((s) => s.id);
  const forward = ids.some((id) => present[id] === undefined);
  if (forward) {
    for (const id of ids) if (present[id] !== undefined) book.getItem(id).delete();
    queueOrder(context, finalOrder(t));
  } else {
    // Every old sheet is still there: those whose protection the write lifted get it back.
    const lifted = doomed(t).filter((s) => s.protection.on);
    const now = lifted.map((s) => book.getItem(s.id).protection.load('protected'));
    if (lifted.length) await sync();
    lifted.forEach((s, i) => {
      if (!now[i].protected) book.getItem(s.id).protection.protect(s.protection.options);
    });
    const known: Record<string, boolean> = {};
    for (const s of t.original) known[s.id] = true;
    for (const s of book.items) if (!known[s.id]) s.delete();
    for (const s of t.staged) if (present[s.id] !== undefined && present[s.id] !== s.name) book.getItem(s.id).name = s.name;
    if (present[t.activeId] !== undefined) book.getItem(t.activeId).activate();
  }
  if (t.features.quietWrites) context.runtime.enableEvents = true;
  await sync();
  return forward ? 'forward' : 'back';
}

/** What is where when recovery failed too, and what to do by hand. */
function leftState(t: Transaction): Message {
  const pairs = t.staged.map((s) => `"${s.aside}" → "${s.name}"`).join(', ');
  if (!pairs) {
    return message('excel.writePlan.halfWrittenNewSheets');
  }
  return message('excel.writePlan.excelDidAllowAutomatic', { pairs });
}

export async function writePlan(context: Excel.RequestContext, sync: Sync, plan: WorkbookPlan, features: Features, options: PlanWriteOptions = {}): Promise<PlanWriteResult> {
  // 1. Look. Nothing changes if this fails (turning events off included: the request is refused whole).
  const book = context.workbook.worksheets;
  book.load('items/id,items/name');
  const active = book.getActiveWorksheet();
  active.load('id');
  const planned = plan.sheets.map((p) => lower(p.name));
  const asked = planned.concat((options.remove || []).map(lower));
  const protections = asked.map((name) => book.getItemOrNullObject(name).protection.load('protected,options'));
  if (features.quietWrites) context.runtime.enableEvents = false;
  try {
    await sync();
  } catch (error) {
    // Excel refused the whole request (cell edit mode...): nothing changed.
    throw new Undone(error);
  }
  const original = book.items.map((s) => ({ id: s.id, name: s.name }));
  const taken = original.map((s) => lower(s.name)).concat(planned);
  const old = (s: SheetRecord): Doomed => {
    const p = protections[asked.indexOf(lower(s.name))];
    return { id: s.id, name: s.name, protection: { on: !!p.protected, options: p.options } };
  };
  const t: Transaction = {
    plan,
    features,
    original,
    activeId: active.id,
    staged: original.filter((s) => planned.indexOf(lower(s.name)) >= 0).map((s) => ({ ...old(s), aside: asideName(s.name, taken) })),
    removed: original.filter((s) => planned.indexOf(lower(s.name)) < 0 && asked.indexOf(lower(s.name)) >= 0).map(old),
  };
  let degraded: DegradedStep[] = [];
  try {
    await stageAndWrite(context, sync, t);
    degraded = await present(context, sync, t);
    await commit(context, sync, t);
    return { degraded };
  } catch (error) {
    let outcome: 'back' | 'forward';
    try {
      outcome = await recover(context, sync, t);
    } catch (stuck) {
      throw new NotUndone(error, leftState(t));
    }
    if (outcome === 'forward') return { degraded };
    throw new Undone(error);
  }
}

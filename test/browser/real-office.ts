// Loaded by the real-library harness (test/helpers/real-office.ts) after Microsoft's Excel client
// (excel-web-16.00.js from @microsoft/office-js): runs the Office.js adapter on it with no Excel behind.
//
// OfficeExtension's test mock mode makes context.sync() return at once; this page replaces sync with
// one that takes the queued request, builds its message body exactly as the library would send it
// (ClientRequest.buildRequestMessageBodyAndRequestFlags), records its size and actions, and answers the
// loads in it from a small model of the workbook (which sheets exist, their protection), so the
// adapter's code after each sync runs as it would against Excel. Every call the adapter makes goes
// through the library's own proxies, argument handling and requirement-set checks.

import { createExcelPort } from '../../src/adapters/officejs/port';
import { ExcelHost } from '../../src/adapters/officejs/run';
import { defaultSet } from '../../src/core/model/bundled';
import { CriteriaSet } from '../../src/core/model/criteria';
import { WorkbookPort } from '../../src/core/model/port';
import { buildWorkbookPlan } from '../../src/core/sheets/workbook';
import { STYLES } from '../../src/core/sheets/styles';
import { registerRowCells } from '../../src/core/sheets/register/plan';
import { generateSet } from '../helpers/generate';

export interface SyncRecord {
  /** UTF-8 bytes of the request message body (JSON), as the library would post it. */
  bytes: number;
  actions: number;
  /** The kinds of action that weigh most. */
  heaviest: Array<{ name: string; count: number; bytes: number }>;
}

export interface OperationRecord {
  operation: string;
  syncs: SyncRecord[];
  /** The error the operation ended with: the library's own (client-side), the one injected, or null. */
  error: { code: string | null; reason: string | null; message: string } | null;
}

export interface Scenario {
  /** "default", or a generated set of that many sub-criteria. */
  set: 'default' | number;
  appraisal: boolean;
  api: '1.7' | '1.8' | '1.9' | '1.13';
  /** Sheets the workbook has before the build (a rebuild finds the plan's own). */
  rebuild: boolean;
}

interface WorldSheet {
  name: string;
  visibility: string;
  id: string;
  protected: boolean;
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  ObjectPathId: number;
  QueryInfo?: { Select?: string[] };
}

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[] };
}

/** The private parts of the library's ClientRequest the harness reads. */
interface PendingRequest {
  _actions: Array<{ actionInfo: ActionInfo }>;
  m_actionResultHandler: Record<string, { _handleResult(value: unknown): void; m_clientObject?: unknown; _className?: string }>;
  buildRequestMessageBodyAndRequestFlags(): { body: { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> } };
}

interface ContextInternals {
  _pendingRequest: PendingRequest;
  m_pendingRequest: PendingRequest | null;
}

declare global {
  interface Window {
    cchcReal: {
      build(scenario: Scenario): Promise<OperationRecord[]>;
      everyOperation(api: Scenario['api']): Promise<OperationRecord[]>;
      failing(api: Scenario['api'], operation: 'applyPlan' | 'writeCells' | 'readGrids', failAt: number, code?: string): Promise<OperationRecord>;
    };
  }
}

const encoder = new TextEncoder();
let world: WorldSheet[] = [];
let current: OperationRecord | null = null;
let nextId = 100;
/** The request (counted within the operation) that Excel answers with an error after running it. */
let failAt = 0;
let failCode = 'GeneralException';

function utf8Bytes(text: string): number {
  return encoder.encode(text).length;
}

/** The worksheet a chain of object paths names: getItem / getItemOrNullObject / an indexer on Worksheets. */
function sheetNameOf(paths: Record<string, ObjectPathInfo>, id: number): string | null {
  let path: ObjectPathInfo | undefined = paths[String(id)];
  while (path) {
    const parent: ObjectPathInfo | undefined = path.ParentObjectPathId !== undefined ? paths[String(path.ParentObjectPathId)] : undefined;
    if (parent && parent.Name === 'Worksheets' && path.ArgumentInfo && path.ArgumentInfo.Arguments) return String(path.ArgumentInfo.Arguments[0]);
    if (parent && parent.Name === 'Worksheets' && path.Name === 'Add') return String((path.ArgumentInfo && path.ArgumentInfo.Arguments || [''])[0]);
    path = parent;
  }
  return null;
}

function findSheet(key: string | null): WorldSheet | null {
  if (key === null) return world[0];
  const lower = key.toLowerCase();
  return world.filter((s) => s.id === key || s.name.toLowerCase() === lower)[0] || null;
}

function sheetValue(s: WorldSheet, index: number): Record<string, unknown> {
  return { Id: s.id, Name: s.name, Visibility: s.visibility, Position: index };
}

/** What Excel would answer to one load, from the model: enough for the adapter's code to go on. */
function answer(handler: PendingRequest['m_actionResultHandler'][string], action: ActionInfo, paths: Record<string, ObjectPathInfo>): void {
  const target = (handler.m_clientObject || handler) as { _className?: string };
  const kind = target._className;
  const path = paths[String(action.ObjectPathId)];
  if (handler.m_clientObject) {
    // An instantiation: only a missing sheet asked for "or null" needs an answer (a null object).
    if (kind === 'Worksheet' && path && path.Name === 'GetItemOrNullObject' && !findSheet(sheetNameOf(paths, path.Id))) handler._handleResult(null);
    return;
  }
  if (kind === 'WorksheetCollection') handler._handleResult({ _Items: world.map(sheetValue) });
  else if (kind === 'Worksheet') {
    const sheet = findSheet(sheetNameOf(paths, action.ObjectPathId));
    handler._handleResult(sheet ? sheetValue(sheet, world.indexOf(sheet)) : null);
  } else if (kind === 'WorksheetProtection') {
    const sheet = findSheet(sheetNameOf(paths, action.ObjectPathId));
    handler._handleResult(sheet ? { Protected: sheet.protected, Options: { AllowFormatColumns: true, AllowFormatRows: true } } : null);
  }
  else if (kind === 'ChartCollection') handler._handleResult({ _Items: [] });
  else if (kind === 'Range') {
    handler._handleResult({
      Address: world[0].name + '!A1', RowIndex: 0, ColumnIndex: 0, RowCount: 1, ColumnCount: 1,
      Values: [['']], Formulas: [['']], NumberFormat: [['General']], ValueTypes: [['Empty']], Hyperlink: null,
    });
  } else if (kind === 'RangeAreas') handler._handleResult(null);
  else if (handler instanceof OfficeExtension.ClientResult) handler._handleResult([[{ hyperlink: {} }]]); // getCellProperties
  else if (!kind) handler._handleResult(undefined); // a trace marker: runs the library's own callback (event registration)
  else throw new Error('real-office harness: no answer for a load of ' + kind);
}

/** The world sheet an object path stands for, when it is a worksheet (not a range or chart of one). */
function worksheetAt(paths: Record<string, ObjectPathInfo>, id: number | undefined): WorldSheet | null {
  const path = id === undefined ? undefined : paths[String(id)];
  if (!path || path.ParentObjectPathId === undefined) return null;
  const parent = paths[String(path.ParentObjectPathId)];
  if (!parent || parent.Name !== 'Worksheets') return null;
  if (path.Name === 'GetActiveWorksheet') return world[0];
  const key = path.ArgumentInfo && path.ArgumentInfo.Arguments ? String(path.ArgumentInfo.Arguments[0]) : null;
  return key === null ? null : findSheet(key);
}

/** What Excel does with the sheets when it runs the request: adds, renames, deletes, protection. */
function run(body: { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> }): void {
  for (const action of body.Actions) {
    const path = body.ObjectPaths[String(action.ObjectPathId)];
    const info = action as unknown as { Name: string; ArgumentInfo?: { Arguments?: unknown[] } };
    const args = (info.ArgumentInfo && info.ArgumentInfo.Arguments) || [];
    const parent = path && path.ParentObjectPathId !== undefined ? body.ObjectPaths[String(path.ParentObjectPathId)] : undefined;
    if (action.ActionType === 1 && path && path.Name === 'Add' && parent && parent.Name === 'Worksheets') {
      const name = String((path.ArgumentInfo && path.ArgumentInfo.Arguments || [''])[0]);
      if (!findSheet(name)) world.push({ name, visibility: 'Visible', id: '{sheet-' + nextId++ + '}', protected: false });
      continue;
    }
    const sheet = worksheetAt(body.ObjectPaths, action.ObjectPathId);
    if (sheet && action.ActionType === 4 && info.Name === 'Name') sheet.name = String(args[0]);
    if (sheet && action.ActionType === 3 && info.Name === 'Delete') world.splice(world.indexOf(sheet), 1);
    if (path && path.Name === 'Protection' && action.ActionType === 3) {
      const owner = worksheetAt(body.ObjectPaths, path.ParentObjectPathId);
      if (owner && info.Name === 'Protect') owner.protected = true;
      if (owner && info.Name === 'Unprotect') owner.protected = false;
    }
  }
}

/** context.sync() in mock mode: record the request the library would send, answer its loads. */
function capturingSync(this: ContextInternals, passThrough?: unknown): Promise<unknown> {
  const request = this._pendingRequest;
  this.m_pendingRequest = null;
  const { body } = request.buildRequestMessageBodyAndRequestFlags();
  if (!body.Actions.length) return Promise.resolve(passThrough);
  if (current) current.syncs.push({ bytes: utf8Bytes(JSON.stringify(body)), actions: body.Actions.length, heaviest: heaviest(body) });
  for (const action of request._actions) {
    const handler = request.m_actionResultHandler[String(action.actionInfo.Id)];
    if (handler) answer(handler, action.actionInfo, body.ObjectPaths);
  }
  run(body);
  if (current && failAt && current.syncs.length === failAt) {
    // As Excel answers a request it ran and then refused at its end: what ran stays done.
    return Promise.reject({ name: 'RichApi.Error', code: failCode, message: 'Injected by the harness.', debugInfo: {} });
  }
  return Promise.resolve(passThrough);
}

/** The kinds of action that weigh most in a request, with the object paths they bring along. */
function heaviest(body: { Actions: ActionInfo[]; ObjectPaths: Record<string, ObjectPathInfo> }): Array<{ name: string; count: number; bytes: number }> {
  const by: Record<string, { name: string; count: number; bytes: number }> = {};
  const pathName = (id: number) => (body.ObjectPaths[String(id)] || { Name: '?' }).Name;
  for (const action of body.Actions) {
    const name = (action as unknown as { Name: string }).Name || 'instantiate ' + pathName(action.ObjectPathId);
    const entry = by[name] || (by[name] = { name, count: 0, bytes: 0 });
    entry.count++;
    entry.bytes += utf8Bytes(JSON.stringify(action));
  }
  const paths = { name: 'object paths', count: 0, bytes: 0 };
  for (const id of Object.keys(body.ObjectPaths)) {
    paths.count++;
    paths.bytes += utf8Bytes(JSON.stringify(body.ObjectPaths[id]));
  }
  return Object.keys(by).map((k) => by[k]).concat([paths]).sort((a, b) => b.bytes - a.bytes).slice(0, 8);
}

function setRequirements(api: Scenario['api']): void {
  const have = api.split('.').map(Number);
  const requirements = {
    isSetSupported: (name: string, version?: string) => {
      if (name !== 'ExcelApi') return false;
      const want = (version || '1.1').split('.').map(Number);
      return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
    },
  };
  // The library asks Office.context.requirements before every call above ExcelApi 1.1. Office.context
  // is a getter over office.js's app factory, which this page (the Excel client alone) does not have.
  const osf = (window as unknown as { OSF: { _OfficeAppFactory?: { getContext(): unknown } } }).OSF;
  osf._OfficeAppFactory = { getContext: () => ({ requirements }) };
}

function createPort(api: Scenario['api'], sheets: string[], protectedSheets: string[] = []): WorkbookPort {
  setRequirements(api);
  world = sheets.map((name, i) => ({ name, visibility: name === '_cchc' ? 'VeryHidden' : 'Visible', id: '{sheet-' + i + '}', protected: protectedSheets.indexOf(name) >= 0 }));
  return createExcelPort({ Excel: Excel as unknown as ExcelHost, requirements: Office.context.requirements });
}

async function record(operation: string, body: () => Promise<unknown>): Promise<OperationRecord> {
  const entry: OperationRecord = { operation, syncs: [], error: null };
  current = entry;
  try {
    await body();
  } catch (error) {
    const e = error as { code?: string; reason?: string; message?: string };
    entry.error = { code: e.code || null, reason: e.reason || null, message: e.message || String(error) };
  }
  current = null;
  return entry;
}

function setOf(scenario: Scenario): CriteriaSet {
  return scenario.set === 'default' ? defaultSet() : generateSet(scenario.set, 7);
}

(OfficeExtension as unknown as { TestUtility: { setMock(on: boolean): void } }).TestUtility.setMock(true);
// Event registration waits for the host's message channel; the library's own test hook stands in for it.
(OfficeExtension as unknown as { _testSetRichApiMessageReadyImpl(impl: () => Promise<void>): void })._testSetRichApiMessageReadyImpl(() => Promise.resolve());
(OfficeExtension.ClientRequestContext.prototype as unknown as { sync: typeof capturingSync }).sync = capturingSync;

window.cchcReal = {
  async build(scenario) {
    const plan = buildWorkbookPlan({ set: setOf(scenario), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: scenario.appraisal });
    const port = createPort(scenario.api, ['Sheet1'].concat(scenario.rebuild ? plan.sheets.map((s) => s.name) : []), plan.sheets.filter((s) => s.protect).map((s) => s.name));
    failAt = 0;
    return [await record('applyPlan', () => port.applyPlan(plan))];
  },

  /** A rebuild, an evidence write or a read whose request number `at` Excel refuses: the way back, on the real library. */
  async failing(api, operation, at, code = 'GeneralException') {
    const plan = buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true });
    const names = plan.sheets.map((s) => s.name);
    const port = createPort(api, ['Sheet1'].concat(names), plan.sheets.filter((s) => s.protect).map((s) => s.name).concat(['Minh chứng']));
    const doc = { codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch', link: 'Minh chung\\1.1.1\\KH 125.pdf' };
    failAt = at;
    failCode = code;
    const result = await record(operation, () => {
      if (operation === 'applyPlan') return port.applyPlan(plan);
      if (operation === 'readGrids') return port.readGrids(names);
      return port.writeCells('Minh chứng', registerRowCells(4, doc), STYLES);
    });
    failAt = 0;
    failCode = 'GeneralException';
    return result;
  },

  /** Every operation of the port once, on a workbook that has the built sheets. */
  async everyOperation(api) {
    const plan = buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true });
    const port = createPort(api, ['Sheet1'].concat(plan.sheets.map((s) => s.name)));
    const names = plan.sheets.map((s) => s.name);
    const register = plan.sheets.filter((s) => s.name === 'Minh chứng')[0];
    const doc = { codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch', link: 'Minh chung\\1.1.1\\KH 125.pdf' };
    const out: OperationRecord[] = [];
    out.push(await record('listSheets', () => port.listSheets()));
    out.push(await record('readGrids', () => port.readGrids(names)));
    out.push(await record('readGrids first rows', () => port.readGrids(names, { firstRows: 60 })));
    out.push(await record('writeCells', () => port.writeCells(register.name, registerRowCells(4, doc), STYLES)));
    out.push(await record('select', () => port.select(names[0], 'E11')));
    out.push(await record('selection', () => port.selection()));
    out.push(await record('onEdit', async () => (await port.onEdit(() => undefined))()));
    out.push(await record('onSelection', async () => (await port.onSelection(() => undefined))()));
    out.push(await record('deleteSheet', () => port.deleteSheet('Sheet1')));
    return out;
  },
};

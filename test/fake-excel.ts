// A recording fake of the Office.js Excel API subset the adapter uses (src/adapters/officejs), for tests
// here and for the browser test, which bundles this file and injects it as the pane's host. Plain
// module: no Node, no DOM, no Office.js at run time.
//
// Like Office.js it queues: proxies record operations, context.sync() runs them in order, and a
// property is readable only after it was loaded and synced (or set locally). It counts syncs per
// Excel.run, refuses APIs above the requirement set it was given (synchronously, as office.js does),
// enforces sheet protection, and keeps a cell store tests can inspect.

export type ApiVersion = '1.7' | '1.8' | '1.9' | '1.13';

type Scalar = string | number | boolean;
type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheetSeed {
  name: string;
  visibility?: Visibility;
  /** Cells as a person would type them: "=SUM(A1:A3)", "'0,5", "12", "3/15/2024". */
  cells?: Record<string, string | number>;
  protected?: boolean;
  password?: string;
}

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set the host supports (default 1.13). */
  api?: ApiVersion;
  /** The workbook before the test (default: one empty "Sheet1"). */
  sheets?: FakeSheetSeed[];
  /** The machine's regional format (default en-US): typed input and multi-area address strings follow it. */
  locale?: FakeLocale;
  /**
   * The largest request body the host takes, in bytes (default 5 MB: Excel on the web refuses more
   * with RequestPayloadSizeLimitExceeded). The fake counts each queued call's arguments as JSON.
   */
  requestLimit?: number;
  /** The largest response body the host sends, in bytes (default 5 MB, Excel on the web's limit). */
  responseLimit?: number;
}

export interface FakeBorders {
  top: boolean;
  bottom: boolean;
  left: boolean;
  right: boolean;
}

/** A sheet's print settings as Office.js set them (margins in points). */
export interface FakePageSetup {
  orientation: string | null;
  paperSize: string | null;
  zoom: Record<string, number> | null;
  printTitleRows: string | null;
  margins?: Record<string, number>;
  printArea?: string;
  blackAndWhite?: boolean;
  centerHorizontally?: boolean;
  firstPageNumber?: number;
  headerState?: string;
  centerHeader?: string;
  firstPageCenterHeader?: string;
  /** Rows (0-based) before which a manual page break stands. */
  rowBreaks?: number[];
}

export interface FakeCellFormat {
  /** The font's face. */
  name: string;
  fill: string | null;
  bold: boolean;
  italic: boolean;
  underline: string;
  size: number;
  color: string;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  indent: number;
  locked: boolean;
  borders: FakeBorders;
}

export interface FakeValidation {
  /** Address of the range the rule was set on (its formulas are relative to its top-left cell). */
  range: string;
  type: 'any' | 'custom' | 'decimal' | 'list';
  formula1: string | number | null;
  formula2: string | number | null;
  operator: string | null;
  ignoreBlanks: boolean;
  prompt: { title: string; message: string; showPrompt: boolean } | null;
  errorAlert: { title: string; message: string; style: string; showAlert: boolean } | null;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  /** The constant, or a formula's calculated value (the fake does not calculate: null unless a test sets it). */
  value: Scalar | null;
  /** With its leading "=". */
  formula: string | null;
  /** Typed with a leading apostrophe: kept as text. */
  quotePrefix: boolean;
  numberFormat: string;
  format: FakeCellFormat;
  hyperlink: FakeHyperlink | null;
  validation: FakeValidation | null;
}

export interface FakeConditionalFormat {
  address: string;
  type: string;
  formula: string | null;
  fill: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** A chart as the host holds it: what the adapter set, in A1 addresses with the sheet name. */
export interface FakeChart {
  name: string;
  type: string;
  /** The range the chart was added with (its first series' values). */
  source: string;
  xValues: string | null;
  seriesName: string | null;
  title: string | null;
  legendVisible: boolean;
  valueMin: number | null;
  valueMax: number | null;
  /** Category axis drawn top to bottom in sheet order. */
  reversePlotOrder: boolean;
  showValues: boolean;
  /** The cells of its top-left and bottom-right corners. */
  position: { start: string; end: string } | null;
}

export interface FakeSheetState {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  position: number;
  /** Column widths (points) and hidden flags where they differ from the default. */
  columns: Record<number, { width?: number; hidden?: boolean }>;
  rows: Record<number, { height?: number; hidden?: boolean }>;
  merges: string[];
  /** Highest priority first. */
  conditionalFormats: FakeConditionalFormat[];
  freeze: { rows: number; cols: number } | null;
  protection: { protected: boolean; options: Record<string, unknown>; password: string | null };
  pageLayout: FakePageSetup;
  charts: FakeChart[];
}

export interface FakeRun {
  syncs: number;
  /** Operations the host executed during the run (a measure of how much was queued). */
  operations: number;
  /** The estimated size of each request the run sent, in bytes. */
  requestBytes: number[];
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  cells: Map<number, FakeCell>;
  columns: Record<number, { width?: number; hidden?: boolean }>;
  rows: Record<number, { height?: number; hidden?: boolean }>;
  merges: Rect[];
  conditionalFormats: Array<FakeConditionalFormat & { rect: Rect }>;
  freeze: { rows: number; cols: number } | null;
  protection: { protected: boolean; options: Record<string, unknown>; password: string | null };
  pageLayout: FakeSheetState['pageLayout'];
  charts: FakeChart[];
  onChanged: Handler[];
  onSelectionChanged: Handler[];
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Beyond this many cells a per-cell operation is a sign of a bug in the caller, not a real need. */
const CELL_OPERATION_LIMIT = 2000000;

const API_ORDER: ApiVersion[] = ['1.7', '1.8', '1.9', '1.13'];

const HORIZONTAL = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const UNDERLINE = ['None', 'Single', 'Double', 'SingleAccountant', 'DoubleAccountant'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const BORDER_WEIGHTS = ['Hairline', 'Thin', 'Medium', 'Thick'];
const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'];

// ---------------------------------------------------------------------------------------------
// Errors shaped like OfficeExtension.Error.

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    Object.setPrototypeOf(this, FakeOfficeError.prototype);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

function fail(code: string, message: string, where?: string): never {
  throw new FakeOfficeError(code, message, where);
}

/** A misuse the fake does not model: a test bug, reported loudly. */
function unsupported(what: string): never {
  throw new Error('fake-excel: ' + what);
}

// ---------------------------------------------------------------------------------------------
// Addresses.

function letterToCol(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return col - 1;
}

function colToLetter(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellAddress(row: number, col: number): string {
  return colToLetter(col) + (row + 1);
}

function rectAddress(r: Rect): string {
  if (r.left === 0 && r.right === MAX_COLS - 1) return `${r.top + 1}:${r.bottom + 1}`;
  if (r.top === 0 && r.bottom === MAX_ROWS - 1) return `${colToLetter(r.left)}:${colToLetter(r.right)}`;
  const first = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : first + ':' + cellAddress(r.bottom, r.right);
}

/** "A1", "$A$1:B2", "3:5", "A:C" → a rectangle; anything else is InvalidArgument, as in Excel. */
function parseRect(address: string): Rect {
  const text = address.replace(/\$/g, '').trim();
  const parts = text.split(':');
  if (parts.length > 2) fail('InvalidArgument', `The address "${address}" is not valid.`);
  const first = parts[0];
  const last = parts[parts.length - 1];
  let m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(first);
  const n = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(last);
  if (m && n) {
    const a = { row: Number(m[2]) - 1, col: letterToCol(m[1]) };
    const b = { row: Number(n[2]) - 1, col: letterToCol(n[1]) };
    return checkRect({ top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) }, address);
  }
  if (parts.length === 2 && /^\d+$/.test(first) && /^\d+$/.test(last)) {
    return checkRect({ top: Number(first) - 1, bottom: Number(last) - 1, left: 0, right: MAX_COLS - 1 }, address);
  }
  m = /^[A-Za-z]{1,3}$/.exec(first);
  if (parts.length === 2 && m && /^[A-Za-z]{1,3}$/.test(last)) {
    return checkRect({ top: 0, bottom: MAX_ROWS - 1, left: letterToCol(first), right: letterToCol(last) }, address);
  }
  return fail('InvalidArgument', `The address "${address}" is not valid.`);
}

function checkRect(r: Rect, address: string): Rect {
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS || r.top > r.bottom || r.left > r.right) {
    fail('InvalidArgument', `The address "${address}" is not valid.`);
  }
  return r;
}

function rectArea(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function inRect(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

// ---------------------------------------------------------------------------------------------
// Cells.

function defaultFormat(): FakeCellFormat {
  return {
    name: 'Calibri', fill: null, bold: false, italic: false, underline: 'None', size: 11, color: '#000000',
    horizontal: 'General', vertical: 'Bottom', wrap: false, indent: 0, locked: true,
    borders: { top: false, bottom: false, left: false, right: false },
  };
}

function emptyCell(): FakeCell {
  return { value: null, formula: null, quotePrefix: false, numberFormat: 'General', format: defaultFormat(), hyperlink: null, validation: null };
}

function isBlank(cell: FakeCell): boolean {
  return cell.value === null && cell.formula === null && cell.numberFormat === 'General' && cell.hyperlink === null &&
    cell.validation === null && JSON.stringify(cell.format) === JSON.stringify(defaultFormat());
}

function copyCell(cell: FakeCell): FakeCell {
  return JSON.parse(JSON.stringify(cell));
}

/** Excel's date serial of a calendar day (1900 system). */
function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}

/**
 * The regional format of the machine Excel runs on, where it shows (Windows desktop): the list
 * separator that multi-area address strings take (office-js #1167, #1985), how typed numbers and
 * dates are read, and how a multi-area address is written back. Formulas through `range.formulas`,
 * number formats through `numberFormat` and list validation sources are language-neutral everywhere.
 */
export type FakeLocale = 'en-US' | 'vi-VN';

interface LocaleRules {
  listSeparator: string;
  /** A typed number: the text, or null when it is not one. */
  number(text: string): number | null;
  /** A typed date as [year, month, day], or null. */
  date(text: string): [number, number, number] | null;
  dateFormat: string;
}

function fullYear(text: string | undefined): number {
  if (text === undefined) return new Date().getFullYear();
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

const LOCALES: Record<FakeLocale, LocaleRules> = {
  'en-US': {
    listSeparator: ',',
    number: (t) => (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) ? Number(t) : null),
    date: (t) => {
      const m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
      return m && Number(m[1]) <= 12 && Number(m[2]) <= 31 ? [fullYear(m[3]), Number(m[1]), Number(m[2])] : null;
    },
    dateFormat: 'm/d/yyyy',
  },
  // Vietnamese: decimal comma, "." groups thousands, dates day first with "/", "-" or "." ("1.5" is
  // the 1st of May of this year).
  'vi-VN': {
    listSeparator: ';',
    number: (t) => {
      if (/^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t.replace(',', '.'));
      if (/^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
      return null;
    },
    date: (t) => {
      const m = /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(t);
      return m && Number(m[3]) >= 1 && Number(m[3]) <= 12 && Number(m[1]) >= 1 && Number(m[1]) <= 31 ? [fullYear(m[4]), Number(m[3]), Number(m[1])] : null;
    },
    dateFormat: 'dd/mm/yyyy',
  },
};

/**
 * What Excel makes of typed input under the machine's regional format: a formula, apostrophe text, a
 * number, a percentage, a boolean, a date or a time; anything else, or anything typed into a
 * text-formatted cell, is text. Month-name dates are not modelled.
 */
function typeInto(cell: FakeCell, input: string | number | boolean, locale: LocaleRules): void {
  cell.formula = null;
  cell.quotePrefix = false;
  if (typeof input !== 'string') {
    cell.value = input;
    return;
  }
  if (input === '') {
    cell.value = null;
    return;
  }
  if (cell.numberFormat === '@') {
    // A text-formatted cell keeps whatever is typed as text, even "=A1". Whether Excel still drops a
    // leading apostrophe there is not modelled: the fake keeps it, so code relying on either shows.
    cell.value = input;
    return;
  }
  if (input.charAt(0) === "'") {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (input.charAt(0) === '=' && input.length > 1) {
    cell.formula = input;
    cell.value = null;
    return;
  }
  const t = input.trim();
  // Dates before numbers: under vi-VN "1.5" is a day and month, not one and a half.
  const date = locale.date(t);
  if (date) {
    cell.value = dateSerial(date[0], date[1], date[2]);
    if (cell.numberFormat === 'General') cell.numberFormat = locale.dateFormat;
    return;
  }
  const number = locale.number(t);
  if (number !== null) {
    cell.value = number;
    return;
  }
  const percent = /%$/.test(t) ? locale.number(t.slice(0, -1)) : null;
  if (percent !== null) {
    cell.value = percent / 100;
    if (cell.numberFormat === 'General') cell.numberFormat = '0%';
    return;
  }
  if (/^(true|false)$/i.test(t)) {
    cell.value = t.toLowerCase() === 'true';
    return;
  }
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (m && Number(m[1]) < 24 && Number(m[2]) < 60) {
    cell.value = (Number(m[1]) * 60 + Number(m[2])) / 1440;
    if (cell.numberFormat === 'General') cell.numberFormat = 'h:mm';
    return;
  }
  if (/^[+\-@]/.test(t)) {
    // Excel reads "+x" or "-x" as a formula, as if "=" had been typed first.
    cell.formula = '=' + t;
    cell.value = null;
    return;
  }
  cell.value = input;
}

// ---------------------------------------------------------------------------------------------
// The workbook model, its request contexts and its proxies.

class Model {
  readonly api: ApiVersion;
  readonly locale: LocaleRules;
  sheets: SheetModel[] = [];
  activeId = '';
  /** null: a chart or shape is selected. */
  selection: { sheetId: string; rect: Rect } | null = null;
  workbookOnChanged: Handler[] = [];
  workbookOnSelectionChanged: Handler[] = [];
  usedApis: string[] = [];
  runs: FakeRun[] = [];
  syncCount = 0;
  injectedFailure: string | null = null;
  requestLimit = 5 * 1024 * 1024;
  responseLimit = 5 * 1024 * 1024;
  /** Every block of cell values the add-in read: which sheet, how many cells. */
  valueReads: Array<{ sheet: string; cells: number }> = [];
  /** Calls to refuse: the nth execution of the named call fails with the code. */
  rejections: Array<{ call: string; nth: number; always: boolean; code: string; seen: number }> = [];
  /** Names of the mutating calls executed, in order. */
  callLog: string[] = [];
  /** Runtime.enableEvents: while false, the add-in's own writes raise no events. */
  eventsEnabled = true;
  /** Change events the host raised for the add-in's own writes (delivered after the request returns). */
  apiEvents = 0;
  private nextId = 1;

  constructor(api: ApiVersion, locale: FakeLocale) {
    this.api = api;
    this.locale = LOCALES[locale];
  }

  supports(version: string): boolean {
    const want = version.split('.').map(Number);
    const have = this.api.split('.').map(Number);
    return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
  }

  /** A call the test asked to refuse, when its turn comes. */
  refuseIfAsked(call: string): void {
    for (const r of this.rejections) {
      if (r.call !== call) continue;
      r.seen++;
      if (r.always || r.seen === r.nth) fail(r.code, `The argument is invalid or missing or has an incorrect format (${call}, refused by the test).`, call);
    }
  }

  /** Office.js refuses an API above the host's requirement set when it is called, before any sync. */
  gate(api: string, version: string): void {
    this.usedApis.push(api);
    if (!this.supports(version)) fail('ApiNotFound', `The API '${api}' is not supported (requires ExcelApi ${version}).`, api);
  }

  addSheet(name: string): SheetModel {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) fail('InvalidArgument', `"${name}" is not a valid sheet name.`);
    if (this.find(name)) fail('ItemAlreadyExists', `A sheet named "${name}" already exists.`);
    const sheet: SheetModel = {
      id: `{00000000-0001-0000-${('000' + this.nextId++).slice(-4)}-000000000000}`,
      name, visibility: 'Visible', tabColor: '', cells: new Map(), columns: {}, rows: {}, merges: [], conditionalFormats: [],
      freeze: null, protection: { protected: false, options: {}, password: null },
      pageLayout: { orientation: null, paperSize: null, zoom: null, printTitleRows: null },
      charts: [], onChanged: [], onSelectionChanged: [],
    };
    this.sheets.push(sheet);
    if (!this.activeId) {
      this.activeId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    }
    return sheet;
  }

  find(key: string): SheetModel | undefined {
    const lower = key.toLowerCase();
    return this.sheets.filter((s) => s.id === key || s.name.toLowerCase() === lower)[0];
  }

  cell(sheet: SheetModel, row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  /** Every cell of the rectangles, created on demand (bounded: see CELL_OPERATION_LIMIT). */
  eachCell(sheet: SheetModel, rects: Rect[], visit: (cell: FakeCell, row: number, col: number) => void): void {
    for (const r of rects) {
      if (rectArea(r) > CELL_OPERATION_LIMIT) unsupported(`per-cell operation on ${rectAddress(r)} (${rectArea(r)} cells)`);
      for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) visit(this.cell(sheet, row, col), row, col);
    }
  }

  /** The stored cells inside the rectangles (cheap on a whole sheet). */
  storedCells(sheet: SheetModel, rects: Rect[]): Array<{ cell: FakeCell; row: number; col: number }> {
    const out: Array<{ cell: FakeCell; row: number; col: number }> = [];
    sheet.cells.forEach((cell, key) => {
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (rects.some((r) => inRect(r, row, col))) out.push({ cell, row, col });
    });
    return out;
  }

  prune(sheet: SheetModel): void {
    const blank: number[] = [];
    sheet.cells.forEach((cell, key) => {
      if (isBlank(cell)) blank.push(key);
    });
    for (const key of blank) sheet.cells.delete(key);
  }

  /** Sheet protection, as Excel applies it to each kind of change. */
  guard(sheet: SheetModel, kind: 'content' | 'cellFormat' | 'columnFormat' | 'rowFormat' | 'other', rects: Rect[], what: string): void {
    const p = sheet.protection;
    if (!p.protected) return;
    const refuse = () => fail('InvalidOperation', `The cell or chart you're trying to change is on a protected sheet (${what}).`, what);
    if (kind === 'columnFormat' && p.options.allowFormatColumns) return;
    if (kind === 'rowFormat' && p.options.allowFormatRows) return;
    if (kind === 'cellFormat' && p.options.allowFormatCells) return;
    if (kind !== 'content') refuse();
    for (const r of rects) {
      const stored = this.storedCells(sheet, [r]).filter((c) => !c.cell.format.locked);
      if (stored.length < rectArea(r)) refuse();
    }
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    sheet.cells.forEach((cell, key) => {
      const used = valuesOnly ? cell.value !== null || cell.formula !== null : !isBlank(cell);
      if (!used) return;
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    });
    return r;
  }

  async fire(handlers: Handler[], args: Record<string, unknown>): Promise<void> {
    await Promise.all(handlers.slice().map((h) => Promise.resolve(h(args))));
  }
}

interface QueuedOp {
  op: () => void;
  /** "Range.formulas", "Worksheet.delete"...: a change the workbook would see; absent for lookups and loads. */
  call?: string;
  bytes: number;
}

const encoder = typeof TextEncoder !== 'undefined' ? new TextEncoder() : null;

/** Bytes of a value as JSON in UTF-8: about what the request body spends on an argument. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value === undefined ? null : value);
  return encoder ? encoder.encode(text).length : text.length;
}

/** What one queued call costs in a request besides its arguments (action and object path). */
const CALL_OVERHEAD = 120;

class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  /** Operations queued since the last sync. */
  private queue: QueuedOp[] = [];
  /** Load results, delivered only when the whole batch succeeds. */
  private deliveries: Array<() => void> = [];
  /** Sheets whose content the add-in's own calls changed in the running request (for change events). */
  private changed: Array<{ sheet: SheetModel; rect: Rect }> = [];
  /** Bytes of the load results of the running request. */
  private responseBytes = 0;
  run: FakeRun = { syncs: 0, operations: 0, requestBytes: [] };
  private runtimeProxy: { enableEvents: boolean } | null = null;

  constructor(readonly model: Model) {
    this.workbook = new FakeWorkbook(this);
  }

  /** `payload`: the call's arguments, counted against the host's request size limit. */
  enqueue(op: () => void, call?: string, payload?: unknown): void {
    this.queue.push({ op, call, bytes: CALL_OVERHEAD + (payload === undefined ? 0 : jsonBytes(payload)) });
  }

  /** A named change to the workbook: the test can refuse it, and its arguments count against the request limit. */
  call(name: string, payload: unknown, op: () => void): void {
    this.enqueue(op, name, payload);
  }

  /** Noted by content writes: Excel raises onChanged for them after the request (unless events are off). */
  contentChanged(sheet: SheetModel, rect: Rect): void {
    if (this.model.eventsEnabled) this.changed.push({ sheet, rect });
  }

  /** context.runtime (ExcelApi 1.5); its enableEvents is ExcelApi 1.8. */
  get runtime(): { enableEvents: boolean } {
    if (!this.runtimeProxy) {
      const setEvents = (on: boolean) => {
        this.model.gate('Runtime.enableEvents', '1.8');
        this.enqueue(() => {
          this.model.eventsEnabled = !!on;
        }, 'Runtime.enableEvents', on);
      };
      this.runtimeProxy = {
        set enableEvents(on: boolean) {
          setEvents(on);
        },
        get enableEvents(): boolean {
          return unsupported('reading Runtime.enableEvents');
        },
      };
    }
    return this.runtimeProxy;
  }

  /** Called by operations while they run: results reach the proxies when the whole request succeeded. */
  deliver(result: () => void, payload?: unknown): void {
    this.deliveries.push(result);
    if (payload !== undefined) this.responseBytes += jsonBytes(payload);
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  sync(): Promise<void> {
    this.run.syncs++;
    this.model.syncCount++;
    const ops = this.queue;
    this.queue = [];
    return Promise.resolve().then(() => {
      this.deliveries = [];
      this.changed = [];
      this.responseBytes = 0;
      const bytes = ops.reduce((sum, o) => sum + o.bytes, 0);
      if (ops.length) this.run.requestBytes.push(bytes);
      try {
        const injected = this.model.injectedFailure;
        if (injected && ops.length) {
          this.model.injectedFailure = null;
          fail(injected, `Injected failure ${injected}.`);
        }
        // Excel on the web refuses the whole request before running any of it.
        if (bytes > this.model.requestLimit) fail('RequestPayloadSizeLimitExceeded', `The request payload size (${bytes} bytes) has exceeded the limit.`);
        for (const queued of ops) {
          this.run.operations++;
          if (queued.call) this.model.refuseIfAsked(queued.call);
          queued.op();
          if (queued.call) this.model.callLog.push(queued.call);
        }
        // Excel on the web refuses to send an answer over its limit: the request ran, no result comes back.
        if (this.responseBytes > this.model.responseLimit) fail('ResponsePayloadSizeLimitExceeded', `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`);
      } catch (error) {
        // A failed request returns no results; what ran before the failure stays done, as in Excel.
        this.deliveries = [];
        throw error;
      } finally {
        for (const sheet of this.model.sheets) this.model.prune(sheet);
        this.raiseChangeEvents();
      }
      const results = this.deliveries;
      this.deliveries = [];
      for (const d of results) d();
    });
  }

  /** Excel raises onChanged for the add-in's own writes too, after the request returns. */
  private raiseChangeEvents(): void {
    const changed = this.changed;
    this.changed = [];
    const model = this.model;
    for (const { sheet, rect } of changed) {
      model.apiEvents++;
      setTimeout(() => {
        if (model.sheets.indexOf(sheet) < 0) return;
        const args = { address: rectAddress(rect), worksheetId: sheet.id, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' };
        void model.fire(sheet.onChanged.concat(model.workbookOnChanged), args);
      }, 0);
    }
  }
}

/** A property that must be loaded (or set) before it can be read, as in Office.js. */
class Loadable {
  protected props: Record<string, unknown> = {};
  private children: Record<string, unknown> = {};
  /** What callers see: undefined until the sync that resolved the object returned; true for a null object. */
  protected nullState: boolean | undefined = undefined;
  /** The same, known to the host as soon as the queue reached the object. */
  protected nullInHost = false;

  constructor(readonly context: FakeRequestContext, private readonly typeName: string) {}

  protected get model(): Model {
    return this.context.model;
  }

  protected read<T>(name: string): T {
    if (Object.prototype.hasOwnProperty.call(this.props, name)) return this.props[name] as T;
    if (this.nullState === true) return undefined as unknown as T;
    throw new FakeOfficeError('PropertyNotLoaded',
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${this.typeName}.${name}`);
  }

  protected setLocal(name: string, value: unknown): void {
    this.props[name] = value;
  }

  /** A navigation property (range.format, sheet.protection, ...) is one proxy, as in Office.js. */
  protected child<T>(name: string, make: () => T): T {
    if (!Object.prototype.hasOwnProperty.call(this.children, name)) this.children[name] = make();
    return this.children[name] as T;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available before context.sync().", `${this.typeName}.isNullObject`);
    }
    return this.nullState;
  }

  /** Queues a load of the named properties; `snapshot` gives each one's value when the queue runs. */
  protected queueLoad(props: string | string[] | undefined, known: string[], snapshot: (name: string) => unknown): void {
    const names = (props === undefined ? known : typeof props === 'string' ? props.split(',') : props).map((p) => p.trim()).filter(Boolean);
    for (const n of names) if (known.indexOf(n) < 0) unsupported(`load of ${this.typeName}.${n}`);
    this.context.enqueue(() => {
      if (this.nullInHost) return;
      const loaded: Record<string, unknown> = {};
      for (const n of names) loaded[n] = snapshot(n);
      this.context.deliver(() => {
        for (const n of names) this.props[n] = loaded[n];
      }, loaded);
    });
  }

  /** Marks the object resolved (or null) when the queue reaches it. */
  protected resolved(isNull: boolean): void {
    this.nullInHost = isNull;
    this.context.deliver(() => {
      this.nullState = isNull;
    });
  }
}

/** A method's result, readable after the sync that computed it (OfficeExtension.ClientResult). */
class FakeClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  set(value: T): void {
    this.result = value;
    this.loaded = true;
  }

  get value(): T {
    if (!this.loaded) throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Call "context.sync()" first.');
    return this.result as T;
  }
}

class FakeEventHandlers {
  constructor(private readonly context: FakeRequestContext, private readonly list: () => Handler[]) {}

  add(handler: Handler): { context: FakeRequestContext; remove(): void } {
    this.context.enqueue(() => this.list().push(handler));
    return {
      context: this.context,
      remove: () => this.context.enqueue(() => {
        const handlers = this.list();
        const at = handlers.indexOf(handler);
        if (at >= 0) handlers.splice(at, 1);
      }),
    };
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;

  constructor(private readonly context: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(context);
  }

  getSelectedRange(): FakeRange {
    const model = this.context.model;
    const sheet = new FakeWorksheet(this.context, () => {
      if (!model.selection) fail('InvalidSelection', 'The current selection is invalid for this operation.');
      return model.find(model.selection.sheetId)!;
    }, false);
    return new FakeRange(this.context, sheet, () => [model.selection!.rect], false);
  }
}

class FakeWorksheetCollection extends Loadable {
  constructor(context: FakeRequestContext) {
    super(context, 'WorksheetCollection');
  }

  get items(): FakeWorksheet[] {
    return this.read<FakeWorksheet[]>('items');
  }

  get onChanged(): FakeEventHandlers {
    this.model.gate('WorksheetCollection.onChanged', '1.9');
    return this.child('onChanged', () => new FakeEventHandlers(this.context, () => this.model.workbookOnChanged));
  }

  get onSelectionChanged(): FakeEventHandlers {
    this.model.gate('WorksheetCollection.onSelectionChanged', '1.9');
    return this.child('onSelectionChanged', () => new FakeEventHandlers(this.context, () => this.model.workbookOnSelectionChanged));
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.find(key) || fail('ItemNotFound', `The requested resource doesn't exist (sheet "${key}").`), false);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.find(this.model.activeId) || null, false);
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.find(key) || null, true);
  }

  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.model.addSheet(name), false, [], { name: 'Worksheets.add', payload: name });
  }

  /** Supports "items/<prop>" paths, as the adapter loads them. */
  load(props: string | string[]): this {
    const names = (typeof props === 'string' ? props.split(',') : props).map((p) => p.trim());
    const itemProps = names.map((n) => {
      const m = /^items\/(\w+)$/.exec(n);
      return m ? m[1] : unsupported(`load of WorksheetCollection.${n}`);
    });
    this.context.enqueue(() => {
      const sheets = this.model.sheets.slice();
      this.context.deliver(() => {
        this.props.items = sheets.map((s) => new FakeWorksheet(this.context, s, false, itemProps));
      });
    });
    return this;
  }
}

class FakeWorksheet extends Loadable {
  private target: SheetModel | null = null;

  /**
   * @param locate finds the sheet when the queue reaches this object (null makes a null object); a
   *   sheet given directly is a collection item whose `loadedProps` are already loaded.
   */
  constructor(context: FakeRequestContext, locate: (() => SheetModel | null) | SheetModel, orNull: boolean, loadedProps: string[] = [], call?: { name: string; payload: unknown }) {
    super(context, 'Worksheet');
    if (typeof locate !== 'function') {
      this.target = locate;
      this.nullState = false;
      for (const p of loadedProps) this.props[p] = this.snapshot(p);
      return;
    }
    context.enqueue(() => {
      const found = locate();
      if (!found && !orNull) fail('ItemNotFound', "The requested resource doesn't exist.");
      this.target = found;
      this.resolved(!found);
    }, call && call.name, call && call.payload);
  }

  /** The sheet once the queue reached this object, or null for a null object. */
  found(): SheetModel | null {
    return this.target;
  }

  /** The sheet, once resolved; operations on a null object fail as in Office.js. */
  sheet(): SheetModel {
    if (!this.target) fail('ItemNotFound', "The requested resource doesn't exist.");
    if (this.model.sheets.indexOf(this.target) < 0) fail('ItemNotFound', 'The worksheet was deleted.');
    return this.target;
  }

  private snapshot(name: string): unknown {
    const s = this.sheet();
    switch (name) {
      case 'name': return s.name;
      case 'id': return s.id;
      case 'visibility': return s.visibility;
      case 'tabColor': return s.tabColor;
      case 'position': return this.model.sheets.indexOf(s);
      default: return unsupported(`Worksheet.${name}`);
    }
  }

  load(props?: string | string[]): this {
    this.queueLoad(props, ['name', 'id', 'visibility', 'tabColor', 'position'], (n) => this.snapshot(n));
    return this;
  }

  get name(): string { return this.read('name'); }
  /** Renaming: formulas elsewhere follow the sheet in Excel; the fake keeps no references to follow. */
  set name(value: string) {
    this.setLocal('name', value);
    this.context.call('Worksheet.name', value, () => {
      const s = this.sheet();
      if (!value || value.length > 31 || /[[\]:*?/\\]/.test(value) || /^'|'$/.test(value)) fail('InvalidArgument', `"${value}" is not a valid sheet name.`);
      const other = this.model.find(value);
      if (other && other !== s) fail('ItemAlreadyExists', `A sheet named "${value}" already exists.`);
      s.name = value;
    });
  }
  get id(): string { return this.read('id'); }
  get position(): number { return this.read('position'); }
  set position(value: number) {
    this.setLocal('position', value);
    this.context.call('Worksheet.position', value, () => {
      const s = this.sheet();
      const sheets = this.model.sheets;
      if (!(value >= 0 && value < sheets.length)) fail('InvalidArgument', `Bad sheet position ${value}.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(value, 0, s);
    });
  }

  get visibility(): Visibility { return this.read('visibility'); }
  set visibility(value: Visibility) {
    if (['Visible', 'Hidden', 'VeryHidden'].indexOf(value) < 0) unsupported(`visibility ${value}`);
    this.setLocal('visibility', value);
    this.context.call('Worksheet.visibility', value, () => {
      const s = this.sheet();
      if (value !== 'Visible' && s.visibility === 'Visible' && this.model.visibleSheets().length === 1) {
        fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = value;
      if (value !== 'Visible' && this.model.activeId === s.id) this.model.activeId = this.model.visibleSheets()[0].id;
    });
  }

  get tabColor(): string { return this.read('tabColor'); }
  set tabColor(value: string) {
    if (value !== '' && !/^#[0-9A-Fa-f]{6}$/.test(value)) fail('InvalidArgument', `Bad tab colour "${value}".`);
    this.setLocal('tabColor', value);
    this.context.call('Worksheet.tabColor', value, () => {
      this.sheet().tabColor = value.toUpperCase();
    });
  }

  get protection(): FakeWorksheetProtection {
    return this.child('protection', () => new FakeWorksheetProtection(this.context, this));
  }

  get horizontalPageBreaks(): { add(range: string): void; removePageBreaks(): void } {
    this.model.gate('Worksheet.horizontalPageBreaks', '1.9');
    return {
      removePageBreaks: () => this.context.call('PageBreakCollection.removePageBreaks', null, () => {
        delete this.sheet().pageLayout.rowBreaks;
      }),
      add: (range: string) => {
        const rect = parseRect(range);
        if (rect.top < 1) fail('InvalidArgument', 'A page break cannot stand above the first row.');
        this.context.call('PageBreakCollection.add', range, () => {
          const page = this.sheet().pageLayout;
          const breaks = (page.rowBreaks = page.rowBreaks || []);
          if (breaks.indexOf(rect.top) < 0) breaks.push(rect.top);
          breaks.sort((a, b) => a - b);
        });
      },
    };
  }

  get freezePanes(): FakeFreezePanes {
    return this.child('freezePanes', () => new FakeFreezePanes(this.context, this));
  }

  get pageLayout(): FakePageLayout {
    this.model.gate('Worksheet.pageLayout', '1.9');
    return this.child('pageLayout', () => new FakePageLayout(this.context, this));
  }

  get charts(): FakeChartCollection {
    return this.child('charts', () => new FakeChartCollection(this.context, this));
  }

  get onChanged(): FakeEventHandlers {
    return this.child('onChanged', () => new FakeEventHandlers(this.context, () => this.sheet().onChanged));
  }

  get onSelectionChanged(): FakeEventHandlers {
    return this.child('onSelectionChanged', () => new FakeEventHandlers(this.context, () => this.sheet().onSelectionChanged));
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, this, () => [address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseRect(address)], false);
  }

  getRanges(address: string): FakeRangeAreas {
    this.model.gate('Worksheet.getRanges', '1.9');
    // Windows desktop Excel reads the areas with the regional list separator (office-js #1167, #1985).
    return new FakeRangeAreas(this.context, this, () => address.split(this.model.locale.listSeparator).map(parseRect));
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.context, this, () => [checkRect({ top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 }, 'getRangeByIndexes')], false);
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, () => [this.model.usedRect(this.sheet(), !!valuesOnly) || { top: 0, left: 0, bottom: 0, right: 0 }], false);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, this, () => {
      const r = this.model.usedRect(this.sheet(), !!valuesOnly);
      return r ? [r] : null;
    }, true);
  }

  activate(): void {
    this.context.call('Worksheet.activate', null, () => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') fail('InvalidOperation', 'A hidden sheet cannot be activated.');
      this.model.activeId = s.id;
      this.model.selection = { sheetId: s.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  delete(): void {
    this.context.call('Worksheet.delete', null, () => {
      const s = this.sheet();
      if (s.visibility === 'Visible' && this.model.visibleSheets().length === 1) fail('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      this.model.sheets.splice(this.model.sheets.indexOf(s), 1);
      if (this.model.activeId === s.id) {
        this.model.activeId = this.model.visibleSheets()[0].id;
        this.model.selection = { sheetId: this.model.activeId, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      }
    });
  }
}

// Charts: the ExcelApi 1.1 subset, plus the 1.7 series and axis settings the adapter uses (1.7 is the
// fake's lowest host, as it is the manifest's minimum: nothing here needs gating).

const CHART_TYPES = ['BarClustered', 'ColumnClustered'];

class FakeChartCollection extends Loadable {
  constructor(context: FakeRequestContext, private readonly ws: FakeWorksheet) {
    super(context, 'ChartCollection');
  }

  get items(): FakeChartProxy[] {
    return this.read<FakeChartProxy[]>('items');
  }

  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChartProxy {
    if (CHART_TYPES.indexOf(type) < 0) unsupported(`chart type ${type}`);
    if (seriesBy !== undefined && ['Auto', 'Columns', 'Rows'].indexOf(seriesBy) < 0) fail('InvalidArgument', `Bad seriesBy "${seriesBy}".`);
    const proxy = new FakeChartProxy(this.context, this.ws);
    this.context.call('Charts.add', [type, seriesBy], () => {
      const sheet = this.ws.sheet();
      this.model.guard(sheet, 'other', [], 'adding a chart');
      const t = sourceData.target();
      const chart: FakeChart = {
        name: `Chart ${sheet.charts.length + 1}`, type, source: sourceData.addressOf(t.sheet, t.rects), xValues: null, seriesName: null,
        title: null, legendVisible: true, valueMin: null, valueMax: null, reversePlotOrder: false, showValues: false, position: null,
      };
      sheet.charts.push(chart);
      proxy.bind(chart);
    });
    return proxy;
  }

  /** Supports "items/name", as the adapter loads it. */
  load(props: string | string[]): this {
    const names = (typeof props === 'string' ? props.split(',') : props).map((p) => p.trim());
    for (const n of names) if (n !== 'items/name') unsupported(`load of ChartCollection.${n}`);
    this.context.enqueue(() => {
      const charts = this.ws.sheet().charts.slice();
      this.context.deliver(() => {
        this.props.items = charts.map((c) => {
          const proxy = new FakeChartProxy(this.context, this.ws, c);
          return proxy;
        });
      });
    });
    return this;
  }
}

/** Settings queue against the chart the host created (or found), as Office.js proxies do. */
class FakeChartProxy {
  private chart: FakeChart | null;

  constructor(private readonly context: FakeRequestContext, private readonly ws: FakeWorksheet, found: FakeChart | null = null) {
    this.chart = found;
  }

  bind(chart: FakeChart): void {
    this.chart = chart;
  }

  private change(what: string, apply: (chart: FakeChart) => void): void {
    this.context.call('Chart.' + what, null, () => {
      const sheet = this.ws.sheet();
      if (!this.chart || sheet.charts.indexOf(this.chart) < 0) fail('ItemNotFound', 'The chart was deleted.');
      this.context.model.guard(sheet, 'other', [], what);
      apply(this.chart);
    });
  }

  get name(): string {
    if (!this.chart) throw new FakeOfficeError('PropertyNotLoaded', "The property 'name' is not available.", 'Chart.name');
    return this.chart.name;
  }
  set name(value: string) { this.change('renaming a chart', (c) => { c.name = value; }); }

  get title(): { text: string } {
    const change = (v: string) => this.change('a chart title', (c) => { c.title = v; });
    return { set text(v: string) { change(v); } } as { text: string };
  }

  get legend(): { visible: boolean } {
    const change = (v: boolean) => this.change('a chart legend', (c) => { c.legendVisible = v; });
    return { set visible(v: boolean) { change(v); } } as { visible: boolean };
  }

  get dataLabels(): { showValue: boolean } {
    const change = (v: boolean) => this.change('chart data labels', (c) => { c.showValues = v; });
    return { set showValue(v: boolean) { change(v); } } as { showValue: boolean };
  }

  get axes(): { valueAxis: { minimum: number; maximum: number }; categoryAxis: { reversePlotOrder: boolean } } {
    const set = (apply: (c: FakeChart) => void) => this.change('a chart axis', apply);
    return {
      valueAxis: {
        set minimum(v: number) { set((c) => { c.valueMin = v; }); },
        set maximum(v: number) { set((c) => { c.valueMax = v; }); },
      } as { minimum: number; maximum: number },
      categoryAxis: {
        set reversePlotOrder(v: boolean) {
          set((c) => { c.reversePlotOrder = v; });
        },
      } as { reversePlotOrder: boolean },
    };
  }

  get series(): { getItemAt(index: number): { name: string; setXAxisValues(range: FakeRange): void } } {
    const change = (what: string, apply: (c: FakeChart) => void) => this.change(what, apply);
    return {
      getItemAt(index: number) {
        if (index !== 0) unsupported('charts with more than one series');
        return {
          set name(v: string) { change('a series name', (c) => { c.seriesName = v; }); },
          setXAxisValues(range: FakeRange) {
            change('series categories', (c) => {
              const t = range.target();
              c.xValues = range.addressOf(t.sheet, t.rects);
            });
          },
        } as { name: string; setXAxisValues(range: FakeRange): void };
      },
    };
  }

  setPosition(startCell: string, endCell?: string): void {
    this.change('moving a chart', (c) => {
      c.position = { start: rectAddress(parseRect(startCell)), end: rectAddress(parseRect(endCell || startCell)) };
    });
  }

  delete(): void {
    this.context.call('Chart.delete', null, () => {
      const sheet = this.ws.sheet();
      if (!this.chart || sheet.charts.indexOf(this.chart) < 0) fail('ItemNotFound', 'The chart was deleted.');
      this.context.model.guard(sheet, 'other', [], 'deleting a chart');
      sheet.charts.splice(sheet.charts.indexOf(this.chart), 1);
    });
  }
}

class FakeWorksheetProtection extends Loadable {
  constructor(context: FakeRequestContext, private readonly ws: FakeWorksheet) {
    super(context, 'WorksheetProtection');
  }

  load(props?: string | string[]): this {
    // The protection of a sheet that is a null object is null too: its properties read as undefined.
    this.context.enqueue(() => {
      if (!this.ws.found()) this.resolved(true);
    });
    this.queueLoad(props, ['protected', 'options'], (n) => {
      const p = this.ws.sheet().protection;
      return n === 'protected' ? p.protected : { ...p.options };
    });
    return this;
  }

  get protected(): boolean { return this.read('protected'); }
  get options(): Record<string, unknown> { return this.read('options'); }

  protect(options?: Record<string, unknown>, password?: string): void {
    this.context.call('WorksheetProtection.protect', options || null, () => {
      const p = this.ws.sheet().protection;
      if (p.protected) fail('InvalidOperation', 'The worksheet is already protected.');
      p.protected = true;
      p.options = { ...(options || {}) };
      p.password = password || null;
    });
  }

  unprotect(password?: string): void {
    this.context.call('WorksheetProtection.unprotect', null, () => {
      const p = this.ws.sheet().protection;
      if (!p.protected) return;
      if (p.password !== null && p.password !== password) fail('InvalidOperation', 'The password you supplied is not correct.');
      p.protected = false;
      p.password = null;
    });
  }
}

class FakeFreezePanes {
  constructor(private readonly context: FakeRequestContext, private readonly ws: FakeWorksheet) {}

  freezeAt(frozenRange: string): void {
    this.context.call('FreezePanes.freezeAt', frozenRange, () => {
      const r = parseRect(frozenRange);
      this.ws.sheet().freeze = { rows: r.bottom + 1, cols: r.right + 1 };
    });
  }

  freezeRows(count: number): void {
    this.context.call('FreezePanes.freezeRows', count, () => {
      this.ws.sheet().freeze = { rows: count, cols: 0 };
    });
  }

  freezeColumns(count: number): void {
    this.context.call('FreezePanes.freezeColumns', count, () => {
      this.ws.sheet().freeze = { rows: 0, cols: count };
    });
  }

  unfreeze(): void {
    this.context.call('FreezePanes.unfreeze', null, () => {
      this.ws.sheet().freeze = null;
    });
  }
}

class FakePageLayout {
  constructor(private readonly context: FakeRequestContext, private readonly ws: FakeWorksheet) {}

  private setting(what: string, payload: unknown, apply: (page: SheetModel['pageLayout']) => void): void {
    this.context.call('PageLayout.' + what, payload, () => apply(this.ws.sheet().pageLayout));
  }

  set orientation(value: string) {
    if (value !== 'Portrait' && value !== 'Landscape') unsupported(`orientation ${value}`);
    this.setting('orientation', value, (p) => (p.orientation = value));
  }

  set paperSize(value: string) {
    this.setting('paperSize', value, (p) => (p.paperSize = value));
  }

  set zoom(value: Record<string, number>) {
    this.setting('zoom', value, (p) => (p.zoom = { ...value }));
  }

  setPrintTitleRows(rows: string): void {
    if (!/^\$?\d+:\$?\d+$/.test(rows)) fail('InvalidArgument', `"${rows}" is not a row range.`);
    this.setting('setPrintTitleRows', rows, (p) => (p.printTitleRows = rows));
  }

  setPrintArea(area: string): void {
    if (!/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(area)) fail('InvalidArgument', `"${area}" is not one area.`);
    this.setting('setPrintArea', area, (p) => (p.printArea = area));
  }

  private margin(name: string, value: number): void {
    if (!(value >= 0 && value < 600)) fail('InvalidArgument', `Bad ${name} margin ${value}.`);
    this.setting(name + 'Margin', value, (p) => ((p.margins = p.margins || {})[name] = value));
  }

  set topMargin(v: number) { this.margin('top', v); }
  set bottomMargin(v: number) { this.margin('bottom', v); }
  set leftMargin(v: number) { this.margin('left', v); }
  set rightMargin(v: number) { this.margin('right', v); }
  set headerMargin(v: number) { this.margin('header', v); }
  set footerMargin(v: number) { this.margin('footer', v); }

  set blackAndWhite(v: boolean) {
    this.setting('blackAndWhite', v, (p) => (p.blackAndWhite = !!v));
  }

  set centerHorizontally(v: boolean) {
    this.setting('centerHorizontally', v, (p) => (p.centerHorizontally = !!v));
  }

  set firstPageNumber(v: number | '') {
    this.setting('firstPageNumber', v, (p) => (p.firstPageNumber = v === '' ? undefined : v));
  }

  get headersFooters(): { state: string; defaultForAllPages: { centerHeader: string }; firstPage: { centerHeader: string } } {
    const setting = this.setting.bind(this);
    const header = (what: string, apply: (p: FakePageSetup, v: string) => void) => ({
      set centerHeader(v: string) {
        if (v.length > 255) fail('InvalidArgument', 'A header holds at most 255 characters.');
        setting(what, v, (p) => apply(p, v));
      },
      get centerHeader(): string { return unsupported('reading a header'); },
    });
    return {
      set state(v: string) {
        if (['Default', 'FirstAndDefault', 'OddAndEven', 'FirstOddAndEven'].indexOf(v) < 0) fail('InvalidArgument', `Bad header state ${v}.`);
        setting('headersFooters.state', v, (p) => (p.headerState = v));
      },
      get state(): string { return unsupported('reading the header state'); },
      defaultForAllPages: header('headersFooters.defaultForAllPages.centerHeader', (p, v) => (p.centerHeader = v)),
      firstPage: header('headersFooters.firstPage.centerHeader', (p, v) => (p.firstPageCenterHeader = v)),
    };
  }
}

/** What a Range and a RangeAreas share: a sheet and rectangles, resolved when the queue reaches them. */
class FakeCellBlock extends Loadable {
  protected rects: Rect[] | null = null;

  constructor(context: FakeRequestContext, typeName: string, readonly ws: FakeWorksheet, locate: () => Rect[] | null, orNull: boolean) {
    super(context, typeName);
    context.enqueue(() => {
      const found = locate();
      if (!found && !orNull) fail('ItemNotFound', "The requested resource doesn't exist.");
      this.rects = found;
      this.resolved(!found);
    });
  }

  /** The sheet and rectangles, for an operation; a null object cannot be changed. */
  target(): { sheet: SheetModel; rects: Rect[] } {
    const sheet = this.ws.sheet();
    if (!this.rects) fail('ItemNotFound', "The requested resource doesn't exist.");
    return { sheet, rects: this.rects };
  }

  get format(): FakeRangeFormat {
    return this.child('format', () => new FakeRangeFormat(this.context, this));
  }

  /** Areas joined with the regional list separator, as Windows desktop Excel writes them. */
  addressOf(sheet: SheetModel, rects: Rect[]): string {
    return rects.map((r) => quoteSheet(sheet.name) + '!' + rectAddress(r)).join(this.model.locale.listSeparator);
  }
}

class FakeRange extends FakeCellBlock {
  constructor(context: FakeRequestContext, ws: FakeWorksheet, locate: () => Rect[] | null, orNull: boolean) {
    super(context, 'Range', ws, locate, orNull);
  }

  private rect(): { sheet: SheetModel; rect: Rect } {
    const t = this.target();
    return { sheet: t.sheet, rect: t.rects[0] };
  }

  private grid(read: (cell: FakeCell | undefined) => unknown): unknown[][] {
    const { sheet, rect } = this.rect();
    if (rectArea(rect) > CELL_OPERATION_LIMIT) unsupported(`reading ${rectAddress(rect)}`);
    const out: unknown[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const row: unknown[] = [];
      for (let c = rect.left; c <= rect.right; c++) row.push(read(sheet.cells.get(cellKey(r, c))));
      out.push(row);
    }
    return out;
  }

  private snapshot(name: string): unknown {
    const { sheet, rect } = this.rect();
    switch (name) {
      case 'address': return this.addressOf(sheet, [rect]);
      case 'rowIndex': return rect.top;
      case 'columnIndex': return rect.left;
      case 'rowCount': return rect.bottom - rect.top + 1;
      case 'columnCount': return rect.right - rect.left + 1;
      case 'values':
        this.model.valueReads.push({ sheet: sheet.name, cells: rectArea(rect) });
        return this.grid((c) => (!c ? '' : c.formula !== null ? (c.value === null ? '' : c.value) : c.value === null ? '' : c.value));
      case 'formulas': return this.grid((c) => (!c ? '' : c.formula !== null ? c.formula : c.value === null ? '' : c.value));
      case 'numberFormat': return this.grid((c) => (c ? c.numberFormat : 'General'));
      case 'valueTypes': return this.grid((c) => {
        const v = !c ? null : c.formula !== null ? c.value : c.value;
        if (v === null || v === '') return 'Empty';
        return typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
      });
      case 'hyperlink': {
        const c = sheet.cells.get(cellKey(rect.top, rect.left));
        return c && c.hyperlink ? { ...c.hyperlink } : {};
      }
      default: return unsupported(`Range.${name}`);
    }
  }

  load(props?: string | string[]): this {
    this.queueLoad(props, ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat', 'hyperlink', 'valueTypes'], (n) => this.snapshot(n));
    return this;
  }

  get address(): string { return this.read('address'); }
  get rowIndex(): number { return this.read('rowIndex'); }
  get columnIndex(): number { return this.read('columnIndex'); }
  get rowCount(): number { return this.read('rowCount'); }
  get columnCount(): number { return this.read('columnCount'); }
  get values(): unknown[][] { return this.read('values'); }
  get numberFormat(): unknown[][] { return this.read('numberFormat'); }
  get valueTypes(): string[][] { return this.read('valueTypes'); }
  get hyperlink(): FakeHyperlink { return this.read('hyperlink'); }

  get formulas(): unknown[][] { return this.read('formulas'); }
  set formulas(value: unknown[][]) {
    this.setLocal('formulas', value);
    this.writeBlock('formulas', value, 'content', (cell, input) => typeInto(cell, input as string | number | boolean, this.model.locale));
  }

  set numberFormat(value: unknown[][]) {
    this.setLocal('numberFormat', value);
    this.writeBlock('numberFormat', value, 'cellFormat', (cell, input) => (cell.numberFormat = input === '' ? 'General' : String(input)));
  }

  /** A 2-D block: its size must match the range exactly; null entries leave a cell as it is. */
  private writeBlock(what: string, value: unknown[][], kind: 'content' | 'cellFormat', apply: (cell: FakeCell, input: unknown) => void): void {
    this.context.call('Range.' + what, value, () => {
      const { sheet, rect } = this.rect();
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      if (!Array.isArray(value) || value.length !== rows || value.some((row) => !Array.isArray(row) || row.length !== cols)) {
        fail('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
      }
      this.model.guard(sheet, kind, [rect], what);
      if (kind === 'content') this.context.contentChanged(sheet, rect);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const input = value[r][c];
          if (input === null || input === undefined) continue;
          if (typeof input !== 'string' && typeof input !== 'number' && typeof input !== 'boolean') fail('InvalidArgument', `Bad ${what} entry.`);
          apply(this.model.cell(sheet, rect.top + r, rect.left + c), input);
        }
      }
    });
  }

  set hyperlink(value: FakeHyperlink) {
    this.setLocal('hyperlink', value);
    this.context.call('Range.hyperlink', value, () => {
      const { sheet, rect } = this.rect();
      this.model.guard(sheet, 'other', [rect], 'hyperlink');
      this.context.contentChanged(sheet, rect);
      if (!value || (!value.address && !value.documentReference)) fail('InvalidArgument', 'A hyperlink needs an address or a document reference.');
      this.model.eachCell(sheet, [rect], (cell) => {
        cell.hyperlink = { ...value };
        if (value.textToDisplay !== undefined) {
          cell.formula = null;
          cell.quotePrefix = false;
          cell.value = value.textToDisplay;
        } else if (cell.value === null && cell.formula === null) {
          cell.value = value.address || value.documentReference || null;
        }
      });
    });
  }

  /** Range.columnHidden / rowHidden (on the range itself, not its format). */
  set columnHidden(hidden: boolean) {
    this.format.lines('columnHidden', 'columnFormat', (sheet, r) => {
      if (!hidden) {
        for (const key of Object.keys(sheet.columns)) if (Number(key) >= r.left && Number(key) <= r.right) delete sheet.columns[Number(key)].hidden;
        return;
      }
      for (let c = r.left; c <= r.right; c++) (sheet.columns[c] = sheet.columns[c] || {}).hidden = true;
    });
  }

  set rowHidden(hidden: boolean) {
    this.format.lines('rowHidden', 'rowFormat', (sheet, r) => {
      if (!hidden) {
        for (const key of Object.keys(sheet.rows)) if (Number(key) >= r.top && Number(key) <= r.bottom) delete sheet.rows[Number(key)].hidden;
        return;
      }
      for (let row = r.top; row <= r.bottom; row++) (sheet.rows[row] = sheet.rows[row] || {}).hidden = true;
    });
  }

  get worksheet(): FakeWorksheet {
    return this.child('worksheet', () => new FakeWorksheet(this.context, () => this.ws.sheet(), false));
  }

  get dataValidation(): FakeDataValidation {
    this.model.gate('Range.dataValidation', '1.8');
    return this.child('dataValidation', () => new FakeDataValidation(this.context, this));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.child('conditionalFormats', () => new FakeConditionalFormatCollection(this.context, this));
  }

  merge(across?: boolean): void {
    if (across) unsupported('merge across');
    this.context.call('Range.merge', null, () => {
      const { sheet, rect } = this.rect();
      this.model.guard(sheet, 'other', [rect], 'merge');
      // Excel keeps the top-left value; a merge overlapping another joins it.
      for (const c of this.model.storedCells(sheet, [rect])) {
        if (c.row !== rect.top || c.col !== rect.left) {
          c.cell.value = null;
          c.cell.formula = null;
        }
      }
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect)).concat([rect]);
    });
  }

  unmerge(): void {
    this.context.call('Range.unmerge', null, () => {
      const { sheet, rect } = this.rect();
      if (sheet.merges.some((m) => intersects(m, rect))) this.model.guard(sheet, 'other', [rect], 'unmerge');
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
    });
  }

  /** "All" clears values, formats and links; validation and conditional formats have their own clears. */
  clear(applyTo: string = 'All'): void {
    if (['All', 'Formats', 'Contents', 'Hyperlinks', 'RemoveHyperlinks'].indexOf(applyTo) < 0) unsupported(`clear(${applyTo})`);
    this.context.call('Range.clear', applyTo, () => {
      const { sheet, rect } = this.rect();
      const stored = this.model.storedCells(sheet, [rect]);
      if (stored.length) this.model.guard(sheet, applyTo === 'Contents' ? 'content' : 'other', [rect], 'clear');
      if (stored.length && (applyTo === 'All' || applyTo === 'Contents')) this.context.contentChanged(sheet, rect);
      for (const { cell } of stored) {
        if (applyTo === 'All' || applyTo === 'Contents') {
          cell.value = null;
          cell.formula = null;
          cell.quotePrefix = false;
        }
        if (applyTo === 'All' || applyTo === 'Formats' || applyTo === 'RemoveHyperlinks') {
          cell.format = defaultFormat();
          cell.numberFormat = 'General';
        }
        if (applyTo !== 'Formats' && applyTo !== 'Contents') cell.hyperlink = null;
      }
    });
  }

  select(): void {
    this.context.call('Range.select', null, () => {
      const { sheet, rect } = this.rect();
      if (sheet.visibility !== 'Visible') fail('InvalidOperation', 'Cannot select on a hidden sheet.');
      this.model.activeId = sheet.id;
      this.model.selection = { sheetId: sheet.id, rect };
    });
  }

  getCellProperties(options: { hyperlink?: boolean }): FakeClientResult<Array<Array<{ hyperlink?: FakeHyperlink }>>> {
    this.model.gate('Range.getCellProperties', '1.9');
    if (Object.keys(options).some((k) => k !== 'hyperlink')) unsupported('getCellProperties beyond hyperlink');
    const result = new FakeClientResult<Array<Array<{ hyperlink?: FakeHyperlink }>>>();
    this.context.enqueue(() => {
      const grid = this.grid((c) => ({ hyperlink: c && c.hyperlink ? { ...c.hyperlink } : {} })) as Array<Array<{ hyperlink?: FakeHyperlink }>>;
      this.context.deliver(() => result.set(grid), grid);
    });
    return result;
  }

  getIntersectionOrNullObject(other: FakeRange): FakeRange {
    return new FakeRange(this.context, this.ws, () => {
      const a = this.rect().rect;
      const b = other.target().rects[0];
      if (!intersects(a, b)) return null;
      return [{ top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) }];
    }, true);
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.model.gate('Range.getMergedAreasOrNullObject', '1.13');
    return new FakeRangeAreas(this.context, this.ws, () => {
      const { sheet, rect } = this.rect();
      const found = sheet.merges.filter((m) => intersects(m, rect));
      return found.length ? found : null;
    }, true);
  }
}

class FakeRangeAreas extends FakeCellBlock {
  constructor(context: FakeRequestContext, ws: FakeWorksheet, locate: () => Rect[] | null, orNull = false) {
    super(context, 'RangeAreas', ws, locate, orNull);
  }

  load(props?: string | string[]): this {
    this.queueLoad(props, ['address'], () => {
      const t = this.target();
      return this.addressOf(t.sheet, t.rects);
    });
    return this;
  }

  get address(): string { return this.read('address'); }
}

class FakeRangeFormat {
  constructor(private readonly context: FakeRequestContext, private readonly block: FakeCellBlock) {}

  private get model(): Model {
    return this.context.model;
  }

  /** Queues a change to every cell of the block. */
  cells(what: string, apply: (format: FakeCellFormat, row: number, col: number, rect: Rect) => void): void {
    this.context.call('RangeFormat.' + what, null, () => {
      const { sheet, rects } = this.block.target();
      this.model.guard(sheet, 'cellFormat', rects, what);
      for (const rect of rects) this.model.eachCell(sheet, [rect], (cell, row, col) => apply(cell.format, row, col, rect));
    });
  }

  lines(what: string, kind: 'columnFormat' | 'rowFormat', apply: (sheet: SheetModel, rect: Rect) => void): void {
    this.context.call('RangeFormat.' + what, null, () => {
      const { sheet, rects } = this.block.target();
      this.model.guard(sheet, kind, rects, what);
      for (const rect of rects) apply(sheet, rect);
    });
  }

  get fill(): { color: string; clear(): void } {
    const cells = this.cells.bind(this);
    return {
      set color(value: string) {
        checkColor(value);
        cells('fill', (f) => (f.fill = value.toUpperCase()));
      },
      get color(): string {
        return unsupported('reading RangeFill.color');
      },
      clear: () => cells('fill', (f) => (f.fill = null)),
    };
  }

  get font(): { name: string; bold: boolean; italic: boolean; underline: string; size: number; color: string } {
    const cells = this.cells.bind(this);
    const reject = (): never => unsupported('reading RangeFont properties');
    return {
      set name(v: string) {
        if (!v || v.length > 31) fail('InvalidArgument', `Bad font name "${v}".`);
        cells('font.name', (f) => (f.name = v));
      },
      get name(): string { return reject(); },
      set bold(v: boolean) { cells('font.bold', (f) => (f.bold = !!v)); },
      get bold(): boolean { return reject(); },
      set italic(v: boolean) { cells('font.italic', (f) => (f.italic = !!v)); },
      get italic(): boolean { return reject(); },
      set underline(v: string) {
        if (UNDERLINE.indexOf(v) < 0) fail('InvalidArgument', `Bad underline "${v}".`);
        cells('font.underline', (f) => (f.underline = v));
      },
      get underline(): string { return reject(); },
      set size(v: number) {
        if (!(v >= 1 && v <= 409)) fail('InvalidArgument', `Bad font size ${v}.`);
        cells('font.size', (f) => (f.size = v));
      },
      get size(): number { return reject(); },
      set color(v: string) {
        checkColor(v);
        cells('font.color', (f) => (f.color = v.toUpperCase()));
      },
      get color(): string { return reject(); },
    };
  }

  get protection(): { locked: boolean } {
    const cells = this.cells.bind(this);
    return {
      set locked(v: boolean) { cells('protection.locked', (f) => (f.locked = !!v)); },
      get locked(): boolean { return unsupported('reading FormatProtection.locked'); },
    };
  }

  get borders(): { getItem(index: string): { style: string; weight: string; color: string } } {
    const cells = this.cells.bind(this);
    return {
      getItem(index: string) {
        if (BORDER_INDEXES.indexOf(index) < 0) unsupported(`border ${index}`);
        const draw = (on: boolean) => cells('borders', (f, row, col, rect) => {
          if (index === 'EdgeTop' && row === rect.top) f.borders.top = on;
          if (index === 'EdgeBottom' && row === rect.bottom) f.borders.bottom = on;
          if (index === 'EdgeLeft' && col === rect.left) f.borders.left = on;
          if (index === 'EdgeRight' && col === rect.right) f.borders.right = on;
          // An inside line is the shared side of two neighbours; on a single row or column it draws nothing.
          if (index === 'InsideHorizontal') {
            if (row > rect.top) f.borders.top = on;
            if (row < rect.bottom) f.borders.bottom = on;
          }
          if (index === 'InsideVertical') {
            if (col > rect.left) f.borders.left = on;
            if (col < rect.right) f.borders.right = on;
          }
        });
        return {
          set style(v: string) {
            if (BORDER_STYLES.indexOf(v) < 0) fail('InvalidArgument', `Bad border style "${v}".`);
            draw(v !== 'None');
          },
          get style(): string { return unsupported('reading RangeBorder.style'); },
          set weight(v: string) {
            if (BORDER_WEIGHTS.indexOf(v) < 0) fail('InvalidArgument', `Bad border weight "${v}".`);
            cells('borders', () => undefined);
          },
          get weight(): string { return unsupported('reading RangeBorder.weight'); },
          set color(v: string) {
            checkColor(v);
            cells('borders', () => undefined);
          },
          get color(): string { return unsupported('reading RangeBorder.color'); },
        };
      },
    };
  }

  set horizontalAlignment(v: string) {
    if (HORIZONTAL.indexOf(v) < 0) fail('InvalidArgument', `Bad horizontal alignment "${v}".`);
    this.cells('horizontalAlignment', (f) => (f.horizontal = v));
  }

  set verticalAlignment(v: string) {
    if (VERTICAL.indexOf(v) < 0) fail('InvalidArgument', `Bad vertical alignment "${v}".`);
    this.cells('verticalAlignment', (f) => (f.vertical = v));
  }

  set wrapText(v: boolean) {
    this.cells('wrapText', (f) => (f.wrap = !!v));
  }

  set indentLevel(v: number) {
    this.model.gate('RangeFormat.indentLevel', '1.9');
    if (!(v >= 0 && v <= 250)) fail('InvalidArgument', `Bad indent ${v}.`);
    this.cells('indentLevel', (f) => (f.indent = v));
  }

  set columnWidth(points: number) {
    if (!(points >= 0)) fail('InvalidArgument', `Bad column width ${points}.`);
    this.lines('columnWidth', 'columnFormat', (sheet, r) => {
      for (let c = r.left; c <= r.right; c++) (sheet.columns[c] = sheet.columns[c] || {}).width = points;
    });
  }

  set useStandardWidth(on: boolean) {
    if (!on) return;
    this.lines('useStandardWidth', 'columnFormat', (sheet, r) => {
      for (const key of Object.keys(sheet.columns)) if (Number(key) >= r.left && Number(key) <= r.right) delete sheet.columns[Number(key)].width;
    });
  }

  set rowHeight(points: number) {
    if (!(points >= 0 && points <= 409)) fail('InvalidArgument', `Bad row height ${points}.`);
    this.lines('rowHeight', 'rowFormat', (sheet, r) => {
      if (r.bottom - r.top + 1 > CELL_OPERATION_LIMIT) unsupported('row height on every row');
      for (let row = r.top; row <= r.bottom; row++) (sheet.rows[row] = sheet.rows[row] || {}).height = points;
    });
  }

  set useStandardHeight(on: boolean) {
    if (!on) return;
    this.lines('useStandardHeight', 'rowFormat', (sheet, r) => {
      for (const key of Object.keys(sheet.rows)) if (Number(key) >= r.top && Number(key) <= r.bottom) delete sheet.rows[Number(key)].height;
    });
  }
}

function checkColor(value: string): void {
  if (!/^#[0-9A-Fa-f]{6}$/.test(value)) fail('InvalidArgument', `Bad colour "${value}".`);
}

class FakeDataValidation {
  constructor(private readonly context: FakeRequestContext, private readonly range: FakeRange) {}

  /** Queues a change to the validation of every cell of the range (creating an "any" rule where none is). */
  private each(what: string, apply: (v: FakeValidation) => void, payload: unknown): void {
    this.context.call(what.replace(/^dataValidation/, 'DataValidation'), payload, () => {
      const { sheet, rects } = this.range.target();
      this.context.model.guard(sheet, 'other', rects, what);
      const address = rectAddress(rects[0]);
      this.context.model.eachCell(sheet, rects, (cell) => {
        if (!cell.validation || cell.validation.range !== address) {
          cell.validation = {
            range: address, type: 'any', formula1: null, formula2: null, operator: null, ignoreBlanks: true, prompt: null, errorAlert: null,
          };
        }
        apply(cell.validation);
      });
    });
  }

  set rule(rule: Record<string, Record<string, unknown>>) {
    const kinds = Object.keys(rule);
    if (kinds.length !== 1 || ['custom', 'decimal', 'list'].indexOf(kinds[0]) < 0) unsupported(`validation rule ${kinds.join('+')}`);
    const kind = kinds[0] as 'custom' | 'decimal' | 'list';
    const body = rule[kind];
    if (kind === 'custom' && !/^=/.test(String(body.formula))) fail('InvalidArgument', 'A custom validation formula starts with "=".');
    if (kind === 'decimal' && (body.formula1 === undefined || !body.operator)) fail('InvalidArgument', 'A decimal validation needs formula1 and an operator.');
    if (kind === 'list' && !body.source) fail('InvalidArgument', 'A list validation needs a source.');
    this.each('dataValidation.rule', (v) => {
      v.type = kind;
      v.formula1 = kind === 'custom' ? String(body.formula) : kind === 'list' ? String(body.source) : (body.formula1 as string | number);
      v.formula2 = kind === 'decimal' && body.formula2 !== undefined ? (body.formula2 as string | number) : null;
      v.operator = kind === 'decimal' ? String(body.operator) : null;
    }, rule);
  }

  set ignoreBlanks(value: boolean) {
    this.each('dataValidation.ignoreBlanks', (v) => (v.ignoreBlanks = value), value);
  }

  set prompt(value: { title: string; message: string; showPrompt: boolean }) {
    this.each('dataValidation.prompt', (v) => (v.prompt = { ...value }), value);
  }

  set errorAlert(value: { title: string; message: string; style: string; showAlert: boolean }) {
    this.each('dataValidation.errorAlert', (v) => (v.errorAlert = { ...value }), value);
  }

  clear(): void {
    this.context.call('DataValidation.clear', null, () => {
      const { sheet, rects } = this.range.target();
      const stored = this.context.model.storedCells(sheet, rects).filter((c) => c.cell.validation);
      if (stored.length) this.context.model.guard(sheet, 'other', rects, 'dataValidation.clear');
      for (const c of stored) c.cell.validation = null;
    });
  }
}

class FakeConditionalFormatCollection {
  constructor(private readonly context: FakeRequestContext, private readonly range: FakeRange) {}

  /** A new rule goes on top (highest priority), as Excel adds them. */
  add(type: string): { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string; bold: boolean } } } } {
    if (type !== 'Custom') unsupported(`conditional format type ${type}`);
    let record: (FakeConditionalFormat & { rect: Rect }) | null = null;
    const context = this.context;
    context.call('ConditionalFormats.add', type, () => {
      const { sheet, rects } = this.range.target();
      context.model.guard(sheet, 'other', rects, 'conditionalFormats.add');
      record = { address: rectAddress(rects[0]), rect: rects[0], type, formula: null, fill: null, fontColor: null, bold: null };
      sheet.conditionalFormats.unshift(record);
    });
    const change = (apply: (r: FakeConditionalFormat) => void, payload?: unknown) => context.call('ConditionalFormat.set', payload === undefined ? null : payload, () => apply(record!));
    const reject = (): never => unsupported('reading conditional format properties');
    return {
      custom: {
        rule: {
          set formula(v: string) {
            if (!/^=/.test(v)) fail('InvalidArgument', 'A conditional format formula starts with "=".');
            change((r) => (r.formula = v), v);
          },
          get formula(): string { return reject(); },
        },
        format: {
          fill: {
            set color(v: string) {
              checkColor(v);
              change((r) => (r.fill = v.toUpperCase()));
            },
            get color(): string { return reject(); },
          },
          font: {
            set color(v: string) {
              checkColor(v);
              change((r) => (r.fontColor = v.toUpperCase()));
            },
            get color(): string { return reject(); },
            set bold(v: boolean) { change((r) => (r.bold = !!v)); },
            get bold(): boolean { return reject(); },
          },
        },
      },
    };
  }

  clearAll(): void {
    this.context.call('ConditionalFormats.clearAll', null, () => {
      const { sheet, rects } = this.range.target();
      const hit = sheet.conditionalFormats.filter((cf) => rects.some((r) => intersects(cf.rect, r)));
      if (hit.length) this.context.model.guard(sheet, 'other', rects, 'conditionalFormats.clearAll');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => hit.indexOf(cf) < 0);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The factory.

export interface FakeExcel {
  /** Inject as OfficeHost.Excel. */
  Excel: { run: (...args: unknown[]) => Promise<unknown> };
  /** Inject as OfficeHost.requirements (Office.context.requirements). */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Every context.sync() so far, implicit end-of-run flushes included. */
  readonly syncCount: number;
  /** One entry per Excel.run, in order. */
  readonly runs: FakeRun[];
  lastRun(): FakeRun;
  /** Names of the version-gated APIs the code under test touched ("Range.dataValidation", ...). */
  readonly usedApis: string[];
  resetCounters(): void;
  sheetNames(): string[];
  sheet(name: string): FakeSheetState;
  /** A copy of the cell (an empty one where nothing is stored). */
  cell(sheet: string, address: string): FakeCell;
  /** Every stored cell of the sheet, by A1 address. */
  cells(sheet: string): Record<string, FakeCell>;
  activeSheet(): string;
  selection(): { sheet: string; address: string } | null;
  /** Sets what a formula cell shows, as Excel's calculation would. */
  setCalculated(sheet: string, address: string, value: Scalar): void;
  /** A person types into the cells and presses Enter; Excel's change handlers run. */
  simulateEdit(sheet: string, address: string, input?: string | number): Promise<void>;
  /** A person selects a range (null: a chart or shape); selection handlers run. */
  simulateSelection(sheet: string | null, address?: string): Promise<void>;
  /** The next sync that carries work fails with this Office error code. */
  failNextSync(code: string): void;
  /**
   * Refuses the nth execution (default the first; `always`: every one) of a named call
   * ("Range.formulas", "PageLayout.orientation", "Worksheet.delete"...; see `calls`) with the code
   * (default InvalidArgument), as Excel refuses one bad argument: what ran before it in the request
   * stays done.
   */
  rejectCall(call: string, options?: { nth?: number; always?: boolean; code?: string }): void;
  /** The named calls executed so far, in order. */
  readonly calls: string[];
  /** Change events Excel raised for the add-in's own writes (the add-in can turn them off: Runtime.enableEvents). */
  readonly apiEvents: number;
  /** Everything the workbook holds, sheet order and active sheet included: equal snapshots, equal workbooks. */
  snapshot(): string;
  /** Every block of cell values read so far: which sheet, how many cells. */
  readonly valueReads: Array<{ sheet: string; cells: number }>;
}

function sheetOf(model: Model, name: string): SheetModel {
  return model.find(name) || unsupported(`no sheet "${name}"`);
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  const api = options.api || '1.13';
  if (API_ORDER.indexOf(api) < 0) unsupported(`requirement set ${api}`);
  const model = new Model(api, options.locale || 'en-US');
  if (options.requestLimit !== undefined) model.requestLimit = options.requestLimit;
  if (options.responseLimit !== undefined) model.responseLimit = options.responseLimit;
  for (const seed of options.sheets || [{ name: 'Sheet1' }]) {
    const sheet = model.addSheet(seed.name);
    for (const address of Object.keys(seed.cells || {})) {
      const r = parseRect(address);
      typeInto(model.cell(sheet, r.top, r.left), seed.cells![address], model.locale);
    }
    if (seed.visibility) sheet.visibility = seed.visibility;
    if (seed.protected) sheet.protection = { protected: true, options: {}, password: seed.password || null };
  }

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args[args.length - 1] as (context: FakeRequestContext) => Promise<unknown>;
    if (typeof batch !== 'function') unsupported('Excel.run without a batch function');
    const given = args.length > 1 ? args[0] : null;
    if (given !== null && !(given instanceof FakeRequestContext)) unsupported('Excel.run with objects other than a request context');
    const context = given ? (given as FakeRequestContext) : new FakeRequestContext(model);
    const record: FakeRun = { syncs: 0, operations: 0, requestBytes: [] };
    context.run = record;
    model.runs.push(record);
    const result = await batch(context);
    // Excel.run sends whatever the batch left queued.
    if (context.pending()) await context.sync();
    return result;
  }

  const fake: FakeExcel = {
    Excel: { run },
    requirements: {
      isSetSupported: (name: string, minVersion?: string) => name === 'ExcelApi' && model.supports(minVersion || '1.1'),
    },
    get syncCount() {
      return model.syncCount;
    },
    get runs() {
      return model.runs;
    },
    lastRun: () => model.runs[model.runs.length - 1],
    get usedApis() {
      return model.usedApis;
    },
    resetCounters: () => {
      model.runs = [];
      model.syncCount = 0;
      model.usedApis = [];
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = sheetOf(model, name);
      return {
        id: s.id, name: s.name, visibility: s.visibility, tabColor: s.tabColor, position: model.sheets.indexOf(s),
        columns: JSON.parse(JSON.stringify(s.columns)), rows: JSON.parse(JSON.stringify(s.rows)),
        merges: s.merges.map(rectAddress),
        conditionalFormats: s.conditionalFormats.map((cf) => ({ address: cf.address, type: cf.type, formula: cf.formula, fill: cf.fill, fontColor: cf.fontColor, bold: cf.bold })),
        freeze: s.freeze ? { ...s.freeze } : null,
        protection: { protected: s.protection.protected, options: { ...s.protection.options }, password: s.protection.password },
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)),
        charts: JSON.parse(JSON.stringify(s.charts)),
      };
    },
    cell: (sheetName, address) => {
      const r = parseRect(address);
      const stored = sheetOf(model, sheetName).cells.get(cellKey(r.top, r.left));
      return stored ? copyCell(stored) : emptyCell();
    },
    cells: (sheetName) => {
      const out: Record<string, FakeCell> = {};
      sheetOf(model, sheetName).cells.forEach((cell, key) => {
        out[cellAddress(Math.floor(key / MAX_COLS), key % MAX_COLS)] = copyCell(cell);
      });
      return out;
    },
    activeSheet: () => model.find(model.activeId)!.name,
    selection: () => (model.selection ? { sheet: model.find(model.selection.sheetId)!.name, address: rectAddress(model.selection.rect) } : null),
    setCalculated: (sheetName, address, value) => {
      const r = parseRect(address);
      const cell = sheetOf(model, sheetName).cells.get(cellKey(r.top, r.left));
      if (!cell || cell.formula === null) unsupported(`${address} holds no formula`);
      cell.value = value;
    },
    simulateEdit: async (sheetName, address, input) => {
      const sheet = sheetOf(model, sheetName);
      const rect = parseRect(address);
      if (input !== undefined) {
        // Excel refuses typing into a locked cell of a protected sheet; no change event follows.
        model.guard(sheet, 'content', [rect], 'typing');
        model.eachCell(sheet, [rect], (cell) => typeInto(cell, input, model.locale));
        model.prune(sheet);
      }
      const args = { address: rectAddress(rect), worksheetId: sheet.id, changeType: 'RangeEdited', source: 'Local', type: 'WorksheetChanged' };
      await model.fire(sheet.onChanged.concat(model.workbookOnChanged), args);
    },
    simulateSelection: async (sheetName, address) => {
      if (sheetName === null) {
        model.selection = null;
        return;
      }
      const sheet = sheetOf(model, sheetName);
      const rect = parseRect(address || 'A1');
      model.activeId = sheet.id;
      model.selection = { sheetId: sheet.id, rect };
      const args = { address: rectAddress(rect), worksheetId: sheet.id, type: 'WorksheetSelectionChanged' };
      await model.fire(sheet.onSelectionChanged.concat(model.workbookOnSelectionChanged), args);
    },
    failNextSync: (code) => {
      model.injectedFailure = code;
    },
    rejectCall: (call, opts = {}) => {
      model.rejections.push({ call, nth: opts.nth || 1, always: !!opts.always, code: opts.code || 'InvalidArgument', seen: 0 });
    },
    get calls() {
      return model.callLog;
    },
    get apiEvents() {
      return model.apiEvents;
    },
    get valueReads() {
      return model.valueReads;
    },
    snapshot: () => JSON.stringify({
      active: model.find(model.activeId)!.name,
      sheets: model.sheets.map((s) => ({ state: fake.sheet(s.name), cells: fake.cells(s.name) })),
    }),
  };
  return fake;
}

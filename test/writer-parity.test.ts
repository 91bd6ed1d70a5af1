// One plan, two writers: the cells the Office.js adapter writes (into the recording fake) must equal
// the cells the exceljs writer puts in the .xlsx file: values, formulas, number formats, validation
// and hyperlinks. And one reader: the core's check of either workbook gives the same report.

import ExcelJS from 'exceljs';
// jszip comes with exceljs; the file's validation XML is read directly because exceljs turns a
// decimal rule's cell reference into NaN when it reads one back (exceljs #2181).
import JSZip from 'jszip';
import { defaultSet } from '../src/core/model/bundled';
import { checkWorkbook } from '../src/core/check/check';
import { a1, parseA1 } from '../src/core/model/grid';
import { WorkbookPlan } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { worksheetToGrid } from '../src/adapters/exceljs/read-grid';
import { planToXlsx } from '../src/adapters/exceljs/write';
import { ApiVersion, createFakeExcel, FakeExcel, FakeValidation } from './fake-excel';
import { SHEETS } from '../src/core/model/layout';
import { kindsSet } from './helpers/kinds';

interface ValidationRecord {
  /** The range the rule belongs to: its formulas are relative to that range's top-left cell. */
  range: string;
  type: string;
  formulae: string[];
  operator: string | null;
  allowBlank: boolean;
  prompt: { title: string; text: string } | null;
  error: { title: string; text: string; style: string } | null;
}

/** One cell as both sides can state it. */
interface CellRecord {
  /** The constant; null for a formula (the fake does not calculate, exceljs caches the plan's result). */
  value: string | number | boolean | null;
  formula: string | null;
  numFmt: string;
  link: string | null;
  validation: ValidationRecord | null;
}

type SheetRecords = Record<string, CellRecord>;

function isEmpty(r: CellRecord): boolean {
  return r.value === null && r.formula === null && r.numFmt === 'General' && r.link === null && r.validation === null;
}

function emptyRecord(): CellRecord {
  return { value: null, formula: null, numFmt: 'General', link: null, validation: null };
}

function coveredCells(merges: string[]): Record<string, true> {
  const covered: Record<string, true> = {};
  for (const m of merges) {
    const [from, to] = m.split(':').map((p) => parseA1(p)!);
    for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (r !== from.row || c !== from.col) covered[a1(r, c)] = true;
  }
  return covered;
}

/** Drops empty cells and the cells a merge covers (they hold nothing of their own in either file). */
function tidy(records: SheetRecords, merges: string[]): SheetRecords {
  const covered = coveredCells(merges);
  const out: SheetRecords = {};
  for (const address of Object.keys(records)) if (!covered[address] && !isEmpty(records[address])) out[address] = records[address];
  return out;
}

// ---------------------------------------------------------------------------------------------
// The Office.js side.

const OPERATORS: Record<string, string> = { Between: 'between', GreaterThanOrEqualTo: 'greaterThanOrEqual', LessThanOrEqualTo: 'lessThanOrEqual' };

function officeValidation(v: FakeValidation): ValidationRecord {
  const formula = (f: string | number | null) => (typeof f === 'number' ? String(f) : String(f).replace(/^=/, ''));
  // A list's source is its items ("a,b"), or a reference given as a formula ("='Phân công'!$B$8:$B$27").
  const list = (source: string) => (/^=/.test(source) ? source.slice(1) : '"' + source + '"');
  const formulae = v.type === 'list' ? [list(String(v.formula1))] : [v.formula1, v.formula2].filter((f) => f !== null).map(formula);
  return {
    range: v.range,
    type: v.type,
    formulae,
    operator: v.operator ? OPERATORS[v.operator] : null,
    allowBlank: v.ignoreBlanks,
    prompt: v.prompt && v.prompt.showPrompt ? { title: v.prompt.title, text: v.prompt.message } : null,
    error: v.errorAlert && v.errorAlert.showAlert ? { title: v.errorAlert.title, text: v.errorAlert.message, style: v.errorAlert.style.toLowerCase() } : null,
  };
}

function officeRecords(fake: FakeExcel, sheet: string): SheetRecords {
  const cells = fake.cells(sheet);
  const records: SheetRecords = {};
  for (const address of Object.keys(cells)) {
    const c = cells[address];
    records[address] = {
      value: c.formula !== null ? null : c.value,
      formula: c.formula !== null ? c.formula.replace(/^=/, '') : null,
      numFmt: c.numberFormat,
      link: c.hyperlink ? c.hyperlink.address || null : null,
      validation: c.validation ? officeValidation(c.validation) : null,
    };
  }
  return tidy(records, fake.sheet(sheet).merges);
}

async function writeThroughAdapter(plan: WorkbookPlan, api: ApiVersion): Promise<FakeExcel> {
  const fake = createFakeExcel({ api });
  // The fake covers the part of the Excel namespace the adapter uses, not all of its types.
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
  await port.applyPlan(plan);
  return fake;
}

// ---------------------------------------------------------------------------------------------
// The .xlsx side.

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_m, e: string) => {
    if (e.charAt(0) === '#') return String.fromCharCode(e.charAt(1) === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e];
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const pattern = /([\w:]+)="([^"]*)"/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(tag)) !== null) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/** Each worksheet's XML, by sheet name, following workbook.xml and its relationships. */
async function sheetXmlByName(zip: JSZip): Promise<Record<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets: Record<string, string> = {};
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) || []) {
    const a = attributes(tag);
    targets[a.Id] = a.Target.replace(/^\/?(xl\/)?/, 'xl/');
  }
  const out: Record<string, string> = {};
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) || []) {
    const a = attributes(tag);
    out[a.name] = await zip.file(targets[a['r:id']])!.async('string');
  }
  return out;
}

function xlsxValidations(sheetXml: string): Record<string, ValidationRecord> {
  const out: Record<string, ValidationRecord> = {};
  const pattern = /<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(sheetXml)) !== null) {
    const a = attributes(m[1]);
    const formulae: string[] = [];
    const f = /<formula([12])>([\s\S]*?)<\/formula\1>/g;
    let fm: RegExpExecArray | null;
    while ((fm = f.exec(m[2])) !== null) formulae.push(unescapeXml(fm[2]));
    const type = a.type || 'any';
    for (const range of a.sqref.split(/\s+/)) {
      const [from, to] = range.split(':').map((p) => parseA1(p)!);
      const end = to || from;
      for (let r = from.row; r <= end.row; r++) {
        for (let c = from.col; c <= end.col; c++) {
          out[a1(r, c)] = {
            range,
            type,
            formulae,
            operator: type === 'decimal' ? a.operator || 'between' : null,
            allowBlank: a.allowBlank === '1' || a.allowBlank === 'true',
            prompt: a.showInputMessage === '1' ? { title: a.promptTitle || '', text: a.prompt || '' } : null,
            error: a.showErrorMessage === '1' ? { title: a.errorTitle || '', text: a.error || '', style: a.errorStyle || 'stop' } : null,
          };
        }
      }
    }
  }
  return out;
}

function xlsxValue(cell: ExcelJS.Cell): CellRecord['value'] {
  // A cell a merge covers shows its master's value in exceljs; it holds nothing of its own.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  const v = cell.value;
  // exceljs stores a plan's "" as an empty text cell; Excel, given "", leaves the cell empty.
  if (v === null || v === undefined || v === '' || cell.type === ExcelJS.ValueType.Formula) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
  if ('hyperlink' in o) return String(o.text);
  // A number in a date format comes back as a Date: its serial, as the Office.js side holds it.
  if (v instanceof Date) return Math.round(v.getTime() / 86400000) + 25569;
  throw new Error(`Unexpected value at ${cell.address}: ${JSON.stringify(v)}`);
}

interface XlsxFile {
  workbook: ExcelJS.Workbook;
  records: Record<string, SheetRecords>;
  charts: ChartRecord[];
}

/** Writes the plan with the exceljs writer, then reads the file back. */
/** What both writers state of a chart: its ranges, title, value axis and anchor cells. */
interface ChartRecord {
  title: string;
  categories: string;
  values: string;
  seriesName: string;
  valueMax: number | null;
  from: string;
  to: string;
}

/** The charts of the .xlsx, read from their DrawingML parts and the drawing anchors. */
async function xlsxCharts(bytes: Uint8Array): Promise<ChartRecord[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: ChartRecord[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort()) {
    const xml = await zip.file(name)!.async('string');
    const refs = (xml.match(/<c:f>([^<]*)<\/c:f>/g) || []).map((f) => unescapeXml(f.replace(/<\/?c:f>/g, '')));
    const text = (xml.match(/<a:t>([^<]*)<\/a:t>/) || [])[1];
    const series = (xml.match(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/) || [])[1];
    const max = (xml.match(/<c:max val="([^"]+)"\/>/) || [])[1];
    const drawing = await zip.file(name.replace('charts/chart', 'drawings/drawing'))!.async('string');
    const corner = (tag: string) => {
      const m = new RegExp(`<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row>`).exec(drawing)!;
      return a1(Number(m[2]), Number(m[1]));
    };
    out.push({ title: unescapeXml(text), categories: refs[0], values: refs[1], seriesName: unescapeXml(series), valueMax: max === undefined ? null : Number(max), from: corner('from'), to: corner('to') });
  }
  return out;
}

function officeCharts(fake: FakeExcel, plan: WorkbookPlan): ChartRecord[] {
  const absolute = (ref: string) => ref.replace(/!(\$?)([A-Z]+)(\$?)(\d+)(?::(\$?)([A-Z]+)(\$?)(\d+))?$/, (_m, _a, c1, _b, r1, _c, c2, _d, r2) =>
    `!$${c1}$${r1}` + (c2 ? `:$${c2}$${r2}` : ''));
  return plan.sheets.reduce((all, s) => all.concat(fake.sheet(s.name).charts.map((c) => ({
    title: c.title!, categories: absolute(c.xValues!), values: absolute(c.source), seriesName: c.seriesName!, valueMax: c.valueMax,
    from: c.position!.start, to: c.position!.end,
  }))), [] as ChartRecord[]);
}

async function writeThroughExceljs(plan: WorkbookPlan): Promise<XlsxFile> {
  const bytes = await planToXlsx(plan);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const xml = await sheetXmlByName(await JSZip.loadAsync(bytes));
  const records: Record<string, SheetRecords> = {};
  for (const ws of workbook.worksheets) {
    const sheet: SheetRecords = {};
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        sheet[cell.address] = {
          value: xlsxValue(cell),
          formula: cell.type === ExcelJS.ValueType.Formula ? cell.formula.replace(/^=/, '') : null,
          numFmt: cell.numFmt || 'General',
          link: cell.hyperlink || null,
          validation: null,
        };
      });
    });
    const validations = xlsxValidations(xml[ws.name]);
    for (const address of Object.keys(validations)) (sheet[address] = sheet[address] || emptyRecord()).validation = validations[address];
    const merges = Object.keys((ws as unknown as { _merges: Record<string, { range: string }> })._merges).map(
      (k) => (ws as unknown as { _merges: Record<string, { range: string }> })._merges[k].range);
    records[ws.name] = tidy(sheet, merges);
  }
  return { workbook, records, charts: await xlsxCharts(bytes) };
}

// ---------------------------------------------------------------------------------------------
// Plans.

function defaultPlan(appraisal = false): WorkbookPlan {
  return buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal });
}

/** The default set with an evidence register: link cells with hyperlinks to files and to the web. */
function planWithEvidence(): WorkbookPlan {
  return buildWorkbookPlan({
    set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024,
    evidence: [
      { codes: ['1.1.1'], number: '125/KH-UBND', date: '15/01/2024', summary: 'Kế hoạch CCHC năm 2024', link: 'minh-chung/KH 125.pdf' },
      { codes: ['1.1.1', '1.2.1'], number: '', date: '', summary: 'Ảnh niêm yết', link: 'https://example.gov.vn/tin-tuc?id=1&lang=vi' },
      { codes: ['2.1.1'], number: '07/BC-UBND', date: '01/12/2024', summary: 'Báo cáo', link: '' },
    ],
  });
}

/** Every kind of thing a plan can hold, in one small workbook. */
function richPlan(): WorkbookPlan {
  return {
    sheets: [
      {
        name: 'Thử nghiệm',
        visibility: 'visible',
        columns: [{ width: 12 }, { width: 30 }, { width: 10 }, { width: 10, hidden: true }],
        rowHeights: [{ row: 0, height: 30 }],
        cells: [
          { row: 0, col: 0, value: 'Tiêu đề gộp ô', style: 'title' },
          { row: 0, col: 1, value: null, style: 'title' },
          { row: 1, col: 0, value: '=không phải công thức' },
          { row: 1, col: 1, value: '+84 912 345 678' },
          { row: 1, col: 2, value: '1.1.1' },
          { row: 1, col: 3, value: '0,5', style: 'text' },
          { row: 2, col: 0, value: 0.25, style: 'points' },
          { row: 2, col: 1, formula: 'SUM(A3:A4)', result: 0.25, style: 'points' },
          { row: 2, col: 2, formula: '"="&A2', result: '==không phải công thức' },
          { row: 3, col: 0, value: 'KH 125', hyperlink: 'minh-chung/KH 125.pdf' },
          { row: 3, col: 1, value: null, hyperlink: 'https://example.gov.vn/a?b=1&c=2' },
          { row: 3, col: 2, value: 7, hyperlink: 'https://example.gov.vn/7' },
          { row: 4, col: 0, value: null, style: 'entry' },
          { row: 4, col: 1, value: null, style: 'entry' },
          { row: 4, col: 2, value: null, style: 'entry' },
          { row: 5, col: 3, value: 'ẩn' },
        ],
        merges: ['A1:B1'],
        validations: [
          { range: 'A5', type: 'decimal', min: '0', max: 'C3', allowBlank: true, prompt: { title: 'Điểm', text: 'Từ 0 đến C3' }, error: { title: 'Sai', text: 'Ngoài khoảng' } },
          { range: 'B5', type: 'list', items: ['Có', 'Không', 'KAD'], allowBlank: false, error: { title: 'Sai', text: 'Chọn trong danh sách' } },
          { range: 'C5:C6', type: 'custom', formula: 'OR(C5="KAD",ISNUMBER(C5))', allowBlank: true, error: { title: 'Sai', text: 'Số hoặc KAD' } },
          { range: 'D5', type: 'decimal', min: '0.5', allowBlank: true, error: { title: 'Sai', text: 'Ít nhất 0,5' } },
        ],
        conditionalFormats: [{ ranges: ['A5:A6', 'C5:C6'], formula: 'A5<0', style: { fill: 'FFC7CE', fontColor: '9C0006', bold: true } }],
        freeze: { rows: 1, cols: 0 },
        protect: true,
        print: {
          orientation: 'landscape', paper: 'A4', fitToWidth: false, scale: 85, repeatRows: { from: 0, to: 0 },
          margins: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 }, area: 'A1:C6',
          pageNumbers: { font: 'Times New Roman', size: 13 }, breaks: [3, 5], blackAndWhite: true,
        },
        tabColor: '70AD47',
      },
      {
        name: 'Ẩn',
        visibility: 'veryHidden',
        columns: [{ width: 8 }],
        rowHeights: [],
        cells: [{ row: 0, col: 0, value: 'cchc' }, { row: 1, col: 0, value: 2024 }],
        merges: [],
        validations: [],
        conditionalFormats: [],
        protect: true,
      },
    ],
    styles: {
      title: { font: { name: 'Times New Roman', bold: true, size: 14 }, horizontal: 'center', wrap: true },
      text: { numFmt: '@' },
      points: { numFmt: '0.##;-0.##;0', horizontal: 'center', border: true },
      entry: { fill: 'FFF2CC', locked: false, numFmt: 'General' },
    },
    fullCalcOnLoad: true,
  };
}

const PLANS: Array<[string, () => WorkbookPlan]> = [
  ['the default set', () => defaultPlan()],
  ['the default set with the appraisal columns', () => defaultPlan(true)],
  ['the default set with an evidence register', planWithEvidence],
  ['a hand-made plan of every kind of cell and rule', richPlan],
  // Tỷ lệ / số lượng cells (rates, counts) with their validation; proportional, counted and deduction items,
  // KAD rules and an item scored at appraisal, with the appraisal columns.
  ['a set with every way of scoring a leaf', () => buildWorkbookPlan({
    set: kindsSet(), unit: 'Phường Hoàng Văn Thụ', year: 2025, appraisal: true,
    entries: { '1.2': { values: { figure: 0.93, self: 1.86 } }, '1.4': { values: { figure: 6, self: 1 } } },
  })],
];

function withoutValidation(records: Record<string, SheetRecords>): Record<string, SheetRecords> {
  const out: Record<string, SheetRecords> = {};
  for (const sheet of Object.keys(records)) {
    out[sheet] = {};
    for (const address of Object.keys(records[sheet])) {
      const r = { ...records[sheet][address], validation: null };
      if (!isEmpty(r)) out[sheet][address] = r;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// How the sheets print and look: page setup, page numbers, breaks, fonts and unlocked cells.

interface PrintRecord {
  orientation: string;
  zoom: string;
  titles: string | null;
  /** Millimetres, to a tenth. */
  margins: number[] | null;
  area: string | null;
  header: string | null;
  firstHeaderBlank: boolean;
  breaks: number[];
  blackAndWhite: boolean;
}

const mm = (value: number, unit: 'pt' | 'in') => Math.round((unit === 'pt' ? (value * 25.4) / 72 : value * 25.4) * 10) / 10;

function officePrint(fake: FakeExcel, sheet: string): PrintRecord | null {
  const p = fake.sheet(sheet).pageLayout;
  if (!p.orientation) return null;
  const m = p.margins;
  return {
    orientation: p.orientation.toLowerCase(),
    zoom: p.zoom && p.zoom.scale !== undefined ? 'scale ' + p.zoom.scale : p.zoom ? 'fit width' : 'none',
    titles: p.printTitleRows ? p.printTitleRows.replace(/\$/g, '') : null,
    margins: m ? [m.top, m.bottom, m.left, m.right, m.header, m.footer].map((v) => mm(v, 'pt')) : null,
    area: p.printArea || null,
    header: p.centerHeader || null,
    firstHeaderBlank: p.headerState === 'FirstAndDefault' && p.firstPageCenterHeader === '',
    breaks: p.rowBreaks || [],
    blackAndWhite: !!p.blackAndWhite,
  };
}

async function xlsxPrints(bytes: Uint8Array): Promise<Record<string, PrintRecord | null>> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await sheetXmlByName(zip);
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const names = (workbook.match(/<sheet\b[^>]*>/g) || []).map((t) => attributes(t).name);
  const defined = (name: string, index: number) => {
    const m = new RegExp(`<definedName name="${name}"[^>]*localSheetId="${index}"[^>]*>([^<]*)</definedName>`).exec(workbook);
    return m ? unescapeXml(m[1]).replace(/^.*!/, '').replace(/\$/g, '') : null;
  };
  const out: Record<string, PrintRecord | null> = {};
  names.forEach((name, index) => {
    const sheet = xml[name];
    const setup = /<pageSetup\b([^>]*)\/>/.exec(sheet);
    if (!setup || !/paperSize="9"/.test(setup[1])) {
      out[name] = null;
      return;
    }
    const a = attributes(setup[1]);
    const fit = /<pageSetUpPr[^>]*fitToPage="1"/.test(sheet);
    const margins = /<pageMargins\b([^>]*)\/>/.exec(sheet);
    const m = margins ? attributes(margins[1]) : null;
    const headerFooter = /<headerFooter\b([^>]*)>([\s\S]*?)<\/headerFooter>/.exec(sheet);
    const odd = headerFooter ? /<oddHeader>([^<]*)<\/oddHeader>/.exec(headerFooter[2]) : null;
    const breaks = (/<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(sheet) || ['', ''])[1].match(/<brk\b[^>]*>/g) || [];
    const area = defined('_xlnm.Print_Area', index);
    out[name] = {
      orientation: a.orientation,
      zoom: fit ? 'fit width' : a.scale ? 'scale ' + a.scale : 'none',
      titles: defined('_xlnm.Print_Titles', index),
      margins: m && m.header !== undefined && headerFooter ? [m.top, m.bottom, m.left, m.right, m.header, m.footer].map((v) => mm(Number(v), 'in')) : null,
      area: area && area.indexOf(':') > 0 ? area : null,
      header: odd ? unescapeXml(odd[1]) : null,
      firstHeaderBlank: !!headerFooter && /differentFirst="1"/.test(headerFooter[1]) && !/<firstHeader>[^<]+</.test(headerFooter[2]),
      breaks: breaks.map((b) => Number(attributes(b).id)),
      blackAndWhite: a.blackAndWhite === '1',
    };
  });
  return out;
}

/** Each planned cell's font face and whether it is locked, as the workbook holds them. */
function officeLooks(fake: FakeExcel, plan: WorkbookPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    const covered = coveredCells(sheet.merges);
    for (const cell of sheet.cells) {
      const address = a1(cell.row, cell.col);
      if (covered[address]) continue;
      const f = fake.cell(sheet.name, address).format;
      out[sheet.name + '!' + address] = f.name + (f.locked ? '' : ' unlocked');
    }
  }
  return out;
}

function xlsxLooks(workbook: ExcelJS.Workbook, plan: WorkbookPlan): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sheet of plan.sheets) {
    const ws = workbook.getWorksheet(sheet.name)!;
    const covered = coveredCells(sheet.merges);
    for (const cell of sheet.cells) {
      const address = a1(cell.row, cell.col);
      if (covered[address]) continue;
      const c = ws.getCell(address);
      const locked = !c.protection || c.protection.locked !== false;
      out[sheet.name + '!' + address] = ((c.font && c.font.name) || 'Calibri') + (locked ? '' : ' unlocked');
    }
  }
  return out;
}

describe('both writers print the same pages: setup, margins, page numbers, breaks, fonts and unlocked cells', () => {
  test.each(PLANS)('%s', async (_title, make) => {
    const plan = make();
    const fake = await writeThroughAdapter(plan, '1.13');
    const bytes = await planToXlsx(plan);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const office: Record<string, PrintRecord | null> = {};
    for (const sheet of plan.sheets) office[sheet.name] = officePrint(fake, sheet.name);
    const file = await xlsxPrints(bytes);
    expect(office).toEqual(file);
    // With teeth: every planned print setup is there, with its breaks.
    for (const sheet of plan.sheets) {
      expect(!!office[sheet.name]).toBe(!!sheet.print);
      if (sheet.print) expect(office[sheet.name]!.breaks).toEqual(sheet.print.breaks || []);
    }
    expect(officeLooks(fake, plan)).toEqual(xlsxLooks(workbook, plan));
  });
});

describe('the Office.js adapter and the exceljs writer put the same cells in the workbook', () => {
  test.each(PLANS)('%s', async (_title, make) => {
    const plan = make();
    const fake = await writeThroughAdapter(plan, '1.13');
    const file = await writeThroughExceljs(plan);
    const office: Record<string, SheetRecords> = {};
    for (const sheet of plan.sheets) office[sheet.name] = officeRecords(fake, sheet.name);
    expect(Object.keys(file.records)).toEqual(plan.sheets.map((s) => s.name));
    expect(office).toEqual(file.records);
    // The comparison has teeth: every planned validation and link is in it.
    const counted = (pick: (r: CellRecord) => unknown) =>
      Object.keys(office).reduce((n, s) => n + Object.keys(office[s]).filter((a) => pick(office[s][a])).length, 0);
    expect(counted((r) => r.validation)).toBe(plan.sheets.reduce((n, s) => n + s.validations.reduce((k, v) => k + cellCount(v.range), 0), 0));
    expect(counted((r) => r.link)).toBe(plan.sheets.reduce((n, s) => n + s.cells.filter((c) => c.hyperlink).length, 0));
    // And the same charts: the % achieved per domain on Tổng hợp.
    expect(officeCharts(fake, plan)).toEqual(file.charts);
    expect(file.charts.length).toBe((plan.charts || []).length);
  });

  test.each(PLANS)('%s, on ExcelApi 1.7: the same but for validation', async (_title, make) => {
    const plan = make();
    const fake = await writeThroughAdapter(plan, '1.7');
    const file = await writeThroughExceljs(plan);
    const office: Record<string, SheetRecords> = {};
    for (const sheet of plan.sheets) office[sheet.name] = officeRecords(fake, sheet.name);
    expect(withoutValidation(office)).toEqual(withoutValidation(file.records));
  });
});

function cellCount(range: string): number {
  const [from, to] = range.split(':').map((p) => parseA1(p)!);
  const end = to || from;
  return (end.row - from.row + 1) * (end.col - from.col + 1);
}

describe('one reader: the add-in\'s check and the file\'s check agree', () => {
  test('after the same entries in both workbooks', async () => {
    const plan = defaultPlan();
    const fake = await writeThroughAdapter(plan, '1.13');
    const file = await writeThroughExceljs(plan);
    const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
    const scoring = plan.sheets[0];
    const entryCells = scoring.cells.filter((c) => c.style === 'entryScore').map((c) => a1(c.row, c.col));
    const typed: Array<string | number> = [1, 0.5, '0,5', 'KAD', 99, -1, 'abc'];
    const ws = file.workbook.getWorksheet(SHEETS.scoring)!;
    for (let i = 0; i < typed.length; i++) {
      await fake.simulateEdit(SHEETS.scoring, entryCells[i], typed[i]);
      ws.getCell(entryCells[i]).value = typed[i];
    }
    const names = plan.sheets.map((s) => s.name);
    const fromOffice = checkWorkbook(await port.readGrids(names));
    const fromFile = checkWorkbook({ sheets: file.workbook.worksheets.map(worksheetToGrid) });
    expect(fromOffice.error).toBeNull();
    expect(fromOffice.issues!.length).toBeGreaterThan(typed.length - 3);
    expect(fromOffice).toEqual(fromFile);
  });
});

describe('one plan guard: both writers refuse the same bad plans with the same reason', () => {
  /** A one-sheet plan with `change` applied: each case breaks exactly one rule of the guard. */
  function badPlan(change: (plan: WorkbookPlan) => void): WorkbookPlan {
    const plan: WorkbookPlan = {
      sheets: [{ name: 'Thử', visibility: 'visible', columns: [{ width: 10 }], rowHeights: [], cells: [{ row: 0, col: 0, value: 1, style: 'plain' }], merges: [], validations: [], conditionalFormats: [], protect: false }],
      styles: { plain: {} },
      fullCalcOnLoad: true,
    };
    change(plan);
    return plan;
  }
  const sheet = (plan: WorkbookPlan) => plan.sheets[0];
  const error = { title: 'Sai', text: 'Sai' };
  const CASES: Array<[string, (plan: WorkbookPlan) => void, RegExp]> = [
    ['an unknown style', (p) => (sheet(p).cells[0].style = 'nope'), /unknown style "nope"/],
    ['a formula with a hyperlink', (p) => sheet(p).cells.push({ row: 1, col: 0, formula: 'A1', hyperlink: 'https://example.org' }), /both a formula and a hyperlink/],
    ['a formula over 8,192 characters', (p) => sheet(p).cells.push({ row: 1, col: 0, formula: 'SUM(' + 'A1,'.repeat(3000) + 'A1)' }), /Excel allows 8192/],
    ['a text over 32,767 characters', (p) => sheet(p).cells.push({ row: 1, col: 0, value: 'x'.repeat(32768) }), /Excel allows 32767/],
    ['a number Excel cannot store', (p) => sheet(p).cells.push({ row: 1, col: 0, value: Infinity }), /cannot store/],
    ['no visible sheet', (p) => (sheet(p).visibility = 'hidden'), /no visible sheet/],
    ['a merge that is not a range', (p) => sheet(p).merges.push('A1:'), /not an A1 range/],
    ['a custom validation without formula', (p) => sheet(p).validations.push({ range: 'A1', type: 'custom', allowBlank: true, error }), /custom but has no formula/],
    ['a decimal validation without bounds', (p) => sheet(p).validations.push({ range: 'A1', type: 'decimal', allowBlank: true, error }), /neither min nor max/],
    ['a list item with a comma', (p) => sheet(p).validations.push({ range: 'A1', type: 'list', items: ['a,b'], allowBlank: true, error }), /free of commas/],
    ['an error title over 32 characters', (p) => sheet(p).validations.push({ range: 'A1', type: 'custom', formula: 'A1>0', allowBlank: true, error: { title: 'x'.repeat(33), text: 'Sai' } }), /33 characters; Excel allows 32/],
    ['two validations on one cell', (p) => sheet(p).validations.push(
      { range: 'A1', type: 'custom', formula: 'A1>0', allowBlank: true, error },
      { range: '$A$1', type: 'custom', formula: 'A1<9', allowBlank: true, error }), /two validations/],
    ['a chart on a sheet the plan does not write', (p) => (p.charts = [{ sheet: 'Khác', title: 'T', categories: "'Khác'!$A$1:$A$2", values: "'Khác'!$B$1:$B$2", seriesName: 'S', points: [], from: { row: 0, col: 0 }, to: { row: 5, col: 5 } }]), /does not write/],
  ];

  test.each(CASES)('%s', async (_title, change, reason) => {
    const refusal = async (write: () => Promise<unknown>) => write().then(() => 'written', (e: Error) => e.message);
    const fromFile = await refusal(() => planToXlsx(badPlan(change)));
    const fake = createFakeExcel({ api: '1.13' });
    const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
    const fromOffice = await refusal(() => port.applyPlan(badPlan(change)));
    expect(fromFile).toMatch(reason);
    expect(fromOffice).toBe(fromFile);
    // Refused before anything reached the workbook.
    expect(fake.sheetNames()).not.toContain('Thử');
  });
});

// exceljs's own reading of an .xlsx (lib/xlsx/xlsx.js, XLSX#load, exceljs 4.4.0), fed with the parts
// the zip scan has already inflated and verified (zip-scan.ts) instead of a second unzip through
// JSZip. Each part goes to the same exceljs parser, in the zip's order, and exceljs assembles the
// workbook as it always does (reconcile); only the unzipping is ours, so the file is inflated once and
// exceljs never sees a part the scan did not check. XML parts go to exceljs's XML parsers only when
// the scan checked them as XML. test/load-parts.test.ts holds this reading to exceljs's own on every
// workbook fixture; an exceljs upgrade must keep it green.

import { PassThrough } from 'stream';
import ExcelJS from 'exceljs';
import { VerifiedPart } from './zip-scan';

/* eslint-disable @typescript-eslint/no-require-imports */
// The parsers exceljs's load uses itself; exceljs exports no types for them.
type XformClass = new () => { parseStream(stream: Iterable<string>): Promise<unknown> };
const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as XformClass;
const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as XformClass;
const AppXform = require('exceljs/lib/xlsx/xform/core/app-xform') as XformClass;
const CoreXform = require('exceljs/lib/xlsx/xform/core/core-xform') as XformClass;
/* eslint-enable @typescript-eslint/no-require-imports */

/** The workbook model exceljs builds while loading (plain data until reconcile). */
type LoadModel = Record<string, unknown>;

/** The methods of exceljs's XLSX that its load calls for each part (not in its public types). */
interface XlsxInternals {
  parseRels(stream: Iterable<string>): Promise<unknown>;
  parseWorkbook(stream: Iterable<string>): Promise<Record<string, unknown>>;
  _processWorksheetEntry(stream: Iterable<string>, model: LoadModel, sheetNo: string, options: undefined, path: string): Promise<void>;
  _processWorksheetRelsEntry(stream: Iterable<string>, model: LoadModel, sheetNo: string): Promise<void>;
  _processThemeEntry(stream: NodeJS.ReadableStream, model: LoadModel, name: string): Promise<void>;
  _processMediaEntry(stream: NodeJS.ReadableStream, model: LoadModel, filename: string): Promise<void>;
  _processDrawingEntry(stream: Iterable<string>, model: LoadModel, name: string): Promise<void>;
  _processCommentEntry(stream: Iterable<string>, model: LoadModel, name: string): Promise<void>;
  _processTableEntry(stream: Iterable<string>, model: LoadModel, name: string): Promise<void>;
  _processDrawingRelsEntry(stream: Iterable<string>, model: LoadModel, name: string): Promise<void>;
  _processVmlDrawingEntry(stream: Iterable<string>, model: LoadModel, name: string): Promise<void>;
  reconcile(model: LoadModel, options: undefined): void;
}

/** exceljs hands its parsers text in pieces of this many characters. */
const CHUNK = 16 * 1024;

function chunks(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.substring(i, i + CHUNK));
  return out;
}

function byteStream(data: Buffer): NodeJS.ReadableStream {
  const stream = new PassThrough();
  stream.end(data);
  return stream;
}

/** The parts of a verified zip as one exceljs workbook, exactly as `workbook.xlsx.load` reads the file. */
export async function workbookFromParts(parts: VerifiedPart[]): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const model: LoadModel = {
    worksheets: [], worksheetHash: {}, worksheetRels: [], themes: {}, media: [], mediaIndex: {},
    drawings: {}, drawingRels: {}, comments: {}, tables: {}, vmlDrawings: {},
  };
  for (const part of parts) {
    const name = part.name[0] === '/' ? part.name.substr(1) : part.name;
    if (/xl\/media\//.test(name)) {
      const media = name.match(/xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/);
      if (media) await xlsx._processMediaEntry(byteStream(part.data), model, media[1]);
      continue;
    }
    const theme = name.match(/xl\/theme\/([a-zA-Z0-9]+)[.]xml/);
    if (theme) {
      await xlsx._processThemeEntry(byteStream(part.data), model, theme[1]);
      continue;
    }
    if (part.xml === undefined) continue;
    const text = chunks(part.xml);
    switch (name) {
      case '_rels/.rels':
        model.globalRels = await xlsx.parseRels(text);
        break;
      case 'xl/workbook.xml': {
        const book = await xlsx.parseWorkbook(text);
        model.sheets = book.sheets;
        model.definedNames = book.definedNames;
        model.views = book.views;
        model.properties = book.properties;
        model.calcProperties = book.calcProperties;
        break;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await xlsx.parseRels(text);
        break;
      case 'xl/sharedStrings.xml': {
        const xform = new SharedStringsXform();
        model.sharedStrings = xform;
        await xform.parseStream(text);
        break;
      }
      case 'xl/styles.xml': {
        const xform = new StylesXform();
        model.styles = xform;
        await xform.parseStream(text);
        break;
      }
      case 'docProps/app.xml': {
        const app = (await new AppXform().parseStream(text)) as Record<string, unknown>;
        model.company = app.company;
        model.manager = app.manager;
        break;
      }
      case 'docProps/core.xml':
        Object.assign(model, await new CoreXform().parseStream(text));
        break;
      default:
        await otherPart(xlsx, model, name, text);
    }
  }
  xlsx.reconcile(model, undefined);
  (workbook as unknown as { model: LoadModel }).model = model;
  return workbook;
}

/** The parts exceljs recognises by pattern, in the order its load tries them. */
async function otherPart(xlsx: XlsxInternals, model: LoadModel, name: string, text: string[]): Promise<void> {
  let match = name.match(/xl\/worksheets\/sheet(\d+)[.]xml/);
  if (match) return xlsx._processWorksheetEntry(text, model, match[1], undefined, name);
  match = name.match(/xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/);
  if (match) return xlsx._processWorksheetRelsEntry(text, model, match[1]);
  match = name.match(/xl\/drawings\/([a-zA-Z0-9]+)[.]xml/);
  if (match) return xlsx._processDrawingEntry(text, model, match[1]);
  match = name.match(/xl\/(comments\d+)[.]xml/);
  if (match) return xlsx._processCommentEntry(text, model, match[1]);
  match = name.match(/xl\/tables\/(table\d+)[.]xml/);
  if (match) return xlsx._processTableEntry(text, model, match[1]);
  match = name.match(/xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/);
  if (match) return xlsx._processDrawingRelsEntry(text, model, match[1]);
  match = name.match(/xl\/drawings\/(vmlDrawing\d+)[.]vml/);
  if (match) return xlsx._processVmlDrawingEntry(text, model, match[1]);
}

// The pane's evidence store against the recording fake of Excel, through the real Office.js adapter:
// what the selected row shows, and what adding, editing and removing documents write to Minh chứng.

import { checkWorkbook } from '../src/core/check/check';
import { evidenceCellFormula } from '../src/core/sheets/register/plan';
import { DocumentInput } from '../src/core/features/evidence/input';
import { a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { WorkbookPort } from '../src/core/model/port';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { EvidenceStore, createEvidenceStore } from '../src/taskpane/evidence-store';
import { ApiVersion, FakeExcel, createFakeExcel, FakeLocale } from './fake-excel';
import { smallSet } from './helpers/scoring';
import { EvidenceDoc } from '../src/core/model/entries';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { STYLES } from '../src/core/sheets/styles';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';

const LOCALES: FakeLocale[] = ['en-US', 'vi-VN'];
/** The machine the current block runs on. */
let locale: FakeLocale = 'en-US';

const DOCS: EvidenceDoc[] = [
  { codes: ['1.1.1', '2.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch CCHC', link: 'Minh chung/1.1.1/ke-hoach.pdf' },
  { codes: ['1.1.1'], number: '', date: '', summary: 'Ảnh hội nghị', link: 'https://xa.sharepoint.com/anh.jpg' },
];

const geometry = scoringGeometry(smallSet(), false);
const rowOf = (code: string) => geometry.rowOf[code];
const regCell = (row: number, field: keyof typeof REGISTER_COL) => a1(row, REGISTER_COL[field]);

interface Harness {
  fake: FakeExcel;
  port: WorkbookPort;
  store: EvidenceStore;
}

async function harness(docs: EvidenceDoc[] = DOCS, api: ApiVersion = '1.13'): Promise<Harness> {
  const fake = createFakeExcel({ api, locale });
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements });
  await port.applyPlan(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, evidence: docs }));
  return { fake, port, store: createEvidenceStore(port) };
}

function input(values: Partial<DocumentInput>): DocumentInput {
  return { codes: '', number: '', date: '', summary: '', link: '', ...values };
}

async function leafView(h: Harness, code: string) {
  const view = await h.store.view({ sheet: SHEETS.scoring, address: `B${rowOf(code) + 1}:D${rowOf(code) + 1}` });
  if (view.kind !== 'leaf') throw new Error('not a leaf view: ' + view.kind);
  return view.leaf;
}

async function evidenceCount(h: Harness, code: string): Promise<number | undefined> {
  const grids = await h.port.readGrids(h.fake.sheetNames());
  return checkWorkbook(grids).nodes!.filter((n) => n.code === code)[0].evidence;
}

// Every scenario twice: an en-US machine, and a commune's Windows with the Vietnamese regional format.
describe.each(LOCALES)('%s', (machine) => {
  beforeAll(() => {
    locale = machine;
  });

  describe('what the selected row shows', () => {
    test('a leaf row: its documents, shared ones included, and whether it has a giải trình', async () => {
      const h = await harness();
      const leaf = await leafView(h, '1.1.1');
      expect(leaf).toMatchObject({ code: '1.1.1', name: 'Ban hành kế hoạch', typed: 0, note: '', editable: true });
      expect(leaf.documents.map((d) => d.doc)).toEqual(DOCS);
      expect((await leafView(h, '2.1.1')).documents.map((d) => d.row)).toEqual([REGISTER_FIRST_ROW]);
      expect((await leafView(h, '1.2')).documents).toEqual([]);
    });

    test('a parent row, another sheet, no selection, and a workbook that is not a scoring one', async () => {
      const h = await harness();
      expect(await h.store.view({ sheet: SHEETS.scoring, address: `E${rowOf('1.1') + 1}` })).toEqual({ kind: 'parent', code: '1.1', name: 'Kế hoạch CCHC' });
      expect(await h.store.view({ sheet: SHEETS.summary, address: 'A12' })).toEqual({ kind: 'elsewhere' });
      expect(await h.store.view({ sheet: SHEETS.scoring, address: 'A2' })).toEqual({ kind: 'elsewhere' });
      expect(await h.store.view(null)).toEqual({ kind: 'elsewhere' });
      const empty = createFakeExcel({ locale });
      const store = createEvidenceStore(createExcelPort({ Excel: empty.Excel as unknown as ExcelHost, requirements: empty.requirements }));
      expect(await store.view({ sheet: 'Sheet1', address: 'A1' })).toEqual({ kind: 'elsewhere' });
    });

    test('a whole-row selection shows the row’s leaf', async () => {
      const h = await harness();
      const view = await h.store.view({ sheet: SHEETS.scoring, address: `${rowOf('2.1.1') + 1}:${rowOf('2.1.1') + 1}` });
      expect(view.kind === 'leaf' && view.leaf.code).toBe('2.1.1');
    });
  });

  describe('adding, editing and removing documents', () => {
    test('add writes the next free register row, as text, with a working hyperlink', async () => {
      const h = await harness();
      const result = await h.store.add('1.2', input({ codes: '1.2', number: 'Số 7 / TB-UBND', date: '5/1/2024', summary: 'Thông báo kết quả', link: 'Minh chung\\1.2 Bao cao\\tb.pdf' }));
      expect(result).toEqual({ ok: true });
      const row = REGISTER_FIRST_ROW + 2;
      const cell = (field: keyof typeof REGISTER_COL) => h.fake.cell(SHEETS.evidence, regCell(row, field));
      expect(cell('codes').value).toBe('1.2');
      expect(cell('number').value).toBe('7/TB-UBND');
      expect(cell('date').value).toBe('05/01/2024');
      expect(cell('link').value).toBe('Minh chung\\1.2 Bao cao\\tb.pdf');
      expect(cell('link').hyperlink).toMatchObject({ address: 'Minh chung\\1.2 Bao cao\\tb.pdf' });
      expect((await leafView(h, '1.2')).documents.map((d) => d.doc.number)).toEqual(['7/TB-UBND']);
      expect(await evidenceCount(h, '1.2')).toBe(1);
    });

    test('the guard refuses bad numbers, dates, codes and unsafe links, and writes nothing', async () => {
      const h = await harness();
      const before = JSON.stringify(h.fake.cells(SHEETS.evidence));
      const result = await h.store.add('1.2', input({ codes: '1.1; 9.9', number: '125/kh-ubnd', date: '31/02/2024', link: 'javascript:alert(1)' }));
      if (result.ok) throw new Error('accepted');
      expect(result.problems.map((p) => p.field)).toEqual(['codes', 'codes', 'number', 'date', 'link']);
      expect(result.problems[4].message.vi).toMatch(/"javascript:" không an toàn/);
      expect(JSON.stringify(h.fake.cells(SHEETS.evidence))).toBe(before);

      const data = await h.store.add('1.2', input({ codes: '1.2', summary: 'x', link: 'data:text/html;base64,PHNjcmlwdD4=' }));
      expect(!data.ok && data.problems.map((p) => p.field)).toEqual(['link']);
      const nothing = await h.store.add('1.2', input({ codes: '1.2' }));
      expect(!nothing.ok && nothing.problems.map((p) => p.field)).toEqual(['summary']);
    });

    test('edit rewrites the row; a row changed meanwhile is refused', async () => {
      const h = await harness();
      const [first] = (await leafView(h, '1.1.1')).documents;
      expect(await h.store.update(first.row, first.doc, input({ codes: '1.1.1; 2.1.1; 1.2', number: '125/KH-UBND', date: '21/12/2023', summary: 'Kế hoạch CCHC năm 2024', link: first.doc.link }))).toEqual({ ok: true });
      expect(h.fake.cell(SHEETS.evidence, regCell(first.row, 'date')).value).toBe('21/12/2023');
      expect(await evidenceCount(h, '1.2')).toBe(1);

      const [current] = (await leafView(h, '1.1.1')).documents;
      await h.fake.simulateEdit(SHEETS.evidence, regCell(current.row, 'summary'), 'Sửa trong Excel');
      await expect(h.store.update(current.row, current.doc, input({ codes: '1.1.1', summary: 'x' }))).rejects.toMatchObject({ reason: 'register-changed' });
      await expect(h.store.remove('1.1.1', current.row, current.doc)).rejects.toMatchObject({ reason: 'register-changed' });
    });

    test('edit keeps the words a link cell shows over its hyperlink while the link stays; a new link shows itself', async () => {
      const labelled: EvidenceDoc = { codes: ['1.2'], number: '07/BC-UBND', date: '', summary: 'Báo cáo', link: 'Minh chung/bc.pdf', linkText: 'Báo cáo năm' };
      const h = await harness([labelled]);
      const [doc] = (await leafView(h, '1.2')).documents;
      expect([doc.doc.link, doc.doc.linkText]).toEqual(['Minh chung/bc.pdf', 'Báo cáo năm']);
      const link = () => h.fake.cell(SHEETS.evidence, regCell(doc.row, 'link'));
      expect(await h.store.update(doc.row, doc.doc, input({ codes: '1.2', number: '07/BC-UBND', summary: 'Báo cáo sửa', link: doc.doc.link }))).toEqual({ ok: true });
      expect(link()).toMatchObject({ value: 'Báo cáo năm', hyperlink: { address: 'Minh chung/bc.pdf', textToDisplay: 'Báo cáo năm' } });
      const [edited] = (await leafView(h, '1.2')).documents;
      expect(await h.store.update(edited.row, edited.doc, input({ codes: '1.2', summary: 'Báo cáo sửa', link: 'Minh chung/moi.pdf' }))).toEqual({ ok: true });
      expect(link()).toMatchObject({ value: 'Minh chung/moi.pdf', hyperlink: { address: 'Minh chung/moi.pdf', textToDisplay: 'Minh chung/moi.pdf' } });
    });

    test('remove unlinks a shared document and deletes a document of one criterion; add reuses the freed row', async () => {
      const h = await harness();
      const [shared, own] = (await leafView(h, '1.1.1')).documents;
      await h.store.remove('2.1.1', shared.row, shared.doc);
      expect(h.fake.cell(SHEETS.evidence, regCell(shared.row, 'codes')).value).toBe('1.1.1');
      expect(await evidenceCount(h, '2.1.1')).toBe(0);
      expect(await evidenceCount(h, '1.1.1')).toBe(2);

      await h.store.remove('1.1.1', own.row, own.doc);
      const link = h.fake.cell(SHEETS.evidence, regCell(own.row, 'link'));
      expect([h.fake.cell(SHEETS.evidence, regCell(own.row, 'summary')).value, link.value, link.hyperlink]).toEqual([null, null, null]);
      expect(await evidenceCount(h, '1.1.1')).toBe(1);

      expect(await h.store.add('2.1.2', input({ codes: '2.1.2', summary: 'Báo cáo DVC' }))).toEqual({ ok: true });
      expect(h.fake.cell(SHEETS.evidence, regCell(own.row, 'codes')).value).toBe('2.1.2');
    });

    test('the figures behind a score go in the Số liệu cụ thể column, as text (12/12 would turn into a date), and show in the Tài liệu kiểm chứng cell', async () => {
      const h = await harness();
      const figures = '12/12 cuộc họp; 98,5% hồ sơ đúng hạn';
      expect(await h.store.add('1.2', input({ codes: '1.2', number: '07/BC-UBND', summary: 'Báo cáo', figures }))).toEqual({ ok: true });
      const row = REGISTER_FIRST_ROW + 2;
      expect(h.fake.cell(SHEETS.evidence, regCell(row, 'figures'))).toMatchObject({ value: figures, numberFormat: '@' });
      const leaf = await leafView(h, '1.2');
      expect([leaf.figures, leaf.documents.map((d) => d.doc.figures)]).toEqual([true, [figures]]);
      const [doc] = leaf.documents;
      expect(await h.store.update(doc.row, doc.doc, input({ codes: '1.2', number: '07/BC-UBND', summary: 'Báo cáo', figures: ' 11/12   cuộc họp ' }))).toEqual({ ok: true });
      expect(h.fake.cell(SHEETS.evidence, regCell(row, 'figures')).value).toBe('11/12 cuộc họp');
      const tooLong = await h.store.add('1.2', input({ codes: '1.2', summary: 'x', figures: 'x'.repeat(256) }));
      expect(!tooLong.ok && tooLong.problems.map((p) => [p.field, p.message.vi.slice(0, 30)])).toEqual([['figures', 'Số liệu dài quá 255 ký tự: ghi']]);
    });

    test('an older host (ExcelApi 1.7) adds documents the same way', async () => {
      const h = await harness(DOCS, '1.7');
      expect(await h.store.add('1.2', input({ codes: '1.2', summary: 'Biên bản', link: '\\\\may-chu\\CCHC\\bb.pdf' }))).toEqual({ ok: true });
      expect((await leafView(h, '1.2')).documents.map((d) => d.doc.link)).toEqual(['\\\\may-chu\\CCHC\\bb.pdf']);
    });
  });

  describe('workbooks the pane cannot add to', () => {
    test('a workbook made before the register shows typed evidence and explains how to get the register', async () => {
      const h = await harness([]);
      await h.port.deleteSheet(SHEETS.evidence);
      const cell = a1(rowOf('1.2'), geometry.layout.col.evidence!);
      await h.port.writeCells(SHEETS.scoring, [{ row: rowOf('1.2'), col: geometry.layout.col.evidence!, value: 'Báo cáo 01/BC-UBND\nBáo cáo 02/BC-UBND', style: 'entryText' }], STYLES);
      expect(h.fake.cell(SHEETS.scoring, cell).formula).toBeNull();
      expect(await leafView(h, '1.2')).toMatchObject({ typed: 2, editable: false, documents: [] });
      await expect(h.store.add('1.2', input({ codes: '1.2', summary: 'x' }))).rejects.toMatchObject({ reason: 'no-register' });
    });

    test('a full register says to insert rows', async () => {
      const h = await harness();
      // Formulas that cover only the two rows already used.
      const range = { first: REGISTER_FIRST_ROW, last: REGISTER_FIRST_ROW + 1 };
      const leaves = geometry.nodeRows.filter((r) => r.flat.leaf);
      await h.port.writeCells(SHEETS.scoring, leaves.map((r) => ({ row: r.row, col: geometry.layout.col.evidence!, formula: evidenceCellFormula(r.flat.code, range), style: 'evidenceCell' })), STYLES);
      await expect(h.store.add('1.2', input({ codes: '1.2', summary: 'x' }))).rejects.toMatchObject({ reason: 'register-full' });
    });
  });
});

// The pane's Phân công against the recording fake of Excel, through the real Office.js adapter: the
// rows of a selection, assigning them and a whole domain (the core's rule), a new name joining the list,
// progress read back; the pane's own rebuilds (appraisal column, criteria update) keep the list and every
// assignment; a workbook made before the assignment gains it, everything entered kept.

import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { WorkbookPort } from '../src/core/model/port';
import { SHEETS } from '../src/core/model/layout';
import { a1 } from '../src/core/model/grid';
import { serialOfDay } from '../src/core/model/dates';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { readScoring } from '../src/core/sheets/scoring/read';
import { readAssignment } from '../src/core/sheets/assignment/read';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { createAssignStore, selectedRows } from '../src/taskpane/assign-store';
import { addAppraisalColumn } from '../src/taskpane/appraisal';
import { upgradeCriteriaSet } from '../src/taskpane/upgrade';
import { readOurSheets } from '../src/taskpane/our-sheets';
import { createFakeExcel, FakeExcel } from './fake-excel';
import { smallSet } from './helpers/scoring';

interface Harness {
  fake: FakeExcel;
  port: WorkbookPort;
}

async function harness(): Promise<Harness> {
  const fake = createFakeExcel({ api: '1.13' });
  const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements, quietAfterMs: 0 });
  await port.applyPlan(buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024 }));
  return { fake, port };
}

const g = scoringGeometry(smallSet(), false);
const at = (code: string, role: 'owner' | 'due' | 'self') => a1(g.rowOf[code], g.layout.col[role]!);

async function assignments(port: WorkbookPort): Promise<Record<string, unknown>> {
  const { entries } = extractEntries(readScoring((await readOurSheets(port)).grids));
  const out: Record<string, unknown> = {};
  for (const code of Object.keys(entries)) if (entries[code].values.owner !== undefined) out[code] = entries[code].values.owner;
  return out;
}

describe('the rows of a selection', () => {
  test.each([
    { address: 'B11', rows: [10] },
    { address: 'B11:D13', rows: [10, 11, 12] },
    { address: '11:12', rows: [10, 11] },
    { address: "'Chấm điểm'!B11:B12,'Chấm điểm'!E15", rows: [10, 11, 14] },
    { address: 'B11:B12;E15', rows: [10, 11, 14] },
    { address: 'A:A', rows: [] },
  ])('$address', ({ address, rows }) => {
    expect(selectedRows(address)).toEqual(rows);
  });
});

describe('Phân công in the pane', () => {
  test('assigns the selected rows and a domain; a new name joins the list; progress follows', async () => {
    const h = await harness();
    const store = createAssignStore(h.port);
    const state = await store.state();
    expect(state).toMatchObject({ ready: true, commonDue: '25/11/2024' });
    expect(state.domains.map((d) => d.code)).toEqual(['1', '2']);

    await h.fake.simulateSelection(SHEETS.scoring, `B${g.rowOf['1.1.1'] + 1}:C${g.rowOf['1.1.2'] + 1}`);
    expect(await store.assignSelection('Văn phòng - Thống kê', '20/11/2024')).toEqual({ codes: ['1.1.1', '1.1.2'], items: 2, added: false });
    expect(h.fake.cell(SHEETS.scoring, at('1.1.1', 'owner')).value).toBe('Văn phòng - Thống kê');
    expect(h.fake.cell(SHEETS.scoring, at('1.1.2', 'due')).value).toBe(serialOfDay({ year: 2024, month: 11, day: 20 }));

    expect(await store.assignCodes(['2'], 'Nguyễn Thị Hoa')).toEqual({ codes: ['2'], items: 2, added: true });
    const list = readAssignment((await readOurSheets(h.port)).grids)!;
    expect(list.people.map((p) => p.name).slice(-1)).toEqual(['Nguyễn Thị Hoa']);
    // Assigning domain 1 gives it everything below: the rows given to the Văn phòng give way.
    await store.assignCodes(['1'], 'Tư pháp - Hộ tịch');
    expect(await assignments(h.port)).toEqual({ '1': 'Tư pháp - Hộ tịch', '2': 'Nguyễn Thị Hoa' });

    await h.fake.simulateEdit(SHEETS.scoring, at('2.1.1', 'self'), 0.5);
    const p = await store.progress({ year: 2024, month: 11, day: 26 });
    const hoa = p.report.people.filter((x) => x.name === 'Nguyễn Thị Hoa')[0];
    expect(hoa).toEqual({ name: 'Nguyễn Thị Hoa', items: 2, scored: 1, evidenced: 0, overdue: ['2.1.1', '2.1.2'] });
    expect(p.items.filter((i) => i.owner === 'Nguyễn Thị Hoa').map((i) => i.cell)).toEqual([at('2.1.1', 'self'), at('2.1.2', 'self')]);
  });

  test('a selection elsewhere, or no name: refused with what to do, nothing written', async () => {
    const h = await harness();
    const store = createAssignStore(h.port);
    await h.fake.simulateSelection(SHEETS.summary, 'A1');
    await expect(store.assignSelection('Văn phòng - Thống kê')).rejects.toMatchObject({ userMessage: { vi: expect.stringMatching(/^Chưa chọn dòng nào của trang Chấm điểm/) } });
    await expect(store.assignCodes(['9'], 'A')).rejects.toMatchObject({ userMessage: { vi: expect.stringMatching(/không có mã 9/) } });
    expect(await assignments(h.port)).toEqual({});
  });

  test('the pane\'s rebuilds keep the list and every assignment', async () => {
    const h = await harness();
    const store = createAssignStore(h.port);
    await store.assignCodes(['1.1'], 'Lê Văn Cường', '15/11/2024');
    await store.assignCodes(['2'], 'Tư pháp - Hộ tịch');
    await addAppraisalColumn(h.port);
    expect(await assignments(h.port)).toEqual({ '1.1': 'Lê Văn Cường', '2': 'Tư pháp - Hộ tịch' });
    const read = readScoring((await readOurSheets(h.port)).grids);
    expect(read.assignment!.people.map((p) => p.name)).toContain('Lê Văn Cường');
    await upgradeCriteriaSet(h.port, { ...smallSet(), id: 'test-set-2', title: 'Bộ sửa đổi' });
    expect(await assignments(h.port)).toEqual({ '1.1': 'Lê Văn Cường', '2': 'Tư pháp - Hộ tịch' });
  });

  test('a workbook made before the assignment is not ready, and gains it by the pane\'s rebuild with its own set', async () => {
    const fake = createFakeExcel({ api: '1.13' });
    const port = createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements, quietAfterMs: 0 });
    const plan = buildWorkbookPlan({ set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, entries: { '1.1.1': { values: { self: 1 } } } });
    // The older layout: no Phân công sheet, nothing right of Mã.
    plan.sheets = plan.sheets.filter((s) => s.name !== SHEETS.assignment);
    const scoring = plan.sheets[0];
    scoring.cells = scoring.cells.filter((c) => c.col < g.layout.col.owner!);
    scoring.validations = scoring.validations.filter((v) => v.type === 'custom');
    scoring.columns = scoring.columns.slice(0, g.layout.col.owner!);
    await port.applyPlan(plan);
    const store = createAssignStore(port);
    expect((await store.state()).ready).toBe(false);
    await expect(store.assignCodes(['1'], 'A')).rejects.toMatchObject({ userMessage: { vi: expect.stringMatching(/trước khi có phân công/) } });
    await upgradeCriteriaSet(port, readScoring((await readOurSheets(port)).grids).meta.set);
    expect((await store.state()).ready).toBe(true);
    expect(fake.cell(SHEETS.scoring, at('1.1.1', 'self')).value).toBe(1);
  });
});

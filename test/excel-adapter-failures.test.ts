// All or nothing, against a fake told to refuse one call at a time, as Excel refuses one bad argument
// (the calls before it in the request stay done): every call a build, a rebuild or an evidence write
// makes is refused in turn. Essential calls leave the workbook exactly as it was, with a message that
// says so; presentation calls (indentation, frozen panes, tab colour, print setup, charts) are left
// out and named, the rest of the workbook complete. And the add-in's own writes never reach its
// change handlers.

import { defaultSet } from '../src/core/model/bundled';
import { UserError } from '../src/core/model/errors';
import { DegradedStep, PlanWriteResult, WorkbookPort } from '../src/core/model/port';
import { WorkbookPlan } from '../src/core/model/plan';
import { registerRowCells } from '../src/core/sheets/register/plan';
import { STYLES } from '../src/core/sheets/styles';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { SHEETS } from '../src/core/model/layout';
import { a1 } from '../src/core/model/grid';
import { createExcelPort } from '../src/adapters/officejs/port';
import { ExcelHost } from '../src/adapters/officejs/run';
import { ApiVersion, FakeExcel, FakeExcelOptions, createFakeExcel } from './fake-excel';

interface Harness {
  fake: FakeExcel;
  port: WorkbookPort;
}

function harness(options: FakeExcelOptions = {}, quietAfterMs?: number): Harness {
  const fake = createFakeExcel(options);
  return { fake, port: createExcelPort({ Excel: fake.Excel as unknown as ExcelHost, requirements: fake.requirements, quietAfterMs }) };
}

function plan(appraisal = false): WorkbookPlan {
  return buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal });
}

/** Calls that only present the workbook, by the step they belong to. */
function cosmeticStep(call: string): DegradedStep['step'] | null {
  if (call === 'RangeFormat.indentLevel') return 'indent';
  if (/^FreezePanes\./.test(call)) return 'freeze';
  if (call === 'Worksheet.tabColor') return 'tabColor';
  if (/^PageLayout\./.test(call)) return 'print';
  if (call === 'Charts.add' || /^Chart\./.test(call)) return 'charts';
  return null;
}

function distinct(calls: string[]): string[] {
  return calls.filter((c, i) => calls.indexOf(c) === i);
}

/** A workbook built, then scored by typing, and a sheet of the commune's own moved to the front. */
async function scoredWorkbook(api: ApiVersion): Promise<Harness> {
  const h = harness({ api, sheets: [{ name: 'Sheet1' }, { name: 'Ghi chép', cells: { A1: 'của xã' } }] });
  await h.port.applyPlan(plan());
  const g = scoringGeometry(defaultSet(), false);
  const leaves = g.nodeRows.filter((r) => r.flat.leaf);
  await h.fake.simulateEdit(SHEETS.scoring, a1(leaves[0].row, g.layout.col.self!), 1);
  await h.fake.simulateEdit(SHEETS.scoring, a1(leaves[1].row, g.layout.col.note!), 'Báo cáo 12/BC-UBND');
  await h.fake.Excel.run(async (context: Excel.RequestContext) => {
    context.workbook.worksheets.getItem('Ghi chép').position = 0;
  });
  return h;
}

/** The calls an operation makes, learnt by running it once on a fresh copy. */
async function callsOf(make: () => Promise<Harness>, operation: (h: Harness) => Promise<unknown>): Promise<string[]> {
  const h = await make();
  const from = h.fake.calls.length;
  await operation(h);
  return distinct(h.fake.calls.slice(from));
}

async function refuseEachCall(make: () => Promise<Harness>, operation: (h: Harness) => Promise<PlanWriteResult | void>, complete: (h: Harness) => void): Promise<string[]> {
  const calls = await callsOf(make, operation);
  const seen: string[] = [];
  for (const call of calls) {
    const h = await make();
    const before = h.fake.snapshot();
    const step = cosmeticStep(call);
    // A presentation argument Excel refuses, it refuses every time; an essential call is refused once,
    // so that putting things back can use it again.
    h.fake.rejectCall(call, { always: !!step });
    const outcome = await operation(h).then((result) => ({ result }), (error: unknown) => ({ error }));
    if ('error' in outcome) {
      // An essential call: nothing changed, and the message says so.
      expect([call, step]).toEqual([call, null]);
      expect(outcome.error).toBeInstanceOf(UserError);
      expect((outcome.error as UserError).userMessage.vi).toContain('Sổ làm việc vẫn giữ nguyên như trước khi bấm.');
      expect((outcome.error as UserError).userMessage.en).toContain('The workbook was left as it was before.');
      expect([call, h.fake.snapshot()]).toEqual([call, before]);
      seen.push(call + ': undone');
    } else {
      // A presentation call is left out and named; a failure after the old sheets began to go finishes.
      const degraded = outcome.result ? outcome.result.degraded : [];
      expect([call, degraded.map((d) => d.step)]).toEqual([call, step ? [step] : []]);
      complete(h);
      seen.push(call + (step ? ': left out' : ': finished'));
    }
  }
  return seen;
}

describe('a build is all or nothing', () => {
  test.each(['1.7', '1.13'] as ApiVersion[])('ExcelApi %s: a rebuild over a scored workbook, each call refused in turn', async (api) => {
    const p = plan(true);
    const seen = await refuseEachCall(() => scoredWorkbook(api), (h) => h.port.applyPlan(p), (h) => {
      expect(h.fake.sheetNames()).toEqual(['Ghi chép', 'Sheet1'].concat(p.sheets.map((s) => s.name)));
      expect(h.fake.cell('Ghi chép', 'A1').value).toBe('của xã');
      expect(h.fake.sheet(SHEETS.scoring).protection.protected).toBe(true);
      const g = scoringGeometry(defaultSet(), true);
      expect(h.fake.cell(SHEETS.scoring, a1(g.headerRow, g.layout.col.appraisal!)).value).toBe('Điểm thẩm định');
    });
    // Every kind of call was met: sheets added and renamed aside, cells written, formats, protection,
    // old sheets deleted, and the presentation steps.
    const undone = seen.filter((s) => /undone$/.test(s)).map((s) => s.split(':')[0]);
    expect(undone).toEqual(expect.arrayContaining(['Worksheets.add', 'Worksheet.name', 'Range.formulas', 'Range.numberFormat', 'WorksheetProtection.protect', 'Worksheet.delete', 'Worksheet.visibility']));
    const leftOut = seen.filter((s) => /left out$/.test(s)).map((s) => cosmeticStep(s.split(':')[0]));
    expect(distinct(leftOut as string[]).sort()).toEqual(api === '1.7' ? ['charts', 'freeze', 'tabColor'] : ['charts', 'freeze', 'indent', 'print', 'tabColor']);
  }, 60000);

  test('a first build on a workbook of the commune\'s own: refused, it leaves only what was there', async () => {
    const p = plan();
    await refuseEachCall(async () => harness({ sheets: [{ name: 'Sheet1', cells: { B2: 'x' } }] }), (h) => h.port.applyPlan(p), (h) => {
      expect(h.fake.sheetNames()).toEqual(['Sheet1'].concat(p.sheets.map((s) => s.name)));
    });
  }, 60000);

  test('when putting things back is refused too, the message says where the old sheets are', async () => {
    const h = await scoredWorkbook('1.13');
    h.fake.rejectCall('Range.formulas');
    h.fake.rejectCall('Worksheet.delete');
    const error = await h.port.applyPlan(plan()).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.userMessage.vi).toContain(`Bản cũ vẫn còn nguyên dưới tên "~${SHEETS.scoring}" → "${SHEETS.scoring}"`);
    expect(h.fake.sheetNames()).toEqual(expect.arrayContaining([`~${SHEETS.scoring}`, `~${SHEETS.summary}`]));
  });

  test('a sheet protected with a password is left alone, and the pane is told to unprotect it', async () => {
    const h = harness({ sheets: [{ name: 'Sheet1' }, { name: SHEETS.scoring, protected: true, password: 'bí mật', cells: { A1: 'cũ' } }] });
    const before = h.fake.snapshot();
    const error = await h.port.applyPlan(plan()).catch((e) => e);
    expect(error.reason).toBe('excel-protected');
    expect(error.userMessage.vi).toMatch(/Bỏ bảo vệ trang tính.*Sổ làm việc vẫn giữ nguyên/);
    expect(h.fake.snapshot()).toBe(before);
  });

  test('sheets named in `remove` go in the same step, and only when everything else is written', async () => {
    const h = harness({ sheets: [{ name: 'Sheet1' }, { name: 'Chấm điểm 2024', cells: { A1: 'bảng cũ' } }] });
    h.fake.rejectCall('WorksheetProtection.protect');
    await expect(h.port.applyPlan(plan(), { remove: ['Chấm điểm 2024'] })).rejects.toBeInstanceOf(UserError);
    expect(h.fake.sheetNames()).toEqual(['Sheet1', 'Chấm điểm 2024']);
    await h.port.applyPlan(plan(), { remove: ['Chấm điểm 2024'] });
    expect(h.fake.sheetNames()).toEqual(['Sheet1'].concat(plan().sheets.map((s) => s.name)));
  });
});

describe('an evidence write is all or nothing', () => {
  const doc = { codes: ['1.1.1'], number: '125/KH-UBND', date: '20/12/2023', summary: 'Kế hoạch', link: 'Minh chung\\1.1.1\\KH 125.pdf' };
  const registerRow = (h: Harness, row: number) => {
    const cells = h.fake.cells(SHEETS.evidence);
    return Object.keys(cells).filter((a) => Number(/\d+$/.exec(a)![0]) === row + 1).map((a) => [a, cells[a]]);
  };

  test.each(['1.7', '1.13'] as ApiVersion[])('ExcelApi %s: each call refused in turn leaves the row and the protection as they were', async (api) => {
    const make = async () => {
      const h = harness({ api });
      await h.port.applyPlan(plan());
      await h.port.writeCells(SHEETS.evidence, registerRowCells(5, { ...doc, number: '1/KH-UBND' }), STYLES);
      // The register is left unprotected; a commune may protect it all the same.
      await h.fake.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem(SHEETS.evidence).protection.protect({ allowFormatColumns: true });
      });
      return h;
    };
    const write = (h: Harness) => h.port.writeCells(SHEETS.evidence, registerRowCells(5, doc), STYLES);
    const calls = await callsOf(make, write);
    expect(calls).toEqual(expect.arrayContaining(['WorksheetProtection.unprotect', 'Range.formulas', 'Range.hyperlink', 'WorksheetProtection.protect']));
    for (const call of calls) {
      const h = await make();
      const before = h.fake.snapshot();
      const row = registerRow(h, 5);
      h.fake.rejectCall(call);
      const error = await write(h).catch((e) => e);
      expect([call, error instanceof UserError && error.userMessage.vi.indexOf('Sổ làm việc vẫn giữ nguyên') >= 0]).toEqual([call, true]);
      expect([call, registerRow(h, 5)]).toEqual([call, row]);
      expect([call, h.fake.sheet(SHEETS.evidence).protection]).toEqual([call, { protected: true, options: { allowFormatColumns: true }, password: null }]);
      expect([call, h.fake.snapshot()]).toEqual([call, before]);
    }
  });
});

describe('the add-in\'s own writes do not wake its change handlers', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test('ExcelApi 1.8+: events are off while writing, so Excel raises none; a person\'s edit still comes through', async () => {
    const h = harness({ api: '1.13' });
    const edits: string[] = [];
    await h.port.onEdit((e) => edits.push(e.sheet + '!' + e.address));
    await h.port.applyPlan(plan());
    await h.port.writeCells(SHEETS.evidence, registerRowCells(4, { codes: ['1.1.1'], number: '1/KH', date: '', summary: '', link: '' }), STYLES);
    await wait(20);
    expect(h.fake.apiEvents).toBe(0);
    expect(edits).toEqual([]);
    await h.fake.simulateEdit(SHEETS.scoring, 'E11', 1);
    expect(edits).toEqual([`${SHEETS.scoring}!E11`]);
  });

  test('ExcelApi 1.7: Excel raises them, and the port drops those on the sheets it wrote, for a moment after', async () => {
    const h = harness({ api: '1.7' }, 50);
    const edits: string[] = [];
    await h.port.onEdit((e) => edits.push(e.sheet + '!' + e.address));
    await h.port.applyPlan(plan());
    await wait(20);
    expect(h.fake.apiEvents).toBeGreaterThan(0);
    // Before ExcelApi 1.9 events are per sheet: listen to the new ones too, as the pane does.
    await h.port.onEdit((e) => edits.push(e.sheet + '!' + e.address));
    await wait(60);
    const raised = h.fake.apiEvents;
    await h.port.writeCells(SHEETS.evidence, registerRowCells(4, { codes: ['1.1.1'], number: '1/KH', date: '', summary: '', link: '' }), STYLES);
    await wait(20);
    expect(h.fake.apiEvents).toBeGreaterThan(raised);
    expect(edits).toEqual([]);
    await wait(60);
    await h.fake.simulateEdit(SHEETS.scoring, 'E11', 1);
    await h.fake.simulateEdit('Sheet1', 'A1', 'x');
    expect(edits).toEqual([`${SHEETS.scoring}!E11`, 'Sheet1!A1', 'Sheet1!A1']);
  });
});

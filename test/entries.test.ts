import { checkWorkbook } from '../src/core/check/check';
import { planToGrids } from '../src/core/model/plan';
import { readScoring } from '../src/core/sheets/scoring/read';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { builtGrids, enter, SMALL_SET_RAW } from './helpers/scoring';
import { extractEntries } from '../src/core/sheets/scoring/entries';
import { placeEntries } from '../src/core/features/upgrade';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

describe('carrying entries into a rebuilt workbook', () => {
  test('every entry lands on its code; totals are recomputed', () => {
    const b = enter(builtGrids(), { '1.1.1': 1, '1.1.2': 0.5, '1.2': 'KAD', '2.1.1': 0.5, '2.1.2': 1 });
    b.sheet.values[b.rowOf['1.1.1']][b.col.note!] = 'Kế hoạch 12/KH-UBND';
    const read = readScoring(b.grids);
    const { entries, unknownRows } = extractEntries(read);
    const placed = placeEntries(read.meta.set, entries, unknownRows);
    expect(placed.leftovers).toEqual([]);
    const rebuilt = planToGrids(buildWorkbookPlan({ set: read.meta.set, unit: 'Xã Đồng Thịnh', year: 2024, entries: placed.placed }));
    const report = checkWorkbook(rebuilt);
    expect(report.total!.self).toBe(3);
    expect(report.total!.applicableMax).toBe(4);
    expect(report.nodes!.filter((n) => n.code === '1.2')[0].notApplicable).toBe(true);
  });

  test('a removed criterion and a score above a lowered maximum become leftovers, never dropped', () => {
    const b = enter(builtGrids(), { '1.1.1': 1, '2.1.2': 1.5 });
    const read = readScoring(b.grids);
    const { entries } = extractEntries(read);
    const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
    raw.nodes[0].children[0].children.splice(0, 1); // 1.1.1 removed: 1.1.2 becomes 1.1.1
    raw.nodes[0].children[0].children[0].code = '1.1.1';
    raw.nodes[0].children[0].max = 1;
    raw.nodes[0].max = 2;
    raw.nodes[1].children[0].children[1].max = 1; // 2.1.2 lowered to 1
    raw.nodes[1].children[0].children[1].levels = [0, 0.5, 1];
    raw.nodes[1].children[0].max = 1.5;
    raw.nodes[1].max = 1.5;
    const { set, problems } = parseCriteriaSet(raw);
    expect(problems).toEqual([]);
    const placed = placeEntries(set!, entries);
    expect(placed.leftovers.map((l) => [l.code, l.role, l.value])).toEqual([['2.1.2', 'self', 1.5]]);
    const plan = buildWorkbookPlan({ set: set!, unit: 'Xã A', year: 2024, entries: placed.placed, leftovers: placed.leftovers });
    expect(plan.sheets.map((s) => s.name)).toContain(LEFTOVERS_SHEET);
  });
});

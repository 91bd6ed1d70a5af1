// The pane's "Cập nhật Tổng hợp" rewrites the summary from the scoring sheet as people left it: the
// planned references must follow inserted rows, added columns and a renamed sheet.

import { a1 } from '../src/core/model/grid';
import { readScoring } from '../src/core/sheets/scoring/read';
import { builtGrids, smallSet } from './helpers/scoring';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { refreshedSummary } from '../src/core/sheets/summary';
import { SHEETS } from '../src/core/model/layout';

function summaryFormulas(b: ReturnType<typeof builtGrids>): string[] {
  const { sheet } = refreshedSummary(readScoring(b.grids));
  return sheet.cells.filter((c) => c.formula).map((c) => c.formula as string);
}

describe('refreshed summary', () => {
  test('on an untouched workbook it is the planned summary', () => {
    const b = builtGrids();
    const planned = b.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
    const formulas = summaryFormulas(b);
    const plannedFormulas = planned.formulas.reduce<string[]>((all, row) => all.concat(row.filter((f): f is string => !!f)), []);
    expect(formulas.slice().sort()).toEqual(plannedFormulas.slice().sort());
  });

  test('carries the chart of % achieved per domain, over the summary\'s own cells', () => {
    const refreshed = refreshedSummary(readScoring(builtGrids().grids));
    const charts = refreshed.plan.charts || [];
    expect(charts).toHaveLength(1);
    expect(charts[0].sheet).toBe(SHEETS.summary);
    expect(charts[0].values).toMatch(new RegExp(`^'${SHEETS.summary}'!\\$E\\$\\d+:\\$E\\$\\d+$`));
  });

  test('follows an inserted row, an inserted column and a renamed sheet', () => {
    const b = builtGrids();
    const g = scoringGeometry(smallSet(), false);
    // A note row above domain II and a column before "Điểm tự chấm", then the sheet renamed.
    const insertRow = g.rowOf['2'];
    const insertCol = g.layout.col.self as number;
    for (const grid of [b.sheet.values, b.sheet.formulas, b.sheet.hyperlinks] as unknown[][][]) {
      grid.splice(insertRow, 0, []);
      for (const row of grid) row.splice(insertCol, 0, null);
    }
    b.sheet.name = 'Chấm điểm 2024';

    const formulas = summaryFormulas(b);
    const self = (row: number) => `'Chấm điểm 2024'!${a1(row, insertCol + 1)}`;
    expect(formulas).toContain(self(g.rowOf['1']));
    expect(formulas).toContain(self(g.rowOf['2'] + 1));
    expect(formulas).toContain(self(g.totalRow + 1));
    expect(formulas.join(' ')).not.toContain(`'${SHEETS.scoring}'!`);
  });

  test('refuses, with a message for people, when a domain row is gone', () => {
    const b = builtGrids();
    const g = scoringGeometry(smallSet(), false);
    b.sheet.values[g.rowOf['2']][g.layout.col.code as number] = null;
    expect(() => refreshedSummary(readScoring(b.grids))).toThrow(/lacks domain rows/);
  });
});

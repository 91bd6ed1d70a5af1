// Rules on the documents the workbook prints: Tổng hợp's "Tồn tại, hạn chế" list is computed when the
// sheet is refreshed, so it goes out of date as scores are typed; the check says so before it is printed.

import { SHEETS } from '../model/layout';
import { readShortfallKey, shortfallKey, shortfalls } from '../sheets/shortfalls';
import { Rule } from './contract';
import { message } from '../text/catalogue';

export const documentRules: Rule[] = [
  {
    id: 'summary-stale',
    run(ctx) {
      const grid = ctx.grids.sheets.filter((s) => s.name === SHEETS.summary)[0];
      const set = ctx.read.meta.set;
      const shown = readShortfallKey(grid, set);
      // A workbook made before the list existed has none to go stale.
      if (shown === null) return;
      const basis = ctx.scoreColumns.indexOf('appraisal') >= 0 ? 'appraisal' : 'self';
      const now = shortfallKey(shortfalls(set, ctx.entries(), basis));
      if (now === shown) return;
      ctx.report({
        severity: 'warning', rule: 'summary-stale', code: null, column: 'structure', cell: null, sheet: SHEETS.summary,
        message: message('rule.summaryStale'),
      });
    },
  },
];

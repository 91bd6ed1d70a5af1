// "Tổng hợp": rewrites the summary sheet from the workbook's own criteria set, its formulas pointing
// at the rows and columns where the scoring sheet has them now, its Tồn tại, hạn chế list from the
// scores of the day, and what was typed in its panel kept.

import { readScoring } from '../core/sheets/scoring/read';
import { PaneContext } from './context';
import { degradedNote } from './degraded';
import { byId } from './dom';
import { readOurSheets } from './our-sheets';
import { refreshedSummary } from '../core/sheets/summary';
import { SHEETS } from '../core/model/layout';

export function createSummaryController(ctx: PaneContext): void {
  const runButton = byId<HTMLButtonElement>('summary-run');

  async function refresh(): Promise<void> {
    try {
      const degraded = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('check.reading'));
        const grids = (await readOurSheets(ctx.port)).grids;
        const read = readScoring(grids);
        ctx.status.progress(ctx.t('summary.writing'));
        // What was typed in the panel (number, date, signer, Nơi nhận) is kept.
        const summary = refreshedSummary(read, grids.sheets.filter((s) => s.name === SHEETS.summary)[0]);
        const written = await ctx.port.applyPlan(summary.plan);
        await ctx.port.select(summary.sheet.name, 'A1');
        return written.degraded;
      });
      ctx.status.success(ctx.t('summary.done') + degradedNote(ctx, degraded));
    } catch (error) {
      ctx.status.failure(ctx.t('summary.failed'), error, ctx.lang());
    }
  }

  runButton.onclick = () => void refresh();
}

// "Tổng hợp": rewrites the summary sheet from the workbook's own criteria set, its formulas pointing
// at the rows and columns where the scoring sheet has them now.

import { readScoring } from '../core/sheets/scoring/read';
import { PaneContext } from './context';
import { degradedNote } from './degraded';
import { byId } from './dom';
import { readOurSheets } from './our-sheets';
import { refreshedSummary } from '../core/sheets/summary';

export function createSummaryController(ctx: PaneContext): void {
  const runButton = byId<HTMLButtonElement>('summary-run');

  async function refresh(): Promise<void> {
    try {
      const degraded = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('check.reading'));
        const read = readScoring((await readOurSheets(ctx.port)).grids);
        ctx.status.progress(ctx.t('summary.writing'));
        const summary = refreshedSummary(read);
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

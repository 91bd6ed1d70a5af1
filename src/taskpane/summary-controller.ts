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
import { PreviousYear } from '../core/model/build-options';
import { readFileBytes } from './file-bytes';
import { filesPart } from './parts';

export function createSummaryController(ctx: PaneContext): void {
  const runButton = byId<HTMLButtonElement>('summary-run');
  const previousInput = byId<HTMLInputElement>('summary-previous');

  /** Last year's result from the workbook picked, read in the pane (no exceljs), or undefined. */
  async function pickedPrevious(read: ReturnType<typeof readScoring>): Promise<PreviousYear | undefined> {
    const file = previousInput.files && previousInput.files[0];
    if (!file) return undefined;
    const part = await filesPart();
    return part.previousOfFile(file.name, await readFileBytes(file), read.meta.set, ctx.lang());
  }

  async function refresh(): Promise<void> {
    try {
      const degraded = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('check.reading'));
        const grids = (await readOurSheets(ctx.port)).grids;
        const read = readScoring(grids);
        ctx.status.progress(ctx.t('summary.writing'));
        // What was typed in the panel (number, date, signer, Nơi nhận) is kept.
        const previous = await pickedPrevious(read);
        const summary = refreshedSummary(read, { summaryGrid: grids.sheets.filter((s) => s.name === SHEETS.summary)[0], previous });
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

// The Phân công & tiến độ view, a part of the pane fetched the first time the view is shown (parts.ts):
// the assignment panel and the progress panel over one store, with the texts they bring.

import { PaneContext } from './context';
import { createAssignStore } from './assign-store';
import { createAssignPanel } from './assign-panel';
import { createProgressPanel } from './progress-panel';

export interface AssignView {
  /** Reads the workbook afresh: people assign in Excel too. */
  refresh(): Promise<void>;
  relabel(): void;
}

export function mountAssignView(ctx: PaneContext, cards: { assign: HTMLElement; progress: HTMLElement }, onRebuilt: () => void): AssignView {
  const store = createAssignStore(ctx.port);
  const progress = createProgressPanel(ctx, store, cards.progress);
  const assign = createAssignPanel(ctx, store, cards.assign, () => void progress.refresh(), onRebuilt);
  return {
    async refresh() {
      await Promise.all([assign.refresh(), progress.refresh()]);
    },
    relabel() {
      assign.relabel();
      progress.relabel();
    },
  };
}

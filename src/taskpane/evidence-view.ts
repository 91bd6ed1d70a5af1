// The Minh chứng view, a part of the pane fetched the first time the view is shown (parts.ts): the
// evidence panel over its store. Mounted, it follows the selection on Chấm điểm from then on.

import { PaneContext } from './context';
import { EvidencePanel, createEvidencePanel } from './evidence-panel';
import { createEvidenceStore } from './evidence-store';

export async function mountEvidenceView(ctx: PaneContext, card: HTMLElement): Promise<EvidencePanel> {
  const panel = createEvidencePanel(ctx, createEvidenceStore(ctx.port), card);
  await panel.listen();
  await panel.refresh();
  return panel;
}

// A view whose panels are a part of the pane fetched the first time the view is shown (parts.ts). Until
// they arrive, the view's card says they are on their way; when they cannot be fetched it says so, with
// a button that tries again. Once mounted the panels stay, as every view does: nothing typed is lost.

import { PaneContext } from './context';
import { clear, element, setVisible } from './dom';
import { describeFailure } from './status';
import { onFirstUse } from './parts';

export const evidencePart = onFirstUse(() => import(/* webpackChunkName: "evidence" */ './evidence-view'));

export const assignPart = onFirstUse(() => import(/* webpackChunkName: "assign" */ './assign-view'));

export interface ViewPart<P> {
  /** The panels once mounted, else null. */
  mounted(): P | null;
  /** Fetches and mounts the panels, once; null while they cannot be fetched (the card then says so). */
  open(): Promise<P | null>;
  /** The panels' texts in the pane's language, or the card's while they are coming. */
  relabel(): void;
}

export function viewPart<P extends { relabel(): void }>(ctx: PaneContext, card: HTMLElement, mount: () => Promise<P>): ViewPart<P> {
  let panels: P | null = null;
  let opening: Promise<P | null> | null = null;
  let failed: { error: unknown } | null = null;

  function render(): void {
    if (panels || (!opening && !failed)) return;
    clear(card);
    if (failed) {
      const retry = element('button', { type: 'button', class: 'part-retry' }, [ctx.t('pane.partRetry')]);
      retry.onclick = () => void open();
      card.appendChild(element('p', { class: 'note note-error', role: 'alert' }, [describeFailure(failed.error, ctx.lang())]));
      card.appendChild(element('div', { class: 'actions' }, [retry]));
    } else {
      card.appendChild(element('p', { class: 'hint part-loading', role: 'status' }, [ctx.t('pane.partLoading')]));
    }
    setVisible(card, true);
  }

  function open(): Promise<P | null> {
    if (panels) return Promise.resolve(panels);
    if (!opening) {
      failed = null;
      opening = mount().then(
        (mounted) => {
          panels = mounted;
          return mounted;
        },
        (error: unknown) => {
          console.error(error);
          failed = { error };
          opening = null;
          render();
          return null;
        },
      );
      render();
    }
    return opening;
  }

  return {
    mounted: () => panels,
    open,
    relabel: () => (panels ? panels.relabel() : render()),
  };
}

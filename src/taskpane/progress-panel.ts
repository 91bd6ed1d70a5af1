// "Tiến độ" in the pane: per person or section, the items assigned, scored, with evidence or a giải
// trình, overdue (core/features/progress.ts, as `cchc progress` prints it), and the items nobody has.
// A person's row opens the list of their items and selects the first; each item selects its cell.

import { PaneContext } from './context';
import { clear, element } from './dom';
import { AssignStore, Progress } from './assign-store';
import { ItemProgress } from '../core/features/progress';
import { dayOfDate, formatDay } from '../core/model/dates';
import { personKey } from '../core/model/assignment';
import { ASSIGN_PANE_EN, ASSIGN_PANE_VI } from '../core/text/assign-pane';
import { useTexts } from '../core/text/catalogue';

// This view's texts come with its code (parts.ts fetches it when the view is first shown).
useTexts(ASSIGN_PANE_VI, ASSIGN_PANE_EN);

export interface ProgressPanel {
  refresh(): Promise<void>;
  relabel(): void;
}

/** The key of the row of the unassigned items. */
const NOBODY = '\u0000';

export function createProgressPanel(ctx: PaneContext, store: AssignStore, card: HTMLElement): ProgressPanel {
  const heading = element('h2', { id: 'progress-heading' });
  const asOf = element('p', { class: 'hint', id: 'progress-as-of' });
  const run = element('button', { type: 'button', id: 'progress-run', 'data-action': '' });
  const body = element('div', { id: 'progress-body', 'aria-live': 'polite' });
  card.setAttribute('aria-labelledby', 'progress-heading');
  clear(card);
  [heading, asOf, element('div', { class: 'actions' }, [run]), body].forEach((n) => card.appendChild(n));

  let progress: Progress | null = null;
  /** The person whose items are open, kept across refreshes and view switches. */
  let open: string | null = null;

  function itemButton(item: ItemProgress): HTMLElement {
    const state = item.overdue ? 'stateOverdue' : !item.scored ? 'stateUnscored' : !item.complete ? 'stateNoEvidence' : 'stateDone';
    const button = element('button', { type: 'button', class: 'progress-item progress-' + state, 'data-code': item.code }, [
      element('span', { class: 'progress-code' }, [item.code]),
      ' ',
      element('span', { class: 'progress-name' }, [item.name]),
      element('span', { class: 'progress-state' }, [ctx.t(('paneProgress.' + state) as 'paneProgress.stateDone') + (item.dueText ? ' · ' + ctx.t('paneProgress.due', { due: item.dueText }) : '')]),
    ]);
    button.onclick = () => void select(item);
    return element('li', {}, [button]);
  }

  function itemsOf(key: string): ItemProgress[] {
    if (!progress) return [];
    return progress.items.filter((i) => (key === NOBODY ? !i.owner : !!i.owner && personKey(i.owner) === key));
  }

  /** A person's row (name and counts), or the unassigned items' (counts null); with their items when open. */
  function personRows(key: string, name: string, counts: number[] | null): HTMLTableRowElement[] {
    const expanded = open === key;
    const toggle = element('button', { type: 'button', class: 'link-button progress-person', 'aria-expanded': expanded ? 'true' : 'false', 'data-person': name }, [name]);
    toggle.onclick = () => {
      open = expanded ? null : key;
      render();
      const items = itemsOf(key);
      if (!expanded && items.length) void select(items[0]);
    };
    const cells = (counts || []).map((n, i) => element('td', { class: i === 3 && n ? 'progress-late' : '' }, [String(n)]));
    const rows = [element('tr', {}, [element('th', { scope: 'row', colspan: counts ? '1' : '5' }, [toggle])].concat(cells))];
    if (expanded) {
      const items = itemsOf(key);
      rows.push(element('tr', { class: 'progress-items-row' }, [element('td', { colspan: '5' }, [element('ul', { class: 'progress-items' }, items.map(itemButton))])]));
    }
    return rows;
  }

  function render(): void {
    heading.textContent = ctx.t('paneProgress.heading');
    asOf.textContent = ctx.t('paneProgress.asOf', { date: formatDay(dayOfDate(new Date())) });
    run.textContent = ctx.t('paneProgress.run');
    clear(body);
    if (!progress) return;
    const { report } = progress;
    const assigned = report.people.filter((p) => p.items > 0);
    if (!assigned.length) body.appendChild(element('p', { class: 'note' }, [ctx.t('paneProgress.nothing')]));
    const head = (key: 'items' | 'scored' | 'evidenced' | 'overdue') =>
      element('th', { scope: 'col', title: ctx.t(('paneProgress.' + key + 'Title') as 'paneProgress.itemsTitle') }, [ctx.t(('paneProgress.' + key) as 'paneProgress.items')]);
    const rows: HTMLTableRowElement[] = [];
    for (const p of assigned) rows.push(...personRows(personKey(p.name), p.name, [p.items, p.scored, p.evidenced, p.overdue.length]));
    if (report.unassigned.length) rows.push(...personRows(NOBODY, `${ctx.t('paneProgress.unassigned')}: ${report.unassigned.length}`, null));
    if (!rows.length) return;
    body.appendChild(element('table', { class: 'progress-table' }, [
      element('thead', {}, [element('tr', {}, [element('th', { scope: 'col' }, [ctx.t('paneProgress.person')]), head('items'), head('scored'), head('evidenced'), head('overdue')])]),
      element('tbody', {}, rows),
    ]));
  }

  async function select(item: ItemProgress): Promise<void> {
    try {
      await ctx.exclusive(() => store.select(item));
    } catch (error) {
      ctx.status.failure(ctx.t('paneProgress.selectFailed', { code: item.code }), error, ctx.lang());
    }
  }

  async function refresh(): Promise<void> {
    try {
      progress = await ctx.exclusive(() => store.progress(dayOfDate(new Date())));
    } catch {
      // Not a scoring workbook: nothing to show.
      progress = null;
    }
    render();
  }

  run.onclick = () => void refresh();
  render();
  return { refresh, relabel: render };
}

// "Phân công" in the pane: a person or section (from the workbook's list, or a new name that joins it),
// an optional due date, then the rows selected on Chấm điểm or a whole domain. A workbook made before
// the assignment is offered the rebuild that adds it, everything entered kept.

import { PaneContext } from './context';
import { clear, element, setVisible } from './dom';
import { AssignState, AssignStore, Assigned } from './assign-store';
import { upgradeCriteriaSet } from './upgrade';
import { readScoring } from '../core/sheets/scoring/read';
import { readOurSheets } from './our-sheets';
import { ASSIGN_PANE_EN, ASSIGN_PANE_VI } from '../core/text/assign-pane';
import { useTexts } from '../core/text/catalogue';

// This view's texts come with its code (parts.ts fetches it when the view is first shown).
useTexts(ASSIGN_PANE_VI, ASSIGN_PANE_EN);

export interface AssignPanel {
  refresh(): Promise<void>;
  relabel(): void;
}

export function createAssignPanel(ctx: PaneContext, store: AssignStore, card: HTMLElement, onChanged: () => void, onRebuilt: () => void): AssignPanel {
  const heading = element('h2', { id: 'assign-heading' });
  const intro = element('p', { class: 'hint' });
  const notReady = element('div', { id: 'assign-not-ready' });
  const ownerLabel = element('label', { for: 'assign-owner' });
  const owner = element('input', { id: 'assign-owner', type: 'text', list: 'assign-people', autocomplete: 'off', 'aria-describedby': 'assign-owner-hint' });
  const ownerHint = element('p', { class: 'hint', id: 'assign-owner-hint' });
  const people = element('datalist', { id: 'assign-people' });
  const dueLabel = element('label', { for: 'assign-due' });
  const due = element('input', { id: 'assign-due', type: 'text', placeholder: 'dd/mm/yyyy', autocomplete: 'off', 'aria-describedby': 'assign-due-hint', class: 'narrow' });
  const dueHint = element('p', { class: 'hint', id: 'assign-due-hint' });
  const selection = element('button', { type: 'button', id: 'assign-selection', class: 'primary', 'data-action': '' });
  const unassign = element('button', { type: 'button', id: 'assign-clear', 'data-action': '' });
  const domainLabel = element('label', { for: 'assign-domain' });
  const domain = element('select', { id: 'assign-domain' });
  const domainRun = element('button', { type: 'button', id: 'assign-domain-run', 'data-action': '' });
  const form = element('div', { id: 'assign-form' }, [
    element('div', { class: 'field' }, [ownerLabel, owner, people, ownerHint]),
    element('div', { class: 'field' }, [dueLabel, due, dueHint]),
    element('div', { class: 'actions' }, [selection, unassign]),
    element('div', { class: 'field domain-pick' }, [domainLabel, domain, element('div', { class: 'actions' }, [domainRun])]),
  ]);
  card.setAttribute('aria-labelledby', 'assign-heading');
  clear(card);
  [heading, intro, notReady, form].forEach((n) => card.appendChild(n));

  let state: AssignState | null = null;

  function render(): void {
    heading.textContent = ctx.t('paneAssign.heading');
    intro.textContent = ctx.t('paneAssign.intro');
    ownerLabel.textContent = ctx.t('paneAssign.owner');
    ownerHint.textContent = ctx.t('paneAssign.ownerHint');
    dueLabel.textContent = ctx.t('paneAssign.due');
    dueHint.textContent = ctx.t('paneAssign.dueHint', { due: state ? state.commonDue : '25/11' });
    selection.textContent = ctx.t('paneAssign.selection');
    unassign.textContent = ctx.t('paneAssign.clear');
    domainLabel.textContent = ctx.t('paneAssign.domain');
    domainRun.textContent = ctx.t('paneAssign.domainRun');
    clear(notReady);
    const ready = !!state && state.ready;
    setVisible(form, ready);
    if (state && !ready) {
      const add = element('button', { type: 'button', id: 'assign-upgrade', class: 'primary', 'data-action': '' }, [ctx.t('paneAssign.addColumns')]);
      add.onclick = () => void addColumns();
      notReady.appendChild(element('p', { class: 'note note-warning' }, [ctx.t('paneAssign.notReady')]));
      notReady.appendChild(element('div', { class: 'actions' }, [add]));
    }
    if (!state) return;
    clear(people);
    for (const p of state.people) people.appendChild(element('option', { value: p.name }));
    const chosen = domain.value;
    clear(domain);
    for (const d of state.domains) domain.appendChild(element('option', { value: d.code }, [d.label]));
    if (chosen) domain.value = chosen;
  }

  async function refresh(): Promise<void> {
    try {
      state = await ctx.exclusive(() => store.state());
    } catch {
      // Not a scoring workbook (yet): the build view says what to do.
      state = null;
    }
    setVisible(card, !!state);
    render();
  }

  async function addColumns(): Promise<void> {
    try {
      const result = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('paneAssign.adding'));
        const read = readScoring((await readOurSheets(ctx.port)).grids);
        return upgradeCriteriaSet(ctx.port, read.meta.set);
      });
      ctx.status.success(ctx.t('paneAssign.added', { backup: result.backupSheet }));
      onRebuilt();
    } catch (error) {
      ctx.status.failure(ctx.t('paneAssign.failed'), error, ctx.lang());
    }
    await refresh();
  }

  async function assign(task: (who: string | null, when?: string) => Promise<Assigned>, clearing: boolean): Promise<void> {
    const who = owner.value.replace(/\s+/g, ' ').trim();
    if (!clearing && !who) {
      ctx.status.problem(ctx.t('paneAssign.failed'), ctx.t('paneAssign.needOwner'));
      owner.focus();
      return;
    }
    const when = due.value.trim() || undefined;
    try {
      const done = await ctx.exclusive(() => {
        ctx.status.progress(ctx.t('paneAssign.writing'));
        return task(clearing ? null : who, clearing ? undefined : when);
      });
      const codes = done.codes.join(', ');
      let said = clearing ? ctx.t('paneAssign.cleared', { codes }) : ctx.t('paneAssign.done', { codes, owner: who, items: done.items });
      if (done.added) said += ' ' + ctx.t('paneAssign.newPerson', { owner: who });
      ctx.status.success(said);
    } catch (error) {
      ctx.status.failure(ctx.t('paneAssign.failed'), error, ctx.lang());
      return;
    }
    await refresh();
    onChanged();
  }

  selection.onclick = () => void assign((who, when) => store.assignSelection(who, when), false);
  unassign.onclick = () => void assign((who) => store.assignSelection(who), true);
  domainRun.onclick = () => void assign((who, when) => store.assignCodes([domain.value], who, when), false);
  render();

  return { refresh, relabel: render };
}

// The pane's task navigation: Chấm điểm · Minh chứng · Phân công & tiến độ · Kiểm tra · Tổng hợp, one
// view each, so the task at hand fills the pane. A WAI-ARIA tab list: arrow keys, Home and End move
// between the tabs (the one in focus is shown), Tab leaves the list. Views are only hidden, never
// rebuilt, so a form half filled or a list opened stays as it was; the last view is remembered. The
// Kiểm tra tab carries the check's counts, in view whatever the pane shows.

import { PaneContext } from './context';
import { clear, element } from './dom';

export type ViewName = 'scoring' | 'evidence' | 'assign' | 'check' | 'summary';

export const VIEWS: ViewName[] = ['scoring', 'evidence', 'assign', 'check', 'summary'];

const STORAGE_KEY = 'cchc.view';

export interface CheckCounts {
  errors: number;
  warnings: number;
}

export interface Nav {
  show(view: ViewName, focusTab?: boolean): void;
  current(): ViewName;
  /** Called after a view is shown (the assignment view refreshes its progress then). */
  onShow(handler: (view: ViewName) => void): void;
  /** The check's counts for the Kiểm tra tab; null before any check (or when the workbook is not ours). */
  counts(counts: CheckCounts | null): void;
  relabel(): void;
}

function stored(): ViewName | null {
  try {
    const v = window.localStorage ? window.localStorage.getItem(STORAGE_KEY) : null;
    return v && VIEWS.indexOf(v as ViewName) >= 0 ? (v as ViewName) : null;
  } catch {
    return null;
  }
}

function store(view: ViewName): void {
  try {
    if (window.localStorage) window.localStorage.setItem(STORAGE_KEY, view);
  } catch {
    // Not remembered across sessions then.
  }
}

export function createNav(ctx: PaneContext): Nav {
  const tab = (v: ViewName) => document.getElementById('tab-' + v) as HTMLButtonElement;
  const panel = (v: ViewName) => document.getElementById('view-' + v) as HTMLElement;
  const countsNode = document.getElementById('check-counts') as HTMLElement;
  const handlers: Array<(view: ViewName) => void> = [];
  let active: ViewName = 'scoring';
  let shownCounts: CheckCounts | null = null;

  function show(view: ViewName, focusTab = false): void {
    active = view;
    for (const v of VIEWS) {
      const on = v === view;
      tab(v).setAttribute('aria-selected', on ? 'true' : 'false');
      tab(v).tabIndex = on ? 0 : -1;
      if (on) panel(v).removeAttribute('hidden');
      else panel(v).setAttribute('hidden', '');
    }
    if (focusTab) tab(view).focus();
    store(view);
    for (const h of handlers) h(view);
  }

  function renderCounts(): void {
    clear(countsNode);
    const label = ctx.t('nav.check');
    if (!shownCounts) {
      tab('check').setAttribute('aria-label', label);
      return;
    }
    const c = shownCounts;
    if (!c.errors && !c.warnings) countsNode.appendChild(element('span', { class: 'count count-clean', 'aria-hidden': 'true' }, ['✓']));
    if (c.errors) countsNode.appendChild(element('span', { class: 'count count-error', 'aria-hidden': 'true' }, [String(c.errors)]));
    if (c.warnings) countsNode.appendChild(element('span', { class: 'count count-warning', 'aria-hidden': 'true' }, [String(c.warnings)]));
    const said = ctx.t('nav.checkCounts', { errors: c.errors, warnings: c.warnings });
    tab('check').setAttribute('aria-label', label + ': ' + said);
    tab('check').title = said;
  }

  for (const v of VIEWS) {
    tab(v).onclick = () => show(v);
    tab(v).onkeydown = (event: KeyboardEvent) => {
      const i = VIEWS.indexOf(v);
      const key = event.key;
      let next: number | null = null;
      if (key === 'ArrowRight' || key === 'Right') next = (i + 1) % VIEWS.length;
      else if (key === 'ArrowLeft' || key === 'Left') next = (i + VIEWS.length - 1) % VIEWS.length;
      else if (key === 'Home') next = 0;
      else if (key === 'End') next = VIEWS.length - 1;
      if (next === null) return;
      event.preventDefault();
      show(VIEWS[next], true);
    };
  }
  show(stored() || 'scoring');

  return {
    show,
    current: () => active,
    onShow: (handler) => handlers.push(handler),
    counts(counts) {
      shownCounts = counts;
      renderCounts();
    },
    relabel: renderCounts,
  };
}

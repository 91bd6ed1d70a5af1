// "Kiểm tra": every check of the core on the live workbook, the problems grouped by domain with
// counts, a click on a problem selects its cell. While the pane is open, edits on the scoring sheet
// (typed or pasted) are checked again at once.

import { checkWorkbookRead } from '../core/check/check';
import { WorkbookGrids } from '../core/model/grid';
import { isMetaGrid } from '../core/sheets/meta';
import { formatPoints } from '../core/model/points';
import { bandShown } from '../core/sheets/scoring/totals';
import { CellEdit } from '../core/model/port';
import { PaneContext } from './context';
import { byId, clear, element, setVisible } from './dom';
import { readOurSheets } from './our-sheets';
import { SHEETS } from '../core/model/layout';
import { Issue } from '../core/check/contract';
import { FileReport, IssueGroup, issueCounts, issuesOf } from '../core/check/report';

export type CheckTrigger = { kind: 'button' } | { kind: 'built' } | { kind: 'edit'; address: string };

export interface CheckController {
  run(trigger: CheckTrigger): Promise<void>;
  /** Feeds an edit of the workbook; edits of the scoring sheet schedule a check. */
  edited(edit: CellEdit): void;
  relabel(): void;
}

/** Edits arriving within this many milliseconds are checked together (a paste fires several). */
const LIVE_DELAY_MS = 250;

interface Result {
  grids: WorkbookGrids;
  report: FileReport;
}

/** `onCounts`: the counts after each check (null when the workbook is not a scoring one), for the navigation. */
export function createCheckController(ctx: PaneContext, onCounts: (counts: { errors: number; warnings: number } | null) => void = () => undefined): CheckController {
  const container = byId('check-result');
  const runButton = byId<HTMLButtonElement>('check-run');

  let result: Result | null = null;
  /** Names of the scoring and metadata sheets found by the last check: live checks read only these. */
  let sheetsInUse: string[] | null = null;
  const warningsShown: Record<string, boolean> = {};
  let pendingEdits: string[] = [];
  let liveTimer: number | null = null;

  function evaluate(grids: WorkbookGrids): Result {
    const { report, read } = checkWorkbookRead(grids, { lang: ctx.lang() });
    if (report.error || !read) return { grids, report };
    const meta = grids.sheets.filter(isMetaGrid)[0];
    // The Minh chứng register and Tổng hợp too: evidence and the shown totals are checked from them.
    sheetsInUse = meta ? [read.sheet.name, meta.name].concat(read.register ? [read.register.sheet.name] : [])
      .concat(grids.sheets.filter((s) => s.name === SHEETS.summary).map((s) => s.name)) : null;
    return { grids, report };
  }

  async function readAndCheck(): Promise<Result> {
    if (sheetsInUse) {
      const quick = evaluate(await ctx.port.readGrids(sheetsInUse));
      if (!quick.report.error) return quick;
      sheetsInUse = null;
    }
    // The sheets may have been renamed: look for ours again (never the whole workbook).
    return evaluate((await readOurSheets(ctx.port)).grids);
  }

  function countsText(report: FileReport): string {
    return ctx.t('check.counts', issueCounts(report));
  }

  function issueButton(issue: Issue): HTMLElement {
    const severity = ctx.t(issue.severity === 'error' ? 'check.error' : 'check.warning');
    const where = [issue.cell, issue.code].filter(Boolean).join(' · ');
    const body = [
      element('span', { class: 'issue-tag' }, [severity]),
      where ? element('span', { class: 'issue-where' }, [where]) : null,
      element('span', { class: 'issue-text' }, [issue.message]),
    ];
    const className = 'issue issue-' + issue.severity;
    if (!issue.cell) return element('div', { class: className }, body);
    const button = element('button', { type: 'button', class: className, title: ctx.t('check.goTo', { cell: issue.cell }) }, body);
    button.onclick = () => void select(issue);
    return button;
  }

  function issueList(issues: Issue[], extraClass: string): HTMLUListElement {
    return element('ul', { class: 'issues ' + extraClass }, issues.map((i) => element('li', {}, [issueButton(i)])));
  }

  function groupTitle(group: IssueGroup): string {
    if (group.domain === null) return ctx.t('check.general');
    return (group.stt ? group.stt + '. ' : '') + group.name;
  }

  function renderGroup(report: FileReport, group: IssueGroup): HTMLElement {
    const key = group.domain === null ? '' : group.domain;
    const issues = issuesOf(report, group);
    const errors = issues.filter((i) => i.severity === 'error');
    const warnings = issues.filter((i) => i.severity === 'warning');
    const section = element('section', { class: 'group' + (group.errors ? ' group-has-errors' : '') }, [
      element('h3', {}, [
        element('span', { class: 'group-name' }, [groupTitle(group)]),
        element('span', { class: 'group-counts' }, [ctx.t('check.groupCounts', { errors: group.errors, warnings: group.warnings })]),
      ]),
    ]);
    if (errors.length) section.appendChild(issueList(errors, 'issues-errors'));
    if (warnings.length) {
      // Warnings (mostly leaves not scored yet) stay folded so the errors are what one sees first.
      const shown = !!warningsShown[key];
      const list = issueList(warnings, 'issues-warnings');
      setVisible(list, shown);
      const toggle = element('button', { type: 'button', class: 'link-button', 'aria-expanded': shown ? 'true' : 'false' }, [
        shown ? ctx.t('check.hideWarnings') : ctx.t('check.showWarnings', { count: warnings.length }),
      ]);
      toggle.onclick = () => {
        warningsShown[key] = !warningsShown[key];
        render();
      };
      section.appendChild(toggle);
      section.appendChild(list);
    }
    return section;
  }

  function render(): void {
    clear(container);
    onCounts(result && !result.report.error ? issueCounts(result.report) : null);
    if (!result) return;
    const { report } = result;
    if (report.error) {
      container.appendChild(element('p', { class: 'note note-error' }, [ctx.t('check.notScoring') + ' ' + report.error]));
      return;
    }
    const c = issueCounts(report);
    const headline = c.errors + c.warnings === 0
      ? ctx.t('check.clean')
      : c.errors === 0 ? ctx.t('check.cleanWithWarnings', { warnings: c.warnings }) : countsText(report);
    container.appendChild(element('p', { class: 'check-headline ' + (c.errors ? 'check-errors' : 'check-clean') }, [headline]));
    const total = report.total;
    if (total) {
      const lang = ctx.lang();
      container.appendChild(element('p', { class: 'hint' }, [ctx.t('check.total', {
        self: formatPoints(total.self, lang),
        max: formatPoints(total.max, lang),
        applicable: formatPoints(total.applicableMax, lang),
        index: total.index === null ? '—' : formatPoints(total.index, lang),
      }) + (total.band ? ' · ' + bandShown(total.band, lang) : '')]));
      // Items scored at appraisal not scored yet: the self index is provisional.
      if (total.provisional) container.appendChild(element('p', { class: 'note note-warning' }, [ctx.t('kinds.provisional', { codes: total.provisional.join(', ') })]));
    }
    for (const group of report.groups || []) container.appendChild(renderGroup(report, group));
  }

  async function select(issue: Issue): Promise<void> {
    try {
      await ctx.exclusive(() => ctx.port.select(issue.sheet, issue.cell as string));
    } catch (error) {
      ctx.status.failure(ctx.t('check.selectFailed', { cell: issue.cell as string }), error, ctx.lang());
    }
  }

  async function run(trigger: CheckTrigger): Promise<void> {
    try {
      const checked = await ctx.exclusive(async () => {
        if (trigger.kind === 'button') ctx.status.progress(ctx.t('check.reading'));
        return readAndCheck();
      });
      result = checked;
      render();
      if (trigger.kind === 'button') {
        if (checked.report.error) ctx.status.clear();
        else ctx.status.success(ctx.t('check.done', { counts: countsText(checked.report) }));
      } else if (trigger.kind === 'edit' && !checked.report.error) {
        ctx.status.info(ctx.t('check.liveDone', { address: trigger.address, counts: countsText(checked.report) }));
      }
    } catch (error) {
      ctx.status.failure(ctx.t('check.failed'), error, ctx.lang());
    }
  }

  function isScoringSheet(sheet: string): boolean {
    return sheet === SHEETS.scoring || (!!sheetsInUse && sheetsInUse.indexOf(sheet) >= 0);
  }

  function edited(edit: CellEdit): void {
    if (!isScoringSheet(edit.sheet)) return;
    if (pendingEdits.indexOf(edit.address) < 0) pendingEdits.push(edit.address);
    if (liveTimer !== null) window.clearTimeout(liveTimer);
    liveTimer = window.setTimeout(() => {
      liveTimer = null;
      const addresses = pendingEdits;
      pendingEdits = [];
      const shown = addresses.slice(0, 3).join(', ') + (addresses.length > 3 ? ', …' : '');
      void run({ kind: 'edit', address: shown });
    }, LIVE_DELAY_MS);
  }

  runButton.onclick = () => void run({ kind: 'button' });

  return {
    run,
    edited,
    relabel() {
      // Messages come from the core in one language: check the same grids again in the new one.
      if (result) result = evaluate(result.grids);
      render();
    },
  };
}

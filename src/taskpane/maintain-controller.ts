// "Thẩm định và cập nhật": shown once the workbook holds a scoring sheet. "Thêm cột thẩm định" adds
// the district's appraisal columns (appraisal.ts); "Cập nhật bộ tiêu chí" rebuilds the scoring sheet
// on the set chosen under the build form's "Bộ tiêu chí" (upgrade.ts), after a confirmation that says
// the old sheet is kept as a copy, then lists what could not be carried.

import { CriteriaSet, describeSet, flattenSet } from '../core/model/criteria';
import { UserError, say } from '../core/model/errors';
import { ENTRY_ROLE_NAMES, Leftover } from '../core/model/entries';
import { formatPoints } from '../core/model/points';
import { readScoring } from '../core/sheets/scoring/read';
import { addAppraisalColumn } from './appraisal';
import { BuildController } from './build-controller';
import { askConfirm } from './confirm';
import { degradedNote } from './degraded';
import { PaneContext } from './context';
import { loadCriteriaSet } from './criteria-source';
import { readOurSheets } from './our-sheets';
import { byId, clear, element, setVisible } from './dom';
import { CriteriaUpgradeResult, backupSheetName, upgradeCriteriaSet } from './upgrade';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';
import { SHEETS } from '../core/model/layout';
import { shorten } from '../core/text/catalogue';

export interface MaintainController {
  /** Looks at the workbook again: shows the card when it has a scoring sheet, and which actions fit. */
  refresh(): Promise<void>;
  relabel(): void;
}

/** What the card needs to know of the open workbook. */
interface Scoring {
  sheet: string;
  set: CriteriaSet;
  appraisal: boolean;
}

interface Confirming {
  sheet: string;
  set: CriteriaSet;
  backup: string;
}

const MAX_LISTED = 8;
const MAX_TEXT = 80;

function clean(text: string | undefined): string {
  return (text || '').replace(/\s+/g, ' ').trim();
}

/** Everything of a set that shapes the scoring sheet: equal for the set the workbook already uses. */
function fingerprint(set: CriteriaSet): string {
  const nodes = flattenSet(set).map((f) => [f.code, clean(f.node.stt), clean(f.node.name), f.node.max, f.node.levels || [], clean(f.node.method)]);
  const extras = (set.bonus || []).concat(set.deduction || []).map((i) => [i.code, clean(i.name), i.max, clean(i.method)]);
  return JSON.stringify([set.id, clean(set.title), set.status, nodes, extras]);
}

export function createMaintainController(ctx: PaneContext, build: BuildController, onRebuilt: () => void): MaintainController {
  const card = byId('maintain-card');
  const setLine = byId('maintain-set');
  const appraisalMissing = byId('appraisal-missing');
  const appraisalExists = byId('appraisal-exists');
  const appraisalButton = byId<HTMLButtonElement>('appraisal-run');
  const upgradeButton = byId<HTMLButtonElement>('upgrade-run');
  const confirmBox = byId('upgrade-confirm');
  const confirmText = byId('upgrade-confirm-text');
  const confirmYes = byId<HTMLButtonElement>('upgrade-yes');
  const confirmNo = byId<HTMLButtonElement>('upgrade-no');
  const resultBox = byId('upgrade-result');

  let scoring: Scoring | null = null;
  let confirming: Confirming | null = null;
  /** The last update's account, kept so a language switch can re-render it. */
  let lastUpgrade: CriteriaUpgradeResult | null = null;

  async function readState(): Promise<Scoring | null> {
    const { names, grids } = await readOurSheets(ctx.port);
    if (names.indexOf(SHEETS.meta) < 0) return null;
    try {
      const read = readScoring(grids);
      return { sheet: read.sheet.name, set: read.meta.set, appraisal: read.columns.appraisal !== undefined };
    } catch (error) {
      // Not a scoring workbook, or a damaged one: the card stays hidden and "Kiểm tra" says why.
      if (!(error instanceof UserError)) throw error;
      return null;
    }
  }

  function renderState(): void {
    setVisible(card, !!scoring);
    if (!scoring) return;
    setLine.textContent = ctx.t('maintain.currentSet', { title: scoring.set.title });
    setVisible(appraisalMissing, !scoring.appraisal);
    setVisible(appraisalExists, scoring.appraisal);
  }

  function renderConfirmText(): void {
    if (!confirming) return;
    const d = describeSet(confirming.set);
    confirmText.textContent = ctx.t('upgrade.confirmText', {
      sheet: confirming.sheet,
      title: confirming.set.title,
      leaves: d.leaves,
      max: formatPoints(d.max, ctx.lang()),
      backup: confirming.backup,
      leftovers: LEFTOVERS_SHEET,
    });
  }

  function leftoverText(leftover: Leftover): string {
    const lang = ctx.lang();
    const v = leftover.value;
    const value = typeof v === 'number' && (leftover.role === 'self' || leftover.role === 'appraisal') ? formatPoints(v, lang) : v === null ? '' : String(v);
    const where = leftover.code || shorten(leftover.name, MAX_TEXT) || '—';
    return `${where} · ${say(ENTRY_ROLE_NAMES[leftover.role], lang)}: ${shorten(value, MAX_TEXT)} — ${say(leftover.reason, lang)}`;
  }

  function list(items: string[], more: string | null): HTMLUListElement {
    const shown = items.slice(0, MAX_LISTED).map((text) => element('li', {}, [text]));
    if (items.length > MAX_LISTED && more) shown.push(element('li', {}, [more]));
    return element('ul', { class: 'messages' }, shown);
  }

  function renderResult(): void {
    clear(resultBox);
    const done = lastUpgrade;
    if (!done) return;
    if (done.leftovers.length) {
      const count = done.leftovers.length;
      resultBox.appendChild(element('p', { class: 'note note-warning' }, [ctx.t('upgrade.leftoversTitle', { count, sheet: LEFTOVERS_SHEET })]));
      resultBox.appendChild(list(done.leftovers.map(leftoverText), ctx.t('upgrade.more', { count: count - MAX_LISTED, sheet: LEFTOVERS_SHEET })));
    }
    if (done.renamed.length) {
      resultBox.appendChild(element('p', { class: 'note' }, [ctx.t('upgrade.renamedTitle', { count: done.renamed.length })]));
      const items = done.renamed.map((r) => `${r.code}: “${shorten(r.before, MAX_TEXT)}” → “${shorten(r.after, MAX_TEXT)}”`);
      resultBox.appendChild(list(items, '…'));
    }
  }

  async function refresh(): Promise<void> {
    try {
      scoring = await ctx.exclusive(readState);
    } catch (error) {
      // Only the card's visibility depends on it; the actions themselves read the workbook again.
      console.error(error);
    }
    renderState();
  }

  async function addAppraisal(): Promise<void> {
    if (confirming) return;
    try {
      const result = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('appraisal.writing'));
        return addAppraisalColumn(ctx.port);
      });
      const parts = [ctx.t('appraisal.done', { carried: result.carried })];
      if (result.leftovers) parts.push(ctx.t('appraisal.leftovers', { count: result.leftovers, sheet: LEFTOVERS_SHEET }));
      ctx.status.success(parts.join(' ') + degradedNote(ctx, result.degraded));
    } catch (error) {
      ctx.status.failure(ctx.t('appraisal.failed'), error, ctx.lang());
      await refresh();
      return;
    }
    lastUpgrade = null;
    renderResult();
    onRebuilt();
  }

  async function upgrade(): Promise<void> {
    if (confirming) return;
    const failed = ctx.t('upgrade.failed');
    const chosen = build.chosenSet();
    if ('problem' in chosen) {
      ctx.status.problem(failed, ctx.t(chosen.problem));
      chosen.field.focus();
      return;
    }
    const now = new Date();
    let prepared: Confirming | { problems: number } | { same: true };
    try {
      prepared = await ctx.exclusive(async () => {
        const loaded = await loadCriteriaSet(chosen.choice, ctx.port, ctx.lang(), ctx.status.progress);
        build.showSet(loaded);
        if (!loaded.ok) return { problems: loaded.problems.length };
        ctx.status.progress(ctx.t('upgrade.checking'));
        const { names, grids } = await readOurSheets(ctx.port);
        const read = readScoring(grids);
        if (fingerprint(read.meta.set) === fingerprint(loaded.set)) return { same: true as const };
        return { sheet: read.sheet.name, set: loaded.set, backup: backupSheetName(names, now) };
      });
    } catch (error) {
      ctx.status.failure(failed, error, ctx.lang());
      return;
    }
    if ('problems' in prepared) {
      ctx.status.problem(failed, ctx.t('set.invalid', { count: prepared.problems }));
      return;
    }
    if ('same' in prepared) {
      ctx.status.info(ctx.t('upgrade.same'));
      return;
    }

    ctx.status.clear();
    confirming = prepared;
    renderConfirmText();
    const yes = await askConfirm({ box: confirmBox, yes: confirmYes, no: confirmNo, trigger: upgradeButton });
    const set = prepared.set;
    confirming = null;
    if (!yes) {
      ctx.status.info(ctx.t('upgrade.cancelled'));
      return;
    }

    let result: CriteriaUpgradeResult;
    try {
      result = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('upgrade.writing'));
        return upgradeCriteriaSet(ctx.port, set, now);
      });
    } catch (error) {
      ctx.status.failure(failed, error, ctx.lang());
      return;
    }
    lastUpgrade = result;
    renderResult();
    const counts = { carried: result.carried, docs: result.evidenceDocs, backup: result.backupSheet };
    const done = ctx.t(result.evidenceDocs ? 'upgrade.done' : 'upgrade.doneNoDocs', counts);
    const note = degradedNote(ctx, result.degraded);
    if (result.leftovers.length) ctx.status.info(done + ' ' + ctx.t('upgrade.leftovers', { count: result.leftovers.length, sheet: LEFTOVERS_SHEET }) + note);
    else ctx.status.success(done + ' ' + ctx.t('upgrade.allCarried') + note);
    onRebuilt();
  }

  appraisalButton.onclick = () => void addAppraisal();
  upgradeButton.onclick = () => void upgrade();

  return {
    refresh,
    relabel() {
      renderState();
      renderConfirmText();
      renderResult();
    },
  };
}

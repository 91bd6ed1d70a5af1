// "Tạo bảng chấm điểm": unit, year and criteria set in; Chấm điểm, Tổng hợp and _cchc out. An
// existing scoring sheet is never replaced without the user's explicit yes.

import { CriteriaSet, describeSet, leavesOf } from '../core/model/criteria';
import { leafRulesWords, setRulesLines } from '../core/model/criteria-describe';
import { Message, say } from '../core/model/errors';
import { a1 } from '../core/model/grid';
import { readMeta } from '../core/sheets/meta';
import { formatPoints } from '../core/model/points';
import { DegradedStep } from '../core/model/port';
import { PaneContext } from './context';
import { LoadedSet, SetChoice, bundledSet, candidateSheets, loadCriteriaSet } from './criteria-source';
import { askConfirm } from './confirm';
import { degradedNote } from './degraded';
import { byId, checkedValue, clear, element, setVisible } from './dom';
import { TextKey } from './i18n';
import { scoringGeometry } from '../core/sheets/scoring/geometry';
import { SHEETS } from '../core/model/layout';
import { message } from '../core/text/catalogue';
import { rebuildPart } from './parts';

export type ChosenSet = { choice: SetChoice } | { problem: TextKey; field: HTMLElement };

export interface BuildController {
  /** Fills the form from the workbook's own _cchc sheet when there is one. */
  init(): Promise<void>;
  relabel(): void;
  /** The set chosen under "Bộ tiêu chí" (the criteria update takes its new set from there), or what is missing. */
  chosenSet(): ChosenSet;
  /** Shows a loaded set, or what is wrong with it, under the form's set choice. */
  showSet(loaded: LoadedSet): void;
  /** The year of the form, or what is wrong with it (the workbooks for several units take it). */
  formYear(): number | { problem: TextKey; field: HTMLElement };
}

interface BuildInput {
  unit: string;
  year: number;
  appraisal: boolean;
  choice: SetChoice;
}

const MAX_LISTED_PROBLEMS = 8;

export function createBuildController(ctx: PaneContext, onBuilt: () => void): BuildController {
  const form = byId<HTMLFormElement>('build-form');
  const unitInput = byId<HTMLInputElement>('unit');
  const yearInput = byId<HTMLInputElement>('year');
  const appraisalInput = byId<HTMLInputElement>('appraisal');
  const sheetOptions = byId('sheet-options');
  const sheetSelect = byId<HTMLSelectElement>('criteria-sheet');
  const sheetNone = byId('sheet-none');
  const sheetOfficial = byId<HTMLInputElement>('sheet-official');
  const fileOptions = byId('file-options');
  const fileInput = byId<HTMLInputElement>('criteria-file');
  const setInfo = byId('set-info');
  const existingNote = byId('build-existing');
  const confirmBox = byId('confirm-replace');
  const confirmText = byId('confirm-text');
  const confirmYes = byId<HTMLButtonElement>('confirm-yes');
  const confirmNo = byId<HTMLButtonElement>('confirm-no');
  const buildButton = byId<HTMLButtonElement>('build-run');

  yearInput.value = String(new Date().getFullYear());

  // Kept so a language switch can re-render them.
  let shownSet: LoadedSet | null = null;
  let existing: { unit: string; year: number } | null = null;
  /** The sheets the open confirmation is about, or null when none is open. */
  let confirmingSheets: string[] | null = null;

  function source(): string {
    return checkedValue(form, 'source') || 'bundled';
  }

  function renderSetInfo(): void {
    clear(setInfo);
    if (!shownSet) return;
    const lang = ctx.lang();
    if (shownSet.ok) {
      const d = describeSet(shownSet.set);
      const counts = { domains: d.domains, criteria: d.criteria, leaves: d.leaves, max: formatPoints(d.max, lang) };
      setInfo.appendChild(element('p', {}, [ctx.t('set.describe', counts)]));
      // How the set scores, where KAD may be written, the bands; then each leaf scored otherwise than by levels.
      setInfo.appendChild(messageList(setRulesLines(shownSet.set)));
      const special = leavesOf(shownSet.set).map((f) => ({ f, words: leafRulesWords(f.node) })).filter((x) => x.words !== null)
        .map(({ f, words }) => (message('set.specialItem', { code: f.code, name: f.node.name, rules: words! })));
      if (special.length) {
        setInfo.appendChild(element('p', {}, [ctx.t('set.specialItems', { count: special.length })]));
        setInfo.appendChild(messageList(special));
      }
      const official = shownSet.set.status === 'official';
      setInfo.appendChild(element('p', { class: official ? 'note' : 'note note-warning' }, [ctx.t(official ? 'set.official' : 'set.reference')]));
      if (shownSet.warnings.length) {
        setInfo.appendChild(element('p', {}, [ctx.t('set.importWarnings')]));
        setInfo.appendChild(messageList(shownSet.warnings));
      }
    } else {
      setInfo.appendChild(element('p', { class: 'note note-error' }, [ctx.t('set.invalid', { count: shownSet.problems.length })]));
      setInfo.appendChild(messageList(shownSet.problems));
    }
  }

  function messageList(messages: Message[]): HTMLUListElement {
    const lang = ctx.lang();
    const items = messages.slice(0, MAX_LISTED_PROBLEMS).map((m) => element('li', {}, [say(m, lang)]));
    if (messages.length > MAX_LISTED_PROBLEMS) items.push(element('li', {}, ['…']));
    return element('ul', { class: 'messages' }, items);
  }

  function renderExisting(): void {
    setVisible(existingNote, !!existing);
    if (existing) existingNote.textContent = ctx.t('build.existing', { unit: existing.unit, year: existing.year });
  }

  function readChoice(): SetChoice | TextKey {
    const kind = source();
    if (kind === 'sheet') return sheetSelect.value ? { kind: 'sheet', sheet: sheetSelect.value, official: sheetOfficial.checked } : 'build.needSheet';
    if (kind === 'file') {
      const file = fileInput.files && fileInput.files[0];
      return file ? { kind: 'file', file } : 'build.needFile';
    }
    return { kind: 'bundled' };
  }

  function readForm(): BuildInput | { problem: TextKey; field: HTMLElement } {
    const unit = unitInput.value.replace(/\s+/g, ' ').trim();
    if (!unit) return { problem: 'build.needUnit', field: unitInput };
    const year = formYear();
    if (typeof year !== 'number') return year;
    const chosen = chosenSet();
    if ('problem' in chosen) return chosen;
    return { unit, year, appraisal: appraisalInput.checked, choice: chosen.choice };
  }

  function formYear(): number | { problem: TextKey; field: HTMLElement } {
    const year = Number(yearInput.value);
    if (!/^\d{4}$/.test(yearInput.value.trim()) || year < 2000 || year > 2100) return { problem: 'build.badYear', field: yearInput };
    return year;
  }

  function chosenSet(): ChosenSet {
    const choice = readChoice();
    if (typeof choice === 'string') return { problem: choice, field: source() === 'sheet' ? sheetSelect : fileInput };
    return { choice };
  }

  async function fillSheetList(): Promise<void> {
    const previous = sheetSelect.value;
    const names = await ctx.exclusive(() => candidateSheets(ctx.port));
    clear(sheetSelect);
    for (const name of names) sheetSelect.appendChild(element('option', { value: name }, [name]));
    if (names.indexOf(previous) >= 0) sheetSelect.value = previous;
    setVisible(sheetNone, names.length === 0);
    sheetSelect.disabled = names.length === 0;
  }

  /** Shows what the chosen set contains (or what is wrong with it) before anything is written. */
  async function preview(): Promise<void> {
    const choice = readChoice();
    if (typeof choice === 'string') {
      shownSet = null;
      renderSetInfo();
      return;
    }
    try {
      shownSet = await ctx.exclusive(() => loadCriteriaSet(choice, ctx.port, ctx.lang(), ctx.status.progress));
      renderSetInfo();
      ctx.status.clear();
    } catch (error) {
      ctx.status.failure(ctx.t('build.failed'), error, ctx.lang());
    }
  }

  async function onSourceChange(): Promise<void> {
    const kind = source();
    setVisible(sheetOptions, kind === 'sheet');
    setVisible(fileOptions, kind === 'file');
    try {
      if (kind === 'sheet') await fillSheetList();
    } catch (error) {
      ctx.status.failure(ctx.t('build.failed'), error, ctx.lang());
      return;
    }
    await preview();
  }

  function renderConfirmText(): void {
    if (!confirmingSheets) return;
    const quoted = confirmingSheets.map((s) => '“' + s + '”');
    const list = quoted.length > 1 ? quoted.slice(0, -1).join(', ') + ' ' + ctx.t('list.and') + ' ' + quoted[quoted.length - 1] : quoted[0];
    confirmText.textContent = ctx.t('build.confirmText', { sheets: list });
  }

  async function confirmReplace(sheets: string[]): Promise<boolean> {
    confirmingSheets = sheets;
    renderConfirmText();
    const answer = await askConfirm({ box: confirmBox, yes: confirmYes, no: confirmNo, trigger: buildButton });
    confirmingSheets = null;
    return answer;
  }

  function firstEntryCell(set: CriteriaSet, appraisal: boolean): string {
    const geometry = scoringGeometry(set, appraisal);
    const firstLeaf = geometry.nodeRows.filter((r) => r.flat.leaf)[0];
    return a1(firstLeaf ? firstLeaf.row : geometry.firstNodeRow, geometry.layout.col.self as number);
  }

  async function build(): Promise<void> {
    if (confirmingSheets) return;
    const failed = ctx.t('build.failed');
    const input = readForm();
    if ('problem' in input) {
      ctx.status.problem(failed, ctx.t(input.problem));
      input.field.focus();
      return;
    }
    let set: CriteriaSet;
    let present: string[];
    try {
      const prepared = await ctx.exclusive(async () => {
        const loaded = await loadCriteriaSet(input.choice, ctx.port, ctx.lang(), ctx.status.progress);
        shownSet = loaded;
        renderSetInfo();
        if (!loaded.ok) return null;
        ctx.status.progress(ctx.t('build.checkingSheets'));
        const names = (await ctx.port.listSheets()).map((s) => s.name);
        return { set: loaded.set, present: [SHEETS.scoring, SHEETS.summary, SHEETS.evidence, SHEETS.assignment].filter((n) => names.indexOf(n) >= 0) };
      });
      if (!prepared) {
        ctx.status.problem(failed, ctx.t('set.invalid', { count: shownSet && !shownSet.ok ? shownSet.problems.length : 0 }));
        return;
      }
      set = prepared.set;
      present = prepared.present;
    } catch (error) {
      ctx.status.failure(failed, error, ctx.lang());
      return;
    }
    if (present.length) {
      ctx.status.clear();
      if (!(await confirmReplace(present))) {
        ctx.status.info(ctx.t('build.cancelled'));
        return;
      }
    }
    let degraded: DegradedStep[];
    try {
      degraded = await ctx.exclusive(async () => {
        ctx.status.progress(ctx.t('build.writing'));
        const { buildWorkbookPlan } = await rebuildPart();
        const written = await ctx.port.applyPlan(buildWorkbookPlan({ set, unit: input.unit, year: input.year, appraisal: input.appraisal }));
        await ctx.port.select(SHEETS.scoring, firstEntryCell(set, input.appraisal));
        return written.degraded;
      });
    } catch (error) {
      ctx.status.failure(failed, error, ctx.lang());
      return;
    }
    const d = describeSet(set);
    ctx.status.success(ctx.t('build.done', { unit: input.unit, year: input.year, leaves: d.leaves, max: formatPoints(d.max, ctx.lang()) }) + degradedNote(ctx, degraded));
    existing = { unit: input.unit, year: input.year };
    renderExisting();
    onBuilt();
  }

  form.onsubmit = (event: Event) => {
    event.preventDefault();
    void build();
  };
  const radios = form.querySelectorAll('input[name="source"]');
  for (let i = 0; i < radios.length; i++) (radios[i] as HTMLInputElement).onchange = () => void onSourceChange();
  sheetSelect.onchange = () => void preview();
  sheetOfficial.onchange = () => void preview();
  fileInput.onchange = () => void preview();

  return {
    async init() {
      try {
        // The bundled set arrives with the first use of the pane (parts.ts), then shows under the form.
        const bundled = await bundledSet();
        byId('bundled-title').textContent = bundled.title;
        if (!shownSet && source() === 'bundled') {
          shownSet = { ok: true, set: bundled, warnings: [] };
          renderSetInfo();
        }
      } catch (error) {
        // Offline: the form still reads the workbook; the set is fetched again when the build asks.
        ctx.status.failure(ctx.t('build.failed'), error, ctx.lang());
      }
      try {
        const meta = await ctx.exclusive(async () => {
          const sheets = await ctx.port.listSheets();
          if (!sheets.some((s) => s.name === SHEETS.meta)) return null;
          const grids = await ctx.port.readGrids([SHEETS.meta]);
          const result = readMeta(grids.sheets[0]);
          return result.ok ? result.meta : null;
        });
        if (meta) {
          unitInput.value = meta.unit;
          yearInput.value = String(meta.year);
          appraisalInput.checked = meta.appraisal;
          existing = { unit: meta.unit, year: meta.year };
          renderExisting();
        }
      } catch (error) {
        ctx.status.failure(ctx.t('build.failed'), error, ctx.lang());
      }
    },
    relabel() {
      renderSetInfo();
      renderExisting();
      renderConfirmText();
    },
    chosenSet,
    formYear,
    showSet(loaded) {
      shownSet = loaded;
      renderSetInfo();
    },
  };
}

// "Bảng cho nhiều đơn vị" in the pane: what `cchc build --units` does, for a district officer with the
// add-in but no command line. The list is read by the core (features/units.ts); each unit's workbook
// is built in turn in the open (blank) workbook and taken as a file (Office's getFileAsync), and all of
// them are offered as one .zip to download and send by e-mail.

import { PaneContext } from './context';
import { clear, element } from './dom';
import { parseUnitList } from '../core/features/units';
import { rebuildPart } from './parts';
import { SHEETS } from '../core/model/layout';
import { say } from '../core/model/errors';
import { loadCriteriaSet } from './criteria-source';
import { BuildController } from './build-controller';
import { ZipEntry, zipStored } from './zip';

export interface UnitsPanel {
  relabel(): void;
}

const LISTED_PROBLEMS = 10;

interface Saver {
  msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean;
}

/** A link that downloads the bytes under a name; Internet Explorer 11 saves through msSaveOrOpenBlob. */
function downloadLink(bytes: Uint8Array, name: string, type: string, label: string, id?: string): HTMLElement {
  const blob = new Blob([bytes as unknown as ArrayBuffer], { type });
  const link = element('a', id ? { href: URL.createObjectURL(blob), download: name, id } : { href: URL.createObjectURL(blob), download: name }, [label]);
  const saver = window.navigator as unknown as Saver;
  if (saver.msSaveOrOpenBlob) {
    link.onclick = (event) => {
      event.preventDefault();
      saver.msSaveOrOpenBlob!(blob, name);
    };
  }
  return link;
}

export function createUnitsPanel(ctx: PaneContext, build: BuildController, card: HTMLElement): UnitsPanel {
  const heading = element('h2', { id: 'units-heading' });
  const intro = element('p', { class: 'hint' });
  const label = element('label', { for: 'units-list' });
  const list = element('textarea', { id: 'units-list', rows: '5', 'aria-describedby': 'units-list-hint', spellcheck: 'false' });
  const hint = element('p', { class: 'hint', id: 'units-list-hint' });
  const run = element('button', { type: 'button', id: 'units-run', 'data-action': '' });
  const result = element('div', { id: 'units-result', 'aria-live': 'polite' });
  clear(card);
  [heading, intro, element('div', { class: 'field' }, [label, list, hint]), element('div', { class: 'actions' }, [run]), result].forEach((n) => card.appendChild(n));

  let files: ZipEntry[] = [];
  let year = 0;

  function render(): void {
    heading.textContent = ctx.t('paneUnits.heading');
    intro.textContent = ctx.t('paneUnits.intro');
    label.textContent = ctx.t('paneUnits.list');
    hint.textContent = ctx.t('paneUnits.listHint');
    run.textContent = ctx.t('paneUnits.run');
  }

  function showFiles(): void {
    clear(result);
    if (!files.length) return;
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    result.appendChild(element('p', {}, [downloadLink(zipStored(files), `bang-cham-diem-${year}.zip`, 'application/zip', ctx.t('paneUnits.zip', { count: files.length }), 'units-zip')]));
    result.appendChild(element('ul', { class: 'messages units-files' }, files.map((f) => element('li', {}, [downloadLink(f.bytes, f.name, xlsx, f.name)]))));
  }

  async function make(): Promise<void> {
    const failed = ctx.t('paneUnits.failed');
    const formYear = build.formYear();
    if (typeof formYear !== 'number') {
      ctx.status.problem(failed, ctx.t(formYear.problem));
      formYear.field.focus();
      return;
    }
    const parsed = parseUnitList(list.value, formYear);
    clear(result);
    if (parsed.problems.length) {
      ctx.status.problem(failed, ctx.t('paneUnits.problems', { count: parsed.problems.length }));
      result.appendChild(element('ul', { class: 'messages' }, parsed.problems.slice(0, LISTED_PROBLEMS).map((p) => element('li', {}, [say(p.message, ctx.lang())]))));
      list.focus();
      return;
    }
    const fileCopy = ctx.port.fileCopy;
    if (!fileCopy) {
      ctx.status.problem(failed, ctx.t('paneUnits.noFiles', { year: formYear }));
      return;
    }
    const chosen = build.chosenSet();
    if ('problem' in chosen) {
      ctx.status.problem(failed, ctx.t(chosen.problem));
      chosen.field.focus();
      return;
    }
    try {
      const made = await ctx.exclusive(async () => {
        const names = (await ctx.port.listSheets()).map((s) => s.name);
        if (names.indexOf(SHEETS.scoring) >= 0 || names.indexOf(SHEETS.meta) >= 0) return 'notBlank' as const;
        const loaded = await loadCriteriaSet(chosen.choice, ctx.port, ctx.lang(), ctx.status.progress);
        build.showSet(loaded);
        if (!loaded.ok) return 'badSet' as const;
        const { buildWorkbookPlan } = await rebuildPart();
        const out: ZipEntry[] = [];
        for (let i = 0; i < parsed.units.length; i++) {
          const u = parsed.units[i];
          ctx.status.progress(ctx.t('paneUnits.making', { n: i + 1, count: parsed.units.length, unit: u.unit }));
          await ctx.port.applyPlan(buildWorkbookPlan({ set: loaded.set, unit: u.unit, year: formYear }));
          out.push({ name: u.file, bytes: await fileCopy.call(ctx.port) });
        }
        return out;
      });
      if (made === 'notBlank') {
        ctx.status.problem(failed, ctx.t('paneUnits.notBlank'));
        return;
      }
      if (made === 'badSet') {
        ctx.status.problem(failed, ctx.t('build.failed'));
        return;
      }
      files = made;
      year = formYear;
      showFiles();
      ctx.status.success(ctx.t('paneUnits.done', { count: files.length, year }));
    } catch (error) {
      ctx.status.failure(failed, error, ctx.lang());
    }
  }

  run.onclick = () => void make();
  render();
  return {
    relabel() {
      render();
      showFiles();
    },
  };
}

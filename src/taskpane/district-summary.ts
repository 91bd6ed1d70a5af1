// "Tổng hợp các xã từ tệp": a Phòng Nội vụ officer picks the communes' workbooks (several at once); the
// pane reads each with the small .xlsx reader (never exceljs), checks it as `cchc check` does, ranks
// them as `cchc summary` does (the same exclusions and reasons) and writes the ranking, its chart and
// the communes set apart into the open workbook. A self-contained part: it mounts into a host element.

import { Lang, UserError, say } from '../core/model/errors';
import { readXlsxGrids } from '../adapters/ooxml/read';
import { summaryInputOf, unreadableInput } from '../core/features/district-inputs';
import { SummaryBasis, SummaryInput, summaryAccumulator } from '../core/features/district-summary';
import { SUMMARY_SHEETS, summaryWorkbookPlan } from '../core/features/district-workbook';
import { PaneContext } from './context';
import { clear, element } from './dom';
import { TextKey } from './i18n';
import { readFileBytes } from './file-bytes';

/**
 * One picked file as the summary takes it; a file that cannot be read is set apart with the reason.
 * `modified` (ISO) is when the file was last saved: of two workbooks of one commune the later one is
 * used, as cchc summary does with the files' times.
 */
export async function inputOfFile(name: string, bytes: Uint8Array, lang: Lang, modified?: string): Promise<SummaryInput> {
  try {
    const input = summaryInputOf(name, readXlsxGrids(bytes, name), lang);
    if (modified) input.modified = modified;
    return input;
  } catch (e) {
    if (e instanceof UserError) return unreadableInput(name, say(e.userMessage, lang));
    throw e;
  }
}

/** When a picked file was last saved, as an ISO time (IE11's File has lastModifiedDate only). */
function savedAt(file: File): string | undefined {
  const f = file as File & { lastModifiedDate?: Date };
  const time = typeof f.lastModified === 'number' ? f.lastModified : f.lastModifiedDate ? f.lastModifiedDate.getTime() : NaN;
  return isFinite(time) ? new Date(time).toISOString() : undefined;
}

export interface DistrictSummaryPart {
  relabel(): void;
}

export function mountDistrictSummary(ctx: PaneContext, host: HTMLElement): DistrictSummaryPart {
  const labelled: Array<[HTMLElement, TextKey]> = [];
  const label = <T extends HTMLElement>(node: T, key: TextKey): T => {
    labelled.push([node, key]);
    node.textContent = ctx.t(key);
    return node;
  };
  const files = element('input', { type: 'file', id: 'district-files', accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', multiple: 'multiple' });
  const by = element('select', { id: 'district-by' }, [
    label(element('option', { value: 'self' }), 'district.bySelf'),
    label(element('option', { value: 'appraisal' }), 'district.byAppraisal'),
  ]);
  const issuer = element('input', { type: 'text', id: 'district-issuer', autocomplete: 'organization' });
  const run = label(element('button', { type: 'button', id: 'district-run', 'data-action': '' }), 'district.run');
  const result = element('div', { id: 'district-result', 'aria-live': 'polite' });
  host.appendChild(element('section', { class: 'sub-card', 'aria-labelledby': 'district-heading' }, [
    label(element('h3', { id: 'district-heading' }), 'district.heading'),
    label(element('p', { class: 'hint' }), 'district.intro'),
    element('div', { class: 'field' }, [label(element('label', { for: 'district-files' }), 'district.pick'), files]),
    element('div', { class: 'field' }, [label(element('label', { for: 'district-by' }), 'district.by'), by]),
    element('div', { class: 'field' }, [label(element('label', { for: 'district-issuer' }), 'district.issuer'), issuer]),
    element('div', { class: 'actions' }, [run]),
    result,
  ]));

  async function summarizeFiles(): Promise<void> {
    const picked = files.files ? Array.prototype.slice.call(files.files) as File[] : [];
    clear(result);
    if (!picked.length) {
      ctx.status.problem(ctx.t('district.failed'), ctx.t('district.needFiles'));
      return;
    }
    const lang = ctx.lang();
    const basis = (by.value === 'appraisal' ? 'appraisal' : 'self') as SummaryBasis;
    try {
      const summary = await ctx.exclusive(async () => {
        // One workbook at a time, as cchc summary reads them: only each one's small result is kept.
        const accumulator = summaryAccumulator(basis, lang);
        for (let i = 0; i < picked.length; i++) {
          ctx.status.progress(ctx.t('district.reading', { done: i + 1, total: picked.length, file: picked[i].name }));
          accumulator.add(await inputOfFile(picked[i].name, await readFileBytes(picked[i]), lang, savedAt(picked[i])));
        }
        const { summary: ranked, set } = accumulator.result();
        if (!ranked.units.length) return ranked;
        ctx.status.progress(ctx.t('district.writing'));
        const district = issuer.value.replace(/\s+/g, ' ').trim();
        await ctx.port.applyPlan(summaryWorkbookPlan(ranked, set, { district: district || undefined }).plan);
        await ctx.port.select(SUMMARY_SHEETS.ranking, 'A1');
        return ranked;
      });
      const list = element('ul', { class: 'district-excluded' });
      for (const e of summary.excluded) list.appendChild(element('li', {}, [`${e.file}${e.unit ? ' — ' + e.unit : ''}: ${e.reason}`]));
      if (summary.excluded.length) result.appendChild(element('div', {}, [element('p', {}, [ctx.t('district.excluded', { count: summary.excluded.length })]), list]));
      if (!summary.units.length) ctx.status.problem(ctx.t('district.failed'), ctx.t('district.none'));
      else ctx.status.success(ctx.t('district.done', { ranked: summary.units.length, excluded: summary.excluded.length }));
    } catch (error) {
      ctx.status.failure(ctx.t('district.failed'), error, lang);
    }
  }

  run.onclick = () => void summarizeFiles();
  return {
    relabel: () => {
      for (const [node, key] of labelled) node.textContent = ctx.t(key);
    },
  };
}

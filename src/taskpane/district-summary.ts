// "Tổng hợp các xã từ tệp": a Phòng Nội vụ officer picks the communes' workbooks (several at once); the
// pane reads each with the small .xlsx reader (never exceljs), checks it as `cchc check` does, ranks
// them as `cchc summary` does (the same exclusions and reasons) and writes the ranking, its chart and
// the communes set apart into the open workbook. A self-contained part: it mounts into a host element;
// the reading and ranking (district-files.ts) are fetched on the first click.

import type { SummaryBasis } from '../core/features/district-summary';
import { PaneContext } from './context';
import { clear, element } from './dom';
import { TextKey } from './i18n';
import { readFileBytes } from './file-bytes';
import { filesPart } from './parts';

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
        const part = await filesPart();
        const district = issuer.value.replace(/\s+/g, ' ').trim() || undefined;
        const workbooks = picked.map((file) => ({ name: file.name, modified: savedAt(file), bytes: () => readFileBytes(file) }));
        const { summary: ranked, plan } = await part.districtSummaryOf(workbooks, basis, lang, district, (done, total, file) =>
          ctx.status.progress(ctx.t('district.reading', { done, total, file })));
        if (!plan) return ranked;
        ctx.status.progress(ctx.t('district.writing'));
        await ctx.port.applyPlan(plan);
        await ctx.port.select(part.RANKING_SHEET, 'A1');
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

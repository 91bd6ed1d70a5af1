// Lines of `cchc check`'s human output for the bonus and deduction groups and for the leaves where the
// appraisal differs from the self score.
import { Lang } from '../core/model/errors';
import { formatPoints } from '../core/model/points';
import { FileReport } from '../core/check/report';
import { text } from '../core/text/node';

/** "Điểm thưởng: +1 (tự chấm), +0,5 (thẩm định)" — one line per group the set defines. */
export function extrasLines(report: FileReport, lang: Lang): string[] {
  const total = report.total;
  if (!total) return [];
  const lines: string[] = [];
  for (const kind of ['bonus', 'deduction'] as const) {
    const sums = total[kind];
    if (!sums) continue;
    const sign = kind === 'bonus' ? '+' : '−';
    const parts = [`${sign}${formatPoints(sums.self, lang)} (${text(lang, 'cli.checkTextAppraisal.self')})`];
    if (sums.appraisal !== null) parts.push(`${sign}${formatPoints(sums.appraisal, lang)} (${text(lang, 'cli.checkTextAppraisal.appraisal')})`);
    lines.push(`${text(lang, kind === 'bonus' ? 'cli.checkTextAppraisal.bonus' : 'cli.checkTextAppraisal.deduction')}: ${parts.join(', ')}`);
  }
  return lines;
}

/** The differences block: a heading, then "  E12 → F12  1.1.1 Name: 1 → 0,5 (−0,5)" per item. */
export function differenceLines(report: FileReport, lang: Lang): string[] {
  const differences = report.differences;
  if (!differences) return [];
  if (!differences.length) return ['', text(lang, 'cli.checkTextAppraisal.none')];
  const shown = (value: number | null, notApplicable: boolean) => (notApplicable ? text(lang, 'cli.checkTextAppraisal.notApplicable') : value === null ? text(lang, 'cli.checkTextAppraisal.blank') : formatPoints(value, lang));
  const lines = ['', text(lang, 'cli.checkTextAppraisal.differences', { n: differences.length })];
  for (const d of differences) {
    const change = d.diff === null ? '' : ` (${d.diff > 0 ? '+' : d.diff < 0 ? '−' : ''}${formatPoints(Math.abs(d.diff), lang)})`;
    const cell = (d.cells.appraisal || '').padEnd(6);
    lines.push(`  ≠ ${cell} ${d.code} ${d.name}: ${shown(d.self, d.selfNotApplicable)} → ${shown(d.appraisal, d.appraisalNotApplicable)}${change}`);
  }
  return lines;
}

// Lines of `cchc check`'s human output for the bonus and deduction groups and for the leaves where the
// appraisal differs from the self score.
import { Lang } from '../core/model/errors';
import { formatPoints } from '../core/model/points';
import { FileReport } from '../core/check/report';

const T = {
  vi: {
    bonus: 'Điểm thưởng', deduction: 'Điểm trừ', self: 'tự chấm', appraisal: 'thẩm định',
    differences: (n: number) => `Chênh lệch thẩm định / tự chấm: ${n} mục`,
    none: 'Điểm thẩm định trùng điểm tự chấm ở mọi mục đã thẩm định.',
    blank: '(trống)', notApplicable: 'KAD',
  },
  en: {
    bonus: 'Bonus', deduction: 'Deductions', self: 'self', appraisal: 'appraisal',
    differences: (n: number) => `Appraisal differs from the self score: ${n} item(s)`,
    none: 'The appraisal equals the self score on every appraised item.',
    blank: '(blank)', notApplicable: 'KAD',
  },
};

/** "Điểm thưởng: +1 (tự chấm), +0,5 (thẩm định)" — one line per group the set defines. */
export function extrasLines(report: FileReport, lang: Lang): string[] {
  const t = T[lang];
  const total = report.total;
  if (!total) return [];
  const lines: string[] = [];
  for (const kind of ['bonus', 'deduction'] as const) {
    const sums = total[kind];
    if (!sums) continue;
    const sign = kind === 'bonus' ? '+' : '−';
    const parts = [`${sign}${formatPoints(sums.self, lang)} (${t.self})`];
    if (sums.appraisal !== null) parts.push(`${sign}${formatPoints(sums.appraisal, lang)} (${t.appraisal})`);
    lines.push(`${t[kind]}: ${parts.join(', ')}`);
  }
  return lines;
}

/** The differences block: a heading, then "  E12 → F12  1.1.1 Name: 1 → 0,5 (−0,5)" per item. */
export function differenceLines(report: FileReport, lang: Lang): string[] {
  const t = T[lang];
  const differences = report.differences;
  if (!differences) return [];
  if (!differences.length) return ['', t.none];
  const shown = (value: number | null, notApplicable: boolean) => (notApplicable ? t.notApplicable : value === null ? t.blank : formatPoints(value, lang));
  const lines = ['', t.differences(differences.length)];
  for (const d of differences) {
    const change = d.diff === null ? '' : ` (${d.diff > 0 ? '+' : d.diff < 0 ? '−' : ''}${formatPoints(Math.abs(d.diff), lang)})`;
    const cell = (d.cells.appraisal || '').padEnd(6);
    lines.push(`  ≠ ${cell} ${d.code} ${d.name}: ${shown(d.self, d.selfNotApplicable)} → ${shown(d.appraisal, d.appraisalNotApplicable)}${change}`);
  }
  return lines;
}

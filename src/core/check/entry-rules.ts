// Rules on each leaf's entries (DESIGN.md §3.2): not-a-number, negative, over-max, not-a-level and
// missing-score, for the self score and, once it exists, the appraisal.

import { FlatNode } from '../model/criteria';
import { Message } from '../model/errors';
import { ParsedScore, decimalPointMisread, isHundredthStep, pointsEqual, toHundredths } from '../model/points';
import { CheckContext, Rule, f, fe } from './contract';

export const columnName: Record<'self' | 'appraisal', Message> = {
  self: { vi: 'tự chấm', en: 'self score' },
  appraisal: { vi: 'thẩm định', en: 'appraisal' },
};

/** What to do about a score typed with a decimal point on a machine that uses the decimal comma. */
function decimalPointMessage(misread: NonNullable<ReturnType<typeof decimalPointMisread>>, text: string): Message {
  if (misread.kind === 'text') {
    return {
      vi: `"${text.trim()}" là chữ, không phải số: máy đang dùng dấu phẩy thập phân, hãy nhập ${misread.meant} (hoặc đổi cài đặt vùng).`,
      en: `"${text.trim()}" is text, not a number: this computer uses the decimal comma; type ${misread.meant} (or change the regional settings).`,
    };
  }
  const date = `${misread.day < 10 ? '0' : ''}${misread.day}/${misread.month < 10 ? '0' : ''}${misread.month}`;
  return {
    vi: `Excel đã hiểu điểm gõ vào là ngày ${date}: máy dùng dấu phẩy thập phân, nên điểm lẻ gõ bằng dấu phẩy (ví dụ ${misread.day},${misread.month} chứ không phải ${misread.day}.${misread.month}). Chọn ô, đặt lại định dạng General (Trang đầu → Số), rồi gõ lại điểm.`,
    en: `Excel took the score typed here for the date ${date}: this computer uses the decimal comma, so type fractions with a comma (${misread.day},${misread.month}, not ${misread.day}.${misread.month}). Select the cell, set its format back to General (Home → Number), then type the score again.`,
  };
}

/** Entry rules on every leaf score: not-a-number, negative, over-max, not-a-level, missing-score. */
export const entryRules: Rule[] = [
  {
    id: 'not-a-number',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'decimal-comma') {
          ctx.report({ severity: 'error', rule: 'not-a-number', code: leaf.code, column, cell, message: {
            vi: `"${p.text}" là chữ, không phải số: máy đang dùng dấu chấm thập phân, hãy nhập ${p.text.replace(',', '.')} (hoặc đổi cài đặt vùng).`,
            en: `"${p.text}" is text, not a number: this computer uses the decimal point; type ${p.text.replace(',', '.')} (or change the regional settings).`,
          } });
        } else if (p.kind === 'text' && decimalPointMisread(p.text)) {
          ctx.report({ severity: 'error', rule: 'not-a-number', code: leaf.code, column, cell, message: decimalPointMessage(decimalPointMisread(p.text)!, p.text) });
        } else if (p.kind === 'text') {
          ctx.report({ severity: 'error', rule: 'not-a-number', code: leaf.code, column, cell, message: {
            vi: `"${p.text.slice(0, 40)}" không phải là điểm số: nhập một số từ 0 đến ${f(leaf.node.max)}, hoặc KAD nếu không áp dụng.`,
            en: `"${p.text.slice(0, 40)}" is not a score: enter a number from 0 to ${fe(leaf.node.max)}, or KAD if not applicable.`,
          } });
        }
      });
    },
  },
  {
    id: 'negative',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'number' && p.value < 0) {
          ctx.report({ severity: 'error', rule: 'negative', code: leaf.code, column, cell, message: {
            vi: `Điểm ${f(p.value)} bị âm: điểm phải từ 0 đến ${f(leaf.node.max)}.`,
            en: `Score ${fe(p.value)} is negative: it must be from 0 to ${fe(leaf.node.max)}.`,
          } });
        }
      });
    },
  },
  {
    id: 'over-max',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind === 'number' && toHundredths(p.value) > toHundredths(leaf.node.max)) {
          ctx.report({ severity: 'error', rule: 'over-max', code: leaf.code, column, cell, message: {
            vi: `Điểm ${f(p.value)} vượt điểm tối đa ${f(leaf.node.max)}`,
            en: `Score ${fe(p.value)} exceeds the maximum ${fe(leaf.node.max)}`,
          } });
        }
      });
    },
  },
  {
    id: 'not-a-level',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        const levels = leaf.node.levels;
        if (p.kind !== 'number') return;
        if (p.value < 0 || toHundredths(p.value) > toHundredths(leaf.node.max)) return; // reported above
        if (!isHundredthStep(p.value)) {
          // Scores go in hundredths: a finer one would make the sheet's sums and ours disagree.
          const raw = String(p.value);
          ctx.report({ severity: 'error', rule: 'not-a-level', code: leaf.code, column, cell, message: {
            vi: `Điểm ${raw.replace('.', ',')} lẻ quá hai chữ số thập phân: điểm chấm đến 0,01 (ví dụ ${f(p.value)}).`,
            en: `Score ${raw} has more than two decimals: scores go in hundredths (e.g. ${fe(p.value)}).`,
          } });
          return;
        }
        if (!levels || !levels.length) return;
        if (levels.some((l) => pointsEqual(l, p.value))) return;
        ctx.report({ severity: 'error', rule: 'not-a-level', code: leaf.code, column, cell, message: {
          vi: `Điểm ${f(p.value)} không thuộc các mức cho phép (${levels.map(f).join('; ')}).`,
          en: `Score ${fe(p.value)} is not one of the allowed levels (${levels.map(fe).join(', ')}).`,
        } });
      });
    },
  },
  {
    id: 'missing-score',
    run(ctx) {
      forEachEntry(ctx, (leaf, column, p, cell) => {
        if (p.kind !== 'blank') return;
        // An appraisal column left entirely blank is not yet in use: warn only once it has started.
        if (column === 'appraisal' && !appraisalStarted(ctx)) return;
        if (column === 'appraisal' && ctx.entry(leaf.code, 'self').kind === 'not-applicable') return;
        ctx.report({ severity: 'warning', rule: 'missing-score', code: leaf.code, column, cell, message: {
          vi: `Chưa chấm điểm ${columnName[column].vi} (ghi KAD nếu tiêu chí không áp dụng).`,
          en: `No ${columnName[column].en} entered (write KAD if the criterion does not apply).`,
        } });
      });
    },
  },
];

export function appraisalStarted(ctx: CheckContext): boolean {
  return ctx.flat.some((l) => l.leaf && ctx.read.rowOf[l.code] !== undefined && ctx.entry(l.code, 'appraisal').kind !== 'blank');
}

export function forEachEntry(ctx: CheckContext, fn: (leaf: FlatNode, column: 'self' | 'appraisal', p: ParsedScore, cell: string | null) => void): void {
  for (const leaf of ctx.flat) {
    if (!leaf.leaf || ctx.read.rowOf[leaf.code] === undefined) continue;
    for (const column of ctx.scoreColumns) fn(leaf, column, ctx.entry(leaf.code, column), ctx.cellOf(leaf.code, column));
  }
}

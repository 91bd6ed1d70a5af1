// The entries of every scored item — the tree's leaves, then the bonus and deduction items — for the
// self score and, once it exists, the appraisal: each cell's verdict (model/verdict.ts) reported under
// its rule (DESIGN.md §3.2: not-a-number, negative, over-max, not-a-level, missing-score); a figure in
// the Tỷ lệ / số lượng column that gives no points (figure-invalid).

import { Judged, ScoreColumn, ScoreSpec, extraScore, leafScore, verdictIssue } from '../model/verdict';
import { extraLists } from '../sheets/scoring/extras';
import { CheckContext, Rule } from './contract';
import { figureInvalid, figureInvalidMessage } from '../model/verdict-kinds';
import { cellAt } from '../model/grid';

export interface ScoredEntry {
  code: string;
  spec: ScoreSpec;
}

/** Every scored item of the set whose row is on the sheet, in tree order, then bonus and deduction items. */
export function scoredItems(ctx: CheckContext): ScoredEntry[] {
  const out: ScoredEntry[] = [];
  for (const leaf of ctx.flat) {
    if (leaf.leaf && ctx.read.rowOf[leaf.code] !== undefined) out.push({ code: leaf.code, spec: leafScore(leaf.node) });
  }
  for (const g of extraLists(ctx.read.meta.set)) {
    for (const item of g.items) {
      // A missing row is reported by the structure rule.
      if (ctx.read.rowOf[item.code] !== undefined) out.push({ code: item.code, spec: extraScore(g.kind, item) });
    }
  }
  return out;
}

/** Whether the appraisal column is in use: something is entered in it. */
export function appraisalStarted(ctx: CheckContext): boolean {
  return ctx.flat.some((l) => l.leaf && ctx.read.rowOf[l.code] !== undefined && ctx.judged(l.code, 'appraisal').kind !== 'empty');
}

/** Whether a verdict is worth reporting in its context. */
function reportable(ctx: CheckContext, code: string, column: ScoreColumn, j: Judged, started: boolean): boolean {
  if (j.kind !== 'empty' || column !== 'appraisal') return true;
  // An appraisal column left entirely blank is not yet in use; a leaf the commune marked KAD needs none.
  return started && ctx.judged(code, 'self').parsed.kind !== 'not-applicable';
}

export const entryRules: Rule[] = [
  {
    id: 'entries',
    run(ctx) {
      // Every appraisal cell is judged below anyway (verdicts are kept): asking first costs nothing.
      const started = appraisalStarted(ctx);
      for (const item of scoredItems(ctx)) {
        for (const column of ctx.scoreColumns) {
          const j = ctx.judged(item.code, column);
          const issue = verdictIssue(j, column);
          if (!issue || !reportable(ctx, item.code, column, j, started)) continue;
          ctx.report({ severity: issue.severity, rule: issue.rule, code: item.code, column, cell: ctx.cellOf(item.code, column), message: issue.message });
        }
      }
    },
  },
  {
    // A rate or count that gives no points (pasted past the cell's validation: 93 for 93%, a negative
    // count, text): Kiểm tra says "(tỷ lệ/số lượng không hợp lệ)" on the row, the check says what to type.
    id: 'figure-invalid',
    run(ctx) {
      for (const leaf of ctx.flat) {
        if (!leaf.leaf || ctx.read.rowOf[leaf.code] === undefined) continue;
        const k = ctx.judged(leaf.code, 'self').spec.kinds;
        if (!figureInvalid(k)) continue;
        const cell = k!.figure!.cell;
        const value = cellAt(ctx.read.sheet, ctx.read.rowOf[leaf.code], ctx.read.columns.figure!);
        ctx.report({ severity: 'warning', rule: 'figure-invalid', code: leaf.code, column: 'self', cell, message: figureInvalidMessage(k!, value) });
      }
    },
  },
];

// The verdict (verdict.ts) as the sheet carries it: the Kiểm tra formula and its cached result, the
// data validation with its prompt and error, and the condition that colours a wrong score. Each is
// the same VERDICT_KINDS table read as Excel conditions, so the sheet and the check cannot disagree.

import { CellValue } from './grid';
import { ValidationPlan } from './plan';
import { formatPoints, parseScoreCell } from './points';
import { text } from '../text/catalogue';
import { figureSuffixExpression, stepChoices } from './verdict-kinds';
import { KindRow, Operands, ScoreSpec, VERDICT_KINDS, checkText, hasLevels, isLeaf, noKad, verdictText, what } from './verdict';

function operands(cell: string, spec: ScoreSpec): Operands {
  return { cell, max: String(spec.max), levels: spec.levels && spec.levels.length ? spec.levels : null };
}

function quoted(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** Nested IFs over the kinds that have a condition, each giving `result(row)`; equal tails fold. */
function nestedIf(o: Operands, spec: ScoreSpec, rows: ReadonlyArray<KindRow>, result: (row: KindRow) => string): string {
  const all = rows
    .map((row) => ({ condition: row.condition(o, spec), result: result(row) }))
    .filter((s): s is { condition: string; result: string } => s.condition !== null);
  // A kind that always holds here (an item scored at appraisal) ends the chain.
  const always = all.map((s) => s.condition).indexOf('TRUE');
  const steps = all.slice(0, always + 1);
  // The last step ('valid', condition TRUE) is the fallback; steps just above it with its result fold into it.
  let i = steps.length - 1;
  const fallback = steps[i].result;
  while (i > 0 && steps[i - 1].result === fallback) i--;
  let expr = fallback;
  for (let j = i - 1; j >= 0; j--) expr = `IF(${steps[j].condition},${steps[j].result},${expr})`;
  return expr;
}

/**
 * The Kiểm tra expression for one score cell. The maximum is the set's (a literal), so an edited
 * Điểm tối đa cell cannot loosen the check.
 */
export function scoreCheckExpression(cell: string, spec: ScoreSpec): string {
  const verdict = nestedIf(operands(cell, spec), spec, VERDICT_KINDS, (row) => quoted(verdictText(row.kind, spec)));
  // The points the unit's figure gives, after the verdict: "✓ (tính được 1,86)".
  const suffix = figureSuffixExpression(spec.kinds);
  return suffix ? `${verdict}&${suffix}` : verdict;
}

/** The Kiểm tra formula of a row with an appraisal column: the self verdict, and both once the appraisal is entered. */
export function bothCheckExpression(appraisalCell: string, selfExpression: string, appraisalExpression: string): string {
  const template = text('vi', 'verdict.sheet.both');
  const parts = template.split(/\{(self|appraisal)\}/);
  const joined = parts.map((p, i) => (i % 2 === 0 ? quoted(p) : p === 'self' ? selfExpression : appraisalExpression))
    .filter((p) => p !== '""').join('&');
  return `IF(TRIM(${appraisalCell}&"")="",${selfExpression},${joined})`;
}

/** The cached result of bothCheckExpression (the appraisal judged by its own spec when it has one). */
export function bothCheckText(self: CellValue | undefined, appraisal: CellValue | undefined, spec: ScoreSpec, appraisalSpec: ScoreSpec = spec): string {
  const selfText = checkText(self, spec);
  if (parseScoreCell(appraisal === undefined ? null : appraisal).kind === 'blank') return selfText;
  return text('vi', 'verdict.sheet.both', { self: selfText, appraisal: checkText(appraisal, appraisalSpec) });
}

/** The data validation formula: TRUE for what may be typed; 'flag' kinds are let in to be flagged. */
export function validationExpression(cell: string, spec: ScoreSpec): string {
  const rows = VERDICT_KINDS.filter((row) => row.typing !== 'flag');
  return nestedIf(operands(cell, spec), spec, rows, (row) => (row.typing === 'refuse' ? 'FALSE' : 'TRUE'));
}

/**
 * The condition of the conditional format that colours a wrong score, relative to `cell` with the
 * maximum read from `maxRef` (one rule over a whole column, so no per-row levels).
 */
export function colourExpression(cell: string, maxRef: string, spec: ScoreSpec): string {
  const o: Operands = { cell, max: maxRef, levels: null };
  return nestedIf(o, spec, VERDICT_KINDS, (row) => (row.colour ? 'TRUE' : 'FALSE'));
}

/** The data validation of one score cell, its prompt and error derived from the same spec. */
export function scoreValidation(cell: string, spec: ScoreSpec, columnLabel: string): ValidationPlan {
  const max = formatPoints(spec.max);
  const leaf = isLeaf(spec);
  const k = spec.kinds;
  const levels = hasLevels(spec) ? text('vi', 'verdict.prompt.levels', { levels: spec.levels!.map((l) => formatPoints(l)).join('; ') })
    : k && k.steps ? text('vi', 'verdict.prompt.levels', { levels: stepChoices(spec.max, k).vi })
      : k && k.words ? text('vi', 'kinds.prompt.kinds', { rule: k.words.vi }) : '';
  const rule = k && k.words ? text('vi', 'kinds.error.rule', { rule: k.words.vi }) : '';
  const name = what(spec).vi;
  return {
    range: cell,
    type: 'custom',
    formula: validationExpression(cell, spec),
    allowBlank: true,
    prompt: {
      title: columnLabel,
      text: (leaf ? text('vi', noKad(spec) ? 'kinds.prompt.noKad' : 'verdict.prompt.leaf', { max, levels }) : text('vi', 'verdict.prompt.extra', { what: name, max })).slice(0, 255),
    },
    error: {
      title: leaf ? text('vi', 'verdict.errorTitle.leaf') : text('vi', 'verdict.errorTitle.extra', { what: name }).slice(0, 32),
      text: (leaf ? (noKad(spec) ? text('vi', 'kinds.error.noKad', { max, rule }) : text('vi', 'verdict.error.leaf', { max })) : text('vi', 'verdict.error.extra', { what: name, max })).slice(0, 255),
    },
  };
}

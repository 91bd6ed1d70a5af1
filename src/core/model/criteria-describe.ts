// A criteria set's scoring rules in words, for `cchc criteria check`, the importer's report and the
// pane: how each leaf is scored, where KAD may be written, full marks when nothing arose, items scored
// at appraisal, and the bands.

import { CriteriaNode, CriteriaSet, UNIT_TYPES, UnitType, leavesOf } from './criteria';
import { Message } from './errors';
import { allowedScores, isAppraisalOnly, setListsNotApplicable } from './criteria-kinds';
import { TextKey, joinMessages, message, points } from '../text/catalogue';

function unitTypes(types: UnitType[]): Message {
  const names = UNIT_TYPES.filter((t) => types.indexOf(t) >= 0).map((t) => message(('criteria.unitType.' + t) as TextKey));
  return { vi: names.map((n) => n.vi).join(', '), en: names.map((n) => n.en).join(' or ') };
}

/** How a leaf is scored, in words: "theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01". */
export function scoringWords(node: CriteriaNode): Message {
  const max = points(node.max);
  const s = node.scoring;
  if (s && s.kind === 'proportional') return message('criteria.kind.proportional', { max });
  if (s && s.kind === 'count') return message('criteria.kind.count', { step: points(s.step), max });
  if (s && s.kind === 'deduction') return message('criteria.kind.deduction', { step: points(s.step), max });
  const allowed = allowedScores(node);
  if (allowed.kind === 'levels') {
    return { vi: message('criteria.kind.levels', { levels: allowed.levels.map((l) => points(l).vi).join('; ') }).vi,
      en: message('criteria.kind.levels', { levels: allowed.levels.map((l) => points(l).en).join(', ') }).en };
  }
  return message('criteria.kind.any', { max });
}

/**
 * Everything special about a leaf, in words, or null when it is scored by plain levels and follows
 * the set's KAD rule: its kind, the figure it takes, full marks when nothing arose, where KAD may be
 * written (when the leaf says so), who scores it.
 */
export function leafRulesWords(node: CriteriaNode): Message | null {
  const parts: Message[] = [];
  const s = node.scoring;
  if (s) {
    parts.push(scoringWords(node));
    if (s.figure) {
      parts.push(s.kind === 'proportional' ? message('criteria.kind.figureRate', { max: points(node.max) })
        : message(s.kind === 'count' ? 'criteria.kind.figureCount' : 'criteria.kind.figureDeduction'));
    }
  }
  if (node.notArising === 'max') parts.push(message('criteria.kind.notArising', { max: points(node.max) }));
  const na = node.notApplicable;
  if (na === true) parts.push(message('criteria.kind.kadAll'));
  else if (na === false) parts.push(message('criteria.kind.kadNever'));
  else if (Array.isArray(na)) parts.push(message('criteria.kind.kadFor', { types: unitTypes(na) }));
  if (isAppraisalOnly(node)) parts.push(message('criteria.kind.scoredBy', { by: node.scoredBy! }));
  return parts.length ? joinMessages(parts, '; ') : null;
}

export interface SetRules {
  kinds: { levels: number; proportional: number; count: number; deduction: number; any: number };
  /** 'listed': KAD only where a leaf allows it; 'any': every leaf may be KAD. */
  notApplicable: 'listed' | 'any';
  notArising: string[];
  scoredBy: string[];
}

export function setRules(set: CriteriaSet): SetRules {
  const kinds = { levels: 0, proportional: 0, count: 0, deduction: 0, any: 0 };
  const notArising: string[] = [];
  const scoredBy: string[] = [];
  for (const { node, code } of leavesOf(set)) {
    if (node.scoring) kinds[node.scoring.kind]++;
    else if (node.levels && node.levels.length) kinds.levels++;
    else kinds.any++;
    if (node.notArising === 'max') notArising.push(code);
    if (isAppraisalOnly(node)) scoredBy.push(code);
  }
  return { kinds, notApplicable: setListsNotApplicable(set) ? 'listed' : 'any', notArising, scoredBy };
}

/** The set's rules in brief, one line each (criteria check prints them under the tree). */
export function setRulesLines(set: CriteriaSet): Message[] {
  const rules = setRules(set);
  const kinds = (['levels', 'proportional', 'count', 'deduction', 'any'] as const).filter((k) => rules.kinds[k] > 0)
    .map((k) => message(('criteria.brief.kind.' + k) as TextKey, { n: rules.kinds[k] }));
  const lines: Message[] = [message('criteria.brief.kinds', { kinds: joinMessages(kinds, ', ') })];
  const kadCount = leavesOf(set).filter((f) => f.node.notApplicable === true || Array.isArray(f.node.notApplicable)).length;
  lines.push(rules.notApplicable === 'listed' ? message('criteria.brief.kadListed', { count: kadCount }) : message('criteria.brief.kadAny'));
  if (rules.notArising.length) lines.push(message('criteria.brief.notArising', { count: rules.notArising.length }));
  if (rules.scoredBy.length) lines.push(message('criteria.brief.scoredBy', { count: rules.scoredBy.length }));
  const bands = set.bands || [];
  lines.push(bands.length
    ? message('criteria.brief.bands', { bands: joinMessages(bands.map((b) => message('criteria.brief.band', { label: b.label, min: points(b.min) })), '; ') })
    : message('criteria.brief.noBands'));
  return lines;
}

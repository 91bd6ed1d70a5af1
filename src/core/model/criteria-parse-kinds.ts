// Untrusted JSON → the scoring rules of one leaf (criteria-kinds.ts) and the set's bands, with every
// problem found. Called by parseCriteriaSet for each node and for the set.

import { Band, CriteriaNode, CriteriaProblem, SCORING_KINDS, ScoringKind, UNIT_TYPES, UnitType } from './criteria';
import { isHundredthStep, toHundredths } from './points';
import { message, points } from '../text/catalogue';

/** The fields of a leaf that say how it is scored, beyond `levels`. */
export const LEAF_RULE_FIELDS = ['scoring', 'notApplicable', 'notArising', 'scoredBy'] as const;

const MAX_SCORED_BY = 200;

function shown(v: unknown): string {
  const text = JSON.stringify(v);
  return text === undefined ? String(v) : text.length > 60 ? text.slice(0, 59) + '…' : text;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads `scoring`, `notApplicable`, `notArising` and `scoredBy` of a raw node into `node`, pushing a
 * problem for each field that is malformed or stands on a node with children.
 */
export function parseLeafRules(raw: Record<string, unknown>, node: CriteriaNode, label: string, hasChildren: boolean, problems: CriteriaProblem[]): void {
  const problem = (m: CriteriaProblem['message']) => problems.push({ code: label, message: m });
  for (const field of LEAF_RULE_FIELDS) {
    if (raw[field] !== undefined && hasChildren) problem(message('criteria.onlyLeaf', { label, field }));
  }
  if (hasChildren) return;

  const scoring = raw.scoring;
  if (scoring !== undefined) {
    if (!isPlainObject(scoring) || SCORING_KINDS.indexOf(scoring.kind as ScoringKind) < 0) {
      problem(message('criteria.scoring.shape', { label, got: shown(scoring) }));
    } else {
      const kind = scoring.kind as ScoringKind;
      let ok = true;
      const step = scoring.step;
      if (kind === 'proportional') {
        if (step !== undefined) {
          problem(message('criteria.scoring.noStep', { label }));
          ok = false;
        }
      } else if (typeof step !== 'number' || !isFinite(step) || step <= 0 || !isHundredthStep(step) || toHundredths(step) > toHundredths(node.max)) {
        problem(message('criteria.scoring.step', { label, kind, max: points(node.max), got: shown(step) }));
        ok = false;
      }
      if (raw.levels !== undefined) {
        problem(message('criteria.scoring.withLevels', { label, kind }));
        ok = false;
      }
      if (scoring.figure !== undefined && typeof scoring.figure !== 'boolean') {
        problem(message('criteria.scoring.figure', { label }));
        ok = false;
      }
      if (ok) {
        node.scoring = kind === 'proportional' ? { kind } : { kind, step: step as number };
        if (scoring.figure === true) node.scoring.figure = true;
      }
    }
  }

  const na = raw.notApplicable;
  if (na !== undefined) {
    if (typeof na === 'boolean') node.notApplicable = na;
    else if (Array.isArray(na) && na.length > 0 && na.every((t) => UNIT_TYPES.indexOf(t as UnitType) >= 0)) {
      node.notApplicable = UNIT_TYPES.filter((t) => na.indexOf(t) >= 0);
    } else problem(message('criteria.notApplicable.shape', { label, got: shown(na) }));
  }

  if (raw.notArising !== undefined) {
    if (raw.notArising === 'max') node.notArising = 'max';
    else problem(message('criteria.notArising.shape', { label, got: shown(raw.notArising) }));
  }

  const by = raw.scoredBy;
  if (by !== undefined) {
    if (typeof by === 'string' && by.trim() !== '' && by.length <= MAX_SCORED_BY) node.scoredBy = by.normalize('NFC').replace(/\s+/g, ' ').trim();
    else problem(message('criteria.scoredBy.shape', { label, got: shown(by) }));
  }
}

/** The set's bands, highest first, or a problem: a list of {min, label} (as sets have always had them). */
export function parseBands(raw: unknown, problems: CriteriaProblem[]): Band[] | undefined {
  if (!Array.isArray(raw) || raw.some((b) => !isPlainObject(b) || typeof b.min !== 'number' || !isFinite(b.min) || typeof b.label !== 'string')) {
    problems.push({ code: null, message: message('criteria.bands.shape') });
    return undefined;
  }
  return (raw as Band[]).map((b) => ({ min: b.min, label: b.label.normalize('NFC') })).sort((a, b) => b.min - a.min);
}

// The criteria set model (DESIGN.md §3.1) and its self-check. Plain data in, plain data out.

import { sumPoints } from './points';
import { ownEntry } from './own';

/** The unit types of the commune level, as the unit's name gives them ("Xã …", "Phường …", "Thị trấn …"). */
export type UnitType = 'xa' | 'phuong' | 'thi-tran';
export const UNIT_TYPES: UnitType[] = ['xa', 'phuong', 'thi-tran'];

/** How a leaf's score is found, beyond fixed levels (which `levels` lists). */
export type ScoringKind = 'proportional' | 'count' | 'deduction';
export const SCORING_KINDS: ScoringKind[] = ['proportional', 'count', 'deduction'];

export interface Scoring {
  /**
   * proportional: any score from 0 to the maximum, in hundredths (points = rate × maximum);
   * count: `step` points per item, up to the maximum (the cap);
   * deduction: the maximum less `step` points per occurrence, down to 0.
   */
  kind: ScoringKind;
  /** Points per item (count) or per occurrence (deduction); absent for proportional. */
  step?: number;
  /**
   * A figure the unit enters beside the score, from which the points follow: the rate (proportional,
   * 93% → 0,93 × maximum), the number of items (count) or of occurrences (deduction).
   */
  figure?: boolean;
}

export interface CriteriaNode {
  code: string;
  stt: string;
  name: string;
  max: number;
  method?: string;
  levels?: number[];
  /** A leaf scored otherwise than by fixed levels (criteria-kinds.ts). */
  scoring?: Scoring;
  /** Whether the leaf may be KAD: for every unit (true), none (false), or these unit types. */
  notApplicable?: boolean | UnitType[];
  /** "max": the method gives full marks when the situation did not arise ("không phát sinh"). */
  notArising?: 'max';
  /** Scored at appraisal by others (a survey, a provincial index): who scores it. */
  scoredBy?: string;
  children?: CriteriaNode[];
}

export interface ExtraItem {
  code: string;
  name: string;
  max: number;
  method?: string;
}

export interface Band {
  min: number;
  label: string;
}

export interface CriteriaSet {
  id: string;
  title: string;
  level?: string;
  year?: number;
  basis?: string[];
  status: 'official' | 'reference';
  note?: string;
  nodes: CriteriaNode[];
  bonus?: ExtraItem[];
  deduction?: ExtraItem[];
  bands?: Band[];
}

/** A node with its place in the tree, in tree (reading) order. */
export interface FlatNode {
  node: CriteriaNode;
  code: string;
  depth: number; // 0 = lĩnh vực (domain)
  parentCode: string | null;
  domainCode: string;
  leaf: boolean;
  childCodes: string[];
}

export interface CriteriaProblem {
  code: string | null;
  message: { vi: string; en: string };
}

/** A criteria set indexed once: every node in tree order, with lookups by code. */
export interface CriteriaIndex {
  readonly set: CriteriaSet;
  /** Every node, in tree (reading) order. */
  readonly nodes: FlatNode[];
  readonly leaves: FlatNode[];
  readonly domains: FlatNode[];
  /** The set's maximum: the sum of its domains' maxima. */
  readonly max: number;
  /** The node of a code, or undefined when the set has none. */
  node(code: string): FlatNode | undefined;
}

function walkTree(set: CriteriaSet): FlatNode[] {
  const out: FlatNode[] = [];
  // Iterative walk: a deep tree must not overflow the stack.
  const stack: Array<{ node: CriteriaNode; depth: number; parent: string | null; domain: string | null }> = [];
  for (let i = set.nodes.length - 1; i >= 0; i--) stack.push({ node: set.nodes[i], depth: 0, parent: null, domain: null });
  while (stack.length > 0) {
    const item = stack.pop()!;
    const children = item.node.children || [];
    const domain = item.domain === null ? item.node.code : item.domain;
    out.push({
      node: item.node,
      code: item.node.code,
      depth: item.depth,
      parentCode: item.parent,
      domainCode: domain,
      leaf: children.length === 0,
      childCodes: children.map((c) => c.code),
    });
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i], depth: item.depth + 1, parent: item.node.code, domain });
    }
  }
  return out;
}

// Sets are never changed once parsed, so each is walked once however many parts ask.
const indexes = new WeakMap<CriteriaSet, CriteriaIndex>();

export function indexSet(set: CriteriaSet): CriteriaIndex {
  let index = indexes.get(set);
  if (!index) {
    const nodes = walkTree(set);
    const byCode: Record<string, FlatNode> = {};
    for (const f of nodes) byCode[f.code] = f;
    index = {
      set,
      nodes,
      leaves: nodes.filter((f) => f.leaf),
      domains: nodes.filter((f) => f.depth === 0),
      max: sumPoints(set.nodes.map((n) => n.max)),
      node: (code) => ownEntry(byCode, code),
    };
    indexes.set(set, index);
  }
  return index;
}

/** Every node in tree order (the set's index). */
export function flattenSet(set: CriteriaSet): FlatNode[] {
  return indexSet(set).nodes;
}

export function leavesOf(set: CriteriaSet): FlatNode[] {
  return indexSet(set).leaves;
}

export function setMax(set: CriteriaSet): number {
  return indexSet(set).max;
}

export interface TreeLine {
  code: string;
  depth: number;
  stt: string;
  name: string;
  max: number;
  leaf: boolean;
  levels?: number[];
}

/** Counts used by `cchc criteria check` and the pane: domains, criteria, leaves. */
export function describeSet(set: CriteriaSet): { domains: number; criteria: number; leaves: number; max: number } {
  const index = indexSet(set);
  return {
    domains: index.domains.length,
    criteria: index.nodes.filter((f) => f.depth === 1).length,
    leaves: index.leaves.length,
    max: index.max,
  };
}

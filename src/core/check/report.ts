// The check's report of one workbook (DESIGN.md §3.2): totals, every node, and the issues. The CLI,
// the pane and the district summary only read it.

import { FlatNode } from '../model/criteria';
import { Difference } from './differences';
import { Issue } from './contract';
import { ExtraKind } from '../sheets/scoring/extras';

export interface NodeReport {
  code: string;
  name: string;
  leaf?: true;
  max: number;
  levels?: number[];
  self: number | null;
  appraisal: number | null;
  notApplicable?: boolean;
  evidence?: number;
  cells: Partial<Record<'max' | 'self' | 'appraisal' | 'evidence' | 'note', string>>;
}

export interface TotalReport {
  max: number;
  applicableMax: number;
  self: number | null;
  appraisal: number | null;
  index: number | null;
  /** Present once the appraisal column exists: the applicable maximum and index by appraisal. */
  appraisalApplicableMax?: number;
  appraisalIndex?: number | null;
  band?: string | null;
  appraisalBand?: string | null;
  cells: Partial<Record<'self' | 'appraisal', string>>;
  /** Present when the set defines them: each group's sum (points added, points deducted). */
  bonus?: { self: number; appraisal: number | null };
  deduction?: { self: number; appraisal: number | null };
}

export interface FileReport {
  file?: string;
  error: string | null;
  unit?: string;
  year?: number;
  criteriaSet?: { id: string; status: string; title?: string };
  total?: TotalReport;
  nodes?: NodeReport[];
  issues?: Issue[];
  /** Bonus and deduction items, when the set defines them. */
  extras?: ExtraReport[];
  /** Once the appraisal column exists: every item whose appraisal differs from the self score. */
  differences?: Difference[];
}

export interface DomainGroup {
  code: string | null;
  stt: string;
  name: string;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Issues grouped by domain in tree order (workbook-wide issues first), with counts. */
export function groupIssuesByDomain(report: FileReport, flat: FlatNode[]): DomainGroup[] {
  const groups: DomainGroup[] = [];
  const byDomain: Record<string, DomainGroup> = {};
  const general: DomainGroup = { code: null, stt: '', name: '', errors: 0, warnings: 0, issues: [] };
  const domainOf: Record<string, string> = {};
  for (const n of flat) domainOf[n.code] = n.domainCode;
  for (const n of flat.filter((x) => x.depth === 0)) {
    byDomain[n.code] = { code: n.code, stt: n.node.stt, name: n.node.name, errors: 0, warnings: 0, issues: [] };
  }
  for (const issue of report.issues || []) {
    const g = (issue.code && byDomain[domainOf[issue.code]]) || general;
    g.issues.push(issue);
    if (issue.severity === 'error') g.errors++;
    else g.warnings++;
  }
  if (general.issues.length) groups.push(general);
  for (const n of flat.filter((x) => x.depth === 0)) if (byDomain[n.code].issues.length) groups.push(byDomain[n.code]);
  return groups;
}

/** Whether the report has an error (exit status 1 in `cchc check`). */
export function hasErrors(report: FileReport): boolean {
  return !!report.error || (report.issues || []).some((i) => i.severity === 'error');
}
export interface ExtraReport {
  code: string;
  kind: ExtraKind;
  name: string;
  max: number;
  self: number | null;
  appraisal: number | null;
  cells: Partial<Record<'max' | 'self' | 'appraisal', string>>;
}

export type ExtraTotals = Partial<Record<ExtraKind, { self: number; appraisal: number | null }>>;


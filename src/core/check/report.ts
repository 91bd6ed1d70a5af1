// The check's report of one workbook (DESIGN.md §3.2): totals, every node, and the issues. The CLI,
// the pane and the district summary only read it.

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
  /** The classification the sheet shows: the set's band once every leaf is scored, else "Chưa chấm" / "Chưa chấm xong". */
  band?: string | null;
  /** The same for the appraisal: "Chưa thẩm định" / "Chưa thẩm định xong" until every leaf is appraised. */
  appraisalBand?: string | null;
  /** Items scored at appraisal not scored yet: the self index leaves them out ("tạm tính"). */
  provisional?: string[];
  cells: Partial<Record<'self' | 'appraisal', string>>;
  /** Leaves left blank (neither scored nor marked KAD) in each column, and how many leaves there are. */
  blank?: { self: number; appraisal: number | null };
  leaves?: number;
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
  /**
   * The groups of `issues`, in the order to show them: the workbook as a whole, then each domain in
   * tree order, then bonus and deduction items. Only groups with issues are listed; `issues` is in
   * the same order, and within a group in the sheet's row order.
   */
  groups?: IssueGroup[];
}

/** A group of issues as people read them: the workbook as a whole, each domain, bonus, deduction. */
export interface IssueGroup {
  /** The issues' `domain`: a domain's code, ROW_MARKERS.bonus / .deduction, or null for the workbook. */
  domain: string | null;
  /** The domain's number as the set shows it ("I"); '' for the other groups. */
  stt: string;
  /** The domain's name, "Điểm thưởng", "Điểm trừ"; '' for the workbook as a whole. */
  name: string;
  errors: number;
  warnings: number;
}

/** The issues of one group, in the report's order. */
export function issuesOf(report: FileReport, group: IssueGroup): Issue[] {
  return (report.issues || []).filter((i) => i.domain === group.domain);
}

/** Error and warning counts of a report. */
export function issueCounts(report: FileReport): { errors: number; warnings: number } {
  const issues = report.issues || [];
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
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


// The contract between the check and its rules: what a rule sees (the read workbook, parsed entries)
// and how it reports an issue. Rules are pure functions over this context (registry.ts lists them).

import { FlatNode } from '../model/criteria';
import { Lang, Message } from '../model/errors';
import { ColumnRole } from '../model/layout';
import { ParsedScore } from '../model/points';
import { ScoringRead } from '../sheets/scoring/read';
import { Judged } from '../model/verdict';
import { WorkbookGrids } from '../model/grid';
import { Totals } from '../sheets/scoring/totals';
import { Entries } from '../model/entries';

export type Severity = 'error' | 'warning';

export type IssueColumn = 'self' | 'appraisal' | 'max' | 'evidence' | 'structure';

export interface Issue {
  severity: Severity;
  rule: string;
  code: string | null;
  column: IssueColumn;
  sheet: string;
  cell: string | null;
  message: string;
  /**
   * The group the issue is shown in: a domain's code, ROW_MARKERS.bonus / .deduction for those items,
   * null for the workbook as a whole (the report's `groups` lists them in order).
   */
  domain: string | null;
}

/** What a rule sees: the read workbook, the parsed entries, and where to report. */
export interface CheckContext {
  read: ScoringRead;
  /** Every sheet of the workbook (Tổng hợp is checked against Chấm điểm). */
  grids: WorkbookGrids;
  /** The core's own totals of each score column (totals.ts), from the entries as they stand. */
  totals: Totals;
  lang: Lang;
  flat: FlatNode[];
  /** Score columns present: self, and appraisal once it exists. */
  scoreColumns: Array<'self' | 'appraisal'>;
  entry(code: string, column: 'self' | 'appraisal'): ParsedScore;
  /** The verdict on an item's score cell (a blank verdict when its row or column is missing). */
  judged(code: string, column: 'self' | 'appraisal'): Judged;
  cellOf(code: string, role: ColumnRole): string | null;
  /** What was entered on the scoring sheet, by code (extractEntries), read once for every rule. */
  entries(): Entries;
  /** Files found under --evidence-root, when given (the evidence rules use it). */
  options: CheckOptions;
  /** `sheet`: where the cell stands when it is not the scoring sheet (the Minh chứng register). */
  report(issue: Omit<Issue, 'sheet' | 'message' | 'domain'> & { message: Message; sheet?: string }): void;
}

export interface CheckOptions {
  lang?: Lang;
  /** Lets evidence rules ask whether a linked file exists; supplied by the CLI or left out. */
  fileExists?: (link: string) => 'found' | 'missing' | 'outside-root';
}

/** A check rule: an id, and a pure function that reports through the context. */
export interface Rule {
  id: string;
  run(ctx: CheckContext): void;
}

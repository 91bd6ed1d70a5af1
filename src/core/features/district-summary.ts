// The district summary (DESIGN.md §3.3): checked commune workbooks → one ranked row per commune, the
// averages, the communes set apart with their reason, and the sheet plan of tong-hop.xlsx.
//
// Which communes are ranked: those on the criteria set (same id and same scoring content) and year
// most of the readable workbooks use, with no error, not a second workbook of a commune already
// ranked, and — by appraisal — with the appraisal entered, and with the chosen column complete (unless
// asked to rank incomplete ones too). Everything else is listed in `excluded`, with its reason and id.
import { CriteriaSet, flattenSet } from '../model/criteria';
import { Lang, Message, say } from '../model/errors';
import { extraLists } from '../sheets/scoring/extras';
import { parseUnitName } from '../model/unit-name';
import { fromHundredths, toHundredths } from '../model/points';
import { FileReport, hasErrors } from '../check/report';
import { message } from '../text/node';

export type SummaryBasis = 'self' | 'appraisal';

/** One workbook as `cchc check` saw it, with the criteria set stored in it (null when unreadable). */
export interface SummaryInput {
  file: string;
  report: FileReport;
  set: CriteriaSet | null;
  /** When the file was last saved (ISO), to tell two workbooks of one commune apart; optional. */
  modified?: string;
}

export interface SummaryUnit {
  file: string;
  unit: string;
  year: number;
  rank: number;
  total: number;
  applicableMax: number;
  index: number;
  domains: Record<string, number>;
  /** Present when the set defines them. */
  bonus?: number;
  deduction?: number;
  band?: string | null;
  /** Ranked although incomplete (--allow-incomplete): how many leaves are blank, and of how many. */
  incomplete?: { blank: number; leaves: number };
  /** Other workbooks of the same commune, not used. */
  duplicates?: string[];
  /** What the row must say beside its figures (incomplete, chosen among several workbooks). */
  note?: string;
}

/** Why a workbook is not ranked, for code that acts on it; people read `reason`. */
export type ExclusionId =
  | 'unreadable' | 'other-set' | 'other-version' | 'other-year' | 'errors' | 'no-appraisal-column' | 'not-appraised'
  | 'not-scored' | 'nothing-applies' | 'duplicate' | 'self-incomplete' | 'appraisal-incomplete';

export interface ExcludedUnit {
  file: string;
  unit: string | null;
  reason: string;
  reasonId: ExclusionId;
}

export interface SummaryOptions {
  /** Rank communes whose chosen column is incomplete too (their row says so). */
  allowIncomplete?: boolean;
}

export interface SummaryAverages {
  domains: Record<string, number>;
  total: number;
  index: number;
}

export interface DistrictSummary {
  by: SummaryBasis;
  criteriaSet: { id: string; title: string } | null;
  year: number | null;
  units: SummaryUnit[];
  averages: SummaryAverages | null;
  excluded: ExcludedUnit[];
}

/**
 * What the ranking compares: codes, maxima, the scores each leaf allows (levels, scoring kind), where
 * KAD may be written, what is scored at appraisal, and the extras. Titles, methods, bands and
 * "không phát sinh" notes may differ: they change no score (a district's workbooks built before and
 * after the bundled set dropped its invented bands rank together).
 */
export function scoringFingerprint(set: CriteriaSet): string {
  let fingerprint = fingerprints.get(set);
  if (fingerprint === undefined) {
    const nodes = flattenSet(set).map((f) => [f.code, f.node.max, f.node.levels || null, f.node.scoring || null,
      f.node.notApplicable === undefined ? null : f.node.notApplicable, f.node.scoredBy ? 1 : 0]);
    const extras = extraLists(set).map((g) => [g.kind, g.items.map((i) => [i.code, i.max])]);
    fingerprint = JSON.stringify([set.id, nodes, extras]);
    fingerprints.set(set, fingerprint);
  }
  return fingerprint;
}

// Sets are never changed once parsed (and workbooks read on one set share it): each is fingerprinted once.
const fingerprints = new WeakMap<CriteriaSet, string>();

const REASONS = {
  otherSet: (id: string, wanted: string): Message => (message('district.usesAnotherCriteriaSet', { id, wanted })),
  otherVersion: (id: string): Message => (message('district.criteriaSetFileDiffers', { id })),
  otherYear: (year: number, wanted: number): Message => (message('district.otherYear', { year, wanted })),
  errors: (n: number, example: string): Message => (message('district.hasErrors', { n, example })),
  noAppraisalColumn: (): Message => (message('district.appraisalColumnYet')),
  notAppraised: (): Message => (message('district.appraisalScoreEnteredYet')),
  notScored: (): Message => (message('district.selfScoreBeenEntered')),
  nothingApplies: (): Message => (message('district.itemAppliesIndexComputed')),
  duplicate: (used: string, why: Message): Message => (message('district.sameUnitSummaryUses', { used, why })),
  chosen: (used: string, others: string[], why: Message): Message => (message('district.unitAlsoUsedBecause', { others: others.join(', '), used, why })),
  moreComplete: (used: string, blank: number, other: string, otherBlank: number): Message => (message('district.moreComplete', { used, state: blank ? message('district.blankItems', { blank }) : message('district.complete'), other, otherBlank })),
  newer: (used: string, date: string, other: string, otherDate: string): Message => (message('district.savedLater', { used, date, other, otherDate })),
  firstGiven: (used: string, other: string): Message => (message('district.givenBeforeBothEqually', { used, other })),
  incomplete: (by: SummaryBasis, blank: number, leaves: number): Message => by === 'appraisal'
    ? message('district.appraisalIncompleteRefused', { blank, leaves })
    : message('district.selfIncompleteRefused', { blank, leaves }),
  rankedIncomplete: (by: SummaryBasis, blank: number, leaves: number): Message => by === 'appraisal'
    ? message('district.appraisalIncompleteCounted', { blank, leaves })
    : message('district.selfIncompleteCounted', { blank, leaves }),
};

/** The key two workbooks of one commune share (#12 will match spellings of unit names here). */
export function unitKey(unit: string | undefined): string {
  // One commune however its name was typed: 'UBND xã Đồng Thịnh', 'xã đồng thịnh', 'Đồng Thịnh'.
  return parseUnitName(unit || '').key;
}

/** True once some appraisal is in: a score, a KAD (which lowers the applicable maximum), a bonus or deduction. */
/** Whether anything was entered in the column: a score, a bonus or deduction, or a KAD. */
function scoresEntered(report: FileReport, by: SummaryBasis): boolean {
  const total = report.total!;
  const applicableMax = by === 'self' ? total.applicableMax : total.appraisalApplicableMax;
  return (report.nodes || []).some((n) => n.leaf && n[by] !== null)
    || (report.extras || []).some((e) => e[by] !== null)
    || (applicableMax !== undefined && applicableMax !== total.max);
}

/** Sorted by index, highest first; equal indexes share a rank and the next rank skips (1, 2, 2, 4). */
export function rankUnits(units: Array<Omit<SummaryUnit, 'rank'>>): SummaryUnit[] {
  const sorted = units.slice().sort((a, b) =>
    toHundredths(b.index) - toHundredths(a.index) || a.unit.localeCompare(b.unit, 'vi') || a.file.localeCompare(b.file));
  let rank = 0;
  return sorted.map((u, i) => {
    if (i === 0 || toHundredths(sorted[i - 1].index) !== toHundredths(u.index)) rank = i + 1;
    return { file: u.file, unit: u.unit, year: u.year, rank, ...scoresOf(u) };
  });
}

function scoresOf(u: Omit<SummaryUnit, 'rank'>): Omit<SummaryUnit, 'rank' | 'file' | 'unit' | 'year'> {
  const out: Omit<SummaryUnit, 'rank' | 'file' | 'unit' | 'year'> = { total: u.total, applicableMax: u.applicableMax, index: u.index, domains: u.domains };
  if (u.bonus !== undefined) out.bonus = u.bonus;
  if (u.deduction !== undefined) out.deduction = u.deduction;
  if (u.band !== undefined) out.band = u.band;
  if (u.incomplete) out.incomplete = u.incomplete;
  if (u.duplicates) out.duplicates = u.duplicates;
  if (u.note) out.note = u.note;
  return out;
}

export function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += toHundredths(v);
  return fromHundredths(Math.round(sum / values.length));
}

/**
 * What the summary keeps of one workbook once it is read: who it is, which set and year it is on, and
 * either what it would rank with or why it cannot be ranked whichever set and year the district uses.
 * Never its grids, nodes or issues: a country's workbooks must fit in memory.
 */
interface Judged {
  file: string;
  unit: string | null;
  /** Its place among the inputs: exclusions are listed in this order. */
  order: number;
  modified?: string;
  /** Why it cannot be read at all; set, year and the rest are then absent. */
  unreadable?: string;
  /** The set stored in the workbook (workbooks on one set share one object). */
  set?: CriteriaSet;
  fingerprint?: string;
  year?: number;
  /** Why it cannot be ranked even on the district's set and year (errors, nothing entered, …). */
  unrankable?: { id: ExclusionId; reason: string };
  /** What it ranks with, and its blanks in the chosen column. */
  row?: Omit<SummaryUnit, 'rank'>;
  blank?: number;
  leaves?: number;
}

function judge(input: SummaryInput, order: number, by: SummaryBasis, lang: Lang): Judged {
  const { report, set } = input;
  const judged: Judged = { file: input.file, unit: report.unit || null, order };
  if (input.modified !== undefined) judged.modified = input.modified;
  if (report.error || !set || !report.total) {
    judged.unreadable = report.error || say(message('district.scoringWorkbookRead'), lang);
    return judged;
  }
  judged.set = set;
  judged.fingerprint = scoringFingerprint(set);
  judged.year = report.year!;
  const reason = unrankable(report, by);
  if (reason) {
    judged.unrankable = { id: reason.id, reason: say(reason.message, lang) };
    return judged;
  }
  const total = report.total;
  const domains: Record<string, number> = {};
  for (const n of report.nodes || []) if (n.code.indexOf('.') < 0) domains[n.code] = (by === 'self' ? n.self : n.appraisal) || 0;
  const row: Omit<SummaryUnit, 'rank'> = {
    file: input.file, unit: report.unit || '', year: report.year!,
    total: (by === 'self' ? total.self : total.appraisal) || 0,
    applicableMax: by === 'self' ? total.applicableMax : total.appraisalApplicableMax!,
    index: (by === 'self' ? total.index : total.appraisalIndex)!, domains,
  };
  if (total.bonus) row.bonus = (by === 'self' ? total.bonus.self : total.bonus.appraisal) || 0;
  if (total.deduction) row.deduction = (by === 'self' ? total.deduction.self : total.deduction.appraisal) || 0;
  if (set.bands && set.bands.length) row.band = (by === 'self' ? total.band : total.appraisalBand) || null;
  const blanks = total.blank ? (by === 'self' ? total.blank.self : total.blank.appraisal) : null;
  judged.row = row;
  judged.blank = blanks === null || blanks === undefined ? blankLeaves(report, by) : blanks;
  judged.leaves = total.leaves || leafCount(report);
  return judged;
}

/** Why a readable workbook on the district's set and year still cannot be ranked, or null. */
function unrankable(report: FileReport, by: SummaryBasis): { id: ExclusionId; message: Message } | null {
  if (hasErrors(report)) {
    const errors = (report.issues || []).filter((i) => i.severity === 'error');
    const first = errors[0];
    return { id: 'errors', message: REASONS.errors(errors.length, `${first.cell ? first.cell + ' ' : ''}${first.code ? first.code + ' ' : ''}${first.message}`.slice(0, 160)) };
  }
  const total = report.total!;
  if (by === 'appraisal' && total.appraisal === null) return { id: 'no-appraisal-column', message: REASONS.noAppraisalColumn() };
  // An empty workbook is not a commune scoring 0: it has not been scored yet.
  if (!scoresEntered(report, by)) {
    return by === 'appraisal' ? { id: 'not-appraised', message: REASONS.notAppraised() } : { id: 'not-scored', message: REASONS.notScored() };
  }
  const index = by === 'self' ? total.index : total.appraisalIndex;
  if (index === null || index === undefined) return { id: 'nothing-applies', message: REASONS.nothingApplies() };
  return null;
}

/** The most common key so far; ties go to the key seen first, so the outcome follows the order of the files. */
function runningMostCommon<T>(): { add(key: string, value: T): void; best(): T | null } {
  const counts: Record<string, number> = {};
  let best: T | null = null;
  let bestCount = 0;
  return {
    add(key, value) {
      const k = '#' + key;
      counts[k] = (counts[k] || 0) + 1;
      if (counts[k] > bestCount) {
        best = value;
        bestCount = counts[k];
      }
    },
    best: () => best,
  };
}

export interface SummaryAccumulator {
  /** One workbook as `cchc check` saw it; nothing of `input` is kept but the small result. */
  add(input: SummaryInput): void;
  /** The summary of every workbook added, and the set it ranks by (for the workbook's headers and bands). */
  result(): { summary: DistrictSummary; set: CriteriaSet | null };
}

/**
 * The district summary, one workbook at a time: memory grows by a small record per commune, not by a
 * workbook. Which set and year the district uses (the most common among the readable workbooks), and
 * which of two workbooks of one commune is used, are known only once every workbook is in: those are
 * decided in `result`.
 */
export function summaryAccumulator(by: SummaryBasis, lang: Lang = 'vi', options: SummaryOptions = {}): SummaryAccumulator {
  const all: Judged[] = [];
  const reference = runningMostCommon<Judged>();
  const years: Record<string, ReturnType<typeof runningMostCommon<number>>> = {};
  return {
    add(input) {
      const j = judge(input, all.length, by, lang);
      all.push(j);
      if (j.unreadable !== undefined) return;
      reference.add(j.fingerprint!, j);
      const key = '#' + j.fingerprint;
      (years[key] = years[key] || runningMostCommon<number>()).add(String(j.year), j.year!);
    },
    result() {
      const ref = reference.best();
      const fingerprint = ref ? ref.fingerprint! : '';
      const wantedYear = ref ? years['#' + fingerprint].best() : null;
      const excluded: Array<ExcludedUnit & { order: number }> = [];
      const exclude = (j: Judged, reasonId: ExclusionId, reason: Message | string) =>
        excluded.push({ file: j.file, unit: j.unit, reason: typeof reason === 'string' ? reason : say(reason, lang), reasonId, order: j.order });

      // Every workbook that could be ranked, with its blanks in the chosen column.
      const candidates: Judged[] = [];
      for (const j of all) {
        if (j.unreadable !== undefined) exclude(j, 'unreadable', j.unreadable);
        else if (j.set!.id !== ref!.set!.id) exclude(j, 'other-set', REASONS.otherSet(j.set!.id, ref!.set!.id));
        else if (j.fingerprint !== fingerprint) exclude(j, 'other-version', REASONS.otherVersion(j.set!.id));
        else if (j.year !== wantedYear) exclude(j, 'other-year', REASONS.otherYear(j.year!, wantedYear!));
        else if (j.unrankable) exclude(j, j.unrankable.id, j.unrankable.reason);
        else candidates.push(j);
      }

      // One workbook a commune: the most complete, then the one saved last, then the one given first.
      const ranked: Array<Omit<SummaryUnit, 'rank'>> = [];
      const groups: Record<string, Judged[]> = {};
      const keys: string[] = [];
      for (const c of candidates) {
        const key = '#' + unitKey(c.unit || undefined);
        if (!groups[key]) keys.push(key);
        (groups[key] = groups[key] || []).push(c);
      }
      for (const key of keys) {
        const group = groups[key];
        const best = group.slice().sort((x, y) => x.blank! - y.blank! || (y.modified || '').localeCompare(x.modified || '') || x.order - y.order)[0];
        const row = best.row!;
        const others = group.filter((c) => c !== best);
        if (others.length) {
          const used = best.file;
          const why = (other: Judged): Message => other.blank !== best.blank ? REASONS.moreComplete(used, best.blank!, other.file, other.blank!)
            : best.modified && other.modified && best.modified !== other.modified
              ? REASONS.newer(used, shortDate(best.modified), other.file, shortDate(other.modified))
              : REASONS.firstGiven(used, other.file);
          for (const o of others) exclude(o, 'duplicate', REASONS.duplicate(best.file, why(o)));
          row.duplicates = others.map((o) => o.file);
          row.note = say(REASONS.chosen(used, others.map((o) => o.file), why(others[0])), lang);
        }
        if (best.blank! > 0 && !options.allowIncomplete) {
          exclude(best, by === 'appraisal' ? 'appraisal-incomplete' : 'self-incomplete', REASONS.incomplete(by, best.blank!, best.leaves!));
          continue;
        }
        if (best.blank! > 0) {
          row.incomplete = { blank: best.blank!, leaves: best.leaves! };
          const note = say(REASONS.rankedIncomplete(by, best.blank!, best.leaves!), lang);
          row.note = row.note ? note + ' ' + row.note : note;
        }
        ranked.push(row);
      }

      const units = rankUnits(ranked);
      let averages: SummaryAverages | null = null;
      if (units.length) {
        const domainAverages: Record<string, number> = {};
        for (const code of Object.keys(units[0].domains)) domainAverages[code] = mean(units.map((u) => u.domains[code]));
        averages = { domains: domainAverages, total: mean(units.map((u) => u.total)), index: mean(units.map((u) => u.index)) };
      }
      const summary: DistrictSummary = {
        by,
        criteriaSet: ref ? { id: ref.set!.id, title: ref.set!.title } : null,
        year: wantedYear,
        units,
        averages,
        excluded: excluded.sort((x, y) => x.order - y.order).map((e) => ({ file: e.file, unit: e.unit, reason: e.reason, reasonId: e.reasonId })),
      };
      // The set of the first workbook of the top-ranked file: its headers name the domains.
      const top = units.length ? all.filter((j) => j.file === units[0].file)[0] : null;
      return { summary, set: top && top.set ? top.set : null };
    },
  };
}

export function summarize(inputs: SummaryInput[], by: SummaryBasis, lang: Lang = 'vi', options: SummaryOptions = {}): DistrictSummary {
  const accumulator = summaryAccumulator(by, lang, options);
  for (const input of inputs) accumulator.add(input);
  return accumulator.result().summary;
}

/** dd/mm/yyyy of an ISO time. */
function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Leaves left blank, from the nodes (reports made before total.blank existed). */
function blankLeaves(report: FileReport, by: SummaryBasis): number {
  return (report.nodes || []).filter((n) => n.leaf && n[by] === null && !(by === 'self' && n.notApplicable)).length;
}

function leafCount(report: FileReport): number {
  return (report.nodes || []).filter((n) => n.leaf).length;
}

// ---------------------------------------------------------------------------------------------
// The workbook: Xếp hạng (the ranking, with formulas) and Chưa xếp hạng (the excluded communes).

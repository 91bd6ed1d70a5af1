// The verdict on a value typed into a score cell, defined once. VERDICT_KINDS is a table, one row per
// kind, in the order they are tried: the core's test on the value, the same test as an Excel
// condition, the Kiểm tra text, whether data validation lets it be typed, the check's rule and its
// message. Everything that judges a score derives from it: the Kiểm tra formula and its cached result,
// the data validation, the colour of a wrong score, the check's issues (the CLI and the pane show
// them), which entries the check's sums can be compared with the sheet's, and the tests' oracle.
// verdict-sheet.ts reads the table as the sheet's formulas and validation. A new kind of score or
// verdict is one more row (and its texts in text/verdict.ts).

import { CellValue } from './grid';
import { Message } from './errors';
import { NOT_APPLICABLE_MARK, ParsedScore, formatPoints, parseScoreCell, pointsEqual } from './points';
import { TextKey, message, points, shorten, text } from '../text/catalogue';
import { CriteriaNode } from './criteria';
import {
  KindsSpec, SpecContext, figureDiffers, figureDiffersCondition, figureMessage, figureSuffixText,
  kadForbiddenMessage, kadFullMarksMessage, kindsSpec, offStep, offStepCondition, offStepMessage,
} from './verdict-kinds';

export type VerdictKind =
  | 'appraisal-only' | 'empty' | 'kad-not-allowed' | 'kad-full-marks' | 'not-applicable' | 'date' | 'not-a-number' | 'negative'
  | 'too-fine' | 'over-max' | 'not-a-level' | 'not-a-step' | 'figure-differs' | 'valid';

/** What is scored in the cell: a leaf of the criteria tree, or a bonus or deduction item. */
export type ScoredItem = 'leaf' | 'bonus' | 'deduction';

/** What a score cell is judged against. */
export interface ScoreSpec {
  item: ScoredItem;
  max: number;
  /** The only scores allowed, when the set lists them. */
  levels?: number[];
  /** What the set says beyond levels: steps, where KAD may be written, appraisal-only, the figure (verdict-kinds.ts). */
  kinds?: KindsSpec;
}

export type ScoreColumn = 'self' | 'appraisal';

/** The rule ids of DESIGN.md §3.2 that verdicts report under. */
export type VerdictRule = 'missing-score' | 'not-a-number' | 'negative' | 'over-max' | 'not-a-level'
  | 'kad-not-allowed' | 'kad-full-marks' | 'figure-differs';

export interface Judged {
  kind: VerdictKind;
  parsed: ParsedScore;
  spec: ScoreSpec;
}

/** Excel operands of a condition: the cell, its maximum (a literal or a reference), its levels when known. */
export interface Operands {
  cell: string;
  max: string;
  levels: number[] | null;
}

export interface KindRow {
  kind: VerdictKind;
  /** The core's test: the first kind, in table order, whose test holds is the verdict. */
  holds(p: ParsedScore, spec: ScoreSpec): boolean;
  /**
   * The same test as an Excel condition, true when it holds (the kinds above did not); null when the
   * sheet cannot tell it (a date is, to the sheet, the number Excel made of it).
   */
  condition(o: Operands, spec: ScoreSpec): string | null;
  /** What the Kiểm tra column shows (the key of its text). */
  sheetText(spec: ScoreSpec): TextKey | null;
  /** Data validation: 'accept' lets it be typed, 'refuse' stops it, 'flag' lets it in to be flagged. */
  typing: 'accept' | 'refuse' | 'flag';
  /** The conditional format colours the score cell (not for what a subtotal's float noise could trip). */
  colour: boolean;
  /** Whether the sheet's SUM of such a cell means what the core's sum means (a date's serial does not). */
  sums: boolean;
  /** The check's rule and severity, or null when there is nothing to report. */
  rule(spec: ScoreSpec): { id: VerdictRule; severity: 'error' | 'warning' } | null;
  /** The check's message. */
  message(p: ParsedScore, spec: ScoreSpec, column: ScoreColumn): Message | null;
}

// The kinds below not-a-number are tried on numbers only (judge and sheetJudge alike).
const numberOf = (p: ParsedScore): number => (p as { value: number }).value;
export const isLeaf = (spec: ScoreSpec) => spec.item === 'leaf';
export const what = (spec: ScoreSpec): Message => message(spec.item === 'deduction' ? 'verdict.item.deduction' : 'verdict.item.bonus');
const lower = (m: Message): Message => ({ vi: m.vi.toLowerCase(), en: m.en.toLowerCase() });
export const hasLevels = (spec: ScoreSpec) => !!spec.levels && spec.levels.length > 0;
/** KAD may not be written here: messages and prompts do not offer it. */
export const noKad = (spec: ScoreSpec) => !!spec.kinds && spec.kinds.kad === 'forbidden';
const kadKind = (spec: ScoreSpec, kad: 'forbidden' | 'full-marks') => isLeaf(spec) && !!spec.kinds && spec.kinds.kad === kad;
const kadTest = (o: Operands) => `UPPER(TRIM(${o.cell}&""))="${NOT_APPLICABLE_MARK}"`;

export function numberList(values: number[]): string {
  return values.map((v) => String(v)).join(',');
}

/** Two-digit day or month, as dates are written in Vietnam. */
const two = (n: number) => (n < 10 ? '0' : '') + n;

function notANumberMessage(p: ParsedScore, spec: ScoreSpec): Message {
  const max = points(spec.max);
  switch (p.kind) {
    case 'decimal-comma':
      return message('verdict.decimalComma', { text: p.text, meant: p.text.replace(',', '.') });
    case 'decimal-point':
      return message('verdict.decimalPoint', { text: p.text, meant: p.text.replace('.', ',') });
    case 'boolean':
      return message('verdict.boolean', { text: p.text, max });
    case 'not-applicable':
      return message('verdict.notApplicableExtra', { what: lower(what(spec)), max });
    default: {
      // Text: blanks, dates and numbers have kinds of their own above not-a-number.
      const typed = shorten((p as { text: string }).text.trim(), 40);
      return isLeaf(spec)
        ? message(noKad(spec) ? 'kinds.notANumber.noKad' : 'verdict.notANumber.leaf', { text: typed, max })
        : message('verdict.notANumber.extra', { text: typed, what: lower(what(spec)), max });
    }
  }
}

/** A date as parseScoreCell hands it over: ISO text that ends in Z (points.ts). */
export type DateScore = Extract<ParsedScore, { kind: 'date' }>;

/** Midnight of a day: what a Vietnamese-format Excel makes of "1.5". Anything else was a real date or time. */
function isDayOnly(p: DateScore): boolean {
  return /T00:00:00(\.0+)?Z/.test(p.text);
}

/** A date in a score cell as people read it: "01/05" for a day, "2024-05-01 08:30:00" for a time. */
export function dateShown(p: DateScore): string {
  return isDayOnly(p) ? `${two(p.day)}/${two(p.month)}` : p.text.replace('T', ' ').replace(/(\.0+)?Z/, '');
}

function dateMessage(p: DateScore, spec: ScoreSpec): Message {
  if (!isDayOnly(p)) return message('verdict.dateTime', { text: dateShown(p), max: points(spec.max) });
  return message('verdict.date', {
    date: dateShown(p),
    typed: `${p.day}.${p.month}`,
    meant: `${p.day},${p.month}`,
  });
}

/** The verdict kinds, in the order they are tried; the last one always holds. */
export const VERDICT_KINDS: ReadonlyArray<KindRow> = [
  {
    // The self score of an item scored at appraisal holds the appraisal's score, or says so: nothing to judge.
    kind: 'appraisal-only',
    holds: (p, spec) => !!spec.kinds && !!spec.kinds.appraisalOnly,
    condition: (o, spec) => (spec.kinds && spec.kinds.appraisalOnly ? 'TRUE' : null),
    sheetText: () => 'kinds.sheet.appraisalOnly',
    typing: 'accept',
    colour: false,
    sums: true,
    rule: () => null,
    message: () => null,
  },
  {
    kind: 'empty',
    holds: (p) => p.kind === 'blank',
    condition: (o) => `TRIM(${o.cell}&"")=""`,
    sheetText: (spec) => (isLeaf(spec) ? 'verdict.sheet.empty' : null),
    typing: 'accept',
    colour: false,
    sums: true,
    rule: (spec) => (isLeaf(spec) ? { id: 'missing-score', severity: 'warning' } : null),
    message: (p, spec, column) => (isLeaf(spec) ? message(noKad(spec) ? 'kinds.empty.noKad' : 'verdict.empty', { column: message(column === 'self' ? 'verdict.column.self' : 'verdict.column.appraisal') }) : null),
  },
  {
    // KAD where the set does not allow it for this unit: an error. Typing it is refused by the
    // not-a-number test below (the validation need not test KAD twice: it has 255 characters).
    kind: 'kad-not-allowed',
    holds: (p, spec) => p.kind === 'not-applicable' && kadKind(spec, 'forbidden'),
    condition: (o, spec) => (kadKind(spec, 'forbidden') ? kadTest(o) : null),
    sheetText: () => 'kinds.sheet.kadNotAllowed',
    typing: 'flag',
    colour: true,
    sums: true,
    rule: () => ({ id: 'kad-not-allowed', severity: 'error' }),
    message: (p, spec) => kadForbiddenMessage(spec.max, spec.kinds!),
  },
  {
    // KAD on an item whose method gives full marks when nothing arose: let in, with the question.
    kind: 'kad-full-marks',
    holds: (p, spec) => p.kind === 'not-applicable' && kadKind(spec, 'full-marks'),
    condition: (o, spec) => (kadKind(spec, 'full-marks') ? kadTest(o) : null),
    sheetText: () => 'kinds.sheet.kadFullMarks',
    typing: 'accept',
    colour: false,
    sums: true,
    rule: () => ({ id: 'kad-full-marks', severity: 'warning' }),
    message: (p, spec) => kadFullMarksMessage(spec.max),
  },
  {
    kind: 'not-applicable',
    // KAD leaves the applicable maximum on a leaf; bonus and deduction items are left blank instead.
    holds: (p, spec) => p.kind === 'not-applicable' && isLeaf(spec),
    // Where the set says more about KAD here, the rows above decide (and the sheet tests KAD once).
    condition: (o, spec) => (isLeaf(spec) && !(spec.kinds && spec.kinds.kad) ? kadTest(o) : null),
    sheetText: () => 'verdict.sheet.notApplicable',
    typing: 'accept',
    colour: false,
    sums: true,
    rule: () => null,
    message: () => null,
  },
  {
    kind: 'date',
    holds: (p) => p.kind === 'date',
    condition: () => null,
    sheetText: () => 'verdict.sheet.notANumber',
    typing: 'flag',
    colour: false,
    sums: false,
    rule: () => ({ id: 'not-a-number', severity: 'error' }),
    message: (p, spec) => dateMessage(p as DateScore, spec),
  },
  {
    kind: 'not-a-number',
    holds: (p) => p.kind !== 'number',
    condition: (o) => `NOT(ISNUMBER(${o.cell}))`,
    sheetText: () => 'verdict.sheet.notANumber',
    typing: 'refuse',
    colour: true,
    sums: true,
    rule: () => ({ id: 'not-a-number', severity: 'error' }),
    message: (p, spec) => notANumberMessage(p, spec),
  },
  {
    kind: 'negative',
    holds: (p) => numberOf(p) < 0,
    condition: (o) => `${o.cell}<0`,
    sheetText: () => 'verdict.sheet.negative',
    typing: 'refuse',
    colour: true,
    sums: true,
    rule: () => ({ id: 'negative', severity: 'error' }),
    message: (p, spec) => spec.item === 'deduction'
      ? message('verdict.negative.deduction', { value: points(numberOf(p)), max: points(spec.max) })
      : isLeaf(spec)
        ? message('verdict.negative.leaf', { value: points(numberOf(p)), max: points(spec.max) })
        : message('verdict.negative.extra', { what: what(spec), value: points(numberOf(p)), max: points(spec.max) }),
  },
  {
    kind: 'too-fine',
    // As ROUND(x,2)<>x: scores go in hundredths, or the sheet's sums and the core's would disagree.
    holds: (p) => Math.round(numberOf(p) * 100) / 100 !== numberOf(p),
    condition: (o) => `ROUND(${o.cell},2)<>${o.cell}`,
    sheetText: () => 'verdict.sheet.tooFine',
    typing: 'refuse',
    colour: false,
    sums: false,
    rule: () => ({ id: 'not-a-level', severity: 'error' }),
    message: (p) => message('verdict.tooFine', { raw: { vi: String(numberOf(p)).replace('.', ','), en: String(numberOf(p)) }, rounded: points(numberOf(p)) }),
  },
  {
    kind: 'over-max',
    // In hundredths here (too-fine is above): compared as the sheet compares, the value itself.
    holds: (p, spec) => numberOf(p) > spec.max,
    condition: (o) => `${o.cell}>${o.max}`,
    sheetText: () => 'verdict.sheet.overMax',
    typing: 'refuse',
    colour: true,
    sums: true,
    rule: () => ({ id: 'over-max', severity: 'error' }),
    message: (p, spec) => isLeaf(spec)
      ? message('verdict.overMax.leaf', { value: points(numberOf(p)), max: points(spec.max) })
      : message('verdict.overMax.extra', { what: what(spec), value: points(numberOf(p)), max: points(spec.max) }),
  },
  {
    kind: 'not-a-level',
    holds: (p, spec) => hasLevels(spec) && !spec.levels!.some((l) => pointsEqual(l, numberOf(p))),
    condition: (o, spec) => (hasLevels(spec) && o.levels ? `ISNA(MATCH(ROUND(${o.cell},2),{${numberList(o.levels)}},0))` : null),
    sheetText: () => 'verdict.sheet.notALevel',
    typing: 'flag',
    colour: false,
    sums: true,
    rule: () => ({ id: 'not-a-level', severity: 'error' }),
    message: (p, spec) => {
      const levels = spec.levels!.map(points);
      return message('verdict.notALevel', { value: points(numberOf(p)), levels: { vi: levels.map((l) => l.vi).join('; '), en: levels.map((l) => l.en).join(', ') } });
    },
  },
  {
    // A count reaches its cap by steps; a deduction goes down from the maximum by steps (criteria-kinds.ts).
    kind: 'not-a-step',
    holds: (p, spec) => offStep(numberOf(p), spec.max, spec.kinds),
    condition: (o, spec) => offStepCondition(o.cell, spec.max, spec.kinds),
    sheetText: () => 'verdict.sheet.notALevel',
    typing: 'refuse',
    colour: false,
    sums: true,
    rule: () => ({ id: 'not-a-level', severity: 'error' }),
    message: (p, spec) => offStepMessage(numberOf(p), spec.max, spec.kinds!),
  },
  {
    // The unit's figure gives other points than the score (self column only).
    kind: 'figure-differs',
    holds: (p, spec) => figureDiffers(numberOf(p), spec.kinds),
    condition: (o, spec) => figureDiffersCondition(o.cell, spec.kinds),
    sheetText: () => 'kinds.sheet.figureDiffers',
    typing: 'flag',
    colour: false,
    sums: true,
    rule: () => ({ id: 'figure-differs', severity: 'error' }),
    message: (p, spec) => figureMessage(numberOf(p), spec.max, spec.kinds!),
  },
  {
    kind: 'valid',
    holds: () => true,
    condition: () => 'TRUE',
    sheetText: () => 'verdict.sheet.valid',
    typing: 'accept',
    colour: false,
    sums: true,
    rule: () => null,
    message: () => null,
  },
];

const ROW: Record<VerdictKind, KindRow> = {} as Record<VerdictKind, KindRow>;
for (const row of VERDICT_KINDS) ROW[row.kind] = row;

export function kindRow(kind: VerdictKind): KindRow {
  return ROW[kind];
}

/**
 * A leaf's score cell. With the context (the set, the unit's type, the column, the row's figure) it
 * carries what the set says beyond levels (verdict-kinds.ts); without, maximum and levels only.
 */
export function leafScore(node: { max: number; levels?: number[] }, context?: SpecContext): ScoreSpec {
  return { item: 'leaf', max: node.max, levels: node.levels, kinds: context ? kindsSpec(node as CriteriaNode, context) : undefined };
}

export function extraScore(kind: 'bonus' | 'deduction', item: { max: number }): ScoreSpec {
  return { item: kind, max: item.max };
}

/** The first kind whose test holds (the last, valid, always does). */
function judgeParsed(parsed: ParsedScore, spec: ScoreSpec): Judged {
  let i = 0;
  while (!VERDICT_KINDS[i].holds(parsed, spec)) i++;
  return { kind: VERDICT_KINDS[i].kind, parsed, spec };
}

/** The verdict on what a score cell holds, as the check gives it. */
export function judge(value: CellValue | undefined, spec: ScoreSpec): Judged {
  return judgeParsed(parseScoreCell(value), spec);
}

/** Excel's serial number of a date the readers handed over as ISO text (the 1900 date system). */
export function dateSerial(iso: string): number {
  return Date.parse(iso) / 86400000 + 25569;
}

/**
 * The verdict the sheet's Kiểm tra formula gives: the same table on what Excel stores. Every kind has
 * its Excel condition wherever its test can hold but the date, which the sheet sees as the number
 * Excel made of it (verdict.test.ts states both).
 */
export function sheetJudge(value: CellValue | undefined, spec: ScoreSpec): Judged {
  const parsed = parseScoreCell(value);
  return judgeParsed(parsed.kind === 'date' ? { kind: 'number', value: dateSerial(parsed.text) } : parsed, spec);
}

/** The Kiểm tra text of a verdict ('' where the column says nothing, as for an empty bonus). */
export function verdictText(kind: VerdictKind, spec: ScoreSpec): string {
  const key = ROW[kind].sheetText(spec);
  return key ? text('vi', key, { max: formatPoints(spec.max) }) : '';
}

/** What the Kiểm tra formula shows for a value: the cached result until the spreadsheet recalculates. */
export function checkText(value: CellValue | undefined, spec: ScoreSpec): string {
  const kind = sheetJudge(value, spec).kind;
  return verdictText(kind, spec) + (kind === 'appraisal-only' ? '' : figureSuffixText(spec.kinds));
}

/** What the check reports for a verdict: the rule, severity and message, or null. */
export function verdictIssue(j: Judged, column: ScoreColumn): { rule: VerdictRule; severity: 'error' | 'warning'; message: Message } | null {
  const row = ROW[j.kind];
  const rule = row.rule(j.spec);
  const m = row.message(j.parsed, j.spec, column);
  return rule && m ? { rule: rule.id, severity: rule.severity, message: m } : null;
}

/** Whether the sheet's SUM over this entry means what the core's sum means. */
export function sumsAlike(j: Judged): boolean {
  return ROW[j.kind].sums;
}

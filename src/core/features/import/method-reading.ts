// What a leaf's scoring text says about how it is scored, in the usual Vietnamese phrasings: the
// levels it lists ("đúng hạn: 1 điểm; chậm: 0,5 điểm"), a proportional score ("Điểm = tỷ lệ % × 2
// điểm", "tỷ lệ … nhân với điểm tối đa"), a count ("mỗi văn bản được 0,25 điểm, tối đa 1 điểm"), a
// deduction ("mỗi hồ sơ quá hạn trừ 0,5 điểm"), full marks when nothing arose ("(hoặc không phát
// sinh): 2 điểm"), which units may leave it không áp dụng ("không áp dụng đối với phường, thị trấn")
// and whether others score it ("theo kết quả khảo sát sự hài lòng"). test/method-reading.test.ts holds
// the corpus of phrasings.

import { CriteriaNode, Scoring, UNIT_TYPES, UnitType } from '../../model/criteria';
import { Message } from '../../model/errors';
import { foldText } from '../../model/grid';
import { pointsEqual, toHundredths } from '../../model/points';
import { message, points } from '../../text/catalogue';

export interface MethodReading {
  levels?: number[];
  scoring?: Scoring;
  notApplicable?: boolean | UnitType[];
  notArising?: 'max';
  scoredBy?: string;
  /** What looks inconsistent in the text (a multiplier or a cap other than the maximum). */
  warnings: Message[];
}

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
/** "điểm" or "đ" after an amount, not the start of a longer word. */
const POINTS_WORD = '\\s*(?:diem|d)(?![a-z])';
const TIMES = ' × ';

function amount(text: string): number {
  return Number(text.replace(',', '.'));
}

/**
 * Folded text (no diacritics, lower case) with every way of writing a multiplication as " × ": ×, *,
 * a lone x ("tỷ lệ % x 2"), "nhân với", and "nhân" before an amount or the maximum (not "tiếp nhận").
 */
export function foldMethod(text: string): string {
  return foldText(text.normalize('NFC'))
    .replace(/[×✕✖*]/g, TIMES)
    .replace(/(^|[\s\d%)])x(?=$|[\s\d(])/g, '$1' + TIMES)
    .replace(/(^|\s)nhan\s+voi\s+/g, '$1' + TIMES)
    .replace(/(^|\s)nhan\s+(?=\d|diem toi da|so diem|ty le)/g, '$1' + TIMES)
    .replace(/\s+/g, ' ');
}

/** The clauses of a scoring text (split at ";" and line breaks), each as written and folded. */
function clauses(method: string): Array<{ text: string; folded: string }> {
  return method.normalize('NFC').split(/[;\n]+/).map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '')
    .map((text) => ({ text, folded: foldMethod(text) }));
}

// ---------------------------------------------------------------------------------------------
// Proportional

const PROPORTIONAL: RegExp[] = [
  // "Điểm = tỷ lệ % × 2 điểm", "tỷ lệ đạt được nhân với 2"
  new RegExp(`ty le[^;]*?×\\s*${NUMBER}(?:${POINTS_WORD})?(?![\\d%.,])`),
  // "2 điểm × tỷ lệ"
  new RegExp(`${NUMBER}(?:${POINTS_WORD})?\\s*×\\s*ty le`),
  // "(số hồ sơ đúng hạn / tổng số hồ sơ) × 2 điểm"
  new RegExp(`\\/[^;()]*\\)\\s*×\\s*${NUMBER}(?:${POINTS_WORD})?(?![\\d%.,])`),
];
/** Proportional to the maximum, without an amount. */
const PROPORTIONAL_TO_MAX = /ty le[^;]*?×\s*(?:so\s*)?diem toi da|diem toi da\s*×\s*ty le|(?:tinh|cham)(?: diem)? theo ty le|diem (?:duoc )?tinh theo ty le|ty le thuan/;

function readProportional(folded: string, max: number, warnings: Message[]): Scoring | null {
  for (const pattern of PROPORTIONAL) {
    const m = pattern.exec(folded);
    if (!m) continue;
    const factor = amount(m[1]);
    if (!pointsEqual(factor, max)) warnings.push(message('import.factorNotMax', { factor: points(factor), max: points(max) }));
    return { kind: 'proportional', figure: true };
  }
  return PROPORTIONAL_TO_MAX.test(folded) ? { kind: 'proportional', figure: true } : null;
}

// ---------------------------------------------------------------------------------------------
// Counted and deducted

/** "mỗi …", "cứ mỗi …", "cứ 01 …": per item or occurrence. */
const EACH = '(?:cu\\s+)?(?:moi|cu\\s+(?:01|1|mot))\\s';
const DEDUCTION: RegExp[] = [
  // "mỗi hồ sơ quá hạn trừ 0,5 điểm", "cứ 01 trường hợp bị trừ 0,25 điểm"
  new RegExp(`${EACH}[^;]*?\\btru\\s*(?:di\\s*)?${NUMBER}${POINTS_WORD}`),
  // "trừ 0,5 điểm/trường hợp", "trừ 0,5 điểm cho mỗi hồ sơ"
  new RegExp(`\\btru\\s*(?:di\\s*)?${NUMBER}${POINTS_WORD}\\s*(?:\\/|cho moi|moi|tren moi)`),
];
const COUNT: RegExp[] = [
  // "mỗi văn bản được 0,25 điểm", "cứ mỗi sáng kiến cộng 0,5 điểm"
  new RegExp(`${EACH}[^;]*?(?:duoc|cong|tinh|dat|=|:)?\\s*${NUMBER}${POINTS_WORD}`),
  // "0,25 điểm/văn bản", "0,25 điểm/01 văn bản", "0,25 điểm cho mỗi văn bản"
  new RegExp(`${NUMBER}${POINTS_WORD}\\s*(?:\\/\\s*(?:01\\s+|1\\s+|moi\\s+)?[a-z]|cho moi|tren moi)`),
];
const CAP = new RegExp(`(?:toi da|khong qua|toi da khong qua)\\s*(?:la\\s*)?:?\\s*${NUMBER}${POINTS_WORD}`);

function readSteps(folded: string, max: number, warnings: Message[]): Scoring | null {
  for (const pattern of DEDUCTION) {
    const m = pattern.exec(folded);
    if (m && amount(m[1]) > 0 && toHundredths(amount(m[1])) <= toHundredths(max)) return { kind: 'deduction', step: amount(m[1]) };
  }
  for (const pattern of COUNT) {
    const m = pattern.exec(folded);
    if (!m || /\btru\b/.test(m[0])) continue;
    const step = amount(m[1]);
    if (!(step > 0) || toHundredths(step) > toHundredths(max)) continue;
    const cap = CAP.exec(folded);
    if (cap && !pointsEqual(amount(cap[1]), max)) warnings.push(message('import.capNotMax', { cap: points(amount(cap[1])), max: points(max) }));
    return { kind: 'count', step };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Levels

/**
 * The scores a leaf allows, from explicit amounts in its scoring text ("đúng hạn: 1 điểm; chậm:
 * 0,5 điểm"), always with 0 and the maximum. None when the text gives no amounts, or scores per
 * item or by deduction ("mỗi…", "trừ 0,5 điểm"), whose results it does not list.
 */
export function levelsFromMethod(method: string, max: number): number[] | undefined {
  const lower = method.normalize('NFC').toLowerCase();
  if (/mỗi|trừ\s*(đi\s*)?\d/.test(lower)) return undefined;
  const text = foldText(method).replace(/toi da( la)?\s*:?\s*\d+(?:[.,]\d+)?\s*(diem|d)(?![a-z])/g, '');
  const amounts: number[] = [];
  const pattern = /(\d+(?:[.,]\d+)?)(?:\s*diem|d)(?![a-z])/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const value = Number(m[1].replace(',', '.'));
    if (toHundredths(value) <= toHundredths(max)) amounts.push(value);
  }
  if (amounts.length === 0) return undefined;
  const levels: number[] = [];
  for (const v of [0, max, ...amounts]) if (!levels.some((l) => pointsEqual(l, v))) levels.push(v);
  return levels.sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------------------------
// Không phát sinh, không áp dụng, scored by others

/** "không phát sinh", "(hoặc không có hồ sơ quá hạn)", "(hoặc kiểm tra không phát hiện tồn tại)". */
const NOT_ARISING = /khong phat sinh|hoac khong co\b|hoac (?:[a-z]+ ){0,3}khong phat hien/;

/** A clause that gives the maximum ("… (hoặc không phát sinh): 2 điểm", "không phát sinh thì được điểm tối đa"). */
function readNotArising(parts: Array<{ folded: string }>, max: number): boolean {
  return parts.some(({ folded }) => {
    if (!NOT_ARISING.test(folded)) return false;
    if (/diem toi da|du diem|toan bo so diem/.test(folded)) return true;
    const pattern = new RegExp(NUMBER + POINTS_WORD, 'g');
    for (let m = pattern.exec(folded); m; m = pattern.exec(folded)) if (pointsEqual(amount(m[1]), max)) return true;
    return false;
  });
}

const TYPE_WORDS: Array<[UnitType, string]> = [['thi-tran', 'thi tran'], ['phuong', 'phuong'], ['xa', 'xa']];
const TYPE_LIST = '((?:cac\\s+)?(?:thi tran|phuong|xa)(?:\\s*(?:,|va|hoac)\\s*(?:cac\\s+)?(?:thi tran|phuong|xa))*)';

function typesIn(list: string): UnitType[] {
  let rest = ' ' + list + ' ';
  const found: UnitType[] = [];
  for (const [type, word] of TYPE_WORDS) {
    const re = new RegExp(`[\\s,]${word}(?=[\\s,])`);
    if (re.test(rest)) {
      found.push(type);
      rest = rest.replace(new RegExp(`[\\s,]${word}(?=[\\s,])`, 'g'), ' ');
    }
  }
  return UNIT_TYPES.filter((t) => found.indexOf(t) >= 0);
}

/** Which unit types may leave the item không áp dụng, as the text says; undefined when it says nothing. */
function readNotApplicable(folded: string): boolean | UnitType[] | undefined {
  const only = new RegExp(`chi (?:ap dung|cham|danh gia)(?: diem)? (?:doi voi|cho|voi|o) ${TYPE_LIST}`).exec(folded);
  if (only) {
    const applies = typesIn(only[1]);
    const others = UNIT_TYPES.filter((t) => applies.indexOf(t) < 0);
    return others.length ? others : undefined;
  }
  const not = new RegExp(`khong (?:ap dung|cham|danh gia)(?: diem)?(?: tieu chi nay| noi dung nay)? (?:doi voi|cho|voi|o) ${TYPE_LIST}`).exec(folded)
    || new RegExp(`${TYPE_LIST} khong (?:ap dung|cham|danh gia|phai cham)`).exec(folded);
  if (not) {
    const types = typesIn(not[1]);
    if (types.length) return types;
  }
  if (/(?:thi|:)\s*(?:khong ap dung|ghi kad)|khong (?:cham|danh gia)(?: diem)? (?:tieu chi|noi dung) nay|(?:tieu chi|noi dung) nay (?:duoc )?khong ap dung|\bghi kad\b|duoc xac dinh la khong ap dung/.test(folded)) return true;
  return undefined;
}

const SCORED_BY = new RegExp([
  // "Căn cứ kết quả khảo sát sự hài lòng", "theo kết quả điều tra xã hội học", "điểm khảo sát"
  '(?:ket qua|theo|diem)\\s+(?:[a-z]+\\s+){0,3}?(?:khao sat|dieu tra xa hoi hoc)',
  'chi so (?:hai long|sipas)|\\bsipas\\b',
  // "do Hội đồng thẩm định chấm", "do Sở Nội vụ đánh giá", "Hội đồng thẩm định chấm"
  '(?:do|boi)\\s+(?:hoi dong tham dinh|doan tham dinh|so [a-z ]{2,40}?|phong noi vu|co quan [a-z ]{2,40}?)\\s+(?:cham|danh gia|xac dinh|cung cap)',
  'hoi dong tham dinh cham|(?:don vi )?khong tu cham|do tham dinh cham',
].join('|'));

/** The clause that says others score the item, as written. */
function readScoredBy(parts: Array<{ text: string; folded: string }>): string | undefined {
  const hit = parts.filter((c) => SCORED_BY.test(c.folded))[0];
  return hit ? hit.text.replace(/^[-+•–·]\s*/, '').replace(/[.:]+$/, '').slice(0, 200) : undefined;
}

// ---------------------------------------------------------------------------------------------

/** Everything a scoring text says about how its leaf is scored (see the file's head). */
export function readMethod(method: string, max: number): MethodReading {
  const warnings: Message[] = [];
  const parts = clauses(method);
  const folded = parts.map((c) => c.folded).join('; ');
  const reading: MethodReading = { warnings };
  const scoring = readProportional(folded, max, warnings) || readSteps(folded, max, warnings);
  if (scoring) reading.scoring = scoring;
  else {
    const levels = levelsFromMethod(method, max);
    if (levels) reading.levels = levels;
  }
  if (readNotArising(parts, max)) reading.notArising = 'max';
  const na = readNotApplicable(folded);
  if (na !== undefined) reading.notApplicable = na;
  const by = readScoredBy(parts);
  if (by) reading.scoredBy = by;
  return reading;
}

/** Puts a reading on a leaf (the fields the set's JSON carries). */
export function applyReading(node: CriteriaNode, reading: MethodReading): void {
  if (reading.levels) node.levels = reading.levels;
  if (reading.scoring) node.scoring = reading.scoring;
  if (reading.notApplicable !== undefined) node.notApplicable = reading.notApplicable;
  if (reading.notArising) node.notArising = reading.notArising;
  if (reading.scoredBy) node.scoredBy = reading.scoredBy;
}

// Commune workbooks with known scores, written as `cchc build` writes them and filled as a clerk would
// (the entries go into the plan, so cached results are the core's own): for the summary tests and the
// benchmark.

import * as path from 'path';
import { CriteriaSet, leavesOf } from '../../src/core/model/criteria';
import { Entries, EntryRole, EvidenceDoc } from '../../src/core/model/entries';
import { CellValue } from '../../src/core/model/grid';
import { buildWorkbookPlan } from '../../src/core/sheets/workbook';
import { writePlanToFile } from '../../src/adapters/exceljs/write';
import { prng } from './generate';
import { smallSet } from './scoring';
import { parseCriteriaSet } from '../../src/core/model/criteria-parse';

export type Scores = Record<string, CellValue>;

export interface CommuneSpec {
  /** File name inside the folder. */
  file: string;
  unit: string;
  set: CriteriaSet;
  year?: number;
  self: Scores;
  /** Appraisal scores; `{}` gives an appraisal column with nothing entered; absent: no column. */
  appraisal?: Scores;
  /** Rows of the Minh chứng register. */
  evidence?: EvidenceDoc[];
}

export function entriesOf(self: Scores, appraisal?: Scores): Entries {
  const entries: Entries = {};
  const put = (scores: Scores, role: EntryRole) => {
    for (const code of Object.keys(scores)) (entries[code] = entries[code] || { values: {} }).values[role] = scores[code];
  };
  put(self, 'self');
  if (appraisal) put(appraisal, 'appraisal');
  return entries;
}

export async function writeCommune(dir: string, spec: CommuneSpec): Promise<string> {
  const file = path.join(dir, spec.file);
  const plan = buildWorkbookPlan({
    set: spec.set, unit: spec.unit, year: spec.year || 2024, appraisal: spec.appraisal !== undefined,
    entries: entriesOf(spec.self, spec.appraisal), evidence: spec.evidence,
  });
  await writePlanToFile(plan, file);
  return file;
}

/** Every leaf at its maximum, or at 0 from its level list: a full or empty card. */
export function fullScores(set: CriteriaSet): Scores {
  const scores: Scores = {};
  for (const leaf of leavesOf(set)) scores[leaf.code] = leaf.node.max;
  return scores;
}

/**
 * Plausible scores for a commune: each leaf takes one of its levels (or a quarter step up to its
 * max), better communes leaning to the top. Deterministic for a seed.
 */
export function plausibleScores(set: CriteriaSet, seed: number, quality: number): Scores {
  const rand = prng(seed);
  const scores: Scores = {};
  for (const leaf of leavesOf(set)) {
    const levels = leaf.node.levels && leaf.node.levels.length
      ? leaf.node.levels
      : Array.from({ length: Math.round(leaf.node.max * 4) + 1 }, (_, i) => i / 4);
    // quality 0.8: most leaves near the top, some lower; never outside the levels.
    const share = Math.max(0, Math.min(1, quality + (rand() - 0.5) * 0.6));
    const pick = Math.round(share * (levels.length - 1));
    scores[leaf.code] = levels[pick];
  }
  return scores;
}

/** Bands a test declares for a set that has none (the bundled reference set carries no bands). */
export const TEST_BANDS = [{ min: 90, label: 'Tốt' }, { min: 80, label: 'Khá' }, { min: 65, label: 'Trung bình' }, { min: 0, label: 'Yếu' }];

/** The set with bands (the test's own when it has none), same id: bands change no score. */
export function withBands(base: CriteriaSet, bands = TEST_BANDS): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(base));
  if (!raw.bands) raw.bands = bands;
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}

/** The set with two bonus items, one deduction item and (where it has none) bands, under a new id. */
export function withExtras(base: CriteriaSet): CriteriaSet {
  const raw = JSON.parse(JSON.stringify(base));
  raw.id = base.id + '-extras';
  raw.bonus = [{ code: 'T1', name: 'Sáng kiến cải cách hành chính', max: 1 }, { code: 'T2', name: 'Được khen thưởng', max: 0.5 }];
  raw.deduction = [{ code: 'D1', name: 'Bị phê bình vì chậm báo cáo', max: 2 }];
  if (!raw.bands) raw.bands = [{ min: 90, label: 'Tốt' }, { min: 70, label: 'Khá' }, { min: 0, label: 'Yếu' }];
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}

/** The small test set with bonus, deduction and bands. */
export function extrasSet(): CriteriaSet {
  return withExtras(smallSet());
}

const DOCUMENT_KINDS = ['KH-UBND', 'BC-UBND', 'QĐ-UBND', 'TB-UBND', 'CV-UBND'];

/**
 * A register as a diligent clerk fills it: most leaves scored above 0 get a document, some documents
 * back two leaves of the same criterion, about half carry a link to their scan. Deterministic for a seed.
 */
export function plausibleEvidence(set: CriteriaSet, scores: Scores, seed: number): EvidenceDoc[] {
  const rand = prng(seed);
  const docs: EvidenceDoc[] = [];
  const leaves = leavesOf(set).filter((l) => typeof scores[l.code] === 'number' && (scores[l.code] as number) > 0);
  for (let i = 0; i < leaves.length; i++) {
    if (rand() < 0.15) continue;
    const codes = [leaves[i].code];
    const next = leaves[i + 1];
    if (next && next.parentCode === leaves[i].parentCode && rand() < 0.25) codes.push(next.code);
    const number = 1 + Math.floor(rand() * 300);
    const day = 1 + Math.floor(rand() * 28);
    const month = 1 + Math.floor(rand() * 12);
    docs.push({
      codes,
      number: `${number}/${DOCUMENT_KINDS[Math.floor(rand() * DOCUMENT_KINDS.length)]}`,
      date: `${day < 10 ? '0' : ''}${day}/${month < 10 ? '0' : ''}${month}/2024`,
      summary: `Văn bản về ${leaves[i].node.name.toLowerCase()}`.slice(0, 120),
      link: rand() < 0.5 ? `minh-chung/${codes[0]}/van-ban-${number}.pdf` : '',
    });
  }
  return docs;
}

// Generated criteria sets of any size, for scale tests and the benchmark. Deterministic for a seed.

import { CriteriaNode, CriteriaSet } from '../../src/core/model/criteria';
import { sumPoints } from '../../src/core/model/points';
import { parseCriteriaSet } from '../../src/core/model/criteria-parse';

/** A tiny deterministic PRNG (mulberry32): the same seed gives the same set on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/**
 * A valid set with exactly `leaves` leaves spread over `domains` domains, criteria of 1–6 leaves,
 * leaf maxima in steps of 0.25 with levels, and some criteria scored directly (leaf criteria).
 */
export function generateSet(leaves: number, seed = 1, maxDomains = 8): CriteriaSet {
  const domains = Math.max(1, Math.min(maxDomains, leaves));
  const rand = prng(seed);
  const perDomain: number[] = [];
  for (let d = 0; d < domains; d++) perDomain.push(Math.floor(leaves / domains) + (d < leaves % domains ? 1 : 0));
  const nodes: CriteriaNode[] = perDomain.map((count, d) => {
    const criteria: CriteriaNode[] = [];
    let left = count;
    let c = 0;
    while (left > 0) {
      c++;
      const size = Math.min(left, 1 + Math.floor(rand() * 6));
      left -= size;
      const code = `${d + 1}.${c}`;
      const leafOf = (leafCode: string, stt: string): CriteriaNode => {
        const max = (1 + Math.floor(rand() * 8)) * 0.25;
        const levels = [0];
        for (let v = 0.25; v <= max + 1e-9; v += 0.25) if (rand() < 0.5 || Math.abs(v - max) < 1e-9) levels.push(Math.round(v * 100) / 100);
        return { code: leafCode, stt, name: `Tiêu chí thành phần ${leafCode} — đánh giá việc thực hiện`, max, method: 'Đạt: tối đa; không đạt: 0 điểm', levels };
      };
      if (size === 1 && rand() < 0.3) {
        criteria.push({ ...leafOf(code, String(c)), name: `Tiêu chí ${code} chấm trực tiếp` });
      } else {
        const children: CriteriaNode[] = [];
        for (let l = 1; l <= size; l++) children.push(leafOf(`${code}.${l}`, `${c}.${l}`));
        criteria.push({ code, stt: String(c), name: `Tiêu chí ${code}`, max: sumPoints(children.map((x) => x.max)), children });
      }
    }
    return { code: String(d + 1), stt: ROMAN[d] || String(d + 1), name: `Lĩnh vực ${d + 1}`, max: sumPoints(criteria.map((x) => x.max)), children: criteria };
  });
  const raw = { id: `generated-${leaves}-${seed}`, title: `Bộ tiêu chí sinh tự động (${leaves} tiêu chí thành phần)`, status: 'reference', nodes };
  const { set, problems } = parseCriteriaSet(raw);
  if (!set) throw new Error('generated set invalid: ' + problems.map((p) => p.message.en).join('; '));
  return set;
}

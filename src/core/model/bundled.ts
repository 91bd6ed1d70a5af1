// The criteria sets that ship with the product. Validated on first use like any imported set.

import thaiNguyenXa2024 from '../../criteria/thai-nguyen-xa-2024.json';
import { CriteriaSet } from './criteria';
import { parseCriteriaSet } from './criteria-parse';

const RAW_SETS: unknown[] = [thaiNguyenXa2024];

export const DEFAULT_SET_ID = 'thai-nguyen-xa-2024';

export function bundledSets(): CriteriaSet[] {
  return RAW_SETS.map((raw) => {
    const { set, problems } = parseCriteriaSet(raw);
    // A bundled set that fails its own check is a build defect, caught by the tests.
    if (!set) throw new Error('Bundled criteria set is inconsistent: ' + problems.map((p) => p.message.en).join('; '));
    return set;
  });
}

export function defaultSet(): CriteriaSet {
  return bundledSets().filter((s) => s.id === DEFAULT_SET_ID)[0];
}

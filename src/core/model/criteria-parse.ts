// Untrusted JSON → a criteria set, or every problem found in it (DESIGN.md §3.1).

import { isHundredthStep, pointsEqual, sumPoints, toHundredths } from './points';
import { CriteriaNode, ExtraItem, CriteriaSet, CriteriaProblem, flattenSet } from './criteria';
import { parseBands, parseLeafRules } from './criteria-parse-kinds';

/** Limits that keep a hostile file from taking unbounded time or memory. */
export const CRITERIA_LIMITS = { maxDepth: 8, maxNodes: 20000, maxTextLength: 4000 };

function p(code: string | null, vi: string, en: string): CriteriaProblem {
  return { code, message: { vi, en } };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fmt(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * Turns untrusted JSON into a criteria set, or lists every problem found. Checks: the shape of each
 * field, unique codes, codes that match the tree position, parent max = sum of children, levels
 * within 0..max, points in hundredths, a leaf's scoring rules (criteria-parse-kinds.ts), bounded
 * depth and size.
 */
export function parseCriteriaSet(raw: unknown): { set: CriteriaSet | null; problems: CriteriaProblem[] } {
  const problems: CriteriaProblem[] = [];
  if (!isPlainObject(raw)) {
    return { set: null, problems: [p(null, 'Tệp bộ tiêu chí phải là một đối tượng JSON.', 'The criteria file must be a JSON object.')] };
  }
  const id = raw.id;
  if (typeof id !== 'string' || !/^[A-Za-z0-9._-]{1,80}$/.test(id)) {
    problems.push(p(null, 'Thiếu "id" hoặc "id" không hợp lệ (chỉ chữ không dấu, số, dấu chấm, gạch).', 'Missing or invalid "id" (letters, digits, dot, dash only).'));
  }
  if (typeof raw.title !== 'string' || raw.title.trim() === '') {
    problems.push(p(null, 'Thiếu tên bộ tiêu chí ("title").', 'Missing "title".'));
  }
  if (raw.status !== 'official' && raw.status !== 'reference') {
    problems.push(p(null, '"status" phải là "official" hoặc "reference".', '"status" must be "official" or "reference".'));
  }
  if (!Array.isArray(raw.nodes) || raw.nodes.length === 0) {
    problems.push(p(null, 'Bộ tiêu chí không có lĩnh vực nào ("nodes").', 'The set has no domains ("nodes").'));
    return { set: null, problems };
  }

  const seen: Record<string, boolean> = {};
  let count = 0;
  let tooBig = false;
  const cleanNodes: CriteriaNode[] = [];
  // Iterative clean-up and validation, depth-bounded.
  const work: Array<{ raw: unknown; depth: number; parentCode: string | null; index: number; into: CriteriaNode[] }> = [];
  for (let i = raw.nodes.length - 1; i >= 0; i--) work.push({ raw: raw.nodes[i], depth: 0, parentCode: null, index: i, into: cleanNodes });
  const ordered: Array<{ into: CriteriaNode[]; index: number; node: CriteriaNode }> = [];
  while (work.length > 0) {
    const w = work.pop()!;
    count++;
    if (count > CRITERIA_LIMITS.maxNodes) {
      tooBig = true;
      break;
    }
    const expected = w.parentCode === null ? String(w.index + 1) : w.parentCode + '.' + (w.index + 1);
    if (!isPlainObject(w.raw)) {
      problems.push(p(expected, `Mục ${expected}: không phải một tiêu chí (đối tượng JSON).`, `Item ${expected}: not a criterion object.`));
      continue;
    }
    const r = w.raw;
    const code = typeof r.code === 'string' ? r.code.trim() : typeof r.code === 'number' ? String(r.code) : '';
    const label = code || expected;
    if (!code) problems.push(p(expected, `Mục ${expected}: thiếu mã ("code").`, `Item ${expected}: missing "code".`));
    else if (seen[code]) problems.push(p(code, `Mã ${code} bị trùng.`, `Duplicate code ${code}.`));
    else if (code !== expected) {
      problems.push(p(code, `Mã ${code} không khớp vị trí trong cây (phải là ${expected}).`, `Code ${code} does not match its position in the tree (expected ${expected}).`));
    }
    if (code) seen[code] = true;
    const name = typeof r.name === 'string' ? r.name.normalize('NFC').trim() : '';
    if (!name) problems.push(p(label, `Mục ${label}: thiếu tên ("name").`, `Item ${label}: missing "name".`));
    if (name.length > CRITERIA_LIMITS.maxTextLength) problems.push(p(label, `Mục ${label}: tên quá dài.`, `Item ${label}: name too long.`));
    const max = r.max;
    const maxOk = typeof max === 'number' && isFinite(max) && max >= 0 && isHundredthStep(max);
    if (!maxOk) {
      problems.push(p(label, `Mục ${label}: điểm tối đa phải là số không âm, tối đa 2 chữ số thập phân (đang là ${JSON.stringify(max)}).`,
        `Item ${label}: "max" must be a non-negative number with at most 2 decimals (got ${JSON.stringify(max)}).`));
    }
    const node: CriteriaNode = {
      code: code || expected,
      stt: typeof r.stt === 'string' || typeof r.stt === 'number' ? String(r.stt).trim() : '',
      name,
      max: maxOk ? (max as number) : 0,
    };
    if (typeof r.method === 'string' && r.method.trim()) node.method = r.method.normalize('NFC').trim();
    const children = r.children;
    if (children !== undefined && !Array.isArray(children)) {
      problems.push(p(label, `Mục ${label}: "children" phải là một danh sách.`, `Item ${label}: "children" must be a list.`));
    }
    const hasChildren = Array.isArray(children) && children.length > 0;
    if (r.levels !== undefined) {
      if (!Array.isArray(r.levels) || r.levels.some((l) => typeof l !== 'number' || !isFinite(l))) {
        problems.push(p(label, `Mục ${label}: "levels" phải là danh sách số.`, `Item ${label}: "levels" must be a list of numbers.`));
      } else if (hasChildren) {
        problems.push(p(label, `Mục ${label}: chỉ tiêu chí lá mới có mức điểm ("levels").`, `Item ${label}: only leaves may have "levels".`));
      } else {
        const levels = (r.levels as number[]).slice().sort((a, b) => a - b);
        const bad = levels.filter((l) => l < 0 || (maxOk && toHundredths(l) > toHundredths(max as number)) || !isHundredthStep(l));
        if (bad.length) {
          problems.push(p(label, `Mục ${label}: mức điểm ${bad.map(fmt).join('; ')} nằm ngoài 0..${fmt(node.max)}.`,
            `Item ${label}: levels ${bad.join(', ')} are outside 0..${node.max}.`));
        }
        const unique: number[] = [];
        for (const l of levels) if (!unique.some((u) => pointsEqual(u, l))) unique.push(l);
        if (unique.length) node.levels = unique;
      }
    }
    parseLeafRules(r, node, label, hasChildren, problems);
    if (hasChildren) {
      if (w.depth + 1 >= CRITERIA_LIMITS.maxDepth) {
        problems.push(p(label, `Mục ${label}: cây tiêu chí sâu quá ${CRITERIA_LIMITS.maxDepth} cấp.`, `Item ${label}: tree deeper than ${CRITERIA_LIMITS.maxDepth} levels.`));
      } else {
        node.children = [];
        const kids = children as unknown[];
        for (let i = kids.length - 1; i >= 0; i--) {
          work.push({ raw: kids[i], depth: w.depth + 1, parentCode: node.code, index: i, into: node.children });
        }
      }
    }
    ordered.push({ into: w.into, index: w.index, node });
  }
  if (tooBig) {
    return { set: null, problems: [p(null, `Bộ tiêu chí có hơn ${CRITERIA_LIMITS.maxNodes} mục: quá lớn.`, `The set has more than ${CRITERIA_LIMITS.maxNodes} items: too large.`)] };
  }
  for (const o of ordered) o.into[o.index] = o.node;
  // Drop holes left by invalid items so later steps see a clean tree.
  const compact = (list: CriteriaNode[]): CriteriaNode[] => list.filter((n) => !!n);
  const fixStack: CriteriaNode[][] = [cleanNodes];
  while (fixStack.length) {
    const list = fixStack.pop()!;
    for (const n of list) {
      if (n && n.children) {
        n.children = compact(n.children);
        fixStack.push(n.children);
      }
    }
  }
  const nodes = compact(cleanNodes);

  const set: CriteriaSet = {
    id: typeof id === 'string' ? id : '',
    title: typeof raw.title === 'string' ? raw.title.normalize('NFC').trim() : '',
    status: raw.status === 'official' ? 'official' : 'reference',
    nodes,
  };
  if (typeof raw.level === 'string') set.level = raw.level;
  if (typeof raw.year === 'number') set.year = raw.year;
  if (Array.isArray(raw.basis)) set.basis = raw.basis.filter((b): b is string => typeof b === 'string').map((b) => b.normalize('NFC'));
  if (typeof raw.note === 'string') set.note = raw.note.normalize('NFC');
  for (const key of ['bonus', 'deduction'] as const) {
    const list = raw[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(p(null, `"${key}" phải là một danh sách.`, `"${key}" must be a list.`));
      continue;
    }
    const items: ExtraItem[] = [];
    list.forEach((it, i) => {
      const prefix = key === 'bonus' ? 'T' : 'D';
      if (!isPlainObject(it) || typeof it.name !== 'string' || typeof it.max !== 'number' || !(it.max >= 0) || !isHundredthStep(it.max)) {
        problems.push(p(null, `Mục ${key} thứ ${i + 1}: cần "name" và "max" là số không âm.`, `${key} item ${i + 1}: needs "name" and a non-negative "max".`));
        return;
      }
      const code = typeof it.code === 'string' && it.code.trim() ? it.code.trim() : prefix + (i + 1);
      if (seen[code]) problems.push(p(code, `Mã ${code} bị trùng.`, `Duplicate code ${code}.`));
      seen[code] = true;
      const item: ExtraItem = { code, name: it.name.normalize('NFC').trim(), max: it.max };
      if (typeof it.method === 'string') item.method = it.method.normalize('NFC');
      items.push(item);
    });
    set[key] = items;
  }
  if (raw.bands !== undefined) {
    const bands = parseBands(raw.bands, problems);
    if (bands) set.bands = bands;
  }

  // Parent max = sum of children's max.
  for (const f of flattenSet(set)) {
    if (f.leaf) continue;
    const sum = sumPoints((f.node.children || []).map((c) => c.max));
    if (!pointsEqual(sum, f.node.max)) {
      problems.push(p(f.code, `Mục ${f.code}: điểm tối đa ${fmt(f.node.max)} khác tổng các mục con ${fmt(sum)}.`,
        `Item ${f.code}: max ${f.node.max} differs from the sum of its children ${sum}.`));
    }
  }
  return { set: problems.length ? null : set, problems };
}

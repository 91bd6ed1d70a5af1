// String.prototype.normalize for Internet Explorer 11, which lacks it and which core-js does not
// polyfill (the Unicode tables are too large). The core calls normalize('NFC') on every text it
// compares and normalize('NFD') to strip diacritics when matching headers, so returning the string
// unchanged would make "Điểm tối đa" typed in decomposed form ("Unicode tổ hợp", common with Unikey
// and text copied from PDFs) miss its column. This fallback knows the 134 Vietnamese vowel letters:
// it composes and decomposes those exactly as the native method does and leaves every other
// character unchanged. NFKC/NFKD are treated as NFC/NFD (no compatibility mappings).

const TONE_MARKS = '\u0300\u0301\u0309\u0303\u0323'; // huyền, sắc, hỏi, ngã, nặng
const LOWER_TONED: Record<string, string> = {
  a: 'àáảãạ', 'ă': 'ằắẳẵặ', 'â': 'ầấẩẫậ', e: 'èéẻẽẹ', 'ê': 'ềếểễệ', i: 'ìíỉĩị',
  o: 'òóỏõọ', 'ô': 'ồốổỗộ', 'ơ': 'ờớởỡợ', u: 'ùúủũụ', 'ư': 'ừứửữự', y: 'ỳýỷỹỵ',
};
const LOWER_MODIFIED: Record<string, string> = {
  'ă': 'a\u0306', 'â': 'a\u0302', 'ê': 'e\u0302', 'ô': 'o\u0302', 'ơ': 'o\u031b', 'ư': 'u\u031b',
};
/** Canonical combining classes of the marks above that are not 230; canonical order sorts by it. */
const COMBINING_CLASS: Record<string, number> = { '\u031b': 216, '\u0323': 220 };

interface Tables {
  /** Precomposed letter → [letter without its last mark, that mark]. */
  split: Record<string, [string, string]>;
  /** Letter + mark → precomposed letter. */
  join: Record<string, string>;
}

let tables: Tables | null = null;

function buildTables(): Tables {
  const split: Tables['split'] = {};
  const join: Tables['join'] = {};
  const add = (composite: string, base: string, mark: string) => {
    for (const [c, b] of [[composite, base], [composite.toUpperCase(), base.toUpperCase()]]) {
      split[c] = [b, mark];
      join[b + mark] = c;
    }
  };
  for (const letter of Object.keys(LOWER_TONED)) {
    const toned = LOWER_TONED[letter];
    const modified = LOWER_MODIFIED[letter];
    if (modified) add(letter, modified.charAt(0), modified.charAt(1));
    for (let i = 0; i < TONE_MARKS.length; i++) {
      const tone = TONE_MARKS.charAt(i);
      // Unicode splits off the mark that sorts last: the dot below (220) sorts before the
      // circumflex and breve (230), so "ậ" is "ạ" + circumflex, while "ợ" is "ơ" + dot below.
      if (modified && combiningClass(tone) < combiningClass(modified.charAt(1))) {
        add(toned.charAt(i), LOWER_TONED[modified.charAt(0)].charAt(i), modified.charAt(1));
      } else {
        add(toned.charAt(i), letter, tone);
      }
    }
  }
  return { split, join };
}

function isCombiningMark(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x0300 && code <= 0x036f;
}

function combiningClass(mark: string): number {
  return COMBINING_CLASS[mark] || 230;
}

/** Stable sort of a run of marks by combining class (insertion sort: runs are one to three long). */
function canonicalOrder(marks: string[]): string[] {
  const out = marks.slice();
  for (let i = 1; i < out.length; i++) {
    const m = out[i];
    let j = i - 1;
    while (j >= 0 && combiningClass(out[j]) > combiningClass(m)) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = m;
  }
  return out;
}

function decomposeChar(ch: string, t: Tables): string {
  let result = '';
  let current = ch;
  while (t.split[current]) {
    result = t.split[current][1] + result;
    current = t.split[current][0];
  }
  return current + result;
}

/** Splits text into [starter, marks[]] clusters after full decomposition of the known letters. */
function decomposedClusters(text: string, t: Tables): Array<{ base: string; marks: string[] }> {
  const clusters: Array<{ base: string; marks: string[] }> = [];
  for (let i = 0; i < text.length; i++) {
    const parts = decomposeChar(text.charAt(i), t);
    for (let k = 0; k < parts.length; k++) {
      const ch = parts.charAt(k);
      if (isCombiningMark(ch) && clusters.length > 0) clusters[clusters.length - 1].marks.push(ch);
      else clusters.push({ base: ch, marks: [] });
    }
  }
  return clusters;
}

function toNfd(text: string, t: Tables): string {
  let out = '';
  for (const c of decomposedClusters(text, t)) out += c.base + canonicalOrder(c.marks).join('');
  return out;
}

/** Composes each mark onto the starter unless an earlier uncomposed mark of the same or higher class blocks it. */
function toNfc(text: string, t: Tables): string {
  let out = '';
  for (const c of decomposedClusters(text, t)) {
    let base = c.base;
    const left: string[] = [];
    let blockingClass = -1;
    for (const mark of canonicalOrder(c.marks)) {
      const composed = t.join[base + mark];
      if (composed && combiningClass(mark) > blockingClass) base = composed;
      else {
        left.push(mark);
        blockingClass = Math.max(blockingClass, combiningClass(mark));
      }
    }
    out += base + left.join('');
  }
  return out;
}

export function normalizeVietnamese(text: string, form?: string): string {
  const f = form === undefined ? 'NFC' : String(form);
  if (f !== 'NFC' && f !== 'NFD' && f !== 'NFKC' && f !== 'NFKD') {
    throw new RangeError('The normalization form should be one of NFC, NFD, NFKC, NFKD.');
  }
  if (!tables) tables = buildTables();
  return f === 'NFC' || f === 'NFKC' ? toNfc(text, tables) : toNfd(text, tables);
}

/** Installs the fallback only where the browser has no String.prototype.normalize. */
export function installNormalizeFallback(): void {
  if (typeof String.prototype.normalize === 'function') return;
  Object.defineProperty(String.prototype, 'normalize', {
    configurable: true,
    writable: true,
    value: function normalize(this: string, form?: string): string {
      return normalizeVietnamese(String(this), form);
    },
  });
}

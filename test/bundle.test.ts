// The production build and the manifest: every emitted script parses as ES5 (Excel 2016/2019 on
// Windows run the pane in Internet Explorer 11), the pane loads Office.js from Microsoft's CDN, and
// the manifest is well-formed, declares ExcelApi 1.7 where Office looks for it, uses only https and
// names icons that exist. The build runs once, into a temporary folder, with a production address.

import * as acorn from 'acorn';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { normalizeVietnamese } from '../src/taskpane/normalize-fallback';
import { PANE_BUDGET_BYTES, buildPages, paneOwnFiles, weigh } from './helpers/bundle';

const ROOT = path.join(__dirname, '..');
const PRODUCTION_BASE = 'https://cchc.example.gov.vn/addin/';
const DEV_BASE = 'https://localhost:3000/';
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

// ---------------------------------------------------------------------------------------------
// A strict XML reader: enough of XML 1.0 to reject what Office would (unbalanced or crossed tags,
// unquoted or repeated attributes, stray "<" or "&", text outside the root), and a tree to query.

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);/g;

function checkText(text: string, where: string): string {
  const rest = text.replace(ENTITY, '');
  if (/[<&]/.test(rest)) throw new Error(`Stray "<" or "&" in ${where}`);
  return text.replace(ENTITY, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" } as Record<string, string>)[e] ?? e);
}

function parseXml(source: string): XmlElement {
  let i = 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  const declaration = /^\uFEFF?<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z0-9._-]+")?(\s+standalone="(yes|no)")?\s*\?>/.exec(source);
  if (declaration) i = declaration[0].length;
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
  const attribute = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  while (i < source.length) {
    const next = source.indexOf('<', i);
    const text = source.slice(i, next < 0 ? source.length : next);
    if (text) {
      if (stack.length) stack[stack.length - 1].text += checkText(text, `<${stack[stack.length - 1].name}>`);
      else if (text.trim()) throw new Error(`Text outside the root element: "${text.trim().slice(0, 30)}"`);
    }
    if (next < 0) break;
    i = next;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) throw new Error('Unclosed comment');
      if (source.slice(i + 4, end).includes('--')) throw new Error('"--" inside a comment');
      i = end + 3;
      continue;
    }
    const m = tag.exec(source.slice(i));
    if (!m) throw new Error(`Malformed tag at offset ${i}: ${source.slice(i, i + 40)}`);
    const [whole, closing, name, attrs, selfClosing] = m;
    i += whole.length;
    if (closing) {
      if (attrs || selfClosing) throw new Error(`Malformed closing tag </${name}>`);
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open ? open.name : 'nothing'}>`);
      continue;
    }
    if (root && !stack.length) throw new Error(`Second root element <${name}>`);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (const a of allMatches(attrs, attribute)) {
      if (a[1] in element.attributes) throw new Error(`Attribute ${a[1]} repeated on <${name}>`);
      element.attributes[a[1]] = checkText(a[2] ?? a[3], `attribute ${a[1]} of <${name}>`);
    }
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    if (!selfClosing) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('No root element');
  return root;
}

function child(parent: XmlElement, name: string): XmlElement {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length !== 1) throw new Error(`<${parent.name}> has ${found.length} <${name}>`);
  return found[0];
}

function descendants(node: XmlElement): XmlElement[] {
  return node.children.reduce<XmlElement[]>((all, c) => all.concat([c], descendants(c)), []);
}

/** Every URL the manifest holds, in attribute values and in text. */
function urlsIn(root: XmlElement): string[] {
  const values = [root].concat(descendants(root)).reduce<string[]>((all, e) => all.concat(Object.values(e.attributes), [e.text.trim()]), []);
  return values.filter((v) => /^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^http:\/\/schemas\.microsoft\.com\/|^http:\/\/www\.w3\.org\//.test(v));
}

function namespaceUris(root: XmlElement): string[] {
  return [root].concat(descendants(root)).reduce<string[]>((all, e) =>
    all.concat(Object.keys(e.attributes).filter((k) => k === 'xmlns' || k.startsWith('xmlns:')).map((k) => e.attributes[k])), []);
}

function allMatches(text: string, pattern: RegExp): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  for (let m = global.exec(text); m; m = global.exec(text)) found.push(m);
  return found;
}

function pngSize(file: string): { width: number; height: number } {
  const data = fs.readFileSync(file);
  if (data.readUInt32BE(0) !== 0x89504e47 || data.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------

/** Order of OfficeApp's children in the TaskPaneApp schema: Office rejects a manifest that breaks it. */
const OFFICE_APP_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description',
  'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];

function checkManifest(xml: string, base: string, assetRoot: string): void {
  const root = parseXml(xml);
  expect(root.name).toBe('OfficeApp');
  expect(root.attributes['xsi:type']).toBe('TaskPaneApp');

  const order = root.children.map((c) => c.name);
  const positions = order.map((n) => OFFICE_APP_ORDER.indexOf(n));
  expect(positions.filter((p) => p < 0)).toEqual([]);
  expect(positions).toEqual(positions.slice().sort((a, b) => a - b));

  // Requirements: a direct child of OfficeApp, between Hosts and DefaultSettings.
  expect(order.indexOf('Requirements')).toBe(order.indexOf('Hosts') + 1);
  const sets = child(child(root, 'Requirements'), 'Sets').children.filter((s) => s.name === 'Set');
  expect(sets.map((s) => s.attributes)).toEqual([{ Name: 'ExcelApi', MinVersion: '1.7' }]);

  expect(child(root, 'DefaultLocale').text).toBe('vi-VN');
  for (const name of ['DisplayName', 'Description']) {
    const overrides = child(root, name).children.filter((c) => c.name === 'Override');
    expect(overrides.map((o) => o.attributes.Locale)).toEqual(['en-US']);
  }
  const resources = child(child(root, 'VersionOverrides'), 'Resources');
  for (const list of ['bt:ShortStrings', 'bt:LongStrings']) {
    const limit = list === 'bt:ShortStrings' ? 125 : 250;
    for (const s of child(resources, list).children) {
      const overrides = s.children.filter((c) => c.name === 'bt:Override');
      expect([s.attributes.id, overrides.map((o) => o.attributes.Locale)]).toEqual([s.attributes.id, ['en-US']]);
      for (const value of [s.attributes.DefaultValue].concat(overrides.map((o) => o.attributes.Value))) {
        expect(value.length).toBeLessThanOrEqual(limit);
      }
    }
  }

  // Every resid names a resource.
  const ids = descendants(resources).map((e) => e.attributes.id).filter(Boolean);
  const resids = descendants(root).map((e) => e.attributes.resid).filter(Boolean);
  expect(resids.filter((r) => ids.indexOf(r) < 0)).toEqual([]);

  // The ribbon button on the Home tab opens the pane.
  const strings = descendants(resources).filter((e) => e.name === 'bt:String');
  const home = descendants(root).filter((e) => e.name === 'OfficeTab' && e.attributes.id === 'TabHome');
  expect(home).toHaveLength(1);
  const button = descendants(home[0]).filter((e) => e.name === 'Control' && e.attributes['xsi:type'] === 'Button')[0];
  const labelId = child(button, 'Label').attributes.resid;
  expect(strings.filter((s) => s.attributes.id === labelId)[0].attributes.DefaultValue).toBe('Chấm điểm CCHC');
  expect(child(button, 'Action').attributes['xsi:type']).toBe('ShowTaskpane');

  // Only https, only the add-in's own address (namespaces are names, not addresses).
  const urls = urlsIn(root);
  expect(urls.length).toBeGreaterThan(5);
  expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
  expect(urls.filter((u) => !u.startsWith(base))).toEqual([]);
  expect(namespaceUris(root).every((u) => u.startsWith('http://schemas.microsoft.com/') || u.startsWith('http://www.w3.org/'))).toBe(true);

  // Icons exist, at the size their name says.
  const icons = urls.filter((u) => /\.png$/.test(u));
  expect(icons.length).toBeGreaterThanOrEqual(4);
  for (const url of icons) {
    const file = path.join(assetRoot, url.slice(base.length));
    expect(fs.existsSync(file)).toBe(true);
    const size = Number(/icon-(\d+)\.png$/.exec(url)![1]);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  }
}

// ---------------------------------------------------------------------------------------------

let outDir: string;
let buildOutput = '';

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-'));
  buildOutput = buildPages(outDir, PRODUCTION_BASE);
}, 180000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

function emittedFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce<string[]>((all, entry) => {
    const full = path.join(dir, entry.name);
    return all.concat(entry.isDirectory() ? emittedFiles(full) : [full]);
  }, []);
}

describe('production bundles', () => {
  test('every emitted script parses as ES5', () => {
    const scripts = emittedFiles(outDir).filter((f) => f.endsWith('.js'));
    expect(scripts.map((f) => path.basename(f).replace(/\.[0-9a-f]{8}\.js$/, ''))).toEqual(expect.arrayContaining(['taskpane', 'commands']));
    for (const file of scripts) {
      const code = fs.readFileSync(file, 'utf8');
      expect(() => acorn.parse(code, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
    }
    expect(buildOutput).not.toMatch(/WARNING|ERROR/);
  });

  test('the pages load Office.js from the CDN, then their bundle', () => {
    for (const [page, bundle] of [['taskpane.html', 'taskpane'], ['commands.html', 'commands']]) {
      const html = fs.readFileSync(path.join(outDir, page), 'utf8');
      const sources = allMatches(html, /<script[^>]*\ssrc=("?)([^"\s>]+)\1/).map((m) => m[2]);
      expect(sources).toHaveLength(2);
      expect(sources[0]).toBe(OFFICE_JS_CDN);
      expect(sources[1]).toMatch(new RegExp(`^${bundle}\\.[0-9a-f]{8}\\.js$`));
      expect(fs.existsSync(path.join(outDir, sources[1]))).toBe(true);
    }
    const pane = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
    const css = /<link[^>]+href="?(taskpane\.css)\?v=[0-9a-f]{8}"?/.exec(pane);
    expect(css).not.toBeNull();
    expect(fs.existsSync(path.join(outDir, css![1]))).toBe(true);
  });

  test(`the pane's scripts weigh at most ${PANE_BUDGET_BYTES / 1024} KB gzipped, office.js excluded`, () => {
    // Commune offices often share a slow line, and the pane loads before the clerk can do anything.
    // Every script the page pulls from the add-in's own address counts, so a split chunk would too.
    const own = paneOwnFiles(outDir);
    expect(own.scripts).toHaveLength(1);
    const weighed = own.scripts.map((file) => weigh(outDir, file));
    const total = weighed.reduce((sum, w) => sum + w.gzipped, 0);
    if (total > PANE_BUDGET_BYTES) {
      throw new Error(`The pane's scripts weigh ${(total / 1024).toFixed(1)} KB gzipped, over the ${PANE_BUDGET_BYTES / 1024} KB budget: `
        + 'find what grew (webpack --json, then the largest modules) before raising the budget.');
    }
    expect(total).toBeLessThanOrEqual(PANE_BUDGET_BYTES);
  });
});

describe('manifest', () => {
  test('the development manifest is valid and points at https://localhost:3000/', () => {
    checkManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), DEV_BASE, ROOT);
  });

  test('the built manifest carries the production address instead', () => {
    const built = fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8');
    expect(built).not.toContain('localhost');
    checkManifest(built, PRODUCTION_BASE, outDir);
  });

  test('development and production manifests are two add-ins: their own Id and name', () => {
    const dev = parseXml(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
    const prod = parseXml(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8'));
    const id = (root: XmlElement) => child(root, 'Id').text.trim();
    const names = (root: XmlElement) => [child(root, 'DisplayName').attributes.DefaultValue].concat(child(root, 'DisplayName').children.map((o) => o.attributes.Value));
    expect(id(dev)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id(prod)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(id(prod)).not.toBe(id(dev));
    expect(names(prod)).toEqual(['Chấm điểm CCHC', 'CCHC scoring']);
    expect(names(dev)).toEqual(['Chấm điểm CCHC (bản phát triển)', 'CCHC scoring (development)']);
  });

  test('support and "Learn more" lead to help pages hosted beside the pane, made from docs/', () => {
    const prod = parseXml(fs.readFileSync(path.join(outDir, 'manifest.xml'), 'utf8'));
    expect(child(prod, 'SupportUrl').attributes.DefaultValue).toBe(PRODUCTION_BASE + 'huong-dan.html#ho-tro');
    const learnMore = descendants(prod).filter((e) => e.name === 'bt:Url' && e.attributes.id === 'GetStarted.LearnMoreUrl')[0];
    expect(learnMore.attributes.DefaultValue).toBe(PRODUCTION_BASE + 'huong-dan.html');
    const help = fs.readFileSync(path.join(outDir, 'huong-dan.html'), 'utf8');
    expect(help).toContain('<h2 id="the-excel-add-in">The Excel add-in</h2>');
    expect(help).toContain('<h3 id="ho-tro">Hỗ trợ</h3>');
    const checklist = fs.readFileSync(path.join(outDir, 'kiem-tra-lan-dau.html'), 'utf8');
    expect(checklist).toContain('Windows, Excel 2019, định dạng vùng Tiếng Việt');
    for (const html of [help, checklist]) {
      // Every page and picture they point at is there; no link to a document that is not hosted.
      const targets = allMatches(html, /(?:href|src)="([^"#:]+)(#[^"]*)?"/).map((m) => m[1]);
      expect(targets.length).toBeGreaterThan(0);
      expect(targets.filter((t) => !fs.existsSync(path.join(outDir, t)))).toEqual([]);
      expect(html).not.toMatch(/href="[^"]*\.md/);
    }
    expect(help).toContain('href="kiem-tra-lan-dau.html"');
    expect(help).toContain('<img src="screenshots/taskpane-check.png"');
  });

  test.each([
    ['without ADDIN_BASE_URL', {}, /ADDIN_BASE_URL is not set[\s\S]*npm run build:dev/],
    ['with an http address', { ADDIN_BASE_URL: 'http://cchc.example.gov.vn/addin/' }, /must start with https:\/\//],
    ['with localhost', { ADDIN_BASE_URL: 'https://localhost:3000/' }, /not localhost[\s\S]*npm run build:dev/],
  ])('a production build refuses to run %s, and says what to do', (_title, env, message) => {
    const base = { ...process.env };
    delete base.ADDIN_BASE_URL;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-web-refused-'));
    try {
      const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outDir=${dir}`], {
        cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8',
      });
      expect(result.status).not.toBe(0);
      expect(result.stdout + result.stderr).toMatch(message);
      expect(fs.existsSync(path.join(dir, 'manifest.xml'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  test.each([
    ['crossed tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a repeated attribute', '<a x="1" x="2"/>'],
    ['a bare ampersand', '<a>R&D</a>'],
    ['two roots', '<a/><b/>'],
    ['text after the root', '<a/>text'],
  ])('the XML reader rejects %s', (_title, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

// ---------------------------------------------------------------------------------------------
// Internet Explorer 11: Chromium, where the browser test runs, has every built-in, so a missing
// polyfill would only show on a commune's Excel 2019. The pane's sources are scanned instead.

/** ES2015+ library calls and the core-js module that supplies each to IE11. */
const LIBRARY_CALLS: Array<{ call: RegExp; modules: string[] }> = [
  // The constructor with then/catch, all, race, resolve and reject; a call to a later static (any,
  // allSettled, withResolvers, try) or to finally needs its own entry here.
  { call: /\basync\b|\bPromise\b/, modules: ['core-js/modules/es.promise'] },
  { call: /\bPromise\.(any|allSettled|withResolvers|try)\(|\.finally\(/, modules: ['core-js/es/promise'] },
  { call: /\bArray\.from\(/, modules: ['core-js/es/array/from'] },
  { call: /\.find\(/, modules: ['core-js/es/array/find'] },
  { call: /\.findIndex\(/, modules: ['core-js/es/array/find-index'] },
  { call: /\.fill\(/, modules: ['core-js/es/array/fill'] },
  // Array or string: the scan cannot tell, so both.
  { call: /\.includes\(/, modules: ['core-js/es/array/includes', 'core-js/es/string/includes'] },
  { call: /\bObject\.assign\(/, modules: ['core-js/es/object/assign'] },
  { call: /\bObject\.(entries|values)\(/, modules: ['core-js/es/object/entries', 'core-js/es/object/values'] },
  { call: /\.startsWith\(/, modules: ['core-js/es/string/starts-with'] },
  { call: /\.endsWith\(/, modules: ['core-js/es/string/ends-with'] },
  { call: /\.repeat\(/, modules: ['core-js/es/string/repeat'] },
  { call: /\.padStart\(/, modules: ['core-js/es/string/pad-start'] },
  { call: /\.padEnd\(/, modules: ['core-js/es/string/pad-end'] },
  { call: /\bNumber\.isFinite\(/, modules: ['core-js/es/number/is-finite'] },
  { call: /\bNumber\.isInteger\(/, modules: ['core-js/es/number/is-integer'] },
  { call: /\bMath\.(trunc|sign)\(/, modules: ['core-js/es/math/trunc', 'core-js/es/math/sign'] },
  { call: /\bnew Map\b/, modules: ['core-js/es/map'] },
  { call: /\bnew Set\b/, modules: ['core-js/es/set'] },
  { call: /\bSymbol\b/, modules: ['core-js/es/symbol'] },
];

/** The sources bundled into the pane (the core runs there too), comments removed. */
function paneSources(): Array<{ file: string; code: string }> {
  const walk = (dir: string): string[] => (fs.existsSync(path.join(ROOT, dir)) ? fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }) : [])
    .reduce<string[]>((all, e) => all.concat(e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []), []);
  const files = ['src/core', 'src/adapters/officejs', 'src/taskpane'].reduce<string[]>((all, dir) => all.concat(walk(dir)), []);
  return files
    .filter((f) => f !== path.join('src/taskpane', 'polyfills.ts'))
    .map((file) => ({
      file,
      code: fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1'),
    }));
}

describe('Internet Explorer 11 support', () => {
  const polyfills = fs.readFileSync(path.join(ROOT, 'src/taskpane/polyfills.ts'), 'utf8');
  const imported = allMatches(polyfills, /^import '([^']+)';$/m).map((m) => m[1]);
  const sources = paneSources();

  test.each(LIBRARY_CALLS.map((c) => [c.call.source, c] as const))('%s is polyfilled wherever the pane uses it', (_name, entry) => {
    const users = sources.filter((s) => entry.call.test(s.code)).map((s) => s.file);
    if (users.length) expect([users.slice(0, 3), entry.modules.filter((m) => imported.indexOf(m) < 0)]).toEqual([users.slice(0, 3), []]);
  });

  test('every polyfill imported is needed by some call', () => {
    const needed = LIBRARY_CALLS.filter((c) => sources.some((s) => c.call.test(s.code))).reduce<string[]>((all, c) => all.concat(c.modules), []);
    expect(imported.filter((m) => needed.indexOf(m) < 0)).toEqual([]);
  });

  test('the entry point loads the polyfills before anything else', () => {
    const entry = fs.readFileSync(path.join(ROOT, 'src/taskpane/index.ts'), 'utf8');
    expect(allMatches(entry, /^import .*$/m)[0][0]).toBe("import './polyfills';");
  });

  test('the normalize fallback composes and decomposes Vietnamese as the native method does', () => {
    const vowels = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    const texts = [vowels, vowels.toUpperCase(), 'Điểm tối đa', 'Tiêu chí thành phần', 'Tài liệu kiểm chứng',
      // Marks typed in a non-canonical order ("Unicode tổ hợp" keyboards differ), and a lone mark.
      'a\u0302\u0323', 'o\u0323\u031b', 'u\u031b\u0300', '\u0301abc'];
    for (const text of texts) {
      for (const input of [text, text.normalize('NFD')]) {
        for (const form of ['NFC', 'NFD']) expect(normalizeVietnamese(input, form)).toBe(input.normalize(form));
      }
    }
    expect(normalizeVietnamese('Điểm'.normalize('NFD'))).toBe('Điểm');
    expect(() => normalizeVietnamese('a', 'NFX')).toThrow(RangeError);
  });
});

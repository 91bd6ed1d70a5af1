// The one message catalogue: every table's English text carries the same placeholders as its Vietnamese
// text (a placeholder lost in one language prints "{name}" or drops a number), and a key is defined once.

import * as fs from 'fs';
import * as path from 'path';
import { addTexts, message, text } from '../src/core/text/catalogue';
import '../src/core/text/node';

const TEXT_DIR = path.join(__dirname, '..', 'src', 'core', 'text');

function tables(): Array<{ file: string; vi: Record<string, string>; en: Record<string, string> }> {
  const out: Array<{ file: string; vi: Record<string, string>; en: Record<string, string> }> = [];
  for (const file of fs.readdirSync(TEXT_DIR).filter((f) => f.endsWith('.ts'))) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(TEXT_DIR, file)) as Record<string, unknown>;
    for (const name of Object.keys(mod).filter((n) => n.endsWith('_VI'))) {
      const en = mod[name.replace(/_VI$/, '_EN')] as Record<string, string> | undefined;
      if (en) out.push({ file, vi: mod[name] as Record<string, string>, en });
    }
  }
  return out;
}

const placeholders = (template: string) => (template.match(/\{\w+\}/g) || []).slice().sort().join(' ');

test('every table of src/core/text is found, with both languages', () => {
  const found = tables().map((t) => t.file).sort();
  expect(found).toEqual(expect.arrayContaining(['check.ts', 'cli.ts', 'commands.ts', 'files.ts', 'inputs.ts', 'pane.ts', 'verdict.ts']));
});

test('each English text has exactly the placeholders of its Vietnamese text', () => {
  const differ: string[] = [];
  for (const t of tables()) {
    for (const key of Object.keys(t.vi)) {
      if (placeholders(t.vi[key]) !== placeholders(t.en[key])) differ.push(`${t.file} ${key}: vi {${placeholders(t.vi[key])}} en {${placeholders(t.en[key])}}`);
    }
  }
  expect(differ).toEqual([]);
});

test('no text is empty in either language', () => {
  const empty = tables().flatMap((t) => Object.keys(t.vi).filter((k) => !t.vi[k].trim() || !t.en[k].trim()).map((k) => `${t.file} ${k}`));
  expect(empty).toEqual([]);
});

test('a key defined twice is refused, so one table can never silently replace another\'s text', () => {
  expect(() => addTexts({ 'app.title': 'Khác' }, { 'app.title': 'Other' })).toThrow(/app\.title is defined twice/);
  expect(text('vi', 'app.title')).not.toBe('Khác');
});

test.each([
  { title: 'points are written the Vietnamese way in Vietnamese', lang: 'vi' as const, expected: /1,5/ },
  { title: 'and the English way in English', lang: 'en' as const, expected: /1\.5/ },
])('message() fills both languages: $title', ({ lang, expected }) => {
  const m = message('rebuild.overNewMax', { score: { vi: '1,5', en: '1.5' }, max: { vi: '1', en: '1' } });
  expect(m[lang]).toMatch(expected);
  expect(m[lang]).not.toMatch(/\{\w+\}/);
});

// The architecture rules (.dependency-cruiser.cjs) hold for src, and they would catch a new import
// circle or a forbidden arrow: the same rules run on a small tree that breaks each of them.

import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const BIN = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function violations(cwd: string): Violation[] {
  let output: string;
  try {
    output = execFileSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8' });
  } catch (e) {
    // depcruise exits non-zero when it finds violations; its report is still on standard output.
    output = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(output).summary.violations as Violation[]);
}

test('src keeps every architecture rule', () => {
  expect(violations(ROOT).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
}, 60000);

test('the rules catch a circle, an upward arrow, the core reaching Node and an adapter reaching its twin', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-arch-'));
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'commonjs', target: 'ES2019', strict: true, types: [] } }),
    'src/core/model/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
    'src/core/model/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
    'src/core/model/c.ts': "import { d } from '../check/d';\nimport * as fs from 'fs';\nexport const c = [d, fs];\n",
    'src/core/check/d.ts': 'export const d = 1;\n',
    'src/adapters/exceljs/e.ts': "import { f } from '../officejs/f';\nexport const e = f;\n",
    'src/adapters/officejs/f.ts': 'export const f = 1;\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  try {
    const names = violations(dir).map((v) => v.rule.name).sort();
    expect(names).toEqual(expect.arrayContaining(['adapters-apart', 'core-model-below-sheets', 'core-no-node', 'no-circular']));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60000);

// The pane's bundle carries only the shared tables of the catalogue; the Node-only ones (the command
// line's, files on disk) are added by core/text/node. A module that uses one of their keys must take
// its texts from there, or the key would be missing where the module runs.
test('every module using a Node-only text key takes its texts from core/text/node', () => {
  const nodeTables = ['cli.ts', 'files.ts', 'district.ts'].map((f) => fs.readFileSync(path.join(ROOT, 'src/core/text', f), 'utf8'));
  const nodeKeys = new Set(nodeTables.flatMap((t) => [...t.matchAll(/^ {2}'([^']+)':/gm)].map((m) => m[1])));
  expect(nodeKeys.size).toBeGreaterThan(40);
  const offenders: string[] = [];
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  for (const file of walk(path.join(ROOT, 'src'))) {
    if (file.includes(`${path.sep}core${path.sep}text${path.sep}`)) continue;
    const source = fs.readFileSync(file, 'utf8');
    const used = [...source.matchAll(/'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1]).filter((k) => nodeKeys.has(k));
    if (used.length && !/from '(\.\.\/)+(core\/)?text\/node'/.test(source)) offenders.push(`${path.relative(ROOT, file)}: ${used[0]}`);
  }
  expect(offenders).toEqual([]);
});

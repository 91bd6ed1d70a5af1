// Tests that drive an external engine (headless Chromium, LibreOffice, LibreOffice over UNO) run only
// where the engine is installed. On a developer machine a missing engine skips the test with a visible
// line; under CI=true it fails, so a pipeline can never pass by silently skipping.

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export type EngineName = 'chromium' | 'soffice' | 'uno';

interface EngineInfo {
  label: string;
  install: string;
  locate: () => string | null;
}

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(command: string): string | null {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean);
  const suffixes = process.platform === 'win32' ? ['.exe', '.com', ''] : [''];
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = path.join(dir, command + suffix);
      if (executable(candidate)) return candidate;
    }
  }
  return null;
}

/** Whether this interpreter can `import uno` (LibreOffice's Python bridge). */
function importsUno(python: string): boolean {
  const r = spawnSync(python, ['-c', 'import uno'], { stdio: 'ignore', timeout: 20000 });
  return r.status === 0;
}

let unoPython: { found: string | null } | null = null;

/**
 * The Python that has the UNO bridge. Debian's python3-uno serves /usr/bin/python3 only; the first
 * `python3` on PATH is often another one (pyenv) without it, so that is the last resort. UNO_PYTHON
 * names another interpreter, and then only that one is tried.
 */
function locateUnoPython(): string | null {
  if (unoPython) return unoPython.found;
  const fromEnv = process.env.UNO_PYTHON;
  const candidates = fromEnv ? [fromEnv] : ['/usr/bin/python3', onPath('python3')];
  let found: string | null = null;
  for (const candidate of candidates) {
    if (candidate && executable(candidate) && importsUno(candidate)) {
      found = candidate;
      break;
    }
  }
  unoPython = { found };
  return found;
}

const ENGINES: Record<EngineName, EngineInfo> = {
  chromium: {
    label: 'Chromium',
    install: 'apt-get install -y chromium',
    // CHROMIUM_PATH lets a machine with Chromium elsewhere run the tests.
    locate: () => {
      const fromEnv = process.env.CHROMIUM_PATH;
      if (fromEnv) return executable(fromEnv) ? fromEnv : null;
      return executable('/usr/bin/chromium') ? '/usr/bin/chromium' : null;
    },
  },
  soffice: {
    label: 'LibreOffice',
    install: 'apt-get install -y libreoffice-calc',
    locate: () => onPath('soffice'),
  },
  uno: {
    label: 'Python UNO bridge of LibreOffice',
    install: 'apt-get install -y python3-uno',
    locate: locateUnoPython,
  },
};

/** Full path of the engine's executable, or null when it is not installed. */
export function enginePath(name: EngineName): string | null {
  return ENGINES[name].locate();
}

/**
 * True when the engine is installed and the test should run. When it is missing: prints
 * "Bỏ qua: cần <engine> (<install command>)" and returns false, or throws when CI is "true".
 */
export function requireEngine(name: EngineName): boolean {
  if (enginePath(name)) return true;
  const info = ENGINES[name];
  if (process.env.CI === 'true') {
    throw new Error(`${info.label} is required when CI=true but was not found. Install it: ${info.install}`);
  }
  console.log(`Bỏ qua: cần ${info.label} (${info.install})`);
  return false;
}

function missingEngines(names: EngineName | EngineName[]): EngineName[] {
  return ([] as EngineName[]).concat(names).filter((n) => !enginePath(n));
}

function describeMissing(missing: EngineName[]): string {
  return missing.map((n) => `${ENGINES[n].label} (${ENGINES[n].install})`).join(', ');
}

/**
 * describe() when every engine is installed. Otherwise, outside CI, the block is skipped with the
 * reason in its title ("… — Bỏ qua: cần LibreOffice (apt-get install …)"), so jest lists it as
 * skipped rather than passed; under CI=true it becomes one failing test naming what to install.
 */
export function describeIfEngine(names: EngineName | EngineName[], title: string, body: () => void): void {
  const missing = missingEngines(names);
  if (!missing.length) {
    describe(title, body);
    return;
  }
  const what = describeMissing(missing);
  if (process.env.CI === 'true') {
    describe(title, () => {
      test(`cần ${what}`, () => {
        throw new Error(`Required when CI=true but not found: ${what}.`);
      });
    });
    return;
  }
  console.log(`Bỏ qua: cần ${what}`);
  describe.skip(`${title} — Bỏ qua: cần ${what}`, body);
}

/** test() when every engine is installed; otherwise skipped (or failing under CI) as describeIfEngine. */
export function itIfEngine(names: EngineName | EngineName[], title: string, fn: jest.ProvidesCallback, timeout?: number): void {
  const missing = missingEngines(names);
  if (!missing.length) {
    test(title, fn, timeout);
    return;
  }
  const what = describeMissing(missing);
  if (process.env.CI === 'true') {
    test(`${title} — cần ${what}`, () => {
      throw new Error(`Required when CI=true but not found: ${what}.`);
    });
    return;
  }
  console.log(`Bỏ qua: cần ${what}`);
  test.skip(`${title} — Bỏ qua: cần ${what}`, fn);
}

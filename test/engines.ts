// Tests that drive an external engine (headless Chromium, LibreOffice) run only where the engine is
// installed. On a developer machine a missing engine skips the test with a visible line; under
// CI=true it fails, so a pipeline can never pass by silently skipping.

import * as fs from 'fs';
import * as path from 'path';

export type EngineName = 'chromium' | 'soffice';

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

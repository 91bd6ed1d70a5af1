// The production build of the add-in's pages, as `npm run build` makes it, into a folder of the
// caller's choosing, and the weight of what the task pane downloads besides office.js (which comes
// from Microsoft's CDN), gzipped as a web server sends it. Shared by the bundle test (which holds the
// budget) and the bench (which prints the figures).

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const ROOT = path.join(__dirname, '..', '..');

/**
 * What the script the pane's page loads may weigh, gzipped, office.js excluded (issue #15): commune
 * lines are slow, and nothing can be done in the pane before it arrives. The parts fetched the first
 * time they are needed (the workbook's writers, the building of a scoring workbook, the reader of
 * picked workbooks, the Minh chứng and Phân công & tiến độ views) are weighed apart: `paneParts`.
 */
export const PANE_BUDGET_BYTES = 100 * 1024;

/** Runs webpack in production mode into `outDir`; returns its console output, throws when it fails. */
export function buildPages(outDir: string, baseUrl: string): string {
  // In its own process: webpack's plugins load ES modules, which jest's module sandbox cannot.
  const result = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outDir=${outDir}`], {
    cwd: ROOT,
    env: { ...process.env, ADDIN_BASE_URL: baseUrl },
    encoding: 'utf8',
  });
  const output = (result.stdout || '') + (result.stderr || '');
  if (result.status !== 0) throw new Error('The production build failed:\n' + output);
  return output;
}

export interface Weighed {
  file: string;
  bytes: number;
  /** Gzipped at the level web servers use (6). */
  gzipped: number;
}

/** The files the pane's page loads from the add-in's own address (office.js comes from the CDN). */
export function paneOwnFiles(outDir: string): { scripts: string[]; others: string[] } {
  const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  const urls: string[] = [];
  const pattern = /<(script|link)\b[^>]*\s(?:src|href)=("?)([^"\s>]+)\2/g;
  const kinds: string[] = [];
  for (let m = pattern.exec(html); m; m = pattern.exec(html)) {
    if (/^https?:/.test(m[3])) continue;
    urls.push(m[3].replace(/\?.*$/, ''));
    kinds.push(m[1]);
  }
  return { scripts: urls.filter((_, i) => kinds[i] === 'script'), others: urls.filter((_, i) => kinds[i] !== 'script').concat('taskpane.html') };
}

export function weigh(outDir: string, file: string): Weighed {
  const data = fs.readFileSync(path.join(outDir, file));
  return { file, bytes: data.length, gzipped: zlib.gzipSync(data, { level: 6 }).length };
}

/** The parts of the pane fetched on first use: every script of the build but the pages' own. */
export function paneParts(outDir: string): string[] {
  const pages = new Set(paneOwnFiles(outDir).scripts);
  return fs.readdirSync(outDir).filter((f) => f.endsWith('.js') && !pages.has(f) && !/^commands\./.test(f)).sort();
}

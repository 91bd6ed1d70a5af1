// The built task pane in headless Chromium, for browser tests: the production bundle as `npm run build`
// makes it, office.js from the npm package, the recording fake of Excel as host, a local server, and a
// Chromium that reaches nothing but 127.0.0.1. (The same steps as taskpane.browser.test.ts, shared.)

import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import webpack from 'webpack';
import { enginePath } from '../engines';
import { keepForDocs } from './docs';

const ROOT = path.join(__dirname, '..', '..');
const OFFICE_JS_DIR = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const PANE_WIDTH = 320;

/** Flags that keep Chromium, running as root here, from reaching out to the (closed) network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
};

function compile(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config).run((error, stats) => {
      if (error || !stats) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** The production pane as `npm run build` makes it, and the fake host bundled for the browser. */
export async function buildAll(outDir: string): Promise<void> {
  // In its own process: webpack's copy plugin loads ES modules, which jest's module sandbox cannot.
  const build = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--env', `outDir=${outDir}`], {
    cwd: ROOT,
    encoding: 'utf8',
    // A production build needs the address it will be served from; the page itself is served locally.
    env: { ...process.env, ADDIN_BASE_URL: 'https://cchc.example.gov.vn/addin/' },
  });
  if (build.status !== 0) throw new Error('The production build failed:\n' + build.stdout + build.stderr);
  await compile({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: path.join(__dirname, '..', 'browser/fake-host.ts'),
    output: { path: path.join(outDir, 'test-host'), filename: 'fake-host.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { transpileOnly: true, compilerOptions: { target: 'es2017', module: 'es2015', sourceMap: false } },
      }],
    },
  });
}

/** The built pane, with office.js from the npm package and the fake host loaded right after it. */
function testPage(outDir: string): string {
  const html = fs.readFileSync(path.join(outDir, 'taskpane.html'), 'utf8');
  const officeTag = new RegExp(`<script src="?${OFFICE_JS_CDN.replace(/\./g, '\\.')}"?></script>`);
  if (!officeTag.test(html)) throw new Error('taskpane.html does not load office.js from the CDN');
  return html.replace(officeTag, '<script src="/office/office.js"></script><script src="/test-host/fake-host.js"></script>');
}

export function serve(outDir: string): Promise<http.Server> {
  const page = testPage(outDir);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url || '/', 'http://127.0.0.1');
    const [root, relative] = url.pathname.startsWith('/office/')
      ? [OFFICE_JS_DIR, url.pathname.slice('/office/'.length)]
      : [outDir, url.pathname.slice(1)];
    if (url.pathname === '/taskpane.html') {
      response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.html'] });
      response.end(page);
      return;
    }
    const file = path.resolve(root, decodeURIComponent(relative));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}


export interface PaneBrowser {
  server: http.Server;
  browser: BrowserContext;
  /** Requests the page tried outside 127.0.0.1 (refused). */
  blocked: string[];
  url(query?: string): string;
  close(): Promise<void>;
}

/** Builds the pane, serves it and starts Chromium with a pane-wide viewport. */
export async function startPaneBrowser(width = PANE_WIDTH): Promise<PaneBrowser> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pane-'));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  await buildAll(outDir);
  const server = await serve(outDir);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: enginePath('chromium') as string,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height: 900 },
  });
  const blocked: string[] = [];
  await browser.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  return {
    server,
    browser,
    blocked,
    url: (query = '') => `http://127.0.0.1:${(server.address() as { port: number }).port}/taskpane.html${query}`,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      for (const dir of [outDir, profileDir]) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Screenshots go to a temporary folder; `npm run docs` copies them into docs/screenshots. */
const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-screens-'));

/** The whole pane, from the top, as docs/screenshots/<name> under `npm run docs`. */
export async function paneScreenshot(page: Page, name: string): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const file = path.join(screenshots, name);
  await page.screenshot({ path: file, fullPage: true });
  keepForDocs(file, path.join('screenshots', name));
  return file;
}

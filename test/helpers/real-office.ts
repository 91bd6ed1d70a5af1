// Runs test/browser/real-office.ts in headless Chromium on Microsoft's Excel client library from
// @microsoft/office-js (excel-web-16.00.js: Excel on the web's, whose host refuses a request over
// 5 MB), for the real-library test and `npm run bench`. Nothing leaves 127.0.0.1.

import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import webpack from 'webpack';
import { enginePath } from '../engines';

const ROOT = path.join(__dirname, '../..');
const OFFICE_JS_DIR = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
/** Excel on the web's client: the host with the per-request limit. */
export const EXCEL_CLIENT = 'excel-web-16.00.js';

/** Flags that keep Chromium, running as root here, from reaching out to the (closed) network. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

export interface RealOffice {
  page: Page;
  close(): Promise<void>;
}

function bundle(outDir: string): Promise<void> {
  const config: webpack.Configuration = {
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: path.join(ROOT, 'test/browser/real-office.ts'),
    output: { path: outDir, filename: 'real-office.js' },
    resolve: { extensions: ['.ts', '.js', '.json'] },
    module: {
      rules: [{
        test: /\.ts$/,
        loader: 'ts-loader',
        options: { transpileOnly: true, compilerOptions: { target: 'es2017', module: 'es2015', sourceMap: false } },
      }],
    },
  };
  return new Promise((resolve, reject) => {
    webpack(config).run((error, stats) => {
      if (error || !stats) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<script src="/office/${EXCEL_CLIENT}"></script><script src="/real-office.js"></script></body></html>`;

function serve(outDir: string): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url || '/', 'http://127.0.0.1');
    let file: string | null = null;
    if (url.pathname === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(PAGE);
      return;
    }
    if (url.pathname === '/office/' + EXCEL_CLIENT) file = path.join(OFFICE_JS_DIR, EXCEL_CLIENT);
    // The entry and the chunks the adapter fetches on its first write (writers.ts is a part of its own).
    const script = /^\/([\w.-]+\.js)$/.exec(url.pathname);
    if (!file && script && fs.existsSync(path.join(outDir, script[1]))) file = path.join(outDir, script[1]);
    if (!file) {
      response.writeHead(404);
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/javascript; charset=utf-8' });
    response.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Builds the page, starts Chromium on it; `close` undoes everything. */
export async function openRealOffice(): Promise<RealOffice> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-real-office-'));
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
  let server: http.Server | null = null;
  let browser: BrowserContext | null = null;
  const close = async () => {
    if (browser) await browser.close();
    if (server) await new Promise((resolve) => server!.close(resolve));
    for (const dir of [outDir, profileDir]) fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await bundle(outDir);
    server = await serve(outDir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(profileDir, { executablePath: enginePath('chromium') as string, headless: true, args: CHROMIUM_ARGS });
    await browser.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/`);
    await page.waitForFunction(() => !!(window as unknown as { cchcReal?: unknown }).cchcReal, null, { timeout: 30000 });
    if (errors.length) throw new Error('The harness page failed: ' + errors.join('; '));
    return { page, close };
  } catch (error) {
    await close();
    throw error;
  }
}

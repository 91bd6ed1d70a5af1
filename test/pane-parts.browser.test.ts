// The pane's parts fetched on first use (src/taskpane/parts.ts, view-part.ts), in headless Chromium
// against the recording fake of Excel: the first screen comes up without them; the first build fetches
// the building and the writers, the first showing of Minh chứng and of Phân công & tiến độ fetches that
// view, and each then works. A part on its way says so in its card; a part that cannot be fetched says
// so (the build in the status line, a view in its card, with a button that tries again), and what was
// typed stays.

import type { Page, Route } from 'playwright-core';
import { defaultSet } from '../src/core/model/bundled';
import { a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { describeIfEngine } from './engines';
import { PaneBrowser, startPaneBrowser } from './helpers/pane-browser';

const geometry = scoringGeometry(defaultSet(), false);
const row = (code: string) => geometry.rowOf[code];
const selfCell = (code: string) => a1(row(code), geometry.layout.col.self as number);

/** The parts named by their chunk ("writers.1a2b3c4d.js" → "writers"). */
const PARTS = ['rebuild', 'writers', 'evidence', 'assign'];

describeIfEngine('chromium', 'parts of the pane fetched on first use (headless Chromium)', () => {
  let pane: PaneBrowser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pane = await startPaneBrowser();
  }, 240000);

  afterAll(async () => {
    if (pane) await pane.close();
  });

  /** A page of the pane on a blank workbook, as first opened, recording the scripts it fetches by chunk name. */
  async function openPane(): Promise<{ page: Page; fetched: () => string[] }> {
    const page = await pane.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // The pane reopens on the view last shown: here on its first, Chấm điểm.
    await page.addInitScript(() => {
      if (window.location.pathname === '/taskpane.html') window.localStorage.removeItem('cchc.view');
    });
    const scripts: string[] = [];
    page.on('requestfinished', (request) => {
      const m = /\/([\w-]+)\.[0-9a-f]{8}\.js$/.exec(new URL(request.url()).pathname);
      if (m) scripts.push(m[1]);
    });
    await page.goto(pane.url());
    await page.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    expect(await page.getAttribute('#tab-scoring', 'aria-selected')).toBe('true');
    return { page, fetched: () => PARTS.filter((p) => scripts.indexOf(p) >= 0) };
  }

  const fake = <T>(page: Page, fn: string, ...args: unknown[]) => page.evaluate((call) => {
    const f = (window.cchcFake as unknown as Record<string, (...a: unknown[]) => unknown>)[call.fn];
    return f.apply(window.cchcFake, call.args) as T;
  }, { fn, args });

  test('the first screen comes without them; the first build, Minh chứng and Phân công each fetch their part, which works', async () => {
    const { page, fetched } = await openPane();
    expect(fetched()).toEqual([]);

    // Build: the building and the writers arrive with the click.
    await page.fill('#unit', 'Xã Đồng Thịnh');
    await page.fill('#year', '2024');
    await page.click('#build-run');
    await page.locator('#status.status-success', { hasText: 'Đã tạo bảng chấm điểm' }).waitFor({ timeout: 30000 });
    expect(fetched()).toEqual(['rebuild', 'writers']);
    expect(await fake<string[]>(page, 'sheetNames')).toEqual(expect.arrayContaining([SHEETS.scoring, SHEETS.summary, SHEETS.evidence, SHEETS.assignment]));

    // Minh chứng: the panel arrives, follows the selection and adds a document to the register.
    await page.click('#tab-evidence');
    await fake(page, 'simulateSelection', SHEETS.scoring, selfCell('1.1.1'));
    await page.locator('#evidence-body', { hasText: 'Mã 1.1.1' }).waitFor({ timeout: 15000 });
    expect(fetched()).toEqual(['rebuild', 'writers', 'evidence']);
    await page.click('#evidence-add');
    await page.fill('#evidence-number', '12/KH-UBND');
    await page.fill('#evidence-summary', 'Kế hoạch cải cách hành chính năm 2024');
    await page.click('#evidence-save');
    await page.locator('.evidence-doc', { hasText: '12/KH-UBND' }).waitFor({ timeout: 15000 });
    expect((await fake<{ value: unknown }>(page, 'cell', SHEETS.evidence, a1(REGISTER_FIRST_ROW, REGISTER_COL.number))).value).toBe('12/KH-UBND');

    // Phân công & tiến độ: the view arrives, assigns the selected rows and counts them in the progress.
    await page.click('#tab-assign');
    await page.waitForSelector('#assign-form:not([hidden])', { timeout: 15000 });
    expect(fetched()).toEqual(['rebuild', 'writers', 'evidence', 'assign']);
    await fake(page, 'simulateSelection', SHEETS.scoring, `B${row('1.1') + 1}`);
    await page.fill('#assign-owner', 'Văn phòng - Thống kê');
    await page.click('#assign-selection');
    await page.locator('#status.status-success', { hasText: 'Đã giao 1.1' }).waitFor({ timeout: 15000 });
    await page.locator('.progress-person', { hasText: 'Văn phòng - Thống kê' }).waitFor({ timeout: 15000 });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120000);

  test('a part on its way says so; one that cannot be fetched says so and is tried again; what was typed stays', async () => {
    const { page, fetched } = await openPane();
    const refuse = (route: Route) => route.abort('internetdisconnected');
    for (const part of ['rebuild', 'writers', 'assign']) await page.route(`**/${part}.*.js`, refuse);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/evidence.*.js', async (route) => {
      await held;
      await route.continue();
    });

    // The build cannot fetch its part: the status line says what to do, the form keeps what was typed.
    await page.fill('#unit', 'Xã Tân Cương');
    await page.fill('#year', '2025');
    await page.click('#build-run');
    await page.locator('#status.status-error', { hasText: 'Không tải được phần này của công cụ. Kiểm tra kết nối mạng rồi bấm lại.' }).waitFor({ timeout: 15000 });
    expect(await page.textContent('#status')).toContain('Chưa tạo được bảng chấm điểm');
    expect(await fake<string[]>(page, 'sheetNames')).not.toContain(SHEETS.scoring);

    // A view on its way says so in its card until it arrives.
    await page.click('#tab-evidence');
    await page.locator('#evidence-card .part-loading', { hasText: 'Đang tải phần này của công cụ…' }).waitFor({ timeout: 15000 });
    release();
    await page.locator('#evidence-card h2', { hasText: 'Tài liệu kiểm chứng' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#evidence-card .part-loading').count()).toBe(0);

    // A view that cannot be fetched says so, with a button that tries again.
    await page.click('#tab-assign');
    await page.locator('#assign-card [role="alert"]', { hasText: 'Không tải được phần này của công cụ' }).waitFor({ timeout: 15000 });
    expect(await page.textContent('#assign-card .part-retry')).toBe('Tải lại');

    // The line is back: the button brings the view, and the same click as before builds with what was typed.
    await page.unrouteAll();
    await page.click('#assign-card .part-retry');
    await page.locator('#progress-card h2', { hasText: 'Tiến độ' }).waitFor({ timeout: 15000 });
    expect(await page.locator('#assign-card [role="alert"]').count()).toBe(0);
    await page.click('#tab-scoring');
    expect(await page.inputValue('#unit')).toBe('Xã Tân Cương');
    await page.click('#build-run');
    await page.locator('#status.status-success', { hasText: 'Đã tạo bảng chấm điểm của Xã Tân Cương, năm 2025' }).waitFor({ timeout: 30000 });
    await page.click('#tab-assign');
    await page.waitForSelector('#assign-form:not([hidden])', { timeout: 15000 });
    expect(fetched()).toEqual(['rebuild', 'writers', 'evidence', 'assign']);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120000);
});

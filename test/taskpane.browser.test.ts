// The built task pane in headless Chromium, with office.js from the npm package and the recording
// fake of Excel as its host: build the scoring sheet with the bundled set, type a score over the
// maximum and paste text into two score cells, see live checking and "Kiểm tra" list the problems,
// click one and see the fake's selection move to its cell; add the appraisal column and update the
// criteria set from a JSON file, every entry carried by code. Screenshots at 320 px go to docs/screenshots/.

import { keepForDocs } from './helpers/docs';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaNode, flattenSet } from '../src/core/model/criteria';
import { a1 } from '../src/core/model/grid';
import { QUIET_AFTER_MS } from '../src/adapters/officejs/quiet';
import { enginePath, describeIfEngine } from './engines';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { LEFTOVERS_SHEET } from '../src/core/sheets/leftovers';
import { SHEETS } from '../src/core/model/layout';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { KINDS_SET_RAW } from './helpers/kinds';
import { CHROMIUM_ARGS, PANE_WIDTH, buildAll, serve } from './helpers/pane-browser';

const ROOT = path.join(__dirname, '..');

/** The whole pane, from the top: the sticky header would otherwise be drawn where the page was scrolled. */
async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(screenshots, name), fullPage: true });
  keepForDocs(path.join(screenshots, name), path.join('screenshots', name));
}

/** Screenshots go to a temporary folder; `npm run docs` copies them into docs/screenshots. */
const screenshots = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-screens-'));

describeIfEngine('chromium', 'task pane in headless Chromium', () => {
  let outDir: string;
  let profileDir: string;
  let server: http.Server;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-pane-'));
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-chromium-'));
    await buildAll(outDir);
    server = await serve(outDir);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(profileDir, {
      executablePath: enginePath('chromium') as string,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: PANE_WIDTH, height: 900 },
    });
    // Nothing leaves the machine: office.js is served locally and every other host is refused.
    await browser.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 240000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((resolve) => server.close(resolve));
    for (const dir of [outDir, profileDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
    if (blocked.length) console.log('Requests refused (outside 127.0.0.1):\n' + blocked.join('\n'));
  });

  test('builds the sheet, lists a score over the maximum, and selects its cell', async () => {
    const port = (server.address() as { port: number }).port;
    await page.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await page.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });

    // Tạo bảng chấm điểm with the bundled set. Excel refuses the first try half-way: the workbook stays
    // as it was, and the pane says what failed and what to do.
    await page.fill('#unit', 'Xã Đồng Thịnh');
    await page.fill('#year', '2024');
    await page.evaluate(() => window.cchcFake.rejectCall('Range.formulas', { nth: 3 }));
    await page.click('#build-run');
    await page.waitForSelector('#status.status-error', { timeout: 30000 });
    expect(await page.textContent('#status')).toMatch(/Chưa tạo được bảng chấm điểm.*InvalidArgument.*Sổ làm việc vẫn giữ nguyên như trước khi bấm\./);
    expect(await page.evaluate(() => window.cchcFake.sheetNames())).toEqual(['Sheet1']);
    await page.click('#build-run');
    await page.waitForSelector('#status.status-success', { timeout: 30000 });
    expect(await page.textContent('#status')).toContain('Đã tạo bảng chấm điểm của Xã Đồng Thịnh, năm 2024');
    expect(await page.evaluate(() => window.cchcFake.sheetNames())).toEqual(expect.arrayContaining([SHEETS.scoring, SHEETS.summary, SHEETS.meta]));
    await page.waitForSelector('.check-headline', { state: 'attached' });
    // Its own writes do not wake the live check, which would re-read the workbook and replace the message.
    await page.waitForTimeout(800);
    expect(await page.textContent('#status')).toContain('Đã tạo bảng chấm điểm của Xã Đồng Thịnh, năm 2024');
    await screenshot(page, 'taskpane-build.png');

    // The first leaf's self-score cell, and the two after it, from the same plan the pane wrote.
    const geometry = scoringGeometry(defaultSet(), false);
    const leaves = geometry.nodeRows.filter((r) => r.flat.leaf);
    const selfCol = geometry.layout.col.self as number;
    const overMaxCell = a1(leaves[0].row, selfCol);
    const overMax = leaves[0].flat.node.max + 1;
    const pasted = `${a1(leaves[1].row, selfCol)}:${a1(leaves[2].row, selfCol)}`;
    expect(leaves[2].row).toBe(leaves[1].row + 1);

    // A typed score over the maximum: live checking lists it without any click (in the Kiểm tra view).
    await page.click('#tab-check');
    // Functions sent to the page avoid destructuring: compiled to ES5 they would call helpers the page lacks.
    await page.evaluate((edit) => window.cchcFake.simulateEdit('Chấm điểm', edit.cell, edit.value), { cell: overMaxCell, value: overMax });
    const overMaxIssue = page.locator('button.issue-error', { hasText: overMaxCell }).filter({ hasText: 'vượt điểm tối đa' });
    await overMaxIssue.waitFor({ timeout: 15000 });
    expect(await page.textContent('#status')).toContain(`Đã kiểm tra lại sau khi sửa ${overMaxCell}`);

    // A pasted block of text with a decimal comma: both cells are flagged.
    await page.evaluate((block) => window.cchcFake.simulateEdit('Chấm điểm', block, '0,5'), pasted);
    await page.locator('button.issue-error', { hasText: a1(leaves[2].row, selfCol) }).waitFor({ timeout: 15000 });
    expect(await page.locator('button.issue-error', { hasText: a1(leaves[1].row, selfCol) }).count()).toBe(1);

    // Kiểm tra on demand gives the same list.
    await page.click('#check-run');
    await page.waitForFunction(() => /Đã kiểm tra: 3 lỗi/.test(document.getElementById('status')!.textContent || ''), null, { timeout: 15000 });
    await overMaxIssue.waitFor();
    expect(await overMaxIssue.textContent()).toContain(`Điểm ${String(overMax).replace('.', ',')} vượt điểm tối đa`);

    // Clicking the problem selects its cell in the workbook.
    await overMaxIssue.click();
    await page.waitForFunction((cell) => {
      const selection = window.cchcFake.selection();
      return !!selection && selection.sheet === 'Chấm điểm' && selection.address === cell;
    }, overMaxCell, { timeout: 10000 });
    await screenshot(page, 'taskpane-check.png');

    // The English switch relabels the pane and the listed problems, and is remembered.
    await page.click('#lang-switch');
    expect(await page.textContent('#build-heading')).toBe('Create the scoring sheet');
    await page.locator('button.issue-error', { hasText: 'exceeds the maximum' }).waitFor({ timeout: 5000 });
    expect(await page.evaluate(() => window.localStorage.getItem('cchc.lang'))).toBe('en');
    await page.click('#lang-switch');
    expect(await page.textContent('#build-heading')).toBe('Tạo bảng chấm điểm');

    // Tổng hợp is rewritten from the scoring sheet.
    await page.click('#tab-summary');
    await page.click('#summary-run');
    await page.waitForSelector('#status.status-success', { timeout: 15000 });
    expect(await page.textContent('#status')).toContain('Đã cập nhật trang Tổng hợp');
    const summaryFormulas = await page.evaluate(() =>
      Object.values(window.cchcFake.cells('Tổng hợp')).map((c) => c.formula).filter(Boolean).join(' '));
    expect(summaryFormulas).toContain("'Chấm điểm'!");

    // Building again asks first; keeping the sheet leaves the entered scores alone.
    await page.click('#tab-scoring');
    await page.click('#build-run');
    await page.waitForSelector('#confirm-replace:not([hidden])');
    expect(await page.textContent('#confirm-text')).toContain('“Chấm điểm”, “Tổng hợp”, “Minh chứng” và “Phân công”');
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('confirm-no');
    await page.click('#confirm-no');
    expect(await page.textContent('#status')).toContain('Đã giữ nguyên bảng chấm điểm hiện có');
    expect(await page.evaluate((cell) => window.cchcFake.cell('Chấm điểm', cell).value, overMaxCell)).toBe(overMax);

    // Nothing on the page may be wider than the pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('the evidence panel follows the selected leaf, refuses unsafe links, and adds, edits and removes documents', async () => {
    // Continues on the workbook the first test built.
    const geometry = scoringGeometry(defaultSet(), false);
    const leaf = geometry.nodeRows.filter((r) => r.flat.leaf)[1];
    const register = () => page.evaluate(() => JSON.stringify(window.cchcFake.cells('Minh chứng')));
    await page.click('#tab-evidence');
    const registerCell = (address: string) => page.evaluate((a) => window.cchcFake.cell('Minh chứng', a), address);
    await page.evaluate((address) => window.cchcFake.simulateSelection('Chấm điểm', address), 'B' + (leaf.row + 1));
    await page.locator('#evidence-body', { hasText: 'Mã ' + leaf.flat.code }).waitFor({ timeout: 15000 });
    expect(await page.textContent('#evidence-body')).toContain(leaf.flat.node.name);
    expect(await page.textContent('#evidence-body')).toContain('Chưa có tài liệu kiểm chứng');

    // A javascript: link and an impossible date are refused, each at its field, and nothing is written.
    const before = await register();
    await page.click('#evidence-add');
    expect(await page.inputValue('#evidence-codes')).toBe(leaf.flat.code);
    await page.fill('#evidence-number', '125/KH-UBND');
    await page.fill('#evidence-date', '31/02/2024');
    await page.fill('#evidence-summary', 'Kế hoạch cải cách hành chính năm 2024');
    await page.fill('#evidence-link', 'javascript:alert(1)');
    await page.click('#evidence-save');
    await page.waitForSelector('#evidence-link[aria-invalid="true"]', { timeout: 15000 });
    expect(await page.textContent('#evidence-link-error')).toContain('"javascript:" không an toàn');
    expect(await page.getAttribute('#evidence-date', 'aria-invalid')).toBe('true');
    expect(await register()).toBe(before);

    // Corrected, it lands on the register's first row with a working hyperlink.
    const link = 'Minh chung\\' + leaf.flat.code + ' Muc do hoan thanh\\Kế hoạch 125.pdf';
    await page.fill('#evidence-date', '20/12/2023');
    await page.fill('#evidence-link', link);
    await page.click('#evidence-save');
    await page.waitForSelector('.evidence-doc', { timeout: 15000 });
    expect(await page.textContent('#status')).toContain('Đã thêm tài liệu cho ' + leaf.flat.code);
    expect((await registerCell('B5')).value).toBe(leaf.flat.code);
    expect((await registerCell('D5')).value).toBe('20/12/2023');
    expect((await registerCell('G5')).hyperlink).toMatchObject({ address: link }); // Tệp / Đường dẫn, after Số liệu
    expect(await page.textContent('.evidence-doc')).toContain('125/KH-UBND · 20/12/2023');
    await screenshot(page, 'taskpane-evidence.png');

    // Edit the number; then remove the document after confirming.
    await page.click('.evidence-edit');
    await page.fill('#evidence-number', '126/KH-UBND');
    await page.click('#evidence-save');
    await page.locator('.evidence-doc', { hasText: '126/KH-UBND' }).waitFor({ timeout: 15000 });
    expect((await registerCell('C5')).value).toBe('126/KH-UBND');
    await page.click('.evidence-remove');
    await page.click('.evidence-doc .confirm button.danger');
    await page.waitForSelector('.evidence-doc', { state: 'detached', timeout: 15000 });
    expect((await registerCell('B5')).value).toBeNull();

    // A parent row asks for a sub-criterion.
    const parent = geometry.nodeRows.filter((r) => !r.flat.leaf)[1];
    await page.evaluate((address) => window.cchcFake.simulateSelection('Chấm điểm', address), 'E' + (parent.row + 1));
    await page.locator('#evidence-body', { hasText: 'có các tiêu chí thành phần' }).waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('adds the appraisal column keeping the self scores, then updates the criteria set carrying every entry by code', async () => {
    // Continues on the workbook the first tests built (bundled set, no appraisal column).
    const set = defaultSet();
    const plain = scoringGeometry(set, false);
    const withAppraisal = scoringGeometry(set, true);
    const scoringCells = () => page.evaluate(() => window.cchcFake.cells('Chấm điểm'));
    const valueAt = (cells: Record<string, { value: unknown }>, address: string) => (cells[address] ? cells[address].value : null);
    const leafCodes = flattenSet(set).filter((f) => f.leaf).map((f) => f.code);
    const selfValues = (cells: Record<string, { value: unknown }>, g: typeof plain, codes: string[]) => {
      const out: Record<string, unknown> = {};
      for (const code of codes) out[code] = valueAt(cells, a1(g.rowOf[code], g.layout.col.self as number));
      return out;
    };

    await page.click('#tab-scoring');
    await page.waitForSelector('#maintain-card:not([hidden])', { timeout: 15000 });
    expect(await page.isVisible('#appraisal-run')).toBe(true);
    expect(await page.textContent('#maintain-set')).toContain(set.title);
    const typed: Record<string, string | number> = { '1.3.1': 0.5, '2.1.1': 1.5, '2.1.2': 1, '2.2.2': 1.5, '2.3': 'KAD', '3.2.2': 2 };
    for (const code of Object.keys(typed)) {
      await page.evaluate((edit) => window.cchcFake.simulateEdit('Chấm điểm', edit.cell, edit.value),
        { cell: a1(plain.rowOf[code], plain.layout.col.self as number), value: typed[code] });
    }
    const noteCell = a1(plain.rowOf['1.3.1'], plain.layout.col.note as number);
    await page.evaluate((cell) => window.cchcFake.simulateEdit('Chấm điểm', cell, 'Báo cáo 45/BC-UBND'), noteCell);
    const before = selfValues(await scoringCells(), plain, leafCodes);
    expect(before['2.1.1']).toBe(1.5);

    // Thêm cột thẩm định: the two columns appear, every self score stays as typed (wrong ones included).
    await page.click('#appraisal-run');
    await page.locator('#status.status-success', { hasText: 'Đã thêm cột Điểm thẩm định' }).waitFor({ timeout: 30000 });
    let cells = await scoringCells();
    expect(valueAt(cells, a1(withAppraisal.headerRow, withAppraisal.layout.col.appraisal as number))).toBe('Điểm thẩm định');
    expect(valueAt(cells, a1(withAppraisal.headerRow, withAppraisal.layout.col.appraisalNote as number))).toBe('Ý kiến thẩm định');
    expect(selfValues(cells, withAppraisal, leafCodes)).toEqual(before);
    expect(valueAt(cells, a1(withAppraisal.rowOf['1.3.1'], withAppraisal.layout.col.note as number))).toBe('Báo cáo 45/BC-UBND');
    const firstLeaf = withAppraisal.nodeRows.filter((r) => r.flat.leaf)[0];
    expect(await page.evaluate(() => window.cchcFake.selection())).toEqual({ sheet: 'Chấm điểm', address: a1(firstLeaf.row, withAppraisal.layout.col.appraisal as number) });
    // The button gives way to a note once the column is there.
    await page.waitForSelector('#appraisal-exists:not([hidden])', { timeout: 15000 });
    expect(await page.isVisible('#appraisal-run')).toBe(false);

    // With the bundled set still chosen, there is nothing to update and nothing is written.
    const sheetsBefore = await page.evaluate(() => window.cchcFake.sheetNames());
    await page.click('#upgrade-run');
    await page.locator('#status', { hasText: 'giống bộ của bảng hiện tại' }).waitFor({ timeout: 15000 });
    expect(await page.evaluate(() => window.cchcFake.sheetNames())).toEqual(sheetsBefore);

    // The province's corrected set: 2.1.1 lowered to 1 (its 1.5 no longer fits), 2.1.2 raised to 2, 2.2.2 renamed.
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/criteria/thai-nguyen-xa-2024.json'), 'utf8'));
    raw.id = 'thai-nguyen-xa-2024-sua-doi';
    raw.title = 'Bộ tiêu chí chính thức UBND cấp xã tỉnh Thái Nguyên năm 2024';
    raw.status = 'official';
    const byCode: Record<string, CriteriaNode> = {};
    const index = (nodes: CriteriaNode[]) => nodes.forEach((n) => { byCode[n.code] = n; index(n.children || []); });
    index(raw.nodes);
    Object.assign(byCode['2.1.1'], { max: 1, levels: [0, 0.5, 1] });
    Object.assign(byCode['2.1.2'], { max: 2, levels: [0, 0.5, 1, 1.5, 2] });
    byCode['2.2.2'].name = 'Tổ chức thực hiện văn bản quy phạm pháp luật (tên mới)';
    const corrected = parseCriteriaSet(raw);
    expect(corrected.problems).toEqual([]);
    const newSet = corrected.set!;

    await page.check('#source-file');
    await page.setInputFiles('#criteria-file', { name: 'bo-tieu-chi-sua-doi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(raw)) });
    await page.locator('#set-info', { hasText: 'Bộ chính thức' }).waitFor({ timeout: 15000 });
    await page.click('#upgrade-run');
    await page.waitForSelector('#upgrade-confirm:not([hidden])', { timeout: 15000 });
    const question = await page.textContent('#upgrade-confirm-text');
    expect(question).toContain(newSet.title);
    expect(question).toMatch(/giữ nguyên giá trị ở trang “Chấm điểm \(cũ \d{4}-\d{2}-\d{2}\)”/);
    expect(question).toContain(`“${LEFTOVERS_SHEET}”`);
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('upgrade-no');
    await page.click('#upgrade-yes');
    await page.locator('#status', { hasText: 'Đã cập nhật bộ tiêu chí' }).waitFor({ timeout: 30000 });
    // The self scores (the 2.1.1 one left out) and the note.
    const carriedValues = Object.keys(before).filter((code) => before[code] !== null && code !== '2.1.1').length + 1;
    expect(await page.textContent('#status')).toContain(`chuyển ${carriedValues} giá trị đã nhập.`);
    expect(await page.textContent('#status')).toContain('Còn 1 mục chưa chuyển được');

    // Every self score sits on its code's row of the new sheet, except the one above its new maximum.
    const upgraded = scoringGeometry(newSet, true);
    cells = await scoringCells();
    const expected = { ...before, '2.1.1': null };
    expect(selfValues(cells, upgraded, leafCodes)).toEqual(expected);
    expect(valueAt(cells, a1(upgraded.rowOf['1.3.1'], upgraded.layout.col.note as number))).toBe('Báo cáo 45/BC-UBND');
    const names = await page.evaluate(() => window.cchcFake.sheetNames());
    const backup = names.filter((n) => /^Chấm điểm \(cũ /.test(n))[0];
    expect(backup).toBeDefined();
    expect(names).toContain(LEFTOVERS_SHEET);
    // The old values are on the copy, and the leftover on its sheet.
    const backupCells = await page.evaluate((name) => window.cchcFake.cells(name), backup);
    expect(valueAt(backupCells, a1(withAppraisal.rowOf['2.1.1'], withAppraisal.layout.col.self as number))).toBe(1.5);
    const leftoverValues = await page.evaluate((name) => Object.values(window.cchcFake.cells(name)).map((c) => c.value), LEFTOVERS_SHEET);
    expect(leftoverValues).toEqual(expect.arrayContaining(['2.1.1', 1.5]));
    // The pane lists it, with the renamed criterion, and shows the new set as the workbook's.
    expect(await page.textContent('#upgrade-result')).toContain('2.1.1 · Điểm tự chấm: 1,5 — Điểm 1,5 vượt điểm tối đa mới 1');
    expect(await page.textContent('#upgrade-result')).toContain('2.2.2: “');
    await page.locator('#maintain-set', { hasText: newSet.title }).waitFor({ timeout: 15000 });
    await page.waitForSelector('.check-headline', { state: 'attached' });
    // The card just below the sticky header and status line, as one sees it in the pane after the update.
    await page.evaluate(() => {
      const card = document.getElementById('maintain-card')!;
      const header = document.querySelector('header.top') as HTMLElement;
      window.scrollTo(0, card.getBoundingClientRect().top + window.pageYOffset - header.offsetHeight - 8);
    });
    await page.screenshot({ path: path.join(screenshots, 'taskpane-appraisal.png') });
    keepForDocs(path.join(screenshots, 'taskpane-appraisal.png'), 'screenshots/taskpane-appraisal.png');

    // In English, the account of the update follows the switch.
    await page.click('#lang-switch');
    expect(await page.textContent('#upgrade-result')).toContain('2.1.1 · Self score: 1.5');
    expect(await page.textContent('#upgrade-run')).toBe('Update the criteria set');
    await page.click('#lang-switch');

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    expect(pageErrors).toEqual([]);
  }, 180000);

  test('on Windows with the Vietnamese regional format: builds, takes "0,5" as a score and says what "1.5" became', async () => {
    const port = (server.address() as { port: number }).port;
    const vi = await browser.newPage();
    vi.on('pageerror', (error) => pageErrors.push(error.message));
    await vi.goto(`http://127.0.0.1:${port}/taskpane.html?locale=vi-VN`);
    await vi.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    await vi.click('#tab-scoring');
    await vi.fill('#unit', 'Xã Đồng Thịnh');
    // Excel refuses every page setup call: the build goes through without it, and says so.
    await vi.evaluate(() => window.cchcFake.rejectCall('PageLayout.orientation', { always: true }));
    await vi.click('#build-run');
    await vi.locator('#status.status-success', { hasText: 'Đã tạo bảng chấm điểm' }).waitFor({ timeout: 30000 });
    expect(await vi.textContent('#status')).toContain('Excel không nhận một số phần trình bày nên đã bỏ qua: thiết lập trang in (“Chấm điểm”, “Tổng hợp”');
    expect(await vi.evaluate(() => window.cchcFake.sheet('Chấm điểm').pageLayout.orientation)).toBeNull();
    expect(await vi.evaluate(() => window.cchcFake.sheet('Chấm điểm').freeze)).not.toBeNull();
    await vi.click('#tab-check');
    await vi.waitForSelector('.check-headline');

    const geometry = scoringGeometry(defaultSet(), false);
    const leaves = geometry.nodeRows.filter((r) => r.flat.leaf && (r.flat.node.levels || []).indexOf(0.5) >= 0);
    const selfCol = geometry.layout.col.self as number;
    const comma = a1(leaves[0].row, selfCol);
    const point = a1(leaves[1].row, selfCol);
    await vi.evaluate((cell) => window.cchcFake.simulateEdit('Chấm điểm', cell, '0,5'), comma);
    await vi.locator('#status', { hasText: `Đã kiểm tra lại sau khi sửa ${comma}` }).waitFor({ timeout: 15000 });
    expect(await vi.evaluate((cell) => window.cchcFake.cell('Chấm điểm', cell).value, comma)).toBe(0.5);
    expect(await vi.locator('button.issue-error', { hasText: comma }).count()).toBe(0);

    await vi.evaluate((cell) => window.cchcFake.simulateEdit('Chấm điểm', cell, '1.5'), point);
    const asDate = vi.locator('button.issue-error', { hasText: point }).filter({ hasText: 'Ô chứa ngày 01/05' });
    await asDate.waitFor({ timeout: 15000 });
    expect(await asDate.textContent()).toContain('có lẽ gõ 1.5 trên máy định dạng Việt Nam; hãy gõ 1,5');
    await vi.close();
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('on Excel 2019 (ExcelApi 1.7) it says what is missing and still checks edits on the sheet it created', async () => {
    const port = (server.address() as { port: number }).port;
    const oldExcel = await browser.newPage();
    oldExcel.on('pageerror', (error) => pageErrors.push(error.message));
    await oldExcel.goto(`http://127.0.0.1:${port}/taskpane.html?api=1.7`);
    await oldExcel.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    await oldExcel.click('#tab-scoring');
    expect(await oldExcel.isVisible('#host-limited')).toBe(true);

    await oldExcel.fill('#unit', 'Phường Hoàng Văn Thụ');
    await oldExcel.click('#build-run');
    await oldExcel.waitForSelector('#status.status-success', { timeout: 30000 });
    await oldExcel.click('#tab-check');
    await oldExcel.waitForSelector('.check-headline');

    // Before ExcelApi 1.9 change events are per sheet: the pane must listen to the new one too. Excel
    // 2019 cannot turn off the add-in's own change events; those that trail the build are dropped for
    // a moment after it, a moment a person needs anyway before typing.
    await oldExcel.waitForTimeout(QUIET_AFTER_MS + 200);
    expect(await oldExcel.textContent('#status')).toContain('Đã tạo bảng chấm điểm');
    const geometry = scoringGeometry(defaultSet(), false);
    const leaf = geometry.nodeRows.filter((r) => r.flat.leaf)[0];
    const cell = a1(leaf.row, geometry.layout.col.self as number);
    await oldExcel.evaluate((edit) => window.cchcFake.simulateEdit('Chấm điểm', edit.cell, edit.value), { cell, value: -1 });
    await oldExcel.locator('button.issue-error', { hasText: cell }).filter({ hasText: 'bị âm' }).waitFor({ timeout: 15000 });
    await oldExcel.close();
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('a criteria file is explained before it is used: how each item is scored, where KAD may be written, the bands', async () => {
    const port = (server.address() as { port: number }).port;
    const pane = await browser.newPage();
    pane.on('pageerror', (error) => pageErrors.push(error.message));
    await pane.goto(`http://127.0.0.1:${port}/taskpane.html`);
    await pane.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    await pane.click('#tab-scoring');
    await pane.check('#source-file');
    await pane.setInputFiles('#criteria-file', { name: 'cach-cham.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(KINDS_SET_RAW)) });
    await pane.locator('#set-info', { hasText: 'mục có cách chấm riêng' }).waitFor({ timeout: 15000 });
    const info = await pane.textContent('#set-info');
    for (const line of [
      'Cách chấm: 4 mục theo mức điểm, 2 mục theo tỷ lệ, 1 mục tính theo số lượng, 1 mục trừ điểm theo số lần, 1 mục chấm điểm lẻ đến 0,01.',
      'KAD chỉ được ghi ở 2 mục đã nêu; ghi ở mục khác là lỗi.',
      'Xếp loại: Tốt từ 90%; Khá từ 70%; Chưa đạt từ 0%.',
      '1.2 Tỷ lệ hồ sơ giải quyết đúng hạn — theo tỷ lệ: điểm từ 0 đến 2, lẻ đến 0,01; nhập tỷ lệ ở cột Tỷ lệ / số lượng: điểm = tỷ lệ × 2',
      '1.5 Hồ sơ quá hạn — từ 2 trừ 0,5 điểm mỗi lần, thấp nhất 0',
      '2.2 Quản lý chợ — được ghi KAD với phường, thị trấn',
    ]) expect(info).toContain(line);
    await pane.locator('#set-info').screenshot({ path: path.join(screenshots, 'taskpane-criteria.png') });
    keepForDocs(path.join(screenshots, 'taskpane-criteria.png'), 'screenshots/taskpane-criteria.png');
    await pane.click('#lang-switch');
    expect(await pane.textContent('#set-info')).toContain('1.4 Văn bản hướng dẫn ban hành — 0.25 points per item, up to 1; enter the number of items in the Rate / count column');
    expect(await pane.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    await pane.click('#lang-switch');

    // Built with it for a commune: the Tỷ lệ / số lượng column, the survey item's locked note, and Kiểm tra says
    // the self index is provisional until the appraisal scores the survey.
    await pane.fill('#unit', 'Xã Đồng Thịnh');
    await pane.click('#build-run');
    await pane.waitForSelector('#status.status-success', { timeout: 30000 });
    // The check that follows the build is on the Kiểm tra tab.
    await pane.click('#tab-check');
    await pane.waitForSelector('.check-headline');
    const g = scoringGeometry(parseCriteriaSet(KINDS_SET_RAW).set!, false);
    const cells = await pane.evaluate(() => window.cchcFake.cells('Chấm điểm'));
    const valueAt = (all: Record<string, { value: unknown }>, address: string) => (all[address] ? all[address].value : null);
    expect(valueAt(cells, a1(g.headerRow, g.layout.col.figure as number))).toBe('Tỷ lệ / số lượng');
    expect(valueAt(cells, a1(g.rowOf['2.3'], g.layout.col.self as number))).toBe('Thẩm định chấm');
    await pane.locator('#check-result', { hasText: 'Tạm tính, chưa gồm 2.3 (do thẩm định chấm)' }).waitFor({ timeout: 15000 });
    // A KAD typed where the set does not allow it for a commune is listed with what to do.
    const market = a1(g.rowOf['2.2'], g.layout.col.self as number);
    await pane.evaluate((cell) => window.cchcFake.simulateEdit('Chấm điểm', cell, 'KAD'), market);
    await pane.locator('button.issue-error', { hasText: market }).filter({ hasText: 'chỉ cho ghi KAD ở mục này với phường, thị trấn' }).waitFor({ timeout: 15000 });
    await pane.close();
    expect(pageErrors).toEqual([]);
  }, 120000);
});

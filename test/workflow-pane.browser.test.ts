// The pane organised by task, in headless Chromium at 320 px against the recording fake of Excel: the
// tabs Chấm điểm · Minh chứng · Phân công & tiến độ · Kiểm tra · Tổng hợp, reachable by keyboard, each
// view keeping its state while another is shown, the check's counts on the Kiểm tra tab whatever view
// is open; assigning the selected rows and a whole domain, progress per person with a click selecting
// their items, figures in the evidence panel. Screenshots of every view (docs/screenshots/pane-*.png
// under `npm run docs`).

import type { Page } from 'playwright-core';
import JSZip from 'jszip';
import { defaultSet } from '../src/core/model/bundled';
import { a1 } from '../src/core/model/grid';
import { SHEETS } from '../src/core/model/layout';
import { scoringGeometry } from '../src/core/sheets/scoring/geometry';
import { REGISTER_COL, REGISTER_FIRST_ROW } from '../src/core/sheets/register/columns';
import { describeIfEngine } from './engines';
import { PANE_WIDTH, PaneBrowser, paneScreenshot, startPaneBrowser } from './helpers/pane-browser';

const geometry = scoringGeometry(defaultSet(), false);
const col = geometry.layout.col;
const row = (code: string) => geometry.rowOf[code];
const cellOf = (code: string, role: 'self' | 'owner' | 'due' | 'note') => a1(row(code), col[role]!);

describeIfEngine('chromium', 'the pane organised by task (headless Chromium, 320 px)', () => {
  let pane: PaneBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    pane = await startPaneBrowser();
    page = await pane.browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 240000);

  afterAll(async () => {
    if (pane) await pane.close();
  });

  const shown = () => page.evaluate(() => ['scoring', 'evidence', 'assign', 'check', 'summary'].filter((v) => !document.getElementById('view-' + v)!.hidden));
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
  const fake = <T>(fn: string, ...args: unknown[]) => page.evaluate((call) => {
    const f = (window.cchcFake as unknown as Record<string, (...a: unknown[]) => unknown>)[call.fn];
    return f.apply(window.cchcFake, call.args) as T;
  }, { fn, args });
  const cell = (sheet: string, address: string) => fake<{ value: unknown; formula: string | null }>('cell', sheet, address);

  test('tabs by keyboard; the Kiểm tra tab counts; a view keeps what was typed while others are shown', async () => {
    await page.goto(pane.url());
    await page.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    expect(await shown()).toEqual(['scoring']);
    // Arrow keys, Home and End move between the tabs, each showing its view; Tab leaves the list.
    await page.focus('#tab-scoring');
    await page.keyboard.press('ArrowRight');
    expect(await shown()).toEqual(['evidence']);
    expect(await page.evaluate(() => document.activeElement!.id)).toBe('tab-evidence');
    await page.keyboard.press('End');
    expect(await shown()).toEqual(['summary']);
    await page.keyboard.press('ArrowRight');
    expect(await shown()).toEqual(['scoring']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Home');
    expect(await shown()).toEqual(['scoring']);
    expect(await page.getAttribute('#tab-scoring', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#tab-summary', 'tabindex')).toBe('-1');

    // Build the workbook: the Kiểm tra tab gets its counts (every leaf still to score) at once.
    await page.fill('#unit', 'Xã Đồng Thịnh');
    await page.fill('#year', '2024');
    await page.click('#build-run');
    await page.locator('#status.status-success', { hasText: 'Đã tạo bảng chấm điểm' }).waitFor({ timeout: 30000 });
    await page.locator('#check-counts .count-warning').waitFor({ timeout: 15000 });
    const leaves = defaultSet().nodes.length ? geometry.nodeRows.filter((r) => r.flat.leaf).length : 0;
    expect(await page.textContent('#check-counts')).toBe(String(leaves));
    expect(await page.getAttribute('#tab-check', 'aria-label')).toBe(`Kiểm tra: 0 lỗi, ${leaves} cảnh báo`);
    await fits();
    await paneScreenshot(page, 'pane-scoring.png');

    // A score over the maximum, typed in Excel: the count of errors follows on the tab, whatever view is open.
    await page.click('#tab-summary');
    await fake('simulateEdit', SHEETS.scoring, cellOf('1.1.1', 'self'), 9);
    await page.locator('#check-counts .count-error', { hasText: '1' }).waitFor({ timeout: 15000 });

    // What is typed in one view is still there after another was shown.
    await page.click('#tab-scoring');
    await page.fill('#unit', 'Xã Đồng Thịnh (đang sửa)');
    await page.click('#tab-assign');
    await page.fill('#assign-owner', 'Tư pháp');
    await page.click('#tab-scoring');
    expect(await page.inputValue('#unit')).toBe('Xã Đồng Thịnh (đang sửa)');
    await page.click('#tab-assign');
    expect(await page.inputValue('#assign-owner')).toBe('Tư pháp');
    await page.fill('#unit', 'Xã Đồng Thịnh').catch(() => undefined);
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('Phân công: the selected rows, then a whole domain to a new person; progress per person selects their items', async () => {
    await page.click('#tab-assign');
    await page.waitForSelector('#assign-form:not([hidden])', { timeout: 15000 });
    // The list of the workbook offers its sections.
    expect(await page.evaluate(() => Array.prototype.map.call(document.querySelectorAll('#assign-people option'), (o: HTMLOptionElement) => o.value))).toContain('Văn phòng - Thống kê');

    // Rows 1.1 … 1.2 selected on Chấm điểm: to the Văn phòng, due 20/11/2024.
    await fake('simulateSelection', SHEETS.scoring, `B${row('1.1') + 1}:D${row('1.2') + 1}`);
    await page.fill('#assign-owner', 'Văn phòng - Thống kê');
    await page.fill('#assign-due', '20/11/2024');
    await page.click('#assign-selection');
    await page.locator('#status.status-success', { hasText: 'Đã giao 1.1, 1.1.1, 1.1.2' }).waitFor({ timeout: 15000 });
    expect((await cell(SHEETS.scoring, cellOf('1.1', 'owner'))).value).toBe('Văn phòng - Thống kê');
    expect((await cell(SHEETS.scoring, cellOf('1.1', 'due'))).value).toBe(45616);

    // Domain II to a person not on the list yet: the name joins the list on Phân công.
    await page.fill('#assign-owner', 'Nguyễn Thị Hoa');
    await page.fill('#assign-due', '');
    await page.selectOption('#assign-domain', '2');
    await page.click('#assign-domain-run');
    await page.locator('#status.status-success', { hasText: 'Đã thêm Nguyễn Thị Hoa vào danh sách' }).waitFor({ timeout: 15000 });
    expect((await cell(SHEETS.scoring, cellOf('2', 'owner'))).value).toBe('Nguyễn Thị Hoa');
    const list = await fake<Record<string, { value: unknown }>>('cells', SHEETS.assignment);
    expect(Object.keys(list).map((k) => list[k].value)).toContain('Nguyễn Thị Hoa');

    // Progress: a row per person; a click opens their items and selects the first one's score cell.
    const hoa = page.locator('.progress-person', { hasText: 'Nguyễn Thị Hoa' });
    await hoa.waitFor({ timeout: 15000 });
    await hoa.click();
    const firstOfDomain2 = geometry.nodeRows.filter((r) => r.flat.leaf && r.flat.domainCode === '2')[0].flat.code;
    await page.waitForFunction((address) => {
      const s = window.cchcFake.selection();
      return !!s && s.address === address;
    }, cellOf(firstOfDomain2, 'self'), { timeout: 10000 });
    expect(await hoa.getAttribute('aria-expanded')).toBe('true');
    const items = page.locator('.progress-item');
    expect(await items.count()).toBe(geometry.nodeRows.filter((r) => r.flat.leaf && r.flat.domainCode === '2').length);
    // Another item of hers selects its own cell.
    const second = await items.nth(1).getAttribute('data-code');
    await items.nth(1).click();
    await page.waitForFunction((address) => window.cchcFake.selection()!.address === address, cellOf(second!, 'self'), { timeout: 10000 });
    expect(await page.textContent('#progress-body')).toContain('Chưa giao cho ai');
    await fits();
    await paneScreenshot(page, 'pane-assign.png');
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('Minh chứng: the figures behind a score go to the register; Kiểm tra and Tổng hợp views', async () => {
    await page.click('#tab-evidence');
    await fake('simulateSelection', SHEETS.scoring, cellOf('1.1.2', 'note'));
    await page.locator('#evidence-body', { hasText: 'Mã 1.1.2' }).waitFor({ timeout: 15000 });
    await page.click('#evidence-add');
    await page.fill('#evidence-number', '45/BC-UBND');
    await page.fill('#evidence-summary', 'Báo cáo kết quả thực hiện kế hoạch CCHC');
    await page.fill('#evidence-figures', '12/12 nhiệm vụ hoàn thành');
    await page.click('#evidence-save');
    await page.locator('.evidence-figures', { hasText: '12/12 nhiệm vụ hoàn thành' }).waitFor({ timeout: 15000 });
    expect((await cell(SHEETS.evidence, a1(REGISTER_FIRST_ROW, REGISTER_COL.figures))).value).toBe('12/12 nhiệm vụ hoàn thành');
    await fits();
    await paneScreenshot(page, 'pane-evidence.png');

    await page.click('#tab-check');
    await page.click('#check-run');
    await page.locator('#status', { hasText: 'Đã kiểm tra' }).waitFor({ timeout: 15000 });
    await fits();
    await paneScreenshot(page, 'pane-check.png');

    await page.click('#tab-summary');
    await fits();
    await paneScreenshot(page, 'pane-summary.png');
    expect(pageErrors).toEqual([]);
  }, 120000);

  test('workbooks for several units, from a blank workbook, downloaded as one .zip; refused over a scoring workbook', async () => {
    // Over the workbook built above: refused, nothing replaced.
    await page.click('#tab-scoring');
    await page.fill('#units-list', 'Xã Phú Đình');
    await page.click('#units-run');
    await page.locator('#status.status-error', { hasText: 'Mở một sổ làm việc trống' }).waitFor({ timeout: 15000 });

    const blank = await pane.browser.newPage();
    blank.on('pageerror', (error) => pageErrors.push(error.message));
    await blank.goto(pane.url());
    await blank.waitForSelector('html[data-pane="ready"]', { timeout: 30000 });
    await blank.click('#tab-scoring');
    await blank.fill('#year', '2025');
    // A list with a line lacking its type: nothing made, the line named.
    await blank.fill('#units-list', 'Xã Đồng Thịnh\nBảo Cường');
    await blank.click('#units-run');
    await blank.locator('#units-result', { hasText: 'Dòng 2: "Bảo Cường" thiếu loại đơn vị' }).waitFor({ timeout: 15000 });
    await blank.fill('#units-list', 'Tên\tLoại\nĐồng Thịnh\txã\nChợ Chu\tthị trấn\nPhường Hoàng Văn Thụ');
    await blank.click('#units-run');
    await blank.locator('#status.status-success', { hasText: 'Đã tạo 3 bảng chấm điểm năm 2025' }).waitFor({ timeout: 60000 });
    // Functions sent to the page are promise chains: compiled to ES5, async ones need helpers the page lacks.
    const zipBase64 = await blank.evaluate(() => {
      const link = document.getElementById('units-zip') as HTMLAnchorElement;
      return fetch(link.href).then((r) => r.arrayBuffer()).then((buffer) => {
        const bytes = new Uint8Array(buffer);
        let text = '';
        for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
        return { name: link.getAttribute('download'), data: btoa(text) };
      });
    });
    expect(zipBase64.name).toBe('bang-cham-diem-2025.zip');
    const zip = await JSZip.loadAsync(Buffer.from(zipBase64.data, 'base64'));
    expect(Object.keys(zip.files)).toEqual(['xa-dong-thinh-2025.xlsx', 'thi-tran-cho-chu-2025.xlsx', 'phuong-hoang-van-thu-2025.xlsx']);
    // Each file is the open workbook as it stood after that unit's build (the fake hands its cells as JSON).
    for (const [file, unit] of [['xa-dong-thinh-2025.xlsx', 'Xã Đồng Thịnh'], ['phuong-hoang-van-thu-2025.xlsx', 'Phường Hoàng Văn Thụ']]) {
      const sheets = JSON.parse(Buffer.from(await zip.file(file)!.async('uint8array')).toString('utf8')) as Record<string, Record<string, unknown>>;
      expect([file, sheets[SHEETS.meta].B2, sheets[SHEETS.meta].B3]).toEqual([file, unit, 2025]);
      expect(Object.keys(sheets)).toEqual(expect.arrayContaining([SHEETS.scoring, SHEETS.summary, SHEETS.evidence, SHEETS.assignment]));
    }
    expect(await blank.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PANE_WIDTH);
    await paneScreenshot(blank, 'pane-units.png');
    await blank.close();
    expect(pageErrors).toEqual([]);
  }, 180000);
});

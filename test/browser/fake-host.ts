// Loaded by the browser test's page after office.js and before the pane's bundle. Outside Office,
// office.js reports no host and leaves `Excel` undefined; this makes the page look like Excel to the
// pane, with the recording fake as the workbook. `?api=1.7` on the page URL picks an older host,
// `?locale=vi-VN` a Windows machine with the Vietnamese regional format.

import { ApiVersion, FakeExcel, FakeLocale, createFakeExcel } from '../fake-excel';

declare global {
  interface Window {
    /** The fake workbook, for the test to type into and inspect. */
    cchcFake: FakeExcel;
  }
}

const api = (/[?&]api=([\d.]+)/.exec(window.location.search) || [])[1] as ApiVersion | undefined;
const locale = (/[?&]locale=([A-Za-z-]+)/.exec(window.location.search) || [])[1] as FakeLocale | undefined;
const fake = createFakeExcel({ api: api || '1.13', locale: locale || 'en-US' });
window.cchcFake = fake;
// The fake covers the part of the Excel namespace the adapter uses, not all of its types.
(window as unknown as { Excel: unknown }).Excel = fake.Excel;

/**
 * Office.context.document's getFileAsync, as Excel gives the open workbook as a file: here the fake's
 * sheets and their values as JSON (the fake writes no .xlsx), in slices, so the pane's download of the
 * workbooks it made can be looked into.
 */
const fakeDocument = {
  getFileAsync(_type: string, options: { sliceSize: number }, callback: (r: unknown) => void) {
    const sheets: Record<string, Record<string, unknown>> = {};
    for (const name of fake.sheetNames()) {
      const cells = fake.cells(name);
      sheets[name] = {};
      for (const address of Object.keys(cells)) if (cells[address].value !== null) sheets[name][address] = cells[address].value;
    }
    const text = unescape(encodeURIComponent(JSON.stringify(sheets)));
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) bytes.push(text.charCodeAt(i));
    const size = Math.max(1, Math.min(options.sliceSize, 4096));
    const count = Math.ceil(bytes.length / size);
    setTimeout(() => callback({
      status: 'succeeded',
      value: {
        size: bytes.length,
        sliceCount: count,
        getSliceAsync: (i: number, done: (r: unknown) => void) => setTimeout(() => done({ status: 'succeeded', value: { data: bytes.slice(i * size, (i + 1) * size) } }), 0),
        closeAsync: (done?: () => void) => setTimeout(() => done && done(), 0),
      },
    }), 0);
  },
};

const officeReady = Office.onReady.bind(Office);
// The pane asks Office.onReady which host it runs in and reads Office.context.requirements.
Office.onReady = ((callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => void) =>
  officeReady().then(() => {
    Object.defineProperty(Office.context, 'requirements', { value: fake.requirements, configurable: true });
    Object.defineProperty(Office.context, 'document', { value: fakeDocument, configurable: true });
    const info = { host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline };
    if (callback) callback(info);
    return info;
  })) as typeof Office.onReady;

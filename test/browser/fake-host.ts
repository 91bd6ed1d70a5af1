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

const officeReady = Office.onReady.bind(Office);
// The pane asks Office.onReady which host it runs in and reads Office.context.requirements.
Office.onReady = ((callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => void) =>
  officeReady().then(() => {
    Object.defineProperty(Office.context, 'requirements', { value: fake.requirements, configurable: true });
    const info = { host: Office.HostType.Excel, platform: Office.PlatformType.OfficeOnline };
    if (callback) callback(info);
    return info;
  })) as typeof Office.onReady;

// The pane's language. Its texts are in the one catalogue (src/core/text); the chosen language is
// remembered in localStorage where the host allows it.

import { Lang } from '../core/model/errors';

export type { TextKey } from '../core/text/catalogue';
export { text } from '../core/text/catalogue';

const STORAGE_KEY = 'cchc.lang';

/** The language chosen last time; Vietnamese when nothing was stored or storage is blocked. */
export function storedLang(): Lang {
  try {
    return window.localStorage && window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    // Some hosts (IE11 with protected mode, sandboxed webviews) throw on any localStorage access.
    return 'vi';
  }
}

export function storeLang(lang: Lang): void {
  try {
    if (window.localStorage) window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across sessions then; the switch still works for this one.
  }
}

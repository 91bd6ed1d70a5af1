// Pictures for docs/ come from the tests that already render them (a printed page, a pane view), but
// only when `npm run docs` asks: `npm test` writes to temporary folders and leaves the work tree clean.

import * as fs from 'fs';
import * as path from 'path';

const DOCS = path.join(__dirname, '..', '..', 'docs');

/** True under `npm run docs` (scripts/docs.js sets it). */
export const UPDATING_DOCS = process.env.CCHC_UPDATE_DOCS === '1';

/** Copies a picture a test made to docs/<name> when the docs are being updated; otherwise does nothing. */
export function keepForDocs(picture: string, name: string): void {
  if (!UPDATING_DOCS) return;
  const target = path.join(DOCS, name);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(picture, target);
}

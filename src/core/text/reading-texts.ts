// The texts of reading picked workbooks, added to the catalogue by the modules that read them: the
// pane downloads them with its files part only, the command line has them whenever it reads a file.

import { useTexts } from './catalogue';
import { READING_EN, READING_VI } from './reading';

/** Adds the reading texts once; every module that refuses or reports a picked file calls it first. */
export function useReadingTexts(): void {
  useTexts(READING_VI, READING_EN);
}

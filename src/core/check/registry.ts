// Every check rule, in the order they run. A new rule family is one file and one line here.

import { evidenceRules } from './evidence-rules';
import { extraSheetRules } from './extra-rules';
import { Rule } from './contract';
import { entryRules } from './entry-rules';
import { sheetRules } from './sheet-rules';
import { rowRules } from './row-rules';
import { shownRules } from './shown-rules';
import { documentRules } from './document-rules';

/** Rules run in this order; evidence and other rules register here too. */
export const RULES: Rule[] = [...sheetRules, ...rowRules, ...extraSheetRules, ...entryRules, ...evidenceRules, ...shownRules, ...documentRules];

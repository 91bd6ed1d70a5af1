// What the pane says when Excel refused a presentation step of a write (indentation, frozen panes, tab
// colour, print setup, charts): the workbook was written whole without it, and here is how to do it
// by hand.

import { DegradedStep } from '../core/model/port';
import { PaneContext } from './context';
import { TextKey } from './i18n';

/** The sentence to append to a success message, or "" when nothing was left out. */
export function degradedNote(ctx: PaneContext, degraded: DegradedStep[]): string {
  if (!degraded.length) return '';
  const steps = degraded.map((d) => ctx.t(('degraded.' + d.step) as TextKey, { sheets: d.sheets.map((s) => '“' + s + '”').join(', ') }));
  return ' ' + ctx.t('degraded.note', { steps: steps.join('; ') });
}

// Batches (`cchc check`, `cchc summary` over a province's or a country's workbooks) keep one
// workbook at a time, so what stays alive does not grow with their number. V8, though, lets its heap
// grow to about four times what is alive before it collects (it judges collections cheap next to
// the work between them), and every finished workbook leaves megabytes of garbage: left alone, a batch
// sits at twice the memory one workbook needs. A batch therefore lets the heap grow by at most what is
// alive before the next collection: a few more collections, a far lower peak.

import * as v8 from 'v8';

/** How far the heap may grow past what the last collection left alive, in percent. */
export const BATCH_HEAP_GROWING_PERCENT = 100;

let bounded = false;

/** Called once a command knows it reads a batch; later calls do nothing. */
export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  try {
    // Read by V8 each time it sets the next collection's threshold, so it holds from the next one on.
    v8.setFlagsFromString(`--heap-growing-percent=${BATCH_HEAP_GROWING_PERCENT}`);
  } catch {
    // A V8 without the flag collects as it always has: more memory, nothing worse.
  }
}

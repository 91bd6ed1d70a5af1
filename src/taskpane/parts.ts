// Parts of the pane fetched from the add-in's address the first time a person uses them: the reader
// of workbooks picked from disk with the district ranking (district-files.ts), the import of a
// criteria table pasted into a sheet, the building and rebuilds of the open workbook (rebuild-part.ts),
// the workbook's writers (with the first write), and the bundled criteria set (asked for as the pane
// starts, after its first screen is up). The views Minh chứng and Phân công & tiến độ, fetched when
// first shown, are declared in view-part.ts: their modules use parts of this list. The pane's own
// script stays small for the commune's slow line (test/bundle.test.ts); a clerk who never uses a part
// never downloads it.

import { UserError } from '../core/model/errors';
import { message } from '../core/text/catalogue';

/** One part, fetched once; a failed fetch is tried again on the next click (the line may be back). */
export function onFirstUse<T>(fetch: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (!loading) {
      loading = fetch().catch(() => {
        loading = null;
        throw new UserError('part-not-loaded', message('pane.partMissing'));
      });
    }
    return loading;
  };
}

export const filesPart = onFirstUse(() => import(/* webpackChunkName: "files" */ './district-files'));

export const tableImportPart = onFirstUse(() => import(/* webpackChunkName: "table-import" */ '../core/features/import/import-table'));

export const rebuildPart = onFirstUse(() => import(/* webpackChunkName: "rebuild" */ './rebuild-part'));

export const bundledPart = onFirstUse(() => import(/* webpackChunkName: "bundled-set" */ '../core/model/bundled'));

export const writersPart = onFirstUse(() => import(/* webpackChunkName: "writers" */ '../adapters/officejs/writers'));

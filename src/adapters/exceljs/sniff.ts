// Recognises what a file really is before any parser sees it, so a wrong or hostile file gets a clear
// refusal instead of a crash or an unbounded inflate.

import { refuse } from '../../core/model/errors';
import { WORKBOOK_LIMITS, recognizeWorkbook } from '../../core/model/workbook-bytes';
import { VerifiedPart, ZipDirectory, readZipDirectory, verifyZipParts } from './zip-scan';
import { message } from '../../core/text/node';

export { WORKBOOK_LIMITS };

/** The zip's central directory with the uncompressed sizes it declares, summed. */
function declaredZipSize(bytes: Buffer): { total: number; entries: number; names: string[]; directory: ZipDirectory } | null {
  const directory = readZipDirectory(bytes);
  if (!directory) return null;
  const total = directory.entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  return { total, entries: directory.entries.length, names: directory.entries.map((e) => e.name), directory };
}

/** Refuses, with a UserError, what is not an .xlsx we can safely open; returns its verified parts. */
export function sniffWorkbookBytes(bytes: Buffer, base: string): VerifiedPart[] {
  // What the file is (the same answer the pane's reader gives), then what its zip declares.
  let zip: ReturnType<typeof declaredZipSize> = null;
  recognizeWorkbook(bytes, base, () => {
    zip = declaredZipSize(bytes);
    return zip ? zip.names : null;
  });
  const declared = zip!;
  if (declared.entries > WORKBOOK_LIMITS.maxEntries || declared.total > WORKBOOK_LIMITS.maxUncompressedBytes) {
    refuse('zip-bomb', message('files.sniff.wouldExpandFarBeyond', { base }));
  }
  return verifyZipParts(bytes, declared.directory, base);
}

// What the Office.js adapter is given (Office.js's `Excel` namespace and requirement sets, or the test
// fake's), and what it learns from it: the requirement sets above the manifest's ExcelApi 1.7.

import { HostFeatures } from '../../core/model/port';
import { ExcelHost, OperationStats } from './run';
import { FileSource } from './file';

export interface OfficeHost {
  /** Office.js's `Excel` namespace, or the test fake. */
  Excel: ExcelHost;
  /** `Office.context.requirements`, or the test fake's. */
  requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  /** Called after every operation with its number of syncs. */
  onOperation?: (stats: OperationStats) => void;
  /** How long the add-in's own change events may trail a write on hosts that cannot turn them off (quiet.ts). */
  quietAfterMs?: number;
  /** `Office.context.document`: the open workbook as a file (file.ts); absent where the host has none. */
  document?: FileSource | null;
}

export type Features = HostFeatures & {
  /** ExcelApi 1.8: Runtime.enableEvents, to keep the add-in's own writes from raising its change events. */
  quietWrites: boolean;
  /** ExcelApi 1.13: merged areas can be read back. */
  mergedAreas: boolean;
};

/** Asks the host once, on first use (Office.context.requirements is ready only after Office.onReady). */
export function featureDetector(requirements: OfficeHost['requirements']): () => Features {
  let cached: Features | null = null;
  return () => {
    if (!cached) {
      const has = (version: string) => requirements.isSetSupported('ExcelApi', version);
      cached = { dataValidation: has('1.8'), quietWrites: has('1.8'), api19: has('1.9'), mergedAreas: has('1.13') };
    }
    return cached;
  };
}

export const VISIBILITY_TO_EXCEL = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' } as const;

export const VISIBILITY_FROM_EXCEL: Record<string, 'visible' | 'hidden' | 'veryHidden'> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

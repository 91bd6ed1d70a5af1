// Random byte damage to a real workbook, as disks, e-mail gateways and half-finished copies do it. Each
// damaged file must end in a clean refusal or in exactly the reading of the undamaged file: never an
// exception, a hang, or a different reading. Shared by the CI test (~50 variants) and the bench.

import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../src/cli/cmd-check';
import { buildWorkbookPlan } from '../../src/core/sheets/workbook';
import { planToWorkbook } from '../../src/adapters/exceljs/write';
import { readZipDirectory } from '../../src/adapters/exceljs/zip-scan';
import { prng } from './generate';
import { smallSet } from './scoring';
import { FileReport } from '../../src/core/check/report';

/** A filled workbook with the appraisal columns, notes and an evidence register. */
export async function damageBase(): Promise<Buffer> {
  const plan = buildWorkbookPlan({
    set: smallSet(), unit: 'Xã Đồng Thịnh', year: 2024, appraisal: true,
    entries: {
      '1.1.1': { values: { self: 1, appraisal: 0.5, note: 'Kế hoạch 12/KH-UBND' } },
      '1.1.2': { values: { self: 0.75 } },
      '1.2': { values: { self: 'KAD' } },
      '2.1.2': { values: { self: 1.5, appraisalNote: 'Đồng ý' } },
    },
    evidence: [{ codes: ['1.1.1'], number: '12/KH-UBND', date: '10/01/2024', summary: 'Kế hoạch CCHC', link: 'minh-chung/12.pdf' }],
  });
  return Buffer.from(await planToWorkbook(plan).xlsx.writeBuffer());
}

export type DamageKind = 'flip-bits' | 'overwrite' | 'zero-run' | 'truncate' | 'delete-run' | 'insert-run';
const KINDS: DamageKind[] = ['flip-bits', 'overwrite', 'zero-run', 'truncate', 'delete-run', 'insert-run'];

/**
 * One damaged copy for a seed. Every other seed aims at the zip's headers and directory, where a
 * wrong byte sends a parser astray instead of just failing a checksum.
 */
export function damage(bytes: Buffer, seed: number): { bytes: Buffer; kind: DamageKind; at: number } {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const kind = KINDS[seed % KINDS.length];
  const dir = readZipDirectory(bytes)!;
  const structural = seed % 2 === 0;
  const at = structural
    ? (rand() < 0.5 ? dir.directoryOffset + int(bytes.length - dir.directoryOffset) : dir.entries[int(dir.entries.length)].localHeaderOffset + int(30))
    : int(bytes.length);
  const run = 1 + int(64);
  const out = Buffer.from(bytes);
  switch (kind) {
    case 'flip-bits':
      for (let i = 0, n = 1 + int(8); i < n; i++) out[Math.min(bytes.length - 1, at + int(16))] ^= 1 << int(8);
      return { bytes: out, kind, at };
    case 'overwrite':
      for (let i = 0; i < run && at + i < out.length; i++) out[at + i] = int(256);
      return { bytes: out, kind, at };
    case 'zero-run':
      out.fill(0, at, Math.min(out.length, at + run));
      return { bytes: out, kind, at };
    case 'truncate':
      return { bytes: out.subarray(0, at), kind, at };
    case 'delete-run':
      return { bytes: Buffer.concat([out.subarray(0, at), out.subarray(Math.min(out.length, at + run))]), kind, at };
    case 'insert-run':
      return { bytes: Buffer.concat([out.subarray(0, at), Buffer.from(Array.from({ length: run }, () => int(256))), out.subarray(at)]), kind, at };
  }
}

export interface DamageOutcome {
  seed: number;
  kind: DamageKind;
  at: number;
  /** 'refused' with its message, 'same' reading, or what went wrong. */
  result: 'refused' | 'same' | 'different' | 'crashed';
  detail: string;
  ms: number;
}

function withoutFile(report: FileReport): FileReport {
  const copy = { ...report };
  delete copy.file;
  return copy;
}

/** Reads each damaged copy the way `cchc check` does and classifies the outcome. */
export async function readDamaged(base: Buffer, seeds: number[], dir: string): Promise<DamageOutcome[]> {
  const originalFile = path.join(dir, 'original.xlsx');
  fs.writeFileSync(originalFile, base);
  const original = withoutFile((await checkFile(originalFile, {})).report);
  if (original.error) throw new Error('the undamaged workbook does not read: ' + original.error);
  const outcomes: DamageOutcome[] = [];
  for (const seed of seeds) {
    const damaged = damage(base, seed);
    const file = path.join(dir, `damaged-${seed}.xlsx`);
    fs.writeFileSync(file, damaged.bytes);
    const started = Date.now();
    let result: DamageOutcome['result'];
    let detail: string;
    try {
      const report = withoutFile((await checkFile(file, {})).report);
      if (report.error) {
        result = 'refused';
        detail = report.error;
      } else {
        const same = JSON.stringify(report) === JSON.stringify(original);
        result = same ? 'same' : 'different';
        detail = same ? '' : JSON.stringify(report).slice(0, 300);
      }
    } catch (e) {
      result = 'crashed';
      detail = e instanceof Error ? e.stack || e.message : String(e);
    }
    outcomes.push({ seed, kind: damaged.kind, at: damaged.at, result, detail, ms: Date.now() - started });
    fs.rmSync(file, { force: true });
  }
  return outcomes;
}

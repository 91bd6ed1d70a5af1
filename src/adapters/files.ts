// Files on disk, for the CLI and the exceljs adapter alike: whether two names are one file, and
// writing a file whole or not at all.

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../core/model/errors';
import { message } from '../core/text/node';

/** True when the two names reach the same file (the same path, a hard link, another spelling of it). */
export function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const sa = fs.statSync(a, { bigint: true });
    const sb = fs.statSync(b, { bigint: true });
    // Some file systems (FAT on USB sticks) report no inode numbers: only the paths can tell there.
    return sa.ino > 0 && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function writeFailure(e: unknown, base: string, dir: string): UserError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return new UserError('no-folder', message('files.folderMissing', { base, dir }));
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
    return new UserError('cannot-write', message('files.noPermission', { base }));
  }
  if (code === 'ENOSPC') return new UserError('disk-full', message('files.diskFull', { base }));
  const detail = e instanceof Error ? e.message : String(e);
  return new UserError('cannot-write', message('files.cannotWrite', { base, detail }));
}

/**
 * Writes `bytes` to `file`, replacing it if it exists (callers decide whether that is allowed). The
 * bytes go to a temporary file beside the target, renamed over it at the end, so a failure never
 * leaves a half-written file.
 */
export function writeFileWhole(file: string, bytes: Buffer): void {
  const target = path.resolve(file);
  const base = path.basename(target);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${base}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  try {
    // "wx": never follow or reuse something already lying at the temporary name. The bytes reach the
    // disk before the rename, so a power cut cannot leave an empty file under the target's name.
    const fd = fs.openSync(temp, 'wx');
    try {
      for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
  } catch (e) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // Nothing was created, or it is already gone.
    }
    throw writeFailure(e, base, dir);
  }
}

// The evidence folders on disk: creating one per leaf, finding the files staff dropped there, and
// telling whether a linked file exists. Names are matched the way Windows and macOS match them
// (upper/lower case alike, NFC and NFD alike); nothing outside the evidence root is ever looked at.

import * as fs from 'fs';
import * as path from 'path';
import { UserError } from '../core/model/errors';
import { message } from '../core/text/node';
import { FilePath, absoluteFolder, classifyLink, formatFilePath, nameKey, pathKey, relativePath, resolveFilePath, segmentsBelow } from '../core/model/evidence-link';
import { codeOfFolder, isIgnoredFile, leafFolderName } from '../core/features/evidence/folders';

/** Enough for any commune's evidence; a root holding more is the wrong folder (a whole drive). */
const MAX_FILES = 20000;
const MAX_DEPTH = 8;

function listDir(dir: string): fs.Dirent[] {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The entry of `dir` named `name` (exact first, then ignoring case and normalisation), or null. */
function findEntry(dir: string, name: string): string | null {
  const entries = listDir(dir).map((e) => e.name);
  if (entries.indexOf(name) >= 0) return name;
  const key = nameKey(name);
  return entries.filter((e) => nameKey(e) === key)[0] || null;
}

/** The path on disk of `segments` below `base`, matched as Windows would; null when something is absent. */
export function locate(base: string, segments: string[]): string | null {
  let current = base;
  for (const segment of segments) {
    const found = findEntry(current, segment);
    if (found === null) return null;
    current = path.join(current, found);
  }
  return current;
}

function folderPath(folder: string): FilePath {
  const p = absoluteFolder(path.resolve(folder));
  if (!p) throw new Error(`${folder} does not resolve to an absolute path.`);
  return p;
}

function requireFolder(root: string): void {
  let isDir = false;
  try {
    isDir = fs.statSync(root).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new UserError('no-evidence-root', message('cli.evidenceFiles.evidenceFolderDoesExist', { root }));
  }
}

/**
 * The CheckOptions.fileExists hook: a link resolves against the workbook's folder (as Excel opens it)
 * and must land inside `root`; a link that climbs out with ".." is never followed. When the folder was
 * moved or copied to another machine, its links point where it used to be: the file is then looked
 * for at the same relative path under `root` (the longest tail of the link's path found there), so
 * "D:\CCHC\minh-chung\1.1.1 Ke hoach\kh.pdf" is found as "1.1.1 Ke hoach/kh.pdf" under the new root.
 */
export function evidenceFileCheck(workbookDir: string, root: string): (link: string) => 'found' | 'missing' | 'outside-root' {
  requireFolder(root);
  const base = folderPath(workbookDir);
  const rootPath = folderPath(root);
  const rootOnDisk = path.resolve(root);
  return (link) => {
    const c = classifyLink(link);
    if (!c || c.kind !== 'file') return 'missing';
    const target = resolveFilePath(base, c.path);
    const below = target ? segmentsBelow(rootPath, target) : null;
    if (below && locate(rootOnDisk, below)) return 'found';
    // Never a tail that climbs: "..", "." and empty names are not names of the moved folder.
    const names = (target || c.path).segments;
    let folderThere = false;
    for (let start = 0; start < names.length; start++) {
      const tail = names.slice(start);
      if (tail.some((n) => n === '..' || n === '.' || n === '')) continue;
      if (locate(rootOnDisk, tail)) return 'found';
      // A folder of its path is there but not the file: gone from where it belongs, not outside the root.
      if (tail.length > 1 && locate(rootOnDisk, tail.slice(0, 1))) folderThere = true;
    }
    return below || folderThere ? 'missing' : 'outside-root';
  };
}

export interface Leaf {
  code: string;
  name: string;
}

/** Top-level folders of the root by the code their name starts with (the first one wins). */
function foldersByCode(root: string): Record<string, string> {
  const byCode: Record<string, string> = {};
  for (const e of listDir(root)) {
    const code = e.isDirectory() ? codeOfFolder(e.name) : null;
    if (code && !byCode[code]) byCode[code] = e.name;
  }
  return byCode;
}

/** One folder per leaf under `root`; a leaf whose code already has a folder (even renamed) keeps it. */
export function scaffoldFolders(root: string, leaves: Leaf[]): { created: string[]; existing: string[] } {
  let isFile = false;
  try {
    isFile = !fs.statSync(root).isDirectory();
  } catch {
    isFile = false;
  }
  if (isFile) {
    throw new UserError('root-is-file', message('input.rootIsFile', { root }));
  }
  try {
    fs.mkdirSync(root, { recursive: true });
  } catch {
    throw new UserError('cannot-write', message('cli.evidenceFiles.createFolderWritePermission', { root }));
  }
  const byCode = foldersByCode(root);
  const created: string[] = [];
  const existing: string[] = [];
  for (const leaf of leaves) {
    if (byCode[leaf.code]) {
      existing.push(byCode[leaf.code]);
      continue;
    }
    const name = leafFolderName(leaf.code, leaf.name);
    try {
      fs.mkdirSync(path.join(root, name));
    } catch {
      throw new UserError('cannot-write', message('cli.evidenceFiles.createFolder', { name, root }));
    }
    byCode[leaf.code] = name;
    created.push(name);
  }
  return { created, existing };
}

export interface DroppedFile {
  code: string;
  /** Absolute path, with the names as they are on disk. */
  file: string;
}

export interface EvidenceScan {
  files: DroppedFile[];
  /** Files and folders (relative to the root) that belong to no leaf, so were left alone. */
  unplaced: string[];
}

function byName(a: fs.Dirent, b: fs.Dirent): number {
  const x = nameKey(a.name);
  const y = nameKey(b.name);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The files under each leaf's folder, in name order. A folder named by a parent's code ("1 Lanh dao")
 * may group leaf folders. Links (symlinks, junctions) are not followed: they could lead out of the root.
 */
export function scanEvidenceFolders(root: string, leafCodes: string[], parentCodes: string[]): EvidenceScan {
  requireFolder(root);
  const files: DroppedFile[] = [];
  const unplaced: string[] = [];
  const tooMany = () => new UserError('too-many-files', message('cli.evidenceFiles.holdsMoreThanFiles', { root, maxFiles: MAX_FILES }));
  const collect = (dir: string, code: string, depth: number) => {
    for (const e of listDir(dir).sort(byName)) {
      if (isIgnoredFile(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) collect(full, code, depth + 1);
      else if (e.isFile()) {
        if (files.length >= MAX_FILES) throw tooMany();
        files.push({ code, file: full });
      }
    }
  };
  const walk = (dir: string, depth: number) => {
    for (const e of listDir(dir).sort(byName)) {
      if (isIgnoredFile(e.name)) continue;
      const full = path.join(dir, e.name);
      const code = e.isDirectory() ? codeOfFolder(e.name) : null;
      if (code && leafCodes.indexOf(code) >= 0) collect(full, code, depth + 1);
      else if (code && parentCodes.indexOf(code) >= 0 && depth < MAX_DEPTH) walk(full, depth + 1);
      else if (e.isFile() || e.isDirectory()) unplaced.push(path.relative(root, full));
    }
  };
  walk(root, 0);
  return { files, unplaced };
}

/** A link to `file` as the workbook in `workbookDir` should hold it: relative with "/" where it can be. */
export function linkFromWorkbook(workbookDir: string, file: string): string {
  const relative = path.relative(path.resolve(workbookDir), file);
  return path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** The key a file link is compared by: the absolute path it names, NFC, case ignored; null for web links. */
export function fileLinkKey(workbookDir: string, link: string): string | null {
  const c = classifyLink(link);
  if (!c || c.kind !== 'file') return null;
  const target = resolveFilePath(folderPath(workbookDir), c.path);
  return target ? pathKey(target) : null;
}

/** A relative link of a workbook in `fromDir`, rewritten for a copy written to `toDir`. */
export function rebaseLink(link: string, fromDir: string, toDir: string): string {
  if (path.resolve(fromDir) === path.resolve(toDir)) return link;
  const c = classifyLink(link);
  if (!c || c.kind !== 'file' || c.path.style !== 'relative') return link;
  const target = resolveFilePath(folderPath(fromDir), c.path);
  if (!target) return link;
  const relative = relativePath(folderPath(toDir), target);
  return relative === null ? formatFilePath(target) : relative;
}

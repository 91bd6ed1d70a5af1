// Evidence links as people paste them: http(s) addresses (SharePoint, OneDrive), file:// URLs, UNC
// paths (\\server\share\...), Windows and POSIX absolute paths, and paths relative to the workbook.
// Pure string work: which links are safe to put behind a hyperlink, where a file link points, and
// whether two links name the same file (NFC/NFD and upper/lower case alike, as on Windows).

import { Message } from './errors';
import { shorten } from '../text/catalogue';

/** A file location split into parts; `segments` never holds "" or ".". */
export interface FilePath {
  /** relative: to the workbook's folder; windows: "C:"; unc: "\\server\share"; posix: "/". */
  style: 'relative' | 'windows' | 'unc' | 'posix';
  /** "C:", "server/share" or "" (relative and posix). */
  root: string;
  /** Folder and file names; a relative path may start with "..". */
  segments: string[];
}

export type ClassifiedLink =
  | { kind: 'web'; href: string }
  | { kind: 'file'; path: FilePath }
  | { kind: 'bad'; reason: Message };

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Characters Windows refuses in a file or folder name (besides the separators). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST = /^[^\s/?#@:\\]+(:\d{1,5})?$/;

function bad(vi: string, en: string): ClassifiedLink {
  return { kind: 'bad', reason: { vi, en } };
}

/** Decodes %XX escapes; null when they are malformed. */
function percentDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Drops "." and resolves ".." inside the path; a ".." above an absolute root makes it malformed. */
function cleanSegments(parts: string[], absolute: boolean): string[] | null {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (absolute) return null;
      else out.push('..');
      continue;
    }
    out.push(part);
  }
  return out;
}

function filePath(style: FilePath['style'], root: string, rest: string, raw: string): ClassifiedLink {
  const parts = rest.split(/[\\/]+/);
  const badName = parts.filter((p) => WINDOWS_FORBIDDEN.test(p))[0];
  if (badName !== undefined) {
    return bad(`Đường dẫn "${raw}" có ký tự không dùng được trong tên tệp (< > : " | ? *).`,
      `The path "${raw}" has a character not allowed in file names (< > : " | ? *).`);
  }
  const segments = cleanSegments(parts, style !== 'relative');
  if (!segments) return bad(`Đường dẫn "${raw}" dùng ".." vượt quá thư mục gốc.`, `The path "${raw}" climbs above its root with "..".`);
  return { kind: 'file', path: { style, root, segments } };
}

/** A path with no scheme: UNC, rooted, or relative to the workbook's folder. */
function classifyPath(text: string, raw: string): ClassifiedLink {
  const unc = /^[\\/]{2}([^\\/]+)[\\/]+([^\\/]+)(.*)$/.exec(text);
  if (unc) {
    if (unc[1] === '?' || unc[1] === '.') return bad(`Đường dẫn "${raw}" không được hỗ trợ; hãy ghi \\\\máy-chủ\\thư-mục\\tệp.`, `The path "${raw}" is not supported; write \\\\server\\share\\file.`);
    return filePath('unc', unc[1] + '/' + unc[2], unc[3], raw);
  }
  if (/^[\\/]{2}/.test(text)) return bad(`Đường dẫn mạng "${raw}" thiếu tên máy chủ hoặc thư mục chia sẻ.`, `The network path "${raw}" lacks a server or share name.`);
  if (/^[\\/]/.test(text)) return filePath('posix', '', text, raw);
  return filePath('relative', '', text, raw);
}

function classifyFileUrl(text: string, raw: string): ClassifiedLink {
  const decoded = percentDecode(text.replace(/^file:/i, ''));
  if (decoded === null || CONTROL.test(decoded)) return bad(`Địa chỉ "${raw}" bị lỗi mã hóa (%).`, `The address "${raw}" has broken % escapes.`);
  // file:///C:/x, file:/C:/x and file://localhost/C:/x are local; file://server/share/x is UNC.
  const local = /^(?:\/\/localhost)?\/*([A-Za-z]:[\\/].*)$/i.exec(decoded);
  if (local) return filePath('windows', local[1].slice(0, 2).toUpperCase(), local[1].slice(2), raw);
  if (/^\/\/\//.test(decoded) || /^\/[^/]/.test(decoded)) return filePath('posix', '', decoded, raw);
  if (/^\/\/localhost\//i.test(decoded)) return filePath('posix', '', decoded.slice('//localhost'.length), raw);
  if (/^\/\/[^/]/.test(decoded)) return classifyPath(decoded, raw);
  return bad(`Địa chỉ "${raw}" không đúng dạng file:///ổ-đĩa/thư-mục/tệp.`, `The address "${raw}" is not of the form file:///drive/folder/file.`);
}

/**
 * What a link is, or why it cannot be used. `hyperlinkTarget`: the text comes from a cell's hyperlink
 * (percent-encoded, as spreadsheets store relative targets) rather than from what a person typed.
 * An empty text is no link at all: null.
 */
export function classifyLink(text: string, hyperlinkTarget = false): ClassifiedLink | null {
  const c = classify(text, hyperlinkTarget);
  if (c && c.kind === 'file' && !c.path.segments.length) {
    const raw = text.trim();
    return bad(`"${raw}" là một thư mục gốc, không phải một tệp.`, `"${raw}" is a root folder, not a file.`);
  }
  return c;
}

function classify(text: string, hyperlinkTarget: boolean): ClassifiedLink | null {
  const raw = text.normalize('NFC').trim();
  if (!raw) return null;
  if (CONTROL.test(raw)) {
    return bad(`Liên kết "${raw.replace(CONTROL, ' ')}" có ký tự điều khiển (xuống dòng, tab): hãy dán lại một đường dẫn trên một dòng.`,
      `The link "${raw.replace(CONTROL, ' ')}" has control characters (line breaks, tabs): paste one path on one line.`);
  }
  const drive = /^([A-Za-z]):(.*)$/.exec(raw);
  if (drive) {
    if (!/^[\\/]/.test(drive[2])) return bad(`Đường dẫn "${raw}" thiếu dấu \\ sau tên ổ đĩa (ví dụ C:\\Minh chung\\tep.pdf).`, `The path "${raw}" lacks a \\ after the drive (e.g. C:\\Evidence\\file.pdf).`);
    return filePath('windows', drive[1].toUpperCase() + ':', drive[2], raw);
  }
  const scheme = SCHEME.exec(raw);
  if (scheme) {
    const name = scheme[1].toLowerCase();
    if (name === 'http' || name === 'https') {
      const rest = raw.slice(scheme[0].length);
      const host = /^\/\/([^/?#]*)/.exec(rest);
      if (!host || !HOST.test(host[1])) return bad(`Địa chỉ "${raw}" thiếu tên máy chủ hợp lệ (ví dụ https://tenmien.sharepoint.com/...).`, `The address "${raw}" lacks a valid host (e.g. https://tenant.sharepoint.com/...).`);
      if (/\s/.test(rest)) return bad(`Địa chỉ "${raw}" có dấu cách: hãy sao chép lại địa chỉ từ trình duyệt.`, `The address "${raw}" contains spaces: copy it again from the browser.`);
      return { kind: 'web', href: raw };
    }
    if (name === 'file') return classifyFileUrl(raw, raw);
    return bad(`Liên kết "${shorten(raw)}" dùng giao thức "${name}:" không an toàn hoặc không được hỗ trợ; chỉ dùng đường dẫn tệp, \\\\máy-chủ\\..., http:// hoặc https://.`,
      `The link "${shorten(raw)}" uses the unsafe or unsupported scheme "${name}:"; use a file path, \\\\server\\..., http:// or https://.`);
  }
  if (hyperlinkTarget) {
    const decoded = percentDecode(raw);
    if (decoded === null) return bad(`Liên kết "${raw}" bị lỗi mã hóa (%).`, `The link "${raw}" has broken % escapes.`);
    return classifyPath(decoded.normalize('NFC'), raw);
  }
  return classifyPath(raw, raw);
}

/** An absolute FilePath from a folder of this machine ("C:\\Ho so", "/srv/ho-so", "\\\\server\\share\\x"). */
export function absoluteFolder(folder: string): FilePath | null {
  const c = classify(folder, false);
  if (!c || c.kind !== 'file' || c.path.style === 'relative') return null;
  return c.path;
}

/** Where a file link points, seen from the workbook's folder; null when ".." climbs above a root. */
export function resolveFilePath(base: FilePath, link: FilePath): FilePath | null {
  if (link.style !== 'relative') return link;
  const segments = cleanSegments(base.segments.concat(link.segments), true);
  return segments ? { style: base.style, root: base.root, segments } : null;
}

/** One name as compared: NFC and lower case, since Windows and macOS ignore case and macOS writes NFD. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The whole path as compared. */
export function pathKey(p: FilePath): string {
  return [p.style, nameKey(p.root)].concat(p.segments.map(nameKey)).join('/');
}

/** The segments of `p` below `folder`, or null when `p` is not inside it. */
export function segmentsBelow(folder: FilePath, p: FilePath): string[] | null {
  if (folder.style !== p.style || nameKey(folder.root) !== nameKey(p.root)) return null;
  if (p.segments.length <= folder.segments.length) return null;
  for (let i = 0; i < folder.segments.length; i++) if (nameKey(folder.segments[i]) !== nameKey(p.segments[i])) return null;
  return p.segments.slice(folder.segments.length);
}

/** A path relative to `from` (a folder), with "/" separators; null when they share no root. */
export function relativePath(from: FilePath, to: FilePath): string | null {
  if (from.style !== to.style || nameKey(from.root) !== nameKey(to.root)) return null;
  let common = 0;
  while (common < from.segments.length && common < to.segments.length && nameKey(from.segments[common]) === nameKey(to.segments[common])) common++;
  const up = from.segments.slice(common).map(() => '..');
  return up.concat(to.segments.slice(common)).join('/');
}

/** A path written out in its own style: "C:\\a\\b", "\\\\server\\share\\a", "/a/b", "a/b". */
export function formatFilePath(p: FilePath): string {
  if (p.style === 'windows') return p.root + '\\' + p.segments.join('\\');
  if (p.style === 'unc') return '\\\\' + p.root.replace('/', '\\') + '\\' + p.segments.join('\\');
  if (p.style === 'posix') return '/' + p.segments.join('/');
  return p.segments.join('/');
}
/** The hyperlink a plan may put on a link cell: never one whose scheme could run code. */
export function safeHyperlink(link: string): string | undefined {
  const c = classifyLink(link);
  return c && c.kind !== 'bad' ? link.trim() : undefined;
}


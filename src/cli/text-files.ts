// Small text files the CLI reads and writes: criteria tables as CSV, criteria sets as JSON. Read whole
// with a size limit, decoded as people save them (UTF-8 with or without BOM, UTF-16), JSON errors placed
// at their line and column; written beside the target and renamed over it.

import * as path from 'path';
import * as fs from 'fs';
import { UserError, refuse } from '../core/model/errors';
import { writeFileWhole } from '../adapters/files';
import { message } from '../core/text/node';

/** Criteria tables and sets are small; anything larger is not one. */
export const MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Reading
export function readSmallFile(file: string): Buffer {
  const base = path.basename(file);
  let size: number;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) refuse('not-a-file', message('cli.textFiles.folderFile', { base }));
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    refuse('not-found', message('cli.findReadFile', { base }));
  }
  if (size > MAX_TEXT_FILE_BYTES) refuse('too-large', message('cli.textFiles.tooLargeOverMb', { base }));
  try {
    return fs.readFileSync(file);
  } catch {
    refuse('not-found', message('cli.textFiles.readFile', { base }));
  }
}

/** Text of a CSV or JSON file: UTF-8 with or without BOM, or UTF-16 with BOM (Excel's "Unicode text"). */
export function decodeText(bytes: Buffer, base: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    return swapped.swap16().toString('utf16le');
  }
  const text = bytes.toString('utf8');
  if (text.indexOf('\uFFFD') >= 0) {
    refuse('encoding', message('cli.textFiles.utfTextPerhapsOld', { base }));
  }
  return text;
}

/** End of the JSON string starting at `start` (after its closing quote), or -1 - the error offset. */
export function scanJsonString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') return i + 1;
    if (ch < ' ') return -1 - i;
    if (ch === '\\') {
      const escape = text[i + 1];
      if (escape === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return -1 - i;
        i += 5;
      } else if (escape !== undefined && '"\\/bfnrt'.indexOf(escape) >= 0) i++;
      else return -1 - i;
    }
  }
  return -1 - text.length;
}

/**
 * Offset of the first JSON syntax error (text.length when the text ends too early): V8's messages
 * do not always say where. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  const closers: string[] = [];
  let expect: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'next' = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && ' \t\n\r'.indexOf(text[i]) >= 0) i++;
    if (i >= text.length) return text.length;
    const ch = text[i];
    const top = closers[closers.length - 1];
    if (expect === 'next') {
      if (!top) return i;
      if (ch === ',') expect = top === '}' ? 'key' : 'value';
      else if (ch === top) closers.pop();
      else return i;
      i++;
    } else if (expect === 'colon') {
      if (ch !== ':') return i;
      expect = 'value';
      i++;
    } else if ((expect === 'value-or-close' && ch === ']') || (expect === 'key-or-close' && ch === '}')) {
      closers.pop();
      expect = 'next';
      i++;
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (ch !== '"') return i;
      const end = scanJsonString(text, i);
      if (end < 0) return -1 - end;
      expect = 'colon';
      i = end;
    } else if (ch === '{' || ch === '[') {
      closers.push(ch === '{' ? '}' : ']');
      expect = ch === '{' ? 'key-or-close' : 'value-or-close';
      i++;
    } else if (ch === '"') {
      const end = scanJsonString(text, i);
      if (end < 0) return -1 - end;
      expect = 'next';
      i = end;
    } else {
      const literal = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 1000));
      if (!literal) return i;
      expect = 'next';
      i += literal[0].length;
    }
    if (expect === 'next' && closers.length === 0) {
      while (i < text.length && ' \t\n\r'.indexOf(text[i]) >= 0) i++;
      return i;
    }
  }
}

export function readJsonFile(file: string): unknown {
  const base = path.basename(file);
  const text = decodeText(readSmallFile(file), base).replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch {
    const offset = jsonErrorOffset(text);
    if (offset >= text.length) refuse('bad-json', message('cli.textFiles.validJsonEmptyCut', { base }));
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    refuse('bad-json', message('cli.textFiles.validJsonErrorLine', { base, line, column }));
  }
}

// ---------------------------------------------------------------------------------------------
// Writing
/** Writes the set whole or not at all (an interrupted run never leaves half a set). */
export function writeJsonFile(file: string, data: unknown): void {
  writeFileWhole(file, Buffer.from(JSON.stringify(data, null, 2) + '\n', 'utf8'));
}

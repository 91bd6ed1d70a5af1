// The evidence rules of DESIGN.md §3.2: missing-evidence, bad-link and evidence-not-found. They read
// the Minh chứng register and, for workbooks made before it, links typed into the evidence cells.
import { a1, cellAt, cellText } from '../model/grid';
import { classifyLink, formatFilePath } from '../model/evidence-link';
import { leafEvidence } from '../sheets/register/read';
import type { CheckContext, Rule } from './contract';
import { FlatNode } from '../model/criteria';
import { Message } from '../model/errors';
import { tidyDate } from '../model/evidence-format';
import { message, points, shorten } from '../text/catalogue';
import { extraItemsByCode } from '../sheets/scoring/extras';

/** A link found in the workbook, with where it stands and which criterion it backs. */
interface PlacedLink {
  link: string;
  /** True for a cell's hyperlink target (stored percent-encoded), false for text a person typed. */
  hyperlinkTarget: boolean;
  code: string | null;
  sheet: string;
  cell: string;
}

/** Every link of the register (the text, and the cell's own hyperlink where it differs) and of typed evidence cells. */
function placedLinks(ctx: CheckContext): PlacedLink[] {
  const { read } = ctx;
  const links: PlacedLink[] = [];
  // The register backs leaves and the bonus and deduction items.
  const known: Record<string, boolean> = {};
  for (const n of ctx.flat) known[n.code] = true;
  for (const code of Object.keys(extraItemsByCode(ctx.read.meta.set))) known[code] = true;
  const register = read.register;
  if (register && register.columns.link !== undefined) {
    const col = register.columns.link;
    for (const r of register.rows) {
      const code = r.doc.codes.filter((c) => known[c])[0] || null;
      const place = { code, sheet: register.sheet.name, cell: a1(r.row, col) };
      // A label over the hyperlink ("Báo cáo") is no path to look for: the hyperlink is the link.
      const text = r.doc.linkText ? '' : cellText(cellAt(register.sheet, r.row, col));
      if (text) links.push({ link: text, hyperlinkTarget: false, ...place });
      if (r.hyperlink && r.hyperlink !== text) links.push({ link: r.hyperlink, hyperlinkTarget: true, ...place });
    }
  }
  for (const n of ctx.flat) {
    if (!n.leaf) continue;
    const typed = leafEvidence(read.sheet, register, n.code, read.rowOf[n.code], read.columns.evidence).typedLink;
    if (typed) links.push({ link: typed, hyperlinkTarget: true, code: n.code, sheet: read.sheet.name, cell: ctx.cellOf(n.code, 'evidence')! });
  }
  return links;
}

/** A register row the tool cannot use, and why (the messages say what to do). */
interface UnusableRow {
  row: number;
  col: number;
  message: Message;
}

/**
 * Every Minh chứng row that backs no leaf, or only in part: no code, a code the set does not have, a
 * criterion's code where a sub-criterion's is needed, "1,4,2" for 1.4.2, an issue date that does not exist.
 */
export function unusableRegisterRows(ctx: CheckContext): UnusableRow[] {
  // Two rules ask (register-row lists them, missing-evidence counts them): worked out once per check.
  let rows = unusableOf.get(ctx);
  if (!rows) unusableOf.set(ctx, (rows = findUnusableRows(ctx)));
  return rows;
}

const unusableOf = new WeakMap<CheckContext, UnusableRow[]>();

function findUnusableRows(ctx: CheckContext): UnusableRow[] {
  const register = ctx.read.register;
  if (!register) return [];
  const byCode: Record<string, FlatNode> = {};
  for (const n of ctx.flat) byCode[n.code] = n;
  const extras = extraItemsByCode(ctx.read.meta.set);
  const example = ctx.flat.filter((n) => n.leaf)[0].code;
  const out: UnusableRow[] = [];
  // A register is found by its Mã tiêu chí header, and a date read only where its column is.
  const codesCol = register.columns.codes!;
  for (const r of register.rows) {
    const row = r.row + 1;
    const raw = cellText(cellAt(register.sheet, r.row, codesCol));
    const parts = r.doc.codes;
    // As typed, before duplicates are dropped: "1,1,2" is 1.1.2, not the codes 1 and 2.
    const typed = raw.replace(/ /g, '').split(/[;,\n]/).filter(Boolean);
    const meant = typed.join('.');
    if (!parts.length) {
      const what = r.doc.number || r.doc.summary || r.doc.link;
      out.push({ row: r.row, col: codesCol, message: message('rule.register.noCode', { row, what: shorten(what, 40), example }) });
    } else if (typed.length > 1 && typed.every((p) => /^\d+$/.test(p)) && /,/.test(raw) && byCode[meant]) {
      out.push({ row: r.row, col: codesCol, message: message('rule.register.malformed', { row, text: raw, parts: typed.join('; '), meant }) });
    } else {
      for (const code of parts) {
        const node = byCode[code];
        if (!node && !extras[code]) out.push({ row: r.row, col: codesCol, message: message('rule.register.unknownCode', { row, code: shorten(code, 30) }) });
        else if (node && !node.leaf) out.push({ row: r.row, col: codesCol, message: message('rule.register.parentCode', { row, code, children: node.childCodes.slice(0, 4).join(', ') + (node.childCodes.length > 4 ? ', …' : '') }) });
      }
    }
    if (r.doc.date && !tidyDate(r.doc.date)) {
      out.push({ row: r.row, col: register.columns.date!, message: message('rule.register.badDate', { row, date: shorten(r.doc.date, 20) }) });
    }
  }
  return out;
}

export const evidenceRules: Rule[] = [
  {
    id: 'register-row',
    run(ctx) {
      const register = ctx.read.register;
      for (const u of unusableRegisterRows(ctx)) {
        ctx.report({ severity: 'warning', rule: 'register-row', code: null, column: 'evidence', sheet: register!.sheet.name, cell: a1(u.row, u.col), message: u.message });
      }
    },
  },
  {
    id: 'missing-evidence',
    run(ctx) {
      const { read } = ctx;
      const unusable = unusableRegisterRows(ctx).map((u) => u.row).filter((r, i, all) => all.indexOf(r) === i).length;
      const hint = unusable ? message('rule.register.hint', { count: unusable }) : { vi: '', en: '' };
      for (const leaf of ctx.flat) {
        const row = read.rowOf[leaf.code];
        if (!leaf.leaf || row === undefined) continue;
        const p = ctx.entry(leaf.code, 'self');
        if (p.kind !== 'number' || p.value <= 0) continue;
        const evidence = leafEvidence(read.sheet, read.register, leaf.code, row, read.columns.evidence);
        if (evidence.rows.length + evidence.typed > 0) continue;
        if (read.columns.note !== undefined && cellText(cellAt(read.sheet, row, read.columns.note))) continue;
        ctx.report({ severity: 'warning', rule: 'missing-evidence', code: leaf.code, column: 'evidence', cell: ctx.cellOf(leaf.code, 'evidence'), message: message('rule.evidence.selfScoreButEvidence', { score: points(p.value), code: leaf.code, hint }) });
      }
    },
  },
  {
    id: 'bad-link',
    run(ctx) {
      const reported: Record<string, boolean> = {};
      for (const l of placedLinks(ctx)) {
        const c = classifyLink(l.link, l.hyperlinkTarget);
        if (!c || c.kind !== 'bad' || reported[l.sheet + '!' + l.cell]) continue;
        reported[l.sheet + '!' + l.cell] = true;
        ctx.report({ severity: 'error', rule: 'bad-link', code: l.code, column: 'evidence', sheet: l.sheet, cell: l.cell, message: c.reason });
      }
    },
  },
  {
    id: 'evidence-not-found',
    run(ctx) {
      const fileExists = ctx.options.fileExists;
      if (!fileExists) return;
      const reported: Record<string, boolean> = {};
      for (const l of placedLinks(ctx)) {
        const c = classifyLink(l.link, l.hyperlinkTarget);
        // A cell's hyperlink is checked only when the cell shows no path of its own.
        if (!c || c.kind !== 'file' || reported[l.sheet + '!' + l.cell]) continue;
        reported[l.sheet + '!' + l.cell] = true;
        const found = fileExists(l.hyperlinkTarget ? formatFilePath(c.path) : l.link);
        if (found === 'found') continue;
        const shown = l.link.length > 80 ? '…' + l.link.slice(-79) : l.link;
        ctx.report({ severity: 'error', rule: 'evidence-not-found', code: l.code, column: 'evidence', sheet: l.sheet, cell: l.cell, message: found === 'missing' ? message('rule.evidence.fileEvidenceFolderRenamed', { shown }) : message('rule.evidence.linkPointsOutsideEvidence', { shown }) });
      }
    },
  },
];

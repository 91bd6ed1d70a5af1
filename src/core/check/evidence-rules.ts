// The evidence rules of DESIGN.md §3.2: missing-evidence, bad-link and evidence-not-found. They read
// the Minh chứng register and, for workbooks made before it, links typed into the evidence cells.
import { a1, cellAt, cellText } from '../model/grid';
import { formatPoints } from '../model/points';
import { classifyLink, formatFilePath } from '../model/evidence-link';
import { leafEvidence } from '../sheets/register/read';
import type { CheckContext, Rule } from './contract';

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
  const known: Record<string, boolean> = {};
  for (const n of ctx.flat) known[n.code] = true;
  const register = read.register;
  if (register && register.columns.link !== undefined) {
    const col = register.columns.link;
    for (const r of register.rows) {
      const code = r.doc.codes.filter((c) => known[c])[0] || null;
      const place = { code, sheet: register.sheet.name, cell: a1(r.row, col) };
      const text = cellText(cellAt(register.sheet, r.row, col));
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

export const evidenceRules: Rule[] = [
  {
    id: 'missing-evidence',
    run(ctx) {
      const { read } = ctx;
      for (const leaf of ctx.flat) {
        const row = read.rowOf[leaf.code];
        if (!leaf.leaf || row === undefined) continue;
        const p = ctx.entry(leaf.code, 'self');
        if (p.kind !== 'number' || p.value <= 0) continue;
        const evidence = leafEvidence(read.sheet, read.register, leaf.code, row, read.columns.evidence);
        if (evidence.rows.length + evidence.typed > 0) continue;
        if (read.columns.note !== undefined && cellText(cellAt(read.sheet, row, read.columns.note))) continue;
        ctx.report({ severity: 'warning', rule: 'missing-evidence', code: leaf.code, column: 'evidence', cell: ctx.cellOf(leaf.code, 'evidence'), message: {
          vi: `Tự chấm ${formatPoints(p.value, 'vi')} điểm nhưng chưa có tài liệu kiểm chứng (trang Minh chứng) và chưa ghi giải trình.`,
          en: `Self score ${formatPoints(p.value, 'en')} but no evidence document (Minh chứng sheet) and no explanation.`,
        } });
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
        ctx.report({ severity: 'error', rule: 'evidence-not-found', code: l.code, column: 'evidence', sheet: l.sheet, cell: l.cell, message: found === 'missing' ? {
          vi: `Không tìm thấy tệp "${shown}" trong thư mục minh chứng: tệp đã bị đổi tên, chuyển đi, hoặc chưa chép vào.`,
          en: `The file "${shown}" is not in the evidence folder: it was renamed, moved, or never copied there.`,
        } : {
          vi: `Liên kết "${shown}" trỏ ra ngoài thư mục minh chứng (--evidence-root): hãy chép tệp vào thư mục đó và liên kết lại.`,
          en: `The link "${shown}" points outside the evidence folder (--evidence-root): copy the file there and link it again.`,
        } });
      }
    },
  },
];

// The add-in's help pages, hosted beside its files: the manifest's "Learn more" and support links
// point at them. Made at build time from the documents in docs/ (the add-in's section of the README,
// and the first-run checklist), so there is one text to keep up to date. Markdown as those documents
// write it: headings, paragraphs, lists, tables, code blocks, links, pictures, bold, italic and code.
'use strict';
const { Buffer } = require('buffer');
const fs = require('fs');
const path = require('path');

/** Each page: the document it comes from, and its title. */
const PAGES = [
  { source: 'addin.md', page: 'huong-dan.html', title: 'Chấm điểm CCHC — Hướng dẫn add-in Excel' },
  { source: 'first-run.md', page: 'kiem-tra-lan-dau.html', title: 'Chấm điểm CCHC — Kiểm tra lần đầu trên máy thật' },
];

/** A heading's anchor: GitHub's ("hỗ-trợ") without the marks ("ho-tro"), so links from both work. */
function slug(text) {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown: code, pictures, links, bold, italic. `link` maps a target (or drops it: null). */
function inline(text, link, pictures) {
  const codes = [];
  let out = text.replace(/`([^`]+)`/g, (m, code) => {
    codes.push('<code>' + escapeHtml(code) + '</code>');
    return '\ue000' + (codes.length - 1) + '\ue000';
  });
  out = escapeHtml(out);
  out = out.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (m, alt, src) => {
    pictures.push(src);
    return '<img src="' + src + '" alt="' + alt + '">';
  });
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (m, label, target) => {
    const href = link(target.replace(/&amp;/g, '&'));
    if (href !== null && /\.(png|jpe?g)$/i.test(href)) pictures.push(href);
    return href === null ? label : '<a href="' + escapeHtml(href) + '">' + label + '</a>';
  });
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>').replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  return out.replace(/\ue000(\d+)\ue000/g, (m, i) => codes[Number(i)]);
}

function cells(row) {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

/** The Markdown of docs/ as HTML; `pictures` collects the pictures it shows. */
function markdownToHtml(markdown, link, pictures) {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/);
  const html = [];
  let paragraph = [];
  let list = null;
  const flush = () => {
    if (paragraph.length) html.push('<p>' + inline(paragraph.join(' '), link, pictures) + '</p>');
    paragraph = [];
    if (list) html.push('</' + list + '>');
    list = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^```/.test(line)) {
      flush();
      const code = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) code.push(lines[i]);
      html.push('<pre><code>' + escapeHtml(code.join('\n')) + '</code></pre>');
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length;
      const id = slug(heading[2]);
      html.push('<h' + level + ' id="' + id + '">' + inline(heading[2], link, pictures) + '</h' + level + '>');
      continue;
    }
    if (/^\|/.test(line) && i + 1 < lines.length && /^\|[\s:|-]+\|?\s*$/.test(lines[i + 1])) {
      flush();
      const head = cells(line).map((c) => '<th>' + inline(c, link, pictures) + '</th>').join('');
      const body = [];
      for (i += 2; i < lines.length && /^\|/.test(lines[i]); i++) body.push('<tr>' + cells(lines[i]).map((c) => '<td>' + inline(c, link, pictures) + '</td>').join('') + '</tr>');
      i--;
      html.push('<table><thead><tr>' + head + '</tr></thead><tbody>' + body.join('') + '</tbody></table>');
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    if (item) {
      const kind = /\d/.test(item[2]) ? 'ol' : 'ul';
      if (paragraph.length) {
        html.push('<p>' + inline(paragraph.join(' '), link, pictures) + '</p>');
        paragraph = [];
      }
      if (list !== kind) {
        if (list) html.push('</' + list + '>');
        html.push('<' + kind + '>');
        list = kind;
      }
      const text = [item[3]];
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*]|\d+\.)\s/.test(lines[i + 1])) text.push(lines[++i].trim());
      html.push('<li>' + inline(text.join(' '), link, pictures) + '</li>');
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (list) flush();
    paragraph.push(line.trim());
  }
  flush();
  return html.join('\n');
}

function page(title, body) {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: "Segoe UI", Arial, sans-serif; line-height: 1.5; max-width: 52rem; margin: 0 auto; padding: 1rem; color: #1b1b1b; }
  h1, h2, h3 { line-height: 1.25; } code { background: #f3f3f3; padding: 0 .2em; } pre { background: #f3f3f3; padding: .75rem; overflow-x: auto; }
  table { border-collapse: collapse; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; vertical-align: top; text-align: left; }
  img { max-width: 100%; border: 1px solid #ddd; } nav { margin-bottom: 1rem; font-size: .95em; }
</style>
</head>
<body>
<nav><a href="huong-dan.html">Hướng dẫn</a> · <a href="kiem-tra-lan-dau.html">Kiểm tra lần đầu</a></nav>
${body}
</body>
</html>
`;
}

/**
 * The help pages and the pictures they show, as files to put beside the add-in's. Links to another
 * page made here point at it; links to other documents of docs/ become plain text (not hosted).
 * @returns [{ file, content }] with paths relative to the output folder
 */
function helpPageFiles(docsDir) {
  const made = {};
  for (const p of PAGES) made[p.source] = p.page;
  const link = (target) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return target;
    const [file, anchor] = target.split('#');
    if (!file) return '#' + slug(anchor);
    if (made[file]) return made[file] + (anchor ? '#' + slug(anchor) : '');
    if (/\.(png|jpe?g)$/i.test(file)) return target;
    return null;
  };
  const files = [];
  const seen = {};
  for (const p of PAGES) {
    const pictures = [];
    const body = markdownToHtml(fs.readFileSync(path.join(docsDir, p.source), 'utf8'), link, pictures);
    files.push({ file: p.page, content: Buffer.from(page(p.title, body), 'utf8') });
    for (const picture of pictures) {
      if (seen[picture]) continue;
      seen[picture] = true;
      files.push({ file: picture, content: fs.readFileSync(path.join(docsDir, picture)) });
    }
  }
  return files;
}

module.exports = { helpPageFiles, markdownToHtml, PAGES };

// The order people read a report in: the workbook as a whole first, then each domain in tree order,
// then the bonus and deduction items; within a group, the sheet's rows top to bottom. Rules report in
// the order they run; this puts their issues in reading order once, so the CLI and the pane only show.

import { FlatNode } from '../model/criteria';
import { Lang, Message, say } from '../model/errors';
import { parseA1 } from '../model/grid';
import { ROW_MARKERS } from '../model/layout';
import { message } from '../text/catalogue';
import { ScoringRead } from '../sheets/scoring/read';
import { extraItemsByCode } from '../sheets/scoring/extras';
import { Issue } from './contract';
import { IssueGroup } from './report';

type Collected = Omit<Issue, 'message' | 'domain'> & { message: Message };

/** The issues in reading order with their group, and the groups that have issues. */
export function orderIssues(read: ScoringRead, flat: FlatNode[], collected: Collected[], lang: Lang): { issues: Issue[]; groups: IssueGroup[] } {
  const position: Record<string, number> = {};
  const domainOf: Record<string, string> = {};
  flat.forEach((n, i) => {
    position[n.code] = i;
    domainOf[n.code] = n.domainCode;
  });
  const extras = extraItemsByCode(read.meta.set);
  Object.keys(extras).forEach((code, i) => (position[code] = flat.length + i));
  // The coded rows of the scoring sheet, top to bottom: an issue at a row without a code belongs to
  // the item above it (a row inserted inside a block belongs to that block).
  const codedRows = Object.keys(read.codeRows).map(Number).sort((a, b) => a - b);
  const itemAbove = (row: number): string | null => {
    let found: string | null = null;
    for (const r of codedRows) {
      if (r > row) break;
      found = read.codeRows[r];
    }
    return found;
  };
  const placed = collected.map((issue, index) => {
    let code = issue.code;
    let offset = 0;
    if (code === null && issue.cell && issue.sheet === read.sheet.name) {
      const at = parseA1(issue.cell);
      code = at ? itemAbove(at.row) : null;
      offset = 0.5;
    }
    let group: string | null = null;
    if (code !== null && domainOf[code] !== undefined) group = domainOf[code];
    else if (code !== null && extras[code]) group = ROW_MARKERS[extras[code].kind];
    const at = code !== null && position[code] !== undefined ? position[code] + offset : -1;
    return { issue, index, group, at };
  });
  const domains = read.meta.set.nodes;
  const groupOrder: Array<string | null> = [null as string | null]
    .concat(domains.map((n) => n.code))
    .concat([ROW_MARKERS.bonus, ROW_MARKERS.deduction]);
  const rank = (g: string | null) => groupOrder.indexOf(g);
  placed.sort((a, b) => rank(a.group) - rank(b.group) || a.at - b.at || a.index - b.index);
  const issues: Issue[] = placed.map((p) => ({ ...p.issue, message: say(p.issue.message, lang), domain: p.group }));
  const groups: IssueGroup[] = [];
  for (const g of groupOrder) {
    const mine = issues.filter((i) => i.domain === g);
    if (!mine.length) continue;
    const errors = mine.filter((i) => i.severity === 'error').length;
    const domain = domains.filter((n) => n.code === g)[0];
    groups.push({ domain: g, stt: domain ? domain.stt : '', name: domain ? domain.name : groupName(g, lang), errors, warnings: mine.length - errors });
  }
  return { issues, groups };
}

/** The name of a group that is not a domain: the bonus and deduction items, or '' for the workbook as a whole. */
function groupName(group: string | null, lang: Lang): string {
  if (group === ROW_MARKERS.bonus) return say(message('verdict.item.bonus'), lang);
  if (group === ROW_MARKERS.deduction) return say(message('verdict.item.deduction'), lang);
  return '';
}

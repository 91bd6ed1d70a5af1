// The guard before a document enters the register from the pane: codes of sub-criteria of the set,
// số/ký hiệu and date in their official forms, and a link that is safe to put behind a hyperlink.

import { CriteriaSet, flattenSet } from '../../model/criteria';
import { Message } from '../../model/errors';
import { classifyLink } from '../../model/evidence-link';
import { isDocumentNumber, parseCodes, tidyDate, tidyDocumentNumber } from '../../model/evidence-format';
import { EvidenceDoc } from '../../model/entries';
import { RegisterField } from '../../sheets/register/columns';
import { message } from '../../text/catalogue';

export interface DocumentInput {
  /** "1.1.1; 2.3.1" */
  codes: string;
  number: string;
  date: string;
  summary: string;
  /** Số liệu: "12/12 cuộc họp; 98,5% hồ sơ đúng hạn"; absent where the register has no such column. */
  figures?: string;
  link: string;
}

export interface InputProblem {
  field: RegisterField;
  message: Message;
}

/** Excel keeps at most 2,079 characters of a cell hyperlink's address. */
const MAX_LINK_LENGTH = 2000;
const MAX_SUMMARY_LENGTH = 1000;
const MAX_FIGURES_LENGTH = 255;

/**
 * A register row as edited: the words its link cell showed over the hyperlink ("Báo cáo") stay while
 * the link is the same; a new link is shown as itself.
 */
export function editedDocument(doc: EvidenceDoc, before: EvidenceDoc): EvidenceDoc {
  return before.linkText && doc.link === before.link ? { ...doc, linkText: before.linkText } : doc;
}

/** The document as it will be stored, and every reason it cannot be yet. */
export function checkDocumentInput(input: DocumentInput, set: CriteriaSet): { doc: EvidenceDoc; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const problem = (field: RegisterField, vi: string, en: string) => problems.push({ field, message: { vi, en } });
  const doc: EvidenceDoc = {
    codes: parseCodes(input.codes),
    number: tidyDocumentNumber(input.number),
    date: input.date.trim(),
    summary: input.summary.normalize('NFC').trim(),
    figures: (input.figures || '').normalize('NFC').replace(/\s+/g, ' ').trim(),
    link: input.link.normalize('NFC').trim(),
  };

  const leaf: Record<string, boolean> = {};
  for (const f of flattenSet(set)) leaf[f.code] = f.leaf;
  if (!doc.codes.length) problem('codes', 'Ghi ít nhất một mã tiêu chí thành phần, ví dụ 1.1.1.', 'Give at least one sub-criterion code, e.g. 1.1.1.');
  for (const code of doc.codes) {
    if (leaf[code] === undefined) problem('codes', `Mã ${code} không có trong bộ tiêu chí.`, `Code ${code} is not in the criteria set.`);
    else if (!leaf[code]) problem('codes', `${code} là tiêu chí có mục con: ghi mã tiêu chí thành phần (ví dụ ${code}.1).`, `${code} has sub-criteria: give a sub-criterion code (e.g. ${code}.1).`);
  }

  if (doc.number && !isDocumentNumber(doc.number)) {
    problem('number', `Số, ký hiệu "${doc.number}" không đúng dạng: ghi như 125/KH-UBND hoặc 12/2023/QĐ-UBND (ký hiệu viết hoa, ngày ghi ở ô riêng).`,
      `Document number "${doc.number}" is not in the official form: write it like 125/KH-UBND or 12/2023/QĐ-UBND (symbol in capitals, the date in its own box).`);
  }

  if (doc.date) {
    const tidy = tidyDate(doc.date);
    if (tidy) doc.date = tidy;
    else problem('date', `Ngày "${doc.date}" không đúng dạng ngày/tháng/năm, ví dụ 20/12/2023.`, `Date "${doc.date}" is not a day/month/year date, e.g. 20/12/2023.`);
  }

  if (doc.summary.length > MAX_SUMMARY_LENGTH) {
    problem('summary', `Trích yếu dài quá ${MAX_SUMMARY_LENGTH} ký tự.`, `The summary is longer than ${MAX_SUMMARY_LENGTH} characters.`);
  }

  if (doc.figures!.length > MAX_FIGURES_LENGTH) {
    const m = message('figures.tooLong', { max: MAX_FIGURES_LENGTH });
    problems.push({ field: 'figures', message: m });
  }

  if (doc.link) {
    const c = classifyLink(doc.link);
    if (c && c.kind === 'bad') problems.push({ field: 'link', message: c.reason });
    else if (doc.link.length > MAX_LINK_LENGTH) problem('link', `Đường dẫn dài quá ${MAX_LINK_LENGTH} ký tự: Excel không giữ được.`, `The link is longer than ${MAX_LINK_LENGTH} characters: Excel cannot keep it.`);
  }

  if (!doc.number && !doc.summary && !doc.link) {
    problem('summary', 'Ghi số, ký hiệu, trích yếu hoặc đường dẫn của tài liệu.', 'Give the document number, a summary or a link.');
  }
  return { doc, problems };
}

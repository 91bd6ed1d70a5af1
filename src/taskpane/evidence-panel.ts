// "Tài liệu kiểm chứng" in the pane: select any cell of a leaf's row on Chấm điểm and the panel lists
// that leaf's documents from the Minh chứng register, with add, edit and remove. Input is checked by
// the core's guard (number and date formats, safe links) before anything is written.

import { Lang, say } from '../core/model/errors';
import { DocumentInput, InputProblem } from '../core/features/evidence/input';
import { classifyLink } from '../core/model/evidence-link';
import { formatCodes } from '../core/model/evidence-format';
import { CellEdit } from '../core/model/port';
import { SHEETS } from '../core/model/layout';
import { PaneContext } from './context';
import { clear, element, setVisible } from './dom';
import { EvidenceStore, EvidenceView, NO_REGISTER } from './evidence-store';
import { EvidenceDoc } from '../core/model/entries';
import { RegisterField, registerFieldName } from '../core/sheets/register/columns';
import { RegisterRow } from '../core/sheets/register/read';

const TEXTS = {
  vi: {
    heading: 'Tài liệu kiểm chứng',
    intro: 'Chọn một ô trên dòng tiêu chí thành phần ở trang Chấm điểm để xem, thêm, sửa tài liệu kiểm chứng của tiêu chí đó.',
    parent: (code: string) => `Mục ${code} có các tiêu chí thành phần: chọn dòng của một tiêu chí thành phần.`,
    code: (code: string) => `Mã ${code}`,
    count: (n: number) => `${n} tài liệu trên trang Minh chứng`,
    none: 'Chưa có tài liệu kiểm chứng. Thêm tài liệu, hoặc ghi giải trình ở cột Giải trình / Ghi chú nếu không có.',
    noneExplained: (note: string) => `Chưa có tài liệu kiểm chứng; giải trình: ${note}`,
    typed: (n: number) => `Ô Tài liệu kiểm chứng đang ghi tay ${n} tài liệu.`,
    shared: (codes: string) => `Dùng chung cho: ${codes}`,
    noFile: 'Chưa có tệp',
    add: 'Thêm tài liệu',
    edit: 'Sửa',
    remove: 'Xóa',
    removeShared: (code: string) => `Bỏ khỏi ${code}`,
    confirmRemove: 'Xóa tài liệu này khỏi trang Minh chứng?',
    confirmYes: 'Xóa',
    confirmNo: 'Giữ lại',
    formAdd: 'Thêm tài liệu kiểm chứng',
    formEdit: 'Sửa tài liệu kiểm chứng',
    codesHint: 'Một hoặc nhiều mã, cách nhau bằng dấu chấm phẩy: 1.1.1; 2.3.1',
    numberHint: 'Ví dụ 125/KH-UBND; để trống nếu là ảnh, bản quét không số.',
    dateHint: 'Ngày/tháng/năm, ví dụ 20/12/2023.',
    linkHint: 'Dán đường dẫn tệp (Minh chung\\1.1.1 ...\\tep.pdf, \\\\may-chu\\thu-muc\\tep.pdf) hoặc địa chỉ https:// (SharePoint, OneDrive).',
    save: 'Lưu',
    cancel: 'Hủy',
    saving: 'Đang ghi vào trang Minh chứng…',
    added: (code: string) => `Đã thêm tài liệu cho ${code} vào trang Minh chứng.`,
    updated: 'Đã sửa tài liệu trên trang Minh chứng.',
    removed: 'Đã bỏ tài liệu khỏi tiêu chí.',
    invalid: 'Chưa lưu: xem các ô được đánh dấu.',
    failed: 'Chưa ghi được vào trang Minh chứng.',
    readFailed: 'Chưa đọc được tài liệu kiểm chứng.',
  },
  en: {
    heading: 'Evidence',
    intro: 'Select a cell on a sub-criterion’s row of the Chấm điểm sheet to see, add and edit its evidence documents.',
    parent: (code: string) => `Item ${code} has sub-criteria: select the row of one of them.`,
    code: (code: string) => `Code ${code}`,
    count: (n: number) => `${n} documents on the Minh chứng sheet`,
    none: 'No evidence yet. Add a document, or write an explanation in the Giải trình / Ghi chú column if there is none.',
    noneExplained: (note: string) => `No evidence yet; explanation: ${note}`,
    typed: (n: number) => `The evidence cell lists ${n} documents typed by hand.`,
    shared: (codes: string) => `Shared with: ${codes}`,
    noFile: 'No file yet',
    add: 'Add a document',
    edit: 'Edit',
    remove: 'Remove',
    removeShared: (code: string) => `Unlink from ${code}`,
    confirmRemove: 'Remove this document from the Minh chứng sheet?',
    confirmYes: 'Remove',
    confirmNo: 'Keep it',
    formAdd: 'Add an evidence document',
    formEdit: 'Edit the evidence document',
    codesHint: 'One or more codes, separated by semicolons: 1.1.1; 2.3.1',
    numberHint: 'For example 125/KH-UBND; leave empty for a photo or an unnumbered scan.',
    dateHint: 'Day/month/year, for example 20/12/2023.',
    linkHint: 'Paste a file path (Evidence\\1.1.1 ...\\file.pdf, \\\\server\\share\\file.pdf) or an https:// address (SharePoint, OneDrive).',
    save: 'Save',
    cancel: 'Cancel',
    saving: 'Writing to the Minh chứng sheet…',
    added: (code: string) => `Document added for ${code} on the Minh chứng sheet.`,
    updated: 'Document updated on the Minh chứng sheet.',
    removed: 'Document unlinked from the criterion.',
    invalid: 'Not saved: see the marked fields.',
    failed: 'The Minh chứng sheet was not changed.',
    readFailed: 'The evidence could not be read.',
  },
};

const FIELDS: RegisterField[] = ['codes', 'number', 'date', 'summary', 'figures', 'link'];

/** Waits this long after the last selection change: arrow keys fire one per cell. */
const SELECTION_DELAY_MS = 200;

export interface EvidencePanel {
  /** Follows the selection; call again after sheets are added (before ExcelApi 1.9 events are per sheet). */
  listen(): Promise<void>;
  /** Shows the evidence of the current selection. */
  refresh(): Promise<void>;
  /** Edits of the register or the scoring sheet change what the panel shows. */
  edited(edit: CellEdit): void;
  relabel(): void;
}

type Editing = { kind: 'add'; code: string } | { kind: 'edit'; row: RegisterRow };

export function createEvidencePanel(ctx: PaneContext, store: EvidenceStore, card: HTMLElement): EvidencePanel {
  const t = () => TEXTS[ctx.lang()];
  const heading = element('h2', { id: 'evidence-heading' });
  const intro = element('p', { class: 'hint' });
  const body = element('div', { id: 'evidence-body', 'aria-live': 'polite' });
  card.setAttribute('aria-labelledby', 'evidence-heading');
  clear(card);
  card.appendChild(heading);
  card.appendChild(intro);
  card.appendChild(body);

  let view: EvidenceView = { kind: 'elsewhere' };
  let editing: Editing | null = null;
  let confirming: number | null = null;
  let problems: InputProblem[] = [];
  let draft: DocumentInput | null = null;
  let stop: (() => Promise<void>) | null = null;
  let timer: number | null = null;
  let stale = false;

  function render(): void {
    const text = t();
    heading.textContent = text.heading;
    intro.textContent = text.intro;
    clear(body);
    if (view.kind === 'parent') body.appendChild(element('p', { class: 'note' }, [text.parent(view.code)]));
    if (view.kind !== 'leaf') return;
    const leaf = view.leaf;
    body.appendChild(element('h3', { class: 'evidence-leaf' }, [`${leaf.stt ? leaf.stt + '. ' : ''}${leaf.name}`]));
    body.appendChild(element('p', { class: 'hint' }, [text.code(leaf.code)]));
    if (!leaf.editable) body.appendChild(element('p', { class: 'note note-warning' }, [say(NO_REGISTER, ctx.lang())]));
    if (leaf.typed) body.appendChild(element('p', { class: 'note' }, [text.typed(leaf.typed)]));
    if (leaf.documents.length) {
      body.appendChild(element('p', { class: 'evidence-count' }, [text.count(leaf.documents.length)]));
      body.appendChild(element('ul', { class: 'evidence-list' }, leaf.documents.map((r) => documentItem(r, leaf.code, leaf.editable))));
    } else if (!leaf.typed) {
      body.appendChild(element('p', { class: leaf.note ? 'note' : 'note note-warning' }, [leaf.note ? text.noneExplained(leaf.note) : text.none]));
    }
    if (!leaf.editable) return;
    if (editing) body.appendChild(form(editing));
    else {
      const add = element('button', { type: 'button', id: 'evidence-add', class: 'primary', 'data-action': '' }, [text.add]);
      add.onclick = () => open({ kind: 'add', code: leaf.code });
      body.appendChild(element('div', { class: 'actions' }, [add]));
    }
  }

  function documentItem(r: RegisterRow, code: string, editable: boolean): HTMLElement {
    const text = t();
    const d = r.doc;
    const title = [d.number, d.date].filter(Boolean).join(' · ');
    const others = d.codes.filter((c) => c !== code);
    const item = element('li', { class: 'evidence-doc', 'data-row': String(r.row + 1) }, [
      title ? element('strong', {}, [title]) : null,
      d.summary ? element('div', {}, [d.summary]) : null,
      d.figures ? element('div', { class: 'evidence-figures' }, [d.figures]) : null,
      linkView(d.link),
      others.length ? element('div', { class: 'hint' }, [text.shared(formatCodes(others))]) : null,
    ]);
    if (!editable) return item;
    if (confirming === r.row) {
      const yes = element('button', { type: 'button', class: 'danger', 'data-action': '' }, [text.confirmYes]);
      const no = element('button', { type: 'button' }, [text.confirmNo]);
      yes.onclick = () => void change(() => store.remove(code, r.row, d).then(() => ({ ok: true as const })), text.removed);
      no.onclick = () => {
        confirming = null;
        render();
      };
      item.appendChild(element('div', { class: 'confirm', role: 'alertdialog' }, [element('p', { class: 'confirm-title' }, [text.confirmRemove]), element('div', { class: 'actions' }, [yes, no])]));
      return item;
    }
    const edit = element('button', { type: 'button', class: 'evidence-edit', 'data-action': '' }, [text.edit]);
    const remove = element('button', { type: 'button', class: 'evidence-remove', 'data-action': '' }, [others.length ? text.removeShared(code) : text.remove]);
    edit.onclick = () => open({ kind: 'edit', row: r });
    remove.onclick = () => {
      // Unlinking a shared document loses nothing; removing the last link deletes the row, so ask.
      if (others.length) void change(() => store.remove(code, r.row, d).then(() => ({ ok: true as const })), text.removed);
      else {
        confirming = r.row;
        render();
      }
    };
    item.appendChild(element('div', { class: 'actions' }, [edit, remove]));
    return item;
  }

  /** A web address opens in the browser; a file path is shown as text (a pane cannot open local files). */
  function linkView(link: string): HTMLElement {
    if (!link) return element('div', { class: 'hint' }, [t().noFile]);
    const c = classifyLink(link);
    if (c && c.kind === 'web') return element('div', { class: 'evidence-link' }, [element('a', { href: c.href, target: '_blank', rel: 'noopener noreferrer' }, [link])]);
    return element('div', { class: 'evidence-link' }, [link]);
  }

  function open(next: Editing): void {
    editing = next;
    problems = [];
    const d: EvidenceDoc | null = next.kind === 'edit' ? next.row.doc : null;
    draft = d
      ? { codes: formatCodes(d.codes), number: d.number, date: d.date, summary: d.summary, figures: d.figures || '', link: d.link }
      : { codes: next.kind === 'add' ? next.code : '', number: '', date: '', summary: '', figures: '', link: '' };
    render();
    const first = document.getElementById('evidence-' + (next.kind === 'add' ? 'number' : 'codes'));
    if (first) first.focus();
  }

  function close(): void {
    editing = null;
    draft = null;
    problems = [];
  }

  function form(current: Editing): HTMLElement {
    const text = t();
    const lang: Lang = ctx.lang();
    const hints: Partial<Record<RegisterField, string>> = { codes: text.codesHint, number: text.numberHint, date: text.dateHint, figures: ctx.t('figures.hint'), link: text.linkHint };
    // A register made before the Số liệu cụ thể column has no place for figures: the form leaves them out.
    const fields = FIELDS.filter((f) => f !== 'figures' || (view.kind === 'leaf' && view.leaf.figures));
    const inputs: Partial<Record<RegisterField, HTMLInputElement>> = {};
    const node = element('form', { id: 'evidence-form', novalidate: '' }, [element('h3', {}, [current.kind === 'add' ? text.formAdd : text.formEdit])]);
    for (const field of fields) {
      const id = 'evidence-' + field;
      const errors = problems.filter((p) => p.field === field).map((p) => say(p.message, lang));
      const described = [hints[field] ? id + '-hint' : '', errors.length ? id + '-error' : ''].filter(Boolean).join(' ');
      const attributes: Record<string, string> = { id, name: field, type: 'text', autocomplete: 'off' };
      if (field === 'date') attributes.placeholder = 'dd/mm/yyyy';
      if (described) attributes['aria-describedby'] = described;
      if (errors.length) attributes['aria-invalid'] = 'true';
      const input = element('input', attributes);
      input.value = draft ? draft[field] || '' : '';
      inputs[field] = input;
      node.appendChild(element('div', { class: 'field' }, [
        element('label', { for: id }, [say(registerFieldName(field), lang)]),
        input,
        hints[field] ? element('p', { class: 'hint', id: id + '-hint' }, [hints[field]!]) : null,
        errors.length ? element('p', { class: 'note note-error', id: id + '-error', role: 'alert' }, [errors.join(' ')]) : null,
      ]));
    }
    if (fields.indexOf('figures') < 0) node.appendChild(element('p', { class: 'hint' }, [ctx.t('figures.noColumn')]));
    const save = element('button', { type: 'submit', class: 'primary', id: 'evidence-save', 'data-action': '' }, [text.save]);
    const cancel = element('button', { type: 'button', id: 'evidence-cancel' }, [text.cancel]);
    cancel.onclick = () => {
      close();
      void refresh();
    };
    node.appendChild(element('div', { class: 'actions' }, [save, cancel]));
    node.onsubmit = (event) => {
      event.preventDefault();
      const input = {} as DocumentInput;
      for (const field of fields) input[field] = inputs[field]!.value;
      draft = input;
      const done = current.kind === 'add' ? text.added(current.code) : text.updated;
      void change(() => (current.kind === 'add' ? store.add(current.code, input) : store.update(current.row.row, current.row.doc, input)), done);
    };
    return node;
  }

  /** Runs one change of the register; shows the guard's problems in the form, or the outcome. */
  async function change(task: () => Promise<{ ok: true } | { ok: false; problems: InputProblem[] }>, done: string): Promise<void> {
    const text = t();
    try {
      const result = await ctx.exclusive(() => {
        ctx.status.progress(text.saving);
        return task();
      });
      if (!result.ok) {
        problems = result.problems;
        ctx.status.problem(text.invalid, result.problems.map((p) => say(p.message, ctx.lang())).join(' '));
        render();
        const invalid = document.querySelector('#evidence-form [aria-invalid="true"]') as HTMLElement | null;
        if (invalid) invalid.focus();
        return;
      }
      close();
      confirming = null;
      ctx.status.success(done);
    } catch (error) {
      confirming = null;
      ctx.status.failure(text.failed, error, ctx.lang());
    }
    await refresh();
  }

  async function refresh(): Promise<void> {
    // An open form keeps what the person is typing; the panel catches up when it closes.
    if (editing) {
      stale = true;
      return;
    }
    stale = false;
    try {
      view = await ctx.exclusive(async () => store.view(await ctx.port.selection()));
    } catch (error) {
      view = { kind: 'elsewhere' };
      ctx.status.failure(t().readFailed, error, ctx.lang());
    }
    confirming = null;
    render();
  }

  function schedule(): void {
    if (timer !== null) window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      timer = null;
      void refresh();
    }, SELECTION_DELAY_MS);
  }

  render();
  setVisible(card, true);

  return {
    async listen() {
      if (stop) await stop();
      stop = await ctx.port.onSelection(schedule);
    },
    refresh,
    edited(edit) {
      if (view.kind !== 'leaf' && edit.sheet !== SHEETS.evidence) return;
      if (editing) stale = true;
      else schedule();
    },
    relabel() {
      render();
      if (!editing && stale) void refresh();
    },
  };
}

// An inline confirmation (role="alertdialog") under the button that asked for it: the safe answer has
// the focus, so Enter or Esc right away leaves the workbook as it is. Used by "Tạo bảng chấm điểm"
// (replacing a sheet) and "Cập nhật bộ tiêu chí" (rebuilding it on a new set).

import { setVisible } from './dom';

export interface ConfirmParts {
  box: HTMLElement;
  yes: HTMLButtonElement;
  no: HTMLButtonElement;
  /** The button that asked: disabled while the question is open, focused again afterwards. */
  trigger: HTMLButtonElement;
}

/** Shows the box (its text already filled in) and resolves with the answer. */
export function askConfirm(parts: ConfirmParts): Promise<boolean> {
  const { box, yes, no, trigger } = parts;
  setVisible(box, true);
  trigger.disabled = true;
  no.focus();
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      yes.onclick = null;
      no.onclick = null;
      box.onkeydown = null;
      setVisible(box, false);
      trigger.disabled = false;
      trigger.focus();
      resolve(answer);
    };
    yes.onclick = () => finish(true);
    no.onclick = () => finish(false);
    box.onkeydown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || event.key === 'Esc') finish(false);
    };
  });
}

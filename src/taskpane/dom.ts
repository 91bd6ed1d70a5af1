// Small DOM helpers for a pane without a framework. Everything here works in Internet Explorer 11.

export function byId<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`taskpane.html has no element #${id}`);
  return found as T;
}

type Child = Node | string | null;

/** Creates an element with attributes and children; strings become text nodes (never HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const name of Object.keys(attributes)) node.setAttribute(name, attributes[name]);
  for (const child of children) {
    if (child === null) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function clear(node: HTMLElement): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function setVisible(node: HTMLElement, visible: boolean): void {
  if (visible) node.removeAttribute('hidden');
  else node.setAttribute('hidden', '');
}

/** The value of the checked radio button of a group, or null. */
export function checkedValue(form: HTMLFormElement, name: string): string | null {
  const inputs = form.querySelectorAll('input[name="' + name + '"]');
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as HTMLInputElement;
    if (input.checked) return input.value;
  }
  return null;
}

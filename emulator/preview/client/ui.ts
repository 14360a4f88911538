/**
 * What WeChat draws over a page: toasts, loading, modals, action sheets, picker sheets and the
 * cards the preview uses where WeChat would leave the mini-program (a call, a map app).
 */

let layer: HTMLElement;

export function mountUi(phone: HTMLElement): void {
  layer = document.createElement('div');
  layer.className = 'hl-layer';
  phone.appendChild(layer);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

// —— toast and loading ——

let toastNode: HTMLElement | null = null;
/** Every toast shown since the page loaded (what was said, even after it faded). */
export const toastLog: string[] = [];
let toastTimer: ReturnType<typeof setTimeout> | undefined;

export interface ToastOptions {
  title: string;
  icon?: 'success' | 'error' | 'loading' | 'none' | string;
  image?: string;
  duration?: number;
  mask?: boolean;
}

export function showToast(o: ToastOptions, loading = false): void {
  hideToast();
  toastLog.push(o.title);
  const icon = loading ? 'loading' : (o.icon ?? 'success');
  const withIcon = icon !== 'none' || !!o.image;
  const node = el('div', `hl-toast ${withIcon ? 'hl-toast--icon' : 'hl-toast--text'}`);
  node.setAttribute('role', 'alert');
  if (o.mask) node.classList.add('hl-toast--mask');
  const box = el('div', 'hl-toast__box');
  if (o.image) box.appendChild(el('img', 'hl-toast__image')).setAttribute('src', o.image);
  else if (withIcon) box.appendChild(el('span', `hl-toast__icon hl-toast__icon--${icon}`));
  box.appendChild(el('span', 'hl-toast__title', o.title));
  node.appendChild(box);
  layer.appendChild(node);
  toastNode = node;
  if (!loading) toastTimer = setTimeout(hideToast, o.duration ?? 1500);
}

export function hideToast(): void {
  clearTimeout(toastTimer);
  toastNode?.remove();
  toastNode = null;
}

// —— dialogs ——

function dialogShell(className: string, onBackdrop?: () => void, extra = ''): { root: HTMLElement; panel: HTMLElement; close: () => void } {
  const root = el('div', `hl-mask ${className} ${extra}`.trim());
  const panel = el('div', `${className}__panel`);
  panel.setAttribute('role', 'dialog');
  root.appendChild(panel);
  if (onBackdrop) root.addEventListener('click', (e) => e.target === root && onBackdrop());
  layer.appendChild(root);
  return { root, panel, close: () => root.remove() };
}

export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  cancelColor?: string;
  confirmText?: string;
  confirmColor?: string;
  editable?: boolean;
  placeholderText?: string;
}

export function showModal(o: ModalOptions): Promise<{ confirm: boolean; cancel: boolean; content?: string }> {
  return new Promise((resolve) => {
    const { panel, close } = dialogShell('hl-modal');
    if (o.title) panel.appendChild(el('div', 'hl-modal__title', o.title));
    let input: HTMLTextAreaElement | null = null;
    if (o.editable) {
      input = panel.appendChild(el('textarea', 'hl-modal__input'));
      input.placeholder = o.placeholderText ?? '';
      input.value = o.content ?? '';
      setTimeout(() => input?.focus(), 0);
    } else if (o.content) panel.appendChild(el('div', 'hl-modal__content', o.content));
    const buttons = panel.appendChild(el('div', 'hl-modal__buttons'));
    const done = (confirm: boolean) => {
      close();
      resolve({ confirm, cancel: !confirm, ...(o.editable ? { content: input?.value ?? '' } : {}) });
    };
    if (o.showCancel !== false) {
      const cancel = buttons.appendChild(el('button', 'hl-modal__cancel', o.cancelText || '取消'));
      cancel.style.color = o.cancelColor ?? '';
      cancel.addEventListener('click', () => done(false));
    }
    const ok = buttons.appendChild(el('button', 'hl-modal__confirm', o.confirmText || '确定'));
    ok.style.color = o.confirmColor ?? '';
    ok.addEventListener('click', () => done(true));
  });
}

/** An action sheet: resolves with the index tapped, or -1 for 取消. */
export function showActionSheet(items: string[], options: { alertText?: string; itemColor?: string } = {}): Promise<number> {
  return new Promise((resolve) => {
    const done = (i: number) => {
      close();
      resolve(i);
    };
    const { panel, close } = dialogShell('hl-sheet', () => done(-1));
    if (options.alertText) panel.appendChild(el('div', 'hl-sheet__alert', options.alertText));
    items.forEach((text, i) => {
      const b = panel.appendChild(el('button', 'hl-sheet__item', text));
      b.style.color = options.itemColor ?? '';
      b.addEventListener('click', () => done(i));
    });
    panel.appendChild(el('button', 'hl-sheet__cancel', '取消')).addEventListener('click', () => done(-1));
  });
}

/** A card with a heading, lines of text and buttons; resolves with the label of the button pressed. */
export function showCard(title: string, lines: string[], buttons: string[] = ['关闭'], className = ''): Promise<string> {
  return new Promise((resolve) => {
    const { panel, close } = dialogShell('hl-card', undefined, className);
    panel.appendChild(el('div', 'hl-card__title', title));
    for (const line of lines) panel.appendChild(el('div', 'hl-card__line', line));
    const row = panel.appendChild(el('div', 'hl-card__buttons'));
    for (const label of buttons) {
      row.appendChild(el('button', 'hl-card__button', label)).addEventListener('click', () => {
        close();
        resolve(label);
      });
    }
  });
}

/** A short notice at the top of the phone that goes away by itself. */
export function showNotice(text: string, ms = 2500): void {
  const node = layer.appendChild(el('div', 'hl-notice', text));
  node.setAttribute('role', 'status');
  setTimeout(() => node.remove(), ms);
}

/** A form in a sheet: labelled fields; resolves with their values, or null for 取消. */
export function showFormSheet(
  title: string,
  fields: Array<{ label: string; value: string; type?: string; options?: string[] }>,
): Promise<string[] | null> {
  return new Promise((resolve) => {
    const done = (values: string[] | null) => {
      close();
      resolve(values);
    };
    const { panel, close } = dialogShell('hl-sheet', () => done(null), 'hl-form-sheet');
    panel.classList.add('hl-form-sheet__panel');
    const head = panel.appendChild(el('div', 'hl-form-sheet__head'));
    head.appendChild(el('button', 'hl-form-sheet__cancel', '取消')).addEventListener('click', () => done(null));
    head.appendChild(el('span', 'hl-form-sheet__title', title));
    const ok = head.appendChild(el('button', 'hl-form-sheet__ok', '确定'));
    const inputs = fields.map((f) => {
      const row = panel.appendChild(el('label', 'hl-form-sheet__row'));
      if (f.label) row.appendChild(el('span', 'hl-form-sheet__label', f.label));
      if (f.options) {
        const select = row.appendChild(el('select', 'hl-form-sheet__select'));
        select.size = Math.min(6, Math.max(2, f.options.length));
        f.options.forEach((text, i) => {
          const option = select.appendChild(el('option', '', text));
          option.value = String(i);
        });
        select.value = f.value;
        select.addEventListener('dblclick', () => ok.click());
        return select;
      }
      const input = row.appendChild(el('input', 'hl-form-sheet__input'));
      input.type = f.type ?? 'text';
      input.value = f.value;
      return input;
    });
    ok.addEventListener('click', () => done(inputs.map((i) => i.value)));
  });
}

export function showImages(urls: string[], current: number): void {
  let index = Math.max(0, current);
  const { root, panel, close } = dialogShell('hl-viewer');
  const img = panel.appendChild(el('img', 'hl-viewer__img'));
  const count = panel.appendChild(el('div', 'hl-viewer__count'));
  const show = () => {
    img.src = urls[index];
    count.textContent = urls.length > 1 ? `${index + 1} / ${urls.length}` : '';
  };
  show();
  root.addEventListener('click', (e) => {
    if (urls.length > 1 && e.target === img) {
      index = (index + 1) % urls.length;
      show();
    } else close();
  });
}

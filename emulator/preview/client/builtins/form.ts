/** Form controls: input, textarea, button, switch, checkbox, radio, slider, picker, form. */
import { defineNative, hoverable, type Native } from './define';

export interface FormHooks {
  /** Opens a picker sheet; resolves with the new value, or null when the person cancels. */
  pick(options: Record<string, any>): Promise<unknown>;
  /** What a button with an `open-type` does in the preview. */
  openType(type: string, self: Native): void;
}

const field = { name: String };

function placeholderColor(style: string): string {
  return /(?:^|;)\s*color\s*:\s*([^;]+)/i.exec(style ?? '')?.[1]?.trim() ?? '';
}

/** `<input>` and `<textarea>` share everything but the element and the default length. */
function textField(name: 'input' | 'textarea'): void {
  defineNative({
    name,
    properties: {
      ...field,
      value: { type: null, value: '' },
      type: { type: String, value: 'text' },
      password: Boolean,
      placeholder: String,
      placeholderStyle: String,
      placeholderClass: String,
      disabled: Boolean,
      maxlength: { type: Number, value: 140 },
      focus: Boolean,
      autoFocus: Boolean,
      autoHeight: Boolean,
      confirmType: String,
    },
    mount(el) {
      const box = document.createElement(name === 'input' ? 'input' : 'textarea');
      box.className = `wx-${name}__native`;
      el.appendChild(box);
      this.box = box;
      const detail = () => ({ value: box.value, cursor: box.selectionStart ?? box.value.length, keyCode: 0 });
      box.addEventListener('input', () => {
        if (this.data.autoHeight) fitHeight(box);
        this.triggerEvent('input', detail());
      });
      box.addEventListener('focus', () => this.triggerEvent('focus', { value: box.value, height: 0 }));
      box.addEventListener('blur', () => this.triggerEvent('blur', { value: box.value, cursor: box.value.length }));
      box.addEventListener('keydown', (e) => {
        const ev = e as KeyboardEvent;
        if (ev.key === 'Enter' && (name === 'input' || this.data.confirmType === 'send')) {
          if (name === 'textarea') ev.preventDefault();
          this.triggerEvent('confirm', { value: box.value });
        }
      });
      (el as any).__hlField = () => [this.data.name, box.value];
    },
    update() {
      const box = this.box as HTMLInputElement | HTMLTextAreaElement;
      const d = this.data;
      const value = d.value === null || d.value === undefined ? '' : String(d.value);
      // As in WeChat, the text moves only when the page gives `value` a new value.
      if (value !== this.lastValue) {
        this.lastValue = value;
        if (box.value !== value) box.value = value;
      }
      box.placeholder = d.placeholder ?? '';
      box.disabled = !!d.disabled;
      if (d.maxlength >= 0) box.maxLength = d.maxlength;
      else box.removeAttribute('maxlength');
      box.style.setProperty('--hl-placeholder-color', placeholderColor(d.placeholderStyle) || '');
      if (box instanceof HTMLInputElement) {
        box.type = d.password || d.type === 'safe-password' ? 'password' : 'text';
        box.inputMode = d.type === 'number' ? 'numeric' : d.type === 'digit' ? 'decimal' : 'text';
      } else if (d.autoHeight) fitHeight(box);
      this.el.toggleAttribute('auto-height', !!d.autoHeight);
      if ((d.focus || d.autoFocus) && !this.focused) {
        this.focused = true;
        setTimeout(() => box.focus(), 0);
      } else if (!d.focus) this.focused = false;
    },
  });
}

function fitHeight(box: HTMLTextAreaElement | HTMLInputElement): void {
  box.style.height = 'auto';
  box.style.height = `${box.scrollHeight}px`;
}

export function defineForm(hooks: FormHooks): void {
  textField('input');
  textField('textarea');

  defineNative({
    name: 'button',
    slot: true,
    properties: {
      size: { type: String, value: 'default' },
      type: { type: String, value: 'default' },
      plain: Boolean,
      disabled: Boolean,
      loading: Boolean,
      formType: String,
      openType: String,
      hoverClass: { type: String, value: 'button-hover' },
      hoverStopPropagation: Boolean,
      hoverStartTime: { type: Number, value: 20 },
      hoverStayTime: { type: Number, value: 70 },
    },
    mount(el) {
      el.setAttribute('role', 'button');
      hoverable(this, el);
      el.addEventListener('click', () => {
        if (this.data.disabled || this.data.loading) return;
        if (this.data.openType) hooks.openType(this.data.openType, this);
        if (this.data.formType === 'submit' || this.data.formType === 'reset') submitForm(el, this.data.formType);
      });
    },
    update(el) {
      const d = this.data;
      el.setAttribute('type', d.type || 'default');
      el.setAttribute('size', d.size || 'default');
      el.toggleAttribute('plain', !!d.plain);
      el.toggleAttribute('disabled', !!d.disabled);
      el.toggleAttribute('loading', !!d.loading);
      el.setAttribute('aria-disabled', String(!!d.disabled));
    },
  });

  defineNative({
    name: 'switch',
    properties: { ...field, checked: Boolean, disabled: Boolean, type: { type: String, value: 'switch' }, color: { type: String, value: '#04BE02' } },
    mount(el) {
      el.setAttribute('role', 'switch');
      el.appendChild(document.createElement('span')).className = 'wx-switch__knob';
      el.addEventListener('click', () => {
        if (this.data.disabled) return;
        this.on = !this.on;
        this.paint();
        this.triggerEvent('change', { value: this.on });
      });
      (el as any).__hlField = () => [this.data.name, this.on];
    },
    update() {
      this.on = !!this.data.checked;
      this.paint();
    },
    methods: {
      paint() {
        this.el.toggleAttribute('checked', !!this.on);
        this.el.toggleAttribute('disabled', !!this.data.disabled);
        this.el.setAttribute('kind', this.data.type);
        this.el.setAttribute('aria-checked', String(!!this.on));
        this.el.style.setProperty('--hl-switch-color', this.data.color);
      },
    },
  });

  for (const kind of ['checkbox', 'radio'] as const) {
    defineNative({
      name: kind,
      slot: true,
      properties: { value: String, checked: Boolean, disabled: Boolean, color: { type: String, value: '#09BB07' } },
      mount(el) {
        const mark = document.createElement('span');
        mark.className = `wx-${kind}__mark`;
        el.prepend(mark);
        el.addEventListener('click', () => {
          if (this.data.disabled) return;
          const group = el.closest(`wx-${kind}-group`) as HTMLElement | null;
          if (kind === 'radio') {
            group?.querySelectorAll('wx-radio').forEach((r) => ((r as any).__hlNative.on = false));
            this.on = true;
          } else this.on = !this.on;
          group?.querySelectorAll(`wx-${kind}`).forEach((r) => (r as any).__hlNative.paint());
          this.paint();
          const native = (group as any)?.__hlNative as Native | undefined;
          if (!native) return;
          const chosen = Array.from(group!.querySelectorAll(`wx-${kind}`))
            .map((r) => (r as any).__hlNative as Native)
            .filter((n) => n.on)
            .map((n) => n.data.value);
          native.triggerEvent('change', { value: kind === 'radio' ? (chosen[0] ?? '') : chosen });
        });
      },
      update() {
        this.on = !!this.data.checked;
        this.paint();
      },
      methods: {
        paint() {
          this.el.toggleAttribute('checked', !!this.on);
          this.el.toggleAttribute('disabled', !!this.data.disabled);
          this.el.style.setProperty('--hl-check-color', this.data.color);
        },
      },
    });
  }

  defineNative({
    name: 'slider',
    properties: { ...field, min: { type: Number, value: 0 }, max: { type: Number, value: 100 }, step: { type: Number, value: 1 }, value: { type: Number, value: 0 }, disabled: Boolean, showValue: Boolean, activeColor: String },
    mount(el) {
      const range = document.createElement('input');
      range.type = 'range';
      el.append(range, document.createElement('span'));
      range.addEventListener('input', () => this.triggerEvent('changing', { value: Number(range.value) }));
      range.addEventListener('change', () => this.triggerEvent('change', { value: Number(range.value) }));
      this.range = range;
      (el as any).__hlField = () => [this.data.name, Number(range.value)];
    },
    update(el) {
      const r = this.range as HTMLInputElement;
      Object.assign(r, { min: String(this.data.min), max: String(this.data.max), step: String(this.data.step), value: String(this.data.value), disabled: !!this.data.disabled });
      (el.lastElementChild as HTMLElement).textContent = this.data.showValue ? String(this.data.value) : '';
    },
  });

  defineNative({
    name: 'picker',
    slot: true,
    properties: {
      ...field,
      mode: { type: String, value: 'selector' },
      range: { type: Array, value: [] },
      rangeKey: String,
      value: { type: null, value: 0 },
      start: String,
      end: String,
      fields: { type: String, value: 'day' },
      disabled: Boolean,
      headerText: String,
      customItem: String,
    },
    mount(el) {
      el.addEventListener('click', async () => {
        if (this.data.disabled || this.open) return;
        this.open = true;
        try {
          const value = await hooks.pick({ ...this.data });
          if (value === null) this.triggerEvent('cancel', {});
          else this.triggerEvent('change', { value });
        } finally {
          this.open = false;
        }
      });
      (el as any).__hlField = () => [this.data.name, this.data.value];
    },
  });

  defineNative({ name: 'form', slot: true });
}

/** A `form-type` button: the values of the named fields inside the nearest <form>. */
function submitForm(button: HTMLElement, kind: string): void {
  const form = button.closest('wx-form') as HTMLElement | null;
  const native = (form as any)?.__hlNative as Native | undefined;
  if (!form || !native) return;
  const value: Record<string, unknown> = {};
  form.querySelectorAll('*').forEach((n) => {
    const get = (n as any).__hlField as (() => [string, unknown]) | undefined;
    if (!get) return;
    const [name, v] = get();
    if (name) value[name] = v;
  });
  if (kind === 'submit') native.triggerEvent('submit', { value, formId: '' });
  else native.triggerEvent('reset', {});
}

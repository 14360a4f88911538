/** scroll-view and swiper. */
import { defineNative } from './define';

export function defineScrolling(): void {
  defineNative({
    name: 'scroll-view',
    slot: true,
    properties: {
      scrollX: Boolean,
      scrollY: Boolean,
      upperThreshold: { type: null, value: 50 },
      lowerThreshold: { type: null, value: 50 },
      scrollTop: { type: null, value: null },
      scrollLeft: { type: null, value: null },
      scrollIntoView: String,
      scrollWithAnimation: Boolean,
      enableFlex: Boolean,
      refresherEnabled: Boolean,
      refresherTriggered: Boolean,
      showScrollbar: { type: Boolean, value: true },
    },
    mount(el) {
      let lastTop = 0;
      let lastLeft = 0;
      let atLower = false;
      let atUpper = true;
      el.addEventListener('scroll', () => {
        const { scrollTop, scrollLeft, scrollHeight, scrollWidth, clientHeight, clientWidth } = el;
        this.triggerEvent('scroll', { scrollTop, scrollLeft, scrollHeight, scrollWidth, deltaX: lastLeft - scrollLeft, deltaY: lastTop - scrollTop });
        lastTop = scrollTop;
        lastLeft = scrollLeft;
        const lower = parseFloat(String(this.data.lowerThreshold)) || 50;
        const upper = parseFloat(String(this.data.upperThreshold)) || 50;
        const nearLower = this.data.scrollX && !this.data.scrollY ? scrollWidth - scrollLeft - clientWidth <= lower : scrollHeight - scrollTop - clientHeight <= lower;
        const nearUpper = this.data.scrollX && !this.data.scrollY ? scrollLeft <= upper : scrollTop <= upper;
        if (nearLower && !atLower) this.triggerEvent('scrolltolower', { direction: this.data.scrollY ? 'bottom' : 'right' });
        if (nearUpper && !atUpper) this.triggerEvent('scrolltoupper', { direction: this.data.scrollY ? 'top' : 'left' });
        atLower = nearLower;
        atUpper = nearUpper;
      });
    },
    update(el) {
      const d = this.data;
      el.toggleAttribute('scroll-x', !!d.scrollX);
      el.toggleAttribute('scroll-y', !!d.scrollY);
      el.toggleAttribute('enable-flex', !!d.enableFlex);
      const behavior: ScrollBehavior = d.scrollWithAnimation ? 'smooth' : 'auto';
      if (d.scrollTop !== null && d.scrollTop !== this.lastTop) {
        this.lastTop = d.scrollTop;
        el.scrollTo({ top: parseFloat(d.scrollTop) || 0, behavior });
      }
      if (d.scrollLeft !== null && d.scrollLeft !== this.lastLeft) {
        this.lastLeft = d.scrollLeft;
        el.scrollTo({ left: parseFloat(d.scrollLeft) || 0, behavior });
      }
      if (d.scrollIntoView && d.scrollIntoView !== this.lastInto) {
        this.lastInto = d.scrollIntoView;
        const target = el.querySelector(`#${CSS.escape(d.scrollIntoView)}`) as HTMLElement | null;
        if (target) el.scrollTo({ top: target.offsetTop - el.offsetTop, left: target.offsetLeft - el.offsetLeft, behavior });
      }
    },
  });

  defineNative({
    name: 'swiper',
    slot: true,
    properties: {
      current: { type: Number, value: 0 },
      autoplay: Boolean,
      interval: { type: Number, value: 5000 },
      duration: { type: Number, value: 500 },
      circular: Boolean,
      vertical: Boolean,
      indicatorDots: Boolean,
      indicatorColor: { type: String, value: 'rgba(0, 0, 0, .3)' },
      indicatorActiveColor: { type: String, value: '#000000' },
    },
    mount(el) {
      const dots = document.createElement('div');
      dots.className = 'wx-swiper__dots';
      el.appendChild(dots);
      this.dots = dots;
      this.index = this.data.current;
      new MutationObserver(() => this.layout()).observe(el, { childList: true });
    },
    update() {
      if (this.data.current !== this.lastCurrent) {
        this.lastCurrent = this.data.current;
        this.index = this.data.current;
      }
      clearInterval(this.timer);
      if (this.data.autoplay) this.timer = setInterval(() => this.go(this.index + 1, 'autoplay'), this.data.interval);
      this.layout();
    },
    unmount() {
      clearInterval(this.timer);
    },
    methods: {
      items(): HTMLElement[] {
        return Array.from(this.el.querySelectorAll(':scope > wx-swiper-item, :scope > * > wx-swiper-item')) as HTMLElement[];
      },
      go(to: number, source: string) {
        const n = this.items().length;
        if (!n) return;
        const next = this.data.circular || source === 'autoplay' ? (to + n) % n : Math.max(0, Math.min(n - 1, to));
        if (next === this.index) return;
        this.index = next;
        this.layout();
        this.triggerEvent('change', { current: next, currentItemId: this.items()[next]?.getAttribute('item-id') ?? '', source });
      },
      layout() {
        const items = this.items();
        const axis = this.data.vertical ? 'Y' : 'X';
        items.forEach((item: HTMLElement, i: number) => {
          item.style.transform = `translate${axis}(${(i - this.index) * 100}%)`;
          item.style.transitionDuration = `${this.data.duration}ms`;
        });
        const dots = this.dots as HTMLElement;
        dots.hidden = !this.data.indicatorDots;
        dots.replaceChildren(
          ...items.map((_: HTMLElement, i: number) => {
            const dot = document.createElement('span');
            dot.style.background = i === this.index ? this.data.indicatorActiveColor : this.data.indicatorColor;
            dot.addEventListener('click', () => this.go(i, 'touch'));
            return dot;
          }),
        );
      },
    },
  });

  defineNative({ name: 'swiper-item', slot: true, properties: { itemId: String } });
}

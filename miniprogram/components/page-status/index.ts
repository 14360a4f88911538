/** Grey bars in the shape of the content to come: a title line, then shorter lines. */
const CARD_ROWS = [{ width: '60%', height: '40rpx' }, { width: '100%' }, { width: '80%' }];

/**
 * What a page shows before it is ready: grey cards while it loads (not bare 加载中 text), or what
 * went wrong in plain words with 重试, which fires `retry` for the page to load again.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    state: { type: String, value: 'loading' },
    errorText: { type: String, value: '' },
    /** How many grey cards stand in for the content. */
    cards: { type: Number, value: 3 },
  },
  data: { rowCol: CARD_ROWS, slots: [0, 1, 2] },
  observers: {
    cards(n: number) {
      this.setData({ slots: Array.from({ length: Math.max(1, n) }, (_, i) => i) });
    },
  },
  methods: {
    onRetry() {
      this.triggerEvent('retry');
    },
  },
});

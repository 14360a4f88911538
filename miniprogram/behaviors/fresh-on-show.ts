type Self = { data: { state: string }; reload(): Promise<void> };

/**
 * Pages whose content changes while another page is on top (a booking made, an item edited, a wish
 * rated): back on this page, what it shows is read again. Not before it was first shown: the first
 * load may still be running, or 重试 is on screen.
 */
export const freshOnShow = Behavior({
  methods: {
    onShow() {
      const self = this as unknown as Self;
      if (self.data.state === 'ready') void self.reload();
    },
  },
});

import type { CardView } from '../../utils/wish-view';

/** One wish on a list: the body opens it; slotted content (staff buttons) sits below. */
Component({
  properties: {
    card: { type: Object, value: {} as CardView },
  },
  methods: {
    onTap() {
      this.triggerEvent('open', { id: (this.data.card as CardView).id });
    },
  },
});

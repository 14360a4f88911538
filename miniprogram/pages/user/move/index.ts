import type { Me, MoveOffer } from '../../../../typings/user';
import * as session from '../../../services/session';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { elderPage } from '../../../behaviors/elder-page';

/**
 * A poster of another community or grid was scanned: say where the person is and where the
 * poster points, and move them only if they say so.
 */
Component({
  behaviors: [elderPage],

  data: {
    state: 'loading' as 'loading' | 'ready' | 'none',
    offer: null as MoveOffer | null,
    /** Where the person is now, in words. */
    here: '',
    /** Where the poster points, in words. */
    there: '',
    otherCommunity: false,
    moving: false,
  },

  methods: {
    async onLoad() {
      const res = await session.ensureMe(); // the login that carried the scanned scene answers the offer
      const offer = session.moveOffer();
      if (!offer || !res.ok) return this.setData({ state: 'none' });
      const me: Me = res.data;
      this.setData({
        state: 'ready',
        offer,
        here: [me.community?.name, me.grid?.name].filter(Boolean).join(' '),
        there: [offer.communityName, offer.gridName].filter(Boolean).join(' '),
        otherCommunity: offer.communityId !== me.community?.id,
      });
    },

    async onMove() {
      const offer = this.data.offer;
      if (!offer || this.data.moving) return;
      this.setData({ moving: true });
      const res = await user.bindCommunity({ scene: offer.scene });
      this.setData({ moving: false });
      if (!res.ok) return toast(res.message);
      session.setMe(res.data.me);
      session.clearMoveOffer();
      toast('已更改');
      wx.switchTab({ url: '/pages/home/index' });
    },

    onStay() {
      session.clearMoveOffer();
      wx.navigateBack({ fail: () => wx.switchTab({ url: '/pages/home/index' }) });
    },
  },
});

import { freshOnShow } from '../../../behaviors/fresh-on-show';
import { memberPage } from '../../../behaviors/member-page';
import type { EarningRule, PointsBalance } from '../../../../typings/points';
import { pagedList, viewPage } from '../../../behaviors/paged-list';
import * as points from '../../../services/points';
import * as user from '../../../services/user';
import { toast } from '../../../utils/dialog';
import { POINTS_PAGES } from '../../../utils/routes';
import { memberQr, spacedMemberNo, toEntryView } from '../../../utils/points-view';

type Link = keyof typeof POINTS_PAGES;

/** 我的积分: the balance, how it was earned and spent, what earns points, and the way to the mall. */
Component({
  behaviors: [memberPage, pagedList, freshOnShow],

  data: {
    balance: 0,
    earned: 0,
    spent: 0,
    /** Balances left in communities the person lived in before: shown, not spendable here. */
    elsewhere: [] as NonNullable<PointsBalance['elsewhere']>,
    rulesOpen: false,
    rules: [] as EarningRule[],
    /** 会员号, spaced for reading out; read when the code is first shown. */
    memberNo: '',
    memberQr: '',
    codeOpen: false,
  },

  methods: {
    onLoad() {
      void this.start();
    },

    async start() {
      const me = await this.ensureMember();
      if (!me) return;
      await this.reload();
    },

    /** The first page of the history comes with the balance; without either the page cannot show. */
    async fetchPage(cursor?: string) {
      const [bal, page] = await Promise.all([cursor ? null : points.balance(), points.history(cursor ? { cursor } : {})]);
      if (bal && !bal.ok) return bal;
      if (bal && page.ok) this.setData({ balance: bal.data.balance, earned: bal.data.earned, spent: bal.data.spent, elsewhere: bal.data.elsewhere ?? [] });
      return viewPage(page, toEntryView);
    },

    /** The rules are read when someone opens them: one call fewer for everyone who does not. */
    async onToggleRules() {
      if (this.data.rulesOpen) return this.setData({ rulesOpen: false });
      this.setData({ rulesOpen: true });
      if (this.data.rules.length) return;
      const res = await points.rules();
      if (!res.ok) {
        this.setData({ rulesOpen: false });
        return toast(res.message);
      }
      this.setData({ rules: res.data.rules.filter((r) => r.points > 0) });
    },

    async onToggleCode() {
      if (this.data.codeOpen) return this.setData({ codeOpen: false });
      this.setData({ codeOpen: true });
      if (this.data.memberNo) return;
      const res = await user.memberCode();
      if (!res.ok) {
        this.setData({ codeOpen: false });
        return toast(res.message);
      }
      this.setData({ memberNo: spacedMemberNo(res.data.memberNo), memberQr: memberQr(res.data.memberNo) });
    },

    onLink(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { to: Link }>) {
      wx.navigateTo({ url: POINTS_PAGES[e.currentTarget.dataset.to] });
    },

  },
});

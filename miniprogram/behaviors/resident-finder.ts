import type { ResidentRow } from '../../typings/user';
import * as user from '../services/user';
import { tell, toast } from '../utils/dialog';
import { memberQuery, spacedMemberNo } from '../utils/points-view';
import type { Change, Tap } from '../base/events';

/** A resident as staff pick them: real name, grid, 会员号 and the masked phone, to tell namesakes apart. */
export interface ResidentMatch {
  id: string;
  text: string;
}

const toMatch = (r: ResidentRow): ResidentMatch => ({
  id: r.id,
  text: [r.displayName, r.grid?.name, r.memberNo ? `会员号 ${spacedMemberNo(r.memberNo)}` : '', r.phoneMasked].filter(Boolean).join(' · '),
});

interface Self {
  data: { q: string; finding: boolean; matches: ResidentMatch[] };
  setData(data: Record<string, unknown>): void;
  find(q: string): Promise<void>;
  choose(m: ResidentMatch): void;
  onResidentChosen?(m: ResidentMatch): void;
}

/**
 * Staff pages that act on one resident (积分奖励, 积分账户): the resident is found by the 积分码 on
 * their 我的积分 page (scanned), or by their 会员号, name or phone (searched), never by an internal
 * id. One match is chosen at once; several are listed to pick from. The page's `onResidentChosen`
 * hears of each choice. The markup is the `resident-finder` template (package-staff/pages/resident-finder.wxml).
 */
export const residentFinder = Behavior({
  data: {
    q: '',
    finding: false,
    matches: [] as ResidentMatch[],
    chosen: null as ResidentMatch | null,
    notFound: false,
  },

  methods: {
    onQuery(e: Change) {
      (this as unknown as Self).setData({ q: e.detail.value });
    },

    onScan() {
      const self = this as unknown as Self;
      wx.scanCode({
        onlyFromCamera: false,
        scanType: ['qrCode'],
        success: (r) => {
          const q = memberQuery(r.result);
          if (!/^\d{7}$/.test(q)) return tell('无法识别', '请扫描居民“我的积分”页上的积分码');
          void self.find(q);
        },
        fail: () => undefined,
      });
    },

    onFind() {
      const self = this as unknown as Self;
      const q = memberQuery(self.data.q);
      if (!q) return toast('请输入会员号、姓名或手机号');
      void self.find(q);
    },

    async find(q: string) {
      const self = this as unknown as Self;
      if (self.data.finding) return;
      self.setData({ finding: true, notFound: false });
      const res = await user.residents({ q });
      self.setData({ finding: false });
      if (!res.ok) return toast(res.message);
      const matches = res.data.items.map(toMatch);
      if (matches.length === 1) return self.choose(matches[0]);
      self.setData({ matches, chosen: null, notFound: !matches.length });
    },

    onChoose(e: Tap<{ id: string }>) {
      const self = this as unknown as Self;
      const chosen = self.data.matches.find((m) => m.id === e.currentTarget.dataset.id);
      if (chosen) self.choose(chosen);
    },

    choose(m: ResidentMatch) {
      const self = this as unknown as Self;
      self.setData({ chosen: m, matches: [], q: '' });
      self.onResidentChosen?.(m);
    },
  },
});

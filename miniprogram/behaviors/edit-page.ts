import { openedWith } from './page-state';

type Query = Record<string, string | undefined>;
type Self = WechatMiniprogram.Component.TrivialInstance & { titles(): { create: string; edit: string }; start(query: Query): Promise<void> };

/**
 * Forms that create a thing, or edit one given `?id=`: the id in `data.id`, the title saying which,
 * then the page's `start(query)`.
 */
export const editPage = Behavior({
  methods: {
    onLoad(query: Query) {
      const self = this as unknown as Self;
      const titles = self.titles();
      Object.assign(openedWith(self), query);
      self.setData({ id: query.id ?? '' });
      wx.setNavigationBarTitle({ title: query.id ? titles.edit : titles.create });
      void self.start(query);
    },
  },
});

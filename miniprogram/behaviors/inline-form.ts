import type { Change } from '../base/events';

/**
 * A form opened in place on a detail page (办结, 评价, 提交凭证 …): its text and photos, and closing it.
 * The page opens it by setting `form` and `formSpec`.
 */
export const inlineForm = Behavior({
  methods: {
    onCloseForm() {
      this.setData({ form: '', formSpec: null });
    },

    onFormText(e: Change) {
      this.setData({ formText: e.detail.value });
    },

    onFormPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      this.setData({ formPhotos: e.detail.ids });
    },
  },
});

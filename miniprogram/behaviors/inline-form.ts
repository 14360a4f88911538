import type { Change } from '../base/events';

type Instance = WechatMiniprogram.Component.TrivialInstance;

/**
 * A form opened in place on a detail page (办结, 评价, 提交凭证 …): its text and photos, and closing it.
 * The page opens it by setting `form` and `formSpec`.
 */
export const inlineForm = Behavior({
  methods: {
    onCloseForm() {
      (this as unknown as Instance).setData({ form: '', formSpec: null });
    },

    onFormText(e: Change) {
      (this as unknown as Instance).setData({ formText: e.detail.value });
    },

    onFormPhotos(e: WechatMiniprogram.CustomEvent<{ ids: string[] }>) {
      (this as unknown as Instance).setData({ formPhotos: e.detail.ids });
    },
  },
});

/** One problem with a form, on the field it is about: `field` names the nodes `#field-<field>` and `#error-<field>`. */
export interface FieldProblem {
  field: string;
  message: string;
}

type Errors = Record<string, string>;
type FieldSelf = Instance & { data: { errors: Errors }; problems(): FieldProblem[] };

/** The first message per field, in the order the problems came (the order of the fields). */
function byField(problems: FieldProblem[], keep?: Errors): Errors {
  const errors: Errors = {};
  for (const p of problems) if (!(p.field in errors) && (!keep || p.field in keep)) errors[p.field] = p.message;
  return errors;
}

const sameErrors = (a: Errors, b: Errors) => Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => a[k] === b[k]);

/**
 * A form whose problems show under their fields (`errors.<field>` in the WXML). The page provides
 * `problems()`: every problem of what is typed now, checked in the order the fields appear. On
 * submit, `showProblems()` puts them all under their fields and scrolls to the first; after that,
 * each edit takes away the errors of the fields now right, at once, and adds none.
 */
export const fieldErrors = Behavior({
  data: { errors: {} as Errors },

  observers: {
    '**'() {
      const self = this as unknown as FieldSelf;
      const shown = self.data.errors;
      if (!shown || Object.keys(shown).length === 0) return;
      const now = byField(self.problems(), shown);
      if (!sameErrors(now, shown)) self.setData({ errors: now });
    },
  },

  methods: {
    /** True when there is nothing to fix; otherwise the errors are shown and the first is scrolled to. */
    showProblems(): boolean {
      const self = this as unknown as FieldSelf;
      const problems = self.problems();
      self.setData({ errors: byField(problems) });
      if (problems.length === 0) return true;
      wx.pageScrollTo({ selector: `#field-${problems[0].field}`, offsetTop: -24, duration: 200 });
      return false;
    },
  },
});

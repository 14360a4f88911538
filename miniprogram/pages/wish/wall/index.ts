// The wish wall arrives with the wish feature; until then the tab shows an honest empty state.
Component({
  data: {},
});

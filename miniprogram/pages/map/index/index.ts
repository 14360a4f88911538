// The map arrives with the map feature; until then the tab shows an honest empty state.
Component({
  data: {},
});

import type { PlaceView } from '../../utils/map-view';

/** One place in a list: the body opens it; 导航 (when `nav`) opens WeChat's map on it. */
Component({
  properties: {
    place: { type: Object, value: {} as PlaceView },
    nav: { type: Boolean, value: false },
  },
  methods: {
    onOpen() {
      this.triggerEvent('open', { id: (this.data.place as PlaceView).id });
    },
    onNavigate() {
      this.triggerEvent('navigate', { id: (this.data.place as PlaceView).id });
    },
  },
});

/**
 * `<map>` without map tiles (they come from Tencent's servers): a plain surface where markers,
 * labels, callouts, circles and the person's position sit at their true places for the centre and
 * scale the page gives, so the layout, the markers and their taps can be tried.
 */
import { assetUrl } from '../files';
import { defineNative, type Native } from './define';

const TILE = 256;

/** Web Mercator: degrees → world pixels at zoom `z`. */
export function project(lat: number, lng: number, z: number): { x: number; y: number } {
  const size = TILE * 2 ** z;
  const s = Math.sin((Math.max(-85, Math.min(85, lat)) * Math.PI) / 180);
  return { x: ((lng + 180) / 360) * size, y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size };
}

export function metersPerPixel(lat: number, z: number): number {
  return (156543.03392 * Math.cos((lat * Math.PI) / 180)) / 2 ** z;
}

interface View {
  latitude: number;
  longitude: number;
  scale: number;
}

/** Maps the page can reach with wx.createMapContext(id). */
const contexts = new Map<string, Native>();

export function mapById(id: string): Native | undefined {
  const native = contexts.get(id);
  return native?.el?.isConnected ? native : undefined;
}

export function fitPoints(points: Array<{ latitude: number; longitude: number }>, width: number, height: number, padding = 40): View | null {
  if (!points.length) return null;
  const lats = points.map((p) => p.latitude);
  const lngs = points.map((p) => p.longitude);
  const center = { latitude: (Math.min(...lats) + Math.max(...lats)) / 2, longitude: (Math.min(...lngs) + Math.max(...lngs)) / 2 };
  for (let z = 18; z >= 3; z--) {
    const a = project(Math.max(...lats), Math.min(...lngs), z);
    const b = project(Math.min(...lats), Math.max(...lngs), z);
    if (b.x - a.x <= width - 2 * padding && b.y - a.y <= height - 2 * padding) return { ...center, scale: z };
  }
  return { ...center, scale: 3 };
}

export function defineMap(whereAmI: () => { latitude: number; longitude: number } | null): void {
  defineNative({
    name: 'map',
    slot: true,
    properties: {
      longitude: Number,
      latitude: Number,
      scale: { type: Number, value: 16 },
      minScale: { type: Number, value: 3 },
      maxScale: { type: Number, value: 20 },
      markers: { type: Array, value: [] },
      circles: { type: Array, value: [] },
      polyline: { type: Array, value: [] },
      includePoints: { type: Array, value: [] },
      showLocation: Boolean,
      enableZoom: { type: Boolean, value: true },
      enableScroll: { type: Boolean, value: true },
    },
    mount(el) {
      const surface = document.createElement('div');
      surface.className = 'wx-map__surface';
      el.prepend(surface);
      this.surface = surface;
      if (el.id) contexts.set(el.id, this);
      this.dragging(surface);
    },
    update(el) {
      if (el.id) contexts.set(el.id, this);
      const d = this.data;
      const key = `${d.latitude},${d.longitude},${d.scale}`;
      if (key !== this.viewKey) {
        this.viewKey = key;
        this.view = { latitude: d.latitude, longitude: d.longitude, scale: d.scale };
      }
      const points = JSON.stringify(d.includePoints ?? []);
      if (points !== this.pointsKey) {
        this.pointsKey = points;
        const fit = fitPoints(d.includePoints ?? [], el.clientWidth || 300, el.clientHeight || 150);
        if (fit) this.view = fit;
      }
      this.draw();
    },
    methods: {
      draw() {
        const surface = this.surface as HTMLElement;
        const view = this.view as View;
        const w = this.el.clientWidth || 300;
        const h = this.el.clientHeight || 150;
        const z = view.scale;
        const c = project(view.latitude, view.longitude, z);
        const at = (lat: number, lng: number) => {
          const p = project(lat, lng, z);
          return { left: w / 2 + p.x - c.x, top: h / 2 + p.y - c.y };
        };
        const parts: HTMLElement[] = [];
        const note = document.createElement('div');
        note.className = 'wx-map__note';
        note.textContent = `地图底图仅在微信中显示 · ${view.latitude.toFixed(4)}, ${view.longitude.toFixed(4)} · 缩放 ${z}`;
        parts.push(note);
        for (const circle of this.data.circles ?? []) {
          const p = at(circle.latitude, circle.longitude);
          const r = circle.radius / metersPerPixel(circle.latitude, z);
          const div = document.createElement('div');
          div.className = 'wx-map__circle';
          Object.assign(div.style, {
            left: `${p.left - r}px`,
            top: `${p.top - r}px`,
            width: `${2 * r}px`,
            height: `${2 * r}px`,
            background: circle.fillColor ?? 'transparent',
            borderColor: circle.color ?? '#000',
            borderWidth: `${circle.strokeWidth ?? 1}px`,
          });
          parts.push(div);
        }
        for (const marker of this.data.markers ?? []) parts.push(this.markerElement(marker, at(marker.latitude, marker.longitude)));
        const me = this.data.showLocation ? whereAmI() : null;
        if (me) {
          const p = at(me.latitude, me.longitude);
          const dot = document.createElement('div');
          dot.className = 'wx-map__me';
          Object.assign(dot.style, { left: `${p.left}px`, top: `${p.top}px` });
          parts.push(dot);
        }
        surface.replaceChildren(...parts);
      },
      markerElement(marker: Record<string, any>, p: { left: number; top: number }): HTMLElement {
        const box = document.createElement('div');
        box.className = 'wx-map__marker';
        const width = parseFloat(marker.width) || 24;
        const height = parseFloat(marker.height) || 32;
        const [ax, ay] = [marker.anchor?.x ?? 0.5, marker.anchor?.y ?? 1];
        Object.assign(box.style, { left: `${p.left - ax * width}px`, top: `${p.top - ay * height}px`, width: `${width}px`, height: `${height}px` });
        if (marker.iconPath) {
          const img = document.createElement('img');
          img.src = assetUrl(marker.iconPath);
          img.alt = marker.title ?? '';
          box.appendChild(img);
        } else box.classList.add('wx-map__marker--pin');
        if (marker.label?.content) box.appendChild(bubble('wx-map__label', marker.label.content));
        // A callout shows always (ALWAYS), or once its marker is tapped (BYCLICK), as in WeChat.
        const callout = marker.callout?.content ? bubble('wx-map__callout', marker.callout.content) : null;
        if (callout) {
          callout.hidden = marker.callout.display !== 'ALWAYS' && this.openCallout !== marker.id;
          callout.addEventListener('click', (e) => {
            e.stopPropagation();
            this.triggerEvent('callouttap', { markerId: marker.id });
          });
          box.appendChild(callout);
        }
        box.title = marker.title ?? marker.callout?.content ?? marker.label?.content ?? '';
        box.addEventListener('click', (e) => {
          e.stopPropagation();
          this.openCallout = marker.id;
          this.draw();
          this.triggerEvent('markertap', { markerId: marker.id });
        });
        return box;
      },
      dragging(surface: HTMLElement) {
        let from: { x: number; y: number; c: { x: number; y: number } } | null = null;
        const end = (type: string) => this.triggerEvent('regionchange', { type, causedBy: type === 'end' ? 'drag' : 'gesture', detail: { ...this.view } });
        surface.addEventListener('pointerdown', (e) => {
          if (!this.data.enableScroll) return;
          const v = this.view as View;
          from = { x: e.clientX, y: e.clientY, c: project(v.latitude, v.longitude, v.scale) };
          end('begin');
        });
        surface.addEventListener('pointermove', (e) => {
          if (!from || !(e.buttons & 1)) return;
          this.view = { ...this.view, ...unproject(from.c.x - (e.clientX - from.x), from.c.y - (e.clientY - from.y), this.view.scale) };
          this.draw();
        });
        surface.addEventListener('pointerup', () => {
          if (from) end('end');
          from = null;
        });
        surface.addEventListener('wheel', (e) => {
          if (!this.data.enableZoom) return;
          e.preventDefault();
          const v = this.view as View;
          this.view = { ...v, scale: Math.max(this.data.minScale, Math.min(this.data.maxScale, v.scale + (e.deltaY < 0 ? 1 : -1))) };
          this.draw();
          end('end');
        }, { passive: false });
      },
      moveTo(latitude: number, longitude: number) {
        this.view = { ...this.view, latitude, longitude };
        this.draw();
      },
      include(points: Array<{ latitude: number; longitude: number }>, padding?: number) {
        const fit = fitPoints(points, this.el.clientWidth || 300, this.el.clientHeight || 150, padding);
        if (fit) this.view = fit;
        this.draw();
      },
    },
  });
}

function bubble(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

function unproject(x: number, y: number, z: number): { latitude: number; longitude: number } {
  const size = TILE * 2 ** z;
  const longitude = (x / size) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / size;
  return { latitude: (180 / Math.PI) * Math.atan(0.5 * (Math.exp(n) - Math.exp(-n))), longitude };
}

import { angle } from './geo';

/**
 * `$geoWithin` ($geometry Polygon/MultiPolygon, $centerSphere) and `$geoIntersects`, which the
 * SDK sends for `db.command.geoWithin` / `geoIntersects` (@cloudbase/database
 * src/serializer/query.ts, GEO_WITHIN / GEO_INTERSECTS) and mingo lacks. Edges are straight in
 * longitude/latitude, not geodesics as in MongoDB's 2dsphere: the same for shapes the size of a
 * community, slightly off for shapes spanning hundreds of kilometres.
 */
type Pt = [number, number];
type Geometry = { type: string; coordinates: any };

/** The vertices and edges of a shape, and its rings when it has an inside. */
interface Shape {
  points: Pt[];
  segments: Array<[Pt, Pt]>;
  polygons: Pt[][][];
}

export function geoWithin(value: unknown, spec: Record<string, any>): boolean {
  const shape = shapeOf(value);
  if (!shape) return false;
  if (spec.$centerSphere) {
    const [center, radius] = spec.$centerSphere as [Pt, number];
    return shape.points.every((p) => angle(center, p) <= radius);
  }
  const area = spec.$geometry ? shapeOf(spec.$geometry) : undefined;
  if (!area?.polygons.length) throw new Error('$geoWithin needs a Polygon or MultiPolygon $geometry, or $centerSphere');
  return shape.points.every((p) => area.polygons.some((poly) => inPolygon(p, poly)));
}

export function geoIntersects(value: unknown, spec: Record<string, any>): boolean {
  const a = shapeOf(value);
  const b = spec.$geometry ? shapeOf(spec.$geometry) : undefined;
  if (!b) throw new Error('$geoIntersects needs a $geometry');
  if (!a) return false;
  const inside = (pts: Pt[], s: Shape) => pts.some((p) => s.polygons.some((poly) => inPolygon(p, poly)));
  if (inside(a.points, b) || inside(b.points, a)) return true;
  if (a.points.some((p) => b.points.some((q) => p[0] === q[0] && p[1] === q[1]))) return true;
  if (a.points.some((p) => b.segments.some((s) => onSegment(p, s))) || b.points.some((p) => a.segments.some((s) => onSegment(p, s)))) return true;
  return a.segments.some((s) => b.segments.some((t) => crosses(s, t)));
}

function shapeOf(v: unknown): Shape | undefined {
  if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')) return build([v as Pt], [], []);
  const g = v as Geometry | null;
  if (!g || typeof g !== 'object' || typeof g.type !== 'string' || !Array.isArray(g.coordinates)) return undefined;
  const c = g.coordinates;
  switch (g.type) {
    case 'Point':
      return build([c as Pt], [], []);
    case 'MultiPoint':
      return build(c, [], []);
    case 'LineString':
      return build(c, [c], []);
    case 'MultiLineString':
      return build(c.flat(), c, []);
    case 'Polygon':
      return build(c.flat(), c, [c]);
    case 'MultiPolygon':
      return build(c.flat(2), c.flat(), c);
    default:
      return undefined;
  }
}

function build(points: Pt[], lines: Pt[][], polygons: Pt[][][]): Shape {
  const segments: Array<[Pt, Pt]> = [];
  for (const l of lines) for (let i = 1; i < l.length; i++) segments.push([l[i - 1], l[i]]);
  return { points, segments, polygons };
}

/** Even-odd ray casting over the outer ring and its holes; a point on an edge is inside. */
function inPolygon(p: Pt, rings: Pt[][]): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (onSegment(p, [ring[j], ring[i]])) return true;
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function onSegment(p: Pt, [a, b]: [Pt, Pt]): boolean {
  return cross(a, b, p) === 0 && Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);
}

function crosses([a, b]: [Pt, Pt], [c, d]: [Pt, Pt]): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

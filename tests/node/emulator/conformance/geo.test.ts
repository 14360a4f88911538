import { _, db, fresh, ids } from './scratch';

// Geo commands as the SDK serializes them (@cloudbase/database src/serializer/query.ts
// GEO_NEAR / GEO_WITHIN / GEO_INTERSECTS) over MongoDB's spherical model.
// The SDK's typings declare only Point; Polygon and LineString exist at run time (geo/index.ts).
type Shape = ConstructorParameters<typeof db.Geo.Point> extends unknown[] ? object : never;
const Geo = db.Geo as typeof db.Geo & { Polygon: new (lines: Shape[]) => Shape; LineString: new (points: Shape[]) => Shape };
const P = (lng: number, lat: number) => new db.Geo.Point(lng, lat);
const square = (x0: number, y0: number, x1: number, y1: number) =>
  new Geo.Polygon([new Geo.LineString([P(x0, y0), P(x1, y0), P(x1, y1), P(x0, y1), P(x0, y0)])]);

describe('geo', () => {
  const places = [
    { _id: 'in', loc: P(120.32, 32.85) },
    { _id: 'near', loc: P(120.305, 32.86) },
    { _id: 'out', loc: P(120.5, 32.85) },
  ];

  it('geoWithin a polygon', async () => {
    const c = await fresh('within', places);
    const res = await db.collection(c).where({ loc: _.geoWithin({ geometry: square(120.3, 32.8, 120.4, 32.9) }) }).get();
    expect(ids(res)).toEqual(['in', 'near']);
  });

  it('geoWithin centerSphere, the radius in radians of the 6,378,100 m earth', async () => {
    const c = await fresh('sphere', places);
    const km = (n: number) => (n * 1000) / 6378100;
    const res = await db.collection(c).where({ loc: _.geoWithin({ centerSphere: [P(120.32, 32.85), km(3)] }) }).get();
    expect(ids(res)).toEqual(['in', 'near']);
    const tiny = await db.collection(c).where({ loc: _.geoWithin({ centerSphere: [[120.32, 32.85], km(0.1)] }) }).get();
    expect(ids(tiny)).toEqual(['in']);
  });

  it('geoIntersects a polygon, and a line crossing a stored polygon', async () => {
    const c = await fresh('intersects', [...places, { _id: 'area', loc: square(121, 33, 121.1, 33.1) }]);
    const inSquare = await db.collection(c).where({ loc: _.geoIntersects({ geometry: square(120.3, 32.8, 120.4, 32.9) }) }).get();
    expect(ids(inSquare)).toEqual(['in', 'near']);
    const line = new Geo.LineString([P(120.9, 33.05), P(121.2, 33.05)]);
    expect(ids(await db.collection(c).where({ loc: _.geoIntersects({ geometry: line }) }).get())).toEqual(['area']);
  });

  it('geoNear distances use the 6,378,100 m radius (aggregate.ts EARTH_RADIUS)', async () => {
    const c = await fresh('near', [{ _id: 'east', loc: P(10, 0) }]);
    const res = await db
      .collection(c)
      .aggregate()
      .geoNear({ near: P(0, 0), distanceField: 'd', spherical: true, key: 'loc' })
      .end();
    expect((res.data[0] as any).d).toBeCloseTo((6378100 * Math.PI) / 18, 3);
  });
});

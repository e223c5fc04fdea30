import { Box3, Color, Matrix4, Vector3, type BufferAttribute } from 'three';
import { describe, expect, it } from 'vitest';
import { catalogFor, newHall, newRack, type Containment, type ProjectDocument } from '../../../shared/index';
import { buildStressSite } from '../../../shared/testing/stressSite';
import { indexRacksByHall } from '../hallIndex';
import { AISLE_TINT, UNIT_SELECTED } from '../coolingLook';
import { diffAisles, drawAisles, PANELS, siteAislesFor, type AislesDrawn } from './siteAisles';
import { capacityFor, MergedShapes, unitPanel } from './siteInstances';
import { siteLayout } from './siteLayout';

/**
 * Where instance i's panel (the unit square of siteInstances.ts) lies on the site: the box its four
 * corners span, to the millimetre. A panel scaled to nothing spans a point.
 */
function panel(mesh: MergedShapes, i: number) {
  const m = new Matrix4();
  mesh.getMatrixAt(i, m);
  const round = (v: number) => Math.round(v * 1000) / 1000 + 0;
  const span = new Box3();
  for (const [x, y] of [
    [-0.5, -0.5],
    [0.5, -0.5],
    [0.5, 0.5],
    [-0.5, 0.5],
  ])
    span.expandByPoint(new Vector3(x, y, 0).applyMatrix4(m));
  return { min: span.min.toArray().map(round), max: span.max.toArray().map(round) };
}

const meshFor = (n: number) => new MergedShapes(unitPanel(), capacityFor(n * PANELS));
const positions = (mesh: MergedShapes) => mesh.geometry.getAttribute('position') as BufferAttribute;
/** A panel has 4 corners of 3 numbers: its span of the position buffer. */
const SPAN = 4 * 3;

/** As the renderer does once it has sent the spans marked: the next update's spans are its own. */
function sent(mesh: MergedShapes): void {
  positions(mesh).clearUpdateRanges();
  (mesh.geometry.getAttribute('color') as BufferAttribute).clearUpdateRanges();
}

describe('site view containment', () => {
  /**
   * Hall B (second of two 20 × 10 m halls: at x = 26 on the site) with two rows of two 600 × 1200 mm
   * racks (2.27 m tall) back to back: row 1 at y = 2 facing −y (backs at y = 2.6), row 2 at
   * y = 4.4 facing +y (backs at y = 3.8). The hot aisle between them runs along x from 0.7 to 1.9
   * (the racks at x = 1 and 1.6, 0.3 m either side) and from y = 2.6 to 3.8.
   */
  const halls = ['A', 'B'].map((id) => newHall({ id, name: id, code: id, width: 20, depth: 10, height: 5 }));
  const rack = (id: string, x: number, y: number, rowId: string, rotationDeg: 0 | 180) =>
    newRack({ id, name: id, hallId: 'B', rackTypeId: 'rack-48u-600x1200', position: { x, y }, rowId, rotationDeg });
  const racks = [
    rack('a', 1, 2, 'r1', 0),
    rack('b', 1.6, 2, 'r1', 0),
    rack('c', 1, 4.4, 'r2', 180),
    rack('d', 1.6, 4.4, 'r2', 180),
  ];
  const hot: Containment = {
    id: 'hac',
    hallId: 'B',
    name: 'Hot aisle',
    type: 'hot',
    rowIds: ['r1', 'r2'],
    bypassFraction: 0.05,
    recirculationFraction: 0.03,
  };
  // Its rows hold no racks: the hall view cannot place it, nor can the site.
  const empty: Containment = { ...hot, id: 'cac', hallId: 'A', name: 'Cold aisle', type: 'cold', rowIds: ['none'] };
  const layout = siteLayout(halls, []);
  const catalog = catalogFor({ customDevices: [] });
  const selection: ReadonlySet<string> = new Set();

  it('draws the roof over the aisle and a door at each end, as the hall view does, at the hall’s offset', () => {
    const mesh = meshFor(2);
    drawAisles(mesh, null, { containments: [empty, hot], racks: indexRacksByHall(racks), layout, catalog, selection });
    expect(mesh.count).toBe(6);
    for (let i = 0; i < PANELS; i++) expect(panel(mesh, i)).toEqual({ min: [0, 0, 0], max: [0, 0, 0] });
    // Roof: over the aisle (x 26 + 0.7 … 26 + 1.9, y 2.6 … 3.8) at the racks' height.
    expect(panel(mesh, 3)).toEqual({ min: [26.7, 2.27, 2.6], max: [27.9, 2.27, 3.8] });
    // The aisle runs along x: its ends close it at x = 0.7 and 1.9, from the floor to the roof.
    expect(panel(mesh, 4)).toEqual({ min: [26.7, 0, 2.6], max: [26.7, 2.27, 3.8] });
    expect(panel(mesh, 5)).toEqual({ min: [27.9, 0, 2.6], max: [27.9, 2.27, 3.8] });
    const c = new Color();
    mesh.getColorAt(3, c);
    expect(`#${c.getHexString()}`).toBe(AISLE_TINT.hot);
    mesh.getColorAt(0, c);
    expect(`#${c.getHexString()}`).toBe(AISLE_TINT.cold);
  });

  it('a rack moved places its hall’s aisles again, and only those', () => {
    const index = indexRacksByHall(racks);
    const first = drawAisles(meshFor(2), null, {
      containments: [empty, hot],
      racks: index,
      layout,
      catalog,
      selection,
    }).drawn;
    sent(first.shapes);
    const moved = racks.map((r) => (r.id === 'b' ? { ...r, position: { x: 2.2, y: 2 } } : r));
    const update = drawAisles(first.shapes, first, {
      containments: [empty, hot],
      racks: indexRacksByHall(moved, index),
      layout,
      catalog,
      selection,
    });
    expect(update.written).toBe(true);
    expect(positions(first.shapes).updateRanges).toEqual([{ start: 3 * SPAN, count: 3 * SPAN }]);
    // The aisle now reaches x = 2.5 on row 1's side.
    expect(panel(first.shapes, 3)).toEqual({ min: [26.7, 2.27, 2.6], max: [28.5, 2.27, 3.8] });
  });

  it('paints a selected containment in the selection’s colour, and repaints only it when the selection changes', () => {
    const inputs = { containments: [empty, hot], racks: indexRacksByHall(racks), layout, catalog };
    const first = drawAisles(meshFor(2), null, { ...inputs, selection: new Set(['hac']) }).drawn;
    const colourOf = (i: number) => `#${first.shapes.getColorAt(i, new Color()).getHexString()}`;
    for (let p = 0; p < PANELS; p++) expect(colourOf(3 + p)).toBe(UNIT_SELECTED);
    expect(colourOf(0)).toBe(AISLE_TINT.cold);
    sent(first.shapes);
    // Unselected, and the cold aisle selected: both repainted, nothing placed again.
    const update = drawAisles(first.shapes, first, { ...inputs, selection: new Set(['cac']) });
    expect(update.written).toBe(true);
    expect(positions(first.shapes).updateRanges).toEqual([]);
    const colours = first.shapes.geometry.getAttribute('color') as BufferAttribute;
    expect(colours.updateRanges).toEqual([{ start: 0, count: 6 * SPAN }]);
    for (let p = 0; p < PANELS; p++) expect(colourOf(3 + p)).toBe(AISLE_TINT.hot);
    expect(colourOf(0)).toBe(UNIT_SELECTED);
    sent(first.shapes);
    // The same selection again: nothing written.
    expect(drawAisles(first.shapes, update.drawn, { ...inputs, selection: update.drawn.selection }).written).toBe(
      false,
    );
  });
});

describe('site view containment on the stress campus', () => {
  const doc = buildStressSite(10_000);
  const catalog = catalogFor(doc);
  const layout = siteLayout(doc.halls, doc.buildings);
  const racks = indexRacksByHall(doc.racks);
  const draw = (before: AislesDrawn | null, d: ProjectDocument, index = racks) =>
    drawAisles(before?.shapes ?? meshFor(d.containments.length), before, {
      containments: d.containments,
      racks: index,
      layout,
      catalog,
      selection: new Set(),
    });

  it('holds three panels per contained aisle: 41 full halls × 6 hot aisles, and 4 in the last', () => {
    const { drawn } = draw(null, doc);
    // 10,000 racks: 41 halls of 240 (12 rows, 6 pairs) and 160 in the last (8 rows, 4 pairs).
    expect(doc.containments).toHaveLength(41 * 6 + 4);
    expect(drawn.shapes.count).toBe(750);
    // Hot aisle 5.2 (hall 5 at (276, 0) on the site, siteUnits.test.ts): rows 5.4 and 5.5, whose
    // 20 racks stand at x = 2 … 13.4 (0.6 m apart), row 5.4 at y = 2 + 4.8 × 2 = 11.6 facing −y,
    // row 5.5 at 14 facing +y: the aisle spans x 1.7 … 13.7 and y 12.2 … 13.4.
    const c = doc.containments.findIndex((x) => x.id === 'hac-5-2');
    expect(panel(drawn.shapes, c * PANELS)).toEqual({ min: [276 + 1.7, 2.27, 12.2], max: [276 + 13.7, 2.27, 13.4] });
  });

  it('a rack moved rewrites its hall’s 6 aisles (18 panels), no other', () => {
    const first = draw(null, doc).drawn;
    sent(first.shapes);
    const before = new Float32Array(first.shapes.matrices);
    const moved = doc.racks.map((r, k) =>
      k === 1_300 ? { ...r, position: { ...r.position, x: r.position.x - 0.5 } } : r,
    );
    const index = indexRacksByHall(moved, racks);
    const next = siteAislesFor(doc.containments, index, first.aisles);
    const diff = diffAisles(first.aisles, next);
    const hall5 = doc.containments.flatMap((c, k) =>
      c.hallId === 'hall-5' ? [0, 1, 2].map((p) => k * PANELS + p) : [],
    );
    expect(diff).toEqual({ full: false, changed: hall5, from: hall5[0], to: hall5.at(-1) });
    draw(first, { ...doc, racks: moved }, index);
    expect(positions(first.shapes).updateRanges).toEqual([{ start: hall5[0]! * SPAN, count: 18 * SPAN }]);
    // Rack 1,300 is row 5.5's first (k = 100: row 5, x = 2, now 1.5): hot aisle 5.2 now starts at
    // 1.2 instead of 1.7, so its roof and its west end moved; its east end and the other aisles did not.
    const after = first.shapes.matrices;
    const differing = new Set<number>();
    for (let k = 0; k < after.length; k++) if (after[k] !== before[k]) differing.add(Math.floor(k / 16));
    const roof = doc.containments.findIndex((x) => x.id === 'hac-5-2') * PANELS;
    expect([...differing]).toEqual([roof, roof + 1]);
  });

  it('no rack or containment changed: nothing written', () => {
    const first = draw(null, doc).drawn;
    const update = draw(first, { ...doc });
    expect(update.written).toBe(false);
  });
});

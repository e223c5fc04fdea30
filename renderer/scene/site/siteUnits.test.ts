import {
  Color,
  Matrix4,
  Mesh,
  MeshStandardMaterial,
  Quaternion,
  Raycaster,
  Vector3,
  type BufferAttribute,
} from 'three';
import { describe, expect, it } from 'vitest';
import {
  catalogFor,
  newHall,
  newRack,
  type CatalogView,
  type CoolingUnit,
  type Hall,
  type ProjectDocument,
  type Rack,
} from '../../../shared/index';
import { buildStressSite } from '../../../shared/testing/stressSite';
import { indexRacksByHall, type RackIndex } from '../hallIndex';
import { capacityFor, MergedShapes, openBox } from './siteInstances';
import { siteLayout, type SiteLayout } from './siteLayout';
import { UNIT_COLOUR, UNIT_SELECTED } from '../coolingLook';
import { diffUnits, drawUnits, siteUnitsFor, type UnitsDrawn } from './siteUnits';

const NONE: ReadonlySet<string> = new Set();

/** Position, scale and yaw (degrees, about +Y) of instance i, rounded to the millimetre. */
function placed(mesh: MergedShapes, i: number) {
  const m = new Matrix4();
  mesh.getMatrixAt(i, m);
  const p = new Vector3();
  const q = new Quaternion();
  const s = new Vector3();
  m.decompose(p, q, s);
  const round = (v: number) => Math.round(v * 1000) / 1000 + 0;
  // decompose() reads a matrix that scales to nothing as no scaling at all: the columns' lengths say it.
  s.set(...([0, 1, 2].map((c) => new Vector3().setFromMatrixColumn(m, c).length()) as [number, number, number]));
  const yaw = Math.round((2 * Math.atan2(q.y, q.w) * 180) / Math.PI);
  return { at: p.toArray().map(round), size: s.toArray().map(round), yaw: ((yaw % 360) + 360) % 360 };
}

const colourOf = (mesh: MergedShapes, i: number) => {
  const c = new Color();
  mesh.getColorAt(i, c);
  return `#${c.getHexString()}`;
};

const positions = (mesh: MergedShapes) => mesh.geometry.getAttribute('position') as BufferAttribute;
const colours = (mesh: MergedShapes) => mesh.geometry.getAttribute('color') as BufferAttribute;

/** As the renderer does once it has sent the spans marked: the next update's spans are its own. */
function sent(mesh: MergedShapes): MergedShapes {
  positions(mesh).clearUpdateRanges();
  colours(mesh).clearUpdateRanges();
  return mesh;
}

/** A unit's box has 8 corners of 3 numbers: its span of the position and colour buffers. */
const SPAN = 8 * 3;

const meshFor = (n: number) => new MergedShapes(openBox(), capacityFor(n));

/**
 * Two 20 × 10 m halls in no building: A at the site's corner, B 20 m + 6 m (HALL_GAP_M) along x,
 * so at (26, 0). A holds one of each unit standing in a hall; B a rack with a rear door. A chiller
 * stands outside.
 */
function smallSite() {
  const halls: Hall[] = ['A', 'B'].map((id) =>
    newHall({ id, name: `Hall ${id}`, code: id, width: 20, depth: 10, height: 5 }),
  );
  const rack = newRack({
    id: 'r1',
    name: 'R1',
    hallId: 'B',
    rackTypeId: 'rack-48u-600x1200',
    position: { x: 5, y: 4 },
    rotationDeg: 90,
  });
  const base = { existing: false, rejectionId: null };
  const cooling: CoolingUnit[] = [
    {
      ...base,
      kind: 'air-handler',
      id: 'crah',
      name: 'CRAH 1',
      hallId: 'A',
      position: { x: 3, y: 9 },
      rotationDeg: 0,
      type: 'crah',
      widthM: 2.5,
      depthM: 0.9,
      heightM: 2,
      sensibleKw: 300,
      airflowM3h: 60_000,
      supplyC: 20,
      fanKw: 7.5,
      containmentId: null,
    },
    {
      kind: 'fan-wall',
      id: 'fw',
      name: 'Fan wall',
      existing: false,
      hallId: 'A',
      position: { x: 10, y: 0.4 },
      rotationDeg: 180,
      widthM: 4,
      heightM: 3,
      airflowM3h: 100_000,
      outdoorDryBulbC: 35,
      outdoorWetBulbC: 24,
      padEffectiveness: 0.8,
      fanKw: 20,
    },
    {
      kind: 'heat-rejection',
      id: 'ch',
      name: 'Chiller',
      existing: false,
      type: 'chiller',
      capacityKw: 1_000,
      designAmbientC: 35,
      cop: 5,
      powerKw: 0,
      zoneId: null,
    },
    {
      ...base,
      kind: 'cdu',
      id: 'cdu',
      name: 'CDU 1',
      hallId: 'A',
      position: { x: 15, y: 5 },
      rotationDeg: 90,
      widthM: 0.8,
      depthM: 1.2,
      heightM: 2,
      capacityKw: 800,
      flowLpm: 1_000,
      deltaTK: 10,
      supplyC: 30,
      pumpKw: 5,
    },
    {
      kind: 'rear-door',
      id: 'rd',
      name: 'Rear door R1',
      existing: false,
      rackId: 'r1',
      capacityKw: 40,
      waterSupplyC: 18,
      waterReturnC: 28,
      loopId: null,
    },
  ];
  const layout = siteLayout(halls, []);
  return { halls, racks: [rack], cooling, layout, catalog: catalogFor({ customDevices: [] }) };
}

describe('site view cooling units', () => {
  it('draws each unit as the hall view does, at its hall’s site offset, one instance per unit', () => {
    const { racks, cooling, layout, catalog } = smallSite();
    expect(layout.halls.get('B')).toEqual({ x: 26, y: 0 });
    const mesh = meshFor(cooling.length);
    const index = indexRacksByHall(racks);
    drawUnits(mesh, null, { cooling, racks: index, layout, catalog, selection: new Set(['cdu']) });
    expect(mesh.count).toBe(5);
    // CRAH: its box on the floor, centred at its plan point.
    expect(placed(mesh, 0)).toEqual({ at: [3, 1, 9], size: [2.5, 2, 0.9], yaw: 0 });
    // Fan wall: FAN_WALL_DEPTH_M (0.3 m) deep, on its 0.3 m sill: centre 0.3 + 3 / 2 = 1.8 m up; 180° turned.
    expect(placed(mesh, 1)).toEqual({ at: [10, 1.8, 0.4], size: [4, 3, 0.3], yaw: 180 });
    // The chiller stands outside with no position: hidden.
    expect(placed(mesh, 2).size).toEqual([0, 0, 0]);
    // CDU at 90°: yawForRotation turns it −90° about +Y (three's angle 270°).
    expect(placed(mesh, 3)).toEqual({ at: [15, 1, 5], size: [0.8, 2, 1.2], yaw: 270 });
    // Rear door on R1 (0.6 × 1.2 × 2.27 m, turned 90°) in hall B: the rack's back is its local +z,
    // turned −90° it points to −x, so the door's centre is 1.2 / 2 + 0.15 / 2 = 0.675 m along −x from
    // the rack's: 26 + 5 − 0.675 = 30.325; 2.27 / 2 = 1.135 m up.
    expect(placed(mesh, 4)).toEqual({ at: [30.325, 1.135, 4], size: [0.6, 2.27, 0.15], yaw: 270 });
    expect([0, 1, 3, 4].map((i) => colourOf(mesh, i))).toEqual([
      UNIT_COLOUR['air-handler'],
      UNIT_COLOUR['fan-wall'],
      UNIT_SELECTED,
      UNIT_COLOUR['rear-door'],
    ]);
  });

  it('groups units by the hall they are drawn in: a rear door in its rack’s, heat rejection in none', () => {
    const { racks, cooling } = smallSite();
    const units = siteUnitsFor(cooling, indexRacksByHall(racks), null);
    expect(units.index.byHall.get('A')?.map((u) => u.id)).toEqual(['crah', 'fw', 'cdu']);
    expect(units.index.byHall.get('B')?.map((u) => u.id)).toEqual(['rd']);
    expect(units.index.slot[2]).toBe(-1);
    // The rack moved to hall A: the door goes with it.
    const moved = indexRacksByHall([{ ...racks[0]!, hallId: 'A' }], indexRacksByHall(racks));
    const after = siteUnitsFor(cooling, moved, units);
    expect(after.index.byHall.get('A')?.map((u) => u.id)).toEqual(['crah', 'fw', 'cdu', 'rd']);
    expect(after.index.byHall.has('B')).toBe(false);
    expect(diffUnits(units, after)).toEqual({ full: true });
  });
});

describe('site view cooling units on the stress campus', () => {
  const doc = buildStressSite(10_000);
  const catalog: CatalogView = catalogFor(doc);
  const layout: SiteLayout = siteLayout(doc.halls, doc.buildings);
  const racks: RackIndex = indexRacksByHall(doc.racks);
  const draw = (before: UnitsDrawn | null, d: ProjectDocument, index = racks, selection = NONE) =>
    drawUnits(before?.shapes ?? meshFor(d.cooling.length), before, {
      cooling: d.cooling,
      racks: index,
      layout,
      catalog,
      selection,
    });
  /** The document after one unit moved 0.5 m along x, as the store's commands leave it: every other unit shared. */
  const moveUnit = (d: ProjectDocument, id: string): ProjectDocument => ({
    ...d,
    cooling: d.cooling.map((u) =>
      u.id === id && 'position' in u ? { ...u, position: { ...u.position, x: u.position.x + 0.5 } } : u,
    ),
  });

  it('holds every unit: 42 halls × (28 CRAHs + a hidden chiller)', () => {
    const { drawn } = draw(null, doc);
    expect(doc.cooling).toHaveLength(42 * 29);
    expect(drawn.shapes.count).toBe(1_218);
    let hidden = 0;
    for (let i = 0; i < drawn.shapes.count; i++) if (placed(drawn.shapes, i).size[0] === 0) hidden++;
    expect(hidden).toBe(42);
    // Hall 5 is the second of building 2: the buildings' grid puts building 2 at x = 166 + 24 = 190
    // (siteLayout.test.ts), the halls' grid the second hall 80 + 6 = 86 m further. CRAH 5.3 stands
    // at plan (2 + 2.7 × 3, 57) = (10.1, 57).
    const i = doc.cooling.findIndex((u) => u.id === 'crah-5-3');
    expect(placed(drawn.shapes, i)).toEqual({ at: [286.1, 1, 57], size: [2.5, 2, 0.9], yaw: 0 });
  });

  it('a unit moved rewrites and uploads that unit alone; its hall’s array is new, every other hall’s the same', () => {
    const first = draw(null, doc).drawn;
    sent(first.shapes);
    const before = new Float32Array(first.shapes.matrices);
    const next = moveUnit(doc, 'crah-5-3');
    const update = draw(first, next);
    const i = doc.cooling.findIndex((u) => u.id === 'crah-5-3');
    expect(update.written).toBe(true);
    expect(diffUnits(first.units, update.drawn.units)).toEqual({ full: false, changed: [i], from: i, to: i });
    expect(positions(first.shapes).updateRanges).toEqual([{ start: i * SPAN, count: SPAN }]);
    // Nothing painted: the unit kept its colour.
    expect(colours(first.shapes).updateRanges).toEqual([]);
    const after = first.shapes.matrices;
    const differing = [];
    for (let k = 0; k < after.length; k++) if (after[k] !== before[k]) differing.push(Math.floor(k / 16));
    expect([...new Set(differing)]).toEqual([i]);
    expect(placed(first.shapes, i).at).toEqual([286.6, 1, 57]);
    for (const [hallId, units] of update.drawn.units.index.byHall)
      if (hallId === 'hall-5') expect(units).not.toBe(first.units.index.byHall.get(hallId));
      else expect(units).toBe(first.units.index.byHall.get(hallId));
  });

  it('a rack moved in a hall without rear doors writes no unit; a selection repaints the units selected', () => {
    const first = draw(null, doc).drawn;
    sent(first.shapes);
    const moved = doc.racks.map((r, k) =>
      k === 1_300 ? { ...r, position: { ...r.position, x: r.position.x + 0.5 } } : r,
    );
    const index = indexRacksByHall(moved, racks);
    const update = draw(first, { ...doc, racks: moved }, index);
    expect(update.written).toBe(false);
    const i = doc.cooling.findIndex((u) => u.id === 'crah-7-0');
    sent(first.shapes);
    const selected = draw(update.drawn, { ...doc, racks: moved }, index, new Set(['crah-7-0', 'rack-5']));
    expect(selected.written).toBe(true);
    expect(colourOf(first.shapes, i)).toBe(UNIT_SELECTED);
    expect(colours(first.shapes).updateRanges).toEqual([{ start: i * SPAN, count: SPAN }]);
    expect(positions(first.shapes).updateRanges).toEqual([]);
  });

  it('a unit added rewrites them all', () => {
    const first = draw(null, doc).drawn;
    const crah = doc.cooling[0]!;
    const next = { ...doc, cooling: [...doc.cooling, { ...crah, id: 'crah-new', name: 'CRAH new' }] };
    const update = draw(first, next);
    expect(diffUnits(first.units, update.drawn.units)).toEqual({ full: true });
    expect(first.shapes.count).toBe(1_219);
    expect(positions(first.shapes).updateRanges).toEqual([{ start: 0, count: 1_219 * SPAN }]);
  });
});

describe('picking a unit on the site', () => {
  it('a ray onto a unit finds its triangles, and they the unit; the bounds cover the whole site', () => {
    const { racks, cooling, layout, catalog } = smallSite();
    const shapes = meshFor(cooling.length);
    drawUnits(shapes, null, { cooling, racks: indexRacksByHall(racks), layout, catalog, selection: NONE });
    const mesh = new Mesh(shapes.geometry, new MeshStandardMaterial());
    // Straight down onto the CDU (cooling[3], at (15, 5), 2 m tall) and onto the rear door in hall B.
    const down = (x: number, z: number) =>
      new Raycaster(new Vector3(x, 10, z), new Vector3(0, -1, 0)).intersectObject(mesh)[0];
    expect(shapes.itemOf(down(15, 5)!.faceIndex!)).toBe(3);
    expect(down(15, 5)!.point.y).toBeCloseTo(2);
    expect(shapes.itemOf(down(30.325, 4)!.faceIndex!)).toBe(4);
    expect(down(12, 8)).toBeUndefined();
    // The site is 46 × 10 m (two 20 m halls 6 m apart): a unit moved anywhere on it stays inside the bounds.
    for (const corner of [new Vector3(0, 0, 0), new Vector3(46, 50, 10)])
      expect(shapes.geometry.boundingSphere!.containsPoint(corner)).toBe(true);
  });
});

describe('rear doors move with their racks', () => {
  it('a rack moved rewrites its rear door, and only it', () => {
    const { racks, cooling, layout, catalog } = smallSite();
    const index = indexRacksByHall(racks);
    const first = drawUnits(meshFor(cooling.length), null, { cooling, racks: index, layout, catalog, selection: NONE });
    sent(first.drawn.shapes);
    const moved: Rack[] = [{ ...racks[0]!, position: { x: 6, y: 4 } }];
    const next = indexRacksByHall(moved, index);
    const update = drawUnits(first.drawn.shapes, first.drawn, {
      cooling,
      racks: next,
      layout,
      catalog,
      selection: NONE,
    });
    expect(update.written).toBe(true);
    expect(diffUnits(first.drawn.units, update.drawn.units)).toEqual({ full: false, changed: [4], from: 4, to: 4 });
    expect(placed(update.drawn.shapes, 4).at).toEqual([31.325, 1.135, 4]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor, newProject } from '../../../shared/index';
import { createEditorStore } from '../../store/documentStore';
import { cableTrays, ceilingLights, distanceToHall, LED_LOD_M, rackLeds, TRAY_CLEARANCE_M } from './layout';
import { contactShadowPixels, footprints } from './shadows';
import { concretePixels, floorTilePixels, floorTileTransform, perforationPixels, type Pixels } from './textures';

const rgb = (p: Pixels, x: number, y: number) => {
  const i = (y * p.width + x) * 4;
  return [p.data[i], p.data[i + 1], p.data[i + 2], p.data[i + 3]];
};

describe('procedural textures', () => {
  it('a floor tile is one 600 mm tile: dark joints on its left and top edges, a light opaque face', () => {
    const p = floorTilePixels({ size: 32, jointPx: 2, grain: 0 });
    expect(p.data).toHaveLength(32 * 32 * 4);
    expect(rgb(p, 0, 10)).toEqual([112, 118, 126, 255]);
    expect(rgb(p, 10, 1)).toEqual([112, 118, 126, 255]);
    expect(rgb(p, 16, 16)).toEqual([200, 204, 208, 255]);
    // Repeated, a tile's right edge meets the next tile's joint: no joint of its own there.
    expect(rgb(p, 31, 16)).toEqual([200, 204, 208, 255]);
  });

  it('the floor repeats one tile per 600 mm with joints on the hall origin', () => {
    expect(floorTileTransform(60, 24)).toEqual({ repeat: [100, 40], offset: [0, 0] });
    const odd = floorTileTransform(6, 1);
    expect(odd.repeat[1]).toBeCloseTo(1 / 0.6, 9);
    // At v = 1 (plan y = 0) the tile coordinate repeat + offset is a whole number.
    expect(odd.repeat[1] + odd.offset[1]).toBeCloseTo(2, 9);
  });

  it('perforation: staggered holes, tiling across its edges, and only an even hole count', () => {
    const p = perforationPixels({ size: 16, holes: 2, radius: 0.3 });
    const hole = [14, 15, 18, 255];
    const metal = [92, 98, 106, 255];
    // Row 0 has holes centred at x = 4 and 12; row 1 (shifted half a pitch) at x = 0 (= 16) and 8.
    expect(rgb(p, 4, 4)).toEqual(hole);
    expect(rgb(p, 8, 4)).toEqual(metal);
    expect(rgb(p, 8, 12)).toEqual(hole);
    expect(rgb(p, 0, 12)).toEqual(hole);
    expect(rgb(p, 15, 12)).toEqual(hole);
    expect(rgb(p, 4, 12)).toEqual(metal);
    expect(() => perforationPixels({ holes: 3 })).toThrow(RangeError);
  });

  it('concrete noise is deterministic, opaque, and stays near its base colour', () => {
    const a = concretePixels({ size: 32, seed: 3 });
    expect(concretePixels({ size: 32, seed: 3 }).data).toEqual(a.data);
    expect(concretePixels({ size: 32, seed: 4 }).data).not.toEqual(a.data);
    for (let i = 0; i < a.data.length; i += 4) {
      expect(Math.abs(a.data[i]! - 196)).toBeLessThanOrEqual(13);
      expect(a.data[i + 3]).toBe(255);
    }
  });
});

describe('presentation layout', () => {
  const type = { widthM: 0.6, heightM: 2.2 };
  it('LEDs: one per feed side the rack has or should have, amber where a side has no circuit', () => {
    expect(rackLeds({ feeds: { a: 'c1', b: null }, redundancy: 'N' }, type).map((l) => l.state)).toEqual(['ok']);
    expect(rackLeds({ feeds: { a: 'c1', b: 'c2' }, redundancy: '2N' }, type).map((l) => l.state)).toEqual(['ok', 'ok']);
    expect(rackLeds({ feeds: { a: 'c1', b: null }, redundancy: '2N' }, type).map((l) => l.state)).toEqual([
      'ok',
      'warn',
    ]);
    expect(rackLeds({ feeds: { a: null, b: null }, redundancy: 'N' }, type).map((l) => l.state)).toEqual(['warn']);
    for (const led of rackLeds({ feeds: { a: 'c1', b: 'c2' }, redundancy: '2N' }, type)) {
      expect(Math.abs(led.x)).toBeLessThan(type.widthM / 2);
      expect(led.y).toBeLessThan(type.heightM);
    }
  });

  it('one cable tray above each row of the sample, along the row, 0.6 m over its tallest rack', () => {
    const doc = buildSampleFacility();
    const catalog = catalogFor(doc);
    const trays = cableTrays(doc.racks, catalog);
    expect(trays).toHaveLength(doc.rows.length);
    for (const tray of trays) {
      expect(tray.alongX).toBe(true);
      const row = doc.racks.filter((r) => Math.abs(r.position.y - tray.y) < 1);
      const tallest = Math.max(...row.map((r) => catalog.rackType(r.rackTypeId)!.heightM));
      expect(tray.bottom).toBeCloseTo(tallest + TRAY_CLEARANCE_M, 9);
      const xs = row.map((r) => r.position.x);
      expect(tray.length).toBeGreaterThan(Math.max(...xs) - Math.min(...xs));
    }
    expect(cableTrays(newProject('empty').racks, catalog)).toEqual([]);
  });

  it('ceiling lights cover the hall on a 4.8 × 3 m grid', () => {
    const lights = ceilingLights(60, 24);
    expect(lights).toHaveLength(13 * 8);
    expect(Math.min(...lights.map((l) => l.x))).toBeGreaterThan(0);
    expect(Math.max(...lights.map((l) => l.y))).toBeLessThan(24);
  });

  it('LED level of detail: distance to the hall box, zero inside', () => {
    const hall = { width: 60, depth: 24, height: 6 };
    expect(distanceToHall({ x: 30, y: 12, z: 1.7 }, hall)).toBe(0);
    expect(distanceToHall({ x: 70, y: 12, z: 6 }, hall)).toBe(10);
    // The default orbit camera over the sample stands beyond the LEDs' range.
    expect(distanceToHall({ x: 30, y: 24 + 36, z: 48 }, hall)).toBeGreaterThan(LED_LOD_M);
  });
});

describe('baked contact shadows', () => {
  it('darkest under a footprint, fading out beyond its edge, nothing far away; row 0 is plan y = 0', () => {
    const p = contactShadowPixels([{ minX: 4, maxX: 6, minY: 1, maxY: 3 }], 10, 10, { pxPerM: 10, spreadM: 0.4 });
    expect([p.width, p.height]).toEqual([100, 100]);
    const alpha = (x: number, y: number) => p.data[(Math.round(y * 10) * p.width + Math.round(x * 10)) * 4 + 3]!;
    expect(alpha(5, 2)).toBe(Math.round(255 * 0.85));
    expect(alpha(6.2, 2)).toBeGreaterThan(0);
    expect(alpha(6.2, 2)).toBeLessThan(alpha(5.9, 2));
    expect(alpha(8, 2)).toBe(0);
    expect(alpha(5, 8)).toBe(0);
  });

  it('keeps to 1024 px a side on a large hall, and takes racks and floor-standing units of the hall', () => {
    const p = contactShadowPixels([], 400, 100);
    expect([p.width, p.height]).toEqual([1024, 256]);
    const doc = buildSampleFacility();
    const feet = footprints('hall-a', doc.racks, doc.cooling, catalogFor(doc));
    // The sample's units are fan walls in the walls: only its racks stand on the floor.
    expect(feet).toHaveLength(doc.racks.length);
    expect(footprints('elsewhere', doc.racks, doc.cooling, catalogFor(doc))).toEqual([]);
  });
});

describe('the look in the store', () => {
  it('starts in the engineering look, survives presenting and opening another project', () => {
    const store = createEditorStore(buildSampleFacility(), { name: 'sample.hallwright', handle: null });
    expect(store.getState().look).toBe('engineering');
    store.getState().setLook('presentation');
    store.getState().setPresenting(true);
    expect(store.getState().look).toBe('presentation');
    store.getState().setPresenting(false);
    store.getState().load(newProject('other'), { name: 'other.hallwright', handle: null });
    expect(store.getState().look).toBe('presentation');
  });
});

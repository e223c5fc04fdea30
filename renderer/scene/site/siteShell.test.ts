import { describe, expect, it } from 'vitest';
import { buildSampleFacility, newHall, perimeterWalls } from '../../../shared/index';
import { buildStressSite } from '../../../shared/testing/stressSite';
import { siteLayout } from './siteLayout';
import { BOX_INDICES, BOX_VERTICES, QUAD_INDICES, QUAD_VERTICES, siteShellArrays } from './siteShell';

/** Min and max of every third value from `start` (x: 0, y: 1, z: 2). */
function range(values: Float32Array, start: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = start; i < values.length; i += 3) {
    lo = Math.min(lo, values[i]!);
    hi = Math.max(hi, values[i]!);
  }
  return [lo, hi];
}

describe('merged shell of the site', () => {
  it('the sample: one quad per hall and per building yard, one box per wall and per drawn door', () => {
    const doc = buildSampleFacility();
    const layout = siteLayout(doc.halls, doc.buildings);
    const { floors, walls, doors } = siteShellArrays(doc.halls, doc.walls, doc.doors, layout);
    const quads = doc.halls.length + layout.buildings.length;
    const drawnDoors = doc.doors.filter((d) => d.hallId !== null).length;
    expect(floors.positions.length).toBe(quads * QUAD_VERTICES * 3);
    expect(floors.indices.length).toBe(quads * QUAD_INDICES);
    expect(floors.colours?.length).toBe(floors.positions.length);
    expect(walls.positions.length).toBe(doc.walls.length * BOX_VERTICES * 3);
    expect(walls.indices.length).toBe(doc.walls.length * BOX_INDICES);
    expect(doors.indices.length).toBe(drawnDoors * BOX_INDICES);
  });

  it('the stress campus: 42 halls and their walls in three meshes', () => {
    const doc = buildStressSite(10_000);
    const layout = siteLayout(doc.halls, doc.buildings);
    const { floors, walls } = siteShellArrays(doc.halls, doc.walls, doc.doors, layout);
    expect(floors.indices.length / QUAD_INDICES).toBe(42 + 11);
    expect(walls.indices.length / BOX_INDICES).toBe(doc.walls.length);
    // Every index names a vertex of its own mesh.
    expect(Math.max(...walls.indices)).toBe(walls.positions.length / 3 - 1);
  });

  it('a 10 × 4 m hall at its site offset: its floor quad and a wall along x, 0.3 m thick, 3 m high', () => {
    const a = newHall({ id: 'a', name: 'A', code: 'A', width: 20, depth: 8, height: 3 });
    const b = newHall({ id: 'b', name: 'B', code: 'B', width: 10, depth: 4, height: 3 });
    const layout = siteLayout([a, b], []);
    const offset = layout.halls.get('b')!;
    expect(offset).toEqual({ x: 26, y: 0 });
    const south = perimeterWalls(b, 0.3)[0]!;
    expect(south.a).toEqual({ x: 0, y: 0 });
    expect(south.b).toEqual({ x: 10, y: 0 });
    const { floors, walls } = siteShellArrays([b], [south], [], layout);
    // The hall's floor quad follows the yard's (one building group: the halls in no building).
    const quad = floors.positions.slice(QUAD_VERTICES * 3);
    expect(range(quad, 0)).toEqual([26, 36]);
    expect(range(quad, 2)).toEqual([0, 4]);
    // The wall's box: its length plus a thickness (half at each end) by its thickness, floor to height.
    const [x0, x1] = range(walls.positions, 0);
    const [z0, z1] = range(walls.positions, 2);
    expect(x0).toBeCloseTo(26 - 0.15, 5);
    expect(x1).toBeCloseTo(36 + 0.15, 5);
    expect(z0).toBeCloseTo(-0.15, 5);
    expect(z1).toBeCloseTo(0.15, 5);
    expect(range(walls.positions, 1)).toEqual([0, 3]);
  });

  it('a wall along y is turned a quarter: thin in x, long in z', () => {
    const h = newHall({ id: 'h', name: 'H', code: 'H', width: 10, depth: 4, height: 3 });
    const layout = siteLayout([h], []);
    const west = perimeterWalls(h, 0.3).find((w) => w.a.x === 0 && w.b.x === 0)!;
    const { walls } = siteShellArrays([h], [west], [], layout);
    const [x0, x1] = range(walls.positions, 0);
    const [z0, z1] = range(walls.positions, 2);
    expect(x1 - x0).toBeCloseTo(0.3, 5);
    expect(z1 - z0).toBeCloseTo(4 + 0.3, 5);
  });
});

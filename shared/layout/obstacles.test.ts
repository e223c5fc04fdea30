import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import { newHall, newProject, newRack, perimeterWalls } from '../model/factory';
import type { ProjectDocument } from '../model/schema';
import { footprintRect, rackRect } from './footprint';
import { clearances, conflictsOf, hallObstacles, indexObstacles, wallMeetsRect } from './obstacles';

/** A 20 × 10 m hall with a partition wall at x = 12 from y = 0 to 6, and two racks. */
function fixture(): ProjectDocument {
  const doc = newProject('p');
  const hall = newHall({ id: 'hall-1', name: 'Hall 1', code: 'A', width: 20, depth: 10, height: 5 });
  doc.halls = [hall];
  doc.walls = [
    ...perimeterWalls(hall),
    { id: 'w-part', hallId: 'hall-1', a: { x: 12, y: 0 }, b: { x: 12, y: 6 }, thickness: 0.2, height: 5 },
  ];
  const rack = (id: string, x: number, y: number) =>
    newRack({ id, name: id.toUpperCase(), hallId: 'hall-1', rackTypeId: 'rack-48u-600x1200', position: { x, y } });
  doc.racks = [rack('r1', 5, 5), rack('r2', 5.6, 5)];
  return doc;
}

const index = (doc: ProjectDocument, exclude: string[] = []) =>
  indexObstacles(doc.halls[0]!, hallObstacles(doc, catalogFor(doc), 'hall-1', new Set(exclude)));

describe('layout obstacles', () => {
  it('finds overlaps, crossings and leaving the hall, but not touching', () => {
    const doc = fixture();
    const idx = index(doc, ['r2']);
    // r2 touches r1 edge to edge (pitch = width): no conflict.
    expect(conflictsOf('R2', rackRect(doc.racks[1]!, catalogFor(doc)), idx)).toEqual([]);
    expect(conflictsOf('R2', footprintRect({ x: 5.3, y: 5 }, 0.6, 1.2, 0), idx).map((c) => c.message)).toEqual([
      'R2 would overlap R1',
    ]);
    expect(conflictsOf('R2', footprintRect({ x: 12.1, y: 3 }, 0.6, 1.2, 0), idx).map((c) => c.message)).toEqual([
      'R2 would cross a wall',
    ]);
    // Past the partition's end (y = 6) plus half its thickness: free.
    expect(conflictsOf('R2', footprintRect({ x: 12, y: 7 }, 0.6, 1.2, 0), idx)).toEqual([]);
    const out = conflictsOf('R2', footprintRect({ x: 19.9, y: 5 }, 0.6, 1.2, 0), idx).map((c) => c.message);
    expect(out).toContain('R2 would stand outside Hall 1');
    expect(out).toContain('R2 would cross a wall');
  });

  it('tests a diagonal wall against a box exactly', () => {
    const wall = { a: { x: 0, y: 0 }, b: { x: 10, y: 10 }, half: 0.1 };
    expect(wallMeetsRect(wall, { minX: 4, maxX: 6, minY: 4, maxY: 6 })).toBe(true);
    // The box's nearest corner (6, 4) lies 2/√2 = 1.41 m from the line.
    expect(wallMeetsRect(wall, { minX: 6, maxX: 8, minY: 2, maxY: 4 })).toBe(false);
    expect(wallMeetsRect({ ...wall, half: 1.5 }, { minX: 6, maxX: 8, minY: 2, maxY: 4 })).toBe(true);
  });

  it('measures clear distances to neighbours, walls and the hall boundary', () => {
    const doc = fixture();
    const c = clearances(footprintRect({ x: 9, y: 5 }, 0.6, 1.2, 0), index(doc));
    // Rack at 8.7–9.3: R2 ends at 5.9, the partition's face at 11.9.
    expect(c.minusX).toEqual({ distance: 2.8, to: 'R2' });
    expect(c.plusX).toEqual({ distance: 2.6, to: 'wall' });
    // Perimeter walls are 0.3 m thick, centred on the hall's edges: faces at 0.15 and 9.85.
    expect(c.minusY).toEqual({ distance: 4.25, to: 'wall' });
    expect(c.plusY).toEqual({ distance: 4.25, to: 'wall' });
  });
});

import { describe, expect, it } from 'vitest';
import type { ProjectDocument, Rotation } from '../../model/schema';
import { coolingHallDoc } from '../../testing/coolingFixtures';
import { runChecks } from '../index';
import { frontOf } from './layout';

const L40S = 'l40s-server-8gpu';
/** Two rows of 4 racks (1.2 m deep) with their centres `pitch` m apart. */
const pair = (rot1: Rotation, rot2: Rotation, pitch: number): ProjectDocument =>
  coolingHallDoc([
    { id: 'r1', y: 5, rotationDeg: rot1, count: 4, devices: [{ catalogId: L40S, count: 1 }] },
    { id: 'r2', y: 5 + pitch, rotationDeg: rot2, count: 4, devices: [{ catalogId: L40S, count: 1 }] },
  ]);
const layout = (doc: ProjectDocument) => runChecks(doc).findings.filter((f) => f.rule === 'cooling.layout');

describe('layout rules', () => {
  it('a front faces (sin θ, −cos θ)', () => {
    expect(frontOf(0)).toEqual({ fx: 0, fy: -1 });
    expect(frontOf(90)).toEqual({ fx: 1, fy: 0 });
    expect(frontOf(180)).toEqual({ fx: 0, fy: 1 });
    expect(frontOf(270)).toEqual({ fx: -1, fy: 0 });
  });

  it('fronts facing fronts across 1.2 m and backs to backs across 0.9 m: nothing to say', () => {
    expect(layout(pair(180, 0, 2.4))).toEqual([]); // r1 faces +y, r2 faces −y: cold aisle 1.2 m
    expect(layout(pair(0, 180, 2.1))).toEqual([]); // hot aisle 0.9 m
  });

  it('a row whose intakes face the other row’s exhausts is flagged, with the gap', () => {
    // Both rows face −y: r2's fronts look at r1's backs 1.5 m away.
    const [f] = layout(pair(0, 0, 2.7));
    expect(f?.key).toBe('cooling.layout:recirculation:hall-1');
    expect(f?.severity).toBe('warning');
    expect(f?.values.minGapM).toBeCloseTo(1.5, 9);
    expect(f?.message).toMatch(/^Hall 1: 4 racks draw intake air from another rack's exhaust/);
  });

  it('aisles narrower than the minimums (1.2 m cold, 0.9 m hot) are flagged', () => {
    const [cold] = layout(pair(180, 0, 2.2));
    expect(cold?.key).toBe('cooling.layout:cold-aisle:hall-1');
    expect(cold?.values.minGapM).toBeCloseTo(1.0, 9);
    const [hot] = layout(pair(0, 180, 1.8));
    expect(hot?.key).toBe('cooling.layout:hot-aisle:hall-1');
    expect(hot?.values.minGapM).toBeCloseTo(0.6, 9);
  });

  it('a hot-aisle containment over rows that face into it is an error; as a cold aisle it is right', () => {
    const doc = pair(180, 0, 2.4);
    doc.containments.push({
      id: 'c',
      hallId: 'hall-1',
      name: 'Aisle',
      type: 'hot',
      rowIds: ['r1', 'r2'],
      bypassFraction: 0.05,
      recirculationFraction: 0.03,
    });
    const [f] = layout(doc);
    expect(f?.severity).toBe('error');
    expect(f?.entities).toEqual(['c', 'r1', 'r2']);
    doc.containments[0]!.type = 'cold';
    expect(layout(doc)).toEqual([]);
  });
});

describe('a hall’s layout measured again', () => {
  /** The same document with a new hall object: nothing is kept for it, every layout is measured afresh. */
  const afresh = (doc: ProjectDocument): ProjectDocument => ({ ...doc, halls: doc.halls.map((h) => ({ ...h })) });
  const racksOf = (doc: ProjectDocument, change: (r: ProjectDocument['racks'][number]) => object, ids: string[]) => ({
    ...doc,
    racks: doc.racks.map((r) => (ids.includes(r.id) ? { ...r, ...change(r) } : r)),
  });
  const aisles = (doc: ProjectDocument) => runChecks(doc).floor.racks;
  const start = pair(180, 0, 2.4);
  const row2 = start.racks.filter((r) => r.rowId === 'r2').map((r) => r.id);

  it('is kept for a device edit, the same layout', () => {
    const before = aisles(start);
    const edited = racksOf(
      start,
      (r) => ({ devices: (r as ProjectDocument['racks'][number]).devices.slice(0, 0) }),
      row2,
    );
    const after = aisles(edited);
    expect(after.get(row2[0]!)!.aisles).toBe(before.get(row2[0]!)!.aisles);
    expect(layout(edited)).toEqual([]);
  });

  it('is not kept for a row moved across the aisle only, or turned about', () => {
    aisles(start);
    expect(layout(start)).toEqual([]);
    // 0.4 m nearer: the cold aisle is 0.8 m, under the 1.2 m minimum.
    const nearer = racksOf(start, (r) => ({ position: { x: r.position.x, y: r.position.y - 0.4 } }), row2);
    expect(layout(nearer)).toEqual(layout(afresh(nearer)));
    expect(layout(nearer)).not.toEqual([]);
    expect(aisles(nearer)).toEqual(aisles(afresh(nearer)));
    // Turned half a turn, the same footprints: the second row's intakes now face the first row's exhausts.
    expect(layout(start)).toEqual([]);
    const turned = racksOf(start, () => ({ rotationDeg: 180 }), row2);
    expect(layout(turned)).toEqual(layout(afresh(turned)));
    expect(layout(turned)).not.toEqual([]);
    expect(aisles(turned)).toEqual(aisles(afresh(turned)));
  });
});

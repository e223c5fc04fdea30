import { describe, expect, it } from 'vitest';
import { buildSampleFacility, type ProjectDocument } from '../../shared/index';
import { newCamera, newDoor, newHall, newZone } from '../../shared/index';
import {
  doorBadge,
  fenceTriangles,
  floorFanTriangles,
  fovSector,
  pathPoints,
  polygonCentroid,
  zoneColour,
  ZONE_CLASS_COLOURS,
} from './securityGeometry';

const bearingDeg = (from: { x: number; y: number }, to: { x: number; y: number }) =>
  (Math.atan2(to.y - from.y, to.x - from.x) * 180) / Math.PI;
const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

describe('zone colours', () => {
  it('go green → yellow → orange → red with the class', () => {
    expect([1, 2, 3, 4].map(zoneColour)).toEqual(['#3fa34d', '#d4b106', '#e07b00', '#c4302b']);
    expect(ZONE_CLASS_COLOURS[4]).toBe('#c4302b');
  });
});

describe('door badges', () => {
  const door = (fields: Partial<Parameters<typeof doorBadge>[0]>) =>
    doorBadge({ control: 'none', interlockId: null, egressOnly: false, ...fields });

  it('name the control in a word or two', () => {
    expect(door({ control: 'none' }).text).toBe('open');
    expect(door({ control: 'key' }).text).toBe('key');
    expect(door({ control: 'card' }).text).toBe('card');
    expect(door({ control: 'card-pin' }).text).toBe('card+PIN');
    expect(door({ control: 'biometric' }).text).toBe('bio');
    expect(door({ control: 'guard' }).text).toBe('guard');
    expect(door({ control: 'mantrap' }).text).toBe('mantrap');
  });

  it('grade the control: no lock or a key is weak, a card medium, two factors, a guard or a portal strong', () => {
    expect(door({ control: 'none' }).tone).toBe('weak');
    expect(door({ control: 'key' }).tone).toBe('weak');
    expect(door({ control: 'card' }).tone).toBe('medium');
    for (const control of ['card-pin', 'biometric', 'guard', 'mantrap'] as const)
      expect(door({ control }).tone).toBe('strong');
  });

  it('mark an interlocked pair and an exit-only door', () => {
    expect(door({ control: 'card-pin', interlockId: 'door-vestibule' }).text).toBe('card+PIN ⇄');
    expect(door({ control: 'none', egressOnly: true }).text).toBe('open exit');
    expect(door({ control: 'card', interlockId: 'x', egressOnly: true })).toEqual({
      text: 'card ⇄ exit',
      tone: 'medium',
    });
  });

  it('the sample: the hall door is card + PIN in a mantrap, the dock a card, the fire exit an open exit', () => {
    const doc = buildSampleFacility();
    const badge = (id: string) => doorBadge(doc.doors.find((d) => d.id === id)!);
    expect(badge('door-main')).toEqual({ text: 'card+PIN ⇄', tone: 'strong' });
    expect(badge('door-dock')).toEqual({ text: 'card', tone: 'medium' });
    expect(badge('door-fire')).toEqual({ text: 'open exit', tone: 'weak' });
  });
});

describe('camera field of view', () => {
  const camera = newCamera({ id: 'c', name: 'c', hallId: 'h', position: { x: 8, y: 4 }, directionDeg: -135 });

  it('starts at the camera, then runs segments + 1 points along the arc', () => {
    const fan = fovSector(camera, 16);
    expect(fan).toHaveLength(18);
    expect(fan[0]).toEqual({ x: 8, y: 4 });
    for (const p of fan.slice(1)) expect(distance(p, camera.position)).toBeCloseTo(15, 9);
  });

  it('spans direction ± half the field of view: −180° to −90° for a 90° lens looking at −135°', () => {
    const fan = fovSector(camera, 8);
    const first = fan[1]!;
    const last = fan[fan.length - 1]!;
    expect(first.x).toBeCloseTo(8 - 15, 9);
    expect(first.y).toBeCloseTo(4, 9);
    expect(last.x).toBeCloseTo(8, 9);
    expect(last.y).toBeCloseTo(4 - 15, 9);
    // The middle of the arc lies on the view's axis.
    expect(bearingDeg(camera.position, fan[5]!)).toBeCloseTo(-135, 9);
  });

  it('bearings grow from +x towards +y', () => {
    const fan = fovSector({ position: { x: 0, y: 0 }, directionDeg: 90, fovDeg: 60, rangeM: 10 }, 4);
    expect(bearingDeg(fan[0]!, fan[1]!)).toBeCloseTo(60, 9);
    expect(bearingDeg(fan[0]!, fan[5]!)).toBeCloseTo(120, 9);
    expect(fan[3]!.x).toBeCloseTo(0, 9);
    expect(fan[3]!.y).toBeCloseTo(10, 9);
  });

  it('a dome closes its circle: the arc ends where it starts', () => {
    const fan = fovSector({ position: { x: 1, y: 2 }, directionDeg: 0, fovDeg: 360, rangeM: 5 }, 24);
    expect(fan[1]!.x).toBeCloseTo(fan[25]!.x, 9);
    expect(fan[1]!.y).toBeCloseTo(fan[25]!.y, 9);
    expect(fan[13]!.x).toBeCloseTo(1 + 5, 9);
  });

  it('takes at least one segment', () => {
    expect(fovSector(camera, 0)).toHaveLength(3);
  });
});

describe('polygon centroid', () => {
  it('of a rectangle is its middle, either winding', () => {
    const ccw = [
      { x: 2, y: 1 },
      { x: 6, y: 1 },
      { x: 6, y: 3 },
      { x: 2, y: 3 },
    ];
    expect(polygonCentroid(ccw)).toEqual({ x: 4, y: 2 });
    const cw = [...ccw].reverse();
    const c = polygonCentroid(cw);
    expect(c.x).toBeCloseTo(4, 12);
    expect(c.y).toBeCloseTo(2, 12);
  });

  it('of a triangle is the mean of its corners', () => {
    const c = polygonCentroid([
      { x: 0, y: 0 },
      { x: 6, y: 0 },
      { x: 0, y: 3 },
    ]);
    expect(c.x).toBeCloseTo(2, 12);
    expect(c.y).toBeCloseTo(1, 12);
  });

  it('is weighted by area, not by corners: an L of a 4×2 and a 2×2 square', () => {
    // Squares 0–4 × 0–2 (area 8, centre 2,1) and 0–2 × 2–4 (area 4, centre 1,3): (20/12, 20/12).
    const c = polygonCentroid([
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 2 },
      { x: 2, y: 2 },
      { x: 2, y: 4 },
      { x: 0, y: 4 },
    ]);
    expect(c.x).toBeCloseTo(5 / 3, 12);
    expect(c.y).toBeCloseTo(5 / 3, 12);
  });

  it('keeps its precision far from the origin', () => {
    const c = polygonCentroid([
      { x: 9000, y: 9000 },
      { x: 9000.5, y: 9000 },
      { x: 9000.5, y: 9000.5 },
      { x: 9000, y: 9000.5 },
    ]);
    expect(c.x).toBeCloseTo(9000.25, 9);
    expect(c.y).toBeCloseTo(9000.25, 9);
  });

  it('of points on a line (no area) is their mean', () => {
    expect(
      polygonCentroid([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toEqual({ x: 1, y: 1 });
  });
});

describe('path points', () => {
  const sample = buildSampleFacility();
  const hall = sample.halls[0]!;
  const centre = { x: hall.width / 2, y: hall.depth / 2 };

  it('the sample’s dock route: the dock door, then the hall (whole-hall zone) at its centre', () => {
    const points = pathPoints(['(outside)', 'door-gate', 'zone-site', 'door-dock', 'zone-hall-a'], sample, hall.id);
    expect(points).toEqual([{ x: 54, y: 24 }, centre]);
  });

  it('the main route: undrawn doors and rooms are left out, the drawn door is kept in order', () => {
    const path = [
      '(outside)',
      'door-gate',
      'zone-site',
      'door-building',
      'zone-corridor',
      'door-vestibule',
      'zone-vestibule',
      'door-main',
      'zone-hall-a',
    ];
    expect(pathPoints(path, sample, hall.id)).toEqual([{ x: 4, y: 0 }, centre]);
  });

  it('a cage is passed at its centroid; other halls and unknown ids are ignored', () => {
    const doc: ProjectDocument = {
      ...sample,
      halls: [...sample.halls, newHall({ id: 'hall-b', name: 'B', code: 'B', width: 10, depth: 10, height: 4 })],
      zones: [
        ...sample.zones,
        newZone({
          id: 'cage-1',
          name: 'Cage 1',
          kind: 'cage',
          protectionClass: 4,
          parentId: 'zone-hall-a',
          hallId: hall.id,
          polygon: [
            { x: 10, y: 10 },
            { x: 14, y: 10 },
            { x: 14, y: 12 },
            { x: 10, y: 12 },
          ],
        }),
        newZone({ id: 'zone-b', name: 'Hall B', protectionClass: 4, hallId: 'hall-b' }),
      ],
      doors: [
        ...sample.doors,
        newDoor({ id: 'door-cage', name: 'Cage door', hallId: hall.id, position: { x: 12, y: 10 } }),
        newDoor({ id: 'door-b', name: 'Hall B door', hallId: 'hall-b', position: { x: 5, y: 0 } }),
      ],
    };
    const path = ['(outside)', 'door-b', 'zone-b', 'door-dock', 'zone-hall-a', 'door-cage', 'cage-1', 'no-such-id'];
    expect(pathPoints(path, doc, hall.id)).toEqual([{ x: 54, y: 24 }, centre, { x: 12, y: 10 }, { x: 12, y: 11 }]);
    expect(pathPoints(path, doc, 'hall-b')).toEqual([
      { x: 5, y: 0 },
      { x: 5, y: 5 },
    ]);
  });

  it('an unknown hall has no points', () => {
    expect(pathPoints(['door-dock'], sample, 'no-such-hall')).toEqual([]);
  });
});

describe('triangles for the scene', () => {
  const square = [
    { x: 0, y: 0 },
    { x: 2, y: 0 },
    { x: 2, y: 3 },
    { x: 0, y: 3 },
  ];

  it('a fence has two triangles an edge, closing back to the first corner, from the floor to its height', () => {
    const t = fenceTriangles(square, 2.4);
    expect(t).toHaveLength(4 * 2 * 9);
    // The last edge runs from (0, 3) back to (0, 0); plan y is world z.
    expect([...t.slice(3 * 18, 3 * 18 + 6)]).toEqual([0, 0, 3, 0, 0, 0]);
    const heights = [...t].filter((_, i) => i % 3 === 1);
    expect(Math.max(...heights)).toBeCloseTo(2.4, 6);
    expect(Math.min(...heights)).toBe(0);
  });

  it('a floor fan has a triangle per arc segment, each from the centre, all at the given height', () => {
    const camera = { position: { x: 1, y: 2 }, directionDeg: 0, fovDeg: 90, rangeM: 4 };
    const t = floorFanTriangles(fovSector(camera, 6), 0.03);
    expect(t).toHaveLength(6 * 9);
    for (let k = 0; k < 6; k++) expect([t[k * 9], t[k * 9 + 2]]).toEqual([1, 2]);
    expect([...t].filter((_, i) => i % 3 === 1).every((y) => Math.abs(y - 0.03) < 1e-6)).toBe(true);
    expect(floorFanTriangles([{ x: 0, y: 0 }], 0)).toHaveLength(0);
  });
});

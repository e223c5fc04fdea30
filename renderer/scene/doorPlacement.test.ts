import { describe, expect, it } from 'vitest';
import { buildSampleFacility, newZone } from '../../shared/index';
import { doorAt } from './doorPlacement';

describe('placing a door', () => {
  const doc = buildSampleFacility();
  const hall = doc.halls[0]!;

  it('on a hall wall: between the hall’s zone and outside, on the grid along the wall', () => {
    expect(doorAt(doc, hall, { x: 30.1, y: 0.4 })).toEqual({
      hallId: 'hall-a',
      position: { x: 30, y: 0 },
      rotationDeg: 0,
      zoneA: null,
      zoneB: 'zone-hall-a',
    });
  });

  it('on a cage’s fence: between the cage and the zone it nests in, turned along the fence', () => {
    const caged = {
      ...doc,
      zones: [
        ...doc.zones,
        newZone({
          id: 'cage',
          name: 'Cage',
          protectionClass: 4,
          kind: 'cage',
          parentId: 'zone-hall-a',
          hallId: 'hall-a',
          polygon: [
            { x: 30, y: 5 },
            { x: 36, y: 5 },
            { x: 36, y: 9 },
            { x: 30, y: 9 },
          ],
        }),
      ],
    };
    expect(doorAt(caged, hall, { x: 35.8, y: 7.2 })).toMatchObject({
      position: { x: 36, y: 7.2 },
      rotationDeg: 90,
      zoneA: 'zone-hall-a',
      zoneB: 'cage',
    });
  });

  it('nowhere near an edge: no door', () => {
    expect(doorAt(doc, hall, { x: 30, y: 12 })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { angleBetween, cameraSees } from './cctv';
import { boxInPolygon, pointInPolygon, segmentsCross } from './plan';
import { newCamera } from '../../model/securityFactory';

const L = [
  { x: 0, y: 0 },
  { x: 4, y: 0 },
  { x: 4, y: 2 },
  { x: 2, y: 2 },
  { x: 2, y: 4 },
  { x: 0, y: 4 },
];

describe('plan geometry', () => {
  it('point in polygon by ray casting, concave polygons included', () => {
    expect(pointInPolygon({ x: 1, y: 1 }, L)).toBe(true);
    expect(pointInPolygon({ x: 1, y: 3 }, L)).toBe(true);
    expect(pointInPolygon({ x: 3, y: 3 }, L)).toBe(false);
    expect(pointInPolygon({ x: -1, y: 1 }, L)).toBe(false);
  });

  it('segments cross, touch at an end, or miss', () => {
    const o = { x: 0, y: 0 };
    expect(segmentsCross(o, { x: 2, y: 2 }, { x: 0, y: 2 }, { x: 2, y: 0 })).toBe(true);
    expect(segmentsCross(o, { x: 1, y: 1 }, { x: 1, y: 1 }, { x: 2, y: 0 })).toBe(true);
    expect(segmentsCross(o, { x: 1, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBe(false);
  });

  it('a footprint is inside, outside or across a zone; flush against an edge counts as inside', () => {
    expect(boxInPolygon({ minX: 0.5, maxX: 1.5, minY: 0.5, maxY: 1.5 }, L)).toBe('inside');
    expect(boxInPolygon({ minX: 0, maxX: 1, minY: 0, maxY: 1 }, L)).toBe('inside');
    expect(boxInPolygon({ minX: 3, maxX: 3.5, minY: 3, maxY: 3.5 }, L)).toBe('outside');
    expect(boxInPolygon({ minX: 1.5, maxX: 2.5, minY: 2.5, maxY: 3 }, L)).toBe('partial');
    // The L's inner corner pokes into this box although all four of its corners are inside or out.
    expect(boxInPolygon({ minX: 1.5, maxX: 2.5, minY: 1.5, maxY: 2.5 }, L)).toBe('partial');
  });
});

describe('camera view', () => {
  const cam = newCamera({
    id: 'c',
    name: 'C',
    hallId: 'h',
    position: { x: 0, y: 0 },
    directionDeg: 0,
    fovDeg: 90,
    rangeM: 10,
  });

  it('bearings wrap around', () => {
    expect(angleBetween(350, 10)).toBe(20);
    expect(angleBetween(-135, 225)).toBe(0);
  });

  it('sees within range and half the field of view either side, not behind or beyond', () => {
    expect(cameraSees(cam, { x: 5, y: 4.9 }, [])).toBe(true);
    expect(cameraSees(cam, { x: 5, y: 5.1 }, [])).toBe(false);
    expect(cameraSees(cam, { x: -5, y: 0 }, [])).toBe(false);
    expect(cameraSees(cam, { x: 10.5, y: 0 }, [])).toBe(false);
    expect(cameraSees({ ...cam, fovDeg: 360 }, { x: -5, y: 0 }, [])).toBe(true);
  });

  it('a wall on the sight line blinds it, but the wall a door sits in does not', () => {
    const wall = { id: 'w', hallId: 'h', a: { x: 3, y: -5 }, b: { x: 3, y: 5 }, thickness: 0.2, height: 3 };
    expect(cameraSees(cam, { x: 6, y: 0 }, [wall])).toBe(false);
    expect(cameraSees(cam, { x: 3, y: 0 }, [wall])).toBe(true);
  });
});

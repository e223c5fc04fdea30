import { describe, expect, it } from 'vitest';
import { newProject, newRack } from '../model/factory';
import { newDoor } from '../model/securityFactory';
import { BODY_RADIUS_M, blocked, walk, walkObstacles, walkStart } from './collision';

/** The new-project hall: 30 × 15 m inside walls 0.3 m thick on its outline. */
function hall() {
  const doc = newProject('walk');
  doc.racks.push(
    newRack({ id: 'r', name: 'R', hallId: 'hall-1', rackTypeId: 'rack-48u-600x1200', position: { x: 10, y: 7.5 } }),
  );
  return doc;
}

describe('walking in a hall', () => {
  it('stops at a wall: the eye stays a body radius plus half the wall from its line', () => {
    const o = walkObstacles(hall(), 'hall-1');
    const end = walk({ x: 5, y: 3 }, { x: -20, y: 0 }, o);
    expect(end.y).toBe(3);
    expect(end.x).toBeGreaterThanOrEqual(BODY_RADIUS_M + 0.15 - 1e-9);
    expect(end.x).toBeLessThan(BODY_RADIUS_M + 0.15 + BODY_RADIUS_M / 2);
  });

  it('slides along a wall when walking into it at an angle', () => {
    const o = walkObstacles(hall(), 'hall-1');
    const end = walk({ x: 5, y: 3 }, { x: -10, y: 4 }, o);
    expect(end.y).toBeCloseTo(7, 9);
    expect(end.x).toBeLessThan(1);
  });

  it('does not walk through a rack (600 × 1200 mm at 10, 7.5)', () => {
    const o = walkObstacles(hall(), 'hall-1');
    const end = walk({ x: 7, y: 7.5 }, { x: 6, y: 0 }, o);
    expect(end.x).toBeLessThanOrEqual(10 - 0.3 - BODY_RADIUS_M + 1e-9);
    expect(blocked({ x: 10, y: 7.5 }, o)).toBe(true);
  });

  it('passes through a door in the wall', () => {
    const doc = hall();
    doc.doors.push(
      newDoor({ id: 'd', name: 'Door', hallId: 'hall-1', position: { x: 0, y: 7.5 }, width: 1.2, rotationDeg: 90 }),
    );
    const o = walkObstacles(doc, 'hall-1');
    const out = walk({ x: 2, y: 7.5 }, { x: -4, y: 0 }, o);
    expect(out.x).toBeCloseTo(-2, 9);
    // Beside the opening the wall still stops the walker.
    expect(walk({ x: 2, y: 5 }, { x: -4, y: 0 }, o).x).toBeGreaterThan(0.4);
  });

  it('ends a few metres beyond an outside door, where the model ends', () => {
    const doc = hall();
    doc.doors.push(
      newDoor({ id: 'd', name: 'Door', hallId: 'hall-1', position: { x: 0, y: 7.5 }, width: 1.2, rotationDeg: 90 }),
    );
    const out = walk({ x: 2, y: 7.5 }, { x: -40, y: 0 }, walkObstacles(doc, 'hall-1'));
    expect(out.x).toBeGreaterThanOrEqual(-5);
    expect(out.x).toBeLessThan(-4.8);
  });

  it('starts just inside the first door, facing in', () => {
    const doc = hall();
    doc.doors.push(
      newDoor({ id: 'd', name: 'Door', hallId: 'hall-1', position: { x: 0, y: 7.5 }, width: 1.2, rotationDeg: 90 }),
    );
    const start = walkStart(doc, 'hall-1');
    expect(start.position.x).toBeCloseTo(1, 9);
    expect(start.position.y).toBeCloseTo(7.5, 9);
    expect(start.headingDeg).toBeCloseTo(0, 9);
  });
});

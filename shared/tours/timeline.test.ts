import { describe, expect, it } from 'vitest';
import type { TourStop } from '../model/schema';
import { ACCEL_FRACTION, frameAt, MAX_MOVE_S, MIN_MOVE_S, moveDuration, tourTimeline, travelled } from './timeline';

const stop = (id: string, x: number, holdS = 2): TourStop => ({
  id,
  caption: id,
  position: { x, y: 1.7, z: 0 },
  target: { x: x + 10, y: 1.2, z: 0 },
  holdS,
  highlight: { kind: 'none' },
});

describe('tour timeline', () => {
  it('eases in and out and cruises at constant speed between (trapezoidal profile)', () => {
    const a = ACCEL_FRACTION;
    expect(travelled(0)).toBe(0);
    expect(travelled(1)).toBeCloseTo(1, 12);
    expect(travelled(0.5)).toBeCloseTo(0.5, 12);
    // End of the ramp: v·a/2 with v = 1/(1−a).
    expect(travelled(a)).toBeCloseTo(a / 2 / (1 - a), 12);
    // Constant speed in the cruise: equal steps of time cover equal distances.
    const d1 = travelled(0.4) - travelled(0.35);
    const d2 = travelled(0.6) - travelled(0.55);
    expect(d1).toBeCloseTo(d2, 12);
    expect(d1).toBeCloseTo(0.05 / (1 - a), 12);
    // Slower at the start than in the cruise.
    expect(travelled(0.05) - travelled(0)).toBeLessThan(d1);
  });

  it('times a move by its length at walking speed, within the limits', () => {
    // 12 m of camera travel and 12 m of target travel: (12 + 6) / (4 × 0.75) = 6 s.
    expect(moveDuration(stop('a', 0), stop('b', 12))).toBeCloseTo(6, 12);
    expect(moveDuration(stop('a', 0), stop('b', 0.5))).toBe(MIN_MOVE_S);
    expect(moveDuration(stop('a', 0), stop('b', 500))).toBe(MAX_MOVE_S);
  });

  it('holds at each stop, then moves to the next, and ends at the last', () => {
    const tl = tourTimeline([stop('a', 0, 1), stop('b', 12, 3), stop('c', 24, 0)]);
    expect(tl.arrivals).toEqual([0, 7, 16]);
    expect(tl.totalS).toBe(16);
    expect(frameAt(tl, 0.5)).toMatchObject({ stopIndex: 0, moving: false, position: { x: 0 } });
    const mid = frameAt(tl, 1 + 3)!;
    expect(mid).toMatchObject({ stopIndex: 1, moving: true });
    expect(mid.position.x).toBeCloseTo(6, 9);
    expect(frameAt(tl, 8)).toMatchObject({ stopIndex: 1, moving: false, position: { x: 12 } });
    expect(frameAt(tl, 99)).toMatchObject({ stopIndex: 2, done: true, position: { x: 24 } });
    expect(frameAt(tourTimeline([]), 0)).toBeNull();
  });
});

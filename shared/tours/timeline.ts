/**
 * A tour as a timeline: the camera rests at each stop for its hold time, then moves to the next
 * along a straight line with a trapezoidal speed profile: it accelerates evenly over the first
 * `ACCEL_FRACTION` of the move, cruises at constant speed, and slows evenly to rest — eased at the
 * ends, constant in the middle, so a long move does not rush and a short one does not crawl.
 *
 * A move's duration is its length over the cruise speed, stretched by the profile (a trapezoid
 * with ramps of fraction a covers distance L in time L / (v · (1 − a))), and kept between
 * MIN_MOVE_S and MAX_MOVE_S. The length counts the camera's travel and half the travel of the
 * point it looks at, so a turn on the spot still takes time.
 */
import type { TourStop, Vec3 } from '../model/schema';

export const WALK_SPEED_M_S = 4;
export const ACCEL_FRACTION = 0.25;
export const MIN_MOVE_S = 1.5;
export const MAX_MOVE_S = 8;

export interface Leg {
  from: TourStop;
  to: TourStop;
  /** When the move starts, s from the start of the tour, and how long it takes. */
  startS: number;
  durationS: number;
}

export interface Timeline {
  stops: readonly TourStop[];
  legs: Leg[];
  /** When the camera arrives at each stop, s. */
  arrivals: number[];
  totalS: number;
}

const distance = (a: Vec3, b: Vec3) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);

export function moveDuration(from: TourStop, to: TourStop, speed = WALK_SPEED_M_S): number {
  const length = distance(from.position, to.position) + 0.5 * distance(from.target, to.target);
  const s = length / (speed * (1 - ACCEL_FRACTION));
  return Math.min(MAX_MOVE_S, Math.max(MIN_MOVE_S, s));
}

export function tourTimeline(stops: readonly TourStop[], speed = WALK_SPEED_M_S): Timeline {
  const legs: Leg[] = [];
  const arrivals: number[] = [];
  let t = 0;
  stops.forEach((stop, i) => {
    const previous = stops[i - 1];
    if (previous) {
      const durationS = moveDuration(previous, stop, speed);
      legs.push({ from: previous, to: stop, startS: t, durationS });
      t += durationS;
    }
    arrivals.push(t);
    t += stop.holdS;
  });
  return { stops, legs, arrivals, totalS: t };
}

/**
 * Share of the distance covered at fraction u of the move's time (0…1): the trapezoidal profile
 * integrated. With ramps of fraction a and cruise speed v = 1 / (1 − a) (so the whole distance is 1):
 * ramp up s = v·u² / (2a); cruise s = v·(u − a/2); ramp down mirrors the ramp up.
 */
export function travelled(u: number, a = ACCEL_FRACTION): number {
  const x = Math.min(1, Math.max(0, u));
  const v = 1 / (1 - a);
  if (x < a) return (v * x * x) / (2 * a);
  if (x <= 1 - a) return v * (x - a / 2);
  const r = 1 - x;
  return 1 - (v * r * r) / (2 * a);
}

const lerp = (a: Vec3, b: Vec3, s: number): Vec3 => ({
  x: a.x + (b.x - a.x) * s,
  y: a.y + (b.y - a.y) * s,
  z: a.z + (b.z - a.z) * s,
});

export interface TourFrame {
  position: Vec3;
  target: Vec3;
  /** The stop the camera is at or heading to. */
  stopIndex: number;
  moving: boolean;
  done: boolean;
}

/** Where the camera is at time t (s) of the tour. */
export function frameAt(timeline: Timeline, t: number): TourFrame | null {
  const { stops, legs, arrivals, totalS } = timeline;
  const first = stops[0];
  if (!first) return null;
  if (t >= totalS) {
    const last = stops[stops.length - 1]!;
    return { position: last.position, target: last.target, stopIndex: stops.length - 1, moving: false, done: true };
  }
  for (let i = legs.length - 1; i >= 0; i--) {
    const leg = legs[i]!;
    if (t < leg.startS) continue;
    const into = t - leg.startS;
    if (into >= leg.durationS) {
      // Holding at the leg's end stop.
      return { position: leg.to.position, target: leg.to.target, stopIndex: i + 1, moving: false, done: false };
    }
    const s = travelled(into / leg.durationS);
    return {
      position: lerp(leg.from.position, leg.to.position, s),
      target: lerp(leg.from.target, leg.to.target, s),
      stopIndex: i + 1,
      moving: true,
      done: false,
    };
  }
  return { position: first.position, target: first.target, stopIndex: 0, moving: false, done: arrivals.length === 0 };
}

import { describe, expect, it } from 'vitest';
import {
  apparentPowerVA,
  breakerForContinuousLoad,
  lineCurrentA,
  singlePhaseUnitsOnWyeFeed,
  usableCircuitW,
} from './electrical';

/** ±0.1 % on power (worked-cases.md default tolerances). */
const within = (actual: number, expected: number, rel = 0.001) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);

describe('three-phase capacity (worked case 1)', () => {
  const feed = { voltageV: 415, breakerA: 63, phases: 3 as const, powerFactor: 0.95, hundredPercentRated: false };

  it('S = √3 · 415 V · 63 A = 45.284 kVA', () => within(apparentPowerVA(415, 63, 3), 45_283.9));

  it('usable at 80 % derating = 34.416 kW; at 100 % rating = 43.020 kW', () => {
    within(usableCircuitW(feed, 0.8), 34_416);
    within(usableCircuitW({ ...feed, hundredPercentRated: true }, 0.8), 43_020);
    within(usableCircuitW(feed, 1), 43_020);
  });

  it('matches the §2.3 table: 208 V 3φ 30 A → 8.65 kW and 230 V 1φ 32 A → 5.89 kW at PF 1, 80 %', () => {
    within(
      usableCircuitW({ voltageV: 208, breakerA: 30, phases: 3, powerFactor: 1, hundredPercentRated: false }, 0.8),
      8_646,
      0.001,
    );
    within(
      usableCircuitW({ voltageV: 230, breakerA: 32, phases: 1, powerFactor: 1, hundredPercentRated: false }, 0.8),
      5_888,
      0.001,
    );
  });
});

describe('line current and breaker sizing (worked case 2)', () => {
  it('(a) 40.8 kW at 415 V, PF 0.95 draws 59.75 A → 80 A breaker under NEC and IEC', () => {
    const i = lineCurrentA(40_800, 415, 3, 0.95);
    expect(i).toBeCloseTo(59.75, 2);
    expect(1.25 * i).toBeCloseTo(74.69, 2);
    expect(breakerForContinuousLoad(i, 'NEC')).toBe(80);
    expect(breakerForContinuousLoad(i, 'IEC')).toBe(80);
  });

  it('(b) 57.2 kW draws 83.77 A → 110 A (NEC) or 125 A (IEC)', () => {
    const i = lineCurrentA(57_200, 415, 3, 0.95);
    expect(i).toBeCloseTo(83.77, 2);
    expect(1.25 * i).toBeCloseTo(104.71, 2);
    expect(breakerForContinuousLoad(i, 'NEC')).toBe(110);
    expect(breakerForContinuousLoad(i, 'IEC')).toBe(125);
  });

  it('cross-check with case 1: 59.75 A exceeds the 50.4 A continuous limit of a 63 A breaker', () => {
    expect(lineCurrentA(40_800, 415, 3, 0.95)).toBeGreaterThan(0.8 * 63);
  });

  it('returns null beyond the largest tabulated size', () => {
    expect(breakerForContinuousLoad(10_000, 'NEC')).toBeNull();
  });
});

describe('per-phase packing of single-phase loads (worked case 3)', () => {
  const feed = { voltageV: 415, breakerA: 32, powerFactor: 1 };

  it('per-phase usable = 239.6 V · 32 A · 0.8 = 6,133.8 W; three phases = 18,401.3 W', () => {
    const { perPhaseUsableW } = singlePhaseUnitsOnWyeFeed(feed, 0.8, 1);
    within(perPhaseUsableW, 6_133.8);
    within(3 * perPhaseUsableW, 18_401.3);
  });

  it.each([
    ['Antminer S21', 3_500, 3],
    ['Antminer S19 XP', 3_010, 6],
    ['8 × RTX 4090 rig', 4_095.7, 3],
  ])('%s at %d W: %d units, not the naive kW-sum count', (_name, unitW, expected) => {
    expect(singlePhaseUnitsOnWyeFeed(feed, 0.8, unitW).total).toBe(expected);
  });

  it('the naive kW-sum shortcut would be wrong for the S21 (5) and the 4090 rig (4)', () => {
    const total = 3 * singlePhaseUnitsOnWyeFeed(feed, 0.8, 1).perPhaseUsableW;
    expect(Math.floor(total / 3_500)).toBe(5);
    expect(Math.floor(total / 4_095.7)).toBe(4);
  });
});

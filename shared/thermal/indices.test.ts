import { describe, expect, it } from 'vitest';
import { ASHRAE_CLASSES } from '../checks/cooling/ashrae';
import { CP_AIR, RHO_AIR } from '../units/constants';
import { rciHi, rciLo, rciVerdict, recirculationAndBypass, rti } from './indices';

const A1 = ASHRAE_CLASSES.A1;

describe('Rack Cooling Index (worked case 6, ASHRAE A1)', () => {
  const temps = [22, 24, 25, 26, 27, 28, 29, 30, 31, 26, 17, 19];
  const intakes = temps.map((meanC) => ({ meanC, envelope: A1 }));

  it('RCI_HI = (1 − 10 / (5 × 12)) × 100 = 83.33 %, poor', () => {
    expect(rciHi(intakes)).toBeCloseTo(83.333, 2);
    expect(rciVerdict(rciHi(intakes))).toBe('poor');
  });

  it('RCI_LO = (1 − 1 / (3 × 12)) × 100 = 97.22 %, good', () => {
    expect(rciLo(intakes)).toBeCloseTo(97.222, 2);
    expect(rciVerdict(rciLo(intakes))).toBe('good');
  });

  it('counts 27 °C as not over; 4 intakes over the recommended maximum, 1 under the minimum, none outside allowable', () => {
    expect(temps.filter((t) => t > A1.recommendedMaxC)).toHaveLength(4);
    expect(temps.filter((t) => t < A1.recommendedMinC)).toHaveLength(1);
    expect(temps.filter((t) => t > A1.allowableMaxC || t < A1.allowableMinC)).toHaveLength(0);
  });

  it('is 100 % with every intake in range and with no intakes', () => {
    expect(rciHi([{ meanC: 27, envelope: A1 }])).toBe(100);
    expect(rciLo([{ meanC: 18, envelope: A1 }])).toBe(100);
    expect(rciHi([])).toBe(100);
  });

  it('takes each intake’s own limits when classes are mixed', () => {
    // H1: 22 → 25; one H1 intake at 23.5 is half-way: (1 − 0.5 / 2) × 100 with an A1 intake in range.
    const mixed = [
      { meanC: 23.5, envelope: ASHRAE_CLASSES.H1 },
      { meanC: 20, envelope: A1 },
    ];
    expect(rciHi(mixed)).toBeCloseTo(75, 9);
  });

  it('bands: ≥ 96 good, 91–95 acceptable, ≤ 90 poor', () => {
    expect(rciVerdict(96)).toBe('good');
    expect(rciVerdict(95.5)).toBe('acceptable');
    expect(rciVerdict(91)).toBe('acceptable');
    expect(rciVerdict(90)).toBe('poor');
  });
});

describe('Return Temperature Index (worked case 7)', () => {
  it('7a: (30 − 18) / 15 = 80.0 %, net bypass', () => {
    expect(rti(18, 30, 15)).toBeCloseTo(80.0, 1);
  });

  it('7b: (35 − 18) / 14 = 121.4 %, net recirculation', () => {
    expect(rti(18, 35, 14)).toBeCloseTo(121.43, 1);
  });

  it('7c: ΔT_equip = 600 kW / (ρ · c_p · 36 m³/s) = 13.82 K, RTI = 94.07 %', () => {
    const deltaT = 600_000 / (RHO_AIR * CP_AIR * 36);
    expect(deltaT).toBeCloseTo(13.82, 2);
    expect(rti(18, 31, deltaT)).toBeCloseTo(94.07, 1);
  });
});

describe('recirculation and bypass (Tozer et al. 2009)', () => {
  it('a perfect hall has neither', () => {
    expect(recirculationAndBypass(18, 33, 18, 33)).toEqual({ recirculation: 0, bypass: 0 });
  });

  it('reads the shares from the mixing temperatures', () => {
    // Intakes 3 K above supply, exhausts 15 K above: R = 3/15; return 6 K below the exhaust: BP = 6/15.
    const r = recirculationAndBypass(18, 27, 21, 33);
    expect(r.recirculation).toBeCloseTo(0.2, 12);
    expect(r.bypass).toBeCloseTo(0.4, 12);
  });
});

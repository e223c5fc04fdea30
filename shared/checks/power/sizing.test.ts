import { describe, expect, it } from 'vitest';
import { transformerSizing, upsSizing } from './sizing';

/** Worked case 8: 1,800 kW critical load on 500 kW UPS modules; transformer at PUE 1.3, PF 0.95, 80 %. */
describe('UPS modules per redundancy model (worked case 8)', () => {
  it.each([
    ['N', 4, 2_000, 90, 120],
    ['N+1', 5, 2_500, 72, 90],
    ['2N', 8, 4_000, 45, 90],
    ['2N+1', 10, 5_000, 36, 90],
  ] as const)(
    '%s: %d modules, %d kW installed, %d %% normal, %d %% degraded',
    (model, modules, kw, normal, degraded) => {
      const s = upsSizing(1_800_000, 500_000, model);
      expect(s.n).toBe(4);
      expect(s.modules).toBe(modules);
      expect(s.installedW).toBe(kw * 1000);
      expect(s.normalLoadingPct).toBeCloseTo(normal, 1);
      expect(s.degradedLoadingPct).toBeCloseTo(degraded, 1);
    },
  );
  it('2N+1 with one side lost runs at 72 % (5 modules)', () => {
    expect((100 * 1_800) / (5 * 500)).toBeCloseTo(72, 6);
  });
});

describe('transformer sizing (worked case 8)', () => {
  it('1,800 kW · 1.3 / 0.95 / 0.8 = 3,078.9 kVA → 3,750 kVA (3,000 is not enough)', () => {
    const { requiredKva, sizeKva } = transformerSizing(1_800_000, 1.3, 0.95, 0.8);
    expect(requiredKva).toBeCloseTo(3_078.9, 1);
    expect(sizeKva).toBe(3_750);
  });
  it('facility load 2,340 kW is 2,463.2 kVA at PF 0.95', () => {
    expect(transformerSizing(1_800_000, 1.3, 0.95, 1).requiredKva).toBeCloseTo(2_463.2, 1);
  });
  it('returns no size above the largest standard rating', () => {
    expect(transformerSizing(100e6, 1.3, 0.95, 0.8).sizeKva).toBeNull();
  });
});

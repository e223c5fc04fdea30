/**
 * One rack's floor load against worked case 10 (copied here: tests never read the reference files).
 * Ratings: TIA-942 Rated-3 12 kPa (250 psf) uniform, TIA-569 4.5 kN (1,000 lbf) concentrated.
 */
import { describe, expect, it } from 'vitest';
import { formatQuantity } from '../../units/units';
import { AISLE_HALF_CAP_M, floorLoad } from './load';

const TIA = { uniformLoadKpa: 12, pointLoadKn: 4.5 };

describe('floorLoad, worked case 10', () => {
  it('10a: a DGX H100 rack, 717.8 kg on 600 × 1,200 mm, loads its footprint with 9.777 kPa: pass', () => {
    // 4 × 130.45 kg DGX H100 + 160 kg empty rack + 3 × 12 kg rack PDUs = 717.8 kg; 717.8 / 0.72 = 996.9 kg/m².
    const load = floorLoad(
      { massKg: 717.8, widthM: 0.6, depthM: 1.2, frontAisleHalfM: 0.6, backAisleHalfM: 0.45, loadPoints: 4 },
      TIA,
    );
    expect(load.footprintM2).toBeCloseTo(0.72, 10);
    expect(load.footprintKpa).toBeCloseTo(9.777, 3);
    expect(load.footprintOk && load.pitchOk && load.pointOk).toBe(true);
    expect(load.verdict).toBe('pass');
  });

  it('10b: a GB200 NVL72, 1,360 kg on 600 × 1,068 mm, fails on its footprint only: WARN, structural review', () => {
    const load = floorLoad(
      { massKg: 1_360, widthM: 0.6, depthM: 1.068, frontAisleHalfM: 0.6, backAisleHalfM: 0.6, loadPoints: 4 },
      TIA,
    );
    // Footprint 0.6408 m²: 1,360 / 0.6408 = 2,122.3 kg/m² = 20.81 kPa (434.7 psf) > 12 kPa.
    expect(load.footprintM2).toBeCloseTo(0.6408, 10);
    expect(load.footprintKpa).toBeCloseTo(20.81, 2);
    expect(formatQuantity(load.footprintKpa, 'pressure', 'imperial')).toBe('434.7 psf');
    expect(load.footprintOk).toBe(false);
    // Pitch 0.6 × (1.068 + 0.6 + 0.6) = 1.3608 m²: 999.4 kg/m² = 9.80 kPa ≤ 12 kPa.
    expect(load.pitchM2).toBeCloseTo(1.3608, 10);
    expect(load.pitchKpa).toBeCloseTo(9.8, 2);
    expect(load.pitchOk).toBe(true);
    // 1,360 / 4 = 340 kg per foot = 3.334 kN ≤ 4.5 kN.
    expect(load.pointKn).toBeCloseTo(3.334, 3);
    expect(load.pointOk).toBe(true);
    expect(load.verdict).toBe('warning');
  });

  it('is an error when the distributed or the concentrated basis exceeds its rating', () => {
    const rack = {
      massKg: 1_360,
      widthM: 0.6,
      depthM: 1.068,
      frontAisleHalfM: 0.6,
      backAisleHalfM: 0.6,
      loadPoints: 4,
    };
    const distributed = floorLoad(rack, { uniformLoadKpa: 9, pointLoadKn: 4.5 });
    expect(distributed).toMatchObject({ pitchOk: false, pointOk: true, verdict: 'error' });
    const point = floorLoad(rack, { uniformLoadKpa: 12, pointLoadKn: 3 });
    expect(point).toMatchObject({ pitchOk: true, pointOk: false, verdict: 'error' });
    // Six feet share the same rack: 1,360 · g / 6 = 2.223 kN.
    expect(floorLoad({ ...rack, loadPoints: 6 }, TIA).pointKn).toBeCloseTo(2.223, 3);
  });

  it('counts no more than 1.5 m of aisle on either side', () => {
    const load = floorLoad(
      { massKg: 1_000, widthM: 0.6, depthM: 1.2, frontAisleHalfM: 2.5, backAisleHalfM: 0.3, loadPoints: 4 },
      TIA,
    );
    expect(AISLE_HALF_CAP_M).toBe(1.5);
    expect(load.frontHalfM).toBe(1.5);
    expect(load.pitchM2).toBeCloseTo(0.6 * (1.2 + 1.5 + 0.3), 10);
  });
});

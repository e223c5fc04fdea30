import { describe, expect, it } from 'vitest';
import { siteTotals } from './siteTotals';

describe('PUE and DCiE (worked case 9)', () => {
  it('9a colo hall: IT 2,000, cooling 300, losses 120, other 30 kW → PUE 1.225, DCiE 81.63 %, overhead 3,942 MWh/yr', () => {
    const t = siteTotals({ itW: 2_000e3, coolingW: 300e3, lossesW: 120e3, auxiliaryW: 30e3, tariffPerKwh: 0.1 });
    expect(t.facilityW).toBe(2_450e3);
    expect(t.pue).toBeCloseTo(1.225, 6);
    expect(t.dciePct).toBeCloseTo(81.63, 2);
    expect(t.annualOverheadMWh).toBeCloseTo(3_942, 6);
    expect(t.annualEnergyMWh).toBeCloseTo(21_462, 6);
    expect(t.annualCost).toBeCloseTo(2_146_200, 3);
  });
  it('9b air-cooled mining hall: 10,000 kW miners, 250 kW fan wall, 150 kW losses → PUE 1.040', () => {
    const t = siteTotals({ itW: 10_000e3, coolingW: 250e3, lossesW: 150e3, auxiliaryW: 0, tariffPerKwh: 0 });
    expect(t.pue).toBeCloseTo(1.04, 6);
  });
  it('9c immersion container: 200 × 3.5 kW miners, 25 kW auxiliary → pPUE 1.036', () => {
    const t = siteTotals({ itW: 200 * 3_500, coolingW: 25e3, lossesW: 0, auxiliaryW: 0, tariffPerKwh: 0 });
    expect(t.pue).toBeCloseTo(1.036, 3);
  });
  it('has no PUE without IT load', () => {
    expect(siteTotals({ itW: 0, coolingW: 0, lossesW: 0, auxiliaryW: 1e3, tariffPerKwh: 0 }).pue).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { findingFigures } from './findingValues';

const text = (values: Record<string, number>, system: 'metric' | 'imperial') =>
  Object.fromEntries(findingFigures(values, system).map((f) => [f.name, `${f.label}: ${f.text}`]));

describe('findingFigures', () => {
  it('reads the unit from the value name and shows it in the project units', () => {
    const values = { maxInletC: 27, limitC: 32, minGapM: 1.2192, requiredM3s: 2.0862, flowLpm: 172.5 };
    expect(text(values, 'metric')).toEqual({
      maxInletC: 'max inlet: 27.0 °C',
      limitC: 'limit: 32.0 °C',
      minGapM: 'min gap: 1.22 m',
      requiredM3s: 'required: 7,510 m³/h',
      flowLpm: 'flow: 172.5 L/min',
    });
    // 27 °C = 80.6 °F; 1.2192 m = 4 ft; worked case 5b: 7,510 m³/h = 4,420 CFM; worked case 4: 45.6 US gpm.
    expect(text(values, 'imperial')).toEqual({
      maxInletC: 'max inlet: 80.6 °F',
      limitC: 'limit: 89.6 °F',
      minGapM: 'min gap: 4.00 ft',
      requiredM3s: 'required: 4,420 CFM',
      flowLpm: 'flow: 45.6 gpm',
    });
  });

  it('keeps electrical power in kW in both systems, with percentages, amps and counts as they are', () => {
    const values = { failoverLoadW: 122_400, utilisationPct: 122.4, l1A: 52.5, modulesNeeded: 5 };
    const expected = {
      failoverLoadW: 'failover load: 122.4 kW',
      utilisationPct: 'utilisation: 122.4 %',
      l1A: 'l1: 52.5 A',
      modulesNeeded: 'modules needed: 5',
    };
    expect(text(values, 'metric')).toEqual(expected);
    expect(text(values, 'imperial')).toEqual(expected);
  });

  it('converts floor loads, weights and sizes, also when the name is only the unit', () => {
    // Worked case 10: 12 kPa is 250.6 psf, 4.5 kN is 1,012 lbf; 2,122.3 kg/m² is 20.81 kPa.
    const values = { kpa: 12, pointKn: 4.5, massKg: 1_360, footprintKgM2: 2_122.3, widthMm: 600 };
    expect(text(values, 'imperial')).toEqual({
      kpa: 'kpa: 250.6 psf',
      pointKn: 'point: 1,012 lbf',
      massKg: 'mass: 2,998 lb',
      footprintKgM2: 'footprint: 434.7 psf',
      widthMm: 'width: 23.6 in',
    });
    expect(text(values, 'metric').footprintKgM2).toBe('footprint: 20.81 kPa');
  });
});

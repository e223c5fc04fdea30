import { describe, expect, it } from 'vitest';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { oneRackDoc } from '../../testing/fixtures';
import { runChecks } from '../index';
import {
  airDeltaTK,
  airflowCfmImperial,
  airflowCfmRuleOfThumb,
  airflowM3s,
  cfmToM3s,
  fToK,
  m3sToCfm,
  m3sToM3h,
  waterFlowLpm,
} from './airflow';

/** Airflow tolerance ±0.5 %, temperatures ±0.1 K (worked-cases.md). */
const within = (actual: number, expected: number, rel: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel);

describe('airflow for a 40 kW rack at ΔT 20 °F, and the liquid equivalent (worked case 4)', () => {
  it('rule of thumb 6,320 CFM; imperial 6,318.5 CFM; SI 2.9851 m³/s = 10,746 m³/h = 6,325 CFM', () => {
    within(airflowCfmRuleOfThumb(40_000, 20), 6_320, 0.005);
    within(airflowCfmImperial(40_000, 20), 6_318.5, 0.001);
    const si = airflowM3s(40_000, fToK(20));
    within(si, 2.9851, 0.001);
    within(m3sToM3h(si), 10_746, 0.001);
    within(m3sToCfm(si), 6_325, 0.001);
    // The three methods agree within 0.11 %.
    expect(Math.abs(m3sToCfm(si) - airflowCfmImperial(40_000, 20)) / 6_320).toBeLessThan(0.0011);
  });
  it('120 kW on water at ΔT 10 K: 172.5 L/min (45.6 US gpm)', () => {
    within(waterFlowLpm(120_000, 10), 172.5, 0.005);
    within(waterFlowLpm(120_000, 10) / 3.78541, 45.6, 0.005);
  });
});

describe('temperature rise against published and measured data (worked case 5)', () => {
  it('5a Antminer S19 Pro: 3,320 W at 370 CFM rises 15.77 K (SI), within 0.5 K of the measured 15.7 K', () => {
    const dT = airDeltaTK(3_320, cfmToM3s(370));
    within(dT, 15.77, 0.1 / 15.77);
    expect(Math.abs(dT - 15.7)).toBeLessThanOrEqual(0.5);
    expect(fToK(airflowCfmRuleOfThumb(3_320, 1) / 370)).toBeCloseTo(15.75, 1);
    expect(23.1 + dT).toBeCloseTo(38.85, 1);
  });
  it('5b DGX H100: 10.2 kW at 1,105 CFM rises 16.21 K; a rack of 4 moves 4,420 CFM (7,510 m³/h)', () => {
    const airflow = runChecks(oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }], sides: ['A'] }))
      .cooling.racks;
    const rack = airflow.get('rack-1')!;
    within(m3sToCfm(rack.airflowM3s), 4_420, 0.005);
    within(m3sToM3h(rack.airflowM3s), 7_510, 0.005);
    expect(rack.deltaTK).toBeCloseTo(16.21, 1);
    expect(rack.derived).toBe(false);
  });
  it('5b: the DGX H100 heat output (38,557 BTU/h = 11.30 kW) above its 10.2 kW input is a data-quality warning', () => {
    const { findings } = runChecks(oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 1 }], sides: ['A'] }));
    const [f] = findings.filter((x) => x.rule === 'catalog.data-quality');
    expect(f?.severity).toBe('warning');
    expect(f?.values.heatOutputW).toBeCloseTo(11_300, -1);
    expect(f?.entities).toEqual(['rack-1']);
  });
  it('5c DGX B200: 14.3 kW at 1,550 CFM rises 16.20 K', () => {
    expect(airDeltaTK(14_300, cfmToM3s(1_550))).toBeCloseTo(16.2, 1);
  });
  it('devices without published airflow are derived at 20 °F and marked so', () => {
    const airflow = runChecks(buildSampleFacility()).cooling.racks;
    const miners = airflow.get('rack-A-01-01')!;
    // 9 × S19 XP = 27.09 kW at 11.1 K.
    within(miners.airflowM3s, 27_090 / (1.2 * 1_005 * fToK(20)), 1e-9);
    expect(miners.derived).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { oneRackDoc } from '../testing/fixtures';
import { compareScenarios } from './compare';
import { buildSampleFacility } from '../sample/sampleFacility';

/** One rack of 4 × DGX H100, and a scenario that turns it into 4 × DGX B200 (worked case 12). */
function fixture() {
  const doc = oneRackDoc({
    sides: ['A', 'B'],
    devices: [{ catalogId: 'nvidia-dgx-h100', count: 4 }],
    redundancy: '2N',
  });
  doc.scenarios = [
    {
      id: 'b200',
      name: '4 × DGX B200',
      rules: [
        {
          id: 'r',
          scope: { kind: 'all' },
          match: 'gpu',
          action: {
            kind: 'replace',
            config: { rackTypeId: null, devices: [{ catalogId: 'nvidia-dgx-b200', count: 4 }] },
          },
        },
      ],
    },
  ];
  return doc;
}

describe('scenario comparison', () => {
  it('reports the known compute and MW of worked case 12', () => {
    const [drawn, b200] = compareScenarios(fixture(), [null, 'b200']);
    // 4 × 8 × 989.4 TFLOPS = 31.6608 PFLOPS on 4 × 10.2 kW: 776.0 TFLOPS per kW (12a).
    expect(drawn!.name).toBe('Design as drawn');
    expect(drawn!.gpus).toBe(32);
    expect(drawn!.bf16Pflops).toBeCloseTo(31.6608, 6);
    expect(drawn!.fp8Pflops).toBeCloseTo(63.3248, 6);
    expect(drawn!.itMw).toBeCloseTo(0.0408, 9);
    expect((drawn!.bf16Pflops * 1_000) / (drawn!.itMw * 1_000)).toBeCloseTo(776.0, 1);
    // 4 × 8 × 2,250 = 72 PFLOPS on 4 × 14.3 kW: 1,258.7 TFLOPS per kW.
    expect(b200!.bf16Pflops).toBeCloseTo(72, 9);
    expect(b200!.itMw).toBeCloseTo(0.0572, 9);
    expect((b200!.bf16Pflops * 1_000) / (b200!.itMw * 1_000)).toBeCloseTo(1_258.7, 1);
  });

  it('costs each scenario from its own bill of materials, and the build by the C&W cost per MW (12b)', () => {
    const [drawn, b200] = compareScenarios(fixture(), [null, 'b200']);
    // 4 × DGX H100 at $199,000; racks and circuits have no public price.
    expect(drawn!.capex).toBe(796_000);
    expect(drawn!.capexUnpricedLines).toBeGreaterThan(0);
    expect(drawn!.costPerPflops).toBeCloseTo(796_000 / 31.6608, 3);
    // The DGX B200 has no public price: a quote is needed, capex covers nothing of it.
    expect(b200!.capex).toBe(0);
    // 0.0408 MW × $11.7 M/MW = $477,360 mid.
    expect(drawn!.buildCost.midUsd).toBeCloseTo(477_360, 6);
  });

  it('gives every check a verdict and the cooling each design needs', () => {
    const doc = buildSampleFacility();
    doc.scenarios = [
      {
        id: 'gb',
        name: 'Miners → GB200',
        rules: [
          {
            id: 'r',
            scope: { kind: 'all' },
            match: 'miner',
            action: {
              kind: 'replace',
              config: { rackTypeId: 'rack-48u-600x1200', devices: [{ catalogId: 'nvidia-gb200-nvl72', count: 1 }] },
            },
          },
        ],
      },
    ];
    const [drawn, gb] = compareScenarios(doc, [null, 'gb', 'missing']);
    expect(drawn!.verdicts.power.errors).toBe(1);
    expect(drawn!.verdicts.security.errors).toBe(3);
    expect(drawn!.coolingTechnologies).toEqual(['air', 'containment']);
    expect(drawn!.hashratePhs).toBeCloseTo((20 * 9 * 140) / 1_000, 6);
    // 20 GB200 racks: no liquid loop, far beyond the power chain.
    expect(gb!.coolingTechnologies).toContain('direct-to-chip');
    expect(gb!.verdicts.cooling.errors).toBeGreaterThan(0);
    expect(gb!.verdicts.power.errors).toBeGreaterThan(drawn!.verdicts.power.errors);
    expect(gb!.hashratePhs).toBe(0);
    expect(gb!.capex).toBeGreaterThanOrEqual(20 * 3_000_000);
  });
});

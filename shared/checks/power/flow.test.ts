import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import { buildSampleFacility } from '../../sample/sampleFacility';
import { oneRackDoc } from '../../testing/fixtures';
import { runChecks } from '../index';
import { buildLargeSite } from '../../testing/largeSite';
import { drawRack, evaluate, NORMAL } from './flow';
import { simulateFailure } from './simulate';
import { buildPowerGraph } from './topology';

const sample = buildSampleFacility();
const { power } = runChecks(sample);
const kW = (id: string) => power.components.get(id)!.loadW / 1000;

describe('loads roll up the sample chain', () => {
  it('PDU A1 carries 6 racks × 30.6 kW / 2 sides = 91.8 kW; UPS A 183.6 kW', () => {
    expect(kW('pdu-a1')).toBeCloseTo(91.8, 9);
    expect(kW('ups-a')).toBeCloseTo(183.6, 9);
  });

  it('UPS input = output / 96 %; switchboard A = UPS A input + miner busway + half the facility load', () => {
    const upsIn = 183.6 / 0.96;
    expect(power.components.get('ups-a')!.inputW / 1000).toBeCloseTo(upsIn, 9);
    // 20 bays × 9 × 3,010 W = 541.8 kW of miners; facility = five 7.5 kW fan walls + 20 kW auxiliary, half on board A.
    const facilityHalf = (5 * 7.5 + 20) / 2;
    expect(kW('busway-m1')).toBeCloseTo(541.8, 9);
    expect(kW('mech-a')).toBeCloseTo(facilityHalf, 9);
    expect(kW('swbd-a')).toBeCloseTo(upsIn + 541.8 + facilityHalf, 9);
    expect(kW('tx-a')).toBeCloseTo(kW('swbd-a'), 9);
    expect(kW('utility-1')).toBeCloseTo(kW('tx-a') / 0.985 + kW('tx-b') / 0.985, 9);
  });

  it('site totals: IT 909 kW, losses from UPS and transformer efficiencies, PUE = facility / IT', () => {
    const { site } = power;
    expect(site.itW).toBe(909_000);
    const upsLoss = 2 * (183.6 / 0.96 - 183.6);
    const txLoss = (kW('tx-a') + kW('tx-b')) * (1 / 0.985 - 1);
    expect(site.lossesW / 1000).toBeCloseTo(upsLoss + txLoss, 6);
    expect(site.pue).toBeCloseTo(site.facilityW / 909_000, 12);
    expect(site.annualCost).toBeCloseTo(site.annualEnergyMWh * 1000 * 0.08, 6);
  });

  it('facility load not hung on the chain is carried by the utility', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }], sides: ['A'] });
    doc.settings.coolingPowerRatio = 0.25;
    doc.settings.auxiliaryLoadKw = 10;
    expect(runChecks(doc).power.components.get('utility')!.loadW).toBeCloseTo(30_600 * 1.25 + 10_000, 9);
  });
});

describe('stranded capacity and headroom', () => {
  it('UPS A (500 kW) can only ever deliver what its 12 rack circuits can draw: 12 × 34.416 kW', () => {
    // Each 400 A PDU could give 218.5 kW, but its six 63 A circuits take at most 6 × 34.416 = 206.5 kW.
    const circuit = Math.sqrt(3) * 415 * 63 * 0.95 * 0.8;
    expect(power.components.get('pdu-a1')!.strandedW).toBeCloseTo(
      Math.sqrt(3) * 415 * 400 * 0.95 * 0.8 - 6 * circuit,
      6,
    );
    expect(power.components.get('ups-a')!.strandedW).toBeCloseTo(500_000 - 12 * circuit, 6);
    expect(power.components.get('ups-b')!.strandedW).toBe(0);
  });

  it('the GPU configuration has no headroom: UPS B is already short with side A and a module lost', () => {
    const gpu = power.headroom.find((h) => h.label === '3 × NVIDIA DGX H100')!;
    expect(gpu).toMatchObject({ rackLoadW: 30_600, headroomW: 0, moreRacks: 0, limitingId: 'ups-b' });
  });

  it('with a fifth module in UPS B, one more GPU rack fits: 400 − 367.2 = 32.8 kW', () => {
    const fixed = buildSampleFacility();
    (fixed.power.find((p) => p.id === 'ups-b') as { modules: number }).modules = 5;
    const { findings, power: p } = runChecks(fixed);
    expect(findings.filter((f) => f.severity === 'error' && f.rule.startsWith('power.'))).toEqual([]);
    const gpu = p.headroom.find((h) => h.label === '3 × NVIDIA DGX H100')!;
    expect(gpu.headroomW).toBeCloseTo(32_800, 3);
    expect(gpu.moreRacks).toBe(1);
  });

  it('miner bays are limited by the 1,250 A busway in normal operation', () => {
    const miners = power.headroom.find((h) => h.label.startsWith('9 × Bitmain Antminer S19 XP'))!;
    const busway = Math.sqrt(3) * 415 * 1_250 * 0.95 * 0.8;
    expect(miners.limitingId).toBe('busway-m1');
    expect(miners.headroomW).toBeCloseTo(busway - 541_800, 3);
    expect(miners.moreRacks).toBe(Math.floor((busway - 541_800) / 27_090));
  });
});

describe('failure simulation', () => {
  const catalog = catalogFor(sample);

  it('losing UPS A moves the GPU rows to side B; miners and everything else keep running', () => {
    const sim = simulateFailure(sample, catalog, ['ups-a']);
    expect(sim.label).toBe('loss of UPS A (5 × 100 kW)');
    expect(sim.overloaded).toEqual([]);
    expect(sim.darkRackIds).toEqual([]);
    expect(sim.throttledRackIds).toHaveLength(12);
    expect(sim.deadComponentIds).toEqual(expect.arrayContaining(['ups-a', 'pdu-a1', 'ckt-A-02-01-a']));
    expect(sim.loadW.get('ups-b')).toBeCloseTo(367_200, 6);
  });

  it('losing transformer T1 darkens the miners (on board A only), and the generator stays idle', () => {
    const sim = simulateFailure(sample, catalog, ['tx-a']);
    expect(sim.darkRackIds).toHaveLength(20);
    expect(sim.loadW.get('gen-1')).toBe(0);
  });

  it('losing the utility puts board B on the generator', () => {
    const sim = simulateFailure(sample, catalog, ['utility-1']);
    expect(sim.loadW.get('gen-1')).toBeCloseTo(sim.loadW.get('swbd-b')!, 9);
    expect(sim.overloaded).toEqual([]);
  });

  it('losing a module of UPS B as well as UPS A overloads UPS B', () => {
    const sim = simulateFailure(sample, catalog, ['ups-a'], new Map([['ups-b', 1]]));
    expect(sim.overloaded.map((o) => o.id)).toEqual(['ups-b']);
    expect(sim.utilisationPct.get('ups-b')).toBeCloseTo(122.4, 1);
  });
});

describe('an incomplete chain', () => {
  it('a loaded circuit with nothing upstream is a warning, not silence', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 1 }], sides: ['A'] });
    doc.power.find((p) => p.id === 'ckt-A')!.parentId = null;
    const found = runChecks(doc).findings.filter((f) => f.rule === 'power.unconnected');
    expect(found.map((f) => f.entities)).toEqual([['ckt-A']]);
  });
});

describe('group loads (each rack configuration’s IT through a component)', () => {
  it('equal, for every component, the draws of the racks whose supply passes through it, side by side', () => {
    for (const doc of [sample, buildLargeSite(100)]) {
      const graph = buildPowerGraph(doc, catalogFor(doc));
      const flow = evaluate(graph, doc.settings, NORMAL);
      // Reference: each rack's draw on a side, added to every live component up that side's path.
      const expected = graph.components.map(() => new Map<number, number>());
      graph.racks.forEach((r, ri) => {
        const group = graph.rackGroup[ri]!;
        drawRack(r, r.a !== -1 && flow.live[r.a] === 1, r.b !== -1 && flow.live[r.b] === 1, (side, per, count) => {
          for (let i = side; i !== -1 && flow.live[i]; i = flow.fedBy[i]!)
            expected[i]!.set(group, (expected[i]!.get(group) ?? 0) + per * count);
        });
      });
      let compared = 0;
      expected.forEach((groups, i) => {
        const got = flow.groupItW(i);
        expect([...got.keys()].sort()).toEqual([...groups.keys()].sort());
        for (const [g, w] of groups) {
          expect(Math.abs(got.get(g)! - w)).toBeLessThanOrEqual(1e-9 * Math.max(1, w));
          compared++;
        }
      });
      // Every rack configuration is counted at every level of its path.
      expect(compared).toBeGreaterThanOrEqual(graph.groups.length * 4);
    }
  });
});

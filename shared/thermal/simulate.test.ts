import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import { rackThermal } from '../checks/cooling/rackThermal';
import { newRack } from '../model/factory';
import type { ProjectDocument } from '../model/schema';
import { buildSampleFacility } from '../sample/sampleFacility';
import { ductDoc, randomLayoutDoc, thermalHallDoc, type ThermalHallOptions } from '../testing/thermalHall';
import { CP_AIR, RHO_AIR } from '../units/constants';
import { simulateThermal } from './simulate';
import type { ThermalOptions, ThermalResult } from './types';

function run(doc: ProjectDocument, options: ThermalOptions): ThermalResult {
  const r = simulateThermal(doc, options);
  if (!r.ok) throw new Error(r.error);
  return r.result;
}

const balance = (r: ThermalResult) => {
  const h = r.halls[0]!;
  return Math.abs(h.heatRemovedW - h.heatAddedW) / h.heatAddedW;
};

/** A small open hall: one pair of 8-rack rows, two CRAHs on each end wall. */
const SMALL: ThermalHallOptions = {
  pairs: 1,
  perRow: 8,
  devices: 2,
  contained: false,
  unitsPerWall: 2,
  unitAirflowM3h: 20_000,
  supplyC: 20,
  heightM: 3,
  margin: 4,
};

describe('a single rack in a duct (analytic)', () => {
  const P = 3 * 10_200;
  const flow = (3 * 1105) / 2118.88;
  const rise = P / (RHO_AIR * CP_AIR * flow);

  it('draws supply air and blows T_supply + P / (ρ · c_p · V̇) = 20 + 16.22 °C, which the cooler takes back', () => {
    const r = run(ductDoc(20), { resolutionM: 0.2 });
    expect(rise).toBeCloseTo(16.21, 1);
    const rack = r.racks[0]!;
    expect(rack.airHeatW).toBe(P);
    expect(rack.airflowM3s).toBeCloseTo(flow, 9);
    expect(rack.inletMeanC).toBeCloseTo(20, 3);
    expect(rack.outletC).toBeCloseTo(20 + rise, 3);
    const unit = r.returns[0]!;
    expect(unit.returnC).toBeCloseTo(20 + rise, 2);
    expect(Math.abs(unit.heatRemovedW - P) / P).toBeLessThan(1e-3);
    expect(r.halls[0]!.indices.rti).toBeCloseTo(100, 1);
    expect(r.halls[0]!.recirculation).toBeLessThan(1e-3);
  });

  it('holds at a finer grid and another supply temperature', () => {
    const r = run(ductDoc(24), { resolutionM: 0.1 });
    expect(r.racks[0]!.inletMeanC).toBeCloseTo(24, 2);
    expect(r.returns[0]!.returnC).toBeCloseTo(24 + rise, 1);
  });
});

describe('energy balance: heat removed by the units = heat added, within 1 %', () => {
  it('on the sample hall (fan walls, contained hot aisle, lighting)', () => {
    const r = run(buildSampleFacility(), { resolutionM: 0.5 });
    const h = r.halls[0]!;
    const catalog = catalogFor(buildSampleFacility());
    const rackAir = [...rackThermal(buildSampleFacility(), catalog).values()].reduce((s, t) => s + t.roomW, 0);
    // Racks' air heat + lighting 10 W/m² × 60 × 24 m.
    expect(h.heatAddedW).toBeCloseTo(rackAir + 10 * 60 * 24, 6);
    expect(balance(r)).toBeLessThan(0.01);
    expect(r.returns.reduce((s, u) => s + u.heatRemovedW, 0)).toBeCloseTo(h.heatRemovedW, 3);
  });

  it.each([1, 2, 3])('on a random layout (seed %i)', (seed) => {
    expect(balance(run(randomLayoutDoc(seed), { resolutionM: 0.5 }))).toBeLessThan(0.01);
  });

  it('on a raised floor, supplied through perforated tiles in front of the racks', () => {
    const doc = thermalHallDoc({ ...SMALL, contained: true });
    doc.halls[0]!.floor = { ...doc.halls[0]!.floor, kind: 'raised', raisedHeightM: 0.6 };
    doc.halls[0]!.height = 3.6;
    const r = run(doc, { resolutionM: 0.25 });
    expect(balance(r)).toBeLessThan(0.01);
    expect(r.fields[0]!.grid.zOriginM).toBe(0.6);
    // Tiles deliver 20 °C air at the intakes; units move 1.3 × what the racks draw.
    for (const rack of r.racks) expect(rack.inletMeanC).toBeLessThan(21);
  });
});

describe('symmetry', () => {
  it('a layout mirrored about x = width / 2 gives mirrored inlet temperatures', () => {
    const o = { ...SMALL, pairs: 2, perRow: 10 };
    const r = run(thermalHallDoc(o), { resolutionM: 0.5 });
    const byId = new Map(r.racks.map((x) => [x.rackId, x]));
    let worst = 0;
    for (const x of r.racks) {
      const [row, i] = x.rackId.slice(1).split('-').map(Number) as [number, number];
      const mirror = byId.get(`r${row}-${o.perRow + 1 - i}`)!;
      worst = Math.max(worst, Math.abs(mirror.inletMeanC - x.inletMeanC), Math.abs(mirror.inletMaxC - x.inletMaxC));
    }
    expect(worst).toBeLessThan(0.05);
  });
});

describe('grid refinement', () => {
  it('the hall means converge as the cells halve (0.5 → 0.25 → 0.125 m)', () => {
    const doc = thermalHallDoc(SMALL);
    const at = [0.5, 0.25, 0.125].map((d) => {
      const r = run(doc, { resolutionM: d });
      return {
        inlet: r.racks.reduce((s, x) => s + x.inletMeanC, 0) / r.racks.length,
        recirculation: r.halls[0]!.recirculation,
      };
    });
    const [a, b, c] = at as [(typeof at)[0], (typeof at)[0], (typeof at)[0]];
    expect(Math.abs(c.inlet - b.inlet)).toBeLessThan(Math.abs(b.inlet - a.inlet));
    expect(Math.abs(c.recirculation - b.recirculation)).toBeLessThan(Math.abs(b.recirculation - a.recirculation));
    expect(Math.abs(c.inlet - b.inlet)).toBeLessThan(1);
  });
});

describe('results and findings', () => {
  const sample = run(buildSampleFacility(), { resolutionM: 0.5 });

  it('gives a field per hall: one temperature per cell, NaN in solids, velocity (u, v, w) per cell', () => {
    const f = sample.fields[0]!;
    const cells = f.grid.nx * f.grid.ny * f.grid.nz;
    expect(f.grid).toMatchObject({ nx: 120, ny: 48, nz: 12, cellM: 0.5, zOriginM: 0 });
    expect(f.temperatureC).toHaveLength(cells);
    expect(f.velocity).toHaveLength(3 * cells);
    expect(f.solid).toHaveLength(cells);
    let mismatches = 0;
    for (let c = 0; c < cells; c++) if (Number.isNaN(f.temperatureC[c]!) !== (f.solid[c] === 1)) mismatches++;
    expect(mismatches).toBe(0);
    expect(sample.halls[0]!.cells).toBe(cells);
  });

  it('reports every rack and unit, with statuses that match the limits', () => {
    const doc = buildSampleFacility();
    expect(sample.racks).toHaveLength(doc.racks.length);
    expect(sample.returns.map((u) => u.unitId).sort()).toEqual(doc.cooling.map((u) => u.id).sort());
    for (const r of sample.racks) {
      if (r.status === 'over-allowable') expect(r.inletMaxC).toBeGreaterThan(r.allowableMaxC);
      if (r.status === 'over-recommended') expect(r.inletMaxC).toBeGreaterThan(r.recommendedMaxC);
      if (r.status === 'ok') expect(r.inletMaxC).toBeLessThanOrEqual(r.recommendedMaxC);
      expect(r.outletC).toBeGreaterThan(r.inletMeanC);
    }
  });

  it('names the racks over their limits, and gives the indices with formula and source', () => {
    const over = sample.racks.filter((r) => r.status === 'over-recommended').map((r) => r.rackId);
    const f = sample.findings.find((x) => x.rule === 'thermal.inlet-recommended');
    expect(f?.entities.sort()).toEqual(over.sort());
    const rci = sample.findings.filter((x) => x.rule === 'thermal.rci');
    expect(rci).toHaveLength(2);
    expect(rci[0]!.formula).toContain('RCI_HI');
    const rti = sample.findings.find((x) => x.rule === 'thermal.rti')!;
    expect(rti.values.rtiPct).toBeCloseTo(sample.halls[0]!.indices.rti!, 9);
    expect(rti.source).toContain('worked case 7');
  });

  it('counts only the residual air heat of liquid-cooled racks; immersed racks move no air', () => {
    const doc = thermalHallDoc({ ...SMALL, perRow: 4 });
    doc.cooling.push(
      {
        kind: 'cdu',
        id: 'cdu',
        name: 'CDU',
        existing: false,
        hallId: 'hall-1',
        position: { x: 10, y: 1 },
        rotationDeg: 0,
        widthM: 0.6,
        depthM: 1.2,
        heightM: 2,
        capacityKw: 500,
        flowLpm: 600,
        deltaTK: 10,
        supplyC: 30,
        pumpKw: 5,
        rejectionId: null,
      },
      {
        kind: 'immersion-tank',
        id: 'tank',
        name: 'Tank',
        existing: false,
        hallId: 'hall-1',
        position: { x: 4, y: 1 },
        rotationDeg: 0,
        widthM: 1,
        depthM: 2,
        heightM: 1.2,
        capacityKw: 100,
        slots: 10,
        pumpKw: 2,
        rejectionId: null,
      },
    );
    const gb = doc.racks[0]!;
    gb.devices = [{ id: 'gb', catalogId: 'nvidia-gb200-nvl72', uPosition: 1, feed: 'AB', existing: false }];
    gb.liquidLoopId = 'cdu';
    doc.racks[1]!.liquidLoopId = 'tank';
    const thermal = rackThermal(doc, catalogFor(doc));
    const r = run(doc, { resolutionM: 0.5 });
    const gbResult = r.racks.find((x) => x.rackId === gb.id)!;
    expect(gbResult.airHeatW).toBeCloseTo(thermal.get(gb.id)!.roomW, 6);
    expect(gbResult.airHeatW).toBeLessThan(thermal.get(gb.id)!.itW * 0.5);
    expect(r.racks.find((x) => x.rackId === doc.racks[1]!.id)!.status).toBe('not-air-cooled');
    expect(balance(r)).toBeLessThan(0.01);
  });

  it('refuses a hall with heat and no air unit, with a finding, and simulates only the halls asked for', () => {
    const doc = thermalHallDoc({ ...SMALL, perRow: 2 });
    const bare = { ...doc.halls[0]!, id: 'hall-2', code: 'B', name: 'Hall 2' };
    doc.halls.push(bare);
    doc.racks.push(
      newRack({
        id: 'lonely',
        name: 'Lonely',
        hallId: 'hall-2',
        rackTypeId: 'rack-48u-600x1200',
        position: { x: 5, y: 5 },
        devices: [{ id: 'd', catalogId: 'nvidia-dgx-h100', uPosition: 1, feed: 'AB', existing: false }],
      }),
    );
    const all = run(doc, { resolutionM: 0.5 });
    expect(all.halls.map((h) => h.hallId)).toEqual(['hall-1']);
    expect(all.findings.find((f) => f.rule === 'thermal.no-cooling')?.entities).toEqual(['hall-2']);
    const one = run(doc, { resolutionM: 0.5, hallIds: ['hall-1'] });
    expect(one.findings.some((f) => f.rule === 'thermal.no-cooling')).toBe(false);
  });

  it('reports progress, and cancels when the callback returns false', () => {
    const phases = new Set<string>();
    let last = 0;
    const ok = simulateThermal(buildSampleFacility(), { resolutionM: 0.5 }, (p) => {
      phases.add(p.phase);
      expect(p.fraction).toBeGreaterThanOrEqual(last - 1e-12);
      last = p.fraction;
    });
    expect(ok.ok).toBe(true);
    expect([...phases]).toEqual(['grid', 'flow', 'temperature', 'results']);
    expect(last).toBe(1);
    let calls = 0;
    const cancelled = simulateThermal(buildSampleFacility(), { resolutionM: 0.5 }, (p) => {
      calls++;
      return p.phase !== 'flow' || p.iteration < 2;
    });
    expect(cancelled).toEqual({ ok: false, cancelled: true, error: 'The simulation was cancelled.' });
    expect(calls).toBeLessThan(10);
  });

  it('refuses a resolution out of range', () => {
    const r = simulateThermal(buildSampleFacility(), { resolutionM: 0.01 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.cancelled).toBe(false);
  });
});

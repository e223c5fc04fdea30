import { describe, expect, it } from 'vitest';
import type { CoolingUnit, ProjectDocument } from '../../model/schema';
import { chiller, coolingHallDoc, crah } from '../../testing/coolingFixtures';
import { catalogFor } from '../../catalog';
import { runChecks } from '../index';
import { cfmToM3s } from './airflow';
import { evaluateCooling } from './index';

const H100 = 'nvidia-dgx-h100';

/**
 * Two rows of ten racks, 2 × DGX H100 each (20.4 kW, 2,210 CFM), back to back across a 1.2 m hot
 * aisle, cooled by three 250 kW / 45,000 m³/h CRAHs on a 1 MW chiller (COP 5), declared N+1.
 * IT airflow Σ V̇_IT = 20 × 2,210 CFM = 20.860 m³/s = 75,096 m³/h.
 */
function twoRowHall(contained: boolean, crahKw: [number, number, number] = [250, 250, 250]): ProjectDocument {
  const doc = coolingHallDoc([
    { id: 'r1', y: 5, rotationDeg: 0, count: 10, devices: [{ catalogId: H100, count: 2 }] },
    { id: 'r2', y: 7.4, rotationDeg: 180, count: 10, devices: [{ catalogId: H100, count: 2 }] },
  ]);
  doc.cooling.push(crah('c1', crahKw[0], 45_000), crah('c2', crahKw[1], 45_000), crah('c3', crahKw[2], 45_000));
  doc.cooling.push(chiller(1_000));
  if (contained)
    doc.containments.push({
      id: 'hac',
      hallId: 'hall-1',
      name: 'Hot aisle',
      type: 'hot',
      rowIds: ['r1', 'r2'],
      bypassFraction: 0.05,
      recirculationFraction: 0.03,
    });
  return doc;
}

const cooling = (doc: ProjectDocument) =>
  runChecks(doc).findings.filter((f) => f.rule.startsWith('cooling.') && f.severity !== 'info');

describe('airflow per room: a hall that passes with containment and fails without', () => {
  const demand = 20 * cfmToM3s(2_210);

  it('contained (bypass 5 %): needs 79,048 m³/h; N+1 leaves 90,000 m³/h — no finding', () => {
    const doc = twoRowHall(true);
    const { cooling: metrics } = runChecks(doc);
    const room = metrics.rooms[0]!;
    expect(room.airflow.demandM3s).toBeCloseTo(demand, 9);
    expect(room.airflow.requiredM3s * 3600).toBeCloseTo((demand / 0.95) * 3600, 6);
    expect(room.airflow.supply.installed * 3600).toBeCloseTo(135_000, 6);
    expect(room.airflow.supply.available * 3600).toBeCloseTo(90_000, 6);
    expect(cooling(doc)).toEqual([]);
  });

  it('open (bypass 35 %): needs 115,532 m³/h, so losing one CRAH leaves 90,000 — an error with the deficit in m³/h and CFM', () => {
    const found = cooling(twoRowHall(false));
    const air = found.filter((f) => f.rule === 'cooling.airflow');
    expect(air).toHaveLength(1);
    expect(air[0]!.severity).toBe('error');
    expect(air[0]!.values.requiredM3s! * 3600).toBeCloseTo((demand / 0.65) * 3600, 6);
    expect(air[0]!.values.deficitM3s! * 3600).toBeCloseTo((demand / 0.65) * 3600 - 90_000, 6);
    expect(air[0]!.message).toMatch(/declared N\+1 does not hold for airflow/);
    expect(air[0]!.message).toMatch(/m³\/h \([\d,]+ CFM\)/);
    // 20.4 kW in open air is above the 15 kW at which containment is advised (a warning, not an error).
    const density = found.filter((f) => f.rule === 'cooling.density');
    expect(density.map((f) => f.severity)).toEqual(['warning']);
    expect(density[0]!.entities).toHaveLength(20);
  });

  it('declared N instead: the open hall has enough airflow with every unit running', () => {
    const doc = twoRowHall(false);
    doc.settings.cooling.redundancy = 'N';
    expect(cooling(doc).filter((f) => f.rule === 'cooling.airflow')).toEqual([]);
  });
});

describe('heat balance per room with the declared redundancy', () => {
  // 20 × 20.4 kW = 408 kW of rack heat + 450 m² × 10 W/m² lighting = 412.5 kW.
  it('sensible heat = rack air heat + lighting; N+1 of 3 × 250 kW leaves 500 kW: passes', () => {
    const { cooling: metrics } = runChecks(twoRowHall(true));
    const room = metrics.rooms[0]!;
    expect(room.heat.rackAirW).toBeCloseTo(408_000, 6);
    expect(room.heat.lightingW).toBeCloseTo(4_500, 9);
    expect(room.capacity.installed).toBeCloseTo(750_000, 6);
    expect(room.capacity.available).toBeCloseTo(500_000, 6);
  });

  it('an N+1 claim that fails when the largest unit is lost: 250 + 150 + 150 kW, losing the 250 leaves 300 kW for 412.5 kW', () => {
    const found = cooling(twoRowHall(true, [250, 150, 150])).filter((f) => f.rule === 'cooling.heat-balance');
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe('error');
    expect(found[0]!.entities).toContain('c1');
    expect(found[0]!.values.availableW).toBeCloseTo(300_000, 6);
    expect(found[0]!.values.heatW).toBeCloseTo(412_500, 6);
    expect(found[0]!.message).toMatch(/declared N\+1 does not hold — with CRAH c1 lost/);
  });

  it('2N loses the larger half of the units; N loses none', () => {
    const doc = twoRowHall(true, [250, 150, 150]);
    doc.settings.cooling.redundancy = 'N';
    expect(cooling(doc).filter((f) => f.rule === 'cooling.heat-balance')).toEqual([]);
    doc.settings.cooling.redundancy = '2N';
    const [f] = cooling(doc).filter((x) => x.rule === 'cooling.heat-balance');
    expect(f!.values.availableW).toBeCloseTo(150_000, 6);
  });

  it('more heat than installed capacity is an error whatever the redundancy', () => {
    const doc = twoRowHall(true, [100, 100, 100]);
    doc.settings.cooling.redundancy = 'N';
    const [f] = cooling(doc).filter((x) => x.rule === 'cooling.heat-balance');
    expect(f!.values.deficitW).toBeCloseTo(112_500, 6);
  });

  it('UPS losses count in the room the UPS stands in', () => {
    const doc = twoRowHall(true);
    const { cooling: metrics } = runChecks(doc);
    expect(metrics.rooms[0]!.heat.upsLossW).toBe(0);
  });

  it('cooling power feeds the power engine: 3 × 5 kW fans + 412.5 kW / COP 5 = 97.5 kW', () => {
    const { cooling: metrics, power } = runChecks(twoRowHall(true));
    expect(metrics.power.fansW).toBeCloseTo(15_000, 9);
    expect(metrics.power.rejectionW).toBeCloseTo(82_500, 6);
    expect(power.site.coolingW).toBeCloseTo(97_500, 6);
  });
});

describe('rooms and racks’ heat kept between the checks of an edited document', () => {
  // An edit makes new objects only for what it changes, so a hall whose racks, units, containments
  // and rules are the same objects keeps its room, and a rack its heat; the result is always that
  // of a check of a copy sharing nothing with the last.
  const door: CoolingUnit = {
    kind: 'rear-door',
    id: 'door-1',
    name: 'Rear door',
    existing: false,
    rackId: 'r1-1',
    capacityKw: 10,
    waterSupplyC: 18,
    waterReturnC: 24,
    loopId: null,
  };
  const start = { ...twoRowHall(true), cooling: [...twoRowHall(true).cooling, door] };
  // One catalog, as an editor's checker keeps while the custom devices stay the same.
  const catalog = catalogFor(start);
  const fresh = (doc: ProjectDocument) => {
    const e = evaluateCooling(structuredClone(doc), catalog);
    return { rooms: e.rooms, racks: e.racks };
  };
  const edits: [string, (doc: ProjectDocument) => ProjectDocument][] = [
    ['a rack’s devices', (d) => ({ ...d, racks: d.racks.map((r, i) => (i === 3 ? { ...r, devices: [] } : r)) })],
    [
      'a unit’s airflow',
      (d) => ({ ...d, cooling: d.cooling.map((u) => (u.id === 'c2' ? { ...u, airflowM3h: 30_000 } : u)) }),
    ],
    [
      'a containment’s bypass',
      (d) => ({ ...d, containments: d.containments.map((c) => ({ ...c, bypassFraction: 0.2 })) }),
    ],
    [
      'the lighting rule',
      (d) => ({ ...d, settings: { ...d.settings, cooling: { ...d.settings.cooling, lightingWPerM2: 40 } } }),
    ],
    ['the hall’s size', (d) => ({ ...d, halls: d.halls.map((h) => ({ ...h, width: h.width + 2 })) })],
    [
      'a rear door’s capacity',
      (d) => ({ ...d, cooling: d.cooling.map((u) => (u === door ? { ...door, capacityKw: 5 } : u)) }),
    ],
    [
      'the load basis',
      (d) => ({
        ...d,
        settings: { ...d.settings, loadBasis: d.settings.loadBasis === 'nameplate' ? 'typical' : 'nameplate' },
      }),
    ],
    ['the containment’s rows', (d) => ({ ...d, containments: d.containments.map((c) => ({ ...c, rowIds: ['r1'] })) })],
  ];
  it.each(edits)('are worked out again after an edit of %s, and kept otherwise', (_what, edit) => {
    const before = evaluateCooling(start, catalog).rooms;
    expect(evaluateCooling({ ...start }, catalog).rooms[0]).toBe(before[0]);
    const edited = edit(start);
    const after = evaluateCooling(edited, catalog);
    expect(after.rooms[0]).not.toBe(before[0]);
    expect({ rooms: after.rooms, racks: after.racks }).toEqual(fresh(edited));
    expect(after.rooms).not.toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import type { CoolingUnit, ProjectDocument } from '../../model/schema';
import { chiller, coolingHallDoc, crah } from '../../testing/coolingFixtures';
import { runChecks } from '../index';
import { createChecker } from '../incremental';

const GB200 = 'nvidia-gb200-nvl72';
const rule = (doc: ProjectDocument, r: string) => runChecks(doc).findings.filter((f) => f.rule === r);

const cdu = (capacityKw: number, flowLpm: number, rejectionId: string | null = 'chiller'): CoolingUnit => ({
  kind: 'cdu',
  id: 'cdu-1',
  name: 'CDU 1',
  existing: false,
  hallId: 'hall-1',
  position: { x: 2, y: 2 },
  rotationDeg: 0,
  widthM: 0.8,
  depthM: 1.2,
  heightM: 2,
  capacityKw,
  flowLpm,
  deltaTK: 10,
  supplyC: 30,
  pumpKw: 3,
  rejectionId,
});

/** One GB200 NVL72 rack (120 kW, 85 % of it to cold plates). */
const gb200Doc = (loop: string | null) =>
  coolingHallDoc([
    { id: 'r1', y: 5, rotationDeg: 0, count: 1, devices: [{ catalogId: GB200, count: 1 }], liquidLoopId: loop },
  ]);

describe('rack density against its cooling technology', () => {
  it('a GB200-class rack on air is an error: it needs liquid, and 120 kW is beyond open air', () => {
    const found = rule(gb200Doc(null), 'cooling.density');
    expect(found.map((f) => f.key).sort()).toEqual([
      'cooling.density:needs-liquid:hall-1',
      'cooling.density:open-max:hall-1',
    ]);
    expect(found.every((f) => f.severity === 'error')).toBe(true);
    const needs = found.find((f) => f.key.includes('needs-liquid'))!;
    expect(needs.values.maxW).toBeCloseTo(102_000, 6);
    expect(needs.entities).toEqual(['r1-1']);
  });

  it('on a CDU: 102 kW to liquid, the 18 kW left to air is only a review warning in an open room', () => {
    const doc = gb200Doc('cdu-1');
    doc.cooling.push(cdu(150, 200), chiller(500));
    const { findings, cooling } = runChecks(doc);
    const t = cooling.racks.get('r1-1')!;
    expect(t.liquidW).toBeCloseTo(102_000, 6);
    expect(t.roomW).toBeCloseTo(18_000, 6);
    expect(t.technology).toBe('direct-liquid');
    const density = findings.filter((f) => f.rule === 'cooling.density');
    expect(density.map((f) => [f.key, f.severity])).toEqual([['cooling.density:open-review:hall-1', 'warning']]);
  });
});

describe('liquid loops (worked case 4: 120 kW on water at ΔT 10 K needs 172.5 L/min)', () => {
  it('a CDU carries its racks; flow needed V̇ = P / (c_p · ΔT) / ρ', () => {
    const doc = gb200Doc('cdu-1');
    doc.cooling.push(cdu(150, 200), chiller(500));
    const loop = runChecks(doc).cooling.loops.get('cdu-1')!;
    expect(loop.loadW).toBeCloseTo(102_000, 6);
    // 102 kW is 0.85 of case 4's 120 kW: 0.85 × 172.5 L/min.
    expect(loop.flowNeededLpm).toBeCloseTo(0.85 * 172.5, 0);
    expect(rule(doc, 'cooling.liquid-loop')).toEqual([]);
  });

  it('too little flow, too little capacity and no heat rejection are each an error', () => {
    const doc = gb200Doc('cdu-1');
    doc.cooling.push(cdu(100, 120, null));
    const keys = rule(doc, 'cooling.liquid-loop').map((f) => f.key);
    expect(keys.sort()).toEqual([
      'cooling.liquid-loop:capacity:cdu-1',
      'cooling.liquid-loop:flow:cdu-1',
      'cooling.liquid-loop:unconnected:cdu-1',
    ]);
  });

  it('heat rejection carries what its CDUs carry, and an overloaded chiller is an error', () => {
    const doc = gb200Doc('cdu-1');
    doc.cooling.push(cdu(150, 200), chiller(90));
    const [f] = rule(doc, 'cooling.liquid-loop');
    expect(f?.key).toBe('cooling.liquid-loop:capacity:chiller');
    expect(f?.values.loadW).toBeCloseTo(102_000, 6);
  });

  it('a rear door takes the exhaust heat to its CDU; the room sees none of it', () => {
    const doc = coolingHallDoc([
      { id: 'r1', y: 5, rotationDeg: 0, count: 1, devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }] },
    ]);
    doc.cooling.push(
      {
        kind: 'rear-door',
        id: 'door-1',
        name: 'Rear door',
        existing: false,
        rackId: 'r1-1',
        capacityKw: 35,
        waterSupplyC: 18,
        waterReturnC: 26,
        loopId: 'cdu-1',
      },
      cdu(150, 200),
      chiller(500),
    );
    const { cooling, findings } = runChecks(doc);
    const t = cooling.racks.get('r1-1')!;
    expect(t.doorW).toBeCloseTo(30_600, 6);
    expect(t.roomW).toBe(0);
    expect(t.technology).toBe('rear-door');
    expect(cooling.loops.get('cdu-1')!.loadW).toBeCloseTo(30_600, 6);
    expect(findings.filter((f) => f.rule === 'cooling.density')).toEqual([]);
  });
});

describe('immersion (worked case 9c: 200 × 3.5 kW miners in a 720 kW container)', () => {
  /** A 1U immersion miner of 3.5 kW, 40 per rack in 5 racks on one tank; 25 kW of pumps and fans. */
  function container(): ProjectDocument {
    const doc = coolingHallDoc([
      {
        id: 'tank-rows',
        y: 5,
        rotationDeg: 0,
        count: 5,
        devices: [{ catalogId: 'immersion-miner', count: 40 }],
        liquidLoopId: 'tank-1',
      },
    ]);
    for (const r of doc.racks) r.devices.forEach((d, i) => (d.uPosition = i + 1));
    doc.customDevices.push({
      id: 'immersion-miner',
      name: 'Immersion miner 3.5 kW',
      category: 'miner',
      uHeight: 1,
      nameplateW: 3_500,
      typicalW: 3_500,
      weightKg: 15,
      psuCount: 1,
      psuRedundant: 0,
      cooling: 'immersion',
      liquidFraction: 1,
      airflowCfm: null,
      ashraeClass: 'A3',
      gpus: null,
      hashrateThs: null,
      source: 'worked case 9c',
    });
    doc.cooling.push(
      {
        kind: 'immersion-tank',
        id: 'tank-1',
        name: '40 ft immersion container',
        existing: true,
        hallId: 'hall-1',
        position: { x: 10, y: 10 },
        rotationDeg: 0,
        widthM: 12.2,
        depthM: 2.4,
        heightM: 2.6,
        capacityKw: 720,
        slots: 200,
        pumpKw: 25,
        rejectionId: 'tower',
      },
      {
        kind: 'heat-rejection',
        id: 'tower',
        name: 'Container cooling tower',
        existing: true,
        type: 'cooling-tower',
        capacityKw: 720,
        designAmbientC: 28,
        cop: null,
        powerKw: 0,
        zoneId: null,
      },
    );
    return doc;
  }

  it('700 kW in a 720 kW tank: PASS at 97.2 %; pPUE (700 + 25) / 700 = 1.036', () => {
    const doc = container();
    const { cooling, power, findings } = runChecks(doc);
    const tank = cooling.loops.get('tank-1')!;
    expect(tank.loadW).toBeCloseTo(700_000, 6);
    expect((100 * tank.loadW) / tank.capacityW).toBeCloseTo(97.2, 1);
    expect(tank.devices).toBe(200);
    expect(findings.filter((f) => f.rule.startsWith('cooling.'))).toEqual([]);
    expect(power.site.coolingW).toBeCloseTo(25_000, 6);
    expect((power.site.itW + power.site.coolingW) / power.site.itW).toBeCloseTo(1.036, 3);
    expect(cooling.racks.get('tank-rows-1')!.airflowM3s).toBe(0);
  });

  it('one rack more than the tank holds: over slots and over capacity', () => {
    const doc = container();
    const extra = { ...doc.racks[0]!, id: 'extra', name: 'extra', position: { x: 9, y: 5 } };
    doc.racks.push(extra);
    const keys = rule(doc, 'cooling.liquid-loop').map((f) => f.key);
    expect(keys).toContain('cooling.liquid-loop:capacity:tank-1');
    expect(keys).toContain('cooling.liquid-loop:slots:tank-1');
  });
});

describe('loops after an edit of racks (an editor’s checker works out only what moved)', () => {
  const GB = 'nvidia-gb200-nvl72';
  const H100 = 'nvidia-dgx-h100';
  /** Air-cooled racks (one behind a rear door) and liquid racks on a CDU, two CRAHs, one chiller. */
  function site(cduTo = 'chiller', chillerKw = 420): ProjectDocument {
    const doc = coolingHallDoc([
      { id: 'air', y: 5, rotationDeg: 0, count: 4, devices: [{ catalogId: H100, count: 3 }] },
      { id: 'liq', y: 9, rotationDeg: 180, count: 2, devices: [{ catalogId: GB, count: 1 }], liquidLoopId: 'cdu-1' },
    ]);
    doc.cooling.push(
      crah('crah-1', 300, 60_000),
      crah('crah-2', 200, 40_000),
      {
        kind: 'rear-door',
        id: 'door-1',
        name: 'Rear door',
        existing: false,
        rackId: 'air-4',
        capacityKw: 35,
        waterSupplyC: 18,
        waterReturnC: 26,
        loopId: 'cdu-1',
      },
      cdu(400, 800, cduTo),
      chiller(chillerKw),
    );
    return doc;
  }
  const withRack = (doc: ProjectDocument, id: string, devices: (n: number) => number) => ({
    ...doc,
    racks: doc.racks.map((r) => (r.id === id ? { ...r, devices: r.devices.slice(0, devices(r.devices.length)) } : r)),
  });
  const fewer = (n: number) => n - 1;
  /** The loops, plant power and loop findings, as a check from scratch reports them. */
  const view = (results: ReturnType<typeof runChecks>) => ({
    loops: [...results.cooling.loops],
    power: { ...results.cooling.power, byUnit: [...results.cooling.power.byUnit] },
    findings: results.findings.filter((f) => f.rule === 'cooling.liquid-loop'),
  });
  const edited = (doc: ProjectDocument, ...ids: string[]) => {
    const checker = createChecker();
    const before = checker.check(doc);
    let d = doc;
    let after = before;
    for (const id of ids) {
      after = checker.check((d = withRack(d, id, fewer)));
      expect(view(after)).toEqual(view(runChecks(d)));
    }
    return { before, after };
  };

  it('an air-cooled rack: its room’s air handlers and their chiller move, the CDU and door are kept', () => {
    const { before, after } = edited(site(), 'air-1');
    const [was, now] = [before.cooling.loops, after.cooling.loops];
    expect(now.get('crah-1')!.loadW).toBeLessThan(was.get('crah-1')!.loadW);
    expect(now.get('chiller')!.loadW).toBeLessThan(was.get('chiller')!.loadW);
    expect(after.cooling.power.totalW).toBeLessThan(before.cooling.power.totalW);
    expect(now.get('cdu-1')).toBe(was.get('cdu-1'));
    expect(now.get('door-1')).toBe(was.get('door-1'));
  });

  it('the rack behind the rear door, a liquid rack, and edits one after another: the same as from scratch', () => {
    edited(site(), 'air-4');
    edited(site(), 'liq-1');
    edited(site(), 'air-1', 'air-2', 'liq-2', 'air-3');
  });

  it('a chiller pushed over its capacity by an edit, and back under it', () => {
    // 366.9 kW, and 397.5 kW with air-1's devices twice over, on a 380 kW chiller.
    const doc = site('chiller', 380);
    const over = {
      ...doc,
      racks: doc.racks.map((r) => (r.id === 'air-1' ? { ...r, devices: [...r.devices, ...r.devices] } : r)),
    };
    const checker = createChecker();
    checker.check(doc);
    const up = checker.check(over);
    const down = checker.check(doc);
    expect(view(up)).toEqual(view(runChecks(over)));
    expect(view(down)).toEqual(view(runChecks(doc)));
    expect(view(up).findings.map((f) => f.key)).toContain('cooling.liquid-loop:capacity:chiller');
  });

  it('a liquid rack put on the CDU: the same as from scratch', () => {
    const on = site();
    const doc = { ...on, racks: on.racks.map((r) => (r.id === 'liq-2' ? { ...r, liquidLoopId: null } : r)) };
    const onLoop = { ...doc, racks: doc.racks.map((r) => (r.id === 'liq-2' ? { ...r, liquidLoopId: 'cdu-1' } : r)) };
    const checker = createChecker();
    checker.check(doc);
    expect(view(checker.check(onLoop))).toEqual(view(runChecks(onLoop)));
  });

  it('heat sent to an air handler (a CDU on a CRAH’s loop) is worked out whole: the same as from scratch', () => {
    edited(site('crah-1'), 'air-1', 'air-2', 'liq-1', 'air-3');
  });
});

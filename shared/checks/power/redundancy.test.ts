import { describe, expect, it } from 'vitest';
import { defaultRackCircuit } from '../../model/factory';
import type { ProjectDocument } from '../../model/schema';
import { BIG_UTILITY, oneRackDoc, upsChainDoc } from '../../testing/fixtures';
import { runChecks } from '../index';

/** The power engine's errors: the fixtures' load banks are not cooled, which the cooling checks would also say. */
const errors = (doc: ProjectDocument) =>
  runChecks(doc).findings.filter((f) => f.severity === 'error' && f.rule.startsWith('power.'));
const upsLevel = (doc: ProjectDocument) => runChecks(doc).power.levels.find((l) => l.level === 'ups')!;

/** Worked case 8: 1,800 kW critical load on 500 kW modules, proven by failing modules and sides. */
describe('UPS redundancy proven by failure (worked case 8)', () => {
  it('N+1 with 5 modules: losing any one leaves 2,000 kW for 1,800 kW (90 %): proven', () => {
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 5, declared: 'N+1' });
    expect(errors(doc)).toEqual([]);
    const ups = runChecks(doc).power.components.get('ups-A')!;
    expect(ups.utilisationPct).toBeCloseTo(72, 6);
    expect(ups.worst).toMatchObject({ utilisationPct: 90, scenario: 'one module of UPS A' });
    expect(upsLevel(doc)).toMatchObject({ declared: 'N+1', achieved: 'N+1', tested: 1, failures: [] });
  });

  it('an "N+1" UPS that is really N (4 modules): one module lost puts it at 120 %: error naming the failure', () => {
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 4, declared: 'N+1' });
    const [f, ...rest] = errors(doc);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'power.redundancy', severity: 'error', entities: ['ups-A'] });
    expect(f!.message).toMatch(
      /^On one module of UPS A, UPS A must carry 1800\.0 kW, over its usable 1500\.0 kW \(120\.0 %\): UPS N\+1 not met\. 5 modules would carry it\.$/,
    );
    // Case 8: N + 1 = 5 modules of 500 kW for 1,800 kW.
    expect(f!.values.modulesNeeded).toBe(5);
    expect(f!.values.utilisationPct).toBeCloseTo(120, 6);
    expect(upsLevel(doc)).toMatchObject({ declared: 'N+1', achieved: 'N' });
    // Normal operation is fine (90 %): it is the claim, not the capacity, that fails.
    expect(runChecks(doc).power.components.get('ups-A')!.utilisationPct).toBeCloseTo(90, 6);
  });

  it('2N with 4 + 4 modules: each side 45 %, side lost 90 %: proven', () => {
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 4, modulesB: 4, declared: '2N' });
    expect(errors(doc)).toEqual([]);
    const { power } = runChecks(doc);
    expect(power.components.get('ups-A')!.utilisationPct).toBeCloseTo(45, 6);
    expect(power.components.get('ups-B')!.worst!.utilisationPct).toBeCloseTo(90, 6);
    expect(upsLevel(doc).achieved).toBe('2N');
  });

  it('2N+1 with 5 + 5: side lost 72 %, side lost and a module 90 %: proven', () => {
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 5, modulesB: 5, declared: '2N+1' });
    expect(errors(doc)).toEqual([]);
    const { power } = runChecks(doc);
    expect(power.components.get('ups-A')!.utilisationPct).toBeCloseTo(36, 6);
    expect(power.components.get('ups-A')!.worst!.utilisationPct).toBeCloseTo(90, 6);
    expect(upsLevel(doc)).toMatchObject({ achieved: '2N+1', failures: [] });
  });

  it('2N+1 declared on 4 + 4: side lost and a module leaves 1,500 kW: error on each side, achieved 2N', () => {
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 4, modulesB: 4, declared: '2N+1' });
    const found = errors(doc);
    expect(found.map((f) => f.entities[0]).sort()).toEqual(['ups-A', 'ups-B']);
    expect(found.every((f) => f.values.utilisationPct! > 119.9 && f.values.utilisationPct! < 120.1)).toBe(true);
    expect(upsLevel(doc)).toMatchObject({ declared: '2N+1', achieved: '2N' });
  });
});

describe('a 2N chain that fails one side', () => {
  /** Two PDUs, A and B, each 400 A at 415 V (218.5 kW usable); racks on both. */
  function pduPairDoc(racks: number): ProjectDocument {
    const doc = oneRackDoc({
      devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }],
      sides: ['A', 'B'],
      redundancy: '2N',
    });
    doc.settings.redundancy.distribution = '2N';
    doc.power = [BIG_UTILITY];
    for (const side of ['A', 'B'] as const)
      doc.power.push({
        kind: 'distribution',
        id: `pdu-${side}`,
        name: `PDU ${side}`,
        side,
        existing: false,
        parentId: BIG_UTILITY.id,
        type: 'pdu',
        ratingA: 400,
        voltageV: 415,
        phases: 3,
        powerFactor: 0.95,
        hundredPercentRated: false,
      });
    const template = doc.racks[0]!;
    doc.racks = [];
    for (let i = 0; i < racks; i++) {
      for (const side of ['A', 'B'] as const)
        doc.power.push({ ...defaultRackCircuit(`ckt-${i}-${side}`, `R${i} ${side}`, side), parentId: `pdu-${side}` });
      doc.racks.push({ ...template, id: `rack-${i}`, name: `R${i}`, feeds: { a: `ckt-${i}-A`, b: `ckt-${i}-B` } });
    }
    return doc;
  }

  it('7 racks × 30.6 kW = 214.2 kW: either PDU alone carries them (98 %): proven, with a 2 % margin warning', () => {
    const { findings, power } = runChecks(pduPairDoc(7));
    expect(findings.filter((f) => f.severity === 'error' && f.rule.startsWith('power.'))).toEqual([]);
    expect(power.levels.find((l) => l.level === 'distribution')!.achieved).toBe('2N');
    expect(power.components.get('pdu-A')!.worst!.loadW).toBeCloseTo(214_200, 6);
  });

  it('8 racks = 244.8 kW: fine in normal operation (56 %), but losing a side overloads the other PDU', () => {
    const { findings, power } = runChecks(pduPairDoc(8));
    expect(power.components.get('pdu-A')!.utilisationPct).toBeCloseTo((100 * 122_400) / 218_483, 1);
    const found = findings.filter((f) => f.rule === 'power.redundancy');
    expect(found.map((f) => f.entities[0]).sort()).toEqual(['pdu-A', 'pdu-B']);
    expect(found.find((f) => f.entities[0] === 'pdu-B')!.message).toMatch(/^On loss of (side A|PDU A)/);
    expect(found.every((f) => f.message.includes('PDU / RPP / busway 2N'))).toBe(true);
    expect(power.levels.find((l) => l.level === 'distribution')!.achieved).toBe('N');
    expect([...power.rackRedundancy.values()].every((r) => r === 'N')).toBe(true);
  });
});

describe('racks that lose power', () => {
  function singlePduDoc(interruptible: boolean): ProjectDocument {
    const doc = oneRackDoc({ devices: [{ catalogId: 'antminer-s19-xp', count: 6 }], sides: ['A'] });
    doc.settings.redundancy.distribution = 'N+1';
    doc.racks[0]!.interruptible = interruptible;
    doc.power.push({
      kind: 'distribution',
      id: 'pdu-1',
      name: 'PDU 1',
      side: null,
      existing: true,
      parentId: BIG_UTILITY.id,
      type: 'pdu',
      ratingA: 400,
      voltageV: 415,
      phases: 3,
      powerFactor: 0.95,
      hundredPercentRated: false,
    });
    doc.power.find((p) => p.id === 'ckt-A')!.parentId = 'pdu-1';
    return doc;
  }

  it('a single PDU declared N+1 drops its racks when it fails: error naming the PDU and the racks', () => {
    const found = errors(singlePduDoc(false));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^On loss of PDU 1, 1 rack lose power \(R1; 18\.1 kW\): PDU \/ RPP \/ busway N\+1 not met\.$/,
    );
    expect(found[0]!.entities).toEqual(['pdu-1', 'rack-1']);
  });

  it('an interruptible rack (miners) may go dark: no error, counted for information, nothing claimed', () => {
    const doc = singlePduDoc(true);
    expect(errors(doc)).toEqual([]);
    expect(runChecks(doc).power.levels.find((l) => l.level === 'distribution')).toMatchObject({
      achieved: null,
      interruptibleLost: 1,
    });
  });
});

describe('the levels that carry critical load', () => {
  it('are every level on some critical rack’s path, not only on the first rack’s', () => {
    // A critical rack first in the document, fed straight from the utility, and the UPS's rack
    // after it: the UPS level carries critical load through the second alone.
    const doc = upsChainDoc({ loadW: 1_800_000, moduleKw: 500, modulesA: 5, declared: 'N+1' });
    doc.power.push({ ...defaultRackCircuit('ckt-direct', 'Circuit direct', 'A'), parentId: 'utility', breakerA: 100 });
    const [ups] = doc.racks;
    doc.racks.unshift({
      ...ups!,
      id: 'rack-direct',
      name: 'R0',
      position: { x: 1, y: 5 },
      devices: ups!.devices.slice(0, 1),
      feeds: { a: 'ckt-direct', b: null },
    });
    expect(upsLevel(doc)).toMatchObject({ declared: 'N+1', achieved: 'N+1' });
  });
});

describe('2N needs two sides at the level', () => {
  it('one PDU (no side) declared 2N is an error even though the racks are dual-corded', () => {
    const doc = oneRackDoc({
      devices: [{ catalogId: 'nvidia-dgx-h100', count: 1 }],
      sides: ['A', 'B'],
      redundancy: '2N',
    });
    doc.settings.redundancy.distribution = '2N';
    doc.power.push({
      kind: 'distribution',
      id: 'pdu-1',
      name: 'PDU 1',
      side: null,
      existing: false,
      parentId: BIG_UTILITY.id,
      type: 'pdu',
      ratingA: 400,
      voltageV: 415,
      phases: 3,
      powerFactor: 0.95,
      hundredPercentRated: false,
    });
    for (const p of doc.power) if (p.kind === 'circuit') p.parentId = 'pdu-1';
    const found = errors(doc).filter((f) => f.key === 'power.redundancy:sides:distribution');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/not two independent systems/);
    expect(runChecks(doc).power.levels.find((l) => l.level === 'distribution')).toMatchObject({
      twoSided: false,
      achieved: 'N',
    });
  });
});

describe('generators', () => {
  it('a generator backing a switchboard carries it when the utility fails, and is overloaded if too small', () => {
    const doc = oneRackDoc({ devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }], sides: ['A'] });
    doc.settings.redundancy.source = 'N+1';
    doc.settings.coolingPowerRatio = 0;
    doc.power.push(
      {
        kind: 'switchgear',
        id: 'swbd',
        name: 'Switchboard',
        side: null,
        existing: true,
        parentId: BIG_UTILITY.id,
        ratingA: 1_000,
        voltageV: 415,
        zoneId: null,
        powerFactor: 0.95,
        hundredPercentRated: false,
      },
      {
        kind: 'generator',
        id: 'gen',
        name: 'Generator',
        side: null,
        existing: false,
        parentId: null,
        ratingKw: 25,
        voltageV: 415,
        backsUpId: 'swbd',
      },
    );
    doc.power.find((p) => p.id === 'ckt-A')!.parentId = 'swbd';
    const [f] = errors(doc);
    expect(f?.entities).toEqual(['gen', 'utility']);
    expect(f?.message).toMatch(/^On loss of Utility, Generator must carry 30\.6 kW, over its usable 25\.0 kW/);
    (doc.power.find((p) => p.id === 'gen') as { ratingKw: number }).ratingKw = 40;
    expect(errors(doc)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor, runChecks, simulateFailure } from '../../shared/index';
import { downstreamOf, errorEntitiesOf, marginColour, rackTints, TINT, utilisationColour } from './rackTints';

const doc = buildSampleFacility();
const { power, cooling } = runChecks(doc);
const base = { power, cooling, errorEntities: new Set<string>(), selection: new Set<string>(), simulation: null };

describe('rack colours', () => {
  it('utilisation scale: green to 60 %, amber at 80 %, red from 100 %', () => {
    expect(utilisationColour(10)).toBe('#2e9e5b');
    expect(utilisationColour(80)).toBe('#d9a400');
    expect(utilisationColour(130)).toBe('#d64545');
  });

  it('by power: a GPU rack is coloured by its worst case (30.6 of 34.4 kW on one side = 88.9 %)', () => {
    const tints = rackTints(doc, { ...base, colouring: 'power' });
    expect(tints.get('rack-A-02-01')).toBe(utilisationColour((100 * 30_600) / 34_416.8));
  });

  it('selecting PDU A1 picks out the six racks it feeds', () => {
    expect(downstreamOf(doc, new Set(['pdu-a1'])).has('ckt-A-02-03-a')).toBe(true);
    const tints = rackTints(doc, { ...base, colouring: 'type', selection: new Set(['pdu-a1']) });
    expect([...tints].filter(([, t]) => t === TINT.fedBySelection)).toHaveLength(6);
  });

  it('simulating the loss of transformer T1 shows the miners dark and the GPU racks throttled', () => {
    const simulation = simulateFailure(doc, catalogFor(doc), ['tx-a']);
    const tints = rackTints(doc, { ...base, colouring: 'type', simulation });
    expect(tints.get('rack-A-01-01')).toBe(TINT.dark);
    expect(tints.get('rack-A-02-01')).toBe(TINT.throttled);
  });

  it('simulating UPS A lost with a module of UPS B shows the GPU racks on an overloaded UPS', () => {
    const simulation = simulateFailure(doc, catalogFor(doc), ['ups-a'], new Map([['ups-b', 1]]));
    expect(rackTints(doc, { ...base, colouring: 'type', simulation }).get('rack-A-02-07')).toBe(TINT.overloaded);
  });

  it('inlet margin scale: 5 K or more green, 2 K amber, at or over the limit red', () => {
    expect(marginColour(8)).toBe('#2e9e5b');
    expect(marginColour(5)).toBe('#2e9e5b');
    expect(marginColour(3.5)).toBe(utilisationColour(70));
    expect(marginColour(1)).toBe(utilisationColour(90));
    expect(marginColour(2)).toBe('#d9a400');
    expect(marginColour(0)).toBe('#d64545');
    expect(marginColour(-3)).toBe('#d64545');
  });

  it('by cooling: each rack by its inlet margin; without an air estimate, grey', () => {
    const tints = rackTints(doc, { ...base, colouring: 'cooling' });
    const gpu = cooling.inlets.get('rack-A-02-01')!;
    expect(tints.get('rack-A-02-01')).toBe(marginColour(gpu.marginK!));
    const noCooling = { ...doc, cooling: [] };
    const bare = runChecks(noCooling).cooling;
    expect(rackTints(noCooling, { ...base, cooling: bare, colouring: 'cooling' }).get('rack-A-02-01')).toBe(TINT.unfed);
  });

  it('by cooling: an immersed rack draws no air, so it has no inlet estimate and stays grey', () => {
    const tank = {
      kind: 'immersion-tank' as const,
      id: 'tank-1',
      name: 'Tank 1',
      existing: false,
      hallId: doc.halls[0]!.id,
      position: { x: 40, y: 18 },
      rotationDeg: 0 as const,
      widthM: 2.4,
      depthM: 1.2,
      heightM: 1.3,
      capacityKw: 200,
      slots: 48,
      pumpKw: 3,
      rejectionId: null,
    };
    const immersed = {
      ...doc,
      cooling: [...doc.cooling, tank],
      racks: doc.racks.map((r) => (r.id === 'rack-A-02-01' ? { ...r, liquidLoopId: tank.id } : r)),
    };
    const metrics = runChecks(immersed).cooling;
    expect(metrics.racks.get('rack-A-02-01')?.technology).toBe('immersion');
    const tints = rackTints(immersed, { ...base, cooling: metrics, colouring: 'cooling' });
    expect(tints.get('rack-A-02-01')).toBe(TINT.unfed);
    expect(tints.get('rack-A-02-02')).toBe(marginColour(metrics.inlets.get('rack-A-02-02')!.marginK!));
  });

  it('colours only the racks asked for (the hall view passes its hall), the same as over the whole document', () => {
    const all = rackTints(doc, { ...base, colouring: 'power' });
    const some = doc.racks.filter((r) => r.rowId === doc.racks[0]!.rowId);
    const tints = rackTints(doc, { ...base, colouring: 'power', racks: some });
    expect([...tints.keys()]).toEqual(some.map((r) => r.id));
    for (const r of some) expect(tints.get(r.id)).toBe(all.get(r.id));
  });

  it('error entities: one set per findings array', () => {
    const { findings } = runChecks(doc);
    const errors = errorEntitiesOf(findings);
    expect(errorEntitiesOf(findings)).toBe(errors);
    const expected = new Set(findings.filter((f) => f.severity === 'error').flatMap((f) => f.entities));
    expect([...errors].sort()).toEqual([...expected].sort());
  });
});

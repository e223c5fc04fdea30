import { describe, expect, it } from 'vitest';
import { buildSampleFacility, catalogFor, runChecks, simulateFailure } from '../../shared/index';
import { downstreamOf, marginColour, rackTints, TINT, utilisationColour } from './rackTints';

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
});

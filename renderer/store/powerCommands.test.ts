import { describe, expect, it } from 'vitest';
import { buildSampleFacility, runChecks, type ProjectDocument } from '../../shared/index';
import { defaultPlacementFeeds, placeRack } from './commands';
import {
  addComponent,
  assignCircuits,
  connectComponent,
  deleteComponents,
  setRackPower,
  updateComponent,
  updateSettings,
} from './powerCommands';
import { fresh, ok, reopens } from './storeTesting';

/** The power chain's errors only: the sample's security weakness is not these tests' business. */
const powerErrors = (doc: ProjectDocument) =>
  runChecks(doc).findings.filter((f) => f.severity === 'error' && f.rule.startsWith('power.'));

describe('power chain edits', () => {
  it('adds a PDU under a UPS on the same side, and undoes it', () => {
    const store = fresh();
    const before = store.getState().doc;
    const added = ok(addComponent(before, 'distribution', 'ups-a'));
    store.getState().run(added.command);
    expect(store.getState().doc.power.find((p) => p.id === added.id)).toMatchObject({
      kind: 'distribution',
      parentId: 'ups-a',
      side: 'A',
    });
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('refuses what the schema would refuse: a negative rating, a circuit feeding something, a loop', () => {
    const doc = buildSampleFacility();
    expect(updateComponent(doc, 'ups-b', { modules: -1 })).toMatchObject({ ok: false });
    expect(updateComponent(doc, 'ups-b', { moduleKw: Number.NaN })).toMatchObject({ ok: false });
    expect(addComponent(doc, 'distribution', 'ckt-A-02-01-a')).toMatchObject({
      ok: false,
      reason: 'A circuit cannot feed other components.',
    });
    const loop = connectComponent(doc, 'tx-a', 'pdu-a1');
    expect(loop).toMatchObject({ ok: false });
    if (!loop.ok) expect(loop.reason).toMatch(/cannot be fed from itself or from below itself/);
    expect(addComponent(doc, 'generator', null)).toMatchObject({ ok: false });
  });

  it('fixing the sample: a fifth module in UPS B clears its error', () => {
    const store = fresh();
    store.getState().run(ok(updateComponent(store.getState().doc, 'ups-b', { modules: 5 })).command);
    expect(powerErrors(store.getState().doc)).toEqual([]);
  });

  it('disconnecting a PDU leaves its circuits checked but flagged: the chain above is not modelled', () => {
    const store = fresh();
    store.getState().run(ok(connectComponent(store.getState().doc, 'pdu-a1', null)).command);
    const findings = runChecks(store.getState().doc).findings;
    expect(findings.some((f) => f.rule === 'power.unconnected' && f.entities[0] === 'pdu-a1')).toBe(true);
  });

  it('deleting a UPS disconnects what it fed and takes its circuits away from nothing', () => {
    const store = fresh();
    store.getState().run(ok(deleteComponents(store.getState().doc, ['ups-a'])).command);
    const doc = store.getState().doc;
    expect(doc.power.find((p) => p.id === 'pdu-a1')!.parentId).toBeNull();
    expect(reopens(store)).toBe(true);
  });

  it('deleting a switchboard takes the generator backing it too; deleting a circuit unplugs its rack', () => {
    const store = fresh();
    store.getState().run(ok(deleteComponents(store.getState().doc, ['swbd-b', 'ckt-A-02-01-a'])).command);
    const doc = store.getState().doc;
    expect(doc.power.some((p) => p.id === 'gen-1')).toBe(false);
    expect(doc.racks.find((r) => r.id === 'rack-A-02-01')!.feeds.a).toBeNull();
    expect(reopens(store)).toBe(true);
  });

  it('feeds a whole row from a PDU pair in one undoable edit', () => {
    const store = fresh();
    const row = store
      .getState()
      .doc.racks.filter((r) => r.rowId === 'row-a-02')
      .map((r) => r.id);
    store.getState().run(ok(assignCircuits(store.getState().doc, row, { a: 'pdu-a1', b: 'pdu-b1' })).command);
    const doc = store.getState().doc;
    const parent = (id: string | null) => doc.power.find((p) => p.id === id)!.parentId;
    expect(doc.racks.filter((r) => row.includes(r.id)).every((r) => parent(r.feeds.a) === 'pdu-a1')).toBe(true);
    // 12 racks on one 400 A PDU: 367.2 kW when side B is lost, over its 218.5 kW.
    const overloaded = runChecks(doc).findings.filter((f) => f.entities[0] === 'pdu-a1' && f.severity === 'error');
    expect(overloaded).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().doc.power.find((p) => p.id === 'ckt-A-02-07-a')!.parentId).toBe('pdu-a2');
  });

  it('creates circuits for a rack that has none on a side', () => {
    const store = fresh();
    store.getState().run(ok(assignCircuits(store.getState().doc, ['rack-A-01-01'], { a: null, b: 'pdu-b1' })).command);
    const rack = store.getState().doc.racks.find((r) => r.id === 'rack-A-01-01')!;
    expect(rack.feeds.b).toBe('ckt-rack-A-01-01-b');
    expect(store.getState().doc.power.find((p) => p.id === rack.feeds.b)).toMatchObject({
      kind: 'circuit',
      side: 'B',
      parentId: 'pdu-b1',
    });
    expect(reopens(store)).toBe(true);
  });

  it('rack power settings and design settings are undoable; bad settings are refused', () => {
    const store = fresh();
    store.getState().run(setRackPower(['rack-A-02-01'], { interruptible: true, redundancy: 'N' }));
    expect(store.getState().doc.racks.find((r) => r.id === 'rack-A-02-01')).toMatchObject({
      interruptible: true,
      redundancy: 'N',
    });
    expect(updateSettings(store.getState().doc, { deratingFactor: 0 })).toMatchObject({ ok: false });
    const declared = { ...store.getState().doc.settings.redundancy, ups: '2N' as const };
    store.getState().run(ok(updateSettings(store.getState().doc, { redundancy: declared })).command);
    expect(powerErrors(store.getState().doc)).toEqual([]);
    store.getState().undo();
    expect(store.getState().doc.settings.redundancy.ups).toBe('2N+1');
  });

  it('new racks plug into the PDUs of the last dual-fed rack', () => {
    const doc = buildSampleFacility();
    expect(defaultPlacementFeeds(doc)).toEqual({ a: 'pdu-a2', b: 'pdu-b2' });
    const placed = placeRack(doc, 'hall-a', 'rack-48u-600x1200', { x: 30, y: 15 });
    const store = fresh();
    store.getState().run(placed.command);
    const power = store.getState().doc.power;
    expect(power.find((p) => p.id === `ckt-${placed.rackId}-a`)!.parentId).toBe('pdu-a2');
  });
});

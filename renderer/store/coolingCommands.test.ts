import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/index';
import { deleteRacks } from './commands';
import {
  addContainment,
  addCoolingUnit,
  deleteContainment,
  deleteCoolingUnits,
  moveCoolingUnit,
  setRackLiquidLoop,
  updateContainment,
  updateCoolingSettings,
  updateCoolingUnit,
} from './coolingCommands';
import type { EditResult } from './powerCommands';
import { fresh, ok, reopens } from './storeTesting';

const coolingErrors = (store: ReturnType<typeof fresh>) =>
  runChecks(store.getState().doc).findings.filter((f) => f.rule.startsWith('cooling.') && f.severity === 'error');

describe('cooling design edits', () => {
  it('removing the sample’s containment turns its hall from passing to failing, and undo brings it back', () => {
    const store = fresh();
    expect(coolingErrors(store)).toEqual([]);
    store.getState().run(ok(deleteContainment(store.getState().doc, 'hac-1')).command);
    const keys = coolingErrors(store).map((f) => f.key);
    expect(keys).toContain('cooling.airflow:hall-a');
    expect(keys).toContain('cooling.density:open-max:hall-a');
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(coolingErrors(store)).toEqual([]);
  });

  it('contains a row pair from selected racks, and refuses racks of three rows or an already contained row', () => {
    const store = fresh();
    store.getState().run(ok(deleteContainment(store.getState().doc, 'hac-1')).command);
    const doc = store.getState().doc;
    const added = ok(addContainment(doc, ['rack-A-01-01', 'rack-A-02-01'], 'hot'));
    store.getState().run(added.command);
    expect(store.getState().doc.containments[0]).toMatchObject({ type: 'hot', rowIds: ['row-a-01', 'row-a-02'] });
    expect(coolingErrors(store)).toEqual([]);
    const again = addContainment(store.getState().doc, ['rack-A-01-01'], 'hot');
    expect(again.ok).toBe(false);
  });

  it('a cold-aisle containment over rows that back onto it is an error the user can fix by changing its type', () => {
    const store = fresh();
    store.getState().run(ok(updateContainment(store.getState().doc, 'hac-1', { type: 'cold' })).command);
    expect(coolingErrors(store).map((f) => f.key)).toContain('cooling.layout:containment:hac-1');
    expect(updateContainment(store.getState().doc, 'hac-1', { bypassFraction: 1 }).ok).toBe(false);
  });

  it('adds a CRAH, chiller, CDU and rear door with references that hold; edits are validated', () => {
    const store = fresh();
    const run = (r: EditResult) => store.getState().run(ok(r).command);
    const chiller = ok(addCoolingUnit(store.getState().doc, 'chiller', {}));
    run(chiller);
    const crah = ok(addCoolingUnit(store.getState().doc, 'crah', { hallId: 'hall-a', position: { x: 40, y: 12 } }));
    run(crah);
    expect(store.getState().doc.cooling.find((u) => u.id === crah.id)).toMatchObject({ rejectionId: chiller.id });
    const cdu = ok(addCoolingUnit(store.getState().doc, 'cdu', { hallId: 'hall-a', position: { x: 42, y: 12 } }));
    run(cdu);
    const door = ok(addCoolingUnit(store.getState().doc, 'rear-door', { rackId: 'rack-A-02-01' }));
    run(door);
    expect(store.getState().doc.cooling.find((u) => u.id === door.id)).toMatchObject({ loopId: cdu.id });
    expect(addCoolingUnit(store.getState().doc, 'rear-door', { rackId: 'rack-A-02-01' }).ok).toBe(false);
    expect(updateCoolingUnit(store.getState().doc, crah.id!, { sensibleKw: -5 }).ok).toBe(false);
    expect(updateCoolingUnit(store.getState().doc, crah.id!, { rejectionId: 'fw-1' }).ok).toBe(false);
    run(updateCoolingUnit(store.getState().doc, crah.id!, { sensibleKw: 200 }));
    store.getState().run(moveCoolingUnit(crah.id!, { x: 41, y: 11 }, 90));
    expect(store.getState().doc.cooling.find((u) => u.id === crah.id)).toMatchObject({
      sensibleKw: 200,
      position: { x: 41, y: 11 },
      rotationDeg: 90,
    });
    expect(reopens(store)).toBe(true);
  });

  it('deleting a unit clears every reference to it; deleting a rack takes its rear door', () => {
    const store = fresh();
    const run = (r: EditResult) => store.getState().run(ok(r).command);
    const chiller = ok(addCoolingUnit(store.getState().doc, 'chiller', {}));
    run(chiller);
    const cdu = ok(addCoolingUnit(store.getState().doc, 'cdu', { hallId: 'hall-a', position: { x: 42, y: 12 } }));
    run(cdu);
    run(setRackLiquidLoop(store.getState().doc, ['rack-A-02-01'], cdu.id!));
    run(addCoolingUnit(store.getState().doc, 'rear-door', { rackId: 'rack-A-02-02' }));
    run(deleteCoolingUnits(store.getState().doc, [cdu.id!, chiller.id!]));
    const doc = store.getState().doc;
    expect(doc.racks.find((r) => r.id === 'rack-A-02-01')!.liquidLoopId).toBeNull();
    expect(doc.cooling.find((u) => u.kind === 'rear-door')).toMatchObject({ loopId: null });
    expect(reopens(store)).toBe(true);
    store.getState().run(deleteRacks(['rack-A-02-02']));
    expect(store.getState().doc.cooling.some((u) => u.kind === 'rear-door')).toBe(false);
    expect(reopens(store)).toBe(true);
    expect(setRackLiquidLoop(store.getState().doc, ['rack-A-02-01'], 'fw-1').ok).toBe(false);
  });

  it('cooling rules are validated: the sample fails N+2 (losing two fan walls leaves 180,000 m³/h)', () => {
    const store = fresh();
    expect(updateCoolingSettings(store.getState().doc, { openBypassFraction: 2 }).ok).toBe(false);
    store.getState().run(ok(updateCoolingSettings(store.getState().doc, { redundancy: 'N+2' })).command);
    expect(coolingErrors(store).map((f) => f.key)).toContain('cooling.airflow:redundancy:hall-a');
  });
});

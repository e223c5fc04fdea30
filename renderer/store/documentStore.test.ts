import { describe, expect, it } from 'vitest';
import { buildSampleFacility, runChecks } from '../../shared/index';
import { addDevice, deleteRacks, placeRack } from './commands';
import type { Command } from './history';
import { createEditorStore } from './documentStore';
import { moveItems, rotateItems, type LayoutResult } from './layoutCommands';

const command = (result: LayoutResult): Command => {
  if (!result.ok) throw new Error(result.reason);
  return result.command;
};

const fresh = () => createEditorStore(buildSampleFacility(), { name: 'sample.hallwright', handle: null });

describe('editor store: every edit undoes and redoes exactly', () => {
  it('edit → undo → redo returns the exact documents, step by step', () => {
    const store = fresh();
    const original = structuredClone(store.getState().doc);
    const placed = placeRack(store.getState().doc, 'hall-a', 'rack-48u-600x1200', { x: 30, y: 15 });
    store.getState().run(placed.command);
    const add = addDevice(store.getState().doc, placed.rackId, 'nvidia-dgx-b200');
    if (!add.ok) throw new Error(add.reason);
    store.getState().run(add.command);
    store.getState().run(command(moveItems(store.getState().doc, [placed.rackId], 1.2, 0)));
    store.getState().run(command(rotateItems(store.getState().doc, [placed.rackId])));
    store.getState().run(deleteRacks(['rack-A-01-01']));
    const edited = structuredClone(store.getState().doc);
    expect(store.getState().history.undo).toHaveLength(5);

    for (let i = 0; i < 5; i++) store.getState().undo();
    expect(store.getState().doc).toEqual(original);
    for (let i = 0; i < 5; i++) store.getState().redo();
    expect(store.getState().doc).toEqual(edited);
  });

  it('placing a rack creates its A/B circuits; deleting it removes them', () => {
    const store = fresh();
    const before = store.getState().doc.power.length;
    const placed = placeRack(store.getState().doc, 'hall-a', 'rack-48u-600x1200', { x: 30, y: 15 });
    store.getState().run(placed.command);
    expect(store.getState().doc.power.length).toBe(before + 2);
    store.getState().run(deleteRacks([placed.rackId]));
    expect(store.getState().doc.power.length).toBe(before);
  });

  it('a new edit clears the redo stack; a no-op records nothing', () => {
    const store = fresh();
    store.getState().run(deleteRacks(['rack-A-02-01']));
    store.getState().undo();
    expect(store.getState().history.redo).toHaveLength(1);
    store.getState().run(deleteRacks(['rack-A-02-02']));
    expect(store.getState().history.redo).toHaveLength(0);
    expect(store.getState().run({ label: 'Nothing', recipe: () => {} })).toBe(false);
    expect(store.getState().history.undo).toHaveLength(1);
  });

  it('undo of a placement drops the placed rack from the selection', () => {
    const store = fresh();
    const placed = placeRack(store.getState().doc, 'hall-a', 'rack-48u-600x1200', { x: 30, y: 15 });
    store.getState().run(placed.command);
    store.getState().select([placed.rackId]);
    store.getState().undo();
    expect(store.getState().selection).toEqual([]);
  });

  it('edits show in the findings: adding a fourth DGX H100 to a 2N rack breaks its redundancy', () => {
    const store = fresh();
    const add = addDevice(store.getState().doc, 'rack-A-02-01', 'nvidia-dgx-h100');
    if (!add.ok) throw new Error(add.reason);
    store.getState().run(add.command);
    const errors = runChecks(store.getState().doc).findings.filter(
      (f) => f.severity === 'error' && f.entities.includes('rack-A-02-01'),
    );
    // 40.8 kW cannot move onto either 63 A circuit (34.4 kW usable) when the other side is lost.
    expect(errors.map((f) => [f.rule, f.entities[0]])).toEqual([
      ['power.redundancy', 'ckt-A-02-01-a'],
      ['power.redundancy', 'ckt-A-02-01-b'],
    ]);
  });

  it('refuses a device that does not fit, with the reason', () => {
    const store = fresh();
    // A miner bay holds 9 × 5U miners from U1 to U45; a 10U DGX B200 cannot fit in the 3 U left.
    const result = addDevice(store.getState().doc, 'rack-A-01-01', 'nvidia-dgx-b200');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/does not fit/);
  });

  it('dirty state follows saves', () => {
    const store = fresh();
    expect(store.getState().doc).toBe(store.getState().savedDoc);
    store.getState().run(deleteRacks(['rack-A-02-01']));
    expect(store.getState().doc).not.toBe(store.getState().savedDoc);
    store.getState().markSaved({ name: 'x.hallwright', handle: '/tmp/x.hallwright' });
    expect(store.getState().doc).toBe(store.getState().savedDoc);
  });
});

import { describe, expect, it } from 'vitest';
import { buildBom, buildSampleFacility, fillToCapacity } from '../../shared/index';
import {
  addRule,
  addScenario,
  applyFill,
  deleteRule,
  deleteScenario,
  duplicateScenario,
  moveRule,
  removeQuote,
  renameScenario,
  setQuote,
  updateRule,
} from './scenarioCommands';
import { doc, fresh, reopens, run } from './storeTesting';

describe('scenario edits', () => {
  it('creates, renames, duplicates and deletes scenarios, each undoable, and the file still opens', () => {
    const store = fresh();
    const added = run(store, addScenario(doc(store)));
    const id = added.id!;
    expect(doc(store).scenarios.at(-1)).toMatchObject({ id, name: 'Scenario 1' });
    run(store, renameScenario(doc(store), id, '  Rows 3–6 → GB200  '));
    expect(doc(store).scenarios.at(-1)!.name).toBe('Rows 3–6 → GB200');
    const copy = run(store, duplicateScenario(doc(store), id));
    const copied = doc(store).scenarios.find((s) => s.id === copy.id)!;
    expect(copied.name).toBe('Rows 3–6 → GB200 copy 1');
    expect(copied.rules.map((r) => r.id)).not.toEqual(
      doc(store)
        .scenarios.find((s) => s.id === id)!
        .rules.map((r) => r.id),
    );
    expect(reopens(store)).toBe(true);
    run(store, deleteScenario(doc(store), id));
    expect(doc(store).scenarios.some((s) => s.id === id)).toBe(false);
    store.getState().undo();
    expect(doc(store).scenarios.some((s) => s.id === id)).toBe(true);
  });

  it('refuses an empty or duplicate name', () => {
    const store = fresh();
    const [first, second] = doc(store).scenarios;
    expect(renameScenario(doc(store), first!.id, '  ')).toMatchObject({
      ok: false,
      reason: 'A scenario needs a name.',
    });
    expect(renameScenario(doc(store), first!.id, second!.name).ok).toBe(false);
  });

  it('adds, edits, reorders and deletes rules; a scope must name real rows', () => {
    const store = fresh();
    const id = doc(store).scenarios[0]!.id;
    run(store, addRule(doc(store), id));
    let rules = doc(store).scenarios[0]!.rules;
    expect(rules).toHaveLength(2);
    const second = rules[1]!.id;
    run(store, updateRule(doc(store), id, second, { scope: { kind: 'rows', ids: ['row-a-01'] }, match: 'miner' }));
    run(store, moveRule(doc(store), id, second, -1));
    rules = doc(store).scenarios[0]!.rules;
    expect(rules[0]).toMatchObject({ id: second, match: 'miner', scope: { kind: 'rows', ids: ['row-a-01'] } });
    expect(moveRule(doc(store), id, second, -1).ok).toBe(false);
    expect(updateRule(doc(store), id, second, { scope: { kind: 'rows', ids: ['row-zz'] } })).toEqual({
      ok: false,
      reason: 'That row no longer exists.',
    });
    expect(updateRule(doc(store), id, second, { scope: { kind: 'rows', ids: [] } }).ok).toBe(false);
    run(store, deleteRule(doc(store), id, second));
    expect(doc(store).scenarios[0]!.rules.map((r) => r.id)).not.toContain(second);
    expect(reopens(store)).toBe(true);
  });
});

describe('quotes', () => {
  it('a quote prices its bill-of-materials line and can be removed', () => {
    const store = fresh();
    const before = buildBom(doc(store));
    expect(before.lines.find((l) => l.itemKey === 'ups')?.priceOrigin).toBe('none');
    run(store, setQuote(doc(store), { itemKey: 'ups', unitPrice: 350, source: 'Vendor Q-1', date: '2026-11-01' }));
    const ups = buildBom(doc(store)).lines.find((l) => l.itemKey === 'ups')!;
    expect(ups).toMatchObject({ priceOrigin: 'quote', unitPrice: 350, total: 350 * ups.quantity });
    run(store, setQuote(doc(store), { itemKey: 'ups', unitPrice: 300, source: 'Vendor Q-2', date: '2026-11-02' }));
    expect(doc(store).quotes).toHaveLength(1);
    run(store, removeQuote(doc(store), 'ups'));
    expect(doc(store).quotes).toEqual([]);
  });

  it('refuses a negative price, a missing source or a bad date', () => {
    const d = buildSampleFacility();
    expect(setQuote(d, { itemKey: 'ups', unitPrice: -1, source: 'x', date: '2026-11-01' }).ok).toBe(false);
    expect(setQuote(d, { itemKey: 'ups', unitPrice: 1, source: '', date: '2026-11-01' }).ok).toBe(false);
    expect(setQuote(d, { itemKey: 'ups', unitPrice: 1, source: 'x', date: '1 Nov' }).ok).toBe(false);
  });
});

describe('fill to capacity as an edit', () => {
  it('takes the racks and circuits of the fill in one undoable step, and refuses a stale result', () => {
    const store = fresh();
    const basedOn = doc(store);
    const result = fillToCapacity(basedOn, ['row-a-02'], {
      rackTypeId: 'rack-48u-600x1200',
      devices: [{ catalogId: 'nvidia-dgx-h100', count: 3 }],
    });
    expect(result.filled).toBeGreaterThan(0);
    run(store, applyFill(doc(store), basedOn, result));
    expect(doc(store).racks).toHaveLength(basedOn.racks.length + result.rackIds.length);
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).racks).toHaveLength(basedOn.racks.length);
    // An edit of the racks since the fill was computed makes it stale.
    store.getState().run({ label: 'move', recipe: (d) => void (d.racks[0]!.position.x += 0.1) });
    expect(applyFill(doc(store), basedOn, result).ok).toBe(false);
  });
});

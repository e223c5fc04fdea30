import { describe, expect, it } from 'vitest';
import {
  buildSampleFacility,
  catalogFor,
  emptyUserCatalog,
  parseUserCatalog,
  serializeUserCatalog,
  type CustomDevice,
} from '../../shared/index';
import {
  addCustomDevice,
  deleteCustomDevice,
  importFromUserCatalog,
  mergeIntoUserCatalog,
  updateCustomDevice,
  keepQuotes,
  removeFromUserCatalog,
  removeQuoteFromUserCatalog,
  takeKeptQuotes,
  type CustomDeviceFields,
} from './catalogCommands';
import { addDevice } from './commands';
import { addRule, addScenario, updateRule } from './scenarioCommands';
import { doc, fresh, reopens, run } from './storeTesting';

const SWITCH: CustomDeviceFields = {
  name: 'Spine switch 64 × 800G',
  category: 'network',
  uHeight: 2,
  nameplateW: 2_200,
  typicalW: 1_400,
  weightKg: 22,
  psuCount: 2,
  psuRedundant: 1,
  cooling: 'air',
  liquidFraction: 0,
  airflowCfm: null,
  ashraeClass: 'A2',
  gpus: null,
  hashrateThs: null,
  source: 'Vendor datasheet rev. B, 2026',
};

const HGX: CustomDeviceFields = {
  ...SWITCH,
  name: 'Acme HGX-9 (liquid)',
  category: 'gpu-server',
  uHeight: 4,
  nameplateW: 12_000,
  typicalW: 10_000,
  weightKg: 80,
  psuCount: 4,
  psuRedundant: 1,
  cooling: 'liquid',
  liquidFraction: 0.8,
  ashraeClass: 'H1',
  gpus: { count: 8, model: 'Acme X9', bf16DenseTflops: 2_000, fp8DenseTflops: 4_000 },
};

/** A rack of row 02: 3 × DGX H100 (24U) in a 48U rack, so a small device fits. */
const GPU_RACK = 'rack-A-02-01';

describe('custom device edits', () => {
  it('adds a device under a fresh custom id, shows it in the catalog, and undo takes it away', () => {
    const store = fresh();
    const added = run(store, addCustomDevice(doc(store), HGX));
    expect(added.id).toBe('custom-acme-hgx-9-liquid');
    expect(doc(store).customDevices).toEqual([{ ...HGX, id: 'custom-acme-hgx-9-liquid' }]);
    const spec = catalogFor(doc(store)).device('custom-acme-hgx-9-liquid');
    expect(spec).toMatchObject({ vendor: 'custom', nameplateW: 12_000, liquidFraction: 0.8 });
    expect(spec!.sources.power).toEqual({ tag: 'U', ref: 'Vendor datasheet rev. B, 2026' });
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).customDevices).toEqual([]);
    store.getState().redo();
    expect(doc(store).customDevices).toHaveLength(1);
  });

  it('numbers the id when the name is taken, in the project or in the ids it is told to avoid', () => {
    const store = fresh();
    run(store, addCustomDevice(doc(store), SWITCH));
    expect(run(store, addCustomDevice(doc(store), SWITCH)).id).toBe('custom-spine-switch-64-800g-2');
    expect(run(store, addCustomDevice(doc(store), SWITCH, ['custom-spine-switch-64-800g-3'])).id).toBe(
      'custom-spine-switch-64-800g-4',
    );
    expect(run(store, addCustomDevice(doc(store), { ...SWITCH, name: '★★★' })).id).toBe('custom-device');
    expect(reopens(store)).toBe(true);
  });

  it('refuses what the file schema refuses, with the schema’s message and the field', () => {
    const d = buildSampleFacility();
    expect(addCustomDevice(d, { ...SWITCH, psuRedundant: 2 })).toEqual({
      ok: false,
      reason: 'psuRedundant: spare power supplies must be fewer than installed ones',
    });
    expect(addCustomDevice(d, { ...HGX, liquidFraction: 0 })).toEqual({
      ok: false,
      reason: 'liquidFraction: a liquid-cooled device sends some of its heat to the liquid (fraction above 0)',
    });
    const badU = addCustomDevice(d, { ...SWITCH, uHeight: 0 });
    expect(badU.ok).toBe(false);
    expect(!badU.ok && badU.reason).toMatch(/^uHeight: /);
    const badGpu = addCustomDevice(d, {
      ...HGX,
      gpus: { count: 0, model: 'X', bf16DenseTflops: 1, fp8DenseTflops: null },
    });
    expect(!badGpu.ok && badGpu.reason).toMatch(/^gpus\.count: /);
  });

  it('edits a device in place, keeps its id, and refuses an edit that would not validate', () => {
    const store = fresh();
    const id = run(store, addCustomDevice(doc(store), HGX)).id!;
    run(store, updateCustomDevice(doc(store), id, { nameplateW: 13_500, name: 'Acme HGX-9 rev 2' }));
    expect(doc(store).customDevices[0]).toMatchObject({ id, nameplateW: 13_500, name: 'Acme HGX-9 rev 2' });
    expect(updateCustomDevice(doc(store), id, { typicalW: -1 }).ok).toBe(false);
    expect(updateCustomDevice(doc(store), 'custom-nope', { typicalW: 1 })).toEqual({
      ok: false,
      reason: 'That device is no longer in the project.',
    });
    store.getState().undo();
    expect(doc(store).customDevices[0]).toMatchObject({ nameplateW: 12_000, name: HGX.name });
  });

  it('refuses to delete a device racks hold, naming how many, and deletes it once they are empty', () => {
    const store = fresh();
    const id = run(store, addCustomDevice(doc(store), SWITCH)).id!;
    for (const rackId of [GPU_RACK, 'rack-A-02-02']) {
      const placed = addDevice(doc(store), rackId, id);
      if (!placed.ok) throw new Error(placed.reason);
      store.getState().run(placed.command);
    }
    expect(deleteCustomDevice(doc(store), id)).toEqual({
      ok: false,
      reason: 'Spine switch 64 × 800G is in 2 racks; take it out of them before deleting it.',
    });
    store.getState().undo();
    expect(deleteCustomDevice(doc(store), id)).toEqual({
      ok: false,
      reason: 'Spine switch 64 × 800G is in 1 rack; take it out of that rack before deleting it.',
    });
    store.getState().undo();
    run(store, deleteCustomDevice(doc(store), id));
    expect(doc(store).customDevices).toEqual([]);
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).customDevices.map((c) => c.id)).toEqual([id]);
  });

  it('refuses to delete a device a scenario fills racks with', () => {
    const store = fresh();
    const id = run(store, addCustomDevice(doc(store), HGX)).id!;
    const scenario = run(store, addScenario(doc(store))).id!;
    run(store, addRule(doc(store), scenario));
    const ruleId = doc(store)
      .scenarios.find((s) => s.id === scenario)!
      .rules.at(-1)!.id;
    run(
      store,
      updateRule(doc(store), scenario, ruleId, {
        action: { kind: 'replace', config: { rackTypeId: null, devices: [{ catalogId: id, count: 2 }] } },
      }),
    );
    const refused = deleteCustomDevice(doc(store), id);
    expect(!refused.ok && refused.reason).toBe(
      'Acme HGX-9 (liquid) is used by 1 scenario (Scenario 1); change their rules before deleting it.',
    );
  });
});

describe('the user catalog', () => {
  const inCatalog = (fields: CustomDeviceFields, id: string): CustomDevice => ({ ...fields, id });

  it('merges a device by id: added at the end, or replaced where it was; the result still validates', () => {
    const a = inCatalog(SWITCH, 'custom-a');
    const b = inCatalog(HGX, 'custom-b');
    const empty = emptyUserCatalog();
    const one = mergeIntoUserCatalog(empty, a);
    expect(empty.devices).toEqual([]);
    const two = mergeIntoUserCatalog(one, b);
    expect(two.devices.map((d) => d.id)).toEqual(['custom-a', 'custom-b']);
    const edited = mergeIntoUserCatalog(two, { ...a, nameplateW: 2_500 });
    expect(edited.devices.map((d) => [d.id, d.nameplateW])).toEqual([
      ['custom-a', 2_500],
      ['custom-b', 12_000],
    ]);
    const reread = parseUserCatalog(serializeUserCatalog(edited));
    expect(reread.ok && reread.catalog).toEqual(edited);
  });

  it('imports devices into the project, skips identical copies, and refuses a clash of ids', () => {
    const store = fresh();
    const catalog = mergeIntoUserCatalog(
      mergeIntoUserCatalog(emptyUserCatalog(), inCatalog(SWITCH, 'custom-switch')),
      inCatalog(HGX, 'custom-hgx'),
    );
    run(store, importFromUserCatalog(doc(store), catalog, ['custom-switch']));
    expect(doc(store).customDevices.map((c) => c.id)).toEqual(['custom-switch']);
    // The switch is already there, identical: only the HGX is added, in one undoable edit.
    const both = run(store, importFromUserCatalog(doc(store), catalog, ['custom-switch', 'custom-hgx']));
    expect(both.command.label).toBe('Add Acme HGX-9 (liquid) from my catalog');
    expect(doc(store).customDevices.map((c) => c.id)).toEqual(['custom-switch', 'custom-hgx']);
    expect(reopens(store)).toBe(true);
    expect(importFromUserCatalog(doc(store), catalog, ['custom-hgx'])).toEqual({
      ok: false,
      reason: 'That device is already in the project.',
    });

    const changed = mergeIntoUserCatalog(catalog, inCatalog({ ...HGX, typicalW: 9_000 }, 'custom-hgx'));
    expect(importFromUserCatalog(doc(store), changed, ['custom-hgx'])).toEqual({
      ok: false,
      reason:
        'The project already has a different device with the id "custom-hgx" (Acme HGX-9 (liquid)); edit or delete one of them first.',
    });
    store.getState().undo();
    expect(doc(store).customDevices.map((c) => c.id)).toEqual(['custom-switch']);
  });

  it('refuses ids the project uses for something else, or a built-in device, and ids not in the catalog', () => {
    const d = buildSampleFacility();
    const clash = (id: string) =>
      importFromUserCatalog(d, mergeIntoUserCatalog(emptyUserCatalog(), inCatalog(SWITCH, id)), [id]);
    expect(clash(GPU_RACK)).toEqual({
      ok: false,
      reason: `The id "${GPU_RACK}" of Spine switch 64 × 800G is already used in the project.`,
    });
    expect(clash('nvidia-dgx-h100').ok).toBe(false);
    expect(importFromUserCatalog(d, emptyUserCatalog(), ['custom-x'])).toEqual({
      ok: false,
      reason: '"custom-x" is not in your catalog.',
    });
  });
});

describe('quotes kept in the user catalog', () => {
  it('keeps the project quotes with its currency, and gives them back only where a project has none in that currency', () => {
    const store = fresh();
    store.getState().run({
      label: 'quotes',
      recipe: (d) => {
        d.quotes = [
          { itemKey: 'ups', unitPrice: 350, source: 'UPS vendor Q-1', date: '2026-11-01' },
          { itemKey: 'rack-pdu', unitPrice: 1_100, source: 'PDU vendor', date: '2026-11-02' },
        ];
      },
    });
    const kept = keepQuotes(emptyUserCatalog(), doc(store));
    expect(kept.quotes.map((q) => [q.itemKey, q.currency])).toEqual([
      ['ups', 'USD'],
      ['rack-pdu', 'USD'],
    ]);
    expect(parseUserCatalog(serializeUserCatalog(kept)).ok).toBe(true);

    const other = fresh();
    run(other, {
      ok: true,
      command: { label: 'q', recipe: (d) => void (d.quotes = [{ ...doc(store).quotes[0]!, unitPrice: 999 }]) },
    });
    run(other, takeKeptQuotes(doc(other), kept));
    // Its own UPS quote stays; the rack-PDU quote comes from the catalog without its currency.
    expect(doc(other).quotes).toEqual([
      { itemKey: 'ups', unitPrice: 999, source: 'UPS vendor Q-1', date: '2026-11-01' },
      { itemKey: 'rack-pdu', unitPrice: 1_100, source: 'PDU vendor', date: '2026-11-02' },
    ]);
    expect(reopens(other)).toBe(true);

    const euro = fresh();
    euro.getState().run({ label: 'eur', recipe: (d) => void (d.settings.currency = 'EUR') });
    expect(takeKeptQuotes(doc(euro), kept)).toEqual({
      ok: false,
      reason: 'Your catalog has no EUR quote this project lacks.',
    });
    expect(removeQuoteFromUserCatalog(kept, 'ups').quotes.map((q) => q.itemKey)).toEqual(['rack-pdu']);
  });

  it('removes a device from the user catalog', () => {
    const catalog = {
      ...emptyUserCatalog(),
      devices: [
        { ...SWITCH, id: 'custom-a' },
        { ...SWITCH, id: 'custom-b' },
      ],
    };
    expect(removeFromUserCatalog(catalog, 'custom-a').devices.map((d) => d.id)).toEqual(['custom-b']);
  });
});

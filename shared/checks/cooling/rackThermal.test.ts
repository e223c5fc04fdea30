/**
 * Racks' heat after an edit is the last result with the racks that are other objects worked out
 * again: it must equal working every rack out afresh, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { catalogFor } from '../../catalog';
import type { ProjectDocument } from '../../model/schema';
import { buildStressSite } from '../../testing/stressSite';
import { rackThermal } from './rackThermal';

const doc = buildStressSite(240);
const catalog = catalogFor(doc);
const editRack = (d: ProjectDocument, i: number, edit: (r: ProjectDocument['racks'][number]) => object) => ({
  ...d,
  racks: d.racks.map((r, k) => (k === i ? { ...r, ...edit(r) } : r)),
});
/** Worked out whole: the same racks as other objects, after a call with no racks leaves nothing to patch. */
const afresh = (d: ProjectDocument) => {
  rackThermal({ ...d, racks: [] }, catalog);
  return rackThermal({ ...d, racks: d.racks.map((r) => ({ ...r })) }, catalog);
};

describe('racks’ heat after an edit', () => {
  it('is worked out afresh’s, in the same order, after edits of racks’ devices, rows and ids', () => {
    const first = rackThermal(doc, catalog);
    const fewer = editRack(doc, 7, (r) => ({ devices: r.devices.slice(0, -1) }));
    const after = rackThermal(fewer, catalog);
    expect([...after]).toEqual([...afresh(fewer)]);
    // Only the edited rack is another object.
    const others = doc.racks.filter((r, i) => i !== 7).map((r) => r.id);
    expect(others.every((id) => after.get(id) === first.get(id))).toBe(true);
    expect(after.get(doc.racks[7]!.id)).not.toBe(first.get(doc.racks[7]!.id));
    expect(after.get(doc.racks[7]!.id)!.itW).toBeLessThan(first.get(doc.racks[7]!.id)!.itW);

    const renamed = editRack(fewer, 3, () => ({ id: 'rack-renamed' }));
    const patched = rackThermal(renamed, catalog);
    expect(patched.size).toBe(renamed.racks.length);
    expect([...patched]).toEqual([...afresh(renamed)]);
    const unrowed = editRack(renamed, 11, () => ({ rowId: null }));
    expect([...rackThermal(unrowed, catalog)]).toEqual([...afresh(unrowed)]);
  });

  it('is worked out whole when units, containments or the load basis change', () => {
    rackThermal(doc, catalog);
    const nameplate = { ...doc, settings: { ...doc.settings, loadBasis: 'nameplate' as const } };
    expect([...rackThermal(nameplate, catalog)]).toEqual([...afresh(nameplate)]);
    const uncontained = { ...doc, containments: [] };
    expect([...rackThermal(uncontained, catalog)]).toEqual([...afresh(uncontained)]);
  });
});

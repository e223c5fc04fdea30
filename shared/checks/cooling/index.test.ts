import { describe, expect, it } from 'vitest';
import type { Rack } from '../../model/schema';
import { buildStressSite } from '../../testing/stressSite';
import { indexRacks, indexRacksAfter } from './index';

const doc = buildStressSite(1_000);
const edited = (racks: readonly Rack[], i: number, edit: (r: Rack) => Rack) =>
  racks.map((r, k) => (k === i ? edit(r) : r));
const fewerDevices = (r: Rack): Rack => ({ ...r, devices: r.devices.slice(0, -1) });

describe('racks by hall after an edit', () => {
  const byHall = (racks: readonly Rack[]) => ({ byHall: indexRacks(racks).byHall });
  const first = indexRacksAfter(doc.racks, null);

  it('is the index made afresh, sharing every list the edit did not reach', () => {
    const i = 321;
    const racks = edited(doc.racks, i, fewerDevices);
    const next = indexRacksAfter(racks, first);
    expect(next.index).toEqual(byHall(racks));
    const { hallId } = racks[i]!;
    for (const [id, list] of next.index.byHall)
      if (id === hallId) expect(list).not.toBe(first.index.byHall.get(id));
      else expect(list).toBe(first.index.byHall.get(id));
    // The last index is left as it was.
    expect(first.index).toEqual(byHall(doc.racks));
    // Two edits of one hall copy its list once; the same racks again are the same index.
    const twice = indexRacksAfter(edited(racks, i + 1, fewerDevices), next);
    expect(twice.index).toEqual(byHall(edited(racks, i + 1, fewerDevices)));
    expect(indexRacksAfter(racks, next)).toBe(next);
  });

  it('is the index made afresh when a rack changes row, hall or id, or racks come or go', () => {
    const i = 10;
    const otherRow = doc.racks.find((r) => r.rowId !== doc.racks[i]!.rowId && r.hallId === doc.racks[i]!.hallId)!;
    for (const racks of [
      edited(doc.racks, i, (r) => ({ ...r, rowId: otherRow.rowId })),
      edited(doc.racks, i, (r) => ({ ...r, hallId: doc.halls[1]!.id })),
      edited(doc.racks, i, (r) => ({ ...r, id: 'renamed' })),
      doc.racks.slice(1),
    ])
      expect(indexRacksAfter(racks, first).index).toEqual(byHall(racks));
  });
});

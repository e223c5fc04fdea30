import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import type { Rack } from '../model/schema';
import { buildStressSite } from '../testing/stressSite';
import { checkHall, type HallContext, type HallInputs } from './hallChecks';
import { runSecuritySite } from './security';

const doc = buildStressSite(300);
const catalog = catalogFor(doc);
const site = runSecuritySite(doc);
const context: HallContext = { doc, catalog, zones: site.zones, modelled: site.metrics.modelled };
const hall = doc.halls[0]!;
const base: HallInputs = {
  hall,
  racks: doc.racks.filter((r) => r.hallId === hall.id),
  walls: doc.walls.filter((w) => w.hallId === hall.id),
  rows: doc.rows.filter((r) => r.hallId === hall.id),
  containments: doc.containments.filter((c) => c.hallId === hall.id),
};
/** The hall with its first containment of the other kind: its rows face the wrong way. */
const flipped: HallInputs = {
  ...base,
  containments: base.containments.map((c, i) =>
    i === 0 ? { ...c, type: c.type === 'hot' ? ('cold' as const) : ('hot' as const) } : c,
  ),
};
const firstRow = flipped.containments[0]!.rowIds[0]!;
const withRacks = (from: HallInputs, change: (r: Rack, k: number) => Rack): HallInputs => ({
  ...from,
  racks: from.racks.map(change),
});

describe('a hall checked again from its last result', () => {
  it('keeps its layout findings where racks changed only in what they hold and their names', () => {
    const last = checkHall(flipped, context);
    expect(last.layout.length).toBeGreaterThan(0);
    const edited = withRacks(flipped, (r, k) =>
      k === 3 ? { ...r, devices: r.devices.slice(0, -1), name: `${r.name}′` } : r,
    );
    const again = checkHall(edited, context, last);
    expect(again.layout).toBe(last.layout);
    expect(again).toEqual(checkHall(edited, context));
  });

  it.each<[string, HallInputs, HallInputs]>([
    [
      'a rack turned',
      base,
      withRacks(base, (r, k) => (k === 3 ? { ...r, rotationDeg: (r.rotationDeg + 180) % 360 } : r) as Rack),
    ],
    [
      'a rack moved',
      base,
      withRacks(base, (r, k) => (k === 3 ? { ...r, position: { x: r.position.x, y: r.position.y + 0.9 } } : r)),
    ],
    ['a containment of the other kind', base, flipped],
    ['its rows renamed', flipped, { ...flipped, rows: flipped.rows.map((r) => ({ ...r, name: `${r.name}′` })) }],
    [
      'the racks of a contained row in another',
      flipped,
      withRacks(flipped, (r) =>
        r.rowId === firstRow ? { ...r, rowId: flipped.rows.find((w) => w.id !== firstRow)!.id } : r,
      ),
    ],
  ])('works its layout out again with %s, as a check from scratch', (_what, from, to) => {
    const last = checkHall(from, context);
    const fresh = checkHall(to, context);
    expect(fresh.layout).not.toEqual(last.layout);
    expect(checkHall(to, context, last)).toEqual(fresh);
  });
});

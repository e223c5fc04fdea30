import { describe, expect, it } from 'vitest';
import { catalogFor } from '../catalog';
import type { ProjectDocument, Rack } from '../model/schema';
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

describe('a hall’s zoning findings checked again from its last result', () => {
  // The hall's zone lowered to class 3, under the class 4 its GPU racks need, and a tenant kept
  // apart: findings that name racks, and that a tenant's rack would add to.
  const zoned: ProjectDocument = {
    ...doc,
    zones: doc.zones.map((z) => (z.kind === 'data-hall' && z.hallId === hall.id ? { ...z, protectionClass: 3 } : z)),
    tenants: [{ id: 'tenant-x', name: 'Tenant X', requiredClass: 2, separate: true }],
  };
  const zones = runSecuritySite(zoned);
  const ctx: HallContext = { doc: zoned, catalog, zones: zones.zones, modelled: zones.metrics.modelled };
  const last = checkHall(base, ctx);
  const gpu = last.zoning.find((f) => f.rule === 'security.rack-class')!.entities[0]!;
  const at = base.racks.findIndex((r) => r.id === gpu);
  /** A rack its finding does not name: one that needs less. */
  const other = base.racks.findIndex((r) => !last.zoning.some((f) => f.entities.includes(r.id)));

  it('are kept where racks changed only in what they hold', () => {
    const edited = withRacks(base, (r, k) => (k === at || k === other ? { ...r, devices: r.devices.slice(0, -1) } : r));
    const again = checkHall(edited, ctx, last);
    expect(again.zoning).toBe(last.zoning);
    expect(again).toEqual(checkHall(edited, ctx));
  });

  it.each<[string, (r: Rack) => Rack, () => number]>([
    ['a rack named in them renamed', (r) => ({ ...r, name: `${r.name}′` }), () => at],
    ['another rack needing more', (r) => ({ ...r, requiredClass: 4 }), () => other],
    ['a rack needing less', (r) => ({ ...r, requiredClass: 1 }), () => at],
    ['a rack named in them of another hall', (r) => ({ ...r, hallId: doc.halls[1]!.id }), () => at],
    ['a rack given to a tenant kept apart', (r) => ({ ...r, tenantId: 'tenant-x' }), () => other],
  ])('are worked out again with %s, as from scratch', (_what, change, which) => {
    const k = which();
    const to = withRacks(base, (r, j) => (j === k ? change(r) : r));
    const fresh = checkHall(to, ctx);
    expect(fresh.zoning).not.toEqual(last.zoning);
    expect(checkHall(to, ctx, last)).toEqual(fresh);
  });

  it('are worked out again with an unzoned rack of another hall, as from scratch', () => {
    // In a hall with no zone either way: only the hall its finding groups it by moves.
    const from = withRacks(base, (r, k) => (k === other ? { ...r, hallId: 'hall-unzoned-1' } : r));
    const to = withRacks(base, (r, k) => (k === other ? { ...r, hallId: 'hall-unzoned-2' } : r));
    const before = checkHall(from, ctx);
    const fresh = checkHall(to, ctx);
    expect(fresh.zoning).not.toEqual(before.zoning);
    expect(checkHall(to, ctx, before)).toEqual(fresh);
  });
});

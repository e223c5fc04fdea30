import { describe, expect, it } from 'vitest';
import { buildSampleFacility, runChecks } from '../../shared/index';
import {
  addCamera,
  addDoor,
  addTenant,
  addZone,
  assignRacks,
  cageAround,
  deleteDoors,
  deleteTenant,
  deleteZones,
  updateDoor,
  updateSecuritySettings,
  updateTenant,
  updateZone,
} from './securityCommands';
import { doc, fresh, ok, reopens, type Store } from './storeTesting';

const securityErrors = (store: Store) =>
  runChecks(doc(store))
    .findings.filter((f) => f.rule.startsWith('security.') && f.severity === 'error')
    .map((f) => f.rule);

describe('security design edits', () => {
  it('locking the roller door (egress-only, alarmed) clears the sample’s three security errors; undo brings them back', () => {
    const store = fresh();
    expect(securityErrors(store)).toEqual(['security.SEC-1', 'security.SEC-3', 'security.SEC-9']);
    store.getState().run(ok(updateDoor(doc(store), 'door-dock', { egressOnly: true, alarmed: true })).command);
    expect(securityErrors(store)).toEqual([]);
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(securityErrors(store)).toHaveLength(3);
  });

  it('a tenant kept apart from the miners fails until a cage around its racks nests in the hall', () => {
    const store = fresh();
    const gpu = doc(store)
      .racks.filter((r) => r.rowId === 'row-a-02')
      .map((r) => r.id);
    store.getState().run(ok(updateTenant(doc(store), 'tenant-ai', { separate: true })).command);
    expect(securityErrors(store)).toContain('security.tenant-separation');
    const cage = ok(cageAround(doc(store), gpu));
    store.getState().run(cage.command);
    const zone = doc(store).zones.find((z) => z.id === cage.id)!;
    expect(zone).toMatchObject({ kind: 'cage', protectionClass: 4, parentId: 'zone-hall-a', hallId: 'hall-a' });
    // Row 02: x 10.2…16.8 and y 10.3 (racks 0.6 × 1.2 m), grown by 0.6 m.
    expect(zone.polygon).toEqual([
      { x: 9.3, y: 9.1 },
      { x: 17.7, y: 9.1 },
      { x: 17.7, y: 11.5 },
      { x: 9.3, y: 11.5 },
    ]);
    expect(runChecks(doc(store)).security.racks.get(gpu[0]!)!.zoneId).toBe(cage.id);
    expect(securityErrors(store)).not.toContain('security.tenant-separation');
    expect(reopens(store)).toBe(true);
  });

  it('assigns tenants and classes to racks in bulk, and removing a tenant frees its racks', () => {
    const store = fresh();
    const miners = doc(store)
      .racks.filter((r) => r.rowId === 'row-a-01')
      .map((r) => r.id);
    store.getState().run(ok(assignRacks(doc(store), miners, { requiredClass: 3 })).command);
    expect(runChecks(doc(store)).security.racks.get(miners[0]!)).toMatchObject({ required: 3, requiredBy: 'rack' });
    const t = ok(addTenant(doc(store), 3));
    store.getState().run(t.command);
    store.getState().run(ok(assignRacks(doc(store), miners, { tenantId: t.id! })).command);
    expect(doc(store).racks.filter((r) => r.tenantId === t.id)).toHaveLength(20);
    store.getState().run(ok(deleteTenant(doc(store), t.id!)).command);
    expect(doc(store).racks.some((r) => r.tenantId === t.id)).toBe(false);
    expect(assignRacks(doc(store), miners, { tenantId: 'ghost' })).toMatchObject({ ok: false });
    expect(reopens(store)).toBe(true);
  });

  it('deleting a zone frees the doors and plant that named it, and nests its children one level up', () => {
    const store = fresh();
    store.getState().run(ok(deleteZones(doc(store), ['zone-corridor'])).command);
    const d = doc(store);
    expect(d.doors.find((x) => x.id === 'door-building')).toMatchObject({ zoneA: 'zone-site', zoneB: null });
    expect(d.zones.find((z) => z.id === 'zone-hall-a')!.parentId).toBe('zone-site');
    expect(reopens(store)).toBe(true);
    store.getState().run(ok(deleteZones(doc(store), ['zone-electrical'])).command);
    expect(
      doc(store)
        .power.filter((p) => p.kind === 'ups')
        .every((p) => p.zoneId === null),
    ).toBe(true);
    expect(reopens(store)).toBe(true);
  });

  it('refuses a zone nested in itself, a door into the same zone twice, an interlock with itself and a class 5', () => {
    const d = buildSampleFacility();
    expect(updateZone(d, 'zone-site', { parentId: 'zone-hall-a' })).toMatchObject({ ok: false });
    expect(updateDoor(d, 'door-main', { zoneA: 'zone-hall-a', zoneB: 'zone-hall-a' })).toMatchObject({ ok: false });
    expect(updateDoor(d, 'door-main', { interlockId: 'door-main' })).toMatchObject({ ok: false });
    expect(updateZone(d, 'zone-site', { protectionClass: 5 as 4 })).toMatchObject({ ok: false });
    expect(
      addZone(d, {
        kind: 'cage',
        protectionClass: 4,
        polygon: [
          { x: 0, y: 0 },
          { x: 1, y: 0 },
          { x: 1, y: 1 },
        ],
      }),
    ).toMatchObject({
      ok: false,
    });
  });

  it('adds doors, cameras and tenants with fresh names, and deleting a door clears its interlock partner', () => {
    const store = fresh();
    const door = ok(addDoor(doc(store), { zoneA: 'zone-corridor', zoneB: 'zone-vestibule' }));
    store.getState().run(door.command);
    expect(doc(store).doors.find((x) => x.id === door.id)).toMatchObject({ name: 'Door 1', control: 'card' });
    const cam = ok(addCamera(doc(store), 'hall-a', { x: 30, y: 2 }));
    store.getState().run(cam.command);
    // Looking towards the hall's centre (30, 12): straight along +y.
    expect(doc(store).cameras.find((c) => c.id === cam.id)).toMatchObject({ name: 'CAM 1', directionDeg: 90 });
    store.getState().run(ok(deleteDoors(doc(store), ['door-main'])).command);
    expect(doc(store).doors.find((x) => x.id === 'door-vestibule')!.interlockId).toBeNull();
    expect(reopens(store)).toBe(true);
    expect(updateSecuritySettings(doc(store), { minBoundariesClass4: -1 })).toMatchObject({ ok: false });
  });
});

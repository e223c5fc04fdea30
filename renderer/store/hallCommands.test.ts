import { describe, expect, it } from 'vitest';
import { runChecks } from '../../shared/index';
import { addHall, deleteHall, freeHallCode, newHallDefaults, updateHall } from './hallCommands';
import { doc, fresh, ok, reopens, run } from './storeTesting';

const floorRules = (d: ReturnType<typeof doc>) =>
  runChecks(d)
    .findings.filter((f) => f.rule.startsWith('floor.'))
    .map((f) => `${f.severity} ${f.rule}`)
    .sort();

describe('hall properties', () => {
  it('renames a hall and changes its code: automatic rack names follow, names typed by hand stay; undo restores both', () => {
    const store = fresh();
    const before = doc(store).racks.map((r) => r.name);
    run(store, updateHall(doc(store), 'hall-a', { name: 'Hall Alpha', code: 'alf' }));
    const hall = doc(store).halls[0]!;
    expect(hall).toMatchObject({ name: 'Hall Alpha', code: 'ALF' });
    expect(doc(store).racks.find((r) => r.id === 'rack-A-01-01')!.name).toBe('ALF-01-01');
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).halls[0]).toMatchObject({ name: 'Hall A (ex-mining)', code: 'A' });
    expect(doc(store).racks.map((r) => r.name)).toEqual(before);
  });

  it('refuses a code that is not letters and digits, or that another hall uses, saying why', () => {
    const store = fresh();
    expect(updateHall(doc(store), 'hall-a', { code: 'A-1' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('use 1 to 8 letters or digits'),
    });
    const added = run(store, addHall(doc(store), newHallDefaults(doc(store), null)));
    expect(doc(store).halls.find((h) => h.id === added.id)!.code).toBe('B');
    expect(updateHall(doc(store), added.id!, { code: 'a' })).toEqual({
      ok: false,
      reason: 'Hall code "A" is already used by Hall A (ex-mining): choose another.',
    });
    expect(updateHall(doc(store), 'hall-a', { name: '  ' })).toMatchObject({ ok: false });
    expect(updateHall(doc(store), 'hall-a', { buildingId: 'ghost' })).toEqual({
      ok: false,
      reason: 'That building no longer exists.',
    });
  });

  it('setting a rating declares it; un-declaring puts the TIA-942 defaults back', () => {
    const store = fresh();
    expect(floorRules(doc(store))).toEqual(['info floor.FLOOR-4']);
    run(store, updateHall(doc(store), 'hall-a', { uniformLoadKpa: 2 }));
    expect(doc(store).halls[0]!.floor).toMatchObject({ uniformLoadKpa: 2, pointLoadKn: 4.5, ratingDeclared: true });
    // The DGX racks spread 3.92 kPa over their pitch; the miner bays load 3.27 kPa under their footprint.
    expect(floorRules(doc(store))).toEqual(['error floor.FLOOR-1', 'warning floor.FLOOR-3']);
    run(store, updateHall(doc(store), 'hall-a', { ratingDeclared: false }));
    expect(doc(store).halls[0]!.floor).toMatchObject({ uniformLoadKpa: 12, pointLoadKn: 4.5, ratingDeclared: false });
    run(store, updateHall(doc(store), 'hall-a', { ratingDeclared: true }));
    expect(floorRules(doc(store))).toEqual([]);
    expect(updateHall(doc(store), 'hall-a', { pointLoadKn: 0 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('floor.pointLoadKn'),
    });
    expect(reopens(store)).toBe(true);
  });

  it('a raised floor takes a height, a slab drops it, and racks must still fit under the ceiling', () => {
    const store = fresh();
    run(store, updateHall(doc(store), 'hall-a', { floorKind: 'raised' }));
    expect(doc(store).halls[0]!.floor).toMatchObject({ kind: 'raised', raisedHeightM: 0.6 });
    expect(floorRules(doc(store))).toContain('info floor.FLOOR-5');
    run(store, updateHall(doc(store), 'hall-a', { raisedHeightM: 0.9 }));
    expect(doc(store).halls[0]!.floor.raisedHeightM).toBe(0.9);
    // 2.27 m racks on a 0.9 m floor need 3.17 m.
    const low = updateHall(doc(store), 'hall-a', { height: 3 });
    expect(low).toMatchObject({
      ok: false,
      reason: expect.stringContaining('would not fit under a 3 m ceiling on a 0.9 m raised floor'),
    });
    run(store, updateHall(doc(store), 'hall-a', { floorKind: 'slab' }));
    expect(doc(store).halls[0]!.floor).toMatchObject({ kind: 'slab', raisedHeightM: 0 });
    expect(updateHall(doc(store), 'hall-a', { raisedHeightM: 0.5 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('set the floor to "raised" first'),
    });
  });

  it('grows a hall with its perimeter walls and far-wall doors; refuses to shrink it past what stands inside', () => {
    const store = fresh();
    run(store, updateHall(doc(store), 'hall-a', { width: 70, depth: 30, height: 7 }));
    const d = doc(store);
    const walls = d.walls.filter((w) => w.hallId === 'hall-a');
    const ends = walls.flatMap((w) => [w.a, w.b]);
    expect(Math.max(...ends.map((p) => p.x))).toBe(70);
    expect(Math.max(...ends.map((p) => p.y))).toBe(30);
    expect(walls.every((w) => w.height === 7)).toBe(true);
    // The fire exit stood on the far wall (y = 24) and the dock door on the east wall (x = 60).
    expect(d.doors.find((x) => x.position.y === 30)).toBeDefined();
    expect(d.doors.find((x) => x.position.x === 70)).toBeDefined();
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).halls[0]).toMatchObject({ width: 60, depth: 24, height: 6 });

    // Row 01's bays 17–20 reach past x = 20 m (10.2 + 0.6 · 16 + 0.3 = 20.1 m), as do fan walls FW3 and FW5 and two cameras.
    expect(updateHall(doc(store), 'hall-a', { width: 20 })).toEqual({
      ok: false,
      reason:
        'Cannot resize Hall A (ex-mining): rack A-01-17, rack A-01-18, rack A-01-19, rack A-01-20, Fan wall FW3 (pad) ' +
        'and 3 more would stand outside Hall A (ex-mining) at 20 × 24 m: move them first.',
    });
  });

  it('adds a hall with four perimeter walls and the default floor, undeclared unless a rating is given', () => {
    const store = fresh();
    const fields = { ...newHallDefaults(doc(store), 'building-main'), name: 'Hall B', width: 40, depth: 20 };
    const added = run(store, addHall(doc(store), fields));
    const d = doc(store);
    const hall = d.halls.find((h) => h.id === added.id)!;
    expect(hall).toMatchObject({ name: 'Hall B', code: 'B', buildingId: 'building-main', width: 40, depth: 20 });
    expect(hall.floor).toEqual({
      kind: 'slab',
      raisedHeightM: 0,
      uniformLoadKpa: 12,
      pointLoadKn: 4.5,
      ratingDeclared: false,
    });
    expect(d.walls.filter((w) => w.hallId === hall.id)).toHaveLength(4);
    expect(reopens(store)).toBe(true);

    const rated = ok(
      addHall(d, {
        ...newHallDefaults(d, null),
        floorKind: 'raised',
        raisedHeightM: 0.8,
        uniformLoadKpa: 7.2,
        pointLoadKn: null,
      }),
    );
    store.getState().run(rated.command);
    expect(doc(store).halls.find((h) => h.id === rated.id)!.floor).toEqual({
      kind: 'raised',
      raisedHeightM: 0.8,
      uniformLoadKpa: 7.2,
      pointLoadKn: 4.5,
      ratingDeclared: true,
    });
    expect(freeHallCode(doc(store))).toBe('D');
    expect(addHall(doc(store), { ...newHallDefaults(doc(store), null), width: -1 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('New hall: width'),
    });
    store.getState().undo();
    store.getState().undo();
    expect(doc(store).halls).toHaveLength(1);
  });

  it('deletes an empty hall with its walls; refuses one that holds racks, cooling units or doors, saying which', () => {
    const store = fresh();
    expect(deleteHall(doc(store), 'hall-a')).toEqual({
      ok: false,
      reason: "Hall A (ex-mining) is the project's only hall: add another first.",
    });
    const added = run(store, addHall(doc(store), newHallDefaults(doc(store), null)));
    expect(deleteHall(doc(store), 'hall-a')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(
        /^Hall A \(ex-mining\) still holds 32 racks, 5 cooling units and 3 doors: move them/,
      ),
    });
    run(store, deleteHall(doc(store), added.id!));
    expect(doc(store).halls.map((h) => h.id)).toEqual(['hall-a']);
    expect(doc(store).walls.some((w) => w.hallId === added.id)).toBe(false);
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    expect(doc(store).halls).toHaveLength(2);
    expect(doc(store).walls.filter((w) => w.hallId === added.id)).toHaveLength(4);
  });
});

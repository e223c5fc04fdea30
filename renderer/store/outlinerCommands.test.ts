import { describe, expect, it } from 'vitest';
import {
  addBuilding,
  deleteBuilding,
  moveHallToBuilding,
  renameBuilding,
  renameHall,
  renameRow,
} from './outlinerCommands';
import { doc, fresh, reopens, run } from './storeTesting';

describe('outliner edits', () => {
  it('adds a building, moves the sample hall into it and back with undo, then deletes it', () => {
    const store = fresh();
    const id = run(store, addBuilding(doc(store))).id!;
    expect(doc(store).buildings.map((b) => b.name)).toEqual(['Main building', 'Building 1']);
    expect(run(store, addBuilding(doc(store))).command.label).toBe('Add Building 2');
    store.getState().undo();

    run(store, moveHallToBuilding(doc(store), 'hall-a', id));
    expect(doc(store).halls[0]!.buildingId).toBe(id);
    expect(reopens(store)).toBe(true);
    expect(deleteBuilding(doc(store), id)).toEqual({
      ok: false,
      reason:
        'Building 1 still holds 1 hall (Hall A (ex-mining)): move them to another building or to "No building" first ' +
        '(right-click a hall, Move to building…).',
    });
    store.getState().undo();
    expect(doc(store).halls[0]!.buildingId).toBe('building-main');

    run(store, deleteBuilding(doc(store), id));
    expect(doc(store).buildings.map((b) => b.id)).toEqual(['building-main']);
    store.getState().undo();
    expect(doc(store).buildings).toHaveLength(2);
  });

  it('takes a hall out of any building, and refuses a move that changes nothing or names no building', () => {
    const store = fresh();
    run(store, moveHallToBuilding(doc(store), 'hall-a', null));
    expect(doc(store).halls[0]!.buildingId).toBeNull();
    expect(reopens(store)).toBe(true);
    run(store, deleteBuilding(doc(store), 'building-main'));
    expect(doc(store).buildings).toEqual([]);
    expect(moveHallToBuilding(doc(store), 'hall-a', null)).toEqual({
      ok: false,
      reason: 'Hall A (ex-mining) is already in no building.',
    });
    expect(moveHallToBuilding(doc(store), 'hall-a', 'building-gone')).toEqual({
      ok: false,
      reason: 'That building no longer exists.',
    });
    expect(moveHallToBuilding(doc(store), 'hall-gone', null).ok).toBe(false);
  });

  it('renames halls, rows and buildings, trimmed, undoably; refuses blank and over-long names', () => {
    const store = fresh();
    const renamed = run(store, renameHall(doc(store), 'hall-a', '  Hall A (AI) '));
    expect(renamed.command.label).toBe('Rename Hall A (ex-mining) to Hall A (AI)');
    expect(doc(store).halls[0]!.name).toBe('Hall A (AI)');
    run(store, renameRow(doc(store), 'row-a-02', 'Row 02 (GPU)'));
    expect(doc(store).rows.find((r) => r.id === 'row-a-02')!.name).toBe('Row 02 (GPU)');
    run(store, renameBuilding(doc(store), 'building-main', 'Building 1 (east)'));
    expect(doc(store).buildings[0]!.name).toBe('Building 1 (east)');
    expect(reopens(store)).toBe(true);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(doc(store).halls[0]!.name).toBe('Hall A (ex-mining)');
    expect(doc(store).rows.find((r) => r.id === 'row-a-02')!.name).toBe('Row 02 (DGX H100)');

    expect(renameRow(doc(store), 'row-a-01', '   ')).toEqual({
      ok: false,
      reason: 'A row needs a name: type one, or press Esc to keep "Row 01 (S19 XP miners)".',
    });
    const long = renameBuilding(doc(store), 'building-main', 'x'.repeat(201));
    expect(long.ok).toBe(false);
    expect(!long.ok && long.reason).toMatch(/^name: /);
    expect(renameHall(doc(store), 'hall-gone', 'H')).toEqual({ ok: false, reason: 'That hall no longer exists.' });
  });
});

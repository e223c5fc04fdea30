import { describe, expect, it } from 'vitest';
import { copyLayout, rowPairSlots } from '../../shared/index';
import {
  addWalls,
  alignItems,
  arrayItems,
  duplicateItems,
  layRowsCommand,
  moveItems,
  pasteCommand,
  racksOfSelection,
  renumberCommand,
  rotateItems,
} from './layoutCommands';
import { doc, fresh, reopens, type Store } from './storeTesting';

function run(store: Store, result: ReturnType<typeof moveItems>) {
  if (!result.ok) throw new Error(result.reason);
  store.getState().run(result.command);
  return result;
}

const refused = (result: ReturnType<typeof moveItems>) => (result.ok ? '' : result.reason);
const rowRacks = (store: Store, rowId: string) => racksOfSelection(doc(store), [rowId]);

describe('layout commands', () => {
  it('lays a row pair around a cold aisle in free floor, and refuses one over existing racks', () => {
    const store = fresh();
    const before = doc(store);
    const slots = rowPairSlots(
      { start: { x: 30, y: 17 }, end: { x: 36, y: 17 }, pitchM: 0.6, aisleWidthM: 1.2, aisle: 'cold' },
      { widthM: 0.6, depthM: 1.2 },
    );
    const laid = run(store, layRowsCommand(before, 'hall-a', 'rack-48u-600x1200', slots, { a: null, b: null }));
    expect(laid.ids).toHaveLength(2 + 22);
    expect(
      doc(store)
        .rows.map((r) => r.name)
        .slice(-2),
    ).toEqual(['Row 03', 'Row 04']);
    expect(reopens(store)).toBe(true);
    const again = layRowsCommand(doc(store), 'hall-a', 'rack-48u-600x1200', slots, { a: null, b: null });
    expect(refused(again)).toMatch(/^The row cannot go there: A-05-01 would overlap A-03-01; .* and \d+ more\.$/);
    store.getState().undo();
    expect(doc(store)).toEqual(before);
  });

  it('moves a whole row, refusing moves onto another row, across a wall or out of the hall', () => {
    const store = fresh();
    const ids = rowRacks(store, 'row-a-02');
    const first = doc(store).racks.find((r) => r.id === ids[0])!;
    run(store, moveItems(doc(store), ids, 0, 1.2));
    expect(doc(store).racks.find((r) => r.id === ids[0])!.position).toEqual({
      x: first.position.x,
      y: first.position.y + 1.2,
    });
    expect(refused(moveItems(doc(store), ids, 0, -100))).toMatch(/would stand outside Hall A/);
    const rowOne = doc(store).racks.find((r) => r.rowId === 'row-a-01')!;
    const onto = moveItems(
      doc(store),
      ids,
      0,
      rowOne.position.y - doc(store).racks.find((r) => r.id === ids[0])!.position.y,
    );
    expect(refused(onto)).toMatch(/would overlap/);
    store.getState().undo();
    expect(doc(store).racks.find((r) => r.id === ids[0])!.position).toEqual(first.position);
  });

  it('rotates a row about its centre and aligns racks', () => {
    const store = fresh();
    const ids = rowRacks(store, 'row-a-02').slice(0, 4);
    const rotated = rotateItems(doc(store), ids);
    if (rotated.ok) {
      store.getState().run(rotated.command);
      const turned = doc(store).racks.filter((r) => ids.includes(r.id));
      expect(new Set(turned.map((r) => r.position.x)).size).toBe(1);
      expect(turned.every((r) => r.rotationDeg === 270)).toBe(true);
    } else expect(rotated.reason).toMatch(/would overlap/);
    expect(refused(alignItems(doc(store), [], 'left'))).toMatch(/Select racks/);
  });

  it('duplicates a row beside itself, pastes into another hall, and arrays copies', () => {
    const store = fresh();
    const ids = rowRacks(store, 'row-a-02');
    const dup = run(store, duplicateItems(doc(store), ids));
    expect(dup.ids).toHaveLength(ids.length);
    expect(reopens(store)).toBe(true);
    const clip = copyLayout(doc(store), ids)!;
    expect(refused(pasteCommand(doc(store), clip, 'nowhere'))).toMatch(/Unknown hall/);
    const arrayed = arrayItems(doc(store), ids.slice(0, 2), 2, { x: 0, y: 40 });
    expect(refused(arrayed)).toMatch(/does not fit: .*outside Hall A/);
  });

  it('renumbers a row Hall-Row-Position with its circuits', () => {
    const store = fresh();
    run(store, renumberCommand(doc(store), ['row-a-02']));
    const racks = doc(store)
      .racks.filter((r) => r.rowId === 'row-a-02')
      .sort((a, b) => a.position.x - b.position.x);
    expect(racks[0]!.name).toBe('A-02-01');
    expect(doc(store).power.find((p) => p.id === racks[0]!.feeds.a)!.name).toBe('A-02-01 A');
  });

  it('draws a room as closed walls inside the hall', () => {
    const store = fresh();
    const corners = [
      { x: 2, y: 2 },
      { x: 8, y: 2 },
      { x: 8, y: 6 },
      { x: 2, y: 6 },
    ];
    const room = run(store, addWalls(doc(store), 'hall-a', corners, true, 0.2));
    expect(room.ids).toHaveLength(4);
    expect(doc(store).walls.at(-1)).toMatchObject({ a: { x: 2, y: 6 }, b: { x: 2, y: 2 }, thickness: 0.2, height: 6 });
    expect(
      refused(
        addWalls(
          doc(store),
          'hall-a',
          [
            { x: 0, y: 0 },
            { x: 100, y: 0 },
          ],
          false,
          0.2,
        ),
      ),
    ).toMatch(/outside Hall A/);
    expect(reopens(store)).toBe(true);
  });
});

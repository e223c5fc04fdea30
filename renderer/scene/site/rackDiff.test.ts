import { describe, expect, it } from 'vitest';
import { newRack, type Rack } from '../../../shared/index';
import { indexRacksByHall } from '../hallIndex';
import { diffRacks } from './rackDiff';

const rack = (id: string, hallId: string) =>
  newRack({ id, name: id, hallId, rackTypeId: 'rack-48u-600x1200', position: { x: 1, y: 1 } });
const moved = (r: Rack) => ({ ...r, position: { x: r.position.x + 0.5, y: 1 } });

describe('site view instances touched by an edit', () => {
  // Two halls, interleaved in the document as racks added in turn would be.
  const before = [rack('a', 'H1'), rack('b', 'H2'), rack('c', 'H1'), rack('d', 'H2'), rack('e', 'H1')];
  const index = indexRacksByHall(before);

  it('nothing drawn yet, racks added or removed, or a rack moved to another hall: everything', () => {
    expect(diffRacks(null, index)).toEqual({ full: true });
    expect(diffRacks(index, indexRacksByHall(before.slice(1), index))).toEqual({ full: true });
    const rehomed = before.map((r, i) => (i === 0 ? { ...r, hallId: 'H2' } : r));
    expect(diffRacks(index, indexRacksByHall(rehomed, index))).toEqual({ full: true });
  });

  it('two racks edited in two halls: those two instances and the span between them', () => {
    const after = before.map((r, i) => (i === 1 || i === 4 ? moved(r) : r));
    expect(diffRacks(index, indexRacksByHall(after, index))).toEqual({ full: false, changed: [1, 4], from: 1, to: 4 });
  });

  it('no rack changed: nothing to write', () => {
    expect(diffRacks(index, indexRacksByHall([...before], index))).toEqual({
      full: false,
      changed: [],
      from: 0,
      to: -1,
    });
  });

  it('over a chain of edits, finds exactly the racks a comparison of every rack finds', () => {
    let racks: Rack[] = Array.from({ length: 60 }, (_, i) => rack(`r${i}`, `H${i % 7}`));
    let current = indexRacksByHall(racks);
    for (let step = 0; step < 40; step++) {
      // One to three racks edited in place, as a move, a rename or a re-feed is.
      const edited = new Set([(step * 13) % 60, (step * 29 + 7) % 60, (step * 5) % 60].slice(0, 1 + (step % 3)));
      const next = racks.map((r, i) => (edited.has(i) ? moved(r) : r));
      const nextIndex = indexRacksByHall(next, current);
      const everyRack = next.flatMap((r, i) => (r !== racks[i] ? [i] : []));
      expect(diffRacks(current, nextIndex)).toEqual({
        full: false,
        changed: everyRack,
        from: everyRack[0],
        to: everyRack.at(-1),
      });
      racks = next;
      current = nextIndex;
    }
  });
});

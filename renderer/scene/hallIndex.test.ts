import { describe, expect, it } from 'vitest';
import {
  buildSampleFacility,
  catalogFor,
  hallObstacles,
  newRack,
  walkObstacles,
  walkStart,
  type ProjectDocument,
  type Rack,
} from '../../shared/index';
import { buildStressSite } from '../../shared/testing/stressSite';
import {
  hallCoolingOf,
  hallDocument,
  hallDoorsOf,
  hallRacksOf,
  hallWallsOf,
  idPositions,
  indexByHall,
  indexRacksByHall,
  NO_RACKS,
} from './hallIndex';

/** Three halls: A with 3 racks, B with 2, C with 1, interleaved as a document may hold them. */
function racks(): Rack[] {
  const at = (id: string, hallId: string, x: number) =>
    newRack({ id, name: id, hallId, rackTypeId: 'rack-48u-600x1200', position: { x, y: 2 } });
  return [at('a1', 'A', 1), at('b1', 'B', 1), at('a2', 'A', 2), at('c1', 'C', 1), at('a3', 'A', 3), at('b2', 'B', 2)];
}

const ids = (list: readonly Rack[] | undefined) => list?.map((r) => r.id);

describe('racks by hall, kept across edits', () => {
  it('groups the racks by hall in document order', () => {
    const index = indexRacksByHall(racks());
    expect(ids(index.byHall.get('A'))).toEqual(['a1', 'a2', 'a3']);
    expect(ids(index.byHall.get('B'))).toEqual(['b1', 'b2']);
    expect(ids(index.byHall.get('C'))).toEqual(['c1']);
  });

  it('hands back the same index for the same array', () => {
    const list = racks();
    const index = indexRacksByHall(list);
    expect(indexRacksByHall(list, index)).toBe(index);
  });

  it('a rack moved in hall A: a new array for A, the very same arrays for B and C', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    // As the store's commands do: a new racks array sharing every rack but the one edited.
    const after = before.map((r) => (r.id === 'a2' ? { ...r, position: { x: 2.6, y: 2 } } : r));
    const next = indexRacksByHall(after, index);
    expect(next.byHall.get('B')).toBe(index.byHall.get('B'));
    expect(next.byHall.get('C')).toBe(index.byHall.get('C'));
    expect(next.byHall.get('A')).not.toBe(index.byHall.get('A'));
    expect(next.byHall.get('A')![1]).toBe(after[2]);
    expect(ids(next.byHall.get('A'))).toEqual(['a1', 'a2', 'a3']);
    // The earlier index is untouched (React may still hold it).
    expect(index.byHall.get('A')![1]).toBe(before[2]);
  });

  it('a new array with the same racks keeps every hall array', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    const next = indexRacksByHall([...before], index);
    for (const hall of ['A', 'B', 'C']) expect(next.byHall.get(hall)).toBe(index.byHall.get(hall));
  });

  it('a rack added to hall B: B is rebuilt, A and C keep their arrays', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    const added = newRack({
      id: 'b3',
      name: 'b3',
      hallId: 'B',
      rackTypeId: 'rack-48u-600x1200',
      position: { x: 3, y: 2 },
    });
    const next = indexRacksByHall([...before, added], index);
    expect(next.byHall.get('A')).toBe(index.byHall.get('A'));
    expect(next.byHall.get('C')).toBe(index.byHall.get('C'));
    expect(ids(next.byHall.get('B'))).toEqual(['b1', 'b2', 'b3']);
  });

  it('a rack moved to another hall: both halls change, the third keeps its array', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    const after = before.map((r) => (r.id === 'c1' ? { ...r, hallId: 'B' } : r));
    const next = indexRacksByHall(after, index);
    expect(next.byHall.get('A')).toBe(index.byHall.get('A'));
    expect(ids(next.byHall.get('B'))).toEqual(['b1', 'c1', 'b2']);
    expect(next.byHall.get('C')).toBeUndefined();
  });

  it('after a chain of edits the index equals one built from scratch', () => {
    let list = racks();
    let index = indexRacksByHall(list);
    for (let step = 0; step < 20; step++) {
      const k = (step * 7) % list.length;
      list = list.map((r, i) => (i === k ? { ...r, position: { x: r.position.x + 0.1, y: 2 } } : r));
      if (step % 5 === 4) list = list.filter((_, i) => i !== k);
      index = indexRacksByHall(list, index);
      const fresh = indexRacksByHall(list);
      for (const hall of ['A', 'B', 'C']) expect(index.byHall.get(hall)).toEqual(fresh.byHall.get(hall));
    }
  });

  it('a hall with no racks is the shared empty list', () => {
    expect(hallRacksOf(racks(), 'Z')).toBe(NO_RACKS);
  });

  it('knows where each hall’s racks stand in the document, kept while no rack comes, goes or changes hall', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    expect([...index.positions.get('A')!]).toEqual([0, 2, 4]);
    expect([...index.positions.get('B')!]).toEqual([1, 5]);
    expect(idPositions(index).get('c1')).toBe(3);
    const after = before.map((r) => (r.id === 'b2' ? { ...r, name: 'B-2' } : r));
    const next = indexRacksByHall(after, index);
    expect(next.positions).toBe(index.positions);
    expect(idPositions(next)).toBe(idPositions(index));
    expect(indexRacksByHall(before.slice(1), next).positions).not.toBe(index.positions);
  });

  it('a rack given another id in place is a new rack: the index is rebuilt', () => {
    const before = racks();
    const index = indexRacksByHall(before);
    const after = before.map((r) => (r.id === 'a2' ? { ...r, id: 'a9' } : r));
    const next = indexRacksByHall(after, index);
    expect(next.positions).not.toBe(index.positions);
    expect(idPositions(next).get('a9')).toBe(2);
    expect(idPositions(next).has('a2')).toBe(false);
    expect(next.byHall.get('B')).toBe(index.byHall.get('B'));
  });

  it('items in no hall are left out, and patched over without a rebuild', () => {
    type Door = { id: string; hallId: string | null; width: number };
    const doors: Door[] = [
      { id: 'd1', hallId: 'A', width: 1 },
      { id: 'd2', hallId: null, width: 1 },
      { id: 'd3', hallId: 'A', width: 1 },
    ];
    const index = indexByHall(doors, (d) => d.hallId);
    expect(index.byHall.get('A')!.map((d) => d.id)).toEqual(['d1', 'd3']);
    expect([...index.slot]).toEqual([0, -1, 1]);
    const next = indexByHall(
      doors.map((d) => (d.id === 'd2' ? { ...d, width: 2 } : d)),
      (d) => d.hallId,
      index,
    );
    expect(next.byHall.get('A')).toBe(index.byHall.get('A'));
    expect(next.positions).toBe(index.positions);
  });
});

describe('the document as one hall sees it', () => {
  const sites: [string, ProjectDocument][] = [
    ['the sample', buildSampleFacility()],
    ['a generated campus of 1,000 racks', buildStressSite(1_000)],
  ];

  it.each(sites)('%s: each hall keeps its own racks, units, walls and doors, in document order', (_, doc) => {
    for (const hall of doc.halls) {
      const seen = hallDocument(doc, hall.id);
      expect(seen.racks).toEqual(doc.racks.filter((r) => r.hallId === hall.id));
      expect(seen.cooling).toEqual(doc.cooling.filter((u) => 'hallId' in u && u.hallId === hall.id));
      expect(seen.walls).toEqual(doc.walls.filter((w) => w.hallId === hall.id));
      expect(seen.doors).toEqual(doc.doors.filter((d) => d.hallId === hall.id));
      expect(seen.racks).toBe(hallRacksOf(doc.racks, hall.id));
      expect(seen.cooling).toBe(hallCoolingOf(doc.cooling, hall.id));
      expect(seen.walls).toBe(hallWallsOf(doc.walls, hall.id));
      expect(seen.doors).toBe(hallDoorsOf(doc.doors, hall.id));
    }
  });

  it.each(sites)('%s: the engine’s per-hall answers are the same from it as from the whole document', (_, doc) => {
    const catalog = catalogFor(doc);
    for (const hall of doc.halls) {
      const seen = hallDocument(doc, hall.id);
      expect(walkObstacles(seen, hall.id)).toEqual(walkObstacles(doc, hall.id));
      expect(walkStart(seen, hall.id)).toEqual(walkStart(doc, hall.id));
      const dragged = new Set(
        doc.racks
          .filter((r) => r.hallId === hall.id)
          .slice(0, 3)
          .map((r) => r.id),
      );
      expect(hallObstacles(seen, catalog, hall.id, dragged)).toEqual(hallObstacles(doc, catalog, hall.id, dragged));
    }
  });
});
